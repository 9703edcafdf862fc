"""Deep links (share links to /compare, /quotes...) must run through app.py, even first thing.

Streamlit runs a ``pages/`` file ON ITS OWN (its legacy pages-folder mode: no page config, no
shared sidebar, no permalink sync) until app.py's ``st.navigation`` has run once in the server
process. So the first link opened after a server start, before anyone visited the root, would
show a bare page. Each page calls ``run_through_app()`` first: in that mode it switches the
legacy mode off and reruns, which runs app.py with the same URL and query parameters.
"""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def run_through_app() -> None:
    """Rerun through app.py when Streamlit ran this page file on its own (see above)."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
