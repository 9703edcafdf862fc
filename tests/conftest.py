"""Shared fixtures: one spaCy pipeline per test session, and paths to the shared eval data."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def nlp():
    from analysis.nlp import load_nlp
    return load_nlp()


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return (SHARED / "eval" / "seed" / "seed.raw.txt").read_text(encoding="utf-8")
