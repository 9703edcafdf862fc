"""The article's stance toward an actor read at once from all its sentences (issue 9).

The per-sentence models (analysis/stance_encoder.py, the linear model) read each sentence's
stance toward a mention; their weighted mean then decides. That mean reads good or bad news as a
judgement and misses the narrator's framing spread over several sentences: on story triads the
project had never seen, it scored stance macro-F1 0.37-0.49. This model reads the actor's name and
type and every sentence the analysis found about it (each marked as counted, not counted or
quoted, the actor's own mentions marked inside it) and says negative / neutral / positive for the
whole article. A small logistic regression (``stacker.json``) then weighs its three
probabilities against the per-sentence mean, so that neither reading alone decides.

Trained by analysis/training/train_actor_stance.py (files in analysis/models/actor_stance/:
model.onnx, tokenizer.json, stacker.json, provenance.json). This module imports only numpy,
tokenizers and onnxruntime; the input encoding below is shared with the training script.
"""
from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

ACTOR_ENCODER_DIR = Path(__file__).resolve().parent / "models" / "actor_stance"
CLS_ID, SEP_ID, PAD_ID = 101, 102, 0
OPEN_ID, CLOSE_ID = 1, 2                        # [unused0] / [unused1] around the actor's mentions
QUOTED_ID, NOT_COUNTED_ID, COUNTED_ID = 3, 4, 5  # [unused2-4]: how the sentence after it counts
MAX_NAME_PIECES = 12
MAX_SENTENCE_PIECES = 64
TYPE_WORD = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
             "NORP": "group"}
# PRESSLENS_ACTOR_STANCE=off falls back to the per-sentence mean and its thresholds
SWITCH_ENV = "PRESSLENS_ACTOR_STANCE"
THREADS_ENV = "PRESSLENS_ACTOR_THREADS"
# An article whose narrator takes sides: the model reads its most polar actors as strongly polar.
# ``sides`` is the mean polar mass (1 - P(neutral)) of the SIDES_TOP most polar readings of the
# actors the narrator talks about; at SIDES_AT or more, the neutral class loses SIDES_SHIFT of its
# logit for every actor of the article. The stacker's neutral bias suits news that reports
# (real news holds a tenth of polar actors); an outlet that takes sides is polar toward more
# actors than the model dares alone (story triads, session 27: of 1,066 polar actors of the
# favourable and hostile articles of 14 sets, 328 came out neutral, 35 neutral ones polar).
# Wire triads read 0.20-0.62 (10th-90th percentile), slanted ones 0.75-0.95, real news spreads
# over both. Chosen on cached readings of 12 evaluation sets (stance macro-F1, their mean 0.553
# before, 0.605 with quoted actors read, 0.634 with this); of 192 settings (top 2-5, threshold
# 0.6-0.85, shift 0.5-2, a step or a ramp) the best twenty all gave 0.631-0.634.
SIDES_TOP = 3
SIDES_AT = 0.8
SIDES_SHIFT = 1.5


def _mention_pattern(forms: Sequence[str]) -> re.Pattern | None:
    """The actor's forms as one pattern, longest first, whole words only."""
    forms = sorted({f for f in forms if f and len(f) > 1}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, forms)) + r")(?!\w)")


def _marked_ids(tokenizer, text: str, pattern: re.Pattern | None) -> list[int]:
    """Word pieces of a sentence with each of the actor's mentions between markers."""
    piece = lambda s: tokenizer.encode(s, add_special_tokens=False).ids  # noqa: E731
    if pattern is None:
        return piece(text)
    ids, pos = [], 0
    for m in pattern.finditer(text):
        ids += piece(text[pos:m.start()]) + [OPEN_ID, *piece(m.group(0)), CLOSE_ID]
        pos = m.end()
    return ids + piece(text[pos:])


def encode_actor(tokenizer, name: str, actor_type: str, aliases: Sequence[str],
                 evidence: Sequence[tuple[str, bool, float]], max_len: int) -> tuple[list[int], list[int]]:
    """(input ids, token type ids): ``[CLS] name type [SEP] (marker sentence)* [SEP]``.

    ``evidence`` holds (sentence, quoted, weight) in the article's order. A long sentence keeps
    64 pieces from a little before the actor's first mention; the whole is cut at ``max_len``."""
    head = tokenizer.encode(name, add_special_tokens=False).ids[:MAX_NAME_PIECES]
    head += tokenizer.encode(TYPE_WORD.get(actor_type, ""), add_special_tokens=False).ids
    ids = [CLS_ID, *head, SEP_ID]
    body: list[int] = []
    pattern = _mention_pattern([name, *aliases])
    for text, quoted, weight in evidence:
        marker = QUOTED_ID if quoted else NOT_COUNTED_ID if weight == 0 else COUNTED_ID
        pieces = _marked_ids(tokenizer, text, pattern)
        if len(pieces) > MAX_SENTENCE_PIECES:
            first = pieces.index(OPEN_ID) if OPEN_ID in pieces else 0
            start = max(0, min(first - 24, len(pieces) - MAX_SENTENCE_PIECES))
            pieces = pieces[start:start + MAX_SENTENCE_PIECES]
        body += [marker, *pieces]
    body = body[:max(0, max_len - len(ids) - 1)]
    return ids + body + [SEP_ID], [0] * len(ids) + [1] * (len(body) + 1)


