"""The Compare and Library pages through AppTest, over a real store in a temporary SQLite file.

Stories are saved as contract JSON rows built here (the store and ``analysis.compare`` are the
real ones); what the pages show is checked against ``analysis.compare`` on the same rows.
Import and share-link tests run the real pipeline.
"""
from __future__ import annotations

import io
import json
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from analysis.compare import build_omissions, build_shared_quotes
from analysis.store import Store, new_id
from tests.conftest import ROOT, SHARED

APP = str(ROOT / "app.py")
TIMEOUT = 180
INJECTION = "' OR 1=1 --"


# app.py runs on every AppTest run, as on the server (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("app_navigation")


@pytest.fixture()
def store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'stories.db'}"
    monkeypatch.setenv("PRESSLENS_DATABASE_URL", url)
    s = Store(url)
    yield s
    s.dispose()


def article(source: str, actors: list[tuple], quotes: list[tuple[str, str | None]],
            tone: float = 0.0, sides: float | None = None) -> dict:
    """A contract row: actors (name, type, mentions, stance, evidence sentence) and quotes."""
    parts, evidence = [], []
    for name, _, _, score, sentence in actors:
        start = sum(len(p) + 1 for p in parts)
        parts.append(sentence)
        evidence.append((start, start + len(sentence), score))
    quote_rows = []
    for text, speaker in quotes:
        start = sum(len(p) + 1 for p in parts) + 1
        parts.append(f"“{text}”")
        quote_rows.append({"start": start, "end": start + len(text), "text": text,
                           "speaker": speaker, "speaker_text": speaker, "kind": "direct"})
    text = " ".join(parts)
    return {
        "id": new_id()[:16], "source": source, "title": f"{source} on the harbour", "url": None,
        "text": text, "removed": [], "entities": [],
        "actors": [{"name": name, "type": typ, "aliases": [name], "mentions": mentions,
                    "sentiment": score, "label": "positive" if score > 0.05 else
                    "negative" if score < -0.05 else "neutral",
                    "evidence": [{"start": s, "end": e, "polarity": p}]}
                   for (name, typ, mentions, score, _), (s, e, p) in zip(actors, evidence)],
        "quotes": quote_rows, "sentiment": {"polarity": tone, "subjectivity": 0.3,
                                            **({} if sides is None else {"sides": sides})},
        "model": "test", "version": "test"}


SHARED_QUOTE = "We will keep the harbour open for every fishing family in the town"
STORY = [
    article("Harbour Gazette", [
        ("Mara Voss", "PERSON", 4, 0.6, "Mara Voss has steered the harbour through a hard year."),
        ("Port Authority", "ORG", 2, 0.1, "The Port Authority published its accounts."),
        ("Fishers Union", "ORG", 1, 0.0, "The Fishers Union met on Tuesday.")],
        [(SHARED_QUOTE, "Mara Voss"), ("The accounts speak for themselves", "Port Authority")],
        tone=0.2, sides=0.86),
    article("Coast Courier", [
        ("Mara Voss", "PERSON", 3, -0.5, "Mara Voss has failed the harbour and misled the town."),
        ("Port Authority", "ORG", 1, -0.2, "The Port Authority hid the losses."),
        ("Fishers Union", "ORG", 2, -0.1, "The Fishers Union is furious.")],
        [(SHARED_QUOTE + " she said", "Mara Voss"),
         ("Nobody asked us about the cuts", "Fishers Union")], tone=-0.3, sides=0.912),
    article("Wire Service", [
        ("Mara Voss", "PERSON", 2, 0.0, "Mara Voss spoke to reporters on Monday."),
        ("Port Authority", "ORG", 1, 0.0, "The Port Authority declined to comment.")],
        [(SHARED_QUOTE, None)]),
]


def save_story(store: Store, rows: list[dict], name: str = "Harbour cuts") -> str:
    sid = store.create_story(name)
    for row in rows:
        store.save_article(row, story_id=sid, original=row["text"])
    return sid


