"""Compare: how the outlets covering one story differ.

Pick a story (or open ``/compare?story=<id>``): who each outlet mentions and quotes, how it
treats the actors they share (with the sentences behind each score), which quotes several
outlets carry and which only one, who an outlet leaves out, and words, tone and sources per
outlet. Every table downloads as CSV, the whole story as JSON. The tables come from
``analysis.compare`` through ``ui.story_tables`` (cached per story version).
"""
import re

import pandas as pd
import streamlit as st

from analysis.store import StoreError, is_valid_id
from ui.store_access import get_store, share_url
from ui.story_charts import show_story_chart
from ui.story_tables import TABLE_NAMES, load_story_view, story_json, story_stamp, table_csv

PAGE = "compare"
STORY_PARAM = "story"
LIBRARY_PAGE = "pages/library.py"
DEFAULT_TOP = 20

OUTLET_COLUMNS = {"outlet": "Outlet", "articles": "Articles", "words": "Words",
                  "tone": "Tone (−1…+1)", "tone_label": "Tone", "subjectivity": "Subjectivity",
                  "actors": "Actors named", "quotes": "Quotes", "quoted_words": "Quoted words",
                  "quoted_share": "Share of words in quotes", "sources_quoted": "People quoted",
                  "unnamed_quotes": "Unattributed quotes"}


def on_pick() -> None:
    st.query_params[STORY_PARAM] = st.session_state[f"{PAGE}.story"]


def download(label: str, data, file_name: str, key: str, mime: str = "text/csv") -> None:
    st.download_button(label, data, file_name=file_name, mime=mime, key=f"{PAGE}.{key}",
                       on_click="ignore", icon=":material/download:")


st.title("Compare outlets")
st.write("How the outlets covering one story differ: whom they mention and quote, how they "
         "treat the people and organisations they share, and what each leaves out.")

try:
    store = get_store()
    stories = store.list_stories()
except StoreError as err:
    st.error(str(err))
    st.stop()

wanted = st.query_params.get(STORY_PARAM)
by_id = {s.id: s for s in stories}
if wanted and wanted in by_id:
    if wanted != st.session_state.get(f"{PAGE}.linked"):
        st.session_state[f"{PAGE}.story"] = wanted       # a link opened: show its story
    st.session_state[f"{PAGE}.linked"] = wanted
elif wanted:
    reason = "the story id in it is not valid" if not is_valid_id(wanted) else \
        "it may have been deleted, or the link was cut short"
    st.error(f"No story was found for this link: {reason}. Pick a story below or open the "
             "Library.")

if not stories:
    st.info("No stories yet. Import articles from several outlets into a story on the Library "
            "page, then compare them here.")
    st.page_link(LIBRARY_PAGE, label="Go to Library", icon=":material/library_books:")
    st.stop()

if st.session_state.get(f"{PAGE}.story") not in by_id:
    st.session_state[f"{PAGE}.story"] = stories[0].id
    if not wanted:
        st.query_params[STORY_PARAM] = stories[0].id
st.selectbox("Story", list(by_id), key=f"{PAGE}.story", on_change=on_pick,
             format_func=lambda sid: f"{by_id[sid].name} — {by_id[sid].n_articles} articles, "
                                     f"{len(by_id[sid].sources)} outlets")
story = by_id[st.session_state[f"{PAGE}.story"]]
if wanted in by_id and wanted != story.id:
    st.query_params[STORY_PARAM] = story.id

if story.n_articles == 0:
    st.info("This story has no articles yet: add some on the Library page.")
    st.page_link(LIBRARY_PAGE, label="Go to Library", icon=":material/library_books:")
    st.stop()

view = load_story_view(story.id, story_stamp(story), tuple(story.sources))
outlets = view.outlets
st.subheader(story.name)
st.caption(f"{view.n_articles} article{'s' * (view.n_articles != 1)} from {len(outlets)} "
           f"outlet{'s' * (len(outlets) != 1)}: " + ", ".join(outlets[:12])
           + (f" and {len(outlets) - 12} more" if len(outlets) > 12 else ""))
