"""Records serialise to the contract's JSON and round-trip through json."""
from __future__ import annotations

import json
import pickle

from analysis.model import Actor, Analysis, Evidence, Mention, Quote, Removal, Tone


def _analysis() -> Analysis:
    return Analysis(
        id="abc", text="Kerry said hi.", source="Wire", title="T",
        removed=(Removal(0, 5, "Share", "share-widget"),),
        actors=(Actor("John Kerry", "PERSON", ("Kerry",), 1, -0.5, "negative", (Evidence(0, 14, -0.5),)),),
        entities=(Mention(0, 5, "Kerry", "PERSON", "John Kerry"),),
        quotes=(Quote(11, 13, "hi", "John Kerry", "Kerry", "partial", 0.9),),
        sentiment=Tone(0.1, 0.2))


def test_to_dict_has_every_contract_field_and_is_json():
    row = json.loads(json.dumps(_analysis().to_dict()))
    assert {"id", "source", "title", "text", "removed", "actors", "entities", "quotes", "sentiment"} <= row.keys()
    assert row["removed"][0] == {"start": 0, "end": 5, "text": "Share", "reason": "share-widget"}
    assert row["actors"][0]["aliases"] == ["Kerry"] and row["actors"][0]["label"] == "negative"
    assert row["actors"][0]["evidence"][0]["polarity"] == -0.5
    assert row["entities"][0]["actor"] == "John Kerry"
    assert row["quotes"][0]["speaker"] == "John Kerry" and row["quotes"][0]["kind"] == "partial"


def test_records_are_frozen_and_pickle():
    a = _analysis()
    assert pickle.loads(pickle.dumps(a)) == a
    try:
        a.id = "x"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("Analysis must be frozen")


def test_from_dict_rebuilds_the_same_analysis():
    a = _analysis()
    row = json.loads(json.dumps(a.to_dict()))
    assert Analysis.from_dict(row).to_dict() == a.to_dict()
    row["unknown_future_field"] = 1
    assert Analysis.from_dict(row).id == "abc"
