"""The shared sidebar: the article shown on every page and the other articles of this session."""
from __future__ import annotations

import streamlit as st

from .analysis_cache import analyze_entry
from .current import counts_line, display_title
from .state import CURRENT_KEY, articles, current_entry, set_current
from .store_access import share_url, show_save_error, store_id_of

SELECT_KEY = "sidebar.article"


def _on_select() -> None:
    set_current(st.session_state[SELECT_KEY])


def render_sidebar() -> None:
    entries = articles()
    with st.sidebar:
        st.divider()
        st.markdown("**Current article**")
        entry = current_entry()
        if entry is None:
            st.caption("None yet: paste, upload or fetch one on the Analyze page.")
            return
        _, result, _ = analyze_entry(entry)
        st.text(entry.label if entry.heading else
                display_title(entry, result) + (f" — {entry.source}" if entry.source else ""))
        st.caption(counts_line(result))
        article_id = store_id_of(entry.key)
        if article_id:
            # In a popover: the code box's script (a syntax highlighter) loads when someone shares.
            with st.popover("Share link", icon=":material/link:"):
                st.caption("Opens this article in any browser:")
                st.code(share_url("article", article_id), language=None, wrap_lines=True)
        show_save_error()
        if len(entries) > 1:
            keys = list(entries)
            st.session_state[SELECT_KEY] = st.session_state[CURRENT_KEY]
            st.selectbox(f"Switch article ({len(keys)} analysed in this session)", keys,
                         format_func=lambda k: entries[k].label, key=SELECT_KEY,
                         on_change=_on_select)
