"""Chart builders checked through their Vega-Lite spec."""
from __future__ import annotations

from analysis.export import actors_table, speaker_counts
from tests.test_edits import make_analysis
from ui.charts import STANCE_COLOURS, build_speaker_chart, build_stance_chart


def test_stance_chart_is_a_diverging_bar_per_actor_sorted_by_stance():
    spec = build_stance_chart(actors_table(make_analysis())).to_dict()
    bars = spec["layer"][0]
    assert bars["mark"]["type"] == "bar"
    enc = bars["encoding"]
    assert enc["x"]["field"] == "stance" and enc["x"]["type"] == "quantitative"
    assert enc["x"]["scale"]["domain"] == [-1, 1]
    assert enc["y"]["field"] == "actor"
    assert enc["y"]["sort"] == ["Jane Roe", "Council of Leeds", "Leeds council"]
    assert enc["color"]["scale"]["domain"] == list(STANCE_COLOURS)
    assert spec["layer"][1]["mark"]["type"] == "tick"  # visible even at exactly 0
    assert spec["layer"][2]["mark"]["type"] == "rule"  # the zero line


def test_speaker_charts_show_quotes_and_words_per_speaker():
    counts = speaker_counts(make_analysis())
    for measure in ("quotes", "words"):
        spec = build_speaker_chart(counts, measure).to_dict()
        assert spec["mark"]["type"] == "bar"
        assert spec["encoding"]["x"]["field"] == measure
        assert spec["encoding"]["y"]["field"] == "speaker"
        assert spec["encoding"]["y"]["sort"] == list(counts["speaker"])
