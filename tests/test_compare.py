"""Cross-source comparison tables on a hand-built story: one event, three outlets.

The analyses are written in the contract's shape by hand (no NLP), so each expected cell
follows from the input: a wire report, a friendly outlet that names the buyer by surname only,
and a hostile outlet that leaves the buyer's spokesman out and quotes a critic instead.
"""
from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from analysis import compare
from analysis.compare import (UNNAMED, build_coverage, build_coverage_from_counts,
                              build_coverage_matrix, build_omissions,
                              build_outlet_summary, build_quote_matches, build_quote_share,
                              build_shared_quotes, build_stance_matrix, build_stance_table,
                              build_unique_quotes, compare_story, outlet_names, story_to_json)


def article(source, sentences, actors, quotes, polarity=0.0, subjectivity=0.3):
    text = " ".join(sentences)
    out_quotes = []
    for q, speaker in quotes:
        start = text.find(q)
        assert start >= 0, q
        out_quotes.append({"start": start, "end": start + len(q), "text": q, "speaker": speaker,
                           "speaker_text": speaker, "kind": "direct"})
    out_actors = []
    for name, typ, n, score, evidence in actors:
        evs = []
        for sent, pol in evidence:
            s = text.find(sent)
            assert s >= 0, sent
            evs.append({"start": s, "end": s + len(sent), "polarity": pol})
        out_actors.append({"name": name, "type": typ, "aliases": [name], "mentions": n,
                           "sentiment": score, "label": "negative" if score < -0.05 else
                           "positive" if score > 0.05 else "neutral", "evidence": evs})
    return {"id": source.lower(), "source": source, "title": f"{source} headline", "text": text,
            "removed": [], "actors": out_actors, "entities": [], "quotes": out_quotes,
            "sentiment": {"polarity": polarity, "subjectivity": subjectivity},
            "model": "test", "version": "test"}


WIRE = article("Wire", [
    "Kestrel Harbour Capital agreed to buy Redmarsh Rovers on Tuesday.",
    "“Redmarsh Rovers is a club with a proud history and an extraordinary community,” "
    "said Marcus Teo, a partner at the fund.",
    "The Supporters' Trust said: “We have questions that need answers.”",
], actors=[
    ("Kestrel Harbour Capital", "ORG", 4, 0.0, []),
    ("Redmarsh Rovers", "ORG", 3, 0.0, []),
    ("Marcus Teo", "PERSON", 2, 0.0, []),
    ("Supporters' Trust", "ORG", 1, 0.0, []),
], quotes=[
    ("Redmarsh Rovers is a club with a proud history and an extraordinary community,",
     "Marcus Teo"),
    ("We have questions that need answers.", None),
], polarity=0.02)

FRIENDLY = article("Friendly", [
    "Kestrel Harbour brings welcome investment to a proud club.",
    "Teo called Rovers “a club with a proud history and an extraordinary community”.",
    "“We intend to be custodians, not landlords,” Teo said.",
], actors=[
    ("Kestrel Harbour", "ORG", 4, 0.6,
     [("Kestrel Harbour brings welcome investment to a proud club.", 0.6)]),
    ("Redmarsh Rovers", "ORG", 3, 0.4, []),
    ("Teo", "PERSON", 3, 0.5, []),
], quotes=[
    ("a club with a proud history and an extraordinary community", "Teo"),
    ("We intend to be custodians, not landlords,", "Teo"),
], polarity=0.35, subjectivity=0.6)

HOSTILE = article("Hostile", [
    "Kestrel Harbour Capital is circling a struggling club like a vulture.",
    "Redmarsh Rovers fans are worried.",
    "“We have questions that need answers, and we want them now,” the Supporters' Trust said.",
    "Critic Dana Fox scoffed: “Custodians, not landlords? We have heard that before.”",
], actors=[
    ("Kestrel Harbour Capital", "ORG", 5, -0.7,
     [("Kestrel Harbour Capital is circling a struggling club like a vulture.", -0.8),
      ("Redmarsh Rovers fans are worried.", -0.2)]),
    ("Redmarsh Rovers", "ORG", 2, -0.2, []),
    ("Supporters' Trust", "ORG", 3, -0.1, []),
    ("Dana Fox", "PERSON", 2, -0.3, []),
], quotes=[
    ("We have questions that need answers, and we want them now,", "Supporters' Trust"),
    ("Custodians, not landlords? We have heard that before.", "Dana Fox"),
], polarity=-0.4, subjectivity=0.7)

STORY = [WIRE, FRIENDLY, HOSTILE]
OUTLETS = ["Wire", "Friendly", "Hostile"]


