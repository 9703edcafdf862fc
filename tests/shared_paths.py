"""Where the repository and the shared evaluation data are (the data sits beside the repo).

Imported as ``from shared_paths import ROOT, SHARED``: two conftest.py files exist (tests/ and
tests/e2e/), so importing from "conftest" would be ambiguous.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
