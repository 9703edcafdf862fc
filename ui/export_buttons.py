"""Download buttons for the current analysis: JSON (stamped) and CSV tables."""
from __future__ import annotations

import re

import streamlit as st

from analysis import export
from analysis.model import Analysis


def _stem(result: Analysis) -> str:
    base = re.sub(r"[^A-Za-z0-9]+", "-", (result.title or "article")).strip("-").lower()[:40]
    return f"presslens-{base or 'article'}-{result.id[:8]}"


def render_export(result: Analysis, edits, *, page: str) -> None:
    """Four download buttons; ``page`` namespaces the widget keys.

    The files are made only when a button is clicked (``data`` is a callable), so showing a page
    costs nothing for exports nobody asked for.
    """
    stem = _stem(result)
    st.caption("Export this analysis (with your corrections):")
    cols = st.columns(4)
    cols[0].download_button("Analysis (JSON)", lambda: export.to_json(result, edits=edits),
                            file_name=f"{stem}.json", mime="application/json",
                            key=f"{page}.export_json", on_click="ignore")
    cols[1].download_button("Actors (CSV)", lambda: export.to_csv(export.actors_table(result)),
                            file_name=f"{stem}-actors.csv", mime="text/csv",
                            key=f"{page}.export_actors", on_click="ignore")
    cols[2].download_button("Entities (CSV)", lambda: export.to_csv(export.entities_table(result)),
                            file_name=f"{stem}-entities.csv", mime="text/csv",
                            key=f"{page}.export_entities", on_click="ignore")
    cols[3].download_button("Quotes (CSV)", lambda: export.to_csv(export.quotes_table(result)),
                            file_name=f"{stem}-quotes.csv", mime="text/csv",
                            key=f"{page}.export_quotes", on_click="ignore")
