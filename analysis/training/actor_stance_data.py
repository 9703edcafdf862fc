"""Rows for the actor-level stance model: the analysis's own actors matched to annotated ones.

    .venv/bin/python -m analysis.training.actor_stance_data OUT.jsonl

Runs the analysis (per-sentence stances only: the actor model is switched off, so a row holds
what ``analysis.sentiment.actor_stances`` has in hand before the actor model reads it) over the
story triads written for the project (tests/data/stories_extra*), and matches each annotated
actor to the analysed one most of its surface forms land on, as ``evaluate.py actors`` does.
Rows: set, article, gold (-1/0/1), name, type, aliases, evidence (text, quoted, weight), score
(the per-sentence mean). Sets are split by name, never by article, so no story is on two sides:

- FIT: stories_extra, stories_extra2 to stories_extra28 and (since session 32)
  stories_extra31 to stories_extra40 (the encoder learns from these);
- STACK: stories_extra29 and stories_extra30 (the stacker is fitted on the encoder's answers
  to articles it never saw);
- never used for training, the figures of issue 9: the development stories, stories_extra41
  and later, stories_heldout, stories_heldout2 (blind triads), actors_heldout and
  quotes_heldout (real news).
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
STACK_SETS = ("stories_extra29", "stories_extra30")


def fit_sets() -> list[str]:
    names = ["stories_extra"] + [f"stories_extra{n}" for n in (*range(2, 29), *range(31, 41))]
    return [n for n in names if (DATA / n).is_dir()]


def norm_name(s: str) -> str:
    """The evaluator's surface normalisation (../shared/eval/evaluate.py norm_name)."""
    s = (s or "").replace("’", "'")
    s = re.sub(r"'s$", "", s.strip())
    s = re.sub(r"^(the)\s+", "", s, flags=re.I)
    return s.lower()


def rows_of(folder: Path, set_name: str):
    """Matched (gold actor, analysed actor) rows of one folder of *.gold.json articles."""
    import analysis
    for path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        result = analysis.analyze(gold["body"], title=gold.get("headline"))
        surface: dict[str, set[str]] = {}
        for actor in result.actors:
            for s in (actor.name, *actor.aliases):
                surface.setdefault(norm_name(s), set()).add(actor.name)
        by_name = {a.name: a for a in result.actors}
        for ga in gold.get("actors", []):
            if ga.get("sentiment") is None or ga.get("type") not in ("PERSON", "ORG", "GPE"):
                continue
            hits = Counter(n for s in ga.get("aliases", []) for n in surface.get(norm_name(s), ()))
            if not hits:
                continue
            actor = by_name[hits.most_common(1)[0][0]]
            yield {"set": set_name, "article": str(gold.get("id")), "gold": int(ga["sentiment"]),
                   "name": actor.name, "type": actor.type, "aliases": list(actor.aliases),
                   "score": actor.sentiment,
                   "evidence": [[e.text, bool(e.quoted), float(e.weight)] for e in actor.evidence]}


def main() -> None:
    out = Path(sys.argv[1])
    os.environ["PRESSLENS_ACTOR_STANCE"] = "off"
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for name in [*fit_sets(), *STACK_SETS]:
            for row in rows_of(DATA / name, name):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
            print(name, n, flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
