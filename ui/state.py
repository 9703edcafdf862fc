"""What the dashboard remembers for one browser session, and the permalink in the URL.

Session state holds the articles analysed in this session (``ARTICLES_KEY``: key -> ArticleEntry,
in the order they were added: the "story" the sidebar lists) and which one every page shows
(``CURRENT_KEY``). An entry keeps the INPUT (raw text, source, title, url), the analyst's cleaning
overrides and corrections, never the analysis: that is recomputed through the bounded cache in
``ui.analysis_cache``, so the session stays small. The URL carries ``?article=<key>`` (never the
text); a later store can resolve keys this session does not hold.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field

import streamlit as st

from analysis.edits import Edit
from analysis.model import Article

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


def sync_permalink() -> None:
    """Follow ``?article=`` when the URL changed (a shared link, back button); else write it.

    A value equal to the one this session last wrote is our own echo and must not undo a choice
    the analyst just made in the sidebar.
    """
    wanted = st.query_params.get(PERMALINK_PARAM)
    if (wanted and wanted != st.session_state.get(WRITTEN_KEY)
            and wanted != st.session_state.get(CURRENT_KEY) and wanted in articles()):
        set_current(wanted)
    key = st.session_state.get(CURRENT_KEY)
    if key and wanted != key:
        st.query_params[PERMALINK_PARAM] = key
    st.session_state[WRITTEN_KEY] = key
