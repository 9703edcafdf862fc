"""Actors: who the article names, how often, whether they are quoted, and its stance toward them.

The analyst can merge two actors, rename one or split an alias off into its own actor; the
corrections are kept with the article (and exported) and every page shows the corrected analysis.
"""
import streamlit as st

from analysis.edits import EditError, MergeActors, RenameActor, SplitAlias, apply_edit
from analysis.entities import ACTOR_KINDS, DEFAULT_ACTOR_KINDS, actor_kind
from analysis.export import actors_table
from analysis.actor_stance_encoder import SIDES_AT
from analysis.sentiment import ACTOR_THRESHOLD, PLACE_THRESHOLD, evidence_weight, mean_stance
from ui.charts import show_chart
from ui.current import load_current, show_heading, show_no_article
from ui.deep_links import run_through_app
from ui.export_buttons import render_export
from ui.safe_html import Mark, md_literal, render_marked_text, show_html
from ui.state import update_current

run_through_app()

PAGE = "actors"

# why an evidence sentence counts less than a full sentence in the stance (Evidence.reason)
EVIDENCE_REASONS = {
    "quoted": "reports an opinion (a quotation): does not count",
    "setting": "names only the place where it happens: does not count",
    "affiliation": "names only whom a person works for: does not count",
    "result": "reports a score or a player's numbers, a fact: does not count",
    "speaker": "reports what they said (or names whom the speaker works for): does not count",
    "list": "names them in a list of three or more: does not count",
    "pronoun": "names them by a pronoun: counts half",
}

st.title("Actors")
current = load_current()
if current is None:
    show_no_article()
