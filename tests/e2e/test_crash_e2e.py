"""The dashboard server killed (SIGKILL) after articles were analysed: once restarted on the same
database, every share link it had shown opens its article (what the analyst was told is saved,
is saved). The batch import's crash test is tests/test_crash_recovery.py.
"""
from __future__ import annotations

import os
import re
import signal

import pytest

from analysis.store import ENV_VAR, Store
from tests.e2e.dashboard_server import free_port, start_server, stop_server
from tests.e2e.test_dashboard_e2e import wait_idle

pytestmark = pytest.mark.e2e

ARTICLES = ("Ferry Service Restored\n\nThe island ferry resumed sailing on Tuesday after a "
            "two-week strike. “Passengers can travel again,” said harbour master Ines Duarte.",
            "Library Hours Extended\n\nThe city library will open on Sundays from March, "
            "councillor Tomas Berg announced. “Reading rooms belong to everyone,” he said.")


def _server(db, log):
    before = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = f"sqlite:///{db}"
    try:
        return start_server(free_port(), log)
    finally:
        if before is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = before


def _url(proc) -> str:
    return f"http://127.0.0.1:{proc.args[proc.args.index('--server.port') + 1]}"


def test_share_links_shown_before_a_server_kill_open_after_restart(browser, tmp_path):
    db = tmp_path / "presslens.db"
    proc = _server(db, tmp_path / "first.log")
    links = []
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(_url(proc))
        for text in ARTICLES:
            page.get_by_label("Article text").fill(text)
            page.get_by_role("button", name="Analyze", exact=True).click()
            headline = text.split("\n", 1)[0]
            page.get_by_role("heading", name=headline).first.wait_for()
            # the run is over once the permalink names a new saved article
            page.wait_for_function("seen => { const m = location.search.match(/article=([\\w-]{22})$/);"
                                   " return m && !seen.includes(m[1]); }",
                                   arg=[aid for aid, _ in links])
            wait_idle(page)
            aid = page.url.rsplit("article=", 1)[1]
            page.locator("[data-testid='stSidebar']").get_by_role("button", name="Share link").click()
            shown = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode']").inner_text()
            page.keyboard.press("Escape")
            assert shown.strip().endswith(f"?article={aid}"), shown
            links.append((aid, headline))
    finally:
        context.close()
        os.kill(proc.pid, signal.SIGKILL)                      # no shutdown, no flush
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    store = Store(f"sqlite:///{db}")
    try:
        assert store.count_articles() == len(ARTICLES)
    finally:
        store.dispose()
    proc = _server(db, tmp_path / "second.log")
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        for aid, headline in links:
            page.goto(f"{_url(proc)}/?article={aid}")
            page.get_by_role("heading", name=headline).first.wait_for()
            wait_idle(page)
            assert headline in page.locator(".pl-original").inner_text()
            assert page.locator("[data-testid='stAlertContentWarning']").count() == 0
    finally:
        context.close()
        stop_server(proc)
