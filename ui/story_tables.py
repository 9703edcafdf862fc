"""A story's comparison tables for the Compare page, computed once per version of the story.

The analyses come from the store with each article's corrections (actor merges, renames,
splits, speakers) replayed, so the comparison shows what the analyst fixed. The tables are
``analysis.compare.compare_story``; they are cached per story id and "stamp" (the story's
last change and its article ids), so a warm page draws without recomputing.

Stories of more than ``LARGE_STORY`` articles are compared from sums the database grouped
(``Store.story_counts``, ``analysis.compare.compare_story_counts``): no analysis is loaded
except those of articles with saved corrections, which are left out of the SQL sums and added
from their corrected analyses (``load_story_counts``). There, quotes match only when their
words are equal, and each outlet's unique quotes are its longest ``MAX_UNIQUE_QUOTES``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analysis.compare import (PooledCounts, StoryCounts, build_coverage,
                              build_coverage_from_story_counts, compare_story,
                              compare_story_counts, count_story, story_to_json,
                              tables_to_json)
from analysis.edits import EditError, apply_edit, edit_from_dict
from analysis.export import spreadsheet_safe
from analysis.model import Analysis
from analysis.store import ArticleRecord, Store, StoryRecord

from .store_access import get_store

LARGE_STORY = 150
TABLE_NAMES = {
    "outlets": "Per outlet",
    "coverage": "Coverage matrix",
    "stance": "Stance per outlet",
    "quote_share": "Who gets quoted",
    "shared_quotes": "Quotes in several outlets",
    "unique_quotes": "Quotes in one outlet only",
    "omissions": "Actors left out",
}


@dataclass(frozen=True)
class StoryView:
    """Everything the Compare page draws for one story."""
    n_articles: int
    outlets: list[str]
    tables: dict[str, pd.DataFrame]
    coverage: pd.DataFrame          # long form: actor, type, outlet, status, mentions, quotes
    coverage_from_sql: bool
    skipped_edits: int              # corrections that no longer apply and were left out


def corrected_analysis(record: ArticleRecord) -> tuple[dict, int]:
    """The article's analysis (contract JSON) with its saved corrections replayed.

    Returns the row and the number of corrections that could not be applied.
    """
    saved = record.edits.get("edits") if isinstance(record.edits, dict) else None
    if not saved:
        return record.analysis, 0
    result, skipped = Analysis.from_dict(record.analysis), 0
    for item in saved:
        try:
            result = apply_edit(result, edit_from_dict(item))
        except (EditError, KeyError, TypeError, ValueError):
            skipped += 1
    row = result.to_dict()
    row.update(source=record.source, title=record.title, url=record.url)
    return row, skipped


def story_rows(store: Store, story_id: str) -> tuple[list[dict], int]:
    rows, skipped = [], 0
    for record in store.story_articles(story_id):
        row, n = corrected_analysis(record)
        rows.append(row)
        skipped += n
    return rows, skipped


def load_story_counts(store: Store, story_id: str) -> tuple[list[StoryCounts], int, int]:
    """A story's counts without loading its analyses: (parts to pool, skipped edits, articles).

    Articles with saved corrections are counted in Python from their corrected analysis (few);
    the rest in SQL. The two sets are disjoint, so pooling their sums is exact.
    """
    members = store.story_edits(story_id)
    edited = [(aid, pos) for aid, pos, edits in members if edits.get("edits")]
    rows, positions, skipped = [], [], 0
    for aid, pos in edited:
        record = store.get_article(aid)
        if record is not None:
            row, n = corrected_analysis(record)
            rows.append(row)
            positions.append(pos)
            skipped += n
    local = count_story(rows, positions)
    counted = store.story_counts(story_id, exclude=[aid for aid, _ in edited],
                                 quote_keys={q["key"] for q in local.quotes})
    return [counted, local], skipped, len(members)


def story_stamp(story: StoryRecord) -> str:
    """Changes whenever the story's membership changes (the cache key of its tables)."""
    return f"{story.updated_at.isoformat()}|{','.join(story.article_ids)}"


@st.cache_data(max_entries=8, ttl=900, show_spinner="Comparing the outlets…")
def load_story_view(story_id: str, stamp: str, n_articles: int) -> StoryView:
    """The comparison of one story (``stamp``: see ``story_stamp``; part of the cache key).

    ``n_articles`` picks the path: more than ``LARGE_STORY`` is counted in the database.
    """
    store = get_store()
    if n_articles > LARGE_STORY:
        parts, skipped, n_articles = load_story_counts(store, story_id)
        pooled = PooledCounts(parts)
        tables = compare_story_counts(pooled)
        coverage = build_coverage_from_story_counts(pooled)
        large = True
    else:
        rows, skipped = story_rows(store, story_id)
        tables, coverage, n_articles = compare_story(rows), build_coverage(rows), len(rows)
        large = False
    return StoryView(n_articles=n_articles, outlets=list(tables["outlets"]["outlet"]),
                     tables=tables, coverage=coverage, coverage_from_sql=large,
                     skipped_edits=skipped)


def story_json(story_id: str, name: str, view: StoryView | None = None) -> str:
    """The whole story as JSON (``analysis.compare.story_to_json``), made when downloaded.

    A large story's JSON holds the tables shown (``view``), not a second pass over every
    analysis.
    """
    if view is not None and view.coverage_from_sql:
        out = tables_to_json(view.tables, name=name, outlets=view.outlets,
                             articles=view.n_articles)
    else:
        rows, _ = story_rows(get_store(), story_id)
        out = story_to_json(rows, name=name)
    return json.dumps(out, ensure_ascii=False, indent=2)


def table_csv(table: pd.DataFrame, *, index: bool = False) -> str:
    """A table as CSV; list cells (evidence, outlets, speakers) joined with ' | '."""
    out = table.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, (list, tuple))).any():
            out[column] = out[column].map(
                lambda v: " | ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return spreadsheet_safe(out).to_csv(index=index)
