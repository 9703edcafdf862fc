"""An Analysis as files an analyst can take away: one JSON document and CSV tables.

The JSON is the contract's row (``Analysis.to_dict()``) stamped with the presslens version and the
spaCy model that produced it, plus the analyst's corrections, so a result can be traced and
replayed. The tables (actors, entities, quotes) are pandas DataFrames; the dashboard shows the
same frames it exports.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

import pandas as pd

from . import __version__
from .model import Analysis
from .sentiment import evidence_weight

ACTOR_COLUMNS = ["actor", "type", "aliases", "mentions", "quoted", "quotes", "stance", "label",
                 "stance_sentences"]
ENTITY_COLUMNS = ["start", "end", "text", "label", "actor"]
QUOTE_COLUMNS = ["speaker", "quote", "kind", "confidence", "words", "speaker_text", "start", "end"]
UNATTRIBUTED = "(unattributed)"


def _model_name(analysis: Analysis) -> str:
    if analysis.model:
        return analysis.model
    from .nlp import MODEL_NAME
    return MODEL_NAME


def to_json(analysis: Analysis, *, edits: Iterable = (), indent: int | None = 2) -> str:
    """The whole analysis as a JSON string, stamped with version, model and the edits applied."""
    row = analysis.to_dict()
    row["presslens_version"] = analysis.version or __version__
    row["model"] = _model_name(analysis)
    row["edits"] = [e.to_dict() if hasattr(e, "to_dict") else dict(e) for e in edits]
    return json.dumps(row, ensure_ascii=False, indent=indent)


def actors_table(analysis: Analysis) -> pd.DataFrame:
    """One row per actor: who, how often named, whether quoted, the stance toward them and how
    many sentences that stance rests on (one sentence is weak ground)."""
    quoted: dict[str, int] = {}
    for q in analysis.quotes:
        if q.speaker:
            quoted[q.speaker] = quoted.get(q.speaker, 0) + 1
    rows = [{"actor": a.name, "type": a.type, "aliases": "; ".join(a.aliases),
             "mentions": a.mentions, "quoted": a.name in quoted, "quotes": quoted.get(a.name, 0),
             "stance": round(a.sentiment, 3), "label": a.label,
             "stance_sentences": sum(1 for ev in a.evidence if evidence_weight(ev) > 0)}
            for a in analysis.actors]
    return pd.DataFrame(rows, columns=ACTOR_COLUMNS)


def entities_table(analysis: Analysis) -> pd.DataFrame:
    """One row per entity mention in the cleaned text, with the actor it was merged into."""
    rows = [{"start": m.start, "end": m.end, "text": m.text, "label": m.label, "actor": m.actor}
            for m in analysis.entities]
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def quotes_table(analysis: Analysis) -> pd.DataFrame:
    """One row per quotation; quotes whose text names no one get the speaker '(unattributed)'."""
    rows = [{"speaker": q.speaker or UNATTRIBUTED, "quote": q.text, "kind": q.kind,
             "confidence": round(q.confidence, 3), "words": len(q.text.split()),
             "speaker_text": q.speaker_text, "start": q.start, "end": q.end}
            for q in analysis.quotes]
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def speaker_counts(analysis: Analysis) -> pd.DataFrame:
    """Who gets quoted: quotes and quoted words per speaker, most quoted first."""
    table = quotes_table(analysis)
    if table.empty:
        return pd.DataFrame(columns=["speaker", "quotes", "words"])
    counts = (table.groupby("speaker", sort=False)
              .agg(quotes=("quote", "size"), words=("words", "sum"))
              .reset_index()
              .sort_values(["quotes", "words", "speaker"], ascending=[False, False, True],
                           kind="stable")
              .reset_index(drop=True))
    return counts


# A cell a spreadsheet would run as a formula (CSV injection): '=HYPERLINK(...)', '+cmd|...'.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy in which every text cell that a spreadsheet would read as a formula starts with
    an apostrophe (OWASP's advice), so a hostile quote or name cannot run when the analyst
    opens the CSV in Excel or LibreOffice. Numbers are left alone."""
    out = table.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, str) and v.startswith(FORMULA_START)).any():
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    out.index = out.index.map(
        lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v)
    return out


def to_csv(table: pd.DataFrame) -> str:
    """A table as CSV text (UTF-8, no index column), safe to open in a spreadsheet."""
    return spreadsheet_safe(table).to_csv(index=False)
