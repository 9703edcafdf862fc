"""Analyst corrections applied to an Analysis: merge, rename, split an alias off, fix a speaker.

The automatic analysis gets actors and speakers wrong now and then; the analyst fixes them in the
dashboard. Each correction is a small frozen record (plain data: ``to_dict``/``edit_from_dict``
round-trip through JSON so a list of edits can be saved with an article and replayed later), and
``apply_edits`` returns a NEW Analysis; the input is never changed.

Stance scores after a merge or split are recombined from what the analysis already holds (the
evidence sentences and their polarities): no NLP runs here, so an edit is instant.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Actor, Analysis, Evidence, Mention, Quote
# The band and the weight of quoted sentences are the analysis's own (analysis.sentiment), so a
# merge recombines stance exactly as the analysis would have.
from .sentiment import article_stance, stance_label
_LEAD = re.compile(r"^the\s+", re.I)
_POSS = re.compile(r"(?:['’]s|['’])$")


class EditError(ValueError):
    """An edit that cannot apply to this analysis; str(e) is one sentence for the analyst."""


@dataclass(frozen=True)
class MergeActors:
    """Fold actor ``absorb`` into actor ``keep`` (aliases, mentions, evidence, quotes)."""
    keep: str
    absorb: str
    kind: str = "merge"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "keep": self.keep, "absorb": self.absorb}

    def describe(self) -> str:
        return f"Merged “{self.absorb}” into “{self.keep}”"


@dataclass(frozen=True)
class RenameActor:
    """Give actor ``old`` the canonical name ``new`` (the old name stays an alias)."""
    old: str
    new: str
    kind: str = "rename"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "old": self.old, "new": self.new}

    def describe(self) -> str:
        return f"Renamed “{self.old}” to “{self.new}”"


@dataclass(frozen=True)
class SplitAlias:
    """Move the mentions of ``alias`` out of ``actor`` into a new actor ``new_name``.

    ``new_name`` defaults to the alias itself; ``new_type`` to the type of its first mention.
    """
    actor: str
    alias: str
    new_name: str | None = None
    new_type: str | None = None
    kind: str = "split"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "actor": self.actor, "alias": self.alias,
                "new_name": self.new_name, "new_type": self.new_type}

    def describe(self) -> str:
        return f"Split “{self.alias}” off “{self.actor}” as “{self.new_name or self.alias}”"


@dataclass(frozen=True)
class SetSpeaker:
    """Correct the speaker of the quote at ``start``-``end`` (None: the text names no one)."""
    start: int
    end: int
    speaker: str | None
    kind: str = "speaker"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "start": self.start, "end": self.end, "speaker": self.speaker}

    def describe(self) -> str:
        who = f"“{self.speaker}”" if self.speaker else "no one (unattributed)"
        return f"Attributed the quote at {self.start}–{self.end} to {who}"


Edit = MergeActors | RenameActor | SplitAlias | SetSpeaker
_KINDS = {cls.kind: cls for cls in (MergeActors, RenameActor, SplitAlias, SetSpeaker)}


def edit_from_dict(data: dict) -> Edit:
    """Rebuild an edit saved with ``to_dict()``."""
    try:
        cls = _KINDS[data["kind"]]
    except (KeyError, TypeError) as exc:
        raise EditError(f"Unknown edit {data!r}.") from exc
    fields = {f.name for f in dataclasses.fields(cls)} - {"kind"}
    return cls(**{k: v for k, v in data.items() if k in fields})


def _stance(actor: Actor, fallback: float = 0.0, sides: float = 0.0) -> tuple[float, str]:
    """(score, label) of the actor from its evidence as ``analysis.sentiment.actor_stances``
    forms them, in an article whose narrator takes sides as strongly as ``sides``; with no
    evidence, the fallback score and its label."""
    if not actor.evidence:
        return fallback, stance_label(fallback, actor.type)
    return article_stance(actor.name, actor.type, actor.aliases, actor.evidence, sides=sides)


def _form(surface: str) -> str:
    """Comparable form of a surface string: no leading 'the', no possessive, casefolded."""
    s = _POSS.sub("", _LEAD.sub("", surface.strip()))
    return " ".join(s.split()).casefold()


def _find(analysis: Analysis, name: str) -> Actor:
    for actor in analysis.actors:
        if actor.name == name:
            return actor
    raise EditError(f"There is no actor called “{name}” in this article.")


def _rename_refs(analysis: Analysis, old: str, new: str) -> tuple[tuple[Mention, ...], tuple[Quote, ...]]:
    entities = tuple(dataclasses.replace(m, actor=new) if m.actor == old else m
                     for m in analysis.entities)
    quotes = tuple(dataclasses.replace(q, speaker=new) if q.speaker == old else q
                   for q in analysis.quotes)
    return entities, quotes


def _unique(items: Iterable) -> tuple:
    return tuple(dict.fromkeys(items))


def _sorted_actors(actors: Iterable[Actor], order: Sequence[str]) -> tuple[Actor, ...]:
    rank = {name: i for i, name in enumerate(order)}
    return tuple(sorted(actors, key=lambda a: (-a.mentions, rank.get(a.name, len(rank)))))


def merge_actors(analysis: Analysis, edit: MergeActors) -> Analysis:
    if edit.keep == edit.absorb:
        raise EditError("Choose two different actors to merge.")
    keep, absorb = _find(analysis, edit.keep), _find(analysis, edit.absorb)
    evidence = tuple(sorted(_unique(keep.evidence + absorb.evidence),
                            key=lambda ev: (ev.start, ev.end)))
    fallback = ((keep.sentiment * keep.mentions + absorb.sentiment * absorb.mentions)
                / max(keep.mentions + absorb.mentions, 1))
    merged = dataclasses.replace(
        keep, aliases=_unique(keep.aliases + (absorb.name,) + absorb.aliases),
        mentions=keep.mentions + absorb.mentions, evidence=evidence)
    score, label = _stance(merged, fallback, analysis.sentiment.sides)
    merged = dataclasses.replace(merged, sentiment=score, label=label)
    order = [a.name for a in analysis.actors]
    actors = [merged if a.name == keep.name else a for a in analysis.actors if a.name != absorb.name]
    entities, quotes = _rename_refs(analysis, absorb.name, keep.name)
    return dataclasses.replace(analysis, actors=_sorted_actors(actors, order),
                               entities=entities, quotes=quotes)


def rename_actor(analysis: Analysis, edit: RenameActor) -> Analysis:
    new = " ".join(edit.new.split())
    if not new:
        raise EditError("Type the new name for the actor.")
    actor = _find(analysis, edit.old)
    if new == actor.name:
        return analysis
    if any(a.name == new for a in analysis.actors):
        raise EditError(f"An actor called “{new}” already exists; merge the two instead.")
    renamed = dataclasses.replace(actor, name=new, aliases=_unique(actor.aliases + (actor.name,)))
    actors = tuple(renamed if a.name == actor.name else a for a in analysis.actors)
    entities, quotes = _rename_refs(analysis, actor.name, new)
    return dataclasses.replace(analysis, actors=actors, entities=entities, quotes=quotes)


def split_alias(analysis: Analysis, edit: SplitAlias) -> Analysis:
    actor = _find(analysis, edit.actor)
    new_name = " ".join((edit.new_name or edit.alias).split())
    if not new_name:
        raise EditError("Type a name for the new actor.")
    if new_name != actor.name and any(a.name == new_name for a in analysis.actors):
        raise EditError(f"An actor called “{new_name}” already exists; merge into it instead.")
    form = _form(edit.alias)
    moving = [m for m in analysis.entities
              if m.actor == actor.name and _form(analysis.text[m.start:m.end]) == form]
    if not moving:
        raise EditError(f"“{edit.alias}” is not a mention of “{actor.name}” in this article.")
    if len(moving) == sum(1 for m in analysis.entities if m.actor == actor.name):
        raise EditError(f"Every mention of “{actor.name}” is “{edit.alias}”; rename the actor instead.")
    moved_spans = {(m.start, m.end) for m in moving}

    def holds_moved(ev: Evidence) -> bool:
        return any(ev.start <= s and e <= ev.end for s, e in moved_spans)

    def holds_staying(ev: Evidence) -> bool:
        return any(ev.start <= m.start and m.end <= ev.end for m in analysis.entities
                   if m.actor == actor.name and (m.start, m.end) not in moved_spans)

    new_evidence = tuple(ev for ev in actor.evidence if holds_moved(ev))
    old_evidence = tuple(ev for ev in actor.evidence if holds_staying(ev) or not holds_moved(ev))
    remaining = tuple(a for a in actor.aliases if _form(a) != form)
    old_actor = dataclasses.replace(actor, aliases=remaining, mentions=actor.mentions - len(moving),
                                    evidence=old_evidence)
    old_score, old_label = _stance(old_actor, actor.sentiment, analysis.sentiment.sides)
    old_actor = dataclasses.replace(old_actor, sentiment=old_score, label=old_label)
    new_type = edit.new_type or moving[0].label
    new_actor = Actor(name=new_name, type=new_type,
                      aliases=_unique(analysis.text[m.start:m.end] for m in moving),
                      mentions=len(moving), evidence=new_evidence)
    new_score, new_label = _stance(new_actor, actor.sentiment, analysis.sentiment.sides)
    new_actor = dataclasses.replace(new_actor, sentiment=new_score, label=new_label)
    entities = tuple(dataclasses.replace(m, actor=new_name) if (m.start, m.end) in moved_spans
                     else m for m in analysis.entities)
    order = [a.name for a in analysis.actors]
    actors = [old_actor if a.name == actor.name else a for a in analysis.actors] + [new_actor]
    return dataclasses.replace(analysis, actors=_sorted_actors(actors, order), entities=entities)


def set_speaker(analysis: Analysis, edit: SetSpeaker) -> Analysis:
    speaker = " ".join(edit.speaker.split()) if edit.speaker else None
    found = False
    quotes = []
    for q in analysis.quotes:
        if q.start == edit.start and q.end == edit.end:
            found = True
            q = dataclasses.replace(q, speaker=speaker, confidence=1.0)
        quotes.append(q)
    if not found:
        raise EditError("That quote is no longer in the analysis.")
    return dataclasses.replace(analysis, quotes=tuple(quotes))


_APPLY = {MergeActors: merge_actors, RenameActor: rename_actor, SplitAlias: split_alias,
          SetSpeaker: set_speaker}


def apply_edit(analysis: Analysis, edit: Edit) -> Analysis:
    """One correction applied; raises EditError with a sentence for the analyst."""
    return _APPLY[type(edit)](analysis, edit)


def apply_edits(analysis: Analysis, edits: Iterable[Edit]) -> Analysis:
    """Every correction in order, each on the result of the one before."""
    for edit in edits:
        analysis = apply_edit(analysis, edit)
    return analysis
