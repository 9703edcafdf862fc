"""Every page through Streamlit's AppTest, driven like an analyst would, with the real pipeline.

What each page shows is checked against ``analysis.analyze`` run here on the same input, plus the
seed article's facts any working analysis shows (who is quoted, which lines are clutter).
"""
from __future__ import annotations

import html
import io
import re

import pytest
from streamlit.testing.v1 import AppTest

import analysis
from analysis.actor_stance_encoder import SIDES_AT
from analysis.sentiment import mean_stance, stance_label
from tests.conftest import ROOT

APP = str(ROOT / "app.py")
TIMEOUT = 120


def _new_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    return at


def _paste(at: AppTest, text: str) -> AppTest:
    at.text_area(key="analyze.text").input(text)
    at.button(key="analyze.run_text").click()
    at.run()
    assert not at.exception
    return at


def _html_blocks(at: AppTest, css_class: str) -> list[str]:
    return [m.value for m in at.get("html") if m.value.startswith(f'<div class="{css_class} ')]


def _visible_text(fragment: str) -> str:
    """The text a browser shows for our escaped HTML (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<br>", "\n", re.sub(r"<(?!br>)[^>]+>", "", fragment)))


# app.py runs on every AppTest run, as on the server (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("app_navigation")


@pytest.fixture(scope="module")
def seed_expected(seed_raw):
    return analysis.analyze(seed_raw)


@pytest.fixture()
def seeded(seed_raw) -> AppTest:
    return _paste(_new_app(), seed_raw)


def test_landing_page_offers_the_three_inputs_and_other_pages_point_back_to_it():
    at = _new_app()
    assert at.text_area(key="analyze.text").label == "Article text"
    assert at.button(key="analyze.run_text").label == "Analyze"
    assert at.file_uploader(key="analyze.files").accept_multiple_files
    assert {"txt", "md", "html", "htm", "pdf", "docx"} <= {
        t.lstrip(".") for t in at.file_uploader(key="analyze.files").allowed_type}
    assert at.text_input(key="analyze.url").label.startswith("Web address")
    for page in ("pages/actors.py", "pages/quotes.py"):
        at.switch_page(page).run()
        assert not at.exception
        assert "No article analysed yet" in at.info[0].value


def test_empty_and_oversized_text_give_one_sentence_and_keep_the_text(seed_raw):
    at = _paste(_new_app(), "   \n  ")
    assert len(at.error) == 1 and "empty" in at.error[0].value
    from analysis.ingest import MAX_TEXT_CHARS
    huge = "Word " * (MAX_TEXT_CHARS // 5 + 10)
    at = _paste(at, huge)
    assert len(at.error) == 1 and "too long" in at.error[0].value
    assert at.text_area(key="analyze.text").value == huge
    assert not _html_blocks(at, "pl-original")


def test_a_text_that_is_not_english_is_analysed_with_a_warning_on_every_page(seeded):
    from tests.test_language import FOREIGN
    assert not seeded.warning       # the English seed: no warning
    at = _paste(seeded, FOREIGN["Spanish"])
    assert len(at.warning) == 1 and "looks like Spanish" in at.warning[0].value
    assert _html_blocks(at, "pl-cleaned")       # the analysis is still shown
    for page in ("pages/actors.py", "pages/quotes.py"):
        at.switch_page(page).run()
        assert not at.exception
        assert [w.value for w in at.warning if "looks like Spanish" in w.value]


def test_analyze_page_shows_removed_lines_struck_through_and_entities_typed(seeded, seed_expected):
    original = _html_blocks(seeded, "pl-original")
    cleaned = _html_blocks(seeded, "pl-cleaned")
    assert len(original) == 1 and len(cleaned) == 1
    struck = re.findall(r'<del class="pl-mark pl-removed"[^>]*>([^<]*)</del>'
                        r'<span class="pl-tag pl-tag-removed">removed: ([^<]*)</span>', original[0])
    struck = {(html.unescape(t), html.unescape(r)) for t, r in struck}
    assert "Advertisement" in {t for t, _ in struck}
    assert {(r.text, r.reason) for r in seed_expected.removed} == struck
    # the cleaned pane shows the analysed text, each entity followed by its type as text
    shown = _visible_text(cleaned[0])
    for m in seed_expected.entities[:20]:
        assert f"{m.text}{m.label}" in shown
    assert any(v.startswith('<div class="pl-legend ') for v in (m.value for m in seeded.get("html")))
    assert any(b.label == "Analysis (JSON)" for b in seeded.get("download_button"))


def test_restoring_a_removed_line_reruns_the_analysis(seeded, seed_expected):
    key = next(k for k in _widget_keys(seeded) if k.endswith(".restore"))
    box = seeded.multiselect(key=key)
    advert = next(o for o in box.options if o.startswith("Advertisement"))
    box.select(advert).run()
    assert not seeded.exception
    cleaned = _visible_text(_html_blocks(seeded, "pl-cleaned")[0])
    assert "Advertisement" in cleaned and "Advertisement" not in seed_expected.text
    original = _html_blocks(seeded, "pl-original")[0]
    assert re.search(r'<ins class="pl-mark pl-restored"[^>]*>Advertisement</ins>', original)


def test_actors_page_lists_the_seed_actors_and_their_evidence(seeded, seed_expected):
    seeded.switch_page("pages/actors.py").run()
    assert not seeded.exception
    table = seeded.dataframe[0].value
    assert list(table["actor"]) == [a.name for a in seed_expected.actors]
    speakers = {q.speaker for q in seed_expected.quotes if q.speaker}
    assert set(table[table["quoted"]]["actor"]) == speakers
    names = " ".join(list(table["actor"]) + list(table["aliases"]))
    assert "Kerry" in names and "Assad" in names
    assert all(0 <= n <= len(a.evidence) for n, a in zip(table["stance_sentences"],
                                                         seed_expected.actors))
    # the scores shown read as their labels do, and the page says where the bands lie
    assert all(stance_label(a.sentiment, a.type) == a.label for a in seed_expected.actors)
    assert list(table["label"]) == [a.label for a in seed_expected.actors]
    assert any("positive above +0.22" in m.value for m in seeded.markdown)
    # how strongly the narrator takes sides, and what that does to the labels
    sides = seed_expected.sentiment.sides
    caption = next(c.value for c in seeded.caption if c.value.startswith("How strongly"))
    assert f"takes sides: {sides:.2f} of 1" in caption
    assert ("It takes sides" in caption) == (sides >= SIDES_AT)
    assert seeded.get("arrow_vega_lite_chart") or seeded.get("vega_lite_chart")
    chosen = seed_expected.actors[0]
    evidence = _html_blocks(seeded, "pl-evidence")
    assert len(evidence) == len(chosen.evidence)
    assert all('class="pl-mark pl-actor"' in e for e in evidence)


def test_actors_page_hides_laws_and_events_until_the_analyst_asks_for_them():
    text = ("President Barack Obama signed the Affordable Care Act in 2010, and Republicans in "
            "Congress have tried to repeal it ever since. The law survived Watergate-style "
            "hearings, the senator said. Senator Mitch McConnell called it a failure.")
    at = _paste(_new_app(), text)
    at.switch_page("pages/actors.py").run()
    assert not at.exception
    kinds = at.pills(key="actors.kinds")
    assert kinds.value == ["People", "Organisations"]
    assert "Other names" in kinds.options
    shown = set(at.dataframe[0].value["actor"])
    assert {"Barack Obama", "Mitch McConnell", "Congress"} <= shown
    assert not shown & {"Affordable Care Act", "Watergate"}
    assert any("2 more names" in c.value for c in at.caption)
    kinds.set_value(["People", "Other names"]).run()
    shown = set(at.dataframe[0].value["actor"])
    assert {"Affordable Care Act", "Watergate", "Barack Obama"} <= shown
    assert "Congress" not in shown


def test_actors_page_says_why_an_evidence_sentence_does_not_count(seeded, seed_expected):
    """Each evidence sentence's caption gives its polarity and, when it counts less, why."""
    reasons = {"quoted": "does not count", "setting": "the place where it happens",
               "affiliation": "whom a person works for", "pronoun": "counts half",
               "speaker": "reports what they said", "result": "a score",
               "list": "in a list of three or more"}
    actor = next(a for a in seed_expected.actors if any(e.reason for e in a.evidence))
    seeded.switch_page("pages/actors.py").run()
    seeded.selectbox(key="actors.chosen").select(actor.name).run()
    assert not seeded.exception
    summary = next(c.value for c in seeded.caption if c.value.startswith("Stance "))
    counting = sum(1 for e in actor.evidence if e.weight > 0 and not e.quoted)
    assert (f"{counting or 'none'} of which count" in summary) == (counting < len(actor.evidence))
    # the one-at-a-time average beside the stance, so a disagreement between them is visible
    assert (f"the sentences that count average {mean_stance(actor.evidence):+.2f}" in summary) \
        == (counting > 0)
    captions = [c.value for c in seeded.caption if c.value.startswith("Polarity toward")]
    assert len(captions) == len(actor.evidence)
    for caption, ev in zip(captions, actor.evidence):
        assert f"{ev.polarity:+.2f}" in caption
        assert (reasons[ev.reason] in caption) if ev.reason else ("·" not in caption)


