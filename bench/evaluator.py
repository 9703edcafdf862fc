"""The shared evaluator (``../shared/eval/evaluate.py``) as a module, for the held-out benches:
they score their sets with its own functions, so their figures mean what ``evaluate.py`` means."""
from __future__ import annotations

import importlib.util
from pathlib import Path

EVALUATOR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "evaluate.py"


def load_evaluator():
    spec = importlib.util.spec_from_file_location("presslens_evaluate", EVALUATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
