"""presslens analysis core: clean, analyse and compare news articles. Never imports Streamlit."""
from __future__ import annotations

__version__ = "0.1.0"

from . import nlp  # noqa: E402
from .pipeline import analyze, analyze_many, clean  # noqa: E402
from .sentiment import sentiment_toward  # noqa: E402

__all__ = ["__version__", "analyze", "analyze_many", "clean", "nlp", "sentiment_toward"]