def open_page(page: str, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page).run()
    assert not at.exception
    return at


def table(at: AppTest, *columns: str):
    """The first table shown with these columns (AppTest does not expose st.dataframe keys)."""
    for frame in [*at.dataframe, *at.table]:
        value = frame.value
        if value.index.name is not None:             # st.table: first column as the index
            value = value.reset_index()
        if set(columns) <= set(value.columns):
            return value
    raise AssertionError(f"no table with the columns {columns}")


def texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


# ------------------------------------------------------------------ Compare

def test_compare_link_shows_every_outlet_the_matrix_and_the_tables(store):
    sid = save_story(store, STORY)
    at = open_page("pages/compare.py", story=sid)
    assert at.selectbox(key="compare.story").value == sid
    assert at.subheader[0].value == "Harbour cuts"
    caption = texts(at.caption)
    for outlet in ("Harbour Gazette", "Coast Courier", "Wire Service"):
        assert outlet in caption
    assert sid in texts(at.code) and "compare?story=" in texts(at.code)
    assert "view=" not in texts(at.code)                    # the first tab is the default
    specs = chart_specs(at)
    assert len(specs) == 1                                  # only the open tab (coverage) runs
    assert '"quoted ×1' in specs[0] and '"— absent"' in specs[0]     # words in the cells

    at = open_view(at, "Outlets")
    summary = table(at, "People quoted")
    assert list(summary["Outlet"]) == ["Harbour Gazette", "Coast Courier", "Wire Service"]
    assert list(summary["Quotes"]) == [2, 2, 1]
    assert list(summary["People quoted"]) == [2, 2, 0]
    sides = [v.replace("\\", "") for v in summary["Takes sides (0…1)"]]   # markdown-escaped
    assert sides == ["0.86", "0.91", ""]                                  # the wire: no value
    assert "how strongly the narrator takes sides" in texts(at.caption)

    at = open_view(at, "Stance")
    assert len(chart_specs(at)) == 1 and '"Mara Voss"' in chart_specs(at)[0]
    assert "view=Stance" in texts(at.code)                  # the share link opens this tab
    evidence = table(at, "Evidence sentence")
    assert at.selectbox(key="compare.actor").value == "Mara Voss"   # widest disagreement first
    assert set(evidence["Outlet"]) == {"Harbour Gazette", "Coast Courier", "Wire Service"}
    assert "misled the town" in " ".join(evidence["Evidence sentence"])

    at = open_view(at, "Quotes")
    assert len(chart_specs(at)) == 1
    shared = table(at, "Same speaker?")
    assert len(shared) == len(build_shared_quotes(STORY)) == 1
    assert "Harbour Gazette" in shared["Outlets"][0] and "Wire Service" in shared["Outlets"][0]
    unique = table(at, "Quote", "Speaker")
    assert set(unique["Quote"]) == {"The accounts speak for themselves",
                                    "Nobody asked us about the cuts"}
    at = open_view(at, "Left out")
    omissions = table(at, "Leaves out")
    expected = build_omissions(STORY)
    assert list(omissions["Leaves out"]) == list(expected["actor"]) == ["Fishers Union"]
    assert list(omissions["Outlet"]) == ["Wire Service"]

    labels = [b.label for b in at.get("download_button")]
    assert "Whole story (JSON)" in labels and "Coverage matrix (CSV)" in labels
    assert len(labels) == 8


def open_view(at: AppTest, view: str) -> AppTest:
    """Click the Compare page's tab ``view`` (its label is its value in the address)."""
    at.session_state["view"] = view
    at.query_params["view"] = view        # as the browser's address bar would then say
    at.run()
    assert not at.exception
    return at


