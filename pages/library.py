"""Library: every saved story and article; import many articles at once into a story.

Search by story name, headline, outlet or actor; open a story on the Compare page or an
article on the Analyze page; rename or delete (after a confirmation); copy share links.
Imports go through ``ui.story_import`` (reading, analysis and saving live there).
"""
import pandas as pd
import streamlit as st

from analysis.store import StoreError
from ui.deep_links import run_through_app
from ui.state import forget_saved_article
from ui.safe_html import md_literal
from ui.store_access import get_store, share_url
from ui.story_import import IMPORT_TYPES, import_articles, read_uploads

run_through_app()

PAGE = "library"
COMPARE_PAGE = "pages/compare.py"
ANALYZE_PAGE = "pages/analyze.py"
NEW_STORY = "__new__"
MAX_LISTED = 500


def when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""


def ask(what: str, ident: str) -> None:
    st.session_state[f"{PAGE}.confirm"] = (what, ident)


def cancel() -> None:
    st.session_state.pop(f"{PAGE}.confirm", None)


def confirming(what: str, ident: str) -> bool:
    return st.session_state.get(f"{PAGE}.confirm") == (what, ident)


st.title("Library")
st.write("Saved stories and articles. Every article analysed in presslens is saved here; a story "
         "groups articles about one event from several outlets so they can be compared.")

try:
    store = get_store()
    all_stories = store.list_stories()
except StoreError as err:
    st.error(str(err))
    st.stop()

for message in st.session_state.pop(f"{PAGE}.flash", []):
    st.success(message)

# ------------------------------------------------------------------ import
with st.expander("Import articles into a story", icon=":material/upload_file:",
                 expanded=not all_stories):
    st.caption("Several files at once, a .zip of files, or a .csv / .jsonl with a `text` or `url` "
               "column plus optional `source` and `title` columns. A file without an outlet in "
               "its metadata is filed under its file name (e.g. `guardian.txt` → guardian).")
    names = {NEW_STORY: "A new story", **{s.id: s.name for s in all_stories}}
    target = st.selectbox("Into", list(names), format_func=names.get, key=f"{PAGE}.target")
    # One form: the files, the name and the click reach the server together, and the button
    # stays disabled until every chosen file has been sent, so a quick click loses nothing.
    with st.form(f"{PAGE}.import_form", border=False):
        files = st.file_uploader("Files to import", type=IMPORT_TYPES,
                                 accept_multiple_files=True, key=f"{PAGE}.files")
        new_name = st.text_input("Name of the new story", key=f"{PAGE}.new_story",
                                 placeholder="e.g. Redmarsh Rovers takeover",
                                 disabled=target != NEW_STORY)
        submitted = st.form_submit_button("Import", type="primary", key=f"{PAGE}.import")
    if submitted:
        if not files:
            st.error("Choose one or more files to import first.")
        elif target == NEW_STORY and not new_name.strip():
            st.error("Give the new story a name first.")
        else:
            items = read_uploads((f.name, f.getvalue()) for f in files)
            progress = st.progress(0.0, text=f"Importing {len(items)} articles…")

            def step(n: int, total: int, name: str) -> None:
                progress.progress(n / max(total, 1), text=f"Imported {n} of {total}: {name}")

            try:
                story_id = store.create_story(new_name) if target == NEW_STORY else target
                report = import_articles(items, store, story_id, on_progress=step)
            except (StoreError, ValueError) as err:
                st.error(str(err))
            else:
                progress.empty()
                shown = md_literal(new_name.strip() if target == NEW_STORY else names[target])
                if report.article_ids:
                    st.success(f"Imported {len(report.article_ids)} article"
                               f"{'s' * (len(report.article_ids) != 1)} into “{shown}”.")
                    st.page_link(COMPARE_PAGE, label=f"Compare the outlets of “{shown}”",
                                 icon=":material/compare_arrows:",
                                 query_params={"story": story_id})
                if report.notes:
                    st.warning(f"{len(report.notes)} imported article(s) come with a warning:")
                    st.dataframe(pd.DataFrame(report.notes, columns=["Input", "Warning"]),
                                 hide_index=True, key=f"{PAGE}.import_notes")
                if report.errors:
                    st.warning(f"{len(report.errors)} input(s) could not be imported; the "
                               "others were:")
                    st.dataframe(pd.DataFrame(report.errors, columns=["Input", "Problem"]),
                                 hide_index=True, key=f"{PAGE}.import_errors")
                all_stories = store.list_stories()

search = st.text_input("Search stories and articles", key=f"{PAGE}.search",
                       placeholder="A story's name, a headline, an outlet or an actor")

# ------------------------------------------------------------------ stories
articles = store.list_articles(search or None, limit=MAX_LISTED)
if search.strip():
    hits = {a.id for a in articles}
    named = {s.id for s in store.list_stories(search)}
    stories = [s for s in all_stories if s.id in named or hits & set(s.article_ids)]
