"""End-to-end fixtures: one Streamlit server per test module and Debian's Chromium via Playwright.

The browser is /usr/bin/chromium (never a Playwright download). In CI a missing browser fails the
run; on a developer machine without it the tests are skipped with the reason.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from tests.e2e.dashboard_server import free_port, start_server, stop_server  # noqa: F401

CHROMIUM = os.environ.get("PRESSLENS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


@contextlib.contextmanager
def server_with_own_database(folder: Path):
    """A server on an empty SQLite store in ``folder``, for a module whose tests must not share
    data with the others; yields its base URL and stops it afterwards."""
    from analysis.store import ENV_VAR
    before = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = f"sqlite:///{folder / 'presslens.db'}"
    try:
        proc = start_server(free_port(), folder / "streamlit.log")
    finally:
        if before is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = before
    try:
        yield f"http://127.0.0.1:{proc.args[proc.args.index('--server.port') + 1]}"
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    proc = start_server(free_port(), log)
    try:
        yield f"http://127.0.0.1:{proc.args[proc.args.index('--server.port') + 1]}"
    finally:
        stop_server(proc)


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = launch_chromium(p)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    pg.goto(server)
    pg.get_by_label("Article text").wait_for()
    pg.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    yield pg
    context.close()
