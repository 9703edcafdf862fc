"""Chart builders: DataFrame in, ``alt.Chart`` out (tested through ``chart.to_dict()``).

Tables come from ``analysis.export`` so a chart always shows exactly what the CSV exports hold.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

STANCE_COLOURS = {"negative": "#c0392b", "neutral": "#9e9e9e", "positive": "#2e7d32"}


def build_stance_chart(actors: pd.DataFrame) -> alt.Chart:
    """Diverging bars: the article's stance toward each actor, negative left, positive right.

    ``actors`` needs the columns actor, type, stance, label, mentions (``actors_table``).
    """
    data = actors[["actor", "type", "stance", "label", "mentions"]].copy()
    order = data.sort_values("stance", ascending=False, kind="stable")["actor"].tolist()
    bars = alt.Chart(data).mark_bar().encode(
        x=alt.X("stance:Q", title="stance toward the actor (−1 hostile … +1 favourable)",
                scale=alt.Scale(domain=[-1, 1])),
        y=alt.Y("actor:N", sort=order, title=None),
        color=alt.Color("label:N", title="label",
                        scale=alt.Scale(domain=list(STANCE_COLOURS),
                                        range=list(STANCE_COLOURS.values()))),
        tooltip=[alt.Tooltip("actor:N"), alt.Tooltip("type:N"),
                 alt.Tooltip("stance:Q", format="+.2f"), alt.Tooltip("label:N"),
                 alt.Tooltip("mentions:Q")],
    )
    zero = alt.Chart(pd.DataFrame({"stance": [0.0]})).mark_rule(color="#333").encode(x="stance:Q")
    height = max(120, 22 * len(data))
    return alt.layer(bars, zero).properties(height=height, title="Stance per actor")


def build_speaker_chart(counts: pd.DataFrame) -> alt.HConcatChart:
    """Who gets quoted: number of quotes and number of quoted words per speaker, side by side.

    ``counts`` has the columns speaker, quotes, words (``speaker_counts``).
    """
    order = counts["speaker"].tolist()
    base = alt.Chart(counts).encode(
        y=alt.Y("speaker:N", sort=order, title=None),
        tooltip=[alt.Tooltip("speaker:N"), alt.Tooltip("quotes:Q"), alt.Tooltip("words:Q")],
    )
    height = max(100, 24 * len(counts))
    quotes = base.mark_bar(color="#2b4a8b").encode(
        x=alt.X("quotes:Q", title="quotes", axis=alt.Axis(tickMinStep=1))
    ).properties(height=height, title="Quotes per speaker")
    words = base.mark_bar(color="#6c8ebf").encode(
        x=alt.X("words:Q", title="quoted words")
    ).properties(height=height, title="Quoted words per speaker")
    return alt.hconcat(quotes, words)
