"""Hostile content in a real browser: every user-controlled string renders as literal text.

Article text, its title (first line), the source name, an actor renamed by the analyst, a file
name and the ``?article=`` / ``?story=`` query parameters carry HTML, script, ``javascript:``
links, Markdown, LaTeX, Streamlit colour directives and a 5,000-character word. Each payload sets
a ``window.__pwn*`` global if it ever runs; the tests assert none is defined, that no dialog
opened, that nothing was turned into a link, maths, bold or colour, and that the page does not
scroll sideways. Screenshots go to the pytest temporary directory (``screenshots`` fixture).
"""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from analysis.store import new_id
from tests.e2e.conftest import server_with_own_database
from tests.e2e.test_dashboard_e2e import shoot, wait_idle

pytestmark = pytest.mark.e2e

LONG_WORD = "Supercalifragilistic" * 250                        # 5,000 characters, no space
TITLE = "Mayor **vows** [help](javascript:window.__pwn1=1) $x^2$ :red[now] <b>loud</b>"
SOURCE = '<img src=x onerror="window.__pwn2=1"> **Gazette** $y$ :blue[ink] [s](javascript:window.__pwn3=1)'
ARTICLE = (f"{TITLE}\n\n"
           "<script>window.__pwn4=1</script>\n\n"
           '<img src=x onerror="window.__pwn5=1;alert(5)">\n\n'
           "Mayor Jane Smith said on Monday: “We will keep the **library** open "
           "<img src=x onerror=window.__pwn6=1> [click](javascript:window.__pwn7=1) "
           "$\\frac{1}{2}$ :green[always].”\n\n"
           "The Town Council met on Monday to discuss the budget with Jane Smith and the "
           "Harbour Board. ~~struck~~ :material/home: <a href=\"javascript:window.__pwn8=1\">x</a>\n\n"
           f"{LONG_WORD}\n\n"
           "“Nobody will lose their job,” said Harbour Board chair Omar Reyes.")
RENAMED = ('<img src=x onerror=window.__pwn9=1> **Boss** [b](javascript:window.__pwn10=1) '
           "$z$ :red[Smith]")
LITERALS = ["**vows**", "[help](javascript:window.__pwn1=1)", "$x^2$", ":red[now]", "<b>loud</b>"]
BAD_IDS = ["' OR 1=1 --", "1; DROP TABLE articles; --", "../../../../etc/passwd",
           "..%2F..%2Fetc%2Fpasswd", "<script>window.__pwn11=1</script>", "x" * 5000,
           "%00", "A" * 22]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    """This module's own server and empty database (overrides the shared ``server`` fixture)."""
    with server_with_own_database(tmp_path_factory.mktemp("hostile_server")) as url:
        yield url


@pytest.fixture()
def dialogs(page) -> list[str]:
    """Every alert/confirm/prompt the page tried to open (dismissed at once)."""
    seen: list[str] = []

    def on_dialog(dialog):
        seen.append(dialog.message)
        dialog.dismiss()
    page.on("dialog", on_dialog)
    return seen


def assert_nothing_ran(page, dialogs) -> None:
    ran = page.evaluate("() => Object.keys(window).filter(k => k.startsWith('__pwn'))")
    assert ran == [] and dialogs == []


def assert_no_markup_from_user_text(page) -> None:
    """No link, maths, bold or colour was made from the payloads; no traceback on the page."""
    main = page.locator("[data-testid='stAppViewContainer']")
    assert main.locator("a[href^='javascript']").count() == 0
    assert main.locator(".katex, math").count() == 0
    bold = main.locator("strong").all_inner_texts()
    for word in ("vows", "library", "Gazette", "Boss"):
        assert word not in bold
    assert main.locator("img[src='x']").count() == 0
    assert main.locator("script:not([src])", has_text="__pwn").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0


def assert_no_sideways_scroll(page) -> None:
    widths = page.evaluate("""() => {
        const main = document.querySelector('[data-testid="stMain"]') || document.body;
        return [document.documentElement.scrollWidth, main.scrollWidth, main.clientWidth,
                window.innerWidth];
    }""")
    page_width, main_scroll, main_client, window_width = widths
    assert page_width <= window_width + 5, widths
    assert main_scroll <= main_client + 5, widths


def assert_page_safe(page, dialogs, screenshot=None) -> None:
    """Screenshot (when given), then: no script ran, no markup from user text, no sideways scroll."""
    if screenshot is not None:
        shoot(page, screenshot)
    assert_nothing_ran(page, dialogs)
    assert_no_markup_from_user_text(page)
    assert_no_sideways_scroll(page)


def body_text(page) -> str:
    return page.locator("[data-testid='stAppViewContainer']").inner_text()


def open_page(page, title: str) -> None:
    page.get_by_role("link", name=title, exact=True).first.click()
    page.get_by_role("heading", name=title).first.wait_for()
    wait_idle(page)