def stacker_features(probs: np.ndarray, rule_score: float, actor_type: str) -> list[float]:
    """What the stacker weighs: the encoder's log-probabilities, the per-sentence mean, a place.

    (|mean| as well let a strongly negative mean push toward "positive": one weight per class on
    a sign-blind feature. The number of sentences added nothing on the sets it was tried on.)"""
    return [*np.log(np.asarray(probs, dtype=np.float64) + 1e-4), rule_score,
            float(actor_type in ("GPE", "LOC"))]


class ActorStanceModel:
    """ONNX session, tokenizer and stacker of the shipped actor-level stance model."""

    def __init__(self, directory: Path = ACTOR_ENCODER_DIR, max_len: int | None = None):
        """``max_len`` is needed only while the stacker is not written yet (in training)."""
        import onnxruntime as ort
        from tokenizers import Tokenizer
        options = ort.SessionOptions()
        # One thread: analyze_many parses the next articles on the other core meanwhile
        # (pipeline._parsed_ahead). On the 2-core machine, `evaluate.py speed` gave 0.65-0.74
        # with one thread and 0.54-0.60 with two, which fought the parse for its core.
        options.intra_op_num_threads = int(os.environ.get(THREADS_ENV, "") or 1)
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(directory / "model.onnx"), options,
                                            providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        path = directory / "stacker.json"
        stacker = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {
            "max_len": max_len, "coef": [], "intercept": [], "classes": []}
        self.max_len = int(stacker["max_len"])
        self.coef = np.asarray(stacker["coef"], dtype=np.float64)
        self.intercept = np.asarray(stacker["intercept"], dtype=np.float64)
        self.classes = [int(c) for c in stacker["classes"]]
        self.neutral_bias = float(stacker.get("neutral_bias", 0.0))
        self._lock = threading.Lock()

    def encoder_probabilities(self, name: str, actor_type: str, aliases: Sequence[str],
                              evidence: Sequence[tuple[str, bool, float]]) -> np.ndarray:
        """(negative, neutral, positive) probabilities of the encoder alone.

        One actor per run: the int8 model quantises activations per run, so batching would make
        an actor's answer depend on the other actors of the article."""
        ids, types = encode_actor(self.tokenizer, name, actor_type, aliases, evidence, self.max_len)
        feed = {"input_ids": np.asarray([ids], dtype=np.int64),
                "attention_mask": np.ones((1, len(ids)), dtype=np.int64),
                "token_type_ids": np.asarray([types], dtype=np.int64)}
        with self._lock:
            (logits,) = self.session.run(["logits"], feed)
        z = np.exp(logits[0] - logits[0].max())
        return z / z.sum()

    def probabilities(self, name: str, actor_type: str, aliases: Sequence[str],
                      evidence: Sequence[tuple[str, bool, float]], rule_score: float,
                      sides: float = 0.0) -> np.ndarray:
        """(negative, neutral, positive) probabilities of the article's stance toward the actor."""
        return self.stacked(self.encoder_probabilities(name, actor_type, aliases, evidence),
                            rule_score, actor_type, sides)

    def _logits(self, reading: np.ndarray, rule_score: float, actor_type: str,
                sides: float = 0.0) -> np.ndarray:
        z = self.coef @ np.asarray(stacker_features(reading, rule_score, actor_type))
        z = z + self.intercept
        z[self.classes.index(0)] += self.neutral_bias - (SIDES_SHIFT if sides >= SIDES_AT else 0.0)
        return z

    def stacked(self, reading: np.ndarray, rule_score: float, actor_type: str,
                sides: float = 0.0) -> np.ndarray:
        """The stacker's (negative, neutral, positive) from the encoder's reading and the mean,
        in an article whose narrator takes sides as strongly as ``sides`` (``article_sides``)."""
        z = self._logits(reading, rule_score, actor_type, sides)
        z = np.exp(z - z.max())
        p = z / z.sum()
        return np.asarray([p[self.classes.index(c)] for c in (-1, 0, 1)])

    def label_settled(self, reading: np.ndarray, actor_type: str, low: float, high: float,
                      sides: float = 0.0) -> bool:
        """Whether every per-sentence mean in [low, high] gives the same label.

        The logits are linear in the mean, so each class wins on one interval of it: the label
        is the same all over [low, high] when it is the same at both ends."""
        return int(np.argmax(self._logits(reading, low, actor_type, sides))) == int(
            np.argmax(self._logits(reading, high, actor_type, sides)))


def article_sides(readings: Sequence[np.ndarray]) -> float:
    """How strongly the narrator takes sides, in [0, 1]: the mean polar mass (1 - P(neutral)) of
    the SIDES_TOP most polar readings among ``readings``, those of the actors the narrator talks
    about (0 when there is none)."""
    if not len(readings):
        return 0.0
    polar = np.sort(1.0 - np.asarray(readings, dtype=np.float64)[:, 1])[::-1]
    return float(polar[:SIDES_TOP].mean())


def enabled() -> bool:
    """The shipped model is used unless it is missing or switched off."""
    if os.environ.get(SWITCH_ENV, "").strip().lower() in ("off", "0", "no", "false"):
        return False
    return (ACTOR_ENCODER_DIR / "model.onnx").exists()


_LOCK = threading.Lock()


def actor_model() -> ActorStanceModel:
    with _LOCK:
        return _load()


@lru_cache(maxsize=1)
def _load() -> ActorStanceModel:
    return ActorStanceModel()