with st.container(key=f"{PAGE}-share"):
    st.markdown("**Share link** — opens this comparison in any browser (copy with the icon on "
                "the right):")
    st.code(share_url(STORY_PARAM, story.id, PAGE), language=None)
if view.skipped_edits:
    st.warning(f"{view.skipped_edits} saved correction(s) no longer apply to their article and "
               "were left out.")
if len(outlets) < 2:
    st.warning("Only one outlet in this story, so there is nothing to compare yet. Add articles "
               "about the same event from other outlets on the Library page.")

tables = view.tables
stem = re.sub(r"[^A-Za-z0-9]+", "-", story.name).strip("-").lower()[:40] or "story"

# ------------------------------------------------------------------ at a glance
st.header("At a glance", divider="gray")
st.caption("Length, tone of the whole text (−1 negative … +1 positive) and how many people "
           "each outlet lets speak.")
st.dataframe(tables["outlets"].rename(columns=OUTLET_COLUMNS), hide_index=True,
             key=f"{PAGE}.outlets_table",
             column_config={"Share of words in quotes": st.column_config.NumberColumn(
                 format="percent"), "Tone (−1…+1)": st.column_config.NumberColumn(format="%+.2f"),
                 "Subjectivity": st.column_config.NumberColumn(format="%.2f")})

# ------------------------------------------------------------------ coverage
st.header("Who each outlet covers", divider="gray")
n_actors = view.coverage["actor"].nunique() if not view.coverage.empty else 0
if n_actors == 0:
    st.info("No people or organisations were found in this story's articles.")
else:
    top = DEFAULT_TOP
    if n_actors > DEFAULT_TOP:
        top = st.slider("Actors to show (those covered by the most outlets first)", 5,
                        min(n_actors, 200), DEFAULT_TOP, step=5, key=f"{PAGE}.top")
    st.caption("Each row is a person or organisation, each column an outlet. **quoted ×N**: the "
               "outlet quotes them N times; **mentioned ×N**: named N times but never quoted; "
               "**— absent**: not in that outlet's coverage at all."
               + (" Counted in the database (large story)." if view.coverage_from_sql else ""))
    keep = list(dict.fromkeys(view.coverage["actor"]))[:top]
    show_story_chart("coverage", view.coverage[view.coverage["actor"].isin(keep)],
                     key=f"{PAGE}.coverage_chart")

# ------------------------------------------------------------------ stance
st.header("How each outlet treats the actors they share", divider="gray")
stance = tables["stance"]
if stance.empty:
    st.info("No actor is mentioned by two or more outlets, so there is no stance to compare.")
else:
    st.caption("One row per actor that two or more outlets mention; each mark is one outlet's "
               "stance toward that actor (left hostile, right favourable), the grey line the gap "
               "between outlets. Actors the outlets disagree on most come first.")
    shown = stance[stance["actor"].isin(list(dict.fromkeys(stance["actor"]))[:25])]
    show_story_chart("stance", shown.drop(columns="evidence"), key=f"{PAGE}.stance_chart")
    actors = list(dict.fromkeys(stance["actor"]))
    actor = st.selectbox("Why? The sentences behind each outlet's score for", actors,
                         key=f"{PAGE}.actor")
    rows = []
    for r in stance[stance["actor"] == actor].itertuples(index=False):
        for sentence in (r.evidence or ["(no sentence says anything about them)"]):
            rows.append({"Outlet": r.outlet, "Stance": r.score, "Label": r.label,
                         "Evidence sentence": sentence})
    for outlet in outlets:
        if outlet not in {r["Outlet"] for r in rows}:
            rows.append({"Outlet": outlet, "Stance": None, "Label": "not mentioned",
                         "Evidence sentence": ""})
    st.dataframe(pd.DataFrame(rows), hide_index=True, key=f"{PAGE}.evidence_table",
                 column_config={"Stance": st.column_config.NumberColumn(format="%+.2f"),
                                "Evidence sentence": st.column_config.TextColumn(width="large")})

