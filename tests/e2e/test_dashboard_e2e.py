"""The dashboard in a real browser: paste, upload, hostile text; a screenshot of every page."""
from __future__ import annotations

import io
import re

import pytest

pytestmark = pytest.mark.e2e

HOSTILE = ("Mayor Jane Smith said: “We will keep the library open.”\n\n"
           '<img src=x onerror="window.__x=1">\n\n'
           "<script>window.__y=1</script>\n\n"
           "The Town Council met on Monday to discuss the budget.")


def analyse_pasted(page, text: str) -> None:
    page.get_by_label("Article text").fill(text)
    page.get_by_role("button", name="Analyze", exact=True).click()
    page.locator(".pl-original").wait_for()
    wait_idle(page)


def shoot(page, path) -> None:
    """Screenshot of the whole page: Streamlit scrolls inside its own container, so the window
    is made as tall as the content first, once lazily loaded widgets and charts are drawn."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')")
    height = page.evaluate("() => Math.max(...[...document.querySelectorAll('*')]"
                           ".map(e => e.scrollHeight))")
    page.set_viewport_size({"width": 1440, "height": min(max(int(height), 1000), 6000)})
    page.wait_for_timeout(800)  # charts redraw after the resize
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size({"width": 1440, "height": 1000})


def wait_idle(page) -> None:
    """Wait until Streamlit has finished the current run (no 'Running...' status)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)


def open_page(page, title: str) -> None:
    page.get_by_role("link", name=title, exact=True).first.click()
    page.get_by_role("heading", name=title).first.wait_for()
    wait_idle(page)


def test_seed_article_pages(page, seed_raw, screenshots):
    analyse_pasted(page, seed_raw)
    removed = page.locator(".pl-original del.pl-removed", has_text=re.compile(r"^Advertisement$"))
    assert removed.count() >= 1
    assert "removed:" in page.locator(".pl-original").inner_text()
    page.locator(".pl-cleaned .pl-tag").first.wait_for()    # (a busy machine renders late)
    assert page.locator(".pl-cleaned .pl-tag").count() > 5
    shoot(page, screenshots / "analyze.png")

    open_page(page, "Quotes")
    page.locator("[data-testid='stTable']", has_text="Evan Barrett").wait_for()
    summary = page.locator("[data-testid='stMarkdownContainer']", has_text="Quoted:")
    assert "Evan Barrett" in summary.inner_text()
    shoot(page, screenshots / "quotes.png")

    open_page(page, "Actors")
    page.locator(".pl-evidence").first.wait_for()
    shoot(page, screenshots / "actors.png")


def test_upload_html_and_docx(page, tmp_path, screenshots):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("Harbour Plan Approved")
    doc.add_paragraph("Mayor Lena Ortiz said: “The harbour plan will bring jobs to the town.”")
    doc.add_paragraph("Share this article")
    doc.save(tmp_path / "harbour.docx")
    (tmp_path / "bridge.html").write_text(
        "<html><head><title>Council Backs Bridge</title></head><body><article>"
        "<h1>Council Backs Bridge</h1><p>The city council voted on Monday to fund the new "
        "bridge over the river Avon.</p><p>“This bridge connects two halves of our city,” said "
        "councillor Ahmed Rahman.</p></article></body></html>", encoding="utf-8")
    page.get_by_role("tab", name="Upload files").click()
    page.locator("input[type=file]").set_input_files([tmp_path / "bridge.html",
                                                      tmp_path / "harbour.docx"])
    page.get_by_text("harbour.docx").first.wait_for()
    # the button is enabled once both files have reached the server (a form)
    page.get_by_role("button", name="Analyze files").click()
    page.get_by_text("Analysed 2 articles").wait_for()
    wait_idle(page)
    assert "harbour plan" in page.locator(".pl-cleaned").inner_text()
    shoot(page, screenshots / "upload.png")


def test_hostile_text_is_shown_not_run(page, screenshots):
    analyse_pasted(page, HOSTILE)
    assert page.evaluate("() => window.__x") is None
    assert page.evaluate("() => window.__y") is None
    original = page.locator(".pl-original").inner_text()
    assert '<img src=x onerror="window.__x=1">' in original
    assert "<script>window.__y=1</script>" in original
    shoot(page, screenshots / "hostile.png")
