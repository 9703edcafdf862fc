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


@pytest.fixture()
def app_navigation(monkeypatch):
    """Run app.py on every AppTest run, as the server does.

    AppTest forgets between runs that app.py called ``st.navigation`` and, seeing a ``pages/``
    folder, runs the last page file on its own (legacy automatic pages), skipping app.py and its
    sidebar. On the server the first ``st.navigation`` call switches that legacy mode off for
    good; this does the same for each AppTest run.
    """
    from streamlit.runtime.pages_manager import PagesManager
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)
