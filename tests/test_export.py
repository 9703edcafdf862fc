"""Export: JSON stamped with version and model, CSV tables that read back as the same rows."""
from __future__ import annotations

import io
import json

import pandas as pd

import analysis
from analysis.edits import RenameActor
from analysis.export import (UNATTRIBUTED, actors_table, entities_table, quotes_table,
                             speaker_counts, to_csv, to_json)
from tests.test_edits import make_analysis


def test_json_is_the_contract_row_plus_version_model_and_edits():
    a = make_analysis()
    row = json.loads(to_json(a, edits=[RenameActor("Jane Roe", "J. Roe")]))
    assert row["presslens_version"] == analysis.__version__
    assert row["model"] == analysis.nlp.MODEL_NAME
    assert row["edits"] == [{"kind": "rename", "old": "Jane Roe", "new": "J. Roe"}]
    for key in ("id", "text", "removed", "actors", "entities", "quotes", "sentiment"):
        assert key in row
    assert row["actors"][0]["name"] == "Jane Roe"


def test_json_keeps_the_model_the_analysis_was_made_with():
    a = make_analysis().__class__(**{**make_analysis().__dict__, "model": "some_model"})
    assert json.loads(to_json(a))["model"] == "some_model"


def test_actor_table_says_who_is_quoted():
    table = actors_table(make_analysis())
    assert list(table["actor"]) == ["Jane Roe", "Council of Leeds", "Leeds council"]
    assert list(table["quoted"]) == [True, False, False]
    assert table.loc[0, "aliases"] == "Jane Roe; Roe"


def test_csv_tables_read_back_with_same_rows_and_text():
    a = make_analysis()
    for table in (actors_table(a), entities_table(a), quotes_table(a)):
        back = pd.read_csv(io.StringIO(to_csv(table)))
        assert list(back.columns) == list(table.columns)
        assert len(back) == len(table)
    assert pd.read_csv(io.StringIO(to_csv(quotes_table(a))))["quote"][0] == "the plan works"


def test_empty_analysis_gives_empty_tables_with_headers():
    empty = analysis.model.Analysis(id="e", text="")
    assert list(pd.read_csv(io.StringIO(to_csv(actors_table(empty)))).columns)[0] == "actor"
    assert entities_table(empty).empty and quotes_table(empty).empty
    assert speaker_counts(empty).empty


def test_speaker_counts_count_quotes_and_words_and_name_unattributed():
    from dataclasses import replace
    a = make_analysis()
    q = a.quotes[0]
    a = replace(a, quotes=(q, replace(q, start=0, end=8, text="one two three", speaker=None)))
    counts = speaker_counts(a)
    assert set(counts["speaker"]) == {"Jane Roe", UNATTRIBUTED}
    assert counts.set_index("speaker").loc[UNATTRIBUTED, "words"] == 3


def test_actor_table_says_how_many_sentences_a_stance_rests_on():
    a = analysis.analyze("Critics accused Ruth Okafa of grandstanding. Okafa denied it. "
                         "“We are fine,” Okafa said.")
    table = actors_table(a).set_index("actor")
    counted = table.loc["Ruth Okafa", "stance_sentences"]
    evidence = next(x for x in a.actors if x.name == "Ruth Okafa").evidence
    assert 1 <= counted < len(evidence)     # the quotation's speaker sentence does not count
