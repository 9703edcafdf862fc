"""Chart builders for the Compare page: a story's tables in, ``alt.Chart`` out.

The tables come from ``analysis.compare`` (long form), so each chart shows exactly what its CSV
export holds. Every cell or mark says what it means in words or shape as well as colour (a
reader who cannot tell the colours apart still reads the chart).
"""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from analysis.compare import UNNAMED
from ui.charts import neutral_band_layer

COVERAGE_STATUS = {"quoted": "#1f5fa8", "mentioned": "#9cc3e6", "absent": "#f2f2f2"}
COVERAGE_TEXT = {"quoted": "#ffffff", "mentioned": "#0b2540", "absent": "#6b6b6b"}
# Outlets: distinct hues (ColorBrewer Dark2) AND distinct shapes.
OUTLET_COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d",
                  "#666666"]
# Speakers: Tableau 10 without its grey; quotes credited to no one, and the rest, in greys.
SPEAKER_COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                   "#ff9da7", "#9c755f"]
GREYS = {UNNAMED: "#8c8c8c", "others": "#c7c7c7"}
# Eight shapes that read at marker size ("wedge" and "stroke" all but vanish in the legend).
OUTLET_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down",
                 "triangle-right", "triangle-left"]


# Width of one outlet's column in the coverage matrix: wide enough for "quoted ×2 · named ×5",
# narrower (with shorter cells) when there are many outlets, so that every column fits in the
# page's main column beside the actor names (about 900 px at the default layout).
COVERAGE_STEP_PX = 190
COVERAGE_CELLS_PX = 640
COVERAGE_MIN_STEP_PX = 80


