"""The one place the dashboard runs the analysis: model once per server, analyses cached.

``load_model`` is a ``cache_resource`` (one spaCy pipeline shared by every session);
``analyze_entry`` goes through a ``cache_data`` keyed on the hash of the input text plus the
analyst's cleaning overrides, bounded by ``MAX_CACHED_ANALYSES``. The analyst's corrections
(merge, rename, split, speaker) are applied on top of the cached result: they are pure and instant.
Analyses are also looked up in, and every analysed article saved to, the store
(``ui.store_access``).
"""
from __future__ import annotations

import hashlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

import analysis
from analysis.edits import EditError, apply_edit
from analysis.model import Analysis, CleanResult

from .state import ArticleEntry
from .store_access import persist_entry, stored_analysis

MAX_CACHED_ANALYSES = 64
# One article's analysis in the dashboard (stated in the README "Limits"); the environment
# variable lets a slow machine allow more, and the tests less.
ANALYSIS_TIMEOUT_ENV = "PRESSLENS_ANALYSIS_TIMEOUT_S"
ANALYSIS_TIMEOUT_S = 120.0


# One NLP run at a time per server: it is CPU-bound Python that holds the GIL, so sessions
# analysing in parallel threads only slow each other down and starve the server's event loop,
# which sends every session its page. In turn, each article is done sooner (bench/load.py).
NLP_SLOT = threading.Lock()


class AnalysisTimeout(TimeoutError):
    """An analysis that did not finish in time; ``str(err)`` is one sentence for the analyst."""


@st.cache_resource(show_spinner="Loading the language model (once per server)…")
def load_model():
    """The spaCy pipeline (and the stance model), loaded once per server process."""
    from analysis.nlp import load_nlp
    from analysis.sentiment import load_stance_model
    load_stance_model()
    return load_nlp()


@st.cache_data(max_entries=MAX_CACHED_ANALYSES, show_spinner=False)
def _analyze_cached(text_hash: str, restore: tuple[int, ...], drop: tuple[int, ...],
                    source: str | None, title: str | None, url: str | None, article_id: str | None,
                    _raw: str) -> tuple[CleanResult, Analysis]:
    # ``_raw`` is not hashed (leading underscore): ``text_hash`` stands for it in the cache key.
    cleaned = analysis.clean(_raw, restore=restore, drop=drop)
    # The same cleaned text analysed before (by anyone, this model and version): no NLP.
    result = stored_analysis(cleaned, source=source, title=title, url=url, article_id=article_id)
    if result is None:
        load_model()
        with NLP_SLOT:
            result = analysis.analyze(_raw, source=source, title=title, url=url, id=article_id,
                                      cleaned=cleaned)
    return cleaned, result


def text_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def analyze_entry(entry: ArticleEntry) -> tuple[CleanResult, Analysis, list[str]]:
    """Cleaning, analysis with the analyst's corrections, and the corrections that no longer apply."""
    cleaned, result = _analyze_cached(text_hash(entry.raw), tuple(sorted(entry.restore)),
                                      tuple(sorted(entry.drop)), entry.source, entry.title,
                                      entry.url, entry.article_id, entry.raw)
    persist_entry(entry, result)           # saved once; written again only when choices change
    problems = []
    for edit in entry.edits:
        try:
            result = apply_edit(result, edit)
        except EditError as err:
            problems.append(f"{edit.describe()}: {err}")
    return cleaned, result, problems


def analysis_timeout_s() -> float:
    try:
        value = float(os.environ.get(ANALYSIS_TIMEOUT_ENV, "") or ANALYSIS_TIMEOUT_S)
    except ValueError:
        return ANALYSIS_TIMEOUT_S
    return value if value > 0 else ANALYSIS_TIMEOUT_S


def analyze_entry_within(entry: ArticleEntry, timeout: float | None = None
                         ) -> tuple[CleanResult, Analysis, list[str]]:
    """``analyze_entry`` with a time limit, so one pathological article cannot hold a session.

    The cleaning and NLP run in a worker thread; past ``timeout`` seconds AnalysisTimeout is
    raised and nothing is saved. Python cannot stop a thread, so the worker finishes in the
    background (the text is bounded to MAX_TEXT_CHARS) and its result lands in the cache.
    """
    timeout = analysis_timeout_s() if timeout is None else timeout
    ctx = get_script_run_ctx()
    key = (text_hash(entry.raw), tuple(sorted(entry.restore)), tuple(sorted(entry.drop)),
           entry.source, entry.title, entry.url, entry.article_id, entry.raw)

    def work():
        if ctx is not None:
            add_script_run_ctx(None, ctx)
        return _analyze_cached(*key)

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="presslens-analysis")
    try:
        future = pool.submit(work)
        future.result(timeout=timeout)
    except FutureTimeout:
        raise AnalysisTimeout(f"{entry.name} took longer than {timeout:g} seconds to analyse, so "
                              f"it was set aside and not saved; try again later or split it into "
                              f"shorter articles.") from None
    finally:
        pool.shutdown(wait=False)
    return analyze_entry(entry)
