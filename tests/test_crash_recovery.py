"""A batch import killed (SIGKILL) half way: nothing committed is lost, and running the same
import again finishes the story without saving anything twice.

Tested at the CLI level (``python -m analysis import RESULTS --story NAME``, the path a corpus
takes into the store) against a SQLite file: the process is killed while it writes, as a power
cut or the OOM killer would, then the store is reopened as a restarted server would.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import analysis
from analysis.batch import RowWriter
from analysis.store import Store
from tests.conftest import ROOT

ROWS = 600                  # enough that the import takes seconds, so the kill lands in the middle
KILL_AFTER = 40             # articles seen committed before the kill
STORY = "Harbour strike wire copy"
TEXTS = ("Dock workers in Rotterdam began a 48-hour strike on Monday, the FNV union said. "
         "“We have no other choice,” union leader Marit de Boer told reporters.",
         "The Port Authority said ships would be diverted to Antwerp. Its chief executive, "
         "Allard Castelein, called the strike “deeply regrettable”.",
         "Shipping companies including Maersk warned of delays of up to a week.")


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> tuple:
    """ROWS analysed rows: the same wire stories as carried by many outlets (distinct articles)."""
    base = [a.to_dict() for a in analysis.analyze_many(TEXTS)]
    rows = []
    for n in range(ROWS):
        row = dict(base[n % len(base)])
        row.update(source=f"Outlet {n:04d}", title=f"Strike report {n}")
        rows.append(row)
    path = tmp_path_factory.mktemp("crash") / "rows.jsonl"
    with RowWriter(str(path)) as writer:
        for row in rows:
            writer.write(row)
    return path, rows


def _story_sources(db) -> list[str]:
    """The sources of the story's articles in story order, read as another process would."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
        try:
            return [r[0] for r in conn.execute(
                "SELECT a.source FROM story_articles m JOIN articles a ON a.id = m.article_id "
                "JOIN stories s ON s.id = m.story_id WHERE s.name = ? ORDER BY m.position",
                (STORY,))]
        except sqlite3.OperationalError:           # tables not created yet
            return []


def _import(results_path, env) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "analysis", "import", str(results_path),
                             "--story", STORY], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_killed_import_loses_nothing_committed_and_resumes(results, tmp_path):
    results_path, rows = results
    db = tmp_path / "store.db"
    env = {**os.environ, "PRESSLENS_DATABASE_URL": f"sqlite:///{db}"}
    proc = _import(results_path, env)
    seen: list[str] = []
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                seen = _story_sources(db)
                if len(seen) >= KILL_AFTER:
                    break
            time.sleep(0.02)
        assert proc.poll() is None, "the import finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert KILL_AFTER <= len(seen) < ROWS

    # Restart: the file opens, is consistent, and every article seen committed is there whole.
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = Store(f"sqlite:///{db}")
    try:
        (story,) = store.list_stories()
        survived = store.story_articles(story.id)
        assert [a.source for a in survived][:len(seen)] == seen
        assert len(survived) < ROWS
        for record in survived[:: max(1, len(survived) // 20)]:
            n = int(record.source.split()[-1])
            assert record.title == rows[n]["title"]
            assert record.analysis["actors"] == rows[n]["actors"]
            assert record.analysis["quotes"] == rows[n]["quotes"]
    finally:
        store.dispose()

    # Resume: the same command saves only what is missing, in order, nothing twice.
    done = subprocess.run([sys.executable, "-m", "analysis", "import", str(results_path),
                           "--story", STORY], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["already_in_story"] == len(survived)
    assert summary["imported"] == ROWS - len(survived) and summary["skipped"] == 0
    assert _story_sources(db) == [r["source"] for r in rows]
    store = Store(f"sqlite:///{db}")
    try:
        assert store.count_articles() == ROWS
        assert store.count_analyses() == len(TEXTS)            # wire copy analysed once each
        assert len(store.list_stories()) == 1
    finally:
        store.dispose()
