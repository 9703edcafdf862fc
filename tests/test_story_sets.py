"""Actors, stances and quotes on the story triads written for the project beyond the
development stories: tests/data/stories_extra (75 articles, developed against),
tests/data/stories_extra3 to stories_extra34 (12 articles each, measured untouched first, then
developed against), tests/data/stories_heldout (12 articles, blind until session 17, developed
against since) and tests/data/stories_heldout2 (12 blind articles). See their READMEs.

Scored by the shared evaluator's own functions, as `evaluate.py actors|quotes <folder>` scores
them. The floors are what the code scores now, less a small margin: a fall below one is a
regression. Issue 9's targets are the development figures; where these sets miss them the
README says so and the closing note gives the figures.
"""
from __future__ import annotations

import pytest
from shared_paths import ROOT

from bench.evaluator import EVALUATOR, load_evaluator

pytestmark = pytest.mark.skipif(not EVALUATOR.exists(), reason="shared evaluator not present")

SETS = {"stories_extra": ROOT / "tests" / "data" / "stories_extra",
        "stories_extra3": ROOT / "tests" / "data" / "stories_extra3",
        "stories_extra4": ROOT / "tests" / "data" / "stories_extra4",
        "stories_extra5": ROOT / "tests" / "data" / "stories_extra5",
        "stories_extra6": ROOT / "tests" / "data" / "stories_extra6",
        "stories_extra7": ROOT / "tests" / "data" / "stories_extra7",
        "stories_extra8": ROOT / "tests" / "data" / "stories_extra8",
        "stories_heldout": ROOT / "tests" / "data" / "stories_heldout",
        **{f"stories_extra{n}": ROOT / "tests" / "data" / f"stories_extra{n}"
           for n in range(9, 44)},
        "stories_heldout2": ROOT / "tests" / "data" / "stories_heldout2"}
