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

import streamlit as st

import analysis
from analysis.edits import EditError, apply_edit
from analysis.model import Analysis, CleanResult

from .state import ArticleEntry
from .store_access import persist_entry, stored_analysis

MAX_CACHED_ANALYSES = 64


@st.cache_resource(show_spinner="Loading the language model (once per server)…")
def load_model():
    """The spaCy pipeline, loaded once per server process."""
    from analysis.nlp import load_nlp
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
