"""Analyze (landing page): paste, upload or fetch an article; see what cleaning kept and removed.

Left: the original as given, every removed line struck through with its reason. Right: the
cleaned text with entities highlighted and labelled by type. The analyst can restore a removed
line or drop a kept one; the analysis reruns (cached per choice).
"""
import dataclasses

import streamlit as st

from analysis.ingest import IngestError
from analysis.model import Segment
from ui.analysis_cache import AnalysisTimeout, analyze_entry_within, load_model
from ui.current import LOW_CONFIDENCE, display_title, load_current, md_escape, show_heading
from ui.deep_links import run_through_app
from ui.export_buttons import render_export
from ui.inputs import (UPLOAD_TYPES, article_from_paste, article_from_url,
                       articles_from_uploads)
from ui.safe_html import Mark, entity_style, md_literal, render_legend, render_marked_text, show_html
from ui.state import entry_from_article, put_entry, update_current

run_through_app()

PAGE = "analyze"
PANE_HEIGHT = 640


def analyse_articles(found, source: str) -> list[str]:
    """Analyse each article (a notice, or a progress bar for several), make the last one current;
    errors back.

    The notice is still text, not a spinner: the status widget already shows that the page is
    working, and a spinning icon repaints every frame for as long as the analysis waits its turn
    (one NLP run at a time per server), which on a busy server costs the browser more CPU than
    drawing the result.
    """
    errors = []
    load_model()
    progress = st.progress(0.0, text="Analysing…") if len(found) > 1 else None
    notice = st.empty()
    if progress is None:
        notice.info("Analysing the article… (a few seconds when others are analysing too)",
                    icon=":material/hourglass_top:")
    for i, article in enumerate(found, 1):
        entry = entry_from_article(article, source=source)
        try:
            _, result, _ = analyze_entry_within(entry)
        except AnalysisTimeout as err:
            errors.append(str(err))
            continue
        except Exception as err:  # noqa: BLE001 - one sentence for the analyst, not a traceback
            errors.append(f"{article.name} could not be analysed ({type(err).__name__}: {err}).")
            continue
        put_entry(dataclasses.replace(entry, heading=display_title(entry, result)))
        if progress is not None:
            progress.progress(i / len(found), text=f"Analysed {i} of {len(found)}: {article.name}")
    notice.empty()
    if progress is not None:
        progress.empty()
    return errors


st.title("Analyze an article")
st.write("Paste an article, upload files or give a web address. presslens removes the page "
         "clutter, then finds the actors, what they say and how the article treats them.")

source = st.text_input(
    "Source / outlet (optional)", key=f"{PAGE}.source", placeholder="e.g. Reuters",
    help="Left empty, the outlet is taken from the web address or the page's metadata when known.")

paste_tab, upload_tab, url_tab = st.tabs(["Paste text", "Upload files", "From a web address"])
with paste_tab:
    text = st.text_area("Article text", key=f"{PAGE}.text", height=180,
                        placeholder="Paste the article here: headline, body, even the page clutter "
                                    "around it (share buttons, adverts): it is removed.")
    if st.button("Analyze", type="primary", key=f"{PAGE}.run_text"):
        try:
            found = [article_from_paste(text)]
        except IngestError as err:
            st.error(md_literal(str(err)))
        else:
            for message in analyse_articles(found, source):
                st.error(md_literal(message))
with upload_tab:
    # a form: its button stays disabled until every chosen file has reached the server, so a
    # quick click cannot find no files
    with st.form(f"{PAGE}.upload_form", border=False):
        files = st.file_uploader(
            "Article files (.txt, .md, .html, .htm, .pdf, .docx; several at once, one article "
            "each)", type=UPLOAD_TYPES, accept_multiple_files=True, key=f"{PAGE}.files")
        submitted = st.form_submit_button("Analyze files", type="primary",
                                          key=f"{PAGE}.run_files")
    if submitted:
        if not files:
            st.error("Choose one or more files first.")
        else:
            found, errors = articles_from_uploads(files)
            errors += analyse_articles(found, source) if found else []
            for message in errors:
                st.error(md_literal(message))
            if found:
                st.success(f"Analysed {len(found)} article{'s' * (len(found) != 1)}; "
                           "pick another one in the sidebar.")
with url_tab:
    url = st.text_input("Web address of the article", key=f"{PAGE}.url",
                        placeholder="https://…")
    if st.button("Fetch and analyze", type="primary", key=f"{PAGE}.run_url"):
        try:
            found = [article_from_url(url)]
        except IngestError as err:
            st.error(md_literal(str(err)))
        else:
            for message in analyse_articles(found, source):
                st.error(md_literal(message))

