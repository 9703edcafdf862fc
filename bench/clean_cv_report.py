"""Per-page error report of the pasted-text cleaner on the TRAIN halves, cross-validated.

Each page is cleaned by a line model trained on the other folds (4 folds grouped by site, as
``analysis/training/train_line_model.py`` does), through clean.py's own code. For every page:
F1, precision, recall, and what was lost, sorted by the F1 points each kind costs the mean.

    .venv/bin/python bench/clean_cv_report.py                 # train the fold models, report
    .venv/bin/python bench/clean_cv_report.py --reuse         # reuse the fold models (decoding changes)
    .venv/bin/python bench/clean_cv_report.py --show 10       # also print the 10 worst pages line by line

Training options are the shipped model's (read from its provenance) unless given after ``--``.
Only the .train halves are read.
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import analysis.training.train_line_model as T  # noqa: E402

C = T.C
CACHE = Path(tempfile.gettempdir()) / "presslens_clean_cv_models.pkl"


def train_args(extra: list[str]):
    model = C.load_line_model()
    cmd = model["provenance"]["command"].split("train_line_model", 1)[1].split()
    dec = model.get("decode") or {}
    # the shipped decode setting only (no grid)
    fixed = ["--bias", str(dec.get("bias", -0.5)), "--keep-in", str(dec.get("keep_in", 0.1)),
             "--keep-out", str(dec.get("keep_out", 0.95)), "--keep-edge", str(dec.get("keep_edge", 1.0))]
    strip = {"--bias", "--keep-in", "--keep-out", "--keep-edge", "--thresholds"}
    base, skip = [], False
    for tok in cmd:
        if tok.startswith("--"):
            skip = tok in strip
        if not skip:
            base.append(tok)
    sys.argv = ["train_line_model"] + base + fixed + extra + ["--cv"]
    ap_args = {}

    import argparse as _a
    real_parse = _a.ArgumentParser.parse_args

    def grab(self, *a, **k):
        ns = real_parse(self, *a, **k)
        ap_args["ns"] = ns
        raise SystemExit(0)
    _a.ArgumentParser.parse_args = grab
    try:
        T.main()
    except SystemExit:
        pass
    finally:
        _a.ArgumentParser.parse_args = real_parse
    ns = ap_args["ns"]
    if ns.thresholds is None:
        ns.thresholds = [ns.threshold]
    return ns


def gold_lines(d: dict) -> list[bool]:
    g = Counter(t for _, _, t in C.split_lines(d["body"]))
    out = []
    for t in d["all_lines"]:
        out.append(g[t] > 0)
        if g[t] > 0:
            g[t] -= 1
    return out


def f1_of(d: dict, keep: list[bool]) -> float:
    text = " ".join(t for t, kp in zip(d["all_lines"], keep) if kp)
    p, g = Counter(text.split()), Counter(d["body"].split())
    common = sum((p & g).values())
    if not common:
        return 0.0
    pr, rc = common / sum(p.values()), common / sum(g.values())
    return 2 * pr * rc / (pr + rc)


def oracle_gains(d: dict, keep: list[bool]) -> dict:
    """F1 gained on this page by correcting one kind of error only."""
    yb = gold_lines(d)
    body_idx = [i for i, v in enumerate(yb) if v]
    kept_idx = [i for i, v in enumerate(keep) if v]
    if not body_idx:
        return {}
    b0, b1 = body_idx[0], body_idx[-1]
    k0, k1 = (kept_idx[0], kept_idx[-1]) if kept_idx else (len(keep), -1)
    base = f1_of(d, keep)
    kinds = {
        "lost_before_kept": lambda i: yb[i] and i < k0,
        "lost_after_kept": lambda i: yb[i] and i > k1,
        "lost_inside_kept": lambda i: yb[i] and k0 <= i <= k1,
        "junk_before_body": lambda i: not yb[i] and i < b0,
        "junk_after_body": lambda i: not yb[i] and i > b1,
        "junk_inside_body": lambda i: not yb[i] and b0 <= i <= b1,
    }
    out = {}
    for name, sel in kinds.items():
        fixed = [yb[i] if sel(i) else keep[i] for i in range(len(keep))]
        gain = f1_of(d, fixed) - base
        if gain > 1e-9:
            out[name] = gain
    return out


def classify(d: dict, keep: list[bool]) -> dict:
    """Where a page's loss lies: gold lines dropped (before, inside, after the kept run) and
    junk kept (before the first / after the last gold line, or between gold lines)."""
    lines = d["all_lines"]
    g = Counter(t for _, _, t in C.split_lines(d["body"]))
    ybody = [False] * len(lines)
    for i, t in enumerate(lines):
        if g[t] > 0:
            ybody[i] = True
            g[t] -= 1
    body_idx = [i for i, v in enumerate(ybody) if v]
    kept_idx = [i for i, v in enumerate(keep) if v]
    out = Counter()
    if not body_idx:
        return out
    b0, b1 = body_idx[0], body_idx[-1]
    k0, k1 = (kept_idx[0], kept_idx[-1]) if kept_idx else (len(lines), -1)
    for i, t in enumerate(lines):
        w = len(t.split())
        if ybody[i] and not keep[i]:
            where = "lost_before_kept" if i < k0 else "lost_after_kept" if i > k1 else "lost_inside_kept"
            out[where] += w
        elif keep[i] and not ybody[i]:
            where = "junk_before_body" if i < b0 else "junk_after_body" if i > b1 else "junk_inside_body"
            out[where] += w
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--sets", nargs="*", default=["paste_page", "paste_region", "body"])
    ap.add_argument("--json", help="write per-page rows here")
    ap.add_argument("--decode", default="", help='JSON merged into every fold model\'s "decode" '
                    '(try decoding settings without retraining)')
    ap.add_argument("--brief", action="store_true", help="the per-set figures only")
    ap.add_argument("--salt", default="cv", help="another salt deals the site groups into other folds")
    ap.add_argument("extra", nargs="*", help="training options after --")
    a = ap.parse_args()
    t0 = time.time()
    docs = T.load_docs()
    if a.reuse and CACHE.exists():
        models, fold_of = pickle.loads(CACHE.read_bytes())
    else:
        args = train_args(a.extra)
        feats = T.featurize(docs)
        fold_of = T.fold_map(docs, 4, salt=a.salt)
        models = {}
        for k in range(4):
            tr = [d for d in docs if fold_of[d["id"]] != k]
            stages = T.train_all(tr, feats, args)
            models[k] = T.as_model(stages, args.thresholds[0], T.decode_grid(args)[0])
        CACHE.write_bytes(pickle.dumps((models, fold_of)))
        print(f"fold models trained in {time.time() - t0:.0f}s", file=sys.stderr)
    if a.decode:
        for m in models.values():
            m["decode"] = {**m.get("decode", {}), **json.loads(a.decode)}
    rows = []
    for d in docs:
        if d["set"] not in a.sets:
            continue
        model = models[fold_of[d["id"]]]
        keep = T.predict_keep(model, d["all_lines"])
        text = "\n\n".join(t for t, kp in zip(d["all_lines"], keep) if kp)
        p, g = Counter(text.split()), Counter(d["body"].split())
        common = sum((p & g).values())
        pr = common / max(sum(p.values()), 1)
        rc = common / max(sum(g.values()), 1)
        f1 = 2 * pr * rc / (pr + rc) if common else 0.0
        cjk = bool(C._CJK.search(d["body"][:2000]))
        rows.append({"id": d["id"][:10], "set": d["set"], "f1": f1, "p": pr, "r": rc,
                     "gold_tokens": sum(g.values()), "lines": len(d["all_lines"]), "cjk": cjk,
                     "loss": dict(classify(d, keep)), "gain": oracle_gains(d, keep),
                     "keep": keep, "doc": d})
    print(f"{'set':13s} {'docs':>4s} {'F1':>6s} {'P':>6s} {'R':>6s}")
    for s in a.sets:
        rs = [r for r in rows if r["set"] == s]
        if rs:
            print(f"{s:13s} {len(rs):4d} {np.mean([r['f1'] for r in rs]):.4f} "
                  f"{np.mean([r['p'] for r in rs]):.4f} {np.mean([r['r'] for r in rs]):.4f}")
    for s in a.sets:
        rs = [r for r in rows if r["set"] == s]
        if not rs or s == "body" or a.brief:
            continue
        n = len(rs)
        # F1 points (of the mean) lost by each page; attributed to the kind with most words.
        kinds = Counter()
        for r in rs:
            lost = 1 - r["f1"]
            if r["loss"]:
                kinds[max(r["loss"], key=r["loss"].get)] += lost / n
        print(f"\n{s}: mean-F1 points lost, by the page's largest error kind "
              f"(total {1 - np.mean([r['f1'] for r in rs]):.4f})")
        for k, v in kinds.most_common():
            print(f"   {k:18s} {v:.4f}")
        print("   oracle: mean-F1 gained by fixing only this kind")
        gains = Counter()
        for r in rs:
            for k, v in r["gain"].items():
                gains[k] += v / n
        for k, v in gains.most_common():
            print(f"   {k:18s} {v:.4f}")
        bands = Counter()
        for r in rs:
            band = "<0.5" if r["f1"] < 0.5 else "<0.8" if r["f1"] < 0.8 else "<0.9" if r["f1"] < 0.9 else ">=0.9"
            bands[band] += (1 - r["f1"]) / n
        print("   by F1 band:", {k: round(v, 4) for k, v in sorted(bands.items())},
              " cjk pages:", sum(r["cjk"] for r in rs),
              f"lost {sum(1 - r['f1'] for r in rs if r['cjk']) / n:.4f}")
        print(f"   worst pages:")
        for r in sorted(rs, key=lambda r: r["f1"])[:15]:
            print(f"   {r['id']} F1 {r['f1']:.3f} P {r['p']:.3f} R {r['r']:.3f} gold {r['gold_tokens']:5d} "
                  f"lines {r['lines']:4d} {'CJK ' if r['cjk'] else ''}{r['loss']}")
    for r in sorted([r for r in rows if r["set"] != "body"], key=lambda r: r["f1"])[:a.show]:
        d = r["doc"]
        gold = Counter(t for _, _, t in C.split_lines(d["body"]))
        print(f"\n==== {r['set']} {r['id']} F1 {r['f1']:.3f}")
        for t, kp in zip(d["all_lines"], r["keep"]):
            isg = gold[t] > 0
            if isg:
                gold[t] -= 1
            mark = ("  ok " if kp else "LOST ") if isg else ("JUNK " if kp else "     ")
            print(f"{mark}{t[:110]}")
    if a.json:
        Path(a.json).write_text(json.dumps([{k: v for k, v in r.items() if k not in ("doc", "keep")}
                                            for r in rows], indent=0))


if __name__ == "__main__":
    main()
