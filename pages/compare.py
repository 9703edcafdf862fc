"""Compare: how the outlets covering one story differ.

Pick a story (or open ``/compare?story=<id>``): who each outlet mentions and quotes, how it
treats the actors they share (with the sentences behind each score), which quotes several
outlets carry and which only one, who an outlet leaves out, and words, tone and sources per
outlet. Every table downloads as CSV, the whole story as JSON. The tables come from
``analysis.compare`` through ``ui.story_tables`` (cached per story version).

The sections are tabs bound to the address (``&view=Stance``): only the open tab runs and is
drawn, so the page appears quickly for any story size and a share link opens the same tab.

No ``st.stop()`` here: it would also stop app.py, which draws the sidebar after the page.
"""
import re

import pandas as pd
import streamlit as st

from analysis.actor_stance_encoder import SIDES_AT
from analysis.compare import MAX_UNIQUE_QUOTES
from analysis.entities import ACTOR_KINDS, DEFAULT_ACTOR_KINDS, actor_kind
from analysis.store import StoreError, StoryRecord, is_valid_id
from ui.deep_links import run_through_app
from ui.safe_html import md_literal, md_literal_table
from ui.store_access import get_store, share_url
from ui.story_charts import COVERAGE_STEP_PX, coverage_step, show_story_chart
from ui.story_tables import (TABLE_NAMES, StoryView, load_story_view, story_json, story_stamp,
                             table_csv)

run_through_app()

PAGE = "compare"
STORY_PARAM = "story"
LIBRARY_PAGE = "pages/library.py"
DEFAULT_TOP = 20
MAX_STANCE_ACTORS = 25
MAX_STATIC_ROWS = 30        # longer tables scroll (st.dataframe); shorter ones wrap (st.table)
VIEW_PARAM = "view"         # the open tab, in the address
VIEWS = ["Coverage", "Stance", "Quotes", "Left out", "Outlets"]

OUTLET_COLUMNS = {"outlet": "Outlet", "words": "Words", "tone_label": "Tone",
                  "tone": "Tone (−1…+1)", "sides": "Takes sides (0…1)",
                  "sources_quoted": "People quoted",
                  "quotes": "Quotes", "unnamed_quotes": "Unattributed quotes",
                  "quoted_share": "Share of words in quotes", "actors": "Actors named",
                  "articles": "Articles"}


def on_pick() -> None:
    st.query_params[STORY_PARAM] = st.session_state[f"{PAGE}.story"]


def download(label: str, data, file_name: str, key: str, mime: str = "text/csv") -> None:
    st.download_button(label, data, file_name=file_name, mime=mime, key=f"{PAGE}.{key}",
                       on_click="ignore", icon=":material/download:")


def show_rows(frame: pd.DataFrame, key: str, **column_config) -> None:
    """Short tables as a static table (long text wraps), long ones as a scrolling grid."""
    if len(frame) <= MAX_STATIC_ROWS:
        st.table(md_literal_table(frame.set_index(frame.columns[0])))
    else:
        st.dataframe(frame, hide_index=True, key=f"{PAGE}.{key}", column_config=column_config)


def signed(value) -> str:
    return "" if value is None or pd.isna(value) else f"{value:+.2f}"


def pick_story() -> StoryRecord | None:
    """The story to show: the link's, else the one picked, else the newest. None: nothing."""
    try:
        stories = get_store().list_stories()
    except StoreError as err:
        st.error(str(err))
        return None
    wanted = st.query_params.get(STORY_PARAM)
    by_id = {s.id: s for s in stories}
    if wanted and wanted not in by_id:
        reason = "the story id in it is not valid" if not is_valid_id(wanted) else \
            "it may have been deleted, or the link was cut short"
        st.error(f"No story was found for this link: {reason}. Open the Library to see the "
                 "saved stories.")
        st.page_link(LIBRARY_PAGE, label="Go to Library", icon=":material/library_books:")
        return None
    if not stories:
        st.info("No stories yet. Import articles from several outlets into a story on the "
                "Library page, then compare them here.")
        st.page_link(LIBRARY_PAGE, label="Go to Library", icon=":material/library_books:")
        return None
    if wanted and wanted != st.session_state.get(f"{PAGE}.linked"):
        st.session_state[f"{PAGE}.story"] = wanted           # a link was opened: its story
    st.session_state[f"{PAGE}.linked"] = wanted
    if st.session_state.get(f"{PAGE}.story") not in by_id:
        st.session_state[f"{PAGE}.story"] = stories[0].id
    st.selectbox("Story", list(by_id), key=f"{PAGE}.story", on_change=on_pick,
                 format_func=lambda sid: f"{by_id[sid].name} — {by_id[sid].n_articles} "
                                         f"articles, {len(by_id[sid].sources)} outlets")
    story = by_id[st.session_state[f"{PAGE}.story"]]
    if wanted != story.id:
        st.query_params[STORY_PARAM] = story.id
    return story


