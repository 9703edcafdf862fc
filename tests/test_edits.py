"""Analyst corrections: each returns a new, consistent Analysis and round-trips as plain data."""
from __future__ import annotations

import dataclasses
import json

import pytest

from analysis.edits import (EditError, MergeActors, RenameActor, SetSpeaker, SplitAlias,
                            apply_edit, apply_edits, edit_from_dict)
from analysis.model import Actor, Analysis, Evidence, Mention, Quote

TEXT = ("Jane Roe praised the council. Roe said the plan works. "
        "The Council of Leeds rejected it. Critics attacked the Leeds council.")


def _span(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def _sentence(needle: str) -> tuple[int, int]:
    s, _ = _span(needle)
    a = TEXT.rfind(". ", 0, s)
    a = 0 if a < 0 else a + 2
    b = TEXT.find(".", s) + 1
    return a, b


def make_analysis() -> Analysis:
    jane, roe = _span("Jane Roe"), _span("Roe", 1)
    council, leeds = _span("Council of Leeds"), _span("Leeds council")
    ents = (Mention(*jane, "Jane Roe", "PERSON", "Jane Roe"),
            Mention(*roe, "Roe", "PERSON", "Jane Roe"),
            Mention(*council, "Council of Leeds", "ORG", "Council of Leeds"),
            Mention(*leeds, "Leeds council", "ORG", "Leeds council"))
    ev_jane = (Evidence(*_sentence("Jane Roe"), 0.6, "", False),
               Evidence(*_sentence("Roe said"), 0.4, "", False))
    ev_council = (Evidence(*_sentence("Council of Leeds"), -0.5, "", False),)
    ev_leeds = (Evidence(*_sentence("Critics"), -0.9, "", False),)
    actors = (Actor("Jane Roe", "PERSON", ("Jane Roe", "Roe"), 2, 0.5, "positive", ev_jane),
              Actor("Council of Leeds", "ORG", ("Council of Leeds",), 1, -0.5, "negative", ev_council),
              Actor("Leeds council", "ORG", ("Leeds council",), 1, -0.9, "negative", ev_leeds))
    q = _span("the plan works")
    quotes = (Quote(*q, "the plan works", "Jane Roe", "Roe", "direct", 0.3),)
    return Analysis(id="t", text=TEXT, actors=actors, entities=ents, quotes=quotes)


@pytest.fixture
def mean_only(monkeypatch):
    """The stance arithmetic of these tests is the per-sentence mean's (the actor-level model
    switched off); test_merge_asks_the_actor_model_of_the_merged_evidence covers the model."""
    monkeypatch.setenv("PRESSLENS_ACTOR_STANCE", "off")


@pytest.mark.parametrize("sides", [0.0, 0.95])
def test_merge_asks_the_actor_model_of_the_merged_evidence(sides):
    from analysis.sentiment import article_stance
    a = make_analysis()
    a = dataclasses.replace(a, sentiment=dataclasses.replace(a.sentiment, sides=sides))
    out = apply_edit(a, MergeActors(keep="Council of Leeds", absorb="Leeds council"))
    council = next(x for x in out.actors if x.name == "Council of Leeds")
    # in the article's own measure of how strongly its narrator takes sides
    assert (council.sentiment, council.label) == article_stance(
        council.name, council.type, council.aliases, council.evidence, sides=sides)
    assert (council.sentiment, council.label) != article_stance(
        council.name, council.type, council.aliases, council.evidence, sides=0.95 - sides)


@pytest.mark.usefixtures("mean_only")
def test_merge_folds_mentions_aliases_evidence_and_references():
    a = make_analysis()
    out = apply_edit(a, MergeActors(keep="Council of Leeds", absorb="Leeds council"))
    names = [x.name for x in out.actors]
    assert "Leeds council" not in names
    council = next(x for x in out.actors if x.name == "Council of Leeds")
    assert council.mentions == 2
    assert "Leeds council" in council.aliases
    assert len(council.evidence) == 2
    assert council.sentiment == pytest.approx(-0.7)
    assert council.label == "negative"
    assert all(m.actor != "Leeds council" for m in out.entities)
    # the input is untouched
    assert [x.name for x in a.actors] == ["Jane Roe", "Council of Leeds", "Leeds council"]


@pytest.mark.usefixtures("mean_only")
def test_merge_recombines_stance_as_the_analysis_does_quoted_praise_weighs_nothing():
    """A merge must not let a source's quoted praise tip the article's stance (the analysis
    gives quoted sentences no weight): only the narrator's own negative sentence counts."""
    a = make_analysis()
    quoted = (Evidence(*_sentence("Jane Roe"), 0.9, "", True),)
    narrator = (Evidence(*_sentence("Critics"), -0.3, "", False),)
    actors = (a.actors[0],
              dataclasses.replace(a.actors[1], evidence=quoted, sentiment=0.0, label="neutral"),
              dataclasses.replace(a.actors[2], evidence=narrator, sentiment=-0.3, label="negative"))
    out = apply_edit(dataclasses.replace(a, actors=actors),
                     MergeActors(keep="Council of Leeds", absorb="Leeds council"))
    council = next(x for x in out.actors if x.name == "Council of Leeds")
    assert council.sentiment == pytest.approx(-0.3)
    assert council.label == "negative"


def test_merge_same_actor_or_unknown_actor_is_a_clear_error():
    a = make_analysis()
    with pytest.raises(EditError, match="two different"):
        apply_edit(a, MergeActors(keep="Jane Roe", absorb="Jane Roe"))
    with pytest.raises(EditError, match="no actor called"):
        apply_edit(a, MergeActors(keep="Jane Roe", absorb="Nobody"))


def test_rename_updates_entities_and_quote_speakers_and_keeps_old_name_as_alias():
    out = apply_edit(make_analysis(), RenameActor(old="Jane Roe", new="  Dr  Jane Roe "))
    actor = out.actors[0]
    assert actor.name == "Dr Jane Roe"
    assert "Jane Roe" in actor.aliases
    assert out.quotes[0].speaker == "Dr Jane Roe"
    assert {m.actor for m in out.entities if m.label == "PERSON"} == {"Dr Jane Roe"}


def test_rename_onto_existing_actor_or_to_nothing_is_refused():
    a = make_analysis()
    with pytest.raises(EditError, match="already exists"):
        apply_edit(a, RenameActor(old="Leeds council", new="Council of Leeds"))
    with pytest.raises(EditError, match="new name"):
        apply_edit(a, RenameActor(old="Leeds council", new="   "))


@pytest.mark.usefixtures("mean_only")
def test_split_alias_moves_its_mentions_and_evidence_to_a_new_actor():
    out = apply_edit(make_analysis(), SplitAlias(actor="Jane Roe", alias="Roe", new_name="John Roe"))
    jane = next(x for x in out.actors if x.name == "Jane Roe")
    john = next(x for x in out.actors if x.name == "John Roe")
    assert (jane.mentions, john.mentions) == (1, 1)
    assert john.aliases == ("Roe",)
    assert "Roe" not in jane.aliases
    assert john.sentiment == pytest.approx(0.4)
    assert jane.sentiment == pytest.approx(0.6)
    assert [m.actor for m in out.entities if m.label == "PERSON"] == ["Jane Roe", "John Roe"]
    assert john.type == "PERSON"


def test_split_the_only_form_or_an_absent_alias_is_refused():
    a = make_analysis()
    with pytest.raises(EditError, match="rename the actor"):
        apply_edit(a, SplitAlias(actor="Leeds council", alias="Leeds council", new_name="X"))
    with pytest.raises(EditError, match="not a mention"):
        apply_edit(a, SplitAlias(actor="Jane Roe", alias="Smith"))


def test_set_speaker_corrects_one_quote_and_marks_it_confirmed():
    a = make_analysis()
    q = a.quotes[0]
    out = apply_edit(a, SetSpeaker(q.start, q.end, "Council of Leeds"))
    assert out.quotes[0].speaker == "Council of Leeds"
    assert out.quotes[0].confidence == 1.0
    out = apply_edit(out, SetSpeaker(q.start, q.end, None))
    assert out.quotes[0].speaker is None
    with pytest.raises(EditError):
        apply_edit(a, SetSpeaker(0, 1, "Jane Roe"))


def test_edits_round_trip_through_json_and_replay_in_order():
    edits = [MergeActors("Council of Leeds", "Leeds council"),
             RenameActor("Council of Leeds", "Leeds City Council"),
             SplitAlias("Jane Roe", "Roe", None, None),
             SetSpeaker(1, 2, None)]
    saved = json.loads(json.dumps([e.to_dict() for e in edits]))
    assert [edit_from_dict(d) for d in saved] == edits
    a = make_analysis()
    q = a.quotes[0]
    out = apply_edits(a, edits[:3] + [SetSpeaker(q.start, q.end, "Leeds City Council")])
    assert sorted(x.name for x in out.actors) == ["Jane Roe", "Leeds City Council", "Roe"]
    assert out.quotes[0].speaker == "Leeds City Council"
    with pytest.raises(EditError):
        edit_from_dict({"kind": "explode"})
