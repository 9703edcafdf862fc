"""Import many articles at once into a story: files, a .zip of files, or .csv/.jsonl rows.

Reading is ``analysis.ingest.read_rows`` (one entry per file, member or row, an IngestError in
place of each bad one); each good article is analysed through ``ui.analysis_cache`` (so the
store's saved analyses are reused and the article is saved) and added to the story. A bad row
never stops the good ones: it becomes one line of the report.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import streamlit as st

from analysis import ingest
from analysis.model import Article
from analysis.store import Store, StoreError

from .analysis_cache import analyze_entry
from .state import entry_from_article
from .store_access import SAVE_ERROR_KEY, store_id_of

IMPORT_TYPES = ["txt", "md", "html", "htm", "pdf", "docx", "zip", "csv", "jsonl"]


@dataclass
class ImportReport:
    """What an import did: the saved article ids (in order), one sentence per failure, and the
    warnings of the articles saved."""
    article_ids: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)     # (input name, reason)
    # imported, with a warning of the analysis (not English, cut to the length limit)
    notes: list[tuple[str, str]] = field(default_factory=list)      # (input name, note)


def default_source(article: Article) -> str | None:
    """The outlet of an imported article: its metadata, else the file's name without suffix.

    A file without metadata is usually named after its outlet (``guardian.txt``,
    ``reuters-2025-10-13.html``): the name up to its first dot. A CSV/JSONL row without a
    ``source`` stays without one.
    """
    if article.source:
        return article.source
    name = article.name.rsplit(":", 1)[-1]          # "stories.zip:bbc/one.txt" -> member
    if " row " in name:
        return None
    path = PurePosixPath(name.replace("\\", "/"))
    if path.suffix.lower() not in ingest.SUPPORTED_SUFFIXES:
        return None
    return path.name.split(".")[0].strip() or None     # "bbc.raw.txt" -> "bbc"


def read_uploads(files: Iterable[tuple[str, bytes]]) -> list[Article | ingest.IngestError]:
    """Every article (or per-row error) in the uploaded files, in upload order."""
    items: list[Article | ingest.IngestError] = []
    for name, data in files:
        items.extend(ingest.read_rows(name, data))
    return items


def import_articles(items: list[Article | ingest.IngestError], store: Store, story_id: str, *,
                    on_progress: Callable[[int, int, str], None] | None = None) -> ImportReport:
    """Analyse and save each article and add it to the story; errors are collected, not raised."""
    report = ImportReport()
    total = len(items)
    for n, item in enumerate(items, 1):
        name = getattr(item, "name", "") or f"item {n}"
        if isinstance(item, ingest.IngestError):
            report.errors.append((item.name or name, str(item)))
        else:
            entry = entry_from_article(item, source=default_source(item) or "")
            try:
                _, result, _ = analyze_entry(entry)
                article_id = store_id_of(entry.key)
                if article_id is None:
                    raise StoreError(st.session_state.pop(SAVE_ERROR_KEY, None)
                                     or "It could not be saved in the database.")
                store.add_to_story(story_id, article_id)
                report.article_ids.append(article_id)
                report.notes.extend((name, note) for note in result.notes)
            except (StoreError, ValueError) as err:
                report.errors.append((name, str(err)))
            except Exception as err:  # noqa: BLE001 - one bad article must not stop the import
                report.errors.append((name, f"could not be analysed ({type(err).__name__}: "
                                            f"{err})."))
        if on_progress is not None:
            on_progress(n, total, name)
    return report