def test_actor_corrections_rename_merge_and_undo(seeded, seed_expected):
    seeded.switch_page("pages/actors.py").run()
    first, second = seed_expected.actors[0].name, seed_expected.actors[1].name
    seeded.selectbox(key="actors.rename_old").select(first)
    seeded.text_input(key="actors.rename_new").input("Renamed By Analyst")
    seeded.button(key="FormSubmitter:actors.rename_form-Rename").click().run()
    assert not seeded.exception
    table = seeded.dataframe[0].value
    assert "Renamed By Analyst" in set(table["actor"]) and first not in set(table["actor"])

    seeded.selectbox(key="actors.merge_keep").select("Renamed By Analyst")
    seeded.selectbox(key="actors.merge_absorb").select(second)
    seeded.button(key="FormSubmitter:actors.merge_form-Merge").click().run()
    table = seeded.dataframe[0].value
    assert second not in set(table["actor"])
    row = table[table["actor"] == "Renamed By Analyst"].iloc[0]
    assert row["mentions"] == seed_expected.actors[0].mentions + seed_expected.actors[1].mentions

    # the correction is kept with the article: the Quotes page and the export see it
    seeded.switch_page("pages/quotes.py").run()
    assert not seeded.exception
    seeded.switch_page("pages/actors.py").run()
    seeded.button(key="actors.undo").click().run()
    table = seeded.dataframe[0].value
    assert second in set(table["actor"])


