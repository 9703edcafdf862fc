"""Property tests (Hypothesis): whatever text arrives, the core never raises and its offsets hold.

Arbitrary Unicode (control characters, RTL marks, emoji, combining marks, lone surrogates),
unbalanced quotation marks, very long lines, empty and whitespace-only input, and a 1 MB text.
"""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis.ingest import IngestError, read_rows
from analysis.model import Analysis, Article

QUOTE_MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„"]
ODD_CHARS = ["\u200f", "\u202e", "\u0301", "\u0000", "\u0007", "\ufeff", "\ud800", "\udfff",
             "😀", "👩‍👩‍👧", "\t", "\u2028", "\r", "—", "…"]

words = st.sampled_from(["The", "minister", "said", "Kerry", "Acme Corp", "U.S.", "Paris", "he",
                         "told", "reporters", "according to", "Advertisement", "Share", "bad",
                         "excellent", "accused", "praised", "not", ",", ".", ":", "\n", "\n\n"])
piece = st.one_of(words, st.sampled_from(QUOTE_MARKS), st.sampled_from(ODD_CHARS),
                  st.text(max_size=12))
article_like = st.lists(piece, max_size=80).map(" ".join)
any_text = st.one_of(article_like, st.text(max_size=400), st.just(""), st.just("   \n\t "))

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _check_offsets(result: Analysis, original: str) -> None:
    text = result.text
    for r in result.removed:
        assert 0 <= r.start <= r.end <= len(original)
        assert original[r.start:r.end] == r.text
    for m in result.entities:
        assert 0 <= m.start <= m.end <= len(text) and text[m.start:m.end] == m.text
    for q in result.quotes:
        assert 0 <= q.start <= q.end <= len(text) and text[q.start:q.end] == q.text
    for a in result.actors:
        assert -1.0 <= a.sentiment <= 1.0
        for e in a.evidence:
            assert 0 <= e.start <= e.end <= len(text)


@SETTINGS
@given(any_text)
def test_clean_never_raises_keeps_offsets_and_is_idempotent(text):
    result = analysis.clean(text)
    for r in result.removed:
        assert text[r.start:r.end] == r.text
    again = analysis.clean(result.text)
    assert again.text == result.text


@SETTINGS
@given(any_text)
def test_analyze_never_raises_and_round_trips_as_json(text):
    result = analysis.analyze(text)
    _check_offsets(result, text)
    row = json.loads(json.dumps(result.to_dict()))
    assert Analysis.from_dict(row).to_dict() == row


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "b.md", "c.html", "d.jsonl", "e.csv",
                                                  "f.pdf", "g.docx", "h.zip", "i.exe"]))
def test_importers_turn_any_bytes_into_articles_or_one_clear_error(data, name):
    for row in read_rows(name, data):
        assert isinstance(row, (Article, IngestError))
        if isinstance(row, IngestError):
            message = str(row)
            assert message and "\n" not in message and "Traceback" not in message


def test_one_megabyte_text_is_analysed_within_the_limit():
    paragraph = ("“The bridge will open in May,” Mayor Ana Ruiz said, but critics accused her of "
                 "hiding the cost. \n\n")
    text = paragraph * (1_000_000 // len(paragraph) + 1)
    cleaned = analysis.clean(text)
    assert cleaned.text
    result = analysis.analyze(text)
    assert result.notes and "limit" in result.notes[0]
    assert len(result.text) <= analysis.ingest.MAX_TEXT_CHARS
    _check_offsets(result, text)


def test_one_very_long_line_and_unbalanced_marks():
    text = "“" + "word " * 8_000 + "„ « ‘ '"
    result = analysis.analyze(text)
    _check_offsets(result, text)
