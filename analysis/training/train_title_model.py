"""Train the pasted-page headline model shipped as ``analysis/data/title_model.json``.

Reproduce (from the repository root, with scikit-learn from requirements-train.txt):

    .venv/bin/python -m analysis.training.train_title_model          # CV, then train and write
    .venv/bin/python -m analysis.training.train_title_model --cv     # CV figures only

Data: ONLY the ``.train`` halves of ``../shared/eval/cleaning/``: the pasted pages and regions
(paste_page, paste_region) and, for the labels, the same pages' HTML (html, same ids). Each page
is cleaned by clean.py's own line labelling; its candidate lines and their features come from
``clean.title_features``, so training and use cannot drift apart. A candidate is labelled the
headline when its text (lower case, runs of non-word characters as one space) equals the page's
<h1>, og:title or <title>, or, when longer than 15 characters, is contained in one
(bench/paste_titles.py measures the same). A page can have no such candidate (a region pasted
without its headline, an <h1> that names the site): the model should then say "none".

The model is a logistic regression on the candidates; the page's headline is its best-scored
candidate when that score clears a threshold. Cross-validation is 4-fold by *site group*
(``train_line_model.site_groups``: pages sharing twelve identical non-body lines are one site),
over five fold salts, counting whole pages: the regularisation C is the one with the most pages
right (both paste sets), then the threshold the one with the most right titles less wrong ones
(a wrong title costs what a right one gains; "none" neither).

Feature choice (same CV, pages right of 88 paste_page / of the 40 paste_region pages that hold
their headline, mean of five salts): 31 first-draft features 71.6/35.2; without eleven that
ablation showed to be noise (distance in lines, date, length, title case, digits, the line before
being short, a question mark, the first kept line's rule...) 76.0/36.8; the 17 kept here 76.2/36.8.
Window: 10 candidates 74.6, 20 75.6, 25 75.6 (15 kept); the body's first 80 words 72.8, 300 72.0
(150 kept). A ranking (softmax over each page's candidates, with "none" as a candidate) did no
better than the plain regression (71-74 on the draft features).

Shipped: C=1.0, threshold -1.25 (right/wrong/none, mean of five salts): paste_page 74.2/8.6/5.2
of 88, paste_region 34.8/16.6/18.6 (48 of its 88 pages hold no headline to find). Without the
threshold 76.2/11.8/0.0 and 36.8/26.2/7.0. The rule it replaced (the nearest title-like line
within eight lines above the body) got 34 of the 88 paste_page pages right, in sample.
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import importlib
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

C = importlib.import_module("analysis.clean")  # the module, not the clean() function
T = importlib.import_module("analysis.training.train_line_model")

DATA = ROOT.parent / "shared" / "eval" / "cleaning"
SETS = ("paste_page", "paste_region")
SALTS = ("cv", "a", "b", "c", "d")
C_GRID = (0.3, 1.0, 3.0)
THRESHOLDS = tuple(np.round(np.arange(-4.0, 0.01, 0.25), 2))


def read_rows(name: str) -> list[dict]:
    with gzip.open(DATA / name, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def gold_titles(html: str) -> list[str]:
    """The page's <h1>s, og:title and <title>, normalised."""
    from lxml import html as lxml_html

    doc = lxml_html.fromstring(html)
    found = ([e.text_content() for e in doc.xpath("//h1")]
             + doc.xpath('//meta[@property="og:title"]/@content') + doc.xpath("//title/text()"))
    return [g for g in map(normalise, found) if g]


def is_title(text: str, golds: list[str]) -> bool:
    t = normalise(text)
    return bool(t) and any(t == g or (len(t) > 15 and t in g) for g in golds)


def page_candidates(pasted: str) -> tuple[list[str], list[int], np.ndarray]:
    """The page's lines, its candidate headline lines and their features, as clean.py sees them."""
    lines = [t for _, _, t in C.split_lines(pasted)][:C.MAX_LINES]
    keep = C._label_lines(lines) if lines else []
    first_kept = next((i for i, k in enumerate(keep) if k), -1)
    if first_kept < 0:
        return lines, [], np.zeros((0, len(C.TITLE_FEATURES)))
    first_taken = C._first_is_headline(lines, keep, first_kept)
    idx, rows = C.title_features(lines, keep, first_kept, first_taken, C._split_byline(lines))
    return lines, idx, np.asarray(rows, dtype=float).reshape(len(idx), len(C.TITLE_FEATURES))


def load_pages() -> list[dict]:
    htmls = {r["id"]: r["html"] for r in read_rows("html.train.jsonl.gz")}
    pages = []
    for name in SETS:
        for r in read_rows(f"{name}.train.jsonl.gz"):
            golds = gold_titles(htmls[r["id"]])
            lines, idx, X = page_candidates(r["pasted"])
            y = np.array([is_title(lines[i], golds) for i in idx], dtype=int)
            pages.append({"id": r["id"], "set": name, "X": X, "y": y,
                          "texts": [lines[i] for i in idx]})
    return pages