# Since session 22 the actor-level stance model (analysis/actor_stance_encoder.py) is trained on
# stories_extra and stories_extra2-28 (and since session 32 stories_extra31-40) and its stacker
# fitted on stories_extra29-30: their stance floors guard against regressions, not
# generalisation. stories_extra41-43, stories_heldout and stories_heldout2 were not trained on.
FLOORS = {
    "stories_extra": {"actor_recall": 0.96, "actor_not_split": 0.97, "actor_not_conflated": 0.98,
                      "stance_macro_f1": 0.59, "quote_f1": 0.97, "speaker_accuracy": 0.91},
    "stories_extra3": {"actor_recall": 0.96, "actor_not_split": 0.96, "actor_not_conflated": 0.98,
                       "stance_macro_f1": 0.64, "quote_f1": 0.97, "speaker_accuracy": 0.96},
    "stories_extra4": {"actor_recall": 0.96, "actor_not_split": 0.94, "actor_not_conflated": 0.96,
                       "stance_macro_f1": 0.61, "quote_f1": 0.97, "speaker_accuracy": 0.96},
    "stories_extra5": {"actor_recall": 0.96, "actor_not_split": 0.97, "actor_not_conflated": 0.98,
                       "stance_macro_f1": 0.53, "quote_f1": 0.97, "speaker_accuracy": 0.96},
    "stories_extra6": {"actor_recall": 0.94, "actor_not_split": 0.96, "actor_not_conflated": 0.98,
                       "stance_macro_f1": 0.61, "quote_f1": 0.97, "speaker_accuracy": 0.92},
    "stories_extra7": {"actor_recall": 0.96, "actor_not_split": 0.95, "actor_not_conflated": 0.98,
                       "stance_macro_f1": 0.63, "quote_f1": 0.97, "speaker_accuracy": 0.92},
    "stories_extra8": {"actor_recall": 0.90, "actor_not_split": 0.95, "actor_not_conflated": 0.98,
                       "stance_macro_f1": 0.71, "quote_f1": 0.96, "speaker_accuracy": 0.91},
    "stories_heldout": {"actor_recall": 0.96, "actor_not_split": 0.95, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.63, "quote_f1": 0.97, "speaker_accuracy": 0.93},
    "stories_extra9": {"actor_recall": 0.94, "actor_not_split": 0.93, "actor_not_conflated": 0.97,
                       "stance_macro_f1": 0.64, "quote_f1": 0.97, "speaker_accuracy": 0.92},
    "stories_extra10": {"actor_recall": 0.93, "actor_not_split": 0.95, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.60, "quote_f1": 0.97, "speaker_accuracy": 0.90},
    "stories_extra11": {"actor_recall": 0.92, "actor_not_split": 0.93, "actor_not_conflated": 0.98,
                        "stance_macro_f1": 0.63, "quote_f1": 0.97, "speaker_accuracy": 0.90},
    "stories_extra12": {"actor_recall": 0.94, "actor_not_split": 0.88, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.57, "quote_f1": 0.97, "speaker_accuracy": 0.92},
    "stories_extra13": {"actor_recall": 0.95, "actor_not_split": 0.95, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.61, "quote_f1": 0.98, "speaker_accuracy": 0.92},
    "stories_extra14": {"actor_recall": 0.93, "actor_not_split": 0.95, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.59, "quote_f1": 0.97, "speaker_accuracy": 0.92},
    "stories_extra15": {"actor_recall": 0.96, "actor_not_split": 0.93, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.61, "quote_f1": 0.96, "speaker_accuracy": 0.95},
    "stories_extra16": {"actor_recall": 0.96, "actor_not_split": 0.95, "actor_not_conflated": 0.98,
                        "stance_macro_f1": 0.62, "quote_f1": 0.96, "speaker_accuracy": 0.94},
    "stories_extra17": {"actor_recall": 0.95, "actor_not_split": 0.94, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.58, "quote_f1": 0.97, "speaker_accuracy": 0.96},
    "stories_extra18": {"actor_recall": 0.96, "actor_not_split": 0.97, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.53, "quote_f1": 0.97, "speaker_accuracy": 0.92},
    "stories_extra19": {"actor_recall": 0.93, "actor_not_split": 0.91, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.54, "quote_f1": 0.97, "speaker_accuracy": 0.88},
    "stories_extra20": {"actor_recall": 0.91, "actor_not_split": 0.90, "actor_not_conflated": 0.95,
                        "stance_macro_f1": 0.62, "quote_f1": 0.96, "speaker_accuracy": 0.86},
    "stories_extra21": {"actor_recall": 0.95, "actor_not_split": 0.91, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.59, "quote_f1": 0.97, "speaker_accuracy": 0.87},
    "stories_extra22": {"actor_recall": 0.96, "actor_not_split": 0.92, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.60, "quote_f1": 0.95, "speaker_accuracy": 0.94},
    "stories_extra23": {"actor_recall": 0.95, "actor_not_split": 0.91, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.52, "quote_f1": 0.96, "speaker_accuracy": 0.90},
    "stories_extra24": {"actor_recall": 0.95, "actor_not_split": 0.94, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.59, "quote_f1": 0.96, "speaker_accuracy": 0.90},
    "stories_extra25": {"actor_recall": 0.92, "actor_not_split": 0.88, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.60, "quote_f1": 0.96, "speaker_accuracy": 0.95},
    "stories_extra26": {"actor_recall": 0.92, "actor_not_split": 0.94, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.60, "quote_f1": 0.95, "speaker_accuracy": 0.93},
    "stories_extra27": {"actor_recall": 0.96, "actor_not_split": 0.95, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.53, "quote_f1": 0.96, "speaker_accuracy": 0.96},
    "stories_extra28": {"actor_recall": 0.94, "actor_not_split": 0.92, "actor_not_conflated": 0.96,
                        "stance_macro_f1": 0.68, "quote_f1": 0.97, "speaker_accuracy": 0.94},
    "stories_extra29": {"actor_recall": 0.94, "actor_not_split": 0.94, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.51, "quote_f1": 0.96, "speaker_accuracy": 0.94},
    "stories_extra30": {"actor_recall": 0.95, "actor_not_split": 0.87, "actor_not_conflated": 0.94,
                        "stance_macro_f1": 0.62, "quote_f1": 0.97, "speaker_accuracy": 0.92},
    # written last in session 21 and not looked into yet: floors under its first look only
    "stories_extra31": {"actor_recall": 0.90, "actor_not_split": 0.95, "actor_not_conflated": 0.93,
                        "stance_macro_f1": 0.60, "quote_f1": 0.96, "speaker_accuracy": 0.81},
    # written in session 25 and looked into after their first look (each README has it)
    "stories_extra32": {"actor_recall": 0.96, "actor_not_split": 0.96, "actor_not_conflated": 0.98,
                        "stance_macro_f1": 0.59, "quote_f1": 0.98, "speaker_accuracy": 0.88},
    # stance 0.565 on the CPUs of sessions 27-28, 0.524 on an AVX2 CPU without VNNI (session
    # 29): the int8 actor model's products saturate there (onnxruntime's U8S8 kernels)
    "stories_extra33": {"actor_recall": 0.92, "actor_not_split": 0.92, "actor_not_conflated": 0.98,
                        "stance_macro_f1": 0.50, "quote_f1": 0.97, "speaker_accuracy": 0.93},
    # written in session 25 and kept blind then; looked into in session 26
    "stories_extra34": {"actor_recall": 0.95, "actor_not_split": 0.92, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.60, "quote_f1": 0.98, "speaker_accuracy": 0.94},
    # written in session 26, blind for its first look, then looked into
    "stories_extra35": {"actor_recall": 0.94, "actor_not_split": 0.90, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.58, "quote_f1": 0.96, "speaker_accuracy": 0.89},
    # written in session 26 and kept blind; looked into in session 27
    "stories_extra36": {"actor_recall": 0.95, "actor_not_split": 0.90, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.56, "quote_f1": 0.96, "speaker_accuracy": 0.91},
    # written in session 27 and kept blind (stance: with the session's article-level sides,
    # 0.504 -> 0.678 at its first look); looked into in session 28. Stance floors of the
    # triads never trained on were raised in session 27 under the figures of that change.
    "stories_extra37": {"actor_recall": 0.95, "actor_not_split": 0.91, "actor_not_conflated": 0.95,
                        "stance_macro_f1": 0.64, "quote_f1": 0.96, "speaker_accuracy": 0.92},
    # written in session 28 and kept blind; looked into in session 29 (recall 0.922 -> 0.995)
    "stories_extra38": {"actor_recall": 0.97, "actor_not_split": 0.95, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.56, "quote_f1": 0.96, "speaker_accuracy": 0.93},
    # written in session 29 and kept blind; looked into in session 30 (recall 0.969 -> 1.000,
    # speakers 0.949 -> 0.991)
    "stories_extra39": {"actor_recall": 0.97, "actor_not_split": 0.97, "actor_not_conflated": 0.95,
                        "stance_macro_f1": 0.50, "quote_f1": 0.97, "speaker_accuracy": 0.95},
    # written in session 30 and kept blind; looked into in session 31 (recall 0.941 -> 0.989,
    # not split 0.932 -> 1.000, speakers 0.902 -> 0.980)
    "stories_extra40": {"actor_recall": 0.96, "actor_not_split": 0.97, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.60, "quote_f1": 0.96, "speaker_accuracy": 0.95},
    # written in session 31 and kept blind; looked into in session 32 (recall 0.973 -> 0.984,
    # not split 0.923 -> 0.968, stance 0.570 -> 0.675 with the retrained actor model)
    "stories_extra41": {"actor_recall": 0.97, "actor_not_split": 0.95, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.62, "quote_f1": 0.96, "speaker_accuracy": 0.95},
    # written in session 32 and kept blind; looked into in session 33 (recall 0.955 -> 0.989,
    # not split 0.959 -> 0.977, not conflated 0.977 -> 0.994, speakers 0.916 -> 0.986)
    "stories_extra42": {"actor_recall": 0.97, "actor_not_split": 0.95, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.55, "quote_f1": 0.97, "speaker_accuracy": 0.95},
    # written in session 33 and kept blind: floors under its first look
    "stories_extra43": {"actor_recall": 0.95, "actor_not_split": 0.95, "actor_not_conflated": 0.97,
                        "stance_macro_f1": 0.62, "quote_f1": 0.97, "speaker_accuracy": 0.88},
    # the blind set: floors under its first look only (it is scored, never looked into)
    "stories_heldout2": {"actor_recall": 0.91, "actor_not_split": 0.91, "actor_not_conflated": 0.96,
                         "stance_macro_f1": 0.63, "quote_f1": 0.95, "speaker_accuracy": 0.91},
}
SIZES = {"stories_extra": 75, **{name: 12 for name in SETS if name != "stories_extra"}}


@pytest.fixture(scope="module")
def figures() -> dict[str, dict]:
    ev = load_evaluator()
    analyse = ev.analyze_bodies
    out = {}
    for name, folder in SETS.items():
        articles = ev.gold_articles([str(folder)])
        assert len(articles) == SIZES[name]
        analysed = analyse(articles)
        ev.analyze_bodies = lambda _articles, analysed=analysed: analysed   # analyse once
        out[name] = {**ev.eval_actors(articles), **ev.eval_quotes(articles)}
    return out


@pytest.mark.parametrize("name, metric", [(n, m) for n in FLOORS for m in sorted(FLOORS[n])])
def test_story_set_figure_does_not_regress(figures, name, metric):
    value = figures[name][metric]
    assert value >= FLOORS[name][metric], f"{name} {metric} {value:.3f} fell below {FLOORS[name][metric]}"