def test_compare_shows_people_and_bodies_and_other_names_only_when_asked(store):
    rows = [dict(r) for r in STORY]
    law = {"name": "Harbour Act", "type": "LAW", "aliases": ["Harbour Act"], "mentions": 2,
           "sentiment": -0.4, "label": "negative", "evidence": []}
    for r in rows[:2]:
        r["actors"] = [*r["actors"], dict(law)]
    sid = save_story(store, rows)
    at = open_page("pages/compare.py", story=sid)
    assert at.pills(key="compare.kinds").value == ["People", "Organisations", "Places", "Groups"]
    assert '"Mara Voss"' in chart_specs(at)[0] and "Harbour Act" not in chart_specs(at)[0]
    at.pills(key="compare.kinds").set_value(["Other names"]).run()
    assert not at.exception
    assert "Harbour Act" in chart_specs(at)[0] and '"Mara Voss"' not in chart_specs(at)[0]
    at = open_view(at, "Left out")
    assert at.pills(key="compare.kinds").value == ["Other names"]
    assert list(table(at, "Leaves out")["Leaves out"]) == ["Harbour Act"]


def test_compare_tab_opens_from_the_link(store):
    sid = save_story(store, STORY)
    at = open_page("pages/compare.py", story=sid, view="Left out")
    assert table(at, "Leaves out") is not None and not chart_specs(at)


def test_compare_evidence_follows_the_chosen_actor(store):
    sid = save_story(store, STORY)
    at = open_view(open_page("pages/compare.py", story=sid), "Stance")
    at.selectbox(key="compare.actor").set_value("Port Authority").run()
    assert not at.exception
    evidence = table(at, "Evidence sentence")
    assert "The Port Authority hid the losses." in list(evidence["Evidence sentence"])


@pytest.mark.parametrize("bad", [INJECTION, new_id(), "x" * 300, "../../etc/passwd"])
def test_compare_unknown_or_malicious_story_link_says_not_found(store, bad):
    save_story(store, STORY)
    before = store.list_stories()
    at = open_page("pages/compare.py", story=bad)
    assert len(at.error) == 1 and "No story was found for this link" in at.error[0].value
    assert store.list_stories() == before                    # nothing happened to the data


def test_compare_story_of_one_outlet_says_there_is_nothing_to_compare(store):
    sid = save_story(store, STORY[:1], name="Only one")
    at = open_page("pages/compare.py", story=sid)
    assert any("Only one outlet" in w.value for w in at.warning)


def test_compare_without_stories_points_to_the_library(store):
    at = open_page("pages/compare.py")
    assert "No stories yet" in at.info[0].value


def test_compare_applies_saved_corrections(store):
    sid = save_story(store, STORY)
    first = store.get_story(sid).article_ids[0]
    store.update_edits(first, {"restore": [], "drop": [], "edits": [
        {"kind": "rename", "old": "Port Authority", "new": "Harbour Board"}]})
    at = open_page("pages/compare.py", story=sid, view="Left out")
    omissions = table(at, "Leaves out")
    assert ("Harbour Gazette", "Port Authority") in set(zip(omissions["Outlet"],
                                                            omissions["Leaves out"]))
    assert "Harbour Board" in chart_specs(open_view(at, "Coverage"))[0]


def chart_specs(at: AppTest) -> list[str]:
    """Each chart's Vega-Lite spec with its data (Streamlit ships the data as Arrow)."""
    import pyarrow as pa
    out = []
    for chart in at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"):
        frames = [pa.ipc.open_stream(d.data.data).read_pandas() for d in chart.proto.datasets]
        out.append(json.dumps(json.loads(chart.proto.spec), ensure_ascii=False)
                   + "".join(f.to_json(force_ascii=False) for f in frames))
    return out


# ------------------------------------------------------------------ Library

