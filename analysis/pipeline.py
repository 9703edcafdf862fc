"""analyze / analyze_many / clean: the steps composed in one direction.

ingest -> clean -> nlp -> entities -> (quotes, sentiment) -> Analysis
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator

from . import __version__
from .clean import clean
from .entities import extract_actors
from .ingest import MAX_TEXT_CHARS, IngestError
from .language import language_note
from .model import Analysis, Article, CleanResult
from .nlp import BATCH_SIZE, MODEL_NAME, load_nlp, text_of
from .quotes import extract_quotes
from .sentiment import document_tone, stances_and_sides

__all__ = ["analyze", "analyze_many", "clean", "text_id"]


def text_id(text: str) -> str:
    """Stable id of a cleaned text: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _bounded(cleaned: CleanResult) -> tuple[str, tuple[str, ...]]:
    """The text the NLP sees: at most MAX_TEXT_CHARS, so one huge paste cannot stall a server,
    and lone surrogates (which spaCy cannot encode) replaced one-for-one so offsets hold."""
    text = _LONE_SURROGATE.sub("\ufffd", cleaned.text)
    if len(text) <= MAX_TEXT_CHARS:
        return text, ()
    cut = text.rfind("\n", 0, MAX_TEXT_CHARS)
    cut = cut if cut > MAX_TEXT_CHARS // 2 else MAX_TEXT_CHARS
    return text[:cut], (f"The cleaned text has {len(text):,} characters; only the "
                        f"first {cut:,} were analysed (the limit is {MAX_TEXT_CHARS:,}).",)


def _finish(doc, cleaned: CleanResult, *, source=None, title=None, url=None, id=None,
            notes: tuple[str, ...] = (), model_name: str = MODEL_NAME) -> Analysis:
    mentions, actors = extract_actors(doc)
    quotes = extract_quotes(doc, mentions)
    actors, sides = stances_and_sides(doc, actors, mentions, quotes)
    foreign = language_note(text_of(doc))
    notes = (*notes, foreign) if foreign else notes
    return Analysis(
        id=id or text_id(cleaned.text), text=text_of(doc),
        source=source or cleaned.site_name, title=title or cleaned.title,
        url=url or cleaned.url, removed=cleaned.removed, actors=tuple(actors),
        entities=tuple(mentions), quotes=tuple(quotes), sentiment=document_tone(doc, sides),
        original=cleaned.original, model=model_name, version=__version__, notes=notes)


def analyze(text: str, *, source: str | None = None, title: str | None = None,
            url: str | None = None, id: str | None = None,
            cleaned: CleanResult | None = None) -> Analysis:
    """Clean ``text`` (plain text or HTML) and analyse it.

    ``cleaned`` lets a caller that already cleaned (or edited the cleaning of) the text pass
    the result in, so the analyst's restored/dropped lines are respected.
    """
    cleaned = cleaned if cleaned is not None else clean(text)
    body, notes = _bounded(cleaned)
    nlp = load_nlp()
    return _finish(nlp(body), cleaned, source=source, title=title, url=url, id=id, notes=notes)


def analyze_many(texts: Iterable[str | Article], *, n_process: int = 1,
                 batch_size: int = BATCH_SIZE, errors: str = "raise") -> Iterator[Analysis]:
    """Analyse many texts (or ingested Articles) with one batched ``nlp.pipe``, in input order.

    The input is streamed: only one batch is in memory at a time. With ``errors="return"`` an
    article whose analysis fails yields an ``IngestError`` naming it instead of stopping the run.
    """
    nlp = load_nlp()

    def pairs():
        for n, item in enumerate(texts):
            article = item if isinstance(item, Article) else Article(text=item, name=f"text {n + 1}")
            cleaned = clean(article.text)
            body, notes = _bounded(cleaned)
            yield body, (cleaned, article, notes)

    for doc, (cleaned, article, notes) in nlp.pipe(pairs(), as_tuples=True,
                                            batch_size=min(batch_size, BATCH_SIZE),
                                            n_process=n_process):
        try:
            yield _finish(doc, cleaned, source=article.source, title=article.title,
                          url=article.url, id=article.id, notes=notes)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
            if errors == "raise":
                raise
            yield IngestError(f"{article.name} could not be analysed ({type(exc).__name__}: {exc}).",
                              article.name)
