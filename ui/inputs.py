"""The Analyze page's three inputs (pasted text, uploaded files, a URL) turned into Articles.

All reading goes through ``analysis.ingest`` (the only module that touches bytes and URLs); this
module only adapts Streamlit's upload objects and collects the one-sentence errors to show.
"""
from __future__ import annotations

from collections.abc import Iterable

from analysis import ingest
from analysis.model import Article

UPLOAD_TYPES = ["txt", "md", "html", "htm", "pdf", "docx"]
PASTED_NAME = "The pasted text"


def article_from_paste(text: str) -> Article:
    """The text area's content as one Article; IngestError if empty or too long."""
    ingest.check_text(text, PASTED_NAME)
    kind = "html" if ingest.looks_like_html(text) else "text"
    return Article(text=text, name="pasted text", kind=kind)


def articles_from_uploads(files: Iterable) -> tuple[list[Article], list[str]]:
    """Every readable article in the uploaded files, and one error sentence per unreadable file."""
    found: list[Article] = []
    errors: list[str] = []
    for upload in files:
        try:
            found.extend(ingest.read_upload(upload.name, upload.getvalue()))
        except ingest.IngestError as err:
            errors.append(str(err))
    return found, errors


def article_from_url(url: str) -> Article:
    """The page at ``url`` fetched server-side; IngestError when refused or failed."""
    url = (url or "").strip()
    if not url:
        raise ingest.IngestError("Type the address of an article first (https://…).")
    return ingest.fetch_url(url)
