"""Boilerplate cleaner: turn a pasted page or an HTML document into the article body.

Every line of a plain-text paste is kept or removed with a short reason an analyst understands;
``restore``/``drop`` let the analyst override single lines and rerun.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .model import CleanResult, Removal, Segment

_JUNK = [
    ("share-widget", re.compile(r"^(share|tweet|email|print|share (this|on \w+)( article)?)$", re.I)),
    ("advertisement", re.compile(r"^(advertisement|sponsored|ad|story continues below advertisement)$", re.I)),
    ("comment-count", re.compile(r"^(comments?\s*\(?\d*\)?|missing some content\?.*)$", re.I)),
]


def _lines(raw: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for part in raw.splitlines(keepends=True):
        body = part.rstrip("\r\n")
        out.append((pos, pos + len(body), body))
        pos += len(part)
    return out


def clean(raw: str, *, restore: Iterable[int] = (), drop: Iterable[int] = ()) -> CleanResult:
    """Return the article body of ``raw`` (plain text or HTML) and what was removed."""
    if not isinstance(raw, str):
        raw = str(raw)
    restore, drop = set(restore), set(drop)
    segments, removed, kept = [], [], []
    for start, end, line in _lines(raw):
        text = line.strip()
        if not text:
            continue
        s = start + line.index(text[0])
        e = s + len(text)
        reason = next((name for name, rx in _JUNK if rx.match(text)), "")
        if s in drop and not reason:
            reason = "dropped by analyst"
        if s in restore:
            reason = ""
        segments.append(Segment(s, e, text, not reason, reason))
        if reason:
            removed.append(Removal(s, e, text, reason))
        else:
            kept.append(text)
    return CleanResult(original=raw, text="\n\n".join(kept), removed=tuple(removed),
                       segments=tuple(segments))