else:
    stories = all_stories

st.header(f"Stories ({len(stories)})", divider="gray")
if not stories:
    st.caption("No story matches." if search.strip() else
               "No stories yet: import articles above.")
else:
    st.dataframe(pd.DataFrame({
        "Story": [s.name for s in stories], "Articles": [s.n_articles for s in stories],
        "Outlets": [", ".join(s.sources) for s in stories],
        "Last change": [when(s.updated_at) for s in stories]}),
        hide_index=True, key=f"{PAGE}.stories_table")
    by_id = {s.id: s for s in stories}
    sid = st.selectbox("Story", list(by_id), key=f"{PAGE}.story",
                       format_func=lambda k: f"{by_id[k].name} ({by_id[k].n_articles} articles)")
    story = by_id[sid]
    with st.container(border=True, key=f"{PAGE}-story-actions"):
        st.page_link(COMPARE_PAGE, label=f"Open “{md_literal(story.name)}” on the Compare page",
                     icon=":material/compare_arrows:", query_params={"story": story.id})
        st.caption("Share link:")
        st.code(share_url("story", story.id, "compare"), language=None)
        rename_col, delete_col = st.columns([3, 1], vertical_alignment="bottom")
        with rename_col:
            renamed = st.text_input("New name", value=story.name, key=f"{PAGE}.rename.{story.id}")
            if st.button("Rename", key=f"{PAGE}.rename_story"):
                try:
                    store.rename_story(story.id, renamed)
                except ValueError as err:
                    st.error(str(err))
                else:
                    shown = md_literal(" ".join(renamed.split()))
                    st.session_state[f"{PAGE}.flash"] = [f"Renamed to “{shown}”."]
                    st.rerun()
        with delete_col:
            st.button("Delete story…", key=f"{PAGE}.delete_story", on_click=ask,
                      args=("story", story.id), icon=":material/delete:")
        if confirming("story", story.id):
            st.warning(f"Delete the story “{md_literal(story.name)}”? Its articles stay in the "
                       "library.")
            yes, no = st.columns(2)
            if yes.button("Yes, delete the story", type="primary", key=f"{PAGE}.confirm_story"):
                store.delete_story(story.id)
                cancel()
                shown = md_literal(story.name)
                st.session_state[f"{PAGE}.flash"] = [f"Deleted the story “{shown}”."]
                st.rerun()
            no.button("Cancel", key=f"{PAGE}.cancel_story", on_click=cancel)

# ------------------------------------------------------------------ articles
total = store.count_articles()
st.header(f"Articles ({len(articles)}{'' if search.strip() else f' of {total}'})",
          divider="gray")
if not articles:
    st.caption("No article matches." if search.strip() else
               "No articles yet: analyse one on the Analyze page or import some above.")
else:
    st.dataframe(pd.DataFrame({
        "Headline": [a.title or "(untitled)" for a in articles],
        "Outlet": [a.source or "" for a in articles], "Words": [a.words for a in articles],
        "Main actors": [", ".join(a.actors) for a in articles],
        "Saved": [when(a.updated_at) for a in articles]}),
        hide_index=True, key=f"{PAGE}.articles_table")
    by_aid = {a.id: a for a in articles}
    aid = st.selectbox("Article", list(by_aid), key=f"{PAGE}.article",
                       format_func=lambda k: f"{by_aid[k].title or '(untitled)'}"
                                             + (f" — {by_aid[k].source}" if by_aid[k].source
                                                else ""))
    article = by_aid[aid]
    with st.container(border=True, key=f"{PAGE}-article-actions"):
        st.page_link(ANALYZE_PAGE, label="Open this article on the Analyze page",
                     icon=":material/edit_note:", query_params={"article": article.id})
        in_stories = store.article_stories(article.id)
        if in_stories:
            st.caption("In: " + md_literal(", ".join(s.name for s in in_stories)))
        st.caption("Share link:")
        st.code(share_url("article", article.id, ""), language=None)
        st.button("Delete article…", key=f"{PAGE}.delete_article", on_click=ask,
                  args=("article", article.id), icon=":material/delete:")
        if confirming("article", article.id):
            st.warning("Delete this article? It also leaves every story it is in, and its share "
                       "link stops working.")
            yes, no = st.columns(2)
            if yes.button("Yes, delete the article", type="primary",
                          key=f"{PAGE}.confirm_article"):
                store.delete_article(article.id)
                forget_saved_article(article.id)
                cancel()
                st.session_state[f"{PAGE}.flash"] = ["Deleted the article."]
                st.rerun()
            no.button("Cancel", key=f"{PAGE}.cancel_article", on_click=cancel)
