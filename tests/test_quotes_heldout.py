"""Issue 5, acceptance 2: the quote figures hold on annotated news the code was not tuned on.

The set is tests/data/quotes_heldout/ (76 articles, hand-annotated, see its README); it is scored
by the shared evaluator's own `eval_quotes` through bench/quotes_heldout.py, so a regression on
real news fails here and not only on the development stories.
"""
from __future__ import annotations

import importlib.util

import pytest
from shared_paths import ROOT

spec = importlib.util.spec_from_file_location("quotes_heldout", ROOT / "bench" / "quotes_heldout.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

pytestmark = pytest.mark.skipif(not bench.EVALUATOR.exists(), reason="shared evaluator not present")

# Bounds the whole set does not meet yet, as strict xfails (none now: speaker accuracy rose from
# 0.880 to 0.924 with batch4 added, 0.977 after session 8's document and description fixes; the
# misses left are listed in the README).
NOT_MET: dict[str, str] = {}
# What the whole set scores now, less a small margin: a fall below these is a regression.
# (With batch5 and batch6, session 9: 620 gold quotes, quote_f1 0.975, speaker 0.953, scare
# quotes listed 0.117 of 60, where batches 1-4 gave 0.984 / 0.977 / 0.077; with batch7, session
# 10: 689 gold quotes, 0.978 / 0.953 / 0.108 of 74.)
FLOORS = {"quote_f1": 0.965, "speaker_accuracy": 0.945, "unnamed_speaker_left_null": 0.85,
          "scare_quotes_listed_as_speech": 0.14}


@pytest.fixture(scope="module")
def figures() -> dict:
    return bench.score()


def test_the_held_out_set_is_what_the_readme_says():
    assert [len(bench.PARTS[p]()) for p in bench.PARTS] == [14, 6, 4, 6, 15, 18, 13]


@pytest.mark.parametrize("metric", [
    pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=NOT_MET[m])) if m in NOT_MET else m
    for m in sorted(bench.TARGETS)])
def test_held_out_figure_within_003_of_its_target(figures, metric):
    op, target = bench.TARGETS[metric]
    value = figures[metric]
    if op == ">=":
        assert value >= target - 0.03, f"{metric} {value:.3f} < {target} - 0.03"
    else:
        assert value <= target + 0.03, f"{metric} {value:.3f} > {target} + 0.03"


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_held_out_figure_does_not_regress(figures, metric):
    value = figures[metric]
    if metric == "scare_quotes_listed_as_speech":
        assert value <= FLOORS[metric], f"{metric} {value:.3f} rose above {FLOORS[metric]}"
    else:
        assert value >= FLOORS[metric], f"{metric} {value:.3f} fell below {FLOORS[metric]}"
