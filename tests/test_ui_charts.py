"""Chart builders checked through their Vega-Lite spec."""
from __future__ import annotations

from analysis.export import actors_table, speaker_counts
from analysis.sentiment import ACTOR_THRESHOLD, stance_label
from tests.test_edits import make_analysis
from ui.charts import STANCE_COLOURS, build_speaker_chart, build_stance_chart


def test_stance_chart_is_a_diverging_bar_per_actor_sorted_by_stance():
    spec = build_stance_chart(actors_table(make_analysis())).to_dict()
    band, bars = spec["layer"][0], spec["layer"][1]
    assert bars["mark"]["type"] == "bar"
    enc = bars["encoding"]
    assert enc["x"]["field"] == "stance" and enc["x"]["type"] == "quantitative"
    assert enc["x"]["scale"]["domain"] == [-1, 1]
    assert enc["y"]["field"] == "actor"
    assert enc["y"]["sort"] == ["Jane Roe", "Council of Leeds", "Leeds council"]
    assert enc["color"]["scale"]["domain"] == list(STANCE_COLOURS)
    assert spec["layer"][2]["mark"]["type"] == "tick"  # visible even at exactly 0
    assert spec["layer"][3]["mark"]["type"] == "rule"  # the zero line
    # behind each row, the scores its label calls neutral: the label's own band
    assert band["encoding"]["x"]["field"] == "from" and band["encoding"]["x2"]["field"] == "to"
    rows = spec["datasets"][band["data"]["name"]]
    assert all(r["from"] == -r["to"] for r in rows)
    widths = {r["type"]: r["to"] for r in rows}
    assert widths["PERSON"] == ACTOR_THRESHOLD and widths["ORG"] == ACTOR_THRESHOLD
    assert all(stance_label(r["to"], r["type"]) == "neutral" for r in rows)
    assert all(stance_label(r["to"] + 1e-6, r["type"]) == "positive" for r in rows)


def test_speaker_charts_show_quotes_and_words_per_speaker():
    counts = speaker_counts(make_analysis())
    for measure in ("quotes", "words"):
        spec = build_speaker_chart(counts, measure).to_dict()
        assert spec["mark"]["type"] == "bar"
        assert spec["encoding"]["x"]["field"] == measure
        assert spec["encoding"]["y"]["field"] == "speaker"
        assert spec["encoding"]["y"]["sort"] == list(counts["speaker"])
