"""The article every page shows: entry, cleaning and analysis, or a pointer to the Analyze page."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from analysis.model import Analysis, CleanResult

from .analysis_cache import analyze_entry
from .state import ArticleEntry, current_entry

ANALYZE_PAGE = "pages/analyze.py"


@dataclass(frozen=True)
class Current:
    entry: ArticleEntry
    cleaned: CleanResult
    analysis: Analysis
    problems: tuple[str, ...] = ()


def load_current() -> Current | None:
    """The current article analysed (cached), or None when no article was analysed yet."""
    entry = current_entry()
    if entry is None:
        return None
    cleaned, result, problems = analyze_entry(entry)
    return Current(entry, cleaned, result, tuple(problems))


def show_no_article() -> None:
    st.info("No article analysed yet. Paste one (or upload or fetch it) on the Analyze page.")
    st.page_link(ANALYZE_PAGE, label="Go to Analyze", icon="📰")


def show_heading(current: Current) -> None:
    """Which article this page is about, and any correction that no longer applies."""
    a = current.analysis
    bits = [f"Source: {a.source}" if a.source else "Source: not given",
            f"{len(a.actors)} actors", f"{len(a.quotes)} quotes",
            f"{len(a.removed)} lines removed"]
    st.caption(f"Article: **{_plain(a.title or current.entry.name)}** · " + " · ".join(_plain(b) for b in bits))
    for problem in current.problems:
        st.warning(f"A correction no longer applies and was skipped — {problem}")


def _plain(text: str) -> str:
    """Text shown through Markdown without being read as Markdown or HTML."""
    out = []
    for ch in text:
        out.append("\\" + ch if ch in "\\`*_{}[]()<>#+-.!|$~&" else ch)
    return "".join(out)
