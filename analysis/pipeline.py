"""analyze / analyze_many / clean: the steps composed in one direction.

ingest -> clean -> nlp -> entities -> (quotes, sentiment) -> Analysis
"""
from __future__ import annotations

import hashlib
import queue
import re
import threading
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


# spaCy's batch when one process parses ahead of the rest of the analysis: small, so the first
# articles are finished while spaCy parses the next (bare spaCy reads the development stories as
# fast in batches of 8 as of 64; batches of 8 / 16 / 32 gave speed ratios 0.70-0.74 / 0.54-0.66 /
# 0.54-0.63, measured with `evaluate.py speed`'s texts on the 2-core machine)
PARSE_AHEAD_BATCH = 8


class _ParseFailed:
    def __init__(self, error: BaseException):
        self.error = error


def _parsed_ahead(nlp, pairs: Iterable, batch_size: int) -> Iterator:
    """``nlp.pipe(pairs, as_tuples=True)`` run in a background thread, a few batches ahead.

    spaCy's parse holds one core; the rest of an article's analysis (the stance models'
    onnxruntime reads above all) runs meanwhile on the other, so a batch takes about the longer
    of the two rather than their sum. An error in the parse is raised here, in the caller's
    thread; closing this generator stops the thread at its next article."""
    handoff: queue.Queue = queue.Queue(maxsize=2 * batch_size)
    stop = threading.Event()
    done = object()

    def hand_over(item) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def parse() -> None:
        try:
            for item in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
                if not hand_over(item):
                    return
            hand_over(done)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            hand_over(_ParseFailed(exc))

    worker = threading.Thread(target=parse, name="presslens-parse", daemon=True)
    worker.start()
    try:
        while (item := handoff.get()) is not done:
            if isinstance(item, _ParseFailed):
                raise item.error
            yield item
    finally:
        stop.set()


def analyze_many(texts: Iterable[str | Article], *, n_process: int = 1,
                 batch_size: int = BATCH_SIZE, errors: str = "raise") -> Iterator[Analysis]:
    """Analyse many texts (or ingested Articles) with one batched ``nlp.pipe``, in input order.

    The input is streamed: only a few batches are in memory at a time. With one process, spaCy
    parses in a background thread (``_parsed_ahead``) in batches of at most PARSE_AHEAD_BATCH;
    ``batch_size`` caps the batch either way. With ``errors="return"`` an article whose
    analysis fails yields an ``IngestError`` naming it instead of stopping the run.
    """
    nlp = load_nlp()

    def pairs():
        for n, item in enumerate(texts):
            article = item if isinstance(item, Article) else Article(text=item, name=f"text {n + 1}")
            cleaned = clean(article.text)
            body, notes = _bounded(cleaned)
            yield body, (cleaned, article, notes)

    batch_size = min(batch_size, BATCH_SIZE)
    if n_process <= 1:
        parsed = _parsed_ahead(nlp, pairs(), min(batch_size, PARSE_AHEAD_BATCH))
    else:
        parsed = nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, (cleaned, article, notes) in parsed:
        try:
            yield _finish(doc, cleaned, source=article.source, title=article.title,
                          url=article.url, id=article.id, notes=notes)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
            if errors == "raise":
                raise
            yield IngestError(f"{article.name} could not be analysed ({type(exc).__name__}: {exc}).",
                              article.name)
