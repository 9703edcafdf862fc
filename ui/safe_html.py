"""The ONE place where article text becomes HTML.

Every page that highlights text (removed lines struck through, entities with their type, an
actor in its evidence sentences) builds its HTML with ``render_marked_text``: each inserted string
(the article's text, tags, tooltips) goes through ``html.escape``, the markup itself comes from the
fixed ``STYLES`` table, and the result is a ``SafeHtml``. ``show_html`` is the only place that
puts HTML on a page (``st.html``, which also sanitises with DOMPurify and never runs scripts;
no ``unsafe_allow_html`` anywhere) and refuses any other string. ``st.html`` rather than
Markdown: a long article's marked-up text is inserted as it is instead of being parsed by the
browser's Markdown renderer, which was most of the Analyze page's drawing time.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import streamlit as st

# Entity types: background colour and the words shown in the legend. The type itself is always
# printed next to the highlighted words, so colour is never the only cue.
ENTITY_TYPES: dict[str, tuple[str, str]] = {
    "PERSON": ("#fde2b8", "people"),
    "ORG": ("#cfe3fb", "organisations"),
    "GPE": ("#d3f2d3", "countries, cities, states"),
    "NORP": ("#eadcf8", "nationalities, religious and political groups"),
    "LOC": ("#d7f0ee", "other places"),
    "FAC": ("#eeeeee", "buildings, airports, roads"),
    "EVENT": ("#fbd6de", "named events"),
    "LAW": ("#f3ecc0", "laws and treaties"),
    "PRODUCT": ("#e6e6e6", "products"),
    "WORK_OF_ART": ("#e6e6e6", "titles of works"),
}
_OTHER_ENTITY = "#e6e6e6"

# Every highlight is drawn by a class of ONE constant stylesheet (``STYLESHEET``, put on the page
# once per run by ``show_stylesheet``): the marked-up article then carries class names only,
# which keeps a long article's HTML small and quick for the browser to lay out.
# name -> (element, CSS of the marked words, CSS of the tag after them)
_MARK = "padding:0.05em 0.25em;border-radius:0.3em;"
_DARK_TAG = "background:#333;color:#fff;"
STYLES: dict[str, tuple[str, str, str]] = {
    "removed": ("del", "color:#8a1c1c;background:#fdecec;text-decoration:line-through;",
                "background:#8a1c1c;color:#fff;"),
    "dropped": ("del", "color:#6b4e00;background:#fff4d6;text-decoration:line-through;",
                "background:#6b4e00;color:#fff;"),
    "restored": ("ins", "background:#e4f6e4;text-decoration:none;", "background:#1f6b2a;color:#fff;"),
    "actor": ("mark", "background:#ffe066;font-weight:600;", "background:#444;color:#fff;"),
    "quote": ("mark", "background:#e8eefc;", "background:#2b4a8b;color:#fff;"),
    "plain": ("span", "", "background:#555;color:#fff;"),
}
for _label, (_colour, _) in ENTITY_TYPES.items():
    STYLES[f"entity-{_label}"] = ("mark", f"background:{_colour};", _DARK_TAG)
STYLES["entity-OTHER"] = ("mark", f"background:{_OTHER_ENTITY};", _DARK_TAG)


def _stylesheet() -> str:
    rules = [
        ".pl-block{line-height:1.75;font-size:0.95rem;overflow-wrap:anywhere;padding:0.75rem 1rem;"
        "border:1px solid #ddd;border-radius:0.5rem;background:#fff;}",
        ".pl-inline{line-height:1.9;font-size:0.85rem;}",
        f".pl-mark{{{_MARK}color:inherit;}}",
        ".pl-tag{font-size:0.68em;font-weight:600;letter-spacing:0.03em;margin-left:0.3em;"
        "padding:0 0.3em;border-radius:0.25em;vertical-align:0.1em;text-decoration:none;}",
    ]
    for name, (_, mark_css, tag_css) in STYLES.items():
        if mark_css:
            rules.append(f".pl-{name}{{{mark_css}}}")
        rules.append(f".pl-tag-{name}{{{tag_css}}}")
    return "".join(rules)


class SafeHtml(str):
    """HTML made by ``render_marked_text``: every inserted string was escaped."""


@dataclass(frozen=True)
class Mark:
    """Characters ``start``-``end`` of the text drawn in ``style``, followed by ``tag`` as text."""
    start: int
    end: int
    style: str
    tag: str | None = None
    title: str | None = None


def entity_style(label: str) -> str:
    return f"entity-{label}" if label in ENTITY_TYPES else "entity-OTHER"


def _escape(text: str) -> str:
    """html.escape plus: line breaks as <br> (HTML would fold them into spaces) and '$' as an
    entity (harmless in HTML; kept so the output is also inert wherever Markdown reads it)."""
    return (html.escape(text, quote=True).replace("$", "&#36;")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>"))


def render_marked_text(text: str, marks: Iterable[Mark] = (), *, css_class: str = "pl-text",
                       framed: bool = True) -> SafeHtml:
    """``text`` as HTML with ``marks`` drawn over it; overlapping marks: the earlier wins.

    ``css_class`` names the block (``pl-original``, ``pl-cleaned``...) so tests and the browser
    can find it; it must be a plain identifier.
    """
    if not css_class.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"css_class must be a plain name, not {css_class!r}")
    out: list[str] = []
    pos = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        start, end = max(mark.start, 0), min(mark.end, len(text))
        if start < pos or end <= start:
            continue
        name = mark.style if mark.style in STYLES else "plain"
        element = STYLES[name][0]
        out.append(_escape(text[pos:start]))
        title = f' title="{_escape(mark.title)}"' if mark.title else ""
        out.append(f'<{element} class="pl-mark pl-{name}"{title}>'
                   f"{_escape(text[start:end])}</{element}>")
        if mark.tag:
            out.append(f'<span class="pl-tag pl-tag-{name}">{_escape(mark.tag)}</span>')
        pos = end
    out.append(_escape(text[pos:]))
    body = "".join(out)
    frame = "pl-block" if framed else "pl-inline"
    return SafeHtml(f'<div class="{css_class} {frame}">{body}</div>')


def render_legend(labels: Sequence[str]) -> SafeHtml:
    """A legend for the entity types in ``labels``: each type highlighted, then what it means."""
    text, marks = "", []
    for label in labels:
        meaning = ENTITY_TYPES.get(label, ("", "other named things"))[1]
        if text:
            text += "   "
        marks.append(Mark(len(text), len(text) + len(label), entity_style(label)))
        text += f"{label} {meaning}"
    return render_marked_text(text, marks, css_class="pl-legend", framed=False)


STYLESHEET = SafeHtml(f"<style>{_stylesheet()}</style>")


def show_stylesheet() -> None:
    """Put the highlight classes on the page, once per script run (Streamlit places a
    style-only ``st.html`` in its event container, where it takes no room)."""
    show_html(STYLESHEET)


def show_html(fragment: SafeHtml) -> None:
    """Put escaped HTML on the page: the only way HTML reaches a page in presslens."""
    if not isinstance(fragment, SafeHtml):
        raise TypeError("show_html only takes the output of render_marked_text/render_legend")
    st.html(fragment)


_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()<>#+|$~:!]")
_MD_LINE_START = re.compile(r"^(\s*)(-|=|\d+(?=[.)]))", re.M)


def md_literal(text: str) -> str:
    """``text`` for a Markdown element (st.error, st.caption, st.subheader...) shown as it is.

    Streamlit renders Markdown, maths (``$...$``), colours (``:red[x]``) and links in those
    elements; user text (file names, titles, actor names, URLs) must not become any of them.
    Every character that can open such a construct is backslash-escaped; dots and hyphens
    inside words are left alone so the sentence reads (and searches) the same.
    """
    escaped = _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2)
                              if not m.group(2)[0].isdigit()
                              else m.group(1) + m.group(2) + "\\", escaped)


def md_literal_table(frame):
    """A copy of a pandas frame for ``st.table`` with every text cell (and text index) passed
    through ``md_literal``: ``st.table`` renders Markdown in its cells, so a quote holding
    ``**x**``, ``[a](javascript:...)`` or ``$...$`` would otherwise be formatted, linked or typeset."""
    out = frame.copy()
    for column in out.columns:
        out[column] = out[column].map(lambda v: md_literal(v) if isinstance(v, str) else v)
    out.index = out.index.map(lambda v: md_literal(v) if isinstance(v, str) else v)
    return out
