"""The linear stance model, loaded once and scored without any training library.

It is the fallback of ``analysis.sentiment`` when the encoder (analysis/stance_encoder.py) is
absent or switched off, and it scores every mention of an article for ``actor_stances``.

- ``LinearStanceModel``: weights over hashed parse + lexicon features (analysis.stance_features),
  scored with numpy; trained by analysis/training/train_stance_linear.py.

Each model returns class probabilities in the order (negative, neutral, positive).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .stance_features import N_FEATURES, extract_features, hashed

MODELS_DIR = Path(__file__).resolve().parent / "models"
LINEAR_PATH = MODELS_DIR / "stance_linear.npz"
CLASSES = (-1, 0, 1)


def target_tokens(doc, start: int, end: int) -> list:
    """Tokens of ``doc`` overlapping the character span [start, end)."""
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class LinearStanceModel:
    """Dense (N_FEATURES x 3) weight table rebuilt from the shipped non-zero rows."""
    weights: np.ndarray
    bias: np.ndarray

    @classmethod
    def load(cls, path: Path = LINEAR_PATH) -> "LinearStanceModel":
        with np.load(path) as data:
            weights = np.zeros((N_FEATURES, 3), dtype=np.float32)
            weights[data["indices"]] = data["weights"]
            return cls(weights=weights, bias=data["bias"].astype(np.float32))

    def probabilities(self, sent, tokens) -> np.ndarray:
        """Class probabilities of the stance of ``sent`` (a Span) toward ``tokens``."""
        idx, val = hashed(extract_features(sent, tokens))
        logits = self.bias + np.asarray(val, dtype=np.float32) @ self.weights[idx]
        return softmax(logits)

    def predict_sentence(self, doc, start: int, end: int) -> tuple[int, np.ndarray]:
        """(class in -1/0/1, probabilities) for the target at [start, end) of ``doc``."""
        tokens = target_tokens(doc, start, end)
        sent = tokens[0].sent if tokens else doc[:]
        probs = self.probabilities(sent, tokens)
        return CLASSES[int(probs.argmax())], probs


@lru_cache(maxsize=1)
def load_linear_model() -> LinearStanceModel:
    """The shipped linear model (loaded once per process)."""
    if not LINEAR_PATH.exists():
        raise RuntimeError(f"The stance model file {LINEAR_PATH.name} is missing from "
                           "analysis/models; rebuild it with "
                           "`python -m analysis.training.train_stance_linear`.")
    return LinearStanceModel.load(LINEAR_PATH)