# ------------------------------------------------------------------ quotes
st.header("Who gets quoted", divider="gray")
share = tables["quote_share"]
if share.empty:
    st.info("No quotations in this story's articles.")
else:
    by_words = st.toggle("Measure by quoted words instead of number of quotes",
                         key=f"{PAGE}.by_words")
    measure = "word_share" if by_words else "quote_share"
    st.caption("Each bar is one outlet's quotes split by speaker: whose voice fills the article.")
    show_story_chart("quotes", share, measure=measure, key=f"{PAGE}.quotes_chart")
    st.dataframe(share.rename(columns={"outlet": "Outlet", "speaker": "Speaker",
                                       "quotes": "Quotes", "words": "Quoted words",
                                       "quote_share": "Share of quotes",
                                       "word_share": "Share of quoted words"}),
                 hide_index=True, key=f"{PAGE}.share_table",
                 column_config={"Share of quotes": st.column_config.NumberColumn(format="percent"),
                                "Share of quoted words": st.column_config.NumberColumn(
                                    format="percent")})

    shared = tables["shared_quotes"]
    st.subheader(f"Quotes in several outlets ({len(shared)})")
    if shared.empty:
        st.caption("No outlet carries the same words as another.")
    else:
        st.caption("The same words (maybe trimmed differently) in two or more outlets. "
                   "“Same speaker?” is No when outlets credit the words to different people.")
        st.dataframe(pd.DataFrame({
            "Quote": shared["text"], "Outlets": shared["outlets"].map(", ".join),
            "Credited to": shared["speakers"].map(", ".join),
            "Same speaker?": shared["same_speaker"].map({True: "yes", False: "No"}),
            "Words": shared["words"]}), hide_index=True, key=f"{PAGE}.shared_table",
            column_config={"Quote": st.column_config.TextColumn(width="large")})
    unique = tables["unique_quotes"]
    st.subheader(f"Quotes in one outlet only ({len(unique)})")
    if unique.empty:
        st.caption("Every quote appears in more than one outlet.")
    else:
        st.dataframe(unique.rename(columns={"outlet": "Outlet", "speaker": "Speaker",
                                            "text": "Quote", "words": "Words"}),
                     hide_index=True, key=f"{PAGE}.unique_table",
                     column_config={"Quote": st.column_config.TextColumn(width="large")})

# ------------------------------------------------------------------ omissions
st.header("Who each outlet leaves out", divider="gray")
omissions = tables["omissions"]
if omissions.empty:
    st.caption("No outlet leaves out an actor that most of the others mention.")
else:
    st.caption("People and organisations most other outlets mention but this one does not.")
    st.dataframe(pd.DataFrame({
        "Outlet": omissions["outlet"], "Leaves out": omissions["actor"],
        "Type": omissions["type"],
        "Mentioned by": [f"{m} of {o} other outlets" for m, o in
                         zip(omissions["mentioned_by"], omissions["others"])],
        "Mentions elsewhere": omissions["mentions_elsewhere"]}),
        hide_index=True, key=f"{PAGE}.omissions_table")

# ------------------------------------------------------------------ downloads
st.header("Download", divider="gray")
st.caption("Every table above as CSV, or the whole comparison as one JSON file.")
cols = st.columns(4)
with cols[0]:
    download("Whole story (JSON)", lambda: story_json(story.id, story.name), f"{stem}.json",
             "export_json", mime="application/json")
for i, (name, label) in enumerate(TABLE_NAMES.items(), 1):
    table = tables[name]
    with cols[i % 4]:
        download(f"{label} (CSV)", lambda t=table, n=name: table_csv(t, index=n == "coverage"),
                 f"{stem}-{name.replace('_', '-')}.csv", f"export_{name}")
