"""The Compare page's chart builders, through ``chart.to_dict()`` (no browser needed)."""
from __future__ import annotations

import json

import pandas as pd

from analysis.compare import UNNAMED, build_coverage, build_quote_share, build_stance_table
from tests.test_pages_stories import STORY
from ui.story_charts import (GREYS, build_coverage_heatmap, build_quote_share_chart,
                             build_stance_dots, coverage_cell_text)


def _layers(chart) -> list[dict]:
    return chart.to_dict()["layer"]


def _data(chart) -> list[dict]:
    spec = chart.to_dict()
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def test_coverage_cells_say_their_status_in_words():
    assert coverage_cell_text("quoted", 4, 2) == "quoted ×2 · named ×4"
    assert coverage_cell_text("mentioned", 3, 0) == "mentioned ×3"
    assert coverage_cell_text("absent", 0, 0) == "— absent"
    chart = build_coverage_heatmap(build_coverage(STORY))
    rect, text = _layers(chart)
    assert rect["mark"]["type"] == "rect" and text["mark"]["type"] == "text"
    # The words are drawn in their own ink, not through the cells' colour scale.
    assert text["encoding"]["color"] == {"field": "ink", "type": "nominal", "scale": None}
    cells = {(r["actor"], r["outlet"]): r["cell"] for r in _data(chart)}
    assert cells[("Fishers Union", "Wire Service")] == "— absent"
    assert cells[("Mara Voss", "Harbour Gazette")].startswith("quoted ×1")


def test_coverage_columns_of_many_outlets_fit_the_page_with_shorter_cells():
    """Eight outlets at the full 190 px would run 1,500 px wide and cut off half the columns."""
    from ui.story_charts import COVERAGE_CELLS_PX, COVERAGE_STEP_PX, coverage_step
    assert coverage_step(3) == COVERAGE_STEP_PX
    assert coverage_step(8) * 8 <= COVERAGE_CELLS_PX
    rows = [{"actor": "Mara Voss", "type": "PERSON", "outlet": f"Outlet {k}",
             "status": ("quoted", "mentioned", "absent")[k % 3], "mentions": 5, "quotes": 2}
            for k in range(8)]
    chart = build_coverage_heatmap(pd.DataFrame(rows))
    assert chart.to_dict()["width"] == {"step": coverage_step(8)}
    assert {r["cell"] for r in _data(chart)} == {"quoted ×2", "named ×5", "—"}
    assert coverage_cell_text("quoted", 4, 2, compact=True) == "quoted ×2"


def test_stance_dots_keep_the_story_order_of_outlets_with_shapes_and_colours():
    stance = build_stance_table(STORY).drop(columns="evidence")
    outlets = ["Harbour Gazette", "Coast Courier", "Wire Service"]
    dots = _layers(build_stance_dots(stance, outlets))[-1]
    assert dots["encoding"]["shape"]["scale"]["domain"] == outlets
    assert dots["encoding"]["color"]["scale"]["domain"] == outlets
    shapes = dots["encoding"]["shape"]["scale"]["range"]
    assert len(set(shapes)) == 3
    assert dots["encoding"]["x"]["scale"]["domain"] == [-1, 1]
    band = _layers(build_stance_dots(stance, outlets))[0]
    assert band["mark"]["type"] == "bar" and band["encoding"]["x2"]["field"] == "to"
    assert band["encoding"]["x"]["scale"]["domain"] == [-1, 1]


def test_quote_share_bars_grey_out_unattributed_quotes_and_label_big_segments():
    share = build_quote_share(STORY)
    chart = build_quote_share_chart(share)
    colour = _layers(chart)[0]["encoding"]["color"]["scale"]
    assert colour["range"][colour["domain"].index(UNNAMED)] == GREYS[UNNAMED]
    rows = _data(chart)
    per_outlet = pd.DataFrame(rows).groupby("outlet")["quote_share"].sum()
    assert all(abs(v - 1) < 1e-6 for v in per_outlet)
    assert {r["label"] for r in rows if r["quote_share"] >= 0.12} - {""}
    json.dumps(chart.to_dict())
