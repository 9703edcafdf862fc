"""NewsMTSC rows and the held-out split used to choose stance models honestly.

The held-out part of train is chosen by story cluster (the third field of a row id), so that
sentences of one story never sit on both sides; dev stays for the final figure only.
"""
from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEWSMTSC = ROOT.parent / "shared" / "eval" / "newsmtsc"
HELD_OUT_PERCENT = 15
LABELS = ("negative", "neutral", "positive")


def load_rows(split: str) -> list[dict]:
    """Rows of ``train`` or ``dev``: sentence, target, start, end, polarity (-1/0/1)."""
    with gzip.open(NEWSMTSC / f"{split}.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def story_of(row: dict) -> str:
    parts = row["id"].split("_")
    return parts[2] if len(parts) > 2 else row["id"]


def is_held_out(row: dict) -> bool:
    return zlib.crc32(story_of(row).encode()) % 100 < HELD_OUT_PERCENT


def split_train() -> tuple[list[dict], list[dict]]:
    """(fit, held_out) parts of NewsMTSC train."""
    rows = load_rows("train")
    return [r for r in rows if not is_held_out(r)], [r for r in rows if is_held_out(r)]


def macro_f1(gold: list[int], pred: list[int]) -> float:
    """Macro-F1 over the classes seen in gold or prediction (as the evaluator computes it)."""
    f1s = []
    for c in sorted(set(gold) | set(pred)):
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def load_extra(path: Path) -> list[dict]:
    """Extra training rows (JSONL: sentence, start, end, polarity), checked: the span must be
    inside the sentence and the polarity -1, 0 or 1."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            if 0 <= r["start"] < r["end"] <= len(r["sentence"]) and r["polarity"] in (-1, 0, 1):
                rows.append(r)
    return rows
