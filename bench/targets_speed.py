"""Cost of target-dependent stance: one target a call, and per article inside the pipeline.

    .venv/bin/python bench/targets_speed.py [--rows 300]

Prints targets/s for ``sentiment_toward`` called once per NewsMTSC dev target (as the
evaluator calls it), the share of ``actor_stances`` in the pipeline's time on the eval stories,
and CPU seconds next to wall seconds (on a shared machine wall time says little). Not part of
the test run.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def _timed(fn):
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=300)
    args = ap.parse_args()
    import analysis
    from analysis.entities import extract_actors
    from analysis.nlp import load_nlp
    from analysis.quotes import extract_quotes
    from analysis.sentiment import actor_stances, stance_backend

    with gzip.open(SHARED / "eval" / "newsmtsc" / "dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh][:args.rows]
    analysis.sentiment_toward(rows[0]["sentence"], [(rows[0]["start"], rows[0]["end"])])
    _, wall, cpu = _timed(lambda: [analysis.sentiment_toward(r["sentence"], [(r["start"], r["end"])])
                                   for r in rows])
    print(f"backend: {stance_backend()}")
    print(f"sentiment_toward, one target a call: {len(rows) / wall:.0f} targets/s wall, "
          f"{len(rows) / cpu:.0f} per CPU-second")

    nlp = load_nlp()
    bodies = [json.loads(p.read_text(encoding="utf-8"))["body"]
              for p in sorted((SHARED / "eval" / "stories").glob("*.gold.json"))]
    docs, parse_wall, parse_cpu = _timed(lambda: list(nlp.pipe(bodies, batch_size=64)))
    stance_wall = stance_cpu = 0.0
    pairs = 0
    for doc in docs:
        mentions, actors = extract_actors(doc)
        quotes = extract_quotes(doc, mentions)
        out, wall, cpu = _timed(lambda: actor_stances(doc, actors, mentions, quotes))
        stance_wall += wall
        stance_cpu += cpu
        pairs += sum(len(a.evidence) for a in out)
    print(f"spaCy over {len(docs)} stories: {parse_cpu:.2f} CPU-s; actor_stances: "
          f"{stance_cpu:.2f} CPU-s ({100 * stance_cpu / parse_cpu:.0f}% of the parse), "
          f"{pairs} evidence sentences")


if __name__ == "__main__":
    main()
