"""How far a second human reader agrees with the gold stance labels, beside the shipped code.

Issue 9 asks the article-level stance to hold on news the project never saw. This measures
whether that is a labelling problem or a model problem: a second reader (a helper who saw
neither the gold labels nor the code, only tests/data/stance_agreement/RULES.md and each
article with its list of actors) labelled every scored actor of the development stories + seed,
tests/data/actors_heldout and tests/data/quotes_heldout/batch6. Both readers and the code are
scored with the evaluator's own macro-F1 against the gold labels.

    .venv/bin/python bench/stance_agreement.py            # figures
    .venv/bin/python bench/stance_agreement.py --no-code  # the readers only (fast)
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from evaluator import EVALUATOR, load_evaluator

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "stance_agreement" / "second_reader.json"
SETS = {"development": "shared:eval/stories/ shared:eval/seed/",
        "actors_heldout": "tests/data/actors_heldout/",
        "batch6": "tests/data/quotes_heldout/batch6/"}


def _path(key: str) -> Path:
    if key.startswith("shared:"):
        return EVALUATOR.parent.parent / key.removeprefix("shared:")
    return ROOT / key


def _set_of(key: str) -> str:
    return next(name for name, prefixes in SETS.items()
                if any(key.startswith(p) for p in prefixes.split()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-code", action="store_true", help="skip scoring the shipped code")
    args = parser.parse_args()
    ev = load_evaluator()
    second = json.loads(LABELS.read_text(encoding="utf-8"))
    by_set: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for key in sorted(second):
        by_set[_set_of(key)].append((key, json.loads(_path(key).read_text(encoding="utf-8"))))
    for name, files in by_set.items():
        gold, reader, confusion = [], [], Counter()
        for key, article in files:
            for actor in article["actors"]:
                if actor.get("sentiment") is None or actor["type"] not in ("PERSON", "ORG", "GPE"):
                    continue
                label = second[key].get(actor["name"])
                label = 0 if label is None else label
                gold.append(actor["sentiment"])
                reader.append(label)
                confusion[(actor["sentiment"], label)] += 1
        f1, accuracy = ev.macro_f1(gold, reader)
        line = f"{name}: {len(gold)} actors, second reader macro-F1 {f1:.3f} (accuracy {accuracy:.3f})"
        if not args.no_code:
            code = ev.eval_actors(ev.gold_articles([str(_path(key)) for key, _ in files]))
            line += f"; shipped code {code['stance_macro_f1']:.3f} ({code['stance_n']} actors)"
        print(line)
        print("  gold -1/0/+1 -> reader -1/0/+1:",
              "; ".join(f"{g:+d}: " + " ".join(str(confusion[(g, r)]) for r in (-1, 0, 1))
                        for g in (-1, 0, 1)))


if __name__ == "__main__":
    main()
