"""Train the parse + lexicon linear stance model and write analysis/models/stance_linear.*.

    .venv/bin/python -m analysis.training.train_stance_linear

Fits a multinomial logistic regression (scikit-learn, training only) on hashed features from
analysis.stance_features, picks the regularisation on the held-out stories of train, refits on
all of train, and ships the non-zero weights (numpy at run time) with a provenance JSON.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import time

import numpy as np

from analysis.nlp import load_nlp
from analysis.sentiment import PARSE_ONLY_SKIPS
from analysis.stance_features import N_FEATURES, extract_features, hashed
from analysis.stance_model import LINEAR_PATH, LinearStanceModel, target_tokens
from analysis.training.stance_data import ROOT, load_rows, macro_f1, split_train

SEED = 13


def featurize(rows: list[dict], nlp):
    from scipy.sparse import csr_matrix
    sentences = sorted({r["sentence"] for r in rows})
    with nlp.select_pipes(disable=[p for p in PARSE_ONLY_SKIPS if p in nlp.pipe_names]):
        docs = dict(zip(sentences, nlp.pipe(sentences, batch_size=64)))
    indptr, indices, data = [0], [], []
    for r in rows:
        doc = docs[r["sentence"]]
        toks = target_tokens(doc, r["start"], r["end"])
        sent = toks[0].sent if toks else doc[:]
        idx, val = hashed(extract_features(sent, toks))
        indices.extend(idx)
        data.extend(val)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), N_FEATURES), dtype=np.float32)


class Fitted:
    """A logistic regression fitted on the used columns only, with coef_ over all columns."""

    def __init__(self, x, y, c: float):
        from sklearn.linear_model import LogisticRegression
        self.used = np.unique(x.indices)
        self.clf = LogisticRegression(C=c, max_iter=1000, random_state=SEED).fit(x[:, self.used], y)
        self.classes_ = self.clf.classes_
        self.intercept_ = self.clf.intercept_
        self.coef_ = np.zeros((len(self.classes_), x.shape[1]), dtype=np.float64)
        self.coef_[:, self.used] = self.clf.coef_

    def predict(self, x):
        return self.clf.predict(x[:, self.used])


def fit(x, y, c: float) -> Fitted:
    return Fitted(x, y, c)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--grid", default="0.05,0.1,0.3")
    args = ap.parse_args()
    nlp = load_nlp()
    t0 = time.time()
    fit_rows, held_rows = split_train()
    dev_rows = load_rows("dev")
    x_fit, x_held = featurize(fit_rows, nlp), featurize(held_rows, nlp)
    y_fit = np.array([r["polarity"] for r in fit_rows])
    y_held = [r["polarity"] for r in held_rows]
    print(f"features in {time.time() - t0:.0f}s")
    scores = {}
    for c in map(float, args.grid.split(",")):
        scores[c] = macro_f1(y_held, fit(x_fit, y_fit, c).predict(x_held).tolist())
        print(f"C={c}: held-out macro-F1 {scores[c]:.4f}")
    best_c = max(scores, key=scores.get)
    all_rows = fit_rows + held_rows
    from scipy.sparse import vstack
    clf = fit(vstack([x_fit, x_held]), np.array([r["polarity"] for r in all_rows]), best_c)
    order = [list(clf.classes_).index(k) for k in (-1, 0, 1)]
    weights = clf.coef_[order].T.astype(np.float32)           # (N_FEATURES, 3)
    keep = np.flatnonzero(np.abs(weights).max(axis=1) > 1e-6)
    LINEAR_PATH.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(LINEAR_PATH, indices=keep.astype(np.int32), weights=weights[keep],
                        bias=clf.intercept_[order].astype(np.float32))
    model = LinearStanceModel.load(LINEAR_PATH)
    with nlp.select_pipes(disable=[p for p in PARSE_ONLY_SKIPS if p in nlp.pipe_names]):
        docs = list(nlp.pipe([r["sentence"] for r in dev_rows], batch_size=64))
    dev_pred = [model.predict_sentence(d, r["start"], r["end"])[0] for d, r in zip(docs, dev_rows)]
    dev_f1 = macro_f1([r["polarity"] for r in dev_rows], dev_pred)
    print(f"dev macro-F1 {dev_f1:.4f}")
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    provenance = {
        "model": "hashed parse+lexicon features, multinomial logistic regression",
        "data": "NewsMTSC train (MIT), ../shared/eval/newsmtsc/train.jsonl.gz",
        "selection": "held-out 15% of train stories (analysis/training/stance_data.py)",
        "C": best_c, "held_out_macro_f1": round(scores[best_c], 4),
        "dev_macro_f1": round(dev_f1, 4), "dev_rows": len(dev_rows),
        "git_commit": commit, "command": "python -m analysis.training.train_stance_linear",
        "spacy_model": nlp.meta.get("name"), "n_features": N_FEATURES,
    }
    LINEAR_PATH.with_suffix(".json").write_text(json.dumps(provenance, indent=2) + "\n")
    print(json.dumps(provenance, indent=2))


if __name__ == "__main__":
    main()
