"""Bad files in every door (core, CLI, dashboard): one clear sentence naming the file and the
reason, the other inputs still analysed, nothing already saved touched; and the README limits.

tests/test_ingest.py covers encodings, binary, PDFs, corrupt .docx, zip bombs/traversal and
fetching; this file adds broken HTML, CSV shapes and sizes, files over the size limit, the
analysis time limit, and the same inputs through the CLI and the Analyze page.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import uuid
import zipfile

import pytest

import analysis
from analysis import ingest
from analysis.ingest import (MAX_BATCH_ARTICLES, MAX_FILE_BYTES, MAX_TEXT_CHARS, MAX_ZIP_MEMBERS,
                             IngestError, read_path, read_rows, read_upload)
from analysis.model import Article
from tests.conftest import ROOT

GOOD = ("Harbour Plan Approved\n\nMayor Lena Ortiz said on Monday that the harbour plan will "
        "bring jobs to the town. “We have waited ten years for this,” she said.\n\n"
        "The Port Authority will publish the contracts next month.")

BROKEN_HTML = {
    "cut mid-tag": "<html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote"
                   "</h1><p>The council voted on Monday to fund the bridge, said Mayor Ana Ruiz."
                   "</p><p>Work starts in May<a hre",
    "cut mid-attribute": '<html><body><p>The council met on Monday to approve the budget.</p>'
                         '<img src="x.png" alt="unterminated',
    "unclosed everything": "<html><body><div><p>The council met on Monday to approve the budget"
                           "<div><p><b><i>Mayor Ana Ruiz welcomed the vote<span>",
    "only closing tags": "</p></div></body></html></article>" * 20,
    "unclosed comment": "<html><body><p>The council met on Monday.</p><!-- tracking pixel <p>"
                        "hidden</p>",
    "unclosed script": "<html><body><p>The council met on Monday.</p><script>var x = '<p>';",
    "cdata and junk": "<html><body><![CDATA[ x ]]><p>The council met on Monday.</p>"
                      "<?php echo 1; ?><!DOCTYPE again></body>",
    "deep nesting": "<html><body>" + "<div>" * 200 + "<p>The council met on Monday.</p>",
    # deeper than libxml2's limit (255): no text is extracted, but nothing raises either
    "too deep": "<html><body>" + "<div>" * 5000 + "<p>The council met on Tuesday.</p>",
    "null bytes and controls": "<html><body><p>The council\x00 met\x07 on Monday.</p></body></html>",
    "tags only": "<html><head><style>p{}</style><script>alert(1)</script></head><body></body></html>",
    "meta charset lies": '<html><head><meta charset="utf-16"></head><body><p>Café council '
                         "met on Monday.</p></body></html>",
}


# ---------- broken HTML through the core ----------

@pytest.mark.parametrize("html", BROKEN_HTML.values(), ids=BROKEN_HTML.keys())
def test_broken_html_cleans_and_analyses_without_raising(html):
    cleaned = analysis.clean(html)
    assert isinstance(cleaned.text, str)
    assert "<script" not in cleaned.text and "alert(1)" not in cleaned.text
    assert "var x" not in cleaned.text
    if "council met on Monday" in html.replace("\x00", "").replace("\x07", ""):
        assert "Monday" in cleaned.text
    result = analysis.analyze(html)
    json.dumps(result.to_dict())                       # the contract row is valid JSON
    assert result.text == cleaned.text[:len(result.text)]


def test_broken_html_file_is_read_as_html():
    rows = read_rows("cut.html", BROKEN_HTML["cut mid-tag"].encode())
    assert len(rows) == 1 and isinstance(rows[0], Article) and rows[0].kind == "html"
    assert "bridge" in analysis.clean(rows[0].text).text


# ---------- CSV shapes and sizes ----------

def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue().encode()


def test_csv_without_a_text_column_names_the_file_and_the_columns_found():
    rows = read_rows("wire.csv", _csv([["title", "source"], ["A", "B"]]))
    assert len(rows) == 1 and isinstance(rows[0], IngestError)
    message = str(rows[0])
    assert message.startswith("wire.csv ") and "'text'" in message and "source, title" in message
    with pytest.raises(IngestError, match="wire.csv"):
        read_upload("wire.csv", _csv([["title", "source"], ["A", "B"]]))


def test_csv_rows_with_missing_cells_are_one_error_each_and_the_others_read():
    data = _csv([["title", "text", "source"],
                 ["Good one", GOOD, "Gazette"],
                 ["No text", "", "Gazette"],
                 ["Short row"],                                   # fewer fields than the header
                 ["Long row", GOOD + " Again.", "Post", "extra", "fields"]])
    rows = read_rows("mixed.csv", data)
    assert [type(r).__name__ for r in rows] == ["Article", "IngestError", "IngestError", "Article"]
    assert str(rows[1]) == "mixed.csv row 2 has no text, html or url."
    assert str(rows[2]).startswith("mixed.csv row 3 ")
    assert rows[0].source == "Gazette" and rows[3].source == "Post"


def test_header_only_csv_is_one_sentence():
    with pytest.raises(IngestError, match=r"^empty\.csv contains no articles\.$"):
        read_upload("empty.csv", b"title,text\n")


def test_csv_of_100k_rows_is_capped_with_a_clear_message():
    data = _csv([["text"]] + [[f"Row {n} of the wire feed."] for n in range(100_000)])
    assert len(data) < MAX_FILE_BYTES
    rows = read_rows("feed.csv", data)
    assert len(rows) == MAX_BATCH_ARTICLES + 1
    assert all(isinstance(r, Article) for r in rows[:-1])
    assert str(rows[-1]) == (f"feed.csv has more than {MAX_BATCH_ARTICLES:,} rows; "
                             "the rest were skipped.")


def test_jsonl_of_more_rows_than_the_limit_is_capped():
    data = "\n".join(json.dumps({"text": f"Row {n}."}) for n in range(MAX_BATCH_ARTICLES + 50))
    rows = read_rows("feed.jsonl", data.encode())
    assert sum(isinstance(r, Article) for r in rows) == MAX_BATCH_ARTICLES
    assert "more than 10,000 rows" in str(rows[-1])


def test_csv_cell_over_the_text_limit_is_that_row_only():
    data = _csv([["text"], ["x " * (MAX_TEXT_CHARS // 2 + 10)], [GOOD]])
    rows = read_rows("big-cell.csv", data)
    assert isinstance(rows[0], IngestError) and "big-cell.csv row 1 is too long" in str(rows[0])
    assert isinstance(rows[1], Article)


# ---------- sizes (README "Limits") ----------

def test_upload_over_the_file_limit_is_refused_by_name():
    rows = read_rows("huge.txt", b"a" * (MAX_FILE_BYTES + 1))
    assert [str(r) for r in rows] == ["huge.txt is larger than the 20 MB limit per file."]
    with pytest.raises(IngestError, match="huge.txt is larger than the 20 MB limit"):
        read_upload("huge.txt", b"a" * (MAX_FILE_BYTES + 1))


def test_file_over_the_limit_on_disk_is_refused_before_reading(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:                    # sparse: no 20 MB written to the disk
        fh.truncate(MAX_FILE_BYTES + 1)
    rows = read_path(big)
    assert len(rows) == 1 and "huge.txt is larger than the 20 MB limit per file." in str(rows[0])


def test_zip_with_too_many_members_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for n in range(MAX_ZIP_MEMBERS + 1):
            archive.writestr(f"a{n}.txt", "x")
    rows = read_rows("many.zip", buf.getvalue())
    assert [str(r) for r in rows] == [f"many.zip holds {MAX_ZIP_MEMBERS + 1:,} files; "
                                      f"the limit is {MAX_ZIP_MEMBERS:,}."]


def test_readme_states_the_limits_the_code_enforces():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    limits = readme.split("## Limits", 1)[1].split("\n## ", 1)[0]
    from ui.analysis_cache import ANALYSIS_TIMEOUT_S
    for stated in (f"{MAX_TEXT_CHARS:,} characters", f"{MAX_FILE_BYTES // 1_000_000} MB",
                   f"{ingest.MAX_FETCH_BYTES // 1_000_000} MB, {ingest.FETCH_TIMEOUT_S:g} s",
                   f"{MAX_ZIP_MEMBERS:,} files", f"{ingest.MAX_ZIP_TOTAL_BYTES // 1_000_000} MB unpacked",
                   f"{MAX_BATCH_ARTICLES:,} rows", f"{ANALYSIS_TIMEOUT_S:g} s"):
        assert stated in limits, stated


# ---------- the command line ----------

def test_cli_names_each_bad_file_on_stderr_and_analyses_the_others(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b-cut.html").write_text(BROKEN_HTML["cut mid-tag"], encoding="utf-8")
    with open(folder / "c-huge.txt", "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    (folder / "d-nocolumn.csv").write_bytes(_csv([["title"], ["A"]]))
    (folder / "e-feed.csv").write_bytes(_csv([["text"]] + [[""]] * 3 + [[GOOD]]))
    out = tmp_path / "rows.jsonl"
    proc = subprocess.run([sys.executable, "-m", "analysis", "analyze", str(folder), "-o", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert ["error" in r for r in rows] == [False, False, True, True, True, True, True, False]
    assert "Ortiz" in json.dumps(rows[0]["actors"]) and "bridge" in rows[1]["text"]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 5
    assert errors[0].endswith("c-huge.txt is larger than the 20 MB limit per file.")
    assert "d-nocolumn.csv needs a 'text' or 'url' column" in errors[1]
    assert [e.rsplit("/", 1)[-1] for e in errors[2:]] == [
        f"e-feed.csv row {n} has no text, html or url." for n in (1, 2, 3)]
    for row, line in zip([r for r in rows if "error" in r], errors):
        assert line == f"error: {row['error']}"


def test_cli_caps_a_100k_row_csv_with_one_message(tmp_path):
    big = tmp_path / "feed.csv"
    big.write_bytes(_csv([["title", "text"]] + [[f"t{n}", ""] for n in range(100_000)]))
    proc = subprocess.run([sys.executable, "-m", "analysis", "clean", str(big)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    rows = proc.stdout.splitlines()
    assert len(rows) == MAX_BATCH_ARTICLES + 1
    assert json.loads(rows[-1])["error"].endswith(
        f"feed.csv has more than {MAX_BATCH_ARTICLES:,} rows; the rest were skipped.")


# ---------- the dashboard (AppTest, the real pipeline and a real store) ----------

@pytest.fixture()
def app_store(tmp_path, monkeypatch):
    from analysis.store import Store
    url = f"sqlite:///{tmp_path / 'bad-inputs.db'}"
    monkeypatch.setenv("PRESSLENS_DATABASE_URL", url)
    store = Store(url)
    yield store
    store.dispose()


# app.py runs on every AppTest run, as on the server (see tests/conftest.py).
pytestmark = pytest.mark.usefixtures("app_navigation")


def _app():
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    return at


def _saved_before(store) -> tuple[str, dict]:
    row = analysis.analyze(f"{GOOD}\n\nSaved earlier {uuid.uuid4().hex}.").to_dict()
    aid = store.save_article(row, original=row["text"], source="Earlier Gazette")
    return aid, store.get_article(aid).analysis


def test_upload_with_bad_files_names_each_and_analyses_the_rest(app_store):
    aid, saved = _saved_before(app_store)
    docx_bytes = b"PK\x03\x04 not really a word file"
    at = _app()
    at.file_uploader(key="analyze.files").set_value([
        ("good.txt", f"{GOOD}\n\nUpload {uuid.uuid4().hex}.".encode(), "text/plain"),
        ("huge.txt", b"a" * (MAX_FILE_BYTES + 1), "text/plain"),
        ("cut.html", BROKEN_HTML["cut mid-tag"].encode(), "text/html"),
        ("broken.docx", docx_bytes, "application/octet-stream"),
        ("**bold** [x](javascript:alert(1)).txt", b"\x00\x01\x02" * 100, "text/plain"),
    ])
    at.button(key="analyze.run_files").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 3
    assert "huge.txt is larger than the 20 MB limit per file" in errors[0]
    assert "broken.docx is not a readable Word" in errors[1]
    # the hostile file name is shown literally: every Markdown character escaped
    assert errors[2].startswith(r"\*\*bold\*\* \[x\]\(javascript\:alert\(1\)\)")
    assert "Analysed 2 articles" in at.success[0].value
    assert app_store.count_articles() == 3                       # the earlier one + the two good
    assert app_store.get_article(aid).analysis == saved          # untouched


def test_analysis_over_the_time_limit_is_one_sentence_and_nothing_is_saved(app_store, monkeypatch):
    monkeypatch.setenv("PRESSLENS_ANALYSIS_TIMEOUT_S", "0.001")
    at = _app()
    at.text_area(key="analyze.text").input(f"{GOOD}\n\nSlow {uuid.uuid4().hex}.")
    at.button(key="analyze.run_text").click().run()
    assert not at.exception
    assert len(at.error) == 1
    assert at.error[0].value.startswith("pasted text took longer than 0\\.001 seconds") or \
        at.error[0].value.startswith("pasted text took longer than 0.001 seconds")
    assert "not saved" in at.error[0].value
    assert app_store.count_articles() == 0
    assert not [m for m in at.get("html") if m.value.startswith('<div class="pl-original ')]


def test_time_limit_setting_falls_back_on_nonsense(monkeypatch):
    from ui.analysis_cache import ANALYSIS_TIMEOUT_S, analysis_timeout_s
    for bad in ("", "abc", "-5", "0"):
        monkeypatch.setenv("PRESSLENS_ANALYSIS_TIMEOUT_S", bad)
        assert analysis_timeout_s() == ANALYSIS_TIMEOUT_S
    monkeypatch.setenv("PRESSLENS_ANALYSIS_TIMEOUT_S", "300")
    assert analysis_timeout_s() == 300.0


# ---------- Markdown elements: user text shown literally ----------

@pytest.mark.parametrize("text", ["**bold** _it_ `code`", "[link](javascript:alert(1))",
                                  "$\\frac{1}{2}$", ":red[x] :material/home:", "# heading",
                                  "- item", "1. item", "<img src=x onerror=alert(1)>",
                                  "a | b ~~c~~ \\ !"])
def test_md_literal_leaves_no_markdown_construct_open(text):
    from ui.safe_html import md_literal, md_literal_table
    import pandas as pd
    import re
    escaped = md_literal(text)
    assert re.sub(r"\\(.)", r"\1", escaped) == text            # reads back as the same text
    assert not re.search(r"(?<!\\)[*_`\[\]()$<>:~|]", escaped)  # every opener escaped
    assert not re.match(r"\s*(#|-|\d+\.)", escaped)
    frame = md_literal_table(pd.DataFrame({"quote": [text], "n": [1]}, index=[text]))
    assert frame.iloc[0, 0] == escaped and frame.index[0] == escaped and frame.iloc[0, 1] == 1


# ---------- CSV exports: no formula runs when the analyst opens them ----------

def test_csv_exports_neutralise_formulas_in_text_cells():
    import pandas as pd
    from analysis.export import quotes_table, to_csv
    from ui.story_tables import table_csv
    text = ("=HYPERLINK(\"http://evil.example\",\"click\") is what Mayor Jane Smith wrote. "
            "“+cmd|' /C calc'!A0,” said Jane Smith on Monday.")
    result = analysis.analyze(text)
    back = pd.read_csv(io.StringIO(to_csv(quotes_table(result))))
    assert all(not str(q).startswith(("=", "+", "-", "@")) for q in back["quote"])
    assert any(str(q).startswith("'+cmd") for q in back["quote"])   # kept, made inert
    frame = pd.DataFrame({"actor": ["@SUM(A1:A9)", "Jane Smith"], "stance": [-0.5, 0.25]},
                         index=pd.Index(["=1+1", "ok"], name="who"))
    lines = table_csv(frame, index=True).splitlines()
    assert lines[1] == "'=1+1,'@SUM(A1:A9),-0.5" and lines[2] == "ok,Jane Smith,0.25"
