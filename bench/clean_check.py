"""Show what the cleaner keeps and removes on the development articles (stories/ and seed/).

    .venv/bin/python bench/clean_check.py            # every junk line still kept, every body line removed
"""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
clean_module = importlib.import_module("analysis.clean")
EVAL = ROOT.parent / "shared" / "eval"


def main() -> None:
    for gold_path in sorted(EVAL.glob("stories/*.gold.json")) + [EVAL / "seed" / "seed.gold.json"]:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = gold_path.with_name(gold_path.name.replace(".gold.json", ".raw.txt")).read_text(encoding="utf-8")
        result = clean_module.clean(raw)
        kept = {s.text for s in result.segments if s.kept}
        body = {ln.strip() for ln in gold["body"].splitlines() if ln.strip()}
        print(f"== {gold_path.name}: title={result.title!r}")
        for s in result.segments:
            if s.kept and s.text in gold["junk_lines"]:
                print(f"   JUNK KEPT   {s.text[:100]}")
            if not s.kept and s.text in body:
                print(f"   BODY LOST   [{s.reason}] {s.text[:100]}")
        for s in result.removed:
            print(f"   removed     [{s.reason}] {s.text[:80]}")
    print("== clean bodies passed through (must come back untouched)")
    for gold_path in sorted(EVAL.glob("stories/*.gold.json")) + [EVAL / "seed" / "seed.gold.json"]:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = clean_module.clean(gold["body"])
        status = "untouched" if not result.removed else f"REMOVED {[r.text[:60] for r in result.removed]}"
        print(f"   {gold_path.name}: {status}")


if __name__ == "__main__":
    main()
