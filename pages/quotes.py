"""Quotes: who is quoted, saying what, and how sure presslens is of each speaker.

Low-confidence speakers are marked "check"; the analyst can set the right speaker (or none).
"""
import streamlit as st

from analysis.edits import EditError, SetSpeaker, apply_edit
from analysis.export import UNATTRIBUTED, quotes_table, speaker_counts
from ui.charts import build_speaker_chart
from ui.current import load_current, show_heading, show_no_article
from ui.export_buttons import render_export
from ui.state import update_current

PAGE = "quotes"
# Speakers found with less confidence than this are flagged for the analyst to check.
LOW_CONFIDENCE = 0.6
CHECK = "⚠ check speaker"

st.title("Quotes")
current = load_current()
if current is None:
    show_no_article()
else:
    a = current.analysis
    show_heading(current)
    if not a.quotes:
        st.info("No quotations were found in this article.")
    else:
        table = quotes_table(a)
        table.insert(1, "check", [CHECK if c < LOW_CONFIDENCE else "" for c in table["confidence"]])
        unattributed = table[table["speaker"] == UNATTRIBUTED]
        low = int((table["confidence"] < LOW_CONFIDENCE).sum())
        st.markdown(f"**{len(table)} quotes** from **{table['speaker'].nunique()} speakers**"
                    f" · {len(unattributed)} unattributed · {low} with an uncertain speaker "
                    f"(marked {CHECK}; correct them below).")

        speakers = sorted(table["speaker"].unique(), key=lambda s: (s == UNATTRIBUTED, s))
        chosen = st.multiselect("Show only quotes by", speakers, key=f"{PAGE}.speaker_filter",
                                placeholder="All speakers")
        shown = table[table["speaker"].isin(chosen)] if chosen else table
        st.dataframe(
            shown[["speaker", "check", "quote", "kind", "confidence", "speaker_text"]],
            hide_index=True, width="stretch", key=f"{PAGE}.table",
            column_config={
                "speaker": st.column_config.TextColumn("Speaker"),
                "check": st.column_config.TextColumn("Check", help="Speaker found with low "
                                                     "confidence: please confirm or correct."),
                "quote": st.column_config.TextColumn("Quote", width="large"),
                "kind": st.column_config.TextColumn("Kind", help="direct: a whole quoted "
                                                    "statement; partial: a few quoted words"),
                "confidence": st.column_config.ProgressColumn(
                    "Speaker confidence", min_value=0.0, max_value=1.0, format="%.2f"),
                "speaker_text": st.column_config.TextColumn("Named in the text as"),
            })

        st.subheader("Who gets quoted")
        st.altair_chart(build_speaker_chart(speaker_counts(a)), width="stretch")

        st.subheader("Unattributed quotes")
        if unattributed.empty:
            st.caption("Every quote has a speaker.")
        else:
            st.caption("The text around these quotes names no speaker.")
            for quote in unattributed["quote"]:
                st.text(f"“{quote}”")

        st.subheader("Correct a speaker")
        order = sorted(range(len(a.quotes)), key=lambda i: (a.quotes[i].confidence, i))
        actor_names = [x.name for x in a.actors]

        def quote_label(i: int) -> str:
            q = a.quotes[i]
            head = q.text if len(q.text) <= 80 else q.text[:77] + "…"
            flag = "⚠ " if q.confidence < LOW_CONFIDENCE else ""
            return f"{flag}“{head}” — {q.speaker or UNATTRIBUTED}"

        with st.form(f"{PAGE}.speaker_form", border=False):
            which = st.selectbox("Quote (uncertain ones first)", order, format_func=quote_label,
                                 key=f"{PAGE}.fix_quote")
            speaker = st.selectbox("Said by", [UNATTRIBUTED] + actor_names,
                                   key=f"{PAGE}.fix_speaker")
            other = st.text_input("…or type another name", key=f"{PAGE}.fix_other")
            if st.form_submit_button("Set speaker"):
                q = a.quotes[which]
                name = other.strip() or (None if speaker == UNATTRIBUTED else speaker)
                edit = SetSpeaker(start=q.start, end=q.end, speaker=name)
                try:
                    apply_edit(a, edit)
                except EditError as err:
                    st.error(str(err))
                else:
                    update_current(edits=current.entry.edits + (edit,))
                    st.rerun()

    render_export(a, current.entry.edits, page=PAGE)