def test_library_lists_searches_renames_and_deletes_after_confirmation(store):
    sid = save_story(store, STORY)
    other = save_story(store, [article("Valley Post", [
        ("Ed Hale", "PERSON", 2, 0.0, "Ed Hale opened the bridge.")], [])], name="Bridge")
    at = open_page("pages/library.py")
    stories = table(at, "Story")
    assert set(stories["Story"]) == {"Harbour cuts", "Bridge"}
    assert len(table(at, "Headline")) == 4

    at.text_input(key="library.search").input("Ed Hale").run()       # an actor's name
    assert list(table(at, "Story")["Story"]) == ["Bridge"]
    assert list(table(at, "Headline")["Outlet"]) == ["Valley Post"]
    at.text_input(key="library.search").input("coast courier").run()  # an outlet
    assert list(table(at, "Headline")["Outlet"]) == ["Coast Courier"]
    assert list(table(at, "Story")["Story"]) == ["Harbour cuts"]
    at.text_input(key="library.search").input("").run()

    at.selectbox(key="library.story").set_value(sid).run()
    assert f"compare?story={sid}" in texts(at.code)
    at.text_input(key=f"library.rename.{sid}").input("Harbour cuts, week 2")
    at.button(key="library.rename_story").click().run()
    assert not at.exception
    assert store.get_story(sid).name == "Harbour cuts, week 2"

    at.selectbox(key="library.story").set_value(other).run()
    at.button(key="library.delete_story").click().run()
    assert any("Delete the story “Bridge”" in w.value for w in at.warning)
    assert store.get_story(other) is not None                       # not before confirming
    at.button(key="library.cancel_story").click().run()
    assert store.get_story(other) is not None
    at.button(key="library.delete_story").click().run()
    at.button(key="library.confirm_story").click().run()
    assert not at.exception
    assert store.get_story(other) is None
    assert store.count_articles() == 4                              # articles stay
    assert "Deleted the story" in texts(at.success)


def test_library_deletes_an_article_after_confirmation(store):
    save_story(store, STORY)
    at = open_page("pages/library.py")
    aid = at.selectbox(key="library.article").value
    assert f"?article={aid}" in texts(at.code)
    at.button(key="library.delete_article").click().run()
    assert store.get_article(aid) is not None
    at.button(key="library.confirm_article").click().run()
    assert store.get_article(aid) is None
    assert len(table(at, "Headline")) == 2


# ------------------------------------------------------------------ import and links (real NLP)

def _stories_dir():
    folder = SHARED / "eval" / "stories"
    if not any(folder.glob("*.raw.txt")):
        pytest.skip(f"no dev stories under {folder}")
    return folder


def test_import_files_zip_and_csv_with_per_row_errors(store):
    folder = _stories_dir()
    files = sorted(folder.glob("football-*.raw.txt"))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr(files[2].name, files[2].read_bytes())
        z.writestr("../evil.txt", "x")
    rows = ("text,source,title\n"
            f"\"{files[0].read_text(encoding='utf-8').replace(chr(34), chr(39))}\",Row Outlet,\n"
            ",Empty Row,\n")
    at = open_page("pages/library.py")
    at.file_uploader(key="library.files").set_value([
        (files[1].name, files[1].read_bytes(), "text/plain"),
        ("more.zip", archive.getvalue(), "application/zip"),
        ("rows.csv", rows.encode(), "text/csv"),
    ])
    at.text_input(key="library.new_story").input("Football")
    at.button(key="library.import").click().run()
    assert not at.exception
    assert "Imported 3 articles into “Football”" in texts(at.success)
    problems = table(at, "Problem")
    assert len(problems) == 2                                    # unsafe zip path, empty row
    assert any("unsafe path" in p for p in problems["Problem"])
    story = next(s for s in store.list_stories() if s.name == "Football")
    assert story.n_articles == 3
    assert set(story.sources) == {files[1].name.split(".")[0], files[2].name.split(".")[0],
                                  "Row Outlet"}


def test_import_lists_the_articles_that_come_with_a_warning(store):
    from tests.test_language import ENGLISH, FOREIGN
    at = open_page("pages/library.py")
    at.file_uploader(key="library.files").set_value([
        ("english.txt", ENGLISH.encode(), "text/plain"),
        ("german.txt", FOREIGN["German"].encode(), "text/plain")])
    at.text_input(key="library.new_story").input("Libraries")
    at.button(key="library.import").click().run()
    assert not at.exception
    assert "Imported 2 articles" in texts(at.success)
    assert "1 imported article(s) come with a warning" in texts(at.warning)
    notes = table(at, "Warning")
    assert list(notes["Input"]) == ["german.txt"] and "German" in notes["Warning"][0]


