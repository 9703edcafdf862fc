"""Plain records passed between the analysis steps.

Frozen dataclasses: cheap to pickle (Streamlit's cache, multiprocessing) and turned into the
contract's JSON (../shared/docs/contract.md) by one ``to_dict()`` each.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

LABELS = ("negative", "neutral", "positive")


def _plain(value: Any) -> Any:
    """JSON-ready copy of a record, tuple or scalar."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """``from_dict`` for every record: the inverse of ``to_dict``, tolerant of unknown keys.

    ``NESTED`` names fields holding records (a tuple of them, or one); lists become tuples.
    """
    NESTED: ClassVar[dict[str, type]] = {}

    @classmethod
    def from_dict(cls, row: dict):
        data = {k: v for k, v in row.items() if k in cls.__dataclass_fields__}
        for name, value in data.items():
            sub = cls.NESTED.get(name)
            if sub is not None and isinstance(value, dict):
                data[name] = sub.from_dict(value)
            elif isinstance(value, list):
                data[name] = tuple(sub.from_dict(v) if sub else v for v in value)
        return cls(**data)


@dataclass(frozen=True)
class Removal(Record):
    """A stretch of the ORIGINAL input that cleaning dropped, and why."""
    start: int
    end: int
    text: str
    reason: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class Segment(Record):
    """One line (or block) of the original input with the cleaner's verdict.

    ``start``/``end`` point into the original; ``kept`` says whether it is in the cleaned text;
    ``reason`` is the removal reason, or "" for kept lines. The UI uses these to let the analyst
    restore a removed line or drop a kept one.
    """
    start: int
    end: int
    text: str
    kept: bool
    reason: str = ""

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "kept": self.kept,
                "reason": self.reason}


@dataclass(frozen=True)
class CleanResult(Record):
    """Cleaned article body plus everything that was taken out of the original."""
    original: str
    text: str
    removed: tuple[Removal, ...] = ()
    segments: tuple[Segment, ...] = ()
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site_name: str | None = None
    url: str | None = None
    NESTED: ClassVar[dict[str, type]] = {"removed": Removal, "segments": Segment}

    def to_dict(self) -> dict:
        return {"text": self.text, "removed": _plain(self.removed), "title": self.title,
                "author": self.author, "date": self.date, "site_name": self.site_name,
                "url": self.url}


@dataclass(frozen=True)
class Mention(Record):
    """An entity mention in the cleaned text, tied to the actor it was merged into."""
    start: int
    end: int
    text: str
    label: str
    actor: str | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label,
                "actor": self.actor}


@dataclass(frozen=True)
class Evidence(Record):
    """A sentence span the stance toward an actor rests on, with its polarity toward it.

    ``weight`` is how much it counts in the stance (1 named, 0.5 by pronoun, 0 not at all) and
    ``reason`` says why it counts less: "quoted" (it reports an opinion), "setting" (names the
    place where something happens), "affiliation" (names whom a person belongs to), "result"
    (reports a game's score or a player's numbers), "speaker" (who "said" what it reports, or
    the body their description names), "list" (one of three or more names in a row),
    "pronoun".
    """
    start: int
    end: int
    polarity: float
    text: str = ""
    quoted: bool = False
    weight: float = 1.0
    reason: str = ""

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "polarity": round(self.polarity, 4),
                "text": self.text, "quoted": self.quoted, "weight": round(self.weight, 4),
                "reason": self.reason}


@dataclass(frozen=True)
class Stance(Record):
    """Stance of a text toward one target: score in [-1, 1] and its label."""
    score: float
    label: str
    confidence: float = 1.0

    def to_dict(self) -> dict:
        return {"score": round(self.score, 4), "label": self.label,
                "confidence": round(self.confidence, 4)}


@dataclass(frozen=True)
class Actor(Record):
    """A person, organisation or place with every surface form merged into it."""
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    sentiment: float = 0.0
    label: str = "neutral"
    evidence: tuple[Evidence, ...] = ()
    NESTED: ClassVar[dict[str, type]] = {"evidence": Evidence}

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "aliases": list(self.aliases),
                "mentions": self.mentions, "sentiment": round(self.sentiment, 4),
                "label": self.label, "evidence": _plain(self.evidence)}


@dataclass(frozen=True)
class Quote(Record):
    """A quotation in the cleaned text. ``speaker`` is a canonical actor name or None."""
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_text: str | None
    kind: str = "direct"
    confidence: float = 1.0

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "speaker": self.speaker,
                "speaker_text": self.speaker_text, "kind": self.kind,
                "confidence": round(self.confidence, 3)}


@dataclass(frozen=True)
class Tone(Record):
    """Document-level tone (TextBlob): not a stance toward anyone. ``sides``: how strongly the
    narrator takes sides, in [0, 1] (``analysis.actor_stance_encoder.article_sides``)."""
    polarity: float = 0.0
    subjectivity: float = 0.0
    sides: float = 0.0

    def to_dict(self) -> dict:
        return {"polarity": round(self.polarity, 4), "subjectivity": round(self.subjectivity, 4),
                "sides": round(self.sides, 4)}


@dataclass(frozen=True)
class Analysis(Record):
    """One article's full analysis; ``to_dict()`` is the contract's JSON row."""
    id: str
    text: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    removed: tuple[Removal, ...] = ()
    actors: tuple[Actor, ...] = ()
    entities: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sentiment: Tone = field(default_factory=Tone)
    original: str | None = None
    model: str | None = None
    version: str | None = None
    notes: tuple[str, ...] = ()
    NESTED: ClassVar[dict[str, type]] = {"removed": Removal, "actors": Actor, "entities": Mention,
                                         "quotes": Quote, "sentiment": Tone}

    def to_dict(self) -> dict:
        return {"id": self.id, "source": self.source, "title": self.title, "url": self.url,
                "text": self.text, "removed": _plain(self.removed), "actors": _plain(self.actors),
                "entities": _plain(self.entities), "quotes": _plain(self.quotes),
                "sentiment": self.sentiment.to_dict(), "model": self.model,
                "version": self.version, "notes": list(self.notes)}


@dataclass(frozen=True)
class Article(Record):
    """One input article as read from a file, an upload, a URL or standard input (before cleaning).

    ``text`` is plain text or HTML (``kind`` says which); ``name`` is the file name or URL shown in
    messages; ``source`` is the outlet when known (from metadata, the URL's site or a JSONL row).
    """
    text: str
    name: str
    kind: str = "text"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    id: str | None = None