def test_quotes_page_lists_speakers_filters_and_corrects(seeded, seed_expected):
    seeded.switch_page("pages/quotes.py").run()
    assert not seeded.exception
    table = _quotes_shown(seeded)
    assert "Evan Barrett" in set(table["speaker"])
    assert list(table["quote"]) == [q.text for q in seed_expected.quotes]
    unattributed = [q for q in seed_expected.quotes if q.speaker is None]
    assert (table["speaker"] == "(unattributed)").sum() == len(unattributed)
    shown = [t.value for t in seeded.text]
    for q in unattributed:
        assert f"“{q.text}”" in shown

    seeded.multiselect(key="quotes.speaker_filter").select("Evan Barrett").run()
    filtered = _quotes_shown(seeded)
    assert set(filtered["speaker"]) == {"Evan Barrett"} and len(filtered) >= 1

    # correct the speaker of the first listed quote (the least confident one)
    box = seeded.selectbox(key="quotes.fix_quote")
    target = seed_expected.quotes[box.value]
    seeded.text_input(key="quotes.fix_other").input("A Named Official")
    seeded.button(key="FormSubmitter:quotes.speaker_form-Set speaker").click().run()
    assert not seeded.exception
    seeded.multiselect(key="quotes.speaker_filter").set_value([]).run()
    table = _quotes_shown(seeded)
    row = table[table["quote"] == target.text].iloc[0]
    assert row["speaker"] == "A Named Official" and row["check"] == ""


