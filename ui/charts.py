"""Chart builders: DataFrame in, ``alt.Chart`` out (tested through ``chart.to_dict()``).

Tables come from ``analysis.export`` so a chart always shows exactly what the CSV exports hold.
``show_chart`` draws a built chart through a cached Vega-Lite spec: building and validating an
Altair spec costs tens of milliseconds, paid once per distinct table instead of on every rerun.
"""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from analysis.sentiment import neutral_band

STANCE_COLOURS = {"negative": "#c0392b", "neutral": "#9e9e9e", "positive": "#2e7d32"}
NEUTRAL_BAND_COLOUR = "#ececec"


def neutral_band_layer(data: pd.DataFrame, y: alt.Y, x_scale: alt.Scale) -> alt.Chart:
    """A pale band behind each actor's row over the scores its label calls neutral (wider for
    places), so a mark inside it reads as neutral and one outside it as a clear lean.
    ``data`` needs the columns actor and type."""
    band = data[["actor", "type"]].drop_duplicates("actor").copy()
    band["to"] = band["type"].fillna("").map(neutral_band)
    band["from"] = -band["to"]
    return alt.Chart(band).mark_bar(color=NEUTRAL_BAND_COLOUR).encode(
        y=y, x=alt.X("from:Q", scale=x_scale), x2="to:Q",
        tooltip=[alt.Tooltip("actor:N"),
                 alt.Tooltip("to:Q", format=".2f", title="neutral within ±")])


def build_stance_chart(actors: pd.DataFrame) -> alt.Chart:
    """Diverging bars: the article's stance toward each actor, negative left, positive right.

    ``actors`` needs the columns actor, type, stance, label, mentions (``actors_table``).
    """
    data = actors[["actor", "type", "stance", "label", "mentions"]].copy()
    order = data.sort_values("stance", ascending=False, kind="stable")["actor"].tolist()
    y = alt.Y("actor:N", sort=order, title=None, axis=alt.Axis(labelLimit=260, labelOverlap=False))
    x_scale = alt.Scale(domain=[-1, 1])
    bars = alt.Chart(data).mark_bar().encode(
        x=alt.X("stance:Q", scale=x_scale, title="stance toward the actor (−1 hostile … "
                "+1 favourable; the pale band is neutral)"),
        y=y,
        color=alt.Color("label:N", title="label",
                        scale=alt.Scale(domain=list(STANCE_COLOURS),
                                        range=list(STANCE_COLOURS.values()))),
        tooltip=[alt.Tooltip("actor:N"), alt.Tooltip("type:N"),
                 alt.Tooltip("stance:Q", format="+.2f"), alt.Tooltip("label:N"),
                 alt.Tooltip("mentions:Q")],
    )
    # A tick at every actor's score, so a stance of exactly 0 is still visible.
    ticks = bars.mark_tick(thickness=2, size=14)
    zero = alt.Chart(pd.DataFrame({"stance": [0.0]})).mark_rule(color="#333").encode(x="stance:Q")
    # One fixed-height row per actor, so every name stays readable however many there are.
    return alt.layer(neutral_band_layer(data, y, x_scale), bars, ticks, zero).properties(
        height=alt.Step(22), title="Stance per actor")


SPEAKER_MEASURES = {"quotes": ("Quotes per speaker", "quotes", "#2b4a8b"),
                    "words": ("Quoted words per speaker", "quoted words", "#6c8ebf")}


def build_speaker_chart(counts: pd.DataFrame, measure: str = "quotes") -> alt.Chart:
    """Who gets quoted: bars of ``measure`` ("quotes" or "words") per speaker, most quoted on top.

    ``counts`` has the columns speaker, quotes, words (``speaker_counts``).
    """
    title, axis_title, colour = SPEAKER_MEASURES[measure]
    return alt.Chart(counts).mark_bar(color=colour).encode(
        x=alt.X(f"{measure}:Q", title=axis_title, axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("speaker:N", sort=counts["speaker"].tolist(), title=None,
                axis=alt.Axis(labelLimit=220, labelOverlap=False)),
        tooltip=[alt.Tooltip("speaker:N"), alt.Tooltip("quotes:Q"), alt.Tooltip("words:Q")],
    ).properties(height=alt.Step(24), title=title)


@st.cache_data(max_entries=256, show_spinner=False)
def _chart_spec(kind: str, table: pd.DataFrame, measure: str) -> dict:
    chart = build_stance_chart(table) if kind == "stance" else build_speaker_chart(table, measure)
    return chart.to_dict()


def show_chart(kind: str, table: pd.DataFrame, measure: str = "quotes", *, key: str) -> None:
    """Draw the ``kind`` chart ("stance" or "speakers") of ``table``; ``key`` is page-namespaced."""
    st.vega_lite_chart(spec=_chart_spec(kind, table, measure), width="stretch", key=key)
