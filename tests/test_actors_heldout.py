"""Issue 9: actors and the article's stance toward them hold on annotated news the stance code
was not tuned on.

The set is tests/data/actors_heldout/ (19 articles, hand-annotated, see its README); it is scored
by the shared evaluator's own `eval_actors` through bench/actors_heldout.py, exactly as
`evaluate.py actors` scores the development stories.
"""
from __future__ import annotations

import importlib.util

import pytest
from shared_paths import ROOT

spec = importlib.util.spec_from_file_location("actors_heldout", ROOT / "bench" / "actors_heldout.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

pytestmark = pytest.mark.skipif(not bench.EVALUATOR.exists(), reason="shared evaluator not present")

# Acceptance bounds the held-out set does not meet yet, as strict xfails: stance macro-F1 is
# 0.459 (0.506 before session 22's actor-level model; target 0.75 within 0.03; see the README).
NOT_MET = {"stance_macro_f1": "held-out stance macro-F1 0.461, far under 0.75 - 0.03"}
# What the set scores now, less a small margin: a fall below these is a regression.
FLOORS = {"actor_recall": 0.97, "actor_not_split": 0.95, "actor_not_conflated": 0.98,
          "stance_macro_f1": 0.45, "stance_accuracy": 0.60}


@pytest.fixture(scope="module")
def figures() -> dict:
    return bench.score()


def test_the_held_out_set_is_what_the_readme_says(figures):
    assert len(sorted(bench.HELDOUT.glob("*.gold.json"))) == 19
    assert figures["stance_n"] == 184


@pytest.mark.parametrize("metric", [
    pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=NOT_MET[m])) if m in NOT_MET else m
    for m in sorted(bench.TARGETS)])
def test_held_out_figure_within_003_of_its_target(figures, metric):
    value, target = figures[metric], bench.TARGETS[metric]
    assert value >= target - 0.03, f"{metric} {value:.3f} < {target} - 0.03"


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_held_out_figure_does_not_regress(figures, metric):
    assert figures[metric] >= FLOORS[metric], f"{metric} {figures[metric]:.3f} fell below {FLOORS[metric]}"
