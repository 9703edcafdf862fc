"""The article every page shows: entry, cleaning and analysis, or a pointer to the Analyze page."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from analysis.model import Analysis, CleanResult

from .analysis_cache import analyze_entry
from .state import ArticleEntry, current_entry

ANALYZE_PAGE = "pages/analyze.py"
# Quotes whose speaker was found with less confidence than this are flagged for the analyst.
LOW_CONFIDENCE = 0.6


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
    st.page_link(ANALYZE_PAGE, label="Go to Analyze", icon=":material/edit_note:")


def display_title(entry: ArticleEntry, result: Analysis) -> str:
    """The headline when known, else the first line of the cleaned text, else the input's name."""
    if result.title:
        return result.title
    first = next((line.strip() for line in result.text.splitlines() if line.strip()), "")
    if first:
        return first if len(first) <= 90 else first[:87] + "…"
    return entry.name


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def counts_line(result: Analysis) -> str:
    """'3 actors · 1 quote · 2 lines removed'."""
    return (f"{plural(len(result.actors), 'actor')} · {plural(len(result.quotes), 'quote')} · "
            f"{plural(len(result.removed), 'line')} removed")


def show_heading(current: Current) -> None:
    """Which article this page is about, what the analysis warns of, and any correction that
    no longer applies."""
    a = current.analysis
    source = f"Source: {a.source}" if a.source else "Source: not given"
    st.caption(f"Article: **{md_escape(display_title(current.entry, a))}** · {md_escape(source)} · "
               f"{counts_line(a)}")
    for note in a.notes:    # the text was cut to the limit, or is not English
        st.warning(md_escape(note))
    for problem in current.problems:
        st.warning(f"A correction no longer applies and was skipped — {md_escape(problem)}")


def md_escape(text: str) -> str:
    """Text shown through Markdown as it is: every Markdown character backslash-escaped
    (Streamlit never renders HTML in Markdown without ``unsafe_allow_html``); ':' too, or
    ``:red[x]`` would still colour the escaped brackets."""
    out = []
    for ch in text:
        out.append("\\" + ch if ch in "\\`*_{}[]()<>#+-.!|$~&:" else ch)
    return "".join(out)