def test_outlets_in_story_order_and_pooled():
    assert outlet_names(STORY) == OUTLETS
    no_source = dict(WIRE, source=None, title=None)
    assert outlet_names([no_source, FRIENDLY]) == ["Article 1", "Friendly"]
    second_wire = dict(WIRE, id="wire2")
    assert outlet_names([WIRE, FRIENDLY, second_wire]) == ["Wire", "Friendly"]


def test_coverage_matrix_lines_up_actors_across_outlets():
    m = build_coverage_matrix(STORY)
    assert list(m.columns) == OUTLETS
    # "Teo" and "Kestrel Harbour" in the friendly outlet are the same actors as elsewhere
    assert "Teo" not in m.index and "Kestrel Harbour" not in m.index
    assert m.loc["Kestrel Harbour Capital"].tolist() == ["mentioned"] * 3
    assert m.loc["Redmarsh Rovers"].tolist() == ["mentioned"] * 3
    assert m.loc["Marcus Teo"].tolist() == ["quoted", "quoted", "absent"]
    assert m.loc["Supporters' Trust"].tolist() == ["mentioned", "absent", "quoted"]
    assert m.loc["Dana Fox"].tolist() == ["absent", "absent", "quoted"]
    # actors covered by all outlets come first
    assert set(m.index[:2]) == {"Kestrel Harbour Capital", "Redmarsh Rovers"}
    assert m.index[-1] == "Dana Fox"
    assert len(build_coverage_matrix(STORY, top=2)) == 2


def test_coverage_long_form_counts_mentions():
    long = build_coverage(STORY)
    row = long[(long.actor == "Kestrel Harbour Capital") & (long.outlet == "Friendly")].iloc[0]
    assert row.mentions == 4 and row.status == "mentioned"
    assert len(long) == 5 * 3


def test_without_alignment_names_match_exactly(monkeypatch):
    from analysis import entities
    monkeypatch.delattr(entities, "align_story_actors")
    m = build_coverage_matrix(STORY)
    assert m.loc["Teo"].tolist() == ["absent", "quoted", "absent"]
    assert m.loc["Marcus Teo"].tolist() == ["quoted", "absent", "absent"]


def test_stance_toward_shared_actors_per_outlet():
    st = build_stance_table(STORY)
    assert set(st.actor) == {"Kestrel Harbour Capital", "Redmarsh Rovers", "Marcus Teo",
                             "Supporters' Trust"}                     # Dana Fox: one outlet
    assert st.iloc[0].actor == "Kestrel Harbour Capital"              # widest disagreement
    assert st.iloc[0].spread == pytest.approx(1.3)
    k = st[st.actor == "Kestrel Harbour Capital"].set_index("outlet")
    assert k.loc["Friendly", "label"] == "positive" and k.loc["Hostile", "label"] == "negative"
    assert k.loc["Wire", "label"] == "neutral"
    # evidence: the sentence texts, strongest first
    assert k.loc["Hostile", "evidence"][0].startswith("Kestrel Harbour Capital is circling")
    assert len(k.loc["Hostile", "evidence"]) == 2
    m = build_stance_matrix(STORY)
    assert m.loc["Marcus Teo", "Friendly"] == pytest.approx(0.5)
    assert math.isnan(m.loc["Marcus Teo", "Hostile"])
    assert "Dana Fox" in build_stance_table(STORY, shared_only=False).actor.tolist()


def test_stance_is_pooled_by_mentions_for_two_articles_of_one_outlet():
    second = article("Hostile", ["Kestrel Harbour Capital did fine."],
                     actors=[("Kestrel Harbour Capital", "ORG", 5, 0.3, [])], quotes=[])
    st = build_stance_table([WIRE, HOSTILE, second]).set_index(["actor", "outlet"])
    assert st.loc[("Kestrel Harbour Capital", "Hostile"), "score"] == pytest.approx(-0.2)
    assert st.loc[("Kestrel Harbour Capital", "Hostile"), "mentions"] == 10
    # a hostile and a friendly article pool to a mixed, neutral stance (the analysis's own band)
    assert st.loc[("Kestrel Harbour Capital", "Hostile"), "label"] == "neutral"


def test_pooled_articles_that_agree_keep_their_label():
    # each article's score lies inside its label's band, so their mean keeps the label: two
    # neutral leans of +0.15 are not "positive" together, two clear positives stay positive
    def one(score, label):
        a = article("Daily", ["Dana Fox spoke."], actors=[("Dana Fox", "PERSON", 1, score, [])],
                    quotes=[])
        a["actors"][0]["label"] = label
        return a
    st = build_stance_table([one(0.15, "neutral"), one(0.15, "neutral"), WIRE],
                            shared_only=False).set_index(["actor", "outlet"])
    assert st.loc[("Dana Fox", "Daily"), "label"] == "neutral"
    st = build_stance_table([one(0.3, "positive"), one(0.5, "positive"), WIRE],
                            shared_only=False).set_index(["actor", "outlet"])
    assert st.loc[("Dana Fox", "Daily"), "label"] == "positive"