def show_header(story: StoryRecord, view: StoryView):
    """Name, outlets and warnings; returns the slot where the share link goes once the open tab
    is known."""
    outlets = view.outlets
    st.subheader(md_literal(story.name), anchor=False)
    st.caption(f"{view.n_articles} article{'s' * (view.n_articles != 1)} from {len(outlets)} "
               f"outlet{'s' * (len(outlets) != 1)}: " + md_literal(", ".join(outlets[:12]))
               + (f" and {len(outlets) - 12} more" if len(outlets) > 12 else ""))
    share_slot = st.container(key=f"{PAGE}-share")
    if view.skipped_edits:
        st.warning(f"{view.skipped_edits} saved correction(s) no longer apply to their article "
                   "and were left out.")
    if len(outlets) < 2:
        st.warning("Only one outlet in this story, so there is nothing to compare yet. Add "
                   "articles about the same event from other outlets on the Library page.")
    return share_slot


def show_share_link(slot, story: StoryRecord, open_view: str) -> None:
    """A "Share link" button; its box holds the address of this story AND the open tab.

    (In a popover: the code box's highlighter script then loads only when someone shares.)
    """
    extra = {VIEW_PARAM: open_view} if open_view != VIEWS[0] else {}
    with slot, st.popover("Share link", icon=":material/link:"):
        st.markdown("Opens this comparison, on this tab, in any browser. Copy it with the "
                    "icon at the right of the box:")
        st.code(share_url(STORY_PARAM, story.id, PAGE, extra), language=None)


def show_glance(view: StoryView) -> None:
    st.header("Each outlet at a glance", divider="gray", anchor=False)
    st.caption("Length, tone of the whole text (−1 negative … +1 positive), how strongly the "
               "narrator takes sides (0 … 1: how favourable or hostile it is to the actors it "
               f"is most outspoken about; from {SIDES_AT:.2f} on it takes sides, below it reads "
               "as a report), and how many people each outlet lets speak.")
    table = view.tables["outlets"][list(OUTLET_COLUMNS)].copy()
    table["tone"] = table["tone"].map(signed)
    table["sides"] = table["sides"].map(
        lambda v: "" if v is None or pd.isna(v) else f"{v:.2f}")
    table["quoted_share"] = table["quoted_share"].map(
        lambda v: "" if v is None or pd.isna(v) else f"{v:.0%}")
    show_rows(table.rename(columns=OUTLET_COLUMNS), "outlets_table")