def test_uploads_become_one_article_each_and_bad_files_one_error_each():
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("Harbour Plan Approved")
    doc.add_paragraph("Mayor Lena Ortiz said: “The harbour plan will bring jobs to the town.”")
    buf = io.BytesIO()
    doc.save(buf)
    page = ("<html><head><title>Council Backs Bridge</title>"
            "<meta property='og:site_name' content='Valley Post'></head><body><article>"
            "<h1>Council Backs Bridge</h1><p>The city council voted on Monday to fund the new "
            "bridge over the river.</p><p>“This bridge connects two halves of our city,” said "
            "councillor Ahmed Rahman.</p></article></body></html>")
    at = _new_app()
    at.file_uploader(key="analyze.files").set_value([
        ("bridge.html", page.encode(), "text/html"),
        ("harbour.docx", buf.getvalue(),
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "application/pdf"),
    ])
    at.button(key="analyze.run_files").click().run()
    assert not at.exception
    assert len(at.error) == 1 and "broken.pdf" in at.error[0].value
    assert "Analysed 2 articles" in at.success[0].value
    picker = at.selectbox(key="sidebar.article")
    assert len(picker.options) == 2
    cleaned = _visible_text(_html_blocks(at, "pl-cleaned")[0])
    assert "harbour plan" in cleaned
    picker.select_index(0).run()
    assert "bridge" in _visible_text(_html_blocks(at, "pl-cleaned")[0])


def test_refused_url_is_one_sentence(monkeypatch):
    monkeypatch.delenv("PRESSLENS_ALLOW_PRIVATE_URLS", raising=False)
    at = _new_app()
    at.text_input(key="analyze.url").input("http://127.0.0.1:9/article")
    at.button(key="analyze.run_url").click().run()
    assert not at.exception
    assert len(at.error) == 1 and "127.0.0.1" in at.error[0].value
    at.text_input(key="analyze.url").input("")
    at.button(key="analyze.run_url").click().run()
    assert len(at.error) == 1


def test_hostile_text_is_escaped_in_every_pane():
    hostile = ("Mayor Jane Smith said: “We will <b>not</b> stop.”\n\n"
               '<img src=x onerror="window.__x=1">\n\n<script>window.__y=1</script>\n\n'
               "The Town Council met on Monday.")
    at = _paste(_new_app(), hostile)
    blocks = _html_blocks(at, "pl-original") + _html_blocks(at, "pl-cleaned")
    assert blocks
    for block in blocks:
        assert "<script" not in block and "<img" not in block and "<b>" not in block
    assert "<script>window.__y=1</script>" in _visible_text(_html_blocks(at, "pl-original")[0])


def _quotes_shown(at: AppTest):
    """The quotes table as shown, with the page's column titles mapped back to field names."""
    table = at.table[0].value.map(  # st.table cells are Markdown: the page escapes them
        lambda v: re.sub(r"\\(.)", r"\1", v) if isinstance(v, str) else v)
    return table.rename(columns={"Speaker": "speaker", "Check?": "check", "Quote": "quote",
                                 "Kind": "kind", "Speaker confidence": "confidence"})


def _widget_keys(at: AppTest) -> list[str]:
    return [w.key for w in at.get("multiselect") if w.key]
