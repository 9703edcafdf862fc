"""Sentiment toward an actor (target-dependent) and the document's overall tone.

First working version: VADER over the sentence holding the target, with the target's own
words masked so names are not read as sentiment words. Replaced by a learned model later.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import lru_cache

from textblob import TextBlob

from .model import Actor, Evidence, Mention, Quote, Stance, Tone

NEUTRAL_BAND = 0.05


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def _label(score: float, band: float = NEUTRAL_BAND) -> str:
    return "positive" if score > band else "negative" if score < -band else "neutral"


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return (left + 1 if left >= 0 else 0), right


def sentiment_toward(text: str, spans: list[tuple[int, int]]) -> list[Stance]:
    """Stance of ``text`` toward each target span (character offsets into ``text``)."""
    out = []
    for start, end in spans:
        s0, s1 = _sentence_around(text, start, end)
        masked = text[s0:start] + " " + text[end:s1]
        score = _vader().polarity_scores(masked)["compound"]
        out.append(Stance(score=score, label=_label(score), confidence=abs(score)))
    return out


def actor_stances(doc, actors: Sequence[Actor], mentions: Sequence[Mention],
                  quotes: Sequence[Quote]) -> list[Actor]:
    """The article's stance toward each actor, from the stance of the sentences naming it."""
    text = doc.text
    quote_spans = [(q.start, q.end) for q in quotes]
    by_actor: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.actor:
            by_actor.setdefault(m.actor, []).append(m)
    result = []
    for actor in actors:
        ms = by_actor.get(actor.name, [])
        if not ms:
            result.append(actor)
            continue
        stances = sentiment_toward(text, [(m.start, m.end) for m in ms])
        evidence, total, weight = [], 0.0, 0.0
        for m, st in zip(ms, stances):
            quoted = any(a <= m.start and m.end <= b for a, b in quote_spans)
            w = 0.25 if quoted else 1.0
            total += w * st.score
            weight += w
            s0, s1 = _sentence_around(text, m.start, m.end)
            evidence.append(Evidence(s0, s1, st.score, text[s0:s1], quoted))
        score = total / weight if weight else 0.0
        result.append(dataclasses.replace(actor, sentiment=score, label=_label(score, 0.1),
                                          evidence=tuple(evidence)))
    return result


def document_tone(doc) -> Tone:
    """TextBlob polarity and subjectivity of the whole text: the tone, not a stance."""
    s = TextBlob(doc.text).sentiment
    return Tone(polarity=float(s.polarity), subjectivity=float(s.subjectivity))
