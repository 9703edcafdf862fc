"""analyze / analyze_many / clean: the steps composed in one direction.

ingest -> clean -> nlp -> entities -> (quotes, sentiment) -> Analysis
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from . import __version__
from .clean import clean
from .entities import extract_actors
from .ingest import IngestError
from .model import Analysis, Article, CleanResult
from .nlp import BATCH_SIZE, MODEL_NAME, load_nlp
from .quotes import extract_quotes
from .sentiment import actor_stances, document_tone

__all__ = ["analyze", "analyze_many", "clean", "text_id"]


def text_id(text: str) -> str:
    """Stable id of a cleaned text: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _finish(doc, cleaned: CleanResult, *, source=None, title=None, url=None, id=None,
            model_name: str = MODEL_NAME) -> Analysis:
    mentions, actors = extract_actors(doc)
    quotes = extract_quotes(doc, mentions)
    actors = actor_stances(doc, actors, mentions, quotes)
    return Analysis(
        id=id or text_id(cleaned.text), text=cleaned.text,
        source=source or cleaned.site_name, title=title or cleaned.title,
        url=url or cleaned.url, removed=cleaned.removed, actors=tuple(actors),
        entities=tuple(mentions), quotes=tuple(quotes), sentiment=document_tone(doc),
        original=cleaned.original, model=model_name, version=__version__)


def analyze(text: str, *, source: str | None = None, title: str | None = None,
            url: str | None = None, id: str | None = None,
            cleaned: CleanResult | None = None) -> Analysis:
    """Clean ``text`` (plain text or HTML) and analyse it.

    ``cleaned`` lets a caller that already cleaned (or edited the cleaning of) the text pass
    the result in, so the analyst's restored/dropped lines are respected.
    """
    cleaned = cleaned if cleaned is not None else clean(text)
    nlp = load_nlp()
    return _finish(nlp(cleaned.text), cleaned, source=source, title=title, url=url, id=id)


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
            yield cleaned.text, (cleaned, article)

    for doc, (cleaned, article) in nlp.pipe(pairs(), as_tuples=True,
                                            batch_size=min(batch_size, BATCH_SIZE),
                                            n_process=n_process):
        try:
            yield _finish(doc, cleaned, source=article.source, title=article.title,
                          url=article.url, id=article.id)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
            if errors == "raise":
                raise
            yield IngestError(f"{article.name} could not be analysed ({type(exc).__name__}: {exc}).",
                              article.name)
