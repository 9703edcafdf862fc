"""Actor and stance figures on held-out news the stance code was never tuned on.

    .venv/bin/python bench/actors_heldout.py                 # the evaluator's actor figures
    .venv/bin/python bench/actors_heldout.py --errors        # also each actor whose stance is wrong
    .venv/bin/python bench/actors_heldout.py --errors ../shared/eval/stories   # the same on other data

The articles are in tests/data/actors_heldout/ (see its README); they are scored by the shared
evaluator's own `eval_actors`, so the figures mean exactly what `evaluate.py actors` means on the
development data.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "data" / "actors_heldout"
sys.path.insert(0, str(ROOT))
from bench.evaluator import EVALUATOR, load_evaluator  # noqa: E402,F401
# Acceptance of issue 9 (the held-out figures must hold within 0.03 of these)
TARGETS = {"stance_macro_f1": 0.75, "actor_recall": 0.95, "actor_not_split": 0.95,
           "actor_not_conflated": 0.98}


def score(paths: list[str] | None = None) -> dict:
    """The evaluator's actor figures on the held-out set (or on the given files/folders)."""
    ev = load_evaluator()
    return ev.eval_actors(ev.gold_articles(paths or [str(HELDOUT)]))


def print_errors(paths: list[str] | None = None) -> None:
    """Each scored gold actor whose predicted label differs, with its evidence sentences."""
    ev = load_evaluator()
    articles = ev.gold_articles(paths or [str(HELDOUT)])
    confusion = Counter()
    for art, out in zip(articles, ev.analyze_bodies(articles)):
        surface = {}
        for pa in out["actors"]:
            for s in [pa["name"], *pa.get("aliases", [])]:
                surface.setdefault(ev.norm_name(s), set()).add(pa["name"])
        by_name = {pa["name"]: pa for pa in out["actors"]}
        lines = []
        for ga in art["actors"]:
            if ga.get("sentiment") is None:
                continue
            hits = Counter(n for s in ga["aliases"] for n in surface.get(ev.norm_name(s), ()))
            pa = by_name[hits.most_common(1)[0][0]] if hits else None
            pred = ev.LABEL.get(pa["label"], 0) if pa else 0
            confusion[(ga["sentiment"], pred)] += 1
            if pred == ga["sentiment"]:
                continue
            lines.append(f"  {ga['name']}: gold {ga['sentiment']:+d}, got {pred:+d} "
                         f"({pa['sentiment']:+.2f})" if pa else f"  {ga['name']}: gold {ga['sentiment']:+d}, not found")
            for e in (pa or {}).get("evidence", []):
                q = "Q" if e.get("quoted") else " "
                lines.append(f"      {e['polarity']:+.2f} {q} {e['text'][:150]!r}")
        if lines:
            print(f"== {str(art.get('id'))[:8]} {art.get('outlet', '')}")
            print("\n".join(lines))
    print("confusion (gold, predicted): " + ", ".join(f"{k}: {v}" for k, v in sorted(confusion.items())))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="gold files or folders (default: the held-out set)")
    ap.add_argument("--errors", action="store_true", help="list each stance error before the figures")
    a = ap.parse_args()
    if a.errors:
        print_errors(a.paths or None)
    for k, v in score(a.paths or None).items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")


if __name__ == "__main__":
    main()
