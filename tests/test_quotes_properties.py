"""Properties of quote extraction on any text: it never raises, and every quote's offsets hold."""
from __future__ import annotations

import logging
import time

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.model import Mention
from analysis.quote_marks import find_quote_spans
from analysis.quotes import extract_quotes

# Text made mostly of the characters that trouble quote pairing.
MARKS = "\"'“”‘’«»„‹›"
PIECES = st.sampled_from([
    " ", "\n", "\n\n", ",", ".", ":", "—", " said", " he said", " Ward", " told", " the",
    " so-called", " according to", " O'Neill", " '90s", " rock 'n' roll", " Rovers'", " don't",
    *MARKS])
TEXTS = st.one_of(
    st.text(alphabet=st.sampled_from(MARKS + "ab .,\n:—"), max_size=80),
    st.lists(st.one_of(PIECES, st.text(alphabet="abcXY ", max_size=6)), max_size=40).map("".join),
)


@pytest.fixture(scope="module")
def blank():
    """A tokenizer and sentencizer only: enough for the marks, no parse needed."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 3_000_000
    return nlp


class _Errors(logging.Handler):
    """Collects what extract_quotes logs when its main path fails (it then degrades)."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def check(doc, mentions=()):
    errors = _Errors()
    logger = logging.getLogger("analysis.quotes")
    logger.addHandler(errors)
    try:
        quotes = extract_quotes(doc, list(mentions))
    finally:
        logger.removeHandler(errors)
    assert not errors.records, errors.records[0].getMessage()
    text = doc.text
    for q in quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.text.strip()
        assert 0.0 <= q.confidence <= 1.0
        assert q.kind in ("direct", "partial")
    return quotes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_without_a_parse(blank, text):
    check(blank(text))


def test_a_text_whose_unparsed_tree_crashed_the_process(blank):
    # found by the property above (seed 3): walking Token.children of this unparsed Doc
    # segfaulted inside spaCy; without a parse the quotes are listed with no speaker
    text = " '90scY aaYb›—“— according to according toa YYbX« said YXXc   according to  Ward"
    assert all(q.speaker is None for q in check(blank(text)))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_any_text_with_the_full_pipeline(nlp, text):
    doc = nlp(text)
    mentions = [Mention(e.start_char, e.end_char, e.text, e.label_, e.text) for e in doc.ents]
    check(doc, mentions)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_marks_scanner_on_any_unicode(text):
    for s in find_quote_spans(text):
        assert 0 <= s.start < s.end <= len(text)
        assert s.open_at < s.start


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=5))
def test_mentions_out_of_range_are_ignored(nlp, bounds):
    doc = nlp("“We are ready,” Helen Ward said. “So are we,” he added.")
    mentions = [Mention(a, b, "x", "PERSON", "x") for a, b in bounds]
    check(doc, mentions)


def test_one_megabyte_with_unbalanced_marks(blank):
    paragraph = ("“We are ready,” said Helen Ward. The so-called “plan was late, and O'Neill's "
                 "'90s rock 'n' roll ‘never ended. «Bonjour» — Ward\n\n")
    text = (paragraph * (1_000_000 // len(paragraph) + 1))[:1_000_000]
    doc = blank(text)
    t0 = time.perf_counter()
    quotes = check(doc)
    assert time.perf_counter() - t0 < 30
    assert len(quotes) > 1000
