"""What the dashboard remembers for one browser session, and the permalink in the URL.

Session state holds the articles analysed in this session (``ARTICLES_KEY``: key -> ArticleEntry,
in the order they were added: the "story" the sidebar lists) and which one every page shows
(``CURRENT_KEY``). An entry keeps the INPUT (raw text, source, title, url), the analyst's cleaning
overrides and corrections, never the analysis: that is recomputed through the bounded cache in
``ui.analysis_cache``, so the session stays small. Every analysed article is saved in the store
(``ui.store_access``); the URL carries ``?article=<store id>`` (never the text), so the link opens
the same article in a new browser session, loaded from the store.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field

import streamlit as st

from analysis.edits import Edit, edit_from_dict
from analysis.ingest import looks_like_html
from analysis.model import Article
from analysis.store import ArticleRecord, StoreError, is_valid_id

from .store_access import (edits_payload, forget_saved, get_store, key_of_store_id,
                           remember_saved, store_id_of)

ARTICLES_KEY = "presslens.articles"
CURRENT_KEY = "presslens.current"
PERMALINK_PARAM = "article"
WRITTEN_KEY = "presslens.permalink_written"


@dataclass(frozen=True)
class ArticleEntry:
    """One article of this session: its input, the cleaning overrides and the corrections."""
    key: str
    raw: str
    name: str
    kind: str = "text"
    source: str | None = None
    title: str | None = None
    url: str | None = None
    article_id: str | None = None
    restore: tuple[int, ...] = ()
    drop: tuple[int, ...] = ()
    edits: tuple[Edit, ...] = field(default=())
    heading: str | None = None

    @property
    def label(self) -> str:
        """How the sidebar names the article: headline (or first line), then the source."""
        head = self.heading or self.title or self.name
        return f"{head} — {self.source}" if self.source else head


def entry_key(raw: str) -> str:
    """Stable key of an input: the same pasted text or file is the same article."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def entry_from_article(article: Article, *, source: str | None = None) -> ArticleEntry:
    """A new entry for an ingested article; ``source`` (typed by the analyst) wins over metadata."""
    return ArticleEntry(key=entry_key(article.text), raw=article.text, name=article.name,
                        kind=article.kind, source=(source or "").strip() or article.source,
                        title=article.title, url=article.url, article_id=article.id)


def articles() -> dict[str, ArticleEntry]:
    return st.session_state.setdefault(ARTICLES_KEY, {})


def current_entry() -> ArticleEntry | None:
    key = st.session_state.get(CURRENT_KEY)
    return articles().get(key) if key else None


def put_entry(entry: ArticleEntry, *, make_current: bool = True) -> None:
    """Add or replace an entry (keeping the overrides of an entry already there)."""
    store = articles()
    old = store.get(entry.key)
    if old is not None:
        entry = dataclasses.replace(entry, restore=old.restore, drop=old.drop, edits=old.edits)
    store[entry.key] = entry
    if make_current:
        set_current(entry.key)


def update_current(**changes) -> ArticleEntry | None:
    """Replace fields of the current entry (restore, drop, edits...)."""
    entry = current_entry()
    if entry is None:
        return None
    entry = dataclasses.replace(entry, **changes)
    articles()[entry.key] = entry
    return entry


def set_current(key: str) -> None:
    if key in articles():
        st.session_state[CURRENT_KEY] = key


def entry_from_record(record: ArticleRecord) -> ArticleEntry:
    """A session entry for an article saved in the store (opened from a share link).

    Corrections that cannot be read back are left out rather than failing the whole article.
    """
    saved = record.edits if isinstance(record.edits, dict) else {}
    edits = []
    for item in saved.get("edits") or ():
        try:
            edits.append(edit_from_dict(item))
        except (KeyError, TypeError, ValueError):
            continue
    raw = record.original or record.text

    def lines(name: str) -> tuple[int, ...]:
        return tuple(sorted(int(x) for x in saved.get(name) or () if isinstance(x, int)))

    return ArticleEntry(key=entry_key(raw), raw=raw, name=record.title or "saved article",
                        kind="html" if looks_like_html(raw) else "text", source=record.source,
                        title=record.title, url=record.url, restore=lines("restore"),
                        drop=lines("drop"), edits=tuple(edits), heading=record.title)


def open_article_link(article_id: str) -> str | None:
    """The session key of the article a link names, loading it from the store if needed.

    Shows one clear sentence (no traceback) when the id is malformed or unknown.
    """
    if article_id in articles():                 # a session key (links made before saving)
        return article_id
    key = key_of_store_id(article_id)
    if key is not None:
        return key
    if not is_valid_id(article_id):
        st.warning("This link does not name a saved article (the article id in it is not "
                   "valid). Check that the whole link was copied.")
        return None
    try:
        record = get_store().get_article(article_id)
    except StoreError as err:
        st.error(str(err))
        return None
    if record is None:
        st.warning("No saved article has the id in this link: it may have been deleted, or "
                   "the link was cut short.")
        return None
    entry = entry_from_record(record)
    put_entry(entry, make_current=False)
    remember_saved(entry.key, record.id, edits_payload(articles()[entry.key]))
    return entry.key


def forget_saved_article(article_id: str) -> None:
    """Drop a deleted article from this session, so it is not saved again under a new id."""
    key = key_of_store_id(article_id)
    if key is None:
        return
    articles().pop(key, None)
    forget_saved(key)
    if st.session_state.get(CURRENT_KEY) == key:
        st.session_state[CURRENT_KEY] = next(iter(articles()), None)
    if st.query_params.get(PERMALINK_PARAM) == article_id:
        del st.query_params[PERMALINK_PARAM]


def sync_permalink(*, follow: bool = True) -> None:
    """Follow ``?article=`` when the URL changed (a shared link, back button); else write it.

    The URL gets the current article's store id (its session key until it is saved). A value
    equal to the one this session last wrote is our own echo and must not undo a choice the
    analyst just made in the sidebar. ``follow=False`` only writes (the call after the page).
    """
    wanted = st.query_params.get(PERMALINK_PARAM)
    if follow and wanted and wanted != st.session_state.get(WRITTEN_KEY):
        key = open_article_link(wanted)
        if key is not None and key != st.session_state.get(CURRENT_KEY):
            set_current(key)
    key = st.session_state.get(CURRENT_KEY)
    link = store_id_of(key) or key
    if link and wanted != link:
        st.query_params[PERMALINK_PARAM] = link
    st.session_state[WRITTEN_KEY] = link