def test_hostile_article_title_source_and_rename_render_as_text(page, dialogs, server, screenshots):
    page.get_by_role("textbox", name="Source / outlet (optional)").fill(SOURCE)
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_role("button", name="Analyze", exact=True).click()
    page.locator(".pl-original").wait_for()
    wait_idle(page)
    assert_page_safe(page, dialogs, screenshots / "hostile-analyze.png")
    shown = body_text(page)
    for literal in LITERALS:
        assert literal in shown, literal
    assert "Source: " + SOURCE in shown                       # the caption under the heading
    heading = page.locator("[data-testid='stHeading']", has_text="vows").first.inner_text()
    assert "**vows**" in heading and ":red[now]" in heading
    original = page.locator(".pl-original").inner_text()
    assert "<script>window.__pwn4=1</script>" in original
    assert LONG_WORD in original.replace("\n", "")
    sidebar = page.locator("[data-testid='stSidebar']").inner_text()
    assert "**vows**" in sidebar or "Gazette" in sidebar

    open_page(page, "Quotes")
    assert_page_safe(page, dialogs, screenshots / "hostile-quotes.png")
    assert "**library**" in body_text(page)

    open_page(page, "Actors")
    page.get_by_role("tab", name="Rename an actor").click()
    page.get_by_label("New name").fill(RENAMED)
    page.get_by_role("button", name="Rename", exact=True).click()
    page.get_by_text("Your corrections to this article").wait_for()
    wait_idle(page)
    assert_page_safe(page, dialogs, screenshots / "hostile-actors.png")
    shown = body_text(page)
    assert RENAMED in shown                                    # the list of corrections
    assert f"Polarity toward {RENAMED}" in shown               # the evidence caption

    open_page(page, "Quotes")
    assert_nothing_ran(page, dialogs)
    assert_no_markup_from_user_text(page)


def test_hostile_file_name_is_named_literally(page, dialogs, tmp_path, screenshots):
    bad = tmp_path / '**x** <img src=x onerror=window.__pwn12=1> $q$ [a](javascript:b).txt'
    bad.write_bytes(bytes(range(256)) * 40)
    good = tmp_path / "good.txt"
    good.write_text("The Town Council met on Monday. Mayor Jane Smith said the budget is fair.",
                    encoding="utf-8")
    page.get_by_role("tab", name="Upload files").click()
    page.locator("input[type=file]").set_input_files([bad, good])
    page.locator("[data-testid='stFileChip']").nth(1).wait_for()
    # the button is enabled once both files have reached the server (a form)
    page.get_by_role("button", name="Analyze files").click()
    page.get_by_text("Analysed 1 article").wait_for()
    wait_idle(page)
    error = page.locator("[data-testid='stAlertContentError']").inner_text()
    assert error.startswith(f"{bad.name} is not a text file")
    shoot(page, screenshots / "hostile-file-name.png")
    assert_nothing_ran(page, dialogs)
    assert_no_markup_from_user_text(page)


@pytest.mark.parametrize("param", ["article", "story"])
def test_hostile_and_unknown_ids_in_links_say_not_found(browser, server, param, screenshots):
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    path = "" if param == "article" else "compare"
    expected = (re.compile(r"This link does not name a saved article|No saved article has the id")
                if param == "article" else re.compile("No story was found for this link"))
    try:
        for n, bad in enumerate(BAD_IDS + [new_id()]):
            page.goto(f"{server}/{path}?{param}={quote(bad, safe='')}")
            page.get_by_text(expected).first.wait_for()
            wait_idle(page)
            assert_nothing_ran(page, dialogs)
            assert_no_markup_from_user_text(page)
            assert_no_sideways_scroll(page)
            assert page.locator(".pl-original").count() == 0
            assert page.locator("[data-testid='stAlertContentError'], "
                                "[data-testid='stAlertContentWarning']").count() == 1
            if n == 0:
                shoot(page, screenshots / f"hostile-{param}-link.png")
    finally:
        context.close()


def test_share_ids_are_not_enumerable(page, server):
    page.get_by_label("Article text").fill("The Town Council met on Monday. Mayor Jane Smith "
                                           "said the new budget keeps every library open.")
    page.get_by_role("button", name="Analyze", exact=True).click()
    page.locator(".pl-original").wait_for()
    page.wait_for_url(re.compile(r"article=[A-Za-z0-9_-]{22}$"))
    aid = page.url.rsplit("article=", 1)[1]
    neighbours = {aid[:-1] + c for c in "AQgw" if aid[:-1] + c != aid}
    neighbours |= {aid[1:] + aid[0], aid[::-1]}
    for other in neighbours:
        page.goto(f"{page.url.split('?', 1)[0]}?article={other}")
        page.get_by_text("No saved article has the id in this link").wait_for()
        assert page.locator(".pl-original").count() == 0