current = load_current()
if current is not None:
    st.divider()
    a, cleaned = current.analysis, current.cleaned
    st.subheader(md_literal(display_title(current.entry, a)), anchor=False)
    show_heading(current)

    # Long articles scroll inside two panes of equal height; short ones are shown whole.
    pane_height = PANE_HEIGHT if max(len(cleaned.original), len(a.text)) > 2500 else "content"
    left, right = st.columns(2, gap="medium")
    with left:
        st.markdown("**Original, as given**  \nRemoved lines are ~~struck through~~ and labelled "
                    "with the reason.")
        marks = [Mark(s.start, s.end, "dropped" if s.start in current.entry.drop else "removed",
                      tag=f"removed: {s.reason}", title=f"removed: {s.reason}")
                 for s in cleaned.segments if not s.kept]
        restored = set(current.entry.restore)
        marks += [Mark(s.start, s.end, "restored", tag="restored by you")
                  for s in cleaned.segments if s.kept and s.start in restored]
        if not cleaned.segments:
            marks = [Mark(r.start, r.end, "removed", tag=f"removed: {r.reason}") for r in a.removed]
        with st.container(height=pane_height, border=False):
            show_html(render_marked_text(cleaned.original, marks, css_class="pl-original"))
    with right:
        st.markdown("**Cleaned text, as analysed**  \nNamed entities are highlighted; the small "
                    "label after each says its type.")
        labels = sorted({m.label for m in a.entities})
        if labels:
            show_html(render_legend(labels))
        entity_marks = [Mark(m.start, m.end, entity_style(m.label), tag=m.label,
                             title=f"{m.label} → actor: {m.actor}" if m.actor else m.label)
                        for m in a.entities]
        with st.container(height=pane_height, border=False):
            show_html(render_marked_text(a.text, entity_marks, css_class="pl-cleaned"))

    with st.container(key=f"{PAGE}-quotes"):
        st.markdown(f"**Quotes found: {len(a.quotes)}**")
        if not a.quotes:
            st.caption("No quotations in this article.")
        lines = []
        for q in a.quotes:
            who = md_escape(q.speaker) if q.speaker else "*(unattributed)*"
            flag = " ⚠ uncertain speaker" if q.confidence < LOW_CONFIDENCE else ""
            head = q.text if len(q.text) <= 160 else q.text[:157] + "…"
            lines.append(f"- **{who}**{flag}: “{md_escape(head)}”")
        if lines:
            st.markdown("\n".join(lines))
            st.page_link("pages/quotes.py", label="All quotes, charts and speaker corrections",
                         icon=":material/format_quote:")

    with st.expander("Correct the cleaning: restore a removed line or drop a kept one"):
        segments = {s.start: s for s in cleaned.segments}
        restore, drop = set(current.entry.restore), set(current.entry.drop)

        def describe(seg: Segment) -> str:
            head = seg.text if len(seg.text) <= 90 else seg.text[:87] + "…"
            return f"{head}  [{seg.reason}]" if seg.reason and not seg.kept else head

        restorable = [s.start for s in cleaned.segments
                      if (not s.kept and s.start not in drop) or s.start in restore]
        droppable = [s.start for s in cleaned.segments
                     if (s.kept and s.start not in restore) or s.start in drop]
        key_prefix = f"{PAGE}.{current.entry.key}"
        st.session_state[f"{key_prefix}.restore"] = sorted(restore & set(restorable))
        st.session_state[f"{key_prefix}.drop"] = sorted(drop & set(droppable))

        def on_restore() -> None:
            update_current(restore=tuple(st.session_state[f"{key_prefix}.restore"]))

        def on_drop() -> None:
            update_current(drop=tuple(st.session_state[f"{key_prefix}.drop"]))

        st.multiselect("Restore these removed lines", restorable, key=f"{key_prefix}.restore",
                       format_func=lambda s: describe(segments[s]), on_change=on_restore,
                       placeholder="Choose lines the cleaner removed by mistake")
        st.multiselect("Drop these kept lines", droppable, key=f"{key_prefix}.drop",
                       format_func=lambda s: describe(segments[s]), on_change=on_drop,
                       placeholder="Choose clutter the cleaner kept")
        st.caption("The analysis reruns as soon as you change a choice.")

    render_export(a, current.entry.edits, page=PAGE)
