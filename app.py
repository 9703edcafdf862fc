"""presslens dashboard: page config, navigation over pages/, and the shared sidebar.

Run with ``streamlit run app.py``. Each page lives in pages/ and only renders; the work happens in
``analysis`` (the core) through ``ui`` (cache, state, safe HTML).
"""
import streamlit as st

import ui.charts  # noqa: F401  Altair takes ~1 s to import: pay it at start, not on first chart
from ui.safe_html import show_stylesheet
from ui.sidebar import render_sidebar
from ui.state import sync_permalink

st.set_page_config(page_title="presslens", page_icon=":material/newspaper:", layout="wide")

PAGES = [
    st.Page("pages/analyze.py", title="Analyze", icon=":material/edit_note:", default=True),
    st.Page("pages/actors.py", title="Actors", icon=":material/groups:"),
    st.Page("pages/quotes.py", title="Quotes", icon=":material/format_quote:"),
    st.Page("pages/compare.py", title="Compare", icon=":material/compare_arrows:"),
    st.Page("pages/library.py", title="Library", icon=":material/library_books:"),
]

page = st.navigation(PAGES)
show_stylesheet()  # the highlight classes every page's marked-up text uses
sync_permalink()
page.run()
# After the page: the sidebar then shows an article analysed during this very run.
render_sidebar()
sync_permalink(follow=False)
