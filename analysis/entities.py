"""Entity mentions grouped into actors (first crude version; merging rules follow)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Actor, Mention

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW",
                          "WORK_OF_ART", "PRODUCT"})
_LEAD = re.compile(r"^(?:the|The)\s+")
_POSS = re.compile(r"(?:['’]s|['’])$")


def extract_actors(doc) -> tuple[list[Mention], list[Actor]]:
    """Mentions of named entities in ``doc`` and the actors they belong to."""
    text = doc.text
    mentions: list[Mention] = []
    groups: dict[str, dict] = {}
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        s, e = ent.start_char, ent.end_char
        m = _LEAD.match(text[s:e])
        if m and e - s > m.end():
            s += m.end()
        m = _POSS.search(text[s:e])
        if m and m.start() > 0:
            e = s + m.start()
        surface = text[s:e]
        g = groups.setdefault(surface, {"type": ent.label_, "aliases": [], "n": 0, "first": s})
        if text[s:ent.end_char] not in g["aliases"]:
            g["aliases"].append(text[s:ent.end_char])
        g["n"] += 1
        mentions.append(Mention(s, e, surface, ent.label_, surface))
    actors = [Actor(name, g["type"], tuple(g["aliases"]), g["n"])
              for name, g in sorted(groups.items(), key=lambda kv: (-kv[1]["n"], kv[1]["first"]))]
    mentions.sort(key=lambda m: m.start)
    return mentions, actors


def align_story_actors(actor_names_per_article: Sequence[Sequence[tuple[str, str]]]) -> dict[str, str]:
    """Map each actor name to itself (story-wide alignment follows)."""
    return {name: name for names in actor_names_per_article for name, _ in names}
