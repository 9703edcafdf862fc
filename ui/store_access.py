"""The dashboard's one door to the store: saved articles, reused analyses, share links.

One ``Store`` per server process and database URL (``cache_resource``; the URL is read from
``PRESSLENS_DATABASE_URL`` on each call, so tests point it at a temporary file). Three jobs:

- reuse: ``stored_analysis`` finds an analysis of the same cleaned text (same model, same
  version) so re-analysing, or opening a shared article in a new browser, skips the NLP;
- saving: ``persist_entry`` saves every analysed session article once and then only writes
  when the analyst's cleaning choices or corrections change; the session remembers which
  store id each session article has (``store_id_of``);
- links: ``share_url`` builds the ``?article=<id>`` / ``?story=<id>`` address to copy.

A store that cannot be opened never breaks a page: the analysis is still shown and a warning
says it was not saved.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import streamlit as st

from analysis import __version__
from analysis.model import Analysis, CleanResult
from analysis.nlp import MODEL_NAME
from analysis.pipeline import text_id
from analysis.store import Store, StoreError, database_url, text_hash

if TYPE_CHECKING:
    from .state import ArticleEntry

STORE_IDS_KEY = "presslens.store_ids"      # session entry key -> store article id
SAVED_KEY = "presslens.saved_edits"        # session entry key -> edits as last saved
SAVE_ERROR_KEY = "presslens.save_error"    # the last saving failure, shown once


@st.cache_resource(show_spinner=False)
def _open_store(url: str) -> Store:
    return Store(url)


def get_store() -> Store:
    """The store for this server's database URL; StoreError (one sentence) when unusable."""
    return _open_store(database_url())


def stored_analysis(cleaned: CleanResult, *, source: str | None = None,
                    title: str | None = None, url: str | None = None,
                    article_id: str | None = None) -> Analysis | None:
    """The stored analysis of this cleaned text by this model and version, else None.

    Shaped as ``analysis.analyze(..., cleaned=cleaned)`` would return it: the id, source, title
    and URL are this input's, not those of whoever stored the text first.
    """
    try:
        row = get_store().find_analysis(text_hash(cleaned.text), MODEL_NAME, __version__)
    except StoreError:
        return None
    if row is None:
        return None
    try:
        found = Analysis.from_dict(row)
    except (TypeError, ValueError):       # a row from an older record shape: analyse again
        return None
    return dataclasses.replace(
        found, id=article_id or text_id(cleaned.text), source=source or cleaned.site_name,
        title=title or cleaned.title, url=url or cleaned.url, original=cleaned.original)


def edits_payload(entry: ArticleEntry) -> dict:
    """The analyst's choices as the store keeps them (see ``analysis.store``)."""
    return {"restore": sorted(entry.restore), "drop": sorted(entry.drop),
            "edits": [e.to_dict() for e in entry.edits]}


def store_id_of(key: str | None) -> str | None:
    """The store id of a session article (None until it was saved)."""
    return st.session_state.get(STORE_IDS_KEY, {}).get(key) if key else None


def key_of_store_id(article_id: str) -> str | None:
    """The session key of the article saved under ``article_id``, if this session has it."""
    for key, aid in st.session_state.get(STORE_IDS_KEY, {}).items():
        if aid == article_id:
            return key
    return None


def remember_saved(key: str, article_id: str, edits: dict) -> None:
    """Note that session article ``key`` is stored as ``article_id`` with these edits."""
    st.session_state.setdefault(STORE_IDS_KEY, {})[key] = article_id
    st.session_state.setdefault(SAVED_KEY, {})[key] = edits


def forget_saved(key: str) -> None:
    """Forget that session article ``key`` is saved (it was deleted from the store)."""
    st.session_state.get(STORE_IDS_KEY, {}).pop(key, None)
    st.session_state.get(SAVED_KEY, {}).pop(key, None)


def _title_for(result: Analysis) -> str | None:
    if result.title:
        return result.title
    first = next((line.strip() for line in result.text.splitlines() if line.strip()), "")
    return (first if len(first) <= 90 else first[:87] + "…") or None


def persist_entry(entry: ArticleEntry, result: Analysis) -> str | None:
    """Save a session article (``result``: its analysis BEFORE the analyst's corrections).

    The first call saves it; later calls write only when the cleaning choices or corrections
    changed. Returns the store id, or None when the store cannot be used (the reason is kept
    for ``show_save_error``).
    """
    edits = edits_payload(entry)
    aid = store_id_of(entry.key)
    if aid is not None and st.session_state.get(SAVED_KEY, {}).get(entry.key) == edits:
        return aid
    try:
        store = get_store()
        row = result.to_dict()
        if aid is None or not store.update_article(aid, analysis=row, edits=edits):
            aid = store.save_article(row, original=entry.raw, edits=edits,
                                     source=entry.source or result.source,
                                     title=_title_for(result), url=entry.url or result.url)
    except (StoreError, ValueError) as err:
        st.session_state[SAVE_ERROR_KEY] = str(err)
        return None
    remember_saved(entry.key, aid, edits)
    return aid


def show_save_error() -> None:
    """A warning when an article could not be saved (shown once)."""
    message = st.session_state.pop(SAVE_ERROR_KEY, None)
    if message:
        st.warning(f"This article was analysed but not saved, so its share link will not "
                   f"work: {message}")


def share_url(param: str, value: str, page_path: str = "", extra: dict | None = None) -> str:
    """The address to copy for ``?param=value`` on a page (``page_path``: "", "compare"...);
    ``extra``: more parameters (the open tab).

    Built from the browser's address (``st.context.url``) when known, else a path alone.
    """
    base = (st.context.url or "").split("?", 1)[0].split("#", 1)[0]
    if base:
        root = base.rstrip("/")
        # st.context.url ends with the page the link was made on; swap it for the wanted one.
        for known in ("analyze", "actors", "quotes", "compare", "library"):
            if root.endswith("/" + known):
                root = root[: -len(known) - 1]
                break
        base = root + "/"
    else:
        base = "/"
    return f"{base}{page_path}?{urlencode({param: value, **(extra or {})})}"