def test_article_link_opens_the_saved_article_in_a_new_session(store):
    folder = _stories_dir()
    raw = sorted(folder.glob("health-*.raw.txt"))[0].read_text(encoding="utf-8")
    first = AppTest.from_file(APP, default_timeout=TIMEOUT)
    first.run()
    first.text_area(key="analyze.text").input(raw)
    first.button(key="analyze.run_text").click().run()
    assert not first.exception
    aid = first.query_params["article"]
    aid = aid[0] if isinstance(aid, list) else aid
    saved = store.get_article(aid)
    assert saved is not None and saved.original == raw
    assert store.count_analyses() == 1

    fresh = open_page("pages/quotes.py", article=aid)             # a new browser session
    assert not fresh.warning
    shown = texts(fresh.caption)
    assert f"{len(saved.analysis['quotes'])} quotes" in shown
    assert store.count_articles() == 1                             # opened, not saved again

    for bad in (INJECTION, new_id()):
        at = open_page("pages/analyze.py", article=bad)
        assert len(at.warning) == 1 and "link" in at.warning[0].value

    # Deleted in the Library, it leaves the session too: it is not saved again.
    first.switch_page("pages/library.py").run()
    first.button(key="library.delete_article").click().run()
    first.button(key="library.confirm_article").click().run()
    assert not first.exception and store.count_articles() == 0
    first.switch_page("pages/analyze.py").run()
    assert not first.exception and not first.warning
    assert store.count_articles() == 0


def test_a_stored_analysis_is_reused_exactly_as_the_pipeline_made_it(store, nlp):
    import dataclasses

    import analysis
    from ui.store_access import stored_analysis
    raw = sorted(_stories_dir().glob("football-*.raw.txt"))[0].read_text(encoding="utf-8")
    cleaned = analysis.clean(raw)
    assert stored_analysis(cleaned) is None                         # nothing stored yet
    made = analysis.analyze(raw, source="Outlet A", cleaned=cleaned)
    store.save_article(made.to_dict(), original=raw, source="Outlet A")
    reused = stored_analysis(cleaned, source="Outlet B")
    # The same contract JSON (which rounds scores) apart from the outlet, and the same text.
    assert reused.to_dict() == dataclasses.replace(made, source="Outlet B").to_dict()
    assert reused.original == raw
    assert "hard questions" in cleaned.text                 # a body sentence: change one word
    assert stored_analysis(analysis.clean(raw.replace("hard questions", "hard, fair questions",
                                                      1))) is None


def test_compare_large_story_is_counted_in_the_database(store, monkeypatch):
    """Above LARGE_STORY articles no analysis is loaded, except the corrected ones."""
    import ui.story_tables as story_tables
    monkeypatch.setattr(story_tables, "LARGE_STORY", 2)

    def must_not_load(*args, **kwargs):
        raise AssertionError("a large story loaded every analysis")

    monkeypatch.setattr(story_tables, "story_rows", must_not_load)
    monkeypatch.setattr(Store, "story_articles", must_not_load)
    sid = save_story(store, STORY, name="Harbour cuts, large")
    first = store.get_story(sid).article_ids[0]
    store.update_edits(first, {"restore": [], "drop": [], "edits": [
        {"kind": "rename", "old": "Port Authority", "new": "Harbour Board"}]})
    at = open_page("pages/compare.py", story=sid)
    assert "Counted in the database (large story)." in texts(at.caption)
    assert "Harbour Board" in chart_specs(at)[0]
    at = open_view(at, "Outlets")
    summary = table(at, "People quoted")
    assert list(summary["Outlet"]) == ["Harbour Gazette", "Coast Courier", "Wire Service"]
    assert list(summary["Quotes"]) == [2, 2, 1]
    at = open_view(at, "Quotes")
    assert "quotes count as the same only when their words are equal" in texts(at.caption)
    assert table(at, "Quote", "Speaker") is not None
