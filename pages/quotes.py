"""Quotes: who is quoted, saying what, and how sure presslens is of each speaker.

Low-confidence speakers are marked "check"; the analyst can set the right speaker (or none).
"""
import streamlit as st

from analysis.edits import EditError, SetSpeaker, apply_edit
from analysis.export import UNATTRIBUTED, quotes_table, speaker_counts
from ui.charts import show_chart
from ui.current import LOW_CONFIDENCE, load_current, md_escape, show_heading, show_no_article
from ui.deep_links import run_through_app
from ui.export_buttons import render_export
from ui.safe_html import md_literal, md_literal_table
from ui.state import update_current

run_through_app()

PAGE = "quotes"
CHECK = "⚠ check"
DISPLAY_COLUMNS = {"speaker": "Speaker", "check": "Check?", "quote": "Quote", "kind": "Kind",
                   "confidence": "Speaker confidence", "speaker_text": "Named in the text as"}

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
        # A static table: long quotes wrap and can be read in full (a data grid cuts them off).
        display = shown[["speaker", "check", "quote", "kind", "confidence", "speaker_text"]].rename(
            columns=DISPLAY_COLUMNS)
        display["Speaker confidence"] = display["Speaker confidence"].map("{:.2f}".format)
        display["Named in the text as"] = display["Named in the text as"].fillna("—")
        display.index = range(1, len(display) + 1)
        st.table(md_literal_table(display))
        st.caption(f"{CHECK}: the speaker was found with low confidence (below "
                   f"{LOW_CONFIDENCE:.1f}); confirm or correct it below. Kind: “direct” is a whole "
                   "quoted statement, “partial” a few quoted words inside the writer's sentence.")

        st.subheader("Who gets quoted")
        counts = speaker_counts(a)
        st.markdown("Quoted: " + " · ".join(
            f"**{md_escape(row.speaker)}** ({row.quotes} quote{'s' * (row.quotes != 1)}, "
            f"{row.words} words)" for row in counts.itertuples()))
        left, right = st.columns(2)
        with left:
            show_chart("speakers", counts, "quotes", key=f"{PAGE}.quotes_chart")
        with right:
            show_chart("speakers", counts, "words", key=f"{PAGE}.words_chart")

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
                    st.error(md_literal(str(err)))
                else:
                    update_current(edits=current.entry.edits + (edit,))
                    st.rerun()

    render_export(a, current.entry.edits, page=PAGE)
