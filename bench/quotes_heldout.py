"""Quote and speaker figures on held-out news the quote code was never tuned on.

    .venv/bin/python bench/quotes_heldout.py            # the four acceptance figures (and the rest)
    .venv/bin/python bench/quotes_heldout.py --errors   # also every gold quote missed or mis-attributed

The articles are in tests/data/quotes_heldout/ (see its README); they are scored by the shared
evaluator's own `eval_quotes`, so the figures mean exactly what `evaluate.py quotes` means on the
development data.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "data" / "quotes_heldout"
sys.path.insert(0, str(ROOT))
from bench.evaluator import EVALUATOR, load_evaluator  # noqa: E402,F401
# Acceptance 1 of issue 5; acceptance 2 asks the held-out figures to stay within 0.03 of them.
TARGETS = {"quote_f1": (">=", 0.95), "speaker_accuracy": (">=", 0.92),
           "unnamed_speaker_left_null": (">=", 0.85), "scare_quotes_listed_as_speech": ("<=", 0.10)}


# The parts of the set: the first batch had its errors looked at (and general fixes made);
# batch2 was annotated after those fixes and measured before the changes it prompted; batch3
# was annotated last and only measured: no change to the code was made after reading it;
# batch4 was annotated before the speaker fixes of its session and measured untouched first;
# batch5 and batch6 (session 9, from the html.train half) likewise; batch7 (session 10, the last
# unused English news of both halves, 12 of html.test and one of html.train).
PARTS = {"batch1": lambda: sorted(HELDOUT.glob("*.gold.json")),
         "batch2": lambda: sorted((HELDOUT / "batch2").glob("*.gold.json")),
         "batch3": lambda: sorted((HELDOUT / "batch3").glob("*.gold.json")),
         "batch4": lambda: sorted((HELDOUT / "batch4").glob("*.gold.json")),
         "batch5": lambda: sorted((HELDOUT / "batch5").glob("*.gold.json")),
         "batch6": lambda: sorted((HELDOUT / "batch6").glob("*.gold.json")),
         "batch7": lambda: sorted((HELDOUT / "batch7").glob("*.gold.json"))}


def score(folder: Path = HELDOUT, part: str | None = None) -> dict:
    """The evaluator's quote figures on the whole set (every *.gold.json below ``folder``)
    or on one of PARTS."""
    ev = load_evaluator()
    paths = [str(p) for p in PARTS[part]()] if part else [str(folder)]
    return ev.eval_quotes(ev.gold_articles(paths))


def print_errors(folder: Path = HELDOUT) -> None:
    """Each gold quote that was missed, mis-attributed, or (scare) listed; each extra quote."""
    import analysis
    ev = load_evaluator()
    for art in ev.gold_articles([str(folder)]):
        body = art["body"]
        pq = analysis.analyze(body).to_dict()["quotes"]
        # located by their text, as the evaluator does: offsets point into the cleaned text
        pspans = [s or (-1, -1) for s in ev.locate(body, [p["text"] for p in pq])]
        gq = art["quotes"]
        gspans = ev.locate(body, [q["quote"] for q in gq])
        lines = []
        for s, q in zip(gspans, gq):
            if s is None:
                lines.append(f"  GOLD NOT FOUND {q['quote'][:60]!r}")
                continue
            hit = max(range(len(pq)), key=lambda k: ev.covered(s, [pspans[k]]), default=None)
            listed = hit is not None and ev.covered(s, pspans) * 2 >= s[1] - s[0]
            said = pq[hit]["speaker"] if listed else None
            if q["kind"] == "scare":
                if listed:
                    lines.append(f"  SCARE LISTED   {q['quote'][:60]!r}")
            elif not listed:
                lines.append(f"  MISSED         {q['quote'][:60]!r} ({q['speaker']})")
            elif not _same_speaker(ev, art, said, q["speaker"]):
                lines.append(f"  SPEAKER        {q['quote'][:50]!r}: gold {q['speaker']!r}, "
                             f"got {said!r} via {pq[hit]['speaker_text']!r}")
        gold_all = [s for s in gspans if s]
        for p, s in zip(pq, pspans):
            if ev.covered(s, gold_all) * 2 < s[1] - s[0]:
                lines.append(f"  EXTRA          {p['text'][:60]!r}")
        if lines:
            print(f"== {art['id'][:8]} {art.get('outlet', '')}")
            print("\n".join(lines))


def _same_speaker(ev, art: dict, said: str | None, gold: str | None) -> bool:
    """The evaluator's rule: null for null, else the name, an alias, or the same surname."""
    said, gold = ev.norm_name(said), ev.norm_name(gold)
    if not gold or not said:
        return not gold and not said
    names = {ev.norm_name(x) for a in art.get("actors", []) if ev.norm_name(a["name"]) == gold
             for x in [a["name"], *a.get("aliases", [])]} or {gold}
    return said in names or said.split()[-1] == gold.split()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list each error before the figures")
    a = ap.parse_args()
    if a.errors:
        print_errors()
    for part in PARTS:
        res = score(part=part)
        print(f"{part}: " + ", ".join(f"{k} {res[k]:.3f}" for k in TARGETS) + f", gold_quotes {res['gold_quotes']}")
    print("whole set:")
    res = score()
    for k, v in res.items():
        mark = ""
        if k in TARGETS:
            op, target = TARGETS[k]
            ok = v >= target - 0.03 if op == ">=" else v <= target + 0.03
            mark = f"   (target {op} {target}, within 0.03: {'ok' if ok else 'FAIL'})"
        print(f"{k}: {v:.3f}{mark}" if isinstance(v, float) else f"{k}: {v}")


if __name__ == "__main__":
    main()
