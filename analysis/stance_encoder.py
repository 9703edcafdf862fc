"""The fine-tuned MiniLM stance encoder, run with onnxruntime (no torch at run time).

Input shape, shared with the training script (analysis/training/train_stance_encoder.py):
``[CLS] left [unused0] target [unused1] right [SEP] target [SEP]`` with word pieces from the
model's own tokenizer; the classifier reads the [CLS] state and the state of the opening
marker, so the same sentence gives different answers for different targets. Long sentences
are cropped around the target. This module imports only numpy, tokenizers and onnxruntime.

The shipped model (analysis/models/stance_encoder/: model.onnx, tokenizer.json, provenance.json)
is int8 (dynamic quantisation) with onnxruntime's fused attention and layer-norm kernels.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

ENCODER_DIR = Path(__file__).resolve().parent / "models" / "stance_encoder"
MAX_LEN = 96
MAX_TARGET_PIECES = 12
CLS_ID, SEP_ID, PAD_ID = 101, 102, 0
OPEN_ID, CLOSE_ID = 1, 2          # [unused0], [unused1] in the BERT uncased vocabulary
# One pair per run: the int8 model quantises its activations with one scale per run, so in a
# batch a pair's probabilities moved with the other (padded) pairs beside it (by up to 0.3; the
# development stories' article stance moved 0.725 / 0.763 / 0.776 for batches of 1 / 8 / 32).
# Alone, a sentence gets the same answer as ``sentiment_toward`` gives it, whatever else the
# article says; at ~4 ms a pair the per-run overhead is small.
BATCH = 1
# onnxruntime threads per run inside an article's analysis. One by default: a batch parses the
# next articles on the other core meanwhile (pipeline._parsed_ahead), and two spinning threads
# took that core (`evaluate.py speed` 0.72 with one, 0.58 with two, 0.68 with two not spinning).
THREADS_ENV = "PRESSLENS_STANCE_THREADS"
# ... and for ``sentiment_toward``, one sentence a call with nothing else to do: all cores up to
# two (on the AVX2 machine of session 30, `evaluate.py targets` 117 targets/s on one, 171 on two).
TARGET_THREADS_ENV = "PRESSLENS_TARGET_THREADS"


def encode_pair(tokenizer, sentence: str, start: int, end: int,
                max_len: int = MAX_LEN) -> tuple[list[int], list[int], int]:
    """(input ids, token type ids, index of the opening marker) for one target."""
    left, target, right = sentence[:start], sentence[start:end], sentence[end:]
    # three plain encodes: encode_batch hands three short strings to a thread pool, which cost
    # more than the encoding itself (2 ms a call on a busy machine)
    left_ids, target_ids, right_ids = (tokenizer.encode(part, add_special_tokens=False).ids
                                       for part in (left, target, right))
    target_ids = target_ids[:MAX_TARGET_PIECES] or [100]   # [UNK] for an empty target
    budget = max_len - 5 - 2 * len(target_ids)           # CLS, 2 markers, 2 SEP
    keep_left = min(len(left_ids), max(budget // 2, budget - len(right_ids)))
    keep_right = min(len(right_ids), budget - keep_left)
    left_ids = left_ids[len(left_ids) - keep_left:] if keep_left > 0 else []
    right_ids = right_ids[:keep_right] if keep_right > 0 else []
    first = [CLS_ID, *left_ids, OPEN_ID, *target_ids, CLOSE_ID, *right_ids, SEP_ID]
    ids = first + [*target_ids, SEP_ID]
    types = [0] * len(first) + [1] * (len(target_ids) + 1)
    return ids, types, 1 + len(left_ids)


def pad_batch(rows: list[tuple[list[int], list[int], int]]) -> dict[str, np.ndarray]:
    """Pad encoded rows to the longest one: the arrays the ONNX graph takes."""
    width = max(len(ids) for ids, _, _ in rows)
    ids = np.full((len(rows), width), PAD_ID, dtype=np.int64)
    types = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, (row_ids, row_types, _) in enumerate(rows):
        ids[i, :len(row_ids)] = row_ids
        types[i, :len(row_types)] = row_types
        mask[i, :len(row_ids)] = 1
    marker = np.array([m for _, _, m in rows], dtype=np.int64)
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types,
            "marker_index": marker}


class EncoderStanceModel:
    """ONNX session + tokenizer; ``probabilities`` batches (sentence, start, end) triples."""

    def __init__(self, directory: Path = ENCODER_DIR, threads: int | None = None):
        import onnxruntime as ort
        if threads is None:
            threads = int(os.environ.get(THREADS_ENV, "1") or 1)
        from tokenizers import Tokenizer
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(directory / "model.onnx"), options,
                                            providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self._lock = threading.Lock()

    def probabilities(self, triples: list[tuple[str, int, int]]) -> np.ndarray:
        """(n, 3) probabilities (negative, neutral, positive), one row per triple."""
        if not triples:
            return np.zeros((0, 3), dtype=np.float32)
        rows = [encode_pair(self.tokenizer, s, a, b) for s, a, b in triples]
        order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]))
        out = np.zeros((len(rows), 3), dtype=np.float32)
        for k in range(0, len(order), BATCH):
            chunk = order[k:k + BATCH]
            with self._lock:
                (logits,) = self.session.run(["logits"], pad_batch([rows[i] for i in chunk]))
            z = logits - logits.max(axis=1, keepdims=True)
            e = np.exp(z)
            out[chunk] = e / e.sum(axis=1, keepdims=True)
        return out
