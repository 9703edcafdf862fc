"""analyze / analyze_many: composition, order, ids, and the records they return."""
from __future__ import annotations

import threading
import time

import pytest

import analysis
from analysis.model import Analysis, Article

ARTICLE = ("Finance Minister Joan Park defended the budget on Tuesday. "
           "“These cuts are painful but necessary,” Park told reporters in Lisbon.\n\n"
           "Opposition leader Marco Silva accused Park of misleading parliament.")


def test_analyze_returns_a_full_analysis():
    result = analysis.analyze(ARTICLE, source="Wire", title="Budget")
    assert isinstance(result, Analysis)
    assert result.source == "Wire" and result.title == "Budget"
    assert result.text.startswith("Finance Minister")
    assert result.model == analysis.nlp.MODEL_NAME and result.version == analysis.__version__
    names = {a.name for a in result.actors}
    assert any("Park" in n for n in names)
    assert result.quotes and result.quotes[0].text.startswith("These cuts")


def test_ids_are_stable_hashes_of_the_cleaned_text():
    a, b = analysis.analyze(ARTICLE), analysis.analyze(ARTICLE)
    assert a.id == b.id and len(a.id) >= 16
    assert analysis.analyze(ARTICLE + " More.").id != a.id
    assert analysis.analyze(ARTICLE, id="given").id == "given"


def test_analyze_many_keeps_input_order_and_matches_analyze():
    texts = [ARTICLE, "Nothing happened in Oslo today.", "“No comment,” said Ana Ruiz."]
    many = list(analysis.analyze_many(texts))
    assert [m.text for m in many] == [analysis.analyze(t).text for t in texts]
    assert many[0].to_dict() == analysis.analyze(texts[0]).to_dict()


def test_analyze_many_parses_ahead_and_keeps_every_article_in_order():
    # more articles than one parse-ahead batch, so the parse thread hands over several batches
    texts = [f"Mayor Lena Ortiz of Town {n} opened a school on Monday." for n in range(19)]
    many = list(analysis.analyze_many(texts))
    assert [m.text for m in many] == texts
    assert all(any("Ortiz" in a.name for a in m.actors) for m in many)


def test_an_error_in_the_input_reaches_the_caller_of_analyze_many():
    def articles():
        yield ARTICLE
        raise OSError("the upload was cut off")

    with pytest.raises(OSError, match="cut off"):
        list(analysis.analyze_many(articles()))


def _parse_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "presslens-parse"]


def test_stopping_early_stops_the_parse_thread():
    many = analysis.analyze_many(ARTICLE for _ in range(40))
    first = next(many)
    assert first.text.startswith("Finance Minister") and _parse_threads()
    many.close()
    deadline = time.monotonic() + 30
    while _parse_threads() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _parse_threads()


def test_analyze_many_takes_articles_with_their_fields():
    (result,) = analysis.analyze_many([Article(text=ARTICLE, name="a.txt", source="Echo", id="x1")])
    assert result.source == "Echo" and result.id == "x1"


def test_empty_text_gives_an_empty_analysis_not_an_error():
    result = analysis.analyze("")
    assert result.text == "" and result.actors == () and result.quotes == ()