def test_who_gets_quoted_per_outlet():
    qs = build_quote_share(STORY)
    wire = qs[qs.outlet == "Wire"].set_index("speaker")
    assert wire.loc["Marcus Teo", "quotes"] == 1 and wire.loc[UNNAMED, "quotes"] == 1
    assert wire.loc["Marcus Teo", "quote_share"] == pytest.approx(0.5)
    assert wire.loc["Marcus Teo", "word_share"] == pytest.approx(13 / 19, abs=1e-4)
    friendly = qs[qs.outlet == "Friendly"]
    assert friendly.speaker.tolist() == ["Marcus Teo"] and friendly.quote_share.tolist() == [1.0]
    for _, part in qs.groupby("outlet"):
        assert part.quote_share.sum() == pytest.approx(1.0)
        assert part.word_share.sum() == pytest.approx(1.0)


def test_quotes_shared_across_outlets_even_when_trimmed():
    shared = build_shared_quotes(STORY)
    assert len(shared) == 2
    by_text = {r.text: r for r in shared.itertuples()}
    proud = by_text["Redmarsh Rovers is a club with a proud history and an extraordinary "
                    "community,"]
    assert proud.outlets == ["Wire", "Friendly"] and proud.speakers == ["Marcus Teo"]
    assert proud.same_speaker and proud.variants == 2
    answers = by_text["We have questions that need answers, and we want them now,"]
    assert answers.outlets == ["Wire", "Hostile"]
    assert answers.speakers == [UNNAMED, "Supporters' Trust"] and answers.same_speaker
    unique = build_unique_quotes(STORY)
    # a critic echoing three words of a quote is not the same quote
    assert sorted(unique.outlet) == ["Friendly", "Hostile"]
    assert set(unique.speaker) == {"Marcus Teo", "Dana Fox"}


def test_quote_matching_rules():
    def matched(a: str, b: str) -> bool:
        x = article("X", [a], [], [(a, "S")])
        y = article("Y", [b], [], [(b, "S")])
        return build_quote_matches([x, y]).n_outlets.tolist() == [2, 2]

    assert matched("We won’t back down.", "we won't back down")         # marks and case
    assert matched("Shameful.", "shameful")                               # short but equal
    assert matched("the deal will save the club from ruin",
                   "We believe the deal will save the club")               # trimmed both ends
    assert matched("not landlords", "not landlords")
    assert matched("custodians, not landlords", "We intend to be custodians, not landlords"
                   " of this club, whatever our critics say")              # a partial quote
    assert not matched("Custodians, not landlords? We have heard that before.",
                       "We intend to be custodians, not landlords.")       # 3 echoed words
    assert not matched("The vote is on Friday.", "The vote was a disaster for everyone.")


def test_attribution_that_differs_between_outlets_is_flagged():
    a = article("A", ["“This is a day of shame for football,” said Ann Lee."], [],
                [("This is a day of shame for football,", "Ann Lee")])
    b = article("B", ["Bo Ek said “this is a day of shame for football”."], [],
                [("this is a day of shame for football", "Bo Ek")])
    row = build_shared_quotes([a, b]).iloc[0]
    assert not row.same_speaker and row.speakers == ["Ann Lee", "Bo Ek"]


def test_actors_an_outlet_leaves_out():
    om = build_omissions(STORY)
    pairs = set(zip(om.outlet, om.actor))
    assert pairs == {("Hostile", "Marcus Teo"), ("Friendly", "Supporters' Trust")}
    row = om[om.actor == "Marcus Teo"].iloc[0]
    assert (row.mentioned_by, row.others, row.share, row.mentions_elsewhere) == (2, 2, 1.0, 5)
    # Dana Fox: one of the two others is not "most"; a lower bar lists her too
    assert ("Wire", "Dana Fox") in set(zip(*[build_omissions(STORY, min_share=0.4)[c]
                                             for c in ("outlet", "actor")]))