else:
    a = current.analysis
    show_heading(current)
    if not a.actors:
        st.info("No people, organisations or places were found in this article.")
    else:
        present = [k for k in ACTOR_KINDS if any(actor_kind(x.type) == k for x in a.actors)]
        shown_kinds = st.pills(
            "Show", present, selection_mode="multi", key=f"{PAGE}.kinds",
            default=[k for k in present if k in DEFAULT_ACTOR_KINDS] or present,
            help="Other names: laws, events, works and products the article names.")
        shown = [x for x in a.actors if actor_kind(x.type) in shown_kinds]
        hidden = len(a.actors) - len(shown)
        if hidden:
            st.caption(f"{hidden} more name{'s' * (hidden != 1)} of the kinds not chosen "
                       f"above {'are' if hidden != 1 else 'is'} hidden.")
        table = actors_table(a)
        table = table[table["actor"].isin({x.name for x in shown})]
        st.markdown("Stance is the article's own attitude toward the actor, from −1 (hostile) to "
                    f"+1 (favourable): positive above +{ACTOR_THRESHOLD:.2f}, negative below "
                    f"−{ACTOR_THRESHOLD:.2f} (±{PLACE_THRESHOLD:.2f} for places). It is "
                    "read by a model from all the sentences that name them at once "
                    "and weighed against each sentence's own polarity (shown below). Some "
                    "sentences are listed as evidence but do not count: those that report an "
                    "opinion (the actor named inside a quotation, or quoted in it, or who "
                    "\"said\" what the sentence reports: a source's praise is not the "
                    "article's), and those that name the "
                    "actor only as the place where something happens (\"a riot in Carlow\") or "
                    "as whom a person works for (\"Twitter CEO Jack Dorsey\").")
        sides = a.sentiment.sides
        if sides > 0:
            st.caption(f"How strongly the narrator takes sides: {sides:.2f} of 1, from the "
                       "actors it is most favourable or hostile to. " + (
                           "It takes sides, so here a favourable or hostile label needs less "
                           "evidence than in a report." if sides >= SIDES_AT else
                           f"Under {SIDES_AT:.2f}: it reads as a report, and a favourable or "
                           "hostile label needs clear evidence."))
        st.dataframe(
            table, hide_index=True, width="stretch", key=f"{PAGE}.table",
            column_config={
                "actor": st.column_config.TextColumn("Actor"),
                "type": st.column_config.TextColumn("Type", help="PERSON, ORG (organisation), "
                                                    "GPE (country/city/state), NORP (group)…"),
                "aliases": st.column_config.TextColumn("Also called"),
                "mentions": st.column_config.NumberColumn("Mentions"),
                "quoted": st.column_config.CheckboxColumn("Quoted?"),
                "quotes": st.column_config.NumberColumn("Quotes"),
                "stance": st.column_config.NumberColumn("Stance", format="%+.2f"),
                "label": st.column_config.TextColumn("Stance label"),
                "stance_sentences": st.column_config.NumberColumn(
                    "Sentences counted",
                    help="How many sentences naming the actor count toward the stance; a "
                         "stance read from one sentence is weak ground."),
            })
        if shown:
            show_chart("stance", table, key=f"{PAGE}.stance_chart")
        else:
            st.info("Choose at least one kind of actor above.")

        st.subheader("Evidence for one actor")
        names = [actor.name for actor in a.actors]
        chosen = st.selectbox("Actor", [x.name for x in shown] or names, key=f"{PAGE}.chosen")
        actor = next(x for x in a.actors if x.name == chosen)
        counting = sum(1 for ev in actor.evidence if evidence_weight(ev) > 0)
        n = len(actor.evidence)
        summary = f"Stance {actor.sentiment:+.2f} ({actor.label}) from {n} sentence{'s' * (n != 1)}"
        if counting < n:
            summary += (f", {counting or 'none'} of which count{'s' * (counting == 1)} "
                        "(why: below each sentence)")
        summary += "."
        if counting:
            summary += (" Read one at a time, the sentences that count average "
                        f"{mean_stance(actor.evidence):+.2f}; the stance reads them together, "
                        "so it can differ.")
        elif actor.label != "neutral":
            summary += (" The article names them only in quotations or as a speaker: the "
                        "stance reads whom it quotes against whom.")
        st.caption(summary)
        own = [m for m in a.entities if m.actor == actor.name]
        for ev in actor.evidence:
            sentence = a.text[ev.start:ev.end]
            marks = [Mark(m.start - ev.start, m.end - ev.start, "actor")
                     for m in own if ev.start <= m.start and m.end <= ev.end]
            why = EVIDENCE_REASONS.get(ev.reason or ("quoted" if ev.quoted else ""), "")
            note = f"{ev.polarity:+.2f}" + (f" · {why}" if why else "")
            show_html(render_marked_text(sentence, marks, css_class="pl-evidence"))
            st.caption(f"Polarity toward {md_literal(actor.name)}: {note}")

        st.subheader("Correct the actors")
        entry = current.entry

        def add_edit(edit) -> None:
            try:
                apply_edit(a, edit)
            except EditError as err:
                st.error(md_literal(str(err)))
                return
            update_current(edits=entry.edits + (edit,))
            st.rerun()

        merge_tab, rename_tab, split_tab = st.tabs(["Merge two actors", "Rename an actor",
                                                    "Split an alias off"])
        with merge_tab:
            with st.form(f"{PAGE}.merge_form", border=False):
                keep = st.selectbox("Keep this actor", names, key=f"{PAGE}.merge_keep")
                absorb = st.selectbox("…and fold this one into it", names,
                                      index=min(1, len(names) - 1), key=f"{PAGE}.merge_absorb")
                if st.form_submit_button("Merge"):
                    add_edit(MergeActors(keep=keep, absorb=absorb))
        with rename_tab:
            with st.form(f"{PAGE}.rename_form", border=False):
                old = st.selectbox("Actor", names, key=f"{PAGE}.rename_old")
                new = st.text_input("New name", key=f"{PAGE}.rename_new")
                if st.form_submit_button("Rename"):
                    add_edit(RenameActor(old=old, new=new))
        with split_tab:
            splittable = [x.name for x in a.actors if len(x.aliases) > 1]
            if not splittable:
                st.caption("No actor has more than one name form in this article.")
            else:
                owner = st.selectbox("Actor", splittable, key=f"{PAGE}.split_actor")
                owner_actor = next(x for x in a.actors if x.name == owner)
                with st.form(f"{PAGE}.split_form", border=False):
                    alias = st.selectbox("Name form that is really someone else",
                                         list(owner_actor.aliases), key=f"{PAGE}.split_alias")
                    new_name = st.text_input("Name of the new actor (empty: the name form)",
                                             key=f"{PAGE}.split_name")
                    if st.form_submit_button("Split off"):
                        add_edit(SplitAlias(actor=owner, alias=alias, new_name=new_name or None))

        if entry.edits:
            st.markdown("**Your corrections to this article**")
            for edit in entry.edits:
                st.text("• " + edit.describe())
            if st.button("Undo the last correction", key=f"{PAGE}.undo"):
                update_current(edits=entry.edits[:-1])
                st.rerun()

    render_export(a, current.entry.edits, page=PAGE)
