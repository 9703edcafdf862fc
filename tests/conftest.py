"""Shared fixtures: one spaCy pipeline per test session, and paths to the shared eval data."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared_paths import ROOT, SHARED  # noqa: E402,F401 - re-exported for fixtures


@pytest.fixture(scope="session", autouse=True)
def _test_database(tmp_path_factory):
    """Every test (AppTest pages, e2e servers) saves into a temporary SQLite file, never data/."""
    import os
    if os.environ.get("PRESSLENS_DATABASE_URL"):
        yield
        return
    path = tmp_path_factory.mktemp("store") / "presslens.db"
    os.environ["PRESSLENS_DATABASE_URL"] = f"sqlite:///{path}"
    try:
        yield
    finally:
        os.environ.pop("PRESSLENS_DATABASE_URL", None)


@pytest.fixture(scope="session")
def nlp():
    from analysis.nlp import load_nlp
    return load_nlp()


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return (SHARED / "eval" / "seed" / "seed.raw.txt").read_text(encoding="utf-8")