def test_outlet_summary():
    s = build_outlet_summary(STORY).set_index("outlet")
    assert list(s.index) == OUTLETS
    assert s.loc["Hostile", "sources_quoted"] == 2 and s.loc["Hostile", "unnamed_quotes"] == 0
    assert s.loc["Wire", "sources_quoted"] == 1 and s.loc["Wire", "unnamed_quotes"] == 1
    assert s.loc["Friendly", "sources_quoted"] == 1                     # "Teo" twice, one person
    assert s.loc["Friendly", "actors"] == 3
    assert s.loc["Hostile", "tone_label"] == "negative"
    assert s.loc["Friendly", "tone_label"] == "positive"
    assert s.loc["Wire", "words"] == 41 and s.loc["Wire", "quoted_words"] == 19
    assert s.loc["Wire", "quoted_share"] == pytest.approx(19 / 41, abs=1e-4)


def test_how_strongly_each_outlet_takes_sides_is_the_mean_of_its_articles():
    """``sentiment.sides`` averaged per outlet over the articles that have it."""
    def with_sides(a, sides):
        return dict(a, sentiment=dict(a["sentiment"], sides=sides))
    second = dict(with_sides(HOSTILE, 0.7), id="hostile-2")
    story = [WIRE, with_sides(FRIENDLY, 0.85), with_sides(HOSTILE, 0.95), second]
    s = build_outlet_summary(story).set_index("outlet")
    assert s.loc["Hostile", "sides"] == pytest.approx(0.825)
    assert s.loc["Friendly", "sides"] == pytest.approx(0.85)
    assert s.loc["Wire", "sides"] is None or pd.isna(s.loc["Wire", "sides"])
    counted = compare.compare_story_counts([compare.count_story(story, range(4))])["outlets"]
    pd.testing.assert_frame_equal(counted, build_outlet_summary(story), check_dtype=False)
    assert compare.analysis_figures(with_sides(WIRE, float("nan")))["sides"] is None


def test_empty_and_single_outlet_inputs_give_empty_tables():
    for name, df in compare_story([]).items():
        assert isinstance(df, pd.DataFrame) and df.empty, name
    assert list(build_shared_quotes([]).columns) == compare.COLUMNS["shared_quotes"]
    one = compare_story([WIRE])
    assert one["omissions"].empty and one["shared_quotes"].empty
    assert one["coverage"].shape == (4, 1)
    bare = {"text": "Nothing here.", "source": "Bare"}
    assert build_outlet_summary([bare]).iloc[0].quotes == 0


def test_story_to_json_is_plain_json():
    out = story_to_json(STORY, name="Rovers takeover")
    text = json.dumps(out, allow_nan=False)
    back = json.loads(text)
    assert back["story"] == "Rovers takeover" and back["outlet_names"] == OUTLETS
    assert back["articles"] == 3
    assert set(back["tables"]) == {"outlets", "coverage", "stance", "quote_share",
                                   "shared_quotes", "unique_quotes", "omissions"}
    assert [r["outlet"] for r in back["tables"]["outlets"]] == OUTLETS
    assert back["tables"]["shared_quotes"][0]["outlets"] in (["Wire", "Friendly"],
                                                             ["Wire", "Hostile"])
    teo = next(r for r in back["tables"]["coverage"] if r["actor"] == "Marcus Teo")
    assert teo == {"actor": "Marcus Teo", "Wire": "quoted", "Friendly": "quoted",
                   "Hostile": "absent"}


def test_records_and_objects_are_accepted():
    from analysis.model import Actor, Analysis
    an = Analysis(id="x", text="Ann Lee spoke.", source="Obj",
                  actors=(Actor("Ann Lee", "PERSON", ("Ann Lee",), 1, 0.2, "positive"),))
    assert outlet_names([an, WIRE]) == ["Obj", "Wire"]
    with pytest.raises(ValueError):
        build_coverage(["not an analysis"])


def test_coverage_from_grouped_counts_matches_the_full_builder(tmp_path):
    from analysis.store import Store
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    try:
        sid = store.create_story("Rovers")
        for a in STORY:
            store.save_article(a, story_id=sid)
        from_sql = build_coverage_from_counts(store.outlet_actor_counts(sid))
        ordered = build_coverage_from_counts(store.outlet_actor_counts(sid),
                                             outlets=store.get_story(sid).sources)
    finally:
        store.dispose()
    full = build_coverage(STORY)
    key = ["actor", "outlet"]
    assert sorted(from_sql.outlet.unique()) == sorted(OUTLETS)
    assert list(ordered.outlet.unique()) == OUTLETS
    pd.testing.assert_frame_equal(
        from_sql.sort_values(key).reset_index(drop=True)[["actor", "outlet", "status",
                                                          "mentions", "quotes"]],
        full.sort_values(key).reset_index(drop=True)[["actor", "outlet", "status",
                                                      "mentions", "quotes"]],
        check_dtype=False)
