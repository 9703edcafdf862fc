"""Stories in a real browser: import two stories, compare one, open its share link elsewhere.

The server of this module has a database of its own (a temporary SQLite file), so the Library
starts empty. Screenshots go to the pytest temporary directory (``screenshots`` fixture).
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from analysis.store import new_id
from tests.conftest import SHARED
from tests.e2e.conftest import server_with_own_database
from tests.e2e.test_dashboard_e2e import shoot, wait_idle

pytestmark = pytest.mark.e2e

STORIES = SHARED / "eval" / "stories"
NOT_FOUND = "No story was found for this link"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    """This module's own server and database (overrides the shared ``server`` fixture)."""
    with server_with_own_database(tmp_path_factory.mktemp("stories_server")) as url:
        yield url


def story_files(prefix: str) -> list:
    files = sorted(STORIES.glob(f"{prefix}-*.raw.txt"))
    if len(files) != 3:
        pytest.skip(f"the dev stories are not under {STORIES}")
    return files


def open_page(page, title: str) -> None:
    page.get_by_role("link", name=title, exact=True).first.click()
    page.get_by_role("heading", name=title).first.wait_for()
    wait_idle(page)


def import_story(page, files, name: str) -> None:
    expander = page.locator("details", has_text="Import articles into a story")
    expander.wait_for()
    if expander.get_attribute("open") is None:                  # closed once stories exist
        page.get_by_text("Import articles into a story").click()
    page.get_by_text("Files to import").wait_for()
    page.locator("input[type=file]").set_input_files(files)
    page.locator("[data-testid='stFileChip']").nth(len(files) - 1).wait_for()   # all listed
    page.wait_for_function(                                                         # and sent
        "() => !document.querySelector('[data-testid=\"stFileChipIconSpinner\"]')")
    page.get_by_label("Name of the new story").fill(name)
    page.get_by_role("button", name="Import", exact=True).click()
    done = page.get_by_text(f"Imported {len(files)} articles into “{name}”")
    refused = page.locator("[data-testid='stAlertContentError']")
    done.or_(refused).first.wait_for(timeout=300_000)
    assert refused.count() == 0, refused.first.inner_text()
    wait_idle(page)


TAB_HEADINGS = {"Coverage": "Who each outlet covers",
                "Stance": "How each outlet treats the actors they share"}


def compare_is_shown(page, name: str, outlets: list[str], tab: str = "Coverage") -> None:
    """The story's Compare page with ``tab`` open: its heading and its one chart drawn."""
    page.get_by_role("heading", name=name).first.wait_for()
    page.get_by_role("heading", name="Download").wait_for()
    wait_idle(page)
    page.get_by_role("heading", name=TAB_HEADINGS[tab]).wait_for()
    page.locator("[data-testid='stVegaLiteChart'] canvas, "
                 "[data-testid='stVegaLiteChart'] svg").first.wait_for()
    caption = page.get_by_text(re.compile(r"\d+ articles from \d+ outlets")).first.inner_text()
    for outlet in outlets:
        assert outlet in caption
    assert page.get_by_role("tab", name=tab).get_attribute("aria-selected") == "true"
    assert page.locator("[data-testid='stVegaLiteChart']").count() == 1   # only the open tab


def copy_share_link(page) -> str:
    page.get_by_role("button", name="Share link").click()
    link = page.locator("[data-testid='stPopoverBody'] [data-testid='stCode']").inner_text().strip()
    page.keyboard.press("Escape")
    return link


def test_import_compare_and_share(page, browser, server, screenshots):
    football, health = story_files("football"), story_files("health")
    outlets = [f.name.split(".")[0] for f in football]

    open_page(page, "Library")
    import_story(page, football, "Football takeover")
    shoot(page, screenshots / "library-after-import.png")
    page.goto(f"{server}/library")                 # a fresh uploader for the second story
    page.get_by_role("heading", name="Library").first.wait_for()
    wait_idle(page)
    import_story(page, health, "Health funding")
    page.goto(f"{server}/library")
    page.get_by_role("heading", name="Stories (2)").wait_for()
    wait_idle(page)
    # (each story's share link; the articles' own links may render first)
    page.locator("[data-testid='stCode']", has_text="compare?story=").first.wait_for()
    shoot(page, screenshots / "library.png")

    page.get_by_role("link", name="Open “Health funding” on the Compare page").click()
    page.get_by_role("heading", name="Health funding").first.wait_for()
    wait_idle(page)
    page.get_by_label("Story").first.click()
    page.get_by_role("option", name=re.compile("Football takeover")).click()
    wait_idle(page)
    compare_is_shown(page, "Football takeover", outlets)
    shoot(page, screenshots / "compare-football.png")
    assert re.search(r"/compare\?story=[A-Za-z0-9_-]{22,}$", copy_share_link(page))
    page.get_by_role("tab", name="Stance").click()
    wait_idle(page)
    compare_is_shown(page, "Football takeover", outlets, tab="Stance")
    shoot(page, screenshots / "compare-football-stance.png")
    link = copy_share_link(page)
    assert re.search(r"/compare\?story=[A-Za-z0-9_-]{22,}&view=Stance$", link), link
    assert parse_qs(urlsplit(page.url).query) == parse_qs(urlsplit(link).query)

    fresh = browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        other = fresh.new_page()
        other.set_default_timeout(60_000)
        other.goto(link)
        compare_is_shown(other, "Football takeover", outlets, tab="Stance")
        shoot(other, screenshots / "compare-shared-link.png")

        for bad in (new_id(), "' OR 1=1 --"):
            other.goto(f"{server}/compare?story={quote(bad)}")
            other.get_by_text(NOT_FOUND).wait_for()
            wait_idle(other)
            assert other.locator("[data-testid='stException']").count() == 0
        shoot(other, screenshots / "compare-not-found.png")
    finally:
        fresh.close()
