"""Quotations and who said them (first crude cut: marks + nearest mention)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Mention, Quote

_QUOTE_RE = re.compile(r"[\"“«]([^\"“”«»\n]{2,}?)[\"”»]")


def extract_quotes(doc, mentions: Sequence[Mention]) -> list[Quote]:
    """Quotes in ``doc.text`` with the nearest named speaker after them."""
    text = doc.text
    people = sorted((m for m in mentions if m.label in ("PERSON", "ORG")), key=lambda m: m.start)
    quotes = []
    for m in _QUOTE_RE.finditer(text):
        start, end = m.span(1)
        speaker = next((p for p in people if end <= p.start <= end + 80), None)
        quotes.append(Quote(start, end, text[start:end],
                            speaker.actor or speaker.text if speaker else None,
                            speaker.text if speaker else None, "direct", 0.3))
    return quotes
