"""A story's comparison tables for the Compare page, computed once per version of the story.

The analyses come from the store with each article's corrections (actor merges, renames,
splits, speakers) replayed, so the comparison shows what the analyst fixed. The tables are
``analysis.compare.compare_story``; they are cached per story id and "stamp" (the story's
last change and its article ids), so a warm page draws without recomputing. For stories of
more than ``LARGE_STORY`` articles the coverage cells come from the store's SQL counts
(``outlet_actor_counts``) instead of a second pass over every analysis in pandas.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analysis.compare import (build_coverage, build_coverage_from_counts, compare_story,
                              story_to_json)
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


def story_stamp(story: StoryRecord) -> str:
    """Changes whenever the story's membership changes (the cache key of its tables)."""
    return f"{story.updated_at.isoformat()}|{','.join(story.article_ids)}"


@st.cache_data(max_entries=8, ttl=900, show_spinner="Comparing the outlets…")
def load_story_view(story_id: str, stamp: str, sources: tuple[str, ...]) -> StoryView:
    """The comparison of one story (``stamp``: see ``story_stamp``; part of the cache key)."""
    store = get_store()
    rows, skipped = story_rows(store, story_id)
    tables = compare_story(rows)
    outlets = list(tables["outlets"]["outlet"])
    large = len(rows) > LARGE_STORY
    if large:
        coverage = build_coverage_from_counts(store.outlet_actor_counts(story_id),
                                              outlets=list(sources) or outlets)
    else:
        coverage = build_coverage(rows)
    return StoryView(n_articles=len(rows), outlets=outlets, tables=tables, coverage=coverage,
                     coverage_from_sql=large, skipped_edits=skipped)


def story_json(story_id: str, name: str) -> str:
    """The whole story as JSON (``analysis.compare.story_to_json``), made when downloaded."""
    rows, _ = story_rows(get_store(), story_id)
    return json.dumps(story_to_json(rows, name=name), ensure_ascii=False, indent=2)


def table_csv(table: pd.DataFrame, *, index: bool = False) -> str:
    """A table as CSV; list cells (evidence, outlets, speakers) joined with ' | '."""
    out = table.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, (list, tuple))).any():
            out[column] = out[column].map(
                lambda v: " | ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return spreadsheet_safe(out).to_csv(index=index)