def of_kinds(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of an actor table whose actor is of a kind the analyst chooses to show, with
    the "Show" pills that choose them (people, organisations, places and groups by default)."""
    kinds = st.pills("Show", list(ACTOR_KINDS), selection_mode="multi", key=f"{PAGE}.kinds",
                     default=list(DEFAULT_ACTOR_KINDS),
                     help="Other names: laws, events, works and products the articles name.")
    if frame.empty or "type" not in frame:
        return frame
    return frame[frame["type"].fillna("").map(actor_kind).isin(kinds)]


def show_coverage(view: StoryView) -> None:
    st.header("Who each outlet covers", divider="gray", anchor=False)
    coverage = of_kinds(view.coverage)
    actors = list(dict.fromkeys(coverage["actor"])) if not coverage.empty else []
    if not actors:
        st.info("No actors of the kinds chosen above were found in this story's articles.")
        return
    st.caption("Each row is a person or organisation, each column an outlet. **quoted ×N · "
               "named ×M**: the outlet quotes them N times and names them M times; "
               "**mentioned ×N**: named N times, never quoted; "
               "**— absent**: not in that outlet's article at all. Actors covered by the most "
               "outlets come first."
               + (" With this many outlets the cells are shortened to **quoted ×N**, **named ×N** "
                  "and **—**; point at a cell for both counts."
                  if coverage_step(len(view.outlets)) < COVERAGE_STEP_PX else "")
               + (" Counted in the database (large story)." if view.coverage_from_sql else ""))
    top = DEFAULT_TOP
    if len(actors) > DEFAULT_TOP:
        # a select box, not a slider: the page already loads its script for the story picker
        sizes = [n for n in (DEFAULT_TOP, 50, 100) if n < len(actors)] + [min(len(actors), 200)]
        top = st.selectbox("Actors to show (those covered by the most outlets first)", sizes,
                           key=f"{PAGE}.top", format_func=lambda n: f"top {n}"
                           if n < len(actors) else f"all {n}")
    show_story_chart("coverage", coverage[coverage["actor"].isin(actors[:top])],
                     key=f"{PAGE}.coverage_chart")


def show_stance(view: StoryView) -> None:
    st.header("How each outlet treats the actors they share", divider="gray", anchor=False)
    stance = of_kinds(view.tables["stance"])
    if stance.empty:
        st.info("No actor is mentioned by two or more outlets, so there is no stance to compare.")
        return
    st.caption("One row per actor that two or more outlets mention. Each mark is one outlet's "
               "stance toward that actor, from −1 (hostile) to +1 (favourable); the grey line "
               "is the gap between outlets. Actors the outlets disagree on most come first.")
    actors = list(dict.fromkeys(stance["actor"]))
    shown = stance[stance["actor"].isin(actors[:MAX_STANCE_ACTORS])].drop(columns="evidence")
    show_story_chart("stance", shown, key=f"{PAGE}.stance_chart", outlets=tuple(view.outlets))
    actor = st.selectbox("Why? The sentences behind each outlet's score for", actors,
                         key=f"{PAGE}.actor")
    rows = []
    for r in stance[stance["actor"] == actor].itertuples(index=False):
        for sentence in (r.evidence or ["(no sentence about them carries a tone)"]):
            rows.append({"Outlet": r.outlet, "Stance": signed(r.score), "Label": r.label,
                         "Evidence sentence": sentence})
    named = {row["Outlet"] for row in rows}
    rows += [{"Outlet": o, "Stance": "", "Label": "not mentioned", "Evidence sentence": ""}
             for o in view.outlets if o not in named]
    show_rows(pd.DataFrame(rows), "evidence_table")


def show_quotes(view: StoryView) -> None:
    st.header("Who gets quoted", divider="gray", anchor=False)
    share = view.tables["quote_share"]
    if share.empty:
        st.info("No quotations in this story's articles.")
        return
    by_words = st.toggle("Measure by quoted words instead of number of quotes",
                         key=f"{PAGE}.by_words")
    st.caption("Each bar is one outlet's quotes split by speaker: whose voice fills the article. "
               "“(unnamed)”: words in quotation marks the article credits to no one.")
    show_story_chart("quotes", share, measure="word_share" if by_words else "quote_share",
                     key=f"{PAGE}.quotes_chart")
    st.dataframe(share.rename(columns={"outlet": "Outlet", "speaker": "Speaker",
                                       "quotes": "Quotes", "words": "Quoted words",
                                       "quote_share": "Share of quotes",
                                       "word_share": "Share of quoted words"}),
                 hide_index=True, key=f"{PAGE}.share_table", column_config={
                     "Share of quotes": st.column_config.NumberColumn(format="percent"),
                     "Share of quoted words": st.column_config.NumberColumn(format="percent")})

    shared = view.tables["shared_quotes"]
    if view.coverage_from_sql:
        st.caption("Counted in the database (large story): quotes count as the same only when "
                   "their words are equal (differently trimmed versions are not matched), and "
                   f"each outlet lists its {MAX_UNIQUE_QUOTES} longest quotes found in no other "
                   "outlet, each once.")
    st.subheader(f"Quotes in several outlets ({len(shared)})", anchor=False)
    if shared.empty:
        st.caption("No outlet carries the same words as another.")
    else:
        st.caption("The same words (perhaps trimmed differently) in two or more outlets. "
                   "“Same speaker?” is no when outlets credit the words to different people.")
        show_rows(pd.DataFrame({
            "Quote": shared["text"], "Outlets": shared["outlets"].map(", ".join),
            "Credited to": shared["speakers"].map(", ".join),
            "Same speaker?": shared["same_speaker"].map({True: "yes", False: "no"}),
            "Words": shared["words"]}), "shared_table")
    unique = view.tables["unique_quotes"]
    capped = view.coverage_from_sql and not unique.empty \
        and unique["outlet"].value_counts().max() >= MAX_UNIQUE_QUOTES
    st.subheader(f"Quotes in one outlet only ({len(unique)}{'+' if capped else ''})",
                 anchor=False)
    if unique.empty:
        st.caption("Every quote appears in more than one outlet.")
    else:
        show_rows(unique.rename(columns={"outlet": "Outlet", "speaker": "Speaker",
                                         "text": "Quote", "words": "Words"}), "unique_table",
                  Quote=st.column_config.TextColumn(width="large"))


def show_omissions(view: StoryView) -> None:
    st.header("Who each outlet leaves out", divider="gray", anchor=False)
    omissions = of_kinds(view.tables["omissions"])
    if omissions.empty:
        st.caption("No outlet leaves out an actor that most of the others mention.")
        return
    st.caption("People and organisations most other outlets mention but this one does not.")
    show_rows(pd.DataFrame({
        "Outlet": omissions["outlet"], "Leaves out": omissions["actor"],
        "Type": omissions["type"].fillna(""),
        "Mentioned by": [f"{m} of {o} other outlets" for m, o in
                         zip(omissions["mentioned_by"], omissions["others"])],
        "Mentions elsewhere": omissions["mentions_elsewhere"]}), "omissions_table")


def show_downloads(story: StoryRecord, view: StoryView) -> None:
    st.header("Download", divider="gray", anchor=False)
    st.caption("Every table of every tab as CSV, or the whole comparison as one JSON file.")
    stem = re.sub(r"[^A-Za-z0-9]+", "-", story.name).strip("-").lower()[:40] or "story"
    # In a popover: its buttons are drawn when it opens, not with the page.
    with st.popover("Download the comparison", icon=":material/download:"):
        download("Whole story (JSON)", lambda: story_json(story.id, story.name, view),
                 f"{stem}.json", "export_json", mime="application/json")
        for name, label in TABLE_NAMES.items():
            download(f"{label} (CSV)",
                     lambda t=view.tables[name], n=name: table_csv(t, index=n == "coverage"),
                     f"{stem}-{name.replace('_', '-')}.csv", f"export_{name}")


st.title("Compare outlets")
st.write("How the outlets covering one story differ: whom they mention and quote, how they "
         "treat the people and organisations they share, and what each leaves out.")
picked = pick_story()
if picked is not None and picked.n_articles == 0:
    st.info("This story has no articles yet: add some on the Library page.")
    st.page_link(LIBRARY_PAGE, label="Go to Library", icon=":material/library_books:")
elif picked is not None:
    story_view = load_story_view(picked.id, story_stamp(picked), picked.n_articles)
    slot = show_header(picked, story_view)
    tabs = st.tabs(VIEWS, key=VIEW_PARAM, bind="query-params")
    for tab, show in zip(tabs, (show_coverage, show_stance, show_quotes, show_omissions,
                                show_glance)):
        if tab.open:
            with tab:
                show(story_view)
    show_share_link(slot, picked, st.session_state.get(VIEW_PARAM) or VIEWS[0])
    show_downloads(picked, story_view)
