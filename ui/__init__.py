"""Streamlit glue shared by the pages: cached model and analyses, session state and permalinks,
the one safe-HTML function, chart builders, the sidebar and the export buttons.

``analysis/`` never imports streamlit; everything that does lives here or in ``pages/``.
"""