def fit(pages: list[dict], c: float):
    from sklearn.linear_model import LogisticRegression

    X = np.vstack([p["X"] for p in pages if len(p["X"])])
    y = np.concatenate([p["y"] for p in pages if len(p["X"])])
    return LogisticRegression(C=c, max_iter=5000).fit(X, y)


def out_of_fold(pages: list[dict], folds_of: dict[str, dict[str, int]], c: float) -> list[tuple]:
    """(salt, set, best score, right) of every page with candidates, each scored by the model
    of the folds that did not hold its site."""
    out = []
    for salt, fold in folds_of.items():
        for k in range(4):
            model = fit([p for p in pages if fold[p["id"]] != k], c)
            for p in pages:
                if fold[p["id"]] != k or not len(p["X"]):
                    continue
                s = model.decision_function(p["X"])
                j = int(np.argmax(s))
                out.append((salt, p["set"], float(s[j]), bool(p["y"][j])))
    return out


def tally(oof: list[tuple], threshold: float) -> dict[str, dict[str, float]]:
    """Per paste set, mean over the salts of pages with a right title, a wrong one, none."""
    res = {}
    for name in SETS:
        rows = [r for r in oof if r[1] == name]
        res[name] = {"right": sum(r[2] > threshold and r[3] for r in rows) / len(SALTS),
                     "wrong": sum(r[2] > threshold and not r[3] for r in rows) / len(SALTS),
                     "none": sum(r[2] <= threshold for r in rows) / len(SALTS)}
    return res


def cross_validate(pages: list[dict]) -> dict:
    docs = T.load_docs()
    folds_of = {salt: T.fold_map(docs, 4, salt) for salt in SALTS}
    grid = {}
    for c in C_GRID:
        oof = out_of_fold(pages, folds_of, c)
        grid[c] = {"oof": oof, "open": tally(oof, -np.inf)}
        print(f"C={c}: " + ", ".join(f"{n} right {v['right']:.1f}" for n, v in grid[c]["open"].items()))
    best_c = max(C_GRID, key=lambda c: sum(v["right"] for v in grid[c]["open"].values()))
    oof = grid[best_c]["oof"]

    def net(t: float) -> float:
        return sum(v["right"] - v["wrong"] for v in tally(oof, t).values())
    for t in THRESHOLDS:
        print(f"C={best_c} threshold {t:+.2f}: " + ", ".join(
            f"{n} {v['right']:.1f}/{v['wrong']:.1f}/{v['none']:.1f}" for n, v in tally(oof, t).items())
            + f"  right-wrong {net(t):.1f}")
    best_t = float(max(THRESHOLDS, key=lambda t: (net(t), -t)))
    return {"C": best_c, "threshold": best_t,
            "by_C_no_threshold": {str(c): grid[c]["open"] for c in C_GRID},
            "chosen": tally(oof, best_t)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true", help="print the cross-validation figures only")
    args = ap.parse_args()
    pages = load_pages()
    for name in SETS:
        mine = [p for p in pages if p["set"] == name]
        print(f"{name}: {len(mine)} pages, {sum(bool(p['y'].any()) for p in mine)} with the "
              f"headline among the candidates")
    cv = cross_validate(pages)
    print(f"chosen: C={cv['C']}, threshold {cv['threshold']:+.2f}: {cv['chosen']}")
    if args.cv:
        return
    model = fit(pages, cv["C"])
    out = {"features": list(C.TITLE_FEATURES),
           "coef": [round(float(w), 4) for w in model.coef_[0]],
           "intercept": round(float(model.intercept_[0]), 4),
           "threshold": cv["threshold"],
           "provenance": {
               "data": [f"shared/eval/cleaning/{n}.train.jsonl.gz" for n in SETS]
                       + ["shared/eval/cleaning/html.train.jsonl.gz (labels)"],
               "labels": "a candidate line equal to the page's <h1>, og:title or <title> "
                         "(normalised), or longer than 15 characters and contained in one",
               "command": "python -m analysis.training.train_title_model",
               "model": f"logistic regression, C={cv['C']} (scikit-learn, lbfgs)",
               "cv_4fold_by_site_group": {
                   "salts": list(SALTS), "pages": "mean over salts of right/wrong/none titles",
                   "chosen": cv["chosen"], "by_C_no_threshold": cv["by_C_no_threshold"]},
               "selection": "C: most pages right; threshold: most right titles less wrong ones",
               "trained": datetime.date.today().isoformat(),
               "candidates": int(sum(len(p["X"]) for p in pages)),
               "pages": len(pages)}}
    C.TITLE_MODEL_PATH.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {C.TITLE_MODEL_PATH}")


if __name__ == "__main__":
    main()
