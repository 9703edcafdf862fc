"""Persistence: saved articles, their analyses, the analyst's edits, and stories.

Why a database and not files: permalinks (``?article=<id>``, ``?story=<id>``) must keep working
across restarts and between analysts, the library must be searchable, and re-analysing the same
text must be free. SQLAlchemy 2 keeps one code path for the default SQLite file and for
PostgreSQL; Alembic migrations (``analysis/migrations/``) create and evolve the schema and are
applied automatically when a :class:`Store` is opened.

Where the data lives
    ``Store(url)``, else the ``PRESSLENS_DATABASE_URL`` environment variable (any SQLAlchemy URL;
    ``postgresql://`` is read as ``postgresql+psycopg://``), else the SQLite file
    ``data/presslens.db`` under the repository root (created on first use, WAL mode).

Ids
    Articles and stories get :func:`new_id`: 128 random bits, URL-safe (22 characters), so a
    link cannot be guessed or enumerated. Every lookup checks the id's shape first
    (:func:`is_valid_id`): a malformed or unknown id is simply "not found" (``None``/``False``),
    never an SQL error. All SQL is parameterised.

Analysis reuse
    Analyses are cached by ``(text_hash(cleaned text), model, version)``: saving an analysis of
    a text that is already stored (same spaCy model, same presslens version) reuses the stored
    row. A page can skip the NLP entirely with
    ``store.find_analysis(text_hash(cleaned.text), MODEL_NAME, __version__)``.

API (all methods are thread-safe; one engine per Store, one session per call)::

    store = Store()                                   # or Store("postgresql+psycopg://...")
    aid = store.save_article(analysis_dict, original=raw, edits=None, story_id=None,
                             source=None, title=None, url=None)        # -> article id
    store.save_articles(analyses, originals=None, story_id=None) -> list[str]  (bulk, in order)
    store.get_article(aid)            -> ArticleRecord | None
    store.find_analysis(text_hash(text), model, version) -> dict | None
    store.update_edits(aid, edits)    -> bool
    store.update_article(aid, analysis=..., original=..., edits=..., source=..., title=...,
                         url=...)     -> bool          (only the fields given change)
    store.delete_article(aid)         -> bool          (also leaves every story)
    store.list_articles(search=None, limit=200, offset=0) -> list[ArticleSummary]
                                       (search: case-insensitive part of title/source/URL/actor)
    sid = store.create_story(name)    -> story id
    store.rename_story(sid, name)     -> bool
    store.delete_story(sid)           -> bool          (its articles stay in the library)
    store.add_to_story(sid, aid)      -> bool          (idempotent)
    store.remove_from_story(sid, aid) -> bool
    store.get_story(sid)              -> StoryRecord | None   (.article_ids in story order)
    store.list_stories(search=None)   -> list[StoryRecord]    (newest change first)
    store.article_stories(aid)        -> list[StoryRecord]    (stories holding an article)
    store.story_articles(sid)         -> list[ArticleRecord]  (story order)
    store.story_analyses(sid)         -> list[dict]           (input for analysis.compare)
    store.outlet_actor_counts(sid=None) -> list[OutletActorCount]  (SQL GROUP BY outlet, actor)
    store.story_edits(sid)            -> [(article id, position, edits)]   (no analysis read)
    store.story_counts(sid, exclude=(), quote_keys=()) -> compare.StoryCounts
                                       (a large story grouped in SQL: compare_story_counts)
    store.count_articles(), store.count_analyses(), store.dispose()

Large stories
    Saving an analysis also writes the figures ``analysis.compare`` sums per outlet (words and
    tone on ``analyses``, stance weight and strongest evidence on ``analysis_actors``, one
    ``analysis_quotes`` row per quote with a key for equal words), so ``story_counts`` compares
    thousands of articles with GROUP BY and window functions instead of loading them.

``ArticleRecord.analysis`` is the contract's JSON row (``Analysis.to_dict()``) with the
article's own ``source``/``title``/``url`` laid over it (two outlets can share one cached
analysis of identical wire copy). Save the analysis as the pipeline made it (after the
analyst's restored/dropped lines, which change the cleaned text, but BEFORE actor/speaker
corrections): the row is shared by every article with that text. The corrections go in
``edits``, a JSON dict stored as given and replayed by the pages; the shape the dashboard
uses is ``{"restore": [line, ...], "drop": [line, ...],
"edits": [analysis.edits.<Edit>.to_dict(), ...]}``.

Errors: bad arguments (not an analysis, an empty story name, edits that are not JSON) raise
``ValueError``; a database that cannot be opened or reached raises :class:`StoreError`. Both
carry one sentence fit for the UI (``st.error(str(exc))``). In Streamlit, open the store once
per process: ``@st.cache_resource def get_store(): return Store()``.

New migration (after changing the tables below; compares them with the database at the URL,
which must be at the newest migration; tests/test_store.py fails until the migration exists)::

    from alembic import command
    from analysis.store import migration_config
    command.revision(migration_config(), "what changed", autogenerate=True)
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import wraps
from pathlib import Path
from typing import Any

from sqlalchemy import (JSON, BigInteger, DateTime, Float, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint, create_engine, delete, event, func, select, update)
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

__all__ = ["ArticleRecord", "ArticleSummary", "OutletActorCount", "Store", "StoreError",
           "StoryRecord",
           "database_url", "is_valid_id", "migration_config", "new_id", "text_hash"]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = ROOT / "data" / "presslens.db"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
ENV_VAR = "PRESSLENS_DATABASE_URL"
ID_BYTES = 16                         # 128 random bits -> 22 URL-safe characters
_ID_SHAPE = re.compile(r"[A-Za-z0-9_-]{22,64}")
_HASH_SHAPE = re.compile(r"[0-9a-f]{64}")
MAX_STORY_NAME = 200
SQLITE_BUSY_MS = 30_000               # writers queue behind each other for up to 30 s
# One Alembic upgrade at a time in this process (Streamlit may open stores from many threads).
_MIGRATE_LOCK = threading.Lock()
# Arbitrary constant for pg_advisory_xact_lock: one migrating process at a time per database.
_PG_MIGRATION_LOCK_KEY = 0x70726573


class StoreError(RuntimeError):
    """The database cannot be opened or reached; ``str(exc)`` is one sentence for the UI."""


def _reachable(method: Callable) -> Callable:
    """Turn a lost or refused database connection into a StoreError with a clear sentence."""
    @wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (OperationalError, InterfaceError) as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
            raise StoreError(f"The database could not be used ({reason}).") from exc
    return call


# --------------------------------------------------------------------------- ids and hashes

def new_id() -> str:
    """A fresh share id: 128 random bits, URL-safe, not sequential."""
    return secrets.token_urlsafe(ID_BYTES)


def is_valid_id(value: Any) -> bool:
    """True when ``value`` has the shape of a share id (checked before any query)."""
    return isinstance(value, str) and _ID_SHAPE.fullmatch(value) is not None


def text_hash(text: str) -> str:
    """sha256 (hex) of a cleaned text: the key under which its analysis is reused."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def database_url(url: str | None = None) -> str:
    """The URL a Store opens: ``url``, else $PRESSLENS_DATABASE_URL, else data/presslens.db."""
    url = url or os.environ.get(ENV_VAR) or f"sqlite:///{DEFAULT_DB_PATH}"
    # psycopg 3 is the installed driver; plain postgresql:// would ask for psycopg2.
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix):]
    return url


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every time we store is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def _scrub(value: Any) -> Any:
    """JSON-ready copy with NUL characters replaced (PostgreSQL rejects them).

    U+FFFD keeps the string's length, so the contract's character offsets stay valid.
    """
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {str(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_scrub(v) for v in value]
    return value


def _json_ready(value: Any, what: str) -> Any:
    try:
        return json.loads(json.dumps(_scrub(value), allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"The {what} must be plain JSON data (dicts, lists, text, numbers).") \
            from exc


def _opt_text(value: Any, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"The {what} must be text.")
    return _scrub(value.strip()) or None


# --------------------------------------------------------------------------- schema

JSONType = JSON().with_variant(postgresql.JSONB(), "postgresql")


class Base(DeclarativeBase):
    pass


class AnalysisRow(Base):
    """One analysis of one cleaned text by one model and presslens version (a cache row)."""
    __tablename__ = "analyses"
    __table_args__ = (UniqueConstraint("text_hash", "model", "version",
                                       name="uq_analyses_text_model_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    model: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(50))
    payload: Mapped[dict] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # ``compare.analysis_figures``: summed per outlet in SQL for large stories
    words: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    tone: Mapped[float | None] = mapped_column(Float, nullable=True)
    subjectivity: Mapped[float | None] = mapped_column(Float, nullable=True)
    tone_weight: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # how strongly the narrator takes sides (``sentiment.sides``), averaged per outlet
    sides: Mapped[float | None] = mapped_column(Float, nullable=True)


class AnalysisActorRow(Base):
    """The actors of an analysis as rows, so search and per-outlet counts run in SQL."""
    __tablename__ = "analysis_actors"
    __table_args__ = (Index("ix_analysis_actors_analysis_id", "analysis_id"),
                      Index("ix_analysis_actors_name", "name"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    analysis_id: Mapped[int] = mapped_column(ForeignKey("analyses.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    type: Mapped[str | None] = mapped_column(String(32), nullable=True)
    mentions: Mapped[int] = mapped_column(Integer, default=0)
    quotes: Mapped[int] = mapped_column(Integer, default=0)
    sentiment: Mapped[float] = mapped_column(Float, default=0.0)
    label: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # ``compare.actor_figures``: the stance weight and the strongest evidence (JSON text of
    # [polarity, snippet] pairs, at most compare.MAX_EVIDENCE) with its largest |polarity|
    weight: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    evidence: Mapped[str | None] = mapped_column(Text, nullable=True)
    evidence_strength: Mapped[float | None] = mapped_column(Float, nullable=True)


class AnalysisQuoteRow(Base):
    """The quotes of an analysis as rows (``compare.quote_figures``), grouped in SQL."""
    __tablename__ = "analysis_quotes"
    __table_args__ = (Index("ix_analysis_quotes_analysis_id", "analysis_id"),
                      Index("ix_analysis_quotes_quote_key", "quote_key"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    analysis_id: Mapped[int] = mapped_column(ForeignKey("analyses.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    speaker: Mapped[str | None] = mapped_column(String(300), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    words: Mapped[int] = mapped_column(Integer, default=0)
    quote_key: Mapped[str] = mapped_column(String(64))


class ArticleRow(Base):
    """A saved article: what the analyst gave, what it was cleaned to, and their edits."""
    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_text_hash", "text_hash"),
                      Index("ix_articles_updated_at", "updated_at"))

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str | None] = mapped_column(Text, nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    original: Mapped[str | None] = mapped_column(Text, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    analysis_id: Mapped[int] = mapped_column(ForeignKey("analyses.id"))
    edits: Mapped[dict] = mapped_column(JSONType)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StoryRow(Base):
    """A named set of articles about one event, compared across outlets."""
    __tablename__ = "stories"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(MAX_STORY_NAME))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StoryArticleRow(Base):
    """Membership of an article in a story (an article may be in several stories)."""
    __tablename__ = "story_articles"
    __table_args__ = (Index("ix_story_articles_article_id", "article_id"),)

    story_id: Mapped[str] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"),
                                          primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"),
                                            primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# --------------------------------------------------------------------------- records

@dataclass(frozen=True)
class ArticleRecord:
    """A saved article with its analysis (contract JSON) and the analyst's edits."""
    id: str
    title: str | None
    source: str | None
    url: str | None
    original: str | None
    text: str
    text_hash: str
    analysis: dict
    edits: dict
    created_at: datetime
    updated_at: datetime
    model: str = ""
    version: str = ""


@dataclass(frozen=True)
class ArticleSummary:
    """A library row: enough to list and search articles without loading analyses."""
    id: str
    title: str | None
    source: str | None
    url: str | None
    created_at: datetime
    updated_at: datetime
    words: int = 0
    actors: tuple[str, ...] = ()      # the most mentioned first (at most 5)


@dataclass(frozen=True)
class StoryRecord:
    """A story: its name, its article ids in story order, and the outlets they come from."""
    id: str
    name: str
    created_at: datetime
    updated_at: datetime
    article_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default=())

    @property
    def n_articles(self) -> int:
        return len(self.article_ids)


@dataclass(frozen=True)
class OutletActorCount:
    """Per outlet and actor: articles mentioning it, total mentions and quotes, mean stance."""
    source: str | None
    actor: str
    type: str | None
    articles: int
    mentions: int
    quotes: int
    mean_sentiment: float


# --------------------------------------------------------------------------- engine set-up

def _sqlite_engine(url: str) -> tuple[Engine, Engine]:
    """SQLite with WAL, a busy timeout, foreign keys, and explicit BEGINs.

    pysqlite's own transaction handling starts transactions late and cannot do SAVEPOINT or
    transactional DDL, so we turn it off and emit BEGIN ourselves (SQLAlchemy's documented
    recipe). Writers use BEGIN IMMEDIATE: they take the write lock up front and wait for it
    (busy_timeout), instead of failing with "database is locked" when a read turns into a write.
    """
    parsed = make_url(url)
    memory = parsed.database in (None, "", ":memory:")
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False,
                                               "timeout": SQLITE_BUSY_MS / 1000}}
    if memory:
        kwargs["poolclass"] = StaticPool      # one shared in-memory database (tests, notebooks)
    else:
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        kwargs["pool_size"] = 10
        kwargs["max_overflow"] = 20
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS:d}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = "IMMEDIATE" if conn.get_execution_options().get("presslens_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine, engine.execution_options(presslens_write=True)


def _make_engines(url: str) -> tuple[Engine, Engine]:
    """(reader, writer) engines sharing one pool; they differ only on SQLite."""
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    return engine, engine


def migration_config(url: str | None = None):
    """An Alembic Config for our migrations, built in code (no alembic.ini needed)."""
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", database_url(url).replace("%", "%%"))
    cfg.attributes["target_metadata"] = Base.metadata
    return cfg


def _upgrade(engine: Engine, url: str) -> None:
    """Bring the schema to the newest migration (creates it on an empty database)."""
    from alembic import command
    cfg = migration_config(url)
    with _MIGRATE_LOCK, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two processes opening a new database at once: the second waits, then sees head.
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK_KEY:d})")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


# --------------------------------------------------------------------------- the store

_UNSET: Any = object()


def actor_values(payload: dict) -> list[dict]:
    """The ``analysis_actors`` values of an analysis (also used by the 0002 back-fill)."""
    from .compare import actor_figures
    quotes: dict[str, int] = {}
    for q in payload.get("quotes") or ():
        if isinstance(q, dict) and isinstance(q.get("speaker"), str):
            quotes[q["speaker"]] = quotes.get(q["speaker"], 0) + 1
    return [{"name": f["name"][:300], "type": str(f["type"])[:32] if f["type"] else None,
             "mentions": f["mentions"], "quotes": quotes.get(f["name"], 0),
             "sentiment": f["sentiment"], "label": str(f["label"])[:16] if f["label"] else None,
             "weight": f["weight"],
             "evidence": json.dumps(f["evidence"], ensure_ascii=False) if f["evidence"] else None,
             "evidence_strength": f["strength"]}
            for f in actor_figures(payload)]


def quote_values(payload: dict) -> list[dict]:
    """The ``analysis_quotes`` values of an analysis (also used by the 0002 back-fill)."""
    from .compare import quote_figures
    return [{"ordinal": q["ordinal"], "speaker": q["speaker"][:300] if q["speaker"] else None,
             "text": q["text"], "words": q["words"], "quote_key": q["key"]}
            for q in quote_figures(payload)]


def analysis_values(payload: dict) -> dict:
    """The figure columns of an ``analyses`` row (also used by the 0002 back-fill)."""
    from .compare import analysis_figures
    return analysis_figures(payload)


def _actor_rows(analysis_id: int, payload: dict) -> list[Base]:
    return [*(AnalysisActorRow(analysis_id=analysis_id, **v) for v in actor_values(payload)),
            *(AnalysisQuoteRow(analysis_id=analysis_id, **v) for v in quote_values(payload))]


def _like_pattern(search: str) -> str:
    escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Store:
    """Saved articles, analyses and stories in one SQL database (see the module docstring)."""

    def __init__(self, url: str | None = None, *, migrate: bool = True):
        self.url = database_url(url)
        where = make_url(self.url).render_as_string(hide_password=True)
        try:
            self._engine, self._write_engine = _make_engines(self.url)
        except OSError as exc:
            raise StoreError(f"The database file for {where} cannot be created ({exc}).") \
                from exc
        except Exception as exc:  # noqa: BLE001 - a bad URL or a missing driver, said once
            raise StoreError(f"The database URL {where} cannot be used ({exc}).") from exc
        self._read = sessionmaker(self._engine, expire_on_commit=False)
        self._write = sessionmaker(self._write_engine, expire_on_commit=False)
        if migrate:
            try:
                _upgrade(self._write_engine, self.url)
            except (OperationalError, InterfaceError) as exc:
                self._engine.dispose()
                reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
                raise StoreError(f"The database {where} could not be opened ({reason}).") \
                    from exc

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def backend(self) -> str:
        """'sqlite', 'postgresql', ..."""
        return self._engine.dialect.name

    def dispose(self) -> None:
        """Close every pooled connection (the Store opens new ones if used again)."""
        self._engine.dispose()

    def __repr__(self) -> str:
        return f"Store({make_url(self.url).render_as_string(hide_password=True)!r})"

    # ---------------------------------------------------------------- analyses

    @_reachable
    def find_analysis(self, text_hash: str, model: str, version: str) -> dict | None:
        """The stored analysis of a text (by :func:`text_hash`) for a model and version."""
        if not (isinstance(text_hash, str) and _HASH_SHAPE.fullmatch(text_hash)):
            return None
        with self._read() as s:
            payload = s.scalar(select(AnalysisRow.payload).where(
                AnalysisRow.text_hash == text_hash, AnalysisRow.model == str(model or ""),
                AnalysisRow.version == str(version or "")))
        return payload

    def _get_or_add_analysis(self, s: Session, payload: dict) -> AnalysisRow:
        key = (text_hash(payload["text"]), str(payload.get("model") or "")[:200],
               str(payload.get("version") or "")[:50])
        query = select(AnalysisRow).where(AnalysisRow.text_hash == key[0],
                                          AnalysisRow.model == key[1],
                                          AnalysisRow.version == key[2])
        row = s.scalar(query)
        if row is not None:
            return row
        try:
            # A savepoint: when another writer stored the same text a moment ago (PostgreSQL
            # lets both try), only this insert is undone and we read theirs.
            with s.begin_nested():
                row = AnalysisRow(text_hash=key[0], model=key[1], version=key[2],
                                  payload=payload, created_at=_now(),
                                  **analysis_values(payload))
                s.add(row)
                s.flush()
                s.add_all(_actor_rows(row.id, payload))
                s.flush()
        except IntegrityError:
            row = s.scalar(query)
            if row is None:
                raise
        return row

    @staticmethod
    def _check_analysis(analysis: Any) -> dict:
        if hasattr(analysis, "to_dict"):
            analysis = analysis.to_dict()
        if not isinstance(analysis, dict) or not isinstance(analysis.get("text"), str):
            raise ValueError("The analysis must be an analysis dict with the article's text.")
        return _json_ready(analysis, "analysis")

    def _drop_orphan_analysis(self, s: Session, analysis_id: int) -> None:
        """Forget an analysis no saved article uses any more (it holds the article's text)."""
        used = s.scalar(select(func.count()).select_from(ArticleRow)
                        .where(ArticleRow.analysis_id == analysis_id))
        if not used:
            s.execute(delete(AnalysisActorRow).where(AnalysisActorRow.analysis_id == analysis_id))
            s.execute(delete(AnalysisQuoteRow).where(AnalysisQuoteRow.analysis_id == analysis_id))
            s.execute(delete(AnalysisRow).where(AnalysisRow.id == analysis_id))

    # ---------------------------------------------------------------- articles

    @_reachable
    def save_article(self, analysis: dict, *, original: str | None = None,
                     edits: dict | None = None, source: str | None = _UNSET,
                     title: str | None = _UNSET, url: str | None = _UNSET,
                     story_id: str | None = None) -> str:
        """Save an analysed article and return its new share id.

        ``analysis`` is ``Analysis.to_dict()`` (an Analysis object works too); ``original`` the
        input as given (pasted text or HTML). ``source``/``title``/``url`` default to the
        analysis's own. An identical analysed text (same model and version) is stored once.
        With ``story_id`` the article is also added to that story (if it exists).
        """
        payload = self._check_analysis(analysis)
        edits = _json_ready(edits or {}, "edits")
        if not isinstance(edits, dict):
            raise ValueError("The edits must be a dict.")
        fields = {
            "source": _opt_text(payload.get("source") if source is _UNSET else source, "source"),
            "title": _opt_text(payload.get("title") if title is _UNSET else title, "title"),
            "url": _opt_text(payload.get("url") if url is _UNSET else url, "URL"),
        }
        original = None if original is None else _scrub(str(original))
        now = _now()
        article_id = new_id()
        with self._write.begin() as s:
            row = self._get_or_add_analysis(s, payload)
            s.add(ArticleRow(id=article_id, original=original, text=payload["text"],
                             text_hash=row.text_hash, analysis_id=row.id, edits=edits,
                             created_at=now, updated_at=now, **fields))
            s.flush()
            if story_id is not None:
                self._add(s, story_id, article_id)
        return article_id

    @_reachable
    def save_articles(self, analyses: Iterable[dict], *, originals: Iterable[str | None] = (),
                      story_id: str | None = None, batch_size: int = 200) -> list[str]:
        """Save many analysed articles (a batch import); their ids in input order.

        Everything is checked before anything is written, so a bad item saves nothing. Rows
        are committed ``batch_size`` at a time so other writers are not held up for long.
        """
        payloads = [self._check_analysis(a) for a in analyses]
        originals = [None if o is None else _scrub(str(o)) for o in originals]
        originals += [None] * (len(payloads) - len(originals))
        fields = [{"source": _opt_text(p.get("source"), "source"),
                   "title": _opt_text(p.get("title"), "title"),
                   "url": _opt_text(p.get("url"), "URL")} for p in payloads]
        items = list(zip(payloads, originals, fields))
        step = max(1, int(batch_size))
        ids: list[str] = []
        for start in range(0, len(items), step):
            with self._write.begin() as s:
                for payload, original, meta in items[start:start + step]:
                    row = self._get_or_add_analysis(s, payload)
                    now, article_id = _now(), new_id()
                    s.add(ArticleRow(id=article_id, original=original, text=payload["text"],
                                     text_hash=row.text_hash, analysis_id=row.id, edits={},
                                     created_at=now, updated_at=now, **meta))
                    s.flush()
                    if story_id is not None:
                        self._add(s, story_id, article_id)
                    ids.append(article_id)
        return ids

    def _record(self, art: ArticleRow, an: AnalysisRow) -> ArticleRecord:
        payload = dict(an.payload)
        payload.update(source=art.source, title=art.title, url=art.url)
        return ArticleRecord(
            id=art.id, title=art.title, source=art.source, url=art.url, original=art.original,
            text=art.text, text_hash=art.text_hash, analysis=payload, edits=dict(art.edits or {}),
            created_at=_utc(art.created_at), updated_at=_utc(art.updated_at),
            model=an.model, version=an.version)

    @_reachable
    def get_article(self, article_id: str) -> ArticleRecord | None:
        """The article with this id, or None (unknown or malformed id)."""
        if not is_valid_id(article_id):
            return None
        with self._read() as s:
            hit = s.execute(select(ArticleRow, AnalysisRow)
                            .join(AnalysisRow, AnalysisRow.id == ArticleRow.analysis_id)
                            .where(ArticleRow.id == article_id)).first()
        return self._record(*hit) if hit else None

    def update_edits(self, article_id: str, edits: dict) -> bool:
        """Replace the analyst's edits of an article; False when there is no such article."""
        return self.update_article(article_id, edits=edits)

    @_reachable
    def update_article(self, article_id: str, *, analysis: dict | None = None,
                       original: str | None = _UNSET, edits: dict | None = _UNSET,
                       source: str | None = _UNSET, title: str | None = _UNSET,
                       url: str | None = _UNSET) -> bool:
        """Change some fields of a saved article (e.g. a re-analysis after restored lines).

        The share id stays the same, so links keep working. False when there is no such article.
        """
        if not is_valid_id(article_id):
            return False
        values: dict[str, Any] = {}
        if edits is not _UNSET:
            edits = _json_ready(edits or {}, "edits")
            if not isinstance(edits, dict):
                raise ValueError("The edits must be a dict.")
            values["edits"] = edits
        for name, value, what in (("source", source, "source"), ("title", title, "title"),
                                  ("url", url, "URL")):
            if value is not _UNSET:
                values[name] = _opt_text(value, what)
        if original is not _UNSET:
            values["original"] = None if original is None else _scrub(str(original))
        payload = self._check_analysis(analysis) if analysis is not None else None
        with self._write.begin() as s:
            old = s.scalar(select(ArticleRow.analysis_id).where(ArticleRow.id == article_id))
            if old is None:
                return False
            if payload is not None:
                row = self._get_or_add_analysis(s, payload)
                values.update(analysis_id=row.id, text=payload["text"], text_hash=row.text_hash)
            values["updated_at"] = _now()
            s.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(**values))
            if payload is not None and values["analysis_id"] != old:
                self._drop_orphan_analysis(s, old)
        return True

    @_reachable
    def delete_article(self, article_id: str) -> bool:
        """Delete an article (and its place in every story); False when there is none."""
        if not is_valid_id(article_id):
            return False
        with self._write.begin() as s:
            analysis_id = s.scalar(select(ArticleRow.analysis_id)
                                   .where(ArticleRow.id == article_id))
            if analysis_id is None:
                return False
            story_ids = s.scalars(select(StoryArticleRow.story_id)
                                  .where(StoryArticleRow.article_id == article_id)).all()
            s.execute(delete(StoryArticleRow).where(StoryArticleRow.article_id == article_id))
            s.execute(delete(ArticleRow).where(ArticleRow.id == article_id))
            if story_ids:
                s.execute(update(StoryRow).where(StoryRow.id.in_(story_ids))
                          .values(updated_at=_now()))
            self._drop_orphan_analysis(s, analysis_id)
        return True

    @_reachable
    def list_articles(self, search: str | None = None, *, limit: int = 200,
                      offset: int = 0) -> list[ArticleSummary]:
        """Saved articles, most recently changed first.

        ``search`` keeps those whose title, source, URL or an actor's name contains it
        (case-insensitive; ``%`` and ``_`` are matched literally).
        """
        query = select(ArticleRow.id, ArticleRow.title, ArticleRow.source, ArticleRow.url,
                       ArticleRow.created_at, ArticleRow.updated_at, ArticleRow.analysis_id,
                       ArticleRow.text)
        if search is not None and str(search).strip():
            pattern = _like_pattern(_scrub(str(search).strip()))
            actor_hit = (select(AnalysisActorRow.analysis_id)
                         .where(AnalysisActorRow.name.ilike(pattern, escape="\\")))
            query = query.where(ArticleRow.title.ilike(pattern, escape="\\")
                                | ArticleRow.source.ilike(pattern, escape="\\")
                                | ArticleRow.url.ilike(pattern, escape="\\")
                                | ArticleRow.analysis_id.in_(actor_hit))
        query = (query.order_by(ArticleRow.updated_at.desc(), ArticleRow.id)
                 .limit(max(0, int(limit))).offset(max(0, int(offset))))
        with self._read() as s:
            rows = s.execute(query).all()
            top = self._top_actors(s, {r.analysis_id for r in rows})
        return [ArticleSummary(id=r.id, title=r.title, source=r.source, url=r.url,
                               created_at=_utc(r.created_at), updated_at=_utc(r.updated_at),
                               words=len(r.text.split()), actors=top.get(r.analysis_id, ()))
                for r in rows]

    @staticmethod
    def _top_actors(s: Session, analysis_ids: set[int], n: int = 5) -> dict[int, tuple[str, ...]]:
        if not analysis_ids:
            return {}
        found: dict[int, list[str]] = {}
        for aid, name in s.execute(
                select(AnalysisActorRow.analysis_id, AnalysisActorRow.name)
                .where(AnalysisActorRow.analysis_id.in_(analysis_ids))
                .order_by(AnalysisActorRow.analysis_id, AnalysisActorRow.mentions.desc(),
                          AnalysisActorRow.id)):
            names = found.setdefault(aid, [])
            if len(names) < n:
                names.append(name)
        return {k: tuple(v) for k, v in found.items()}

    @_reachable
    def count_articles(self) -> int:
        with self._read() as s:
            return int(s.scalar(select(func.count()).select_from(ArticleRow)))

    @_reachable
    def count_analyses(self) -> int:
        with self._read() as s:
            return int(s.scalar(select(func.count()).select_from(AnalysisRow)))

    # ---------------------------------------------------------------- stories

    @staticmethod
    def _story_name(name: Any) -> str:
        if not isinstance(name, str) or not name.strip():
            raise ValueError("A story needs a name.")
        name = " ".join(_scrub(name).split())
        if len(name) > MAX_STORY_NAME:
            raise ValueError(f"A story name can have at most {MAX_STORY_NAME} characters.")
        return name

    @_reachable
    def create_story(self, name: str, article_ids: Iterable[str] = ()) -> str:
        """Create a story (optionally with articles, in order) and return its share id."""
        name = self._story_name(name)
        story_id, now = new_id(), _now()
        with self._write.begin() as s:
            s.add(StoryRow(id=story_id, name=name, created_at=now, updated_at=now))
            s.flush()
            for article_id in article_ids:
                self._add(s, story_id, article_id)
        return story_id

    @_reachable
    def rename_story(self, story_id: str, name: str) -> bool:
        name = self._story_name(name)
        if not is_valid_id(story_id):
            return False
        with self._write.begin() as s:
            done = s.execute(update(StoryRow).where(StoryRow.id == story_id)
                             .values(name=name, updated_at=_now()))
        return done.rowcount > 0

    @_reachable
    def delete_story(self, story_id: str) -> bool:
        """Delete a story; its articles stay in the library."""
        if not is_valid_id(story_id):
            return False
        with self._write.begin() as s:
            s.execute(delete(StoryArticleRow).where(StoryArticleRow.story_id == story_id))
            done = s.execute(delete(StoryRow).where(StoryRow.id == story_id))
        return done.rowcount > 0

    @staticmethod
    def _add(s: Session, story_id: str, article_id: str) -> bool:
        if not (is_valid_id(story_id) and is_valid_id(article_id)):
            return False
        if s.get(StoryRow, story_id) is None or s.get(ArticleRow, article_id) is None:
            return False
        if s.get(StoryArticleRow, (story_id, article_id)) is not None:
            return True
        last = s.scalar(select(func.max(StoryArticleRow.position))
                        .where(StoryArticleRow.story_id == story_id))
        now = _now()
        try:
            with s.begin_nested():
                s.add(StoryArticleRow(story_id=story_id, article_id=article_id,
                                      position=(last or 0) + 1, added_at=now))
        except IntegrityError:      # added by another writer meanwhile: same outcome
            pass
        s.execute(update(StoryRow).where(StoryRow.id == story_id).values(updated_at=now))
        return True

    @_reachable
    def add_to_story(self, story_id: str, article_id: str) -> bool:
        """Put an article in a story (a no-op if it is there); False if either is unknown."""
        if not (is_valid_id(story_id) and is_valid_id(article_id)):
            return False
        with self._write.begin() as s:
            return self._add(s, story_id, article_id)

    @_reachable
    def remove_from_story(self, story_id: str, article_id: str) -> bool:
        """Take an article out of a story (the article stays saved)."""
        if not (is_valid_id(story_id) and is_valid_id(article_id)):
            return False
        with self._write.begin() as s:
            done = s.execute(delete(StoryArticleRow).where(
                StoryArticleRow.story_id == story_id, StoryArticleRow.article_id == article_id))
            if done.rowcount:
                s.execute(update(StoryRow).where(StoryRow.id == story_id)
                          .values(updated_at=_now()))
        return done.rowcount > 0

    def _members(self, s: Session, story_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
        found: dict[str, list[tuple[str, str]]] = {sid: [] for sid in story_ids}
        if not story_ids:
            return found
        for sid, aid, source in s.execute(
                select(StoryArticleRow.story_id, StoryArticleRow.article_id, ArticleRow.source)
                .join(ArticleRow, ArticleRow.id == StoryArticleRow.article_id)
                .where(StoryArticleRow.story_id.in_(story_ids))
                .order_by(StoryArticleRow.story_id, StoryArticleRow.position,
                          StoryArticleRow.added_at, StoryArticleRow.article_id)):
            found[sid].append((aid, source))
        return found

    @staticmethod
    def _story_record(row: StoryRow, members: list[tuple[str, str]]) -> StoryRecord:
        sources = tuple(dict.fromkeys(src for _, src in members if src))
        return StoryRecord(id=row.id, name=row.name, created_at=_utc(row.created_at),
                           updated_at=_utc(row.updated_at),
                           article_ids=tuple(a for a, _ in members), sources=sources)

    @_reachable
    def get_story(self, story_id: str) -> StoryRecord | None:
        """The story with this id, or None (unknown or malformed id)."""
        if not is_valid_id(story_id):
            return None
        with self._read() as s:
            row = s.get(StoryRow, story_id)
            if row is None:
                return None
            return self._story_record(row, self._members(s, [story_id])[story_id])

    @_reachable
    def list_stories(self, search: str | None = None) -> list[StoryRecord]:
        """Every story (whose name contains ``search``), the most recently changed first."""
        query = select(StoryRow).order_by(StoryRow.updated_at.desc(), StoryRow.id)
        if search is not None and str(search).strip():
            query = query.where(StoryRow.name.ilike(_like_pattern(_scrub(str(search).strip())),
                                                    escape="\\"))
        with self._read() as s:
            rows = s.scalars(query).all()
            members = self._members(s, [r.id for r in rows])
        return [self._story_record(r, members[r.id]) for r in rows]

    @_reachable
    def article_stories(self, article_id: str) -> list[StoryRecord]:
        """The stories an article belongs to ([] for an unknown article)."""
        if not is_valid_id(article_id):
            return []
        with self._read() as s:
            rows = s.scalars(select(StoryRow)
                             .join(StoryArticleRow, StoryArticleRow.story_id == StoryRow.id)
                             .where(StoryArticleRow.article_id == article_id)
                             .order_by(StoryRow.updated_at.desc(), StoryRow.id)).all()
            members = self._members(s, [r.id for r in rows])
        return [self._story_record(r, members[r.id]) for r in rows]

    @_reachable
    def story_articles(self, story_id: str) -> list[ArticleRecord]:
        """The articles of a story in story order ([] for an unknown story)."""
        if not is_valid_id(story_id):
            return []
        with self._read() as s:
            hits = s.execute(
                select(ArticleRow, AnalysisRow)
                .join(StoryArticleRow, StoryArticleRow.article_id == ArticleRow.id)
                .join(AnalysisRow, AnalysisRow.id == ArticleRow.analysis_id)
                .where(StoryArticleRow.story_id == story_id)
                .order_by(StoryArticleRow.position, StoryArticleRow.added_at, ArticleRow.id)).all()
        return [self._record(art, an) for art, an in hits]

    def story_analyses(self, story_id: str) -> list[dict]:
        """The analyses (contract JSON, with each article's source) of a story's articles."""
        return [r.analysis for r in self.story_articles(story_id)]

    @_reachable
    def outlet_actor_counts(self, story_id: str | None = None) -> list[OutletActorCount]:
        """Per outlet and actor, counted in SQL (GROUP BY): for stories with many articles.

        Over one story when ``story_id`` is given (an unknown id gives []), else the library.
        """
        query = (select(ArticleRow.source, AnalysisActorRow.name,
                        func.max(AnalysisActorRow.type),
                        func.count(func.distinct(ArticleRow.id)),
                        func.sum(AnalysisActorRow.mentions), func.sum(AnalysisActorRow.quotes),
                        func.avg(AnalysisActorRow.sentiment))
                 .join(AnalysisActorRow, AnalysisActorRow.analysis_id == ArticleRow.analysis_id)
                 .group_by(ArticleRow.source, AnalysisActorRow.name)
                 .order_by(ArticleRow.source, func.sum(AnalysisActorRow.mentions).desc(),
                           AnalysisActorRow.name))
        if story_id is not None:
            if not is_valid_id(story_id):
                return []
            query = query.join(StoryArticleRow, StoryArticleRow.article_id == ArticleRow.id) \
                         .where(StoryArticleRow.story_id == story_id)
        with self._read() as s:
            rows = s.execute(query).all()
        return [OutletActorCount(source=src, actor=name, type=typ, articles=int(n),
                                 mentions=int(m or 0), quotes=int(q or 0),
                                 mean_sentiment=float(avg or 0.0))
                for src, name, typ, n, m, q, avg in rows]

    # ---------------------------------------------------------------- large-story counts

    @_reachable
    def story_edits(self, story_id: str) -> list[tuple[str, int, dict]]:
        """(article id, story position, saved edits) of each article of a story, story order.

        Cheap (no analysis is read): it tells which articles carry corrections.
        """
        if not is_valid_id(story_id):
            return []
        with self._read() as s:
            rows = s.execute(
                select(ArticleRow.id, StoryArticleRow.position, ArticleRow.edits)
                .join(StoryArticleRow, StoryArticleRow.article_id == ArticleRow.id)
                .where(StoryArticleRow.story_id == story_id)
                .order_by(StoryArticleRow.position, StoryArticleRow.added_at, ArticleRow.id)).all()
        return [(aid, int(pos or 0), dict(edits or {})) for aid, pos, edits in rows]

    @_reachable
    def story_counts(self, story_id: str, *, exclude: Iterable[str] = (),
                     quote_keys: Iterable[str] = ()):
        """A story's ``compare.StoryCounts``, grouped in SQL (no analysis is loaded).

        ``exclude``: article ids left out (their corrected analyses are counted in Python, see
        ``compare.count_story``). ``quote_keys``: quote keys whose every row is fetched (the
        excluded articles' quotes), so sharing across both sets is decided exactly. Otherwise
        the rows of quotes in two or more outlets are fetched, and of the others each outlet's
        ``compare.MAX_UNIQUE_QUOTES`` longest. Evidence: at most ``compare.MAX_EVIDENCE``
        actor rows per outlet and name, picked with a window function.
        """
        from .compare import MAX_EVIDENCE, MAX_UNIQUE_QUOTES, StoryCounts
        if not is_valid_id(story_id):
            return StoryCounts()
        exclude, quote_keys = sorted(set(exclude)), sorted(set(quote_keys))
        outlet = func.coalesce(ArticleRow.source, ArticleRow.title)
        first = StoryArticleRow.position.cast(BigInteger) * 10_000

        def members(query):
            query = query.join(StoryArticleRow, StoryArticleRow.article_id == ArticleRow.id) \
                .where(StoryArticleRow.story_id == story_id)
            return query.where(ArticleRow.id.not_in(exclude)) if exclude else query

        totals = members(
            select(outlet, func.count(ArticleRow.id), func.sum(AnalysisRow.words),
                   func.sum(AnalysisRow.tone * AnalysisRow.tone_weight),
                   func.sum(AnalysisRow.subjectivity * AnalysisRow.tone_weight),
                   func.sum(AnalysisRow.tone_weight), func.sum(AnalysisRow.sides),
                   func.count(AnalysisRow.sides), func.min(first))
            .select_from(ArticleRow)
            .join(AnalysisRow, AnalysisRow.id == ArticleRow.analysis_id)).group_by(outlet)
        actor = AnalysisActorRow
        actors = members(
            select(outlet, actor.name, actor.type, func.count(func.distinct(ArticleRow.id)),
                   func.sum(actor.mentions), func.sum(actor.sentiment * actor.weight),
                   func.sum(actor.weight), func.count(actor.label), func.max(actor.label),
                   func.min(first))
            .select_from(ArticleRow)
            .join(actor, actor.analysis_id == ArticleRow.analysis_id)) \
            .group_by(outlet, actor.name, actor.type)
        quote = AnalysisQuoteRow
        quote_first = func.min(first + quote.ordinal)
        speakers = members(
            select(outlet, quote.speaker, func.count(quote.id), func.sum(quote.words),
                   quote_first)
            .select_from(ArticleRow)
            .join(quote, quote.analysis_id == ArticleRow.analysis_id)) \
            .group_by(outlet, quote.speaker)
        ranked = members(
            select(outlet.label("outlet"), actor.name, actor.evidence,
                   StoryArticleRow.position, actor.id,
                   func.row_number().over(
                       partition_by=(outlet, actor.name),
                       order_by=(actor.evidence_strength.desc(), StoryArticleRow.position,
                                 actor.id)).label("rank"))
            .select_from(ArticleRow)
            .join(actor, actor.analysis_id == ArticleRow.analysis_id)
            .where(actor.evidence_strength.is_not(None))).subquery()
        evidence = select(ranked.c.outlet, ranked.c.name, ranked.c.evidence, ranked.c.position,
                          ranked.c.id).where(ranked.c.rank <= MAX_EVIDENCE)

        def quote_rows(where):
            return members(
                select(quote.quote_key, outlet.label("outlet"), quote.speaker, quote.text,
                       func.max(quote.words).label("words"), quote_first.label("first"))
                .select_from(ArticleRow)
                .join(quote, quote.analysis_id == ArticleRow.analysis_id)
                .where(where)).group_by(quote.quote_key, outlet, quote.speaker, quote.text)

        spread = members(select(quote.quote_key).select_from(ArticleRow)
                         .join(quote, quote.analysis_id == ArticleRow.analysis_id)) \
            .group_by(quote.quote_key)
        shared = quote_rows(quote.quote_key.in_(
            spread.having(func.count(func.distinct(outlet)) >= 2)))
        alone = spread.having(func.count(func.distinct(outlet)) < 2)
        if quote_keys:
            alone = alone.where(quote.quote_key.not_in(quote_keys))
        alone = quote_rows(quote.quote_key.in_(alone)).subquery()
        longest = select(alone, func.row_number().over(
            partition_by=alone.c.outlet,
            order_by=(alone.c.words.desc(), alone.c.first)).label("rank")).subquery()
        unique = select(*(c for c in longest.c if c.name != "rank")) \
            .where(longest.c.rank <= MAX_UNIQUE_QUOTES)

        with self._read() as s:
            outlet_rows = [{"outlet": o, "articles": int(n), "words": int(w or 0),
                            "tone_sum": float(t or 0.0), "subj_sum": float(sj or 0.0),
                            "tone_weight": int(tw or 0), "sides_sum": float(sd or 0.0),
                            "sides_n": int(sn or 0), "first": int(f or 0)}
                           for o, n, w, t, sj, tw, sd, sn, f in s.execute(totals)]
            actor_rows = [{"outlet": o, "name": name, "type": typ, "articles": int(n),
                           "mentions": int(m or 0), "weighted": float(wd or 0.0),
                           "weight": int(wt or 0), "labels": int(nl or 0), "label": lab,
                           "first": int(f or 0)}
                          for o, name, typ, n, m, wd, wt, nl, lab, f in s.execute(actors)]
            speaker_rows = [{"outlet": o, "speaker": sp, "quotes": int(n), "words": int(w or 0),
                             "first": int(f or 0)} for o, sp, n, w, f in s.execute(speakers)]
            evidence_rows = []
            for o, name, snippets, pos, row_id in s.execute(evidence):
                for i, (pol, text) in enumerate(json.loads(snippets or "[]")):
                    evidence_rows.append({"outlet": o, "name": name, "polarity": float(pol),
                                          "text": text, "order": (int(pos or 0), row_id, i)})
            found = [*s.execute(shared), *s.execute(unique)]
            if quote_keys:
                found += s.execute(quote_rows(quote.quote_key.in_(quote_keys))).all()
        quote_rows_out = [{"key": k, "outlet": o, "speaker": sp, "text": t, "words": int(w or 0),
                           "first": int(f or 0)} for k, o, sp, t, w, f in found]
        return StoryCounts(outlets=tuple(outlet_rows), actors=tuple(actor_rows),
                           speakers=tuple(speaker_rows), evidence=tuple(evidence_rows),
                           quotes=tuple(quote_rows_out))