def coverage_step(n_outlets: int) -> int:
    """Pixels per outlet column: all columns in COVERAGE_CELLS_PX, within [min, full]."""
    return max(COVERAGE_MIN_STEP_PX, min(COVERAGE_STEP_PX, COVERAGE_CELLS_PX // max(n_outlets, 1)))


def coverage_cell_text(status: str, mentions: int, quotes: int, *, compact: bool = False) -> str:
    """What a coverage cell says: 'quoted ×2 · named ×5', 'mentioned ×3', '— absent';
    ``compact`` (narrow columns): 'quoted ×2', 'named ×3', '—' (the tooltip has both counts)."""
    if status == "absent":
        return "—" if compact else "— absent"
    if status == "quoted":
        if compact:
            return f"quoted ×{quotes}"
        return f"quoted ×{quotes}" + (f" · named ×{mentions}" if mentions else "")
    if compact:
        return f"named ×{mentions}" if mentions else "named"
    return f"mentioned ×{mentions}" if mentions else "mentioned"


def build_coverage_heatmap(coverage: pd.DataFrame) -> alt.Chart:
    """Actor (rows) x outlet (columns): quoted / mentioned / absent, labelled in every cell.

    ``coverage`` is ``analysis.compare.build_coverage`` (actor, type, outlet, status, mentions,
    quotes), actors in the order to show.
    """
    data = coverage.copy()
    outlets = list(dict.fromkeys(data["outlet"]))
    step = coverage_step(len(outlets))
    compact = step < COVERAGE_STEP_PX
    data["cell"] = [coverage_cell_text(s, int(m), int(q), compact=compact) for s, m, q in
                    zip(data["status"], data["mentions"], data["quotes"])]
    data["ink"] = data["status"].map(COVERAGE_TEXT)
    actors = list(dict.fromkeys(data["actor"]))
    x = alt.X("outlet:N", sort=outlets, title=None,
              axis=alt.Axis(orient="top", labelAngle=0, labelLimit=step - 6, labelFontWeight="bold",
                            labelFontSize=12, labelOverlap=False, domain=False, ticks=False))
    y = alt.Y("actor:N", sort=actors, title=None,
              axis=alt.Axis(labelLimit=260, labelOverlap=False, labelFontSize=12))
    base = alt.Chart(data).encode(
        x=x, y=y,
        tooltip=[alt.Tooltip("actor:N"), alt.Tooltip("type:N"), alt.Tooltip("outlet:N"),
                 alt.Tooltip("status:N"), alt.Tooltip("mentions:Q", title="mentions"),
                 alt.Tooltip("quotes:Q", title="quotes")])
    cells = base.mark_rect(stroke="#ffffff", strokeWidth=2).encode(
        color=alt.Color("status:N", title="in this outlet's coverage",
                        scale=alt.Scale(domain=list(COVERAGE_STATUS),
                                        range=list(COVERAGE_STATUS.values())),
                        legend=alt.Legend(orient="top")))
    # The ink colour is given as is (scale=None): a colour scale here would be merged with the
    # cells' scale and paint the words in the colour of their own cell.
    text = base.mark_text(fontSize=12, limit=step - 6).encode(
        text="cell:N", color=alt.Color("ink:N", scale=None))
    return alt.layer(cells, text).properties(width=alt.Step(step), height=alt.Step(30))


def build_stance_dots(stance: pd.DataFrame, outlets: list[str] | None = None) -> alt.Chart:
    """Each outlet's stance toward each shared actor as a dot on −1 … +1 (one row per actor).

    Outlets differ by shape and colour; a rule joins an actor's dots so the disagreement reads
    as a length. ``stance`` is ``analysis.compare.build_stance_table``; ``outlets`` fixes the
    legend order (the story's order), so an outlet keeps its colour and shape.
    """
    data = stance[["actor", "type", "outlet", "score", "label", "mentions", "spread"]].copy()
    actors = list(dict.fromkeys(data["actor"]))
    outlets = list(dict.fromkeys([*(outlets or ()), *data["outlet"]]))
    repeat = len(outlets) // len(OUTLET_SHAPES) + 1
    y = alt.Y("actor:N", sort=actors, title=None,
              axis=alt.Axis(labelLimit=260, labelOverlap=False, labelFontSize=12))
    x_scale = alt.Scale(domain=[-1, 1])
    spread = alt.Chart(data).mark_rule(color="#bbbbbb", strokeWidth=2).encode(
        y=y, x=alt.X("min(score):Q", scale=x_scale), x2="max(score):Q")
    dots = alt.Chart(data).mark_point(size=150, filled=True, opacity=0.9).encode(
        y=y,
        x=alt.X("score:Q", scale=x_scale,
                title="stance toward the actor (−1 hostile … +1 favourable; the pale band "
                      "is neutral)"),
        color=alt.Color("outlet:N", title="outlet", legend=alt.Legend(orient="top"),
                        scale=alt.Scale(domain=outlets,
                                        range=(OUTLET_COLOURS * repeat)[:len(outlets)])),
        shape=alt.Shape("outlet:N", title="outlet",
                        scale=alt.Scale(domain=outlets,
                                        range=(OUTLET_SHAPES * repeat)[:len(outlets)])),
        tooltip=[alt.Tooltip("actor:N"), alt.Tooltip("outlet:N"),
                 alt.Tooltip("score:Q", format="+.2f", title="stance"),
                 alt.Tooltip("label:N"), alt.Tooltip("mentions:Q"),
                 alt.Tooltip("spread:Q", format=".2f", title="spread across outlets")])
    zero = alt.Chart(pd.DataFrame({"score": [0.0]})).mark_rule(
        color="#333333", strokeDash=[4, 3]).encode(x="score:Q")
    return alt.layer(neutral_band_layer(data, y, x_scale), spread, zero, dots).properties(
        height=alt.Step(28))


def build_quote_share_chart(share: pd.DataFrame, *, measure: str = "quote_share",
                            top: int = 6) -> alt.Chart:
    """Who each outlet quotes: one bar per outlet split by speaker (share of its quotes or words).

    The ``top`` speakers of the story keep their names; the rest are pooled as "others". Each
    segment of 12 % or more carries the speaker's name, so colour is not the only cue.
    """
    data = share[["outlet", "speaker", "quotes", "words", measure]].copy()
    ranked = data.groupby("speaker")[measure].sum().sort_values(ascending=False)
    keep = set(ranked.index[:top])
    data["speaker"] = data["speaker"].where(data["speaker"].isin(keep), "others")
    data = data.groupby(["outlet", "speaker"], sort=False, as_index=False).sum(numeric_only=True)
    order = [s for s in ranked.index if s in keep] + (["others"] if "others" in set(
        data["speaker"]) else [])
    data["rank"] = data["speaker"].map({s: k for k, s in enumerate(order)})
    data["label"] = [s if v >= 0.12 else "" for s, v in zip(data["speaker"], data[measure])]
    data = data.sort_values(["outlet", "rank"], kind="stable")
    data["middle"] = data.groupby("outlet", sort=False)[measure].cumsum() - data[measure] / 2
    outlets = list(dict.fromkeys(share["outlet"]))
    title = "share of the outlet's quotes" if measure == "quote_share" else \
        "share of the outlet's quoted words"
    base = alt.Chart(data).encode(
        y=alt.Y("outlet:N", sort=outlets, title=None,
                axis=alt.Axis(labelLimit=220, labelFontSize=12)),
        x=alt.X(f"{measure}:Q", stack="zero", title=title, axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1])),
        order=alt.Order("rank:Q"),
        tooltip=[alt.Tooltip("outlet:N"), alt.Tooltip("speaker:N"), alt.Tooltip("quotes:Q"),
                 alt.Tooltip("words:Q", title="quoted words"),
                 alt.Tooltip(f"{measure}:Q", format=".0%", title="share")])
    named = iter(SPEAKER_COLOURS * (len(order) // len(SPEAKER_COLOURS) + 1))
    colours = [GREYS.get(s) or next(named) for s in order]
    bars = base.mark_bar(stroke="#ffffff", strokeWidth=1).encode(
        color=alt.Color("speaker:N", title="speaker", legend=alt.Legend(orient="top"),
                        scale=alt.Scale(domain=order, range=colours)))
    labels = base.mark_text(color="#ffffff", fontWeight="bold", limit=150).encode(
        x=alt.X("middle:Q", stack=None), text="label:N")
    return alt.layer(bars, labels).properties(height=alt.Step(44))


@st.cache_data(max_entries=64, show_spinner=False)
def _spec(kind: str, table: pd.DataFrame, measure: str, outlets: tuple[str, ...]) -> dict:
    if kind == "coverage":
        return build_coverage_heatmap(table).to_dict()
    if kind == "stance":
        return build_stance_dots(table, list(outlets)).to_dict()
    return build_quote_share_chart(table, measure=measure).to_dict()


def show_story_chart(kind: str, table: pd.DataFrame, *, key: str, measure: str = "quote_share",
                     outlets: tuple[str, ...] = ()) -> None:
    """Draw a story chart ("coverage", "stance", "quotes") from a cached Vega-Lite spec."""
    st.vega_lite_chart(spec=_spec(kind, table, measure, outlets),
                       width="content" if kind == "coverage" else "stretch", key=key)
