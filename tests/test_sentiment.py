"""Target-dependent stance, the article's stance toward actors, and the shipped models.

Sentences are invented general shapes (accusation, praise, negation, a speaker and what they
say, names that look like sentiment words), not taken from any evaluation file.
"""
from __future__ import annotations

import gzip
import json

import numpy as np
import pytest

from analysis import sentiment_toward
from analysis.model import Actor, Mention, Quote, Stance
from analysis.sentiment import actor_stances, document_tone, stance_backend, stance_label

from shared_paths import SHARED


def stance(sentence: str, target: str, occurrence: int = 0) -> Stance:
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(target, start + 1)
    (result,) = sentiment_toward(sentence, [(start, start + len(target))])
    return result


def test_returns_one_stance_per_span_in_range():
    text = "The council approved the budget. Residents cheered the mayor."
    out = sentiment_toward(text, [(4, 11), (49, 54), (0, 3)])
    assert len(out) == 3
    for s in out:
        assert -1.0 <= s.score <= 1.0
        assert s.label in ("negative", "neutral", "positive")
        assert 0.0 <= s.confidence <= 1.0
    assert sentiment_toward(text, []) == []


def test_scoring_leaves_the_shared_pipeline_untouched(nlp):
    before = (list(nlp.pipe_names), list(nlp.disabled))
    stance("Critics accused Senator Alvarez of corruption.", "Senator Alvarez")
    assert (list(nlp.pipe_names), list(nlp.disabled)) == before
    assert nlp("Angela Merkel visited Paris.").ents


def test_bad_span_is_one_clear_error():
    with pytest.raises(ValueError, match="outside the text"):
        sentiment_toward("Short text.", [(3, 99)])


@pytest.mark.parametrize("sentence,target", [
    ("Critics accused Senator Alvarez of corruption and abuse of power.", "Senator Alvarez"),
    ("Prosecutors charged the mayor, Tom Reyes, with fraud on Monday.", "Tom Reyes"),
    ("Opposition leaders condemned Governor Hale for the botched evacuation.", "Governor Hale"),
])
def test_accusation_is_negative_toward_the_accused(sentence, target):
    assert stance(sentence, target).label == "negative"


@pytest.mark.parametrize("sentence,target", [
    ("Doctors praised Minister Okoro for her courageous leadership during the crisis.", "Minister Okoro"),
    ("The charity honoured Lena Park for her generous and tireless work with refugees.", "Lena Park"),
])
def test_praise_is_positive_toward_the_praised(sentence, target):
    assert stance(sentence, target).label == "positive"


def test_target_dependent_not_sentence_tone():
    sentence = "Martin Cole praised Julia Reyes, whose reforms were a great success."
    praised = stance(sentence, "Julia Reyes")
    assert praised.label == "positive"
    assert praised.score > stance(sentence, "Martin Cole").score - 0.05


def test_negation_flips_or_softens():
    plain = stance("Investigators found that Dana Holt was corrupt and dishonest.", "Dana Holt")
    negated = stance("Investigators found that Dana Holt was not corrupt or dishonest.", "Dana Holt")
    assert plain.label == "negative"
    assert negated.score > plain.score


def test_speaker_not_judged_by_what_they_say():
    sentence = 'Mayor Lin said the flooding was "a terrible disaster for the whole city".'
    assert stance(sentence, "Mayor Lin").label != "negative"


@pytest.mark.parametrize("sentence,target", [
    ("Hope Hicks arrived in Washington on Tuesday.", "Hope Hicks"),
    ("The Justice Department released the documents on Friday.", "The Justice Department"),
    ("Joy Smith met Grace Liu at the conference.", "Grace Liu"),
])
def test_names_are_not_sentiment_words(sentence, target):
    assert stance(sentence, target).label == "neutral"


@pytest.fixture
def mean_only(monkeypatch):
    """These tests specify the per-sentence evidence (what counts, at what weight, with what
    polarity) and the label its mean gives, so the actor-level model is switched off; what the
    model makes of such short texts is in tests/test_actor_stance_encoder.py."""
    monkeypatch.setenv("PRESSLENS_ACTOR_STANCE", "off")


def _actors_and_mentions(doc, names):
    actors, mentions = [], []
    for name in names:
        start = 0
        count = 0
        while (i := doc.text.find(name, start)) >= 0:
            mentions.append(Mention(i, i + len(name), name, "PERSON", actor=name))
            start = i + len(name)
            count += 1
        actors.append(Actor(name=name, type="PERSON", aliases=(name,), mentions=count))
    return actors, mentions


@pytest.mark.usefixtures("mean_only")
def test_actor_stances_narrator_framing_and_quoted_praise(nlp):
    text = ("Prosecutors accused Victor Crane of fraud and bribery on Monday. "
            "Victor Crane has been widely condemned for the scandal, which ruined hundreds of families. "
            "Anna Bell, a longtime friend, said: \"Victor Crane is a wonderful, honest and generous man.\" "
            "The court will hear the case in May.")
    doc = nlp(text)
    actors, mentions = _actors_and_mentions(doc, ["Victor Crane", "Anna Bell"])
    q0 = text.index("\"") + 1
    quotes = [Quote(q0, text.index("\"", q0), text[q0:text.index("\"", q0)], "Anna Bell", "Anna Bell")]
    out = {a.name: a for a in actor_stances(doc, actors, mentions, quotes)}
    crane = out["Victor Crane"]
    assert crane.label == "negative"
    assert -1.0 <= crane.sentiment < 0
    assert len(crane.evidence) == 3
    quoted = [e for e in crane.evidence if e.quoted]
    assert len(quoted) == 1 and "wonderful" in quoted[0].text
    for e in crane.evidence:
        assert text[e.start:e.end] == e.text and "Victor Crane" in e.text
    assert out["Anna Bell"].label == "neutral"


def test_a_speakers_own_glowing_quotes_do_not_make_the_article_favourable(nlp):
    # Two sentences of a source praising their own side: the quotes are the speaker's opinion,
    # not the narrator's, so the article stays neutral toward the speaker (they stay evidence).
    text = ("\u201cThis is a wonderful, brilliant and proud day for our great town,\u201d said Ann Vale. "
            "\u201cThe fans are amazing, the future is bright and we are delighted,\u201d Ann Vale added. "
            "The council meets again in March.")
    doc = nlp(text)
    actors, mentions = _actors_and_mentions(doc, ["Ann Vale"])
    quotes = []
    for k in range(2):
        a = [i for i, c in enumerate(text) if c == "\u201c"][k] + 1
        b = text.index("\u201d", a)
        quotes.append(Quote(a, b, text[a:b], "Ann Vale", "Ann Vale"))
    (vale,) = actor_stances(doc, actors, mentions, quotes)
    # the actor-level model reads a speaker's sentences too, and its score stays in the band
    assert vale.label == "neutral" and stance_label(vale.sentiment, vale.type) == "neutral"
    assert len(vale.evidence) == 2 and all(e.quoted for e in vale.evidence)
    assert all(e.polarity > 0 for e in vale.evidence)


def _places(doc, names):
    actors, mentions = _actors_and_mentions(doc, names)
    return ([Actor(name=a.name, type="GPE", aliases=a.aliases, mentions=a.mentions) for a in actors],
            [Mention(m.start, m.end, m.text, "GPE", actor=m.actor) for m in mentions])


def test_a_place_named_as_the_setting_is_not_judged_by_what_happens_there(nlp):
    text = ("A violent riot broke out in Carlow on Friday, and three people were killed. "
            "Carlow police officers arrested twenty men after the brutal attack.")
    doc = nlp(text)
    actors, mentions = _places(doc, ["Carlow"])
    (carlow,) = actor_stances(doc, actors, mentions, [])
    assert carlow.label == "neutral" and carlow.sentiment == 0.0
    assert len(carlow.evidence) == 2 and all(e.polarity < 0 for e in carlow.evidence)


def test_places_listed_after_a_preposition_or_as_a_based_modifier_are_settings(nlp):
    from analysis.sentiment import _is_setting
    text = ("The brutal gang ran rackets from offices in Carlow, Tralee and Ennis. "
            "A Carlow-based fraudster was jailed for a vicious scam.")
    doc = nlp(text)
    for name, at in (("Carlow", 44), ("Tralee", 52), ("Ennis", 63), ("Carlow", 72)):
        assert text[at:at + len(name)] == name
        assert _is_setting(doc, at, at + len(name)), name
    actors, mentions = _places(doc, ["Carlow", "Tralee", "Ennis"])
    for actor in actor_stances(doc, actors, mentions, []):
        assert actor.label == "neutral" and actor.sentiment == 0.0


@pytest.mark.usefixtures("mean_only")
def test_an_organisation_named_as_a_persons_affiliation_is_not_judged(nlp):
    from analysis.sentiment import _is_affiliation
    text = ("Harwick CEO Dana Whitfield was praised for a brilliant, generous rescue plan. "
            "The Courier's Sam Ortiz called it a triumph. Harwick's profits fell sharply.")
    doc = nlp(text)
    assert _is_affiliation(doc, 0, 7)                     # Harwick CEO Dana Whitfield
    at = text.index("Courier")
    assert _is_affiliation(doc, at, at + 7)               # the Courier's Sam Ortiz
    at = text.index("Harwick's")
    assert not _is_affiliation(doc, at, at + 7)           # Harwick's profits: about Harwick
    actors, mentions = _actors_and_mentions(doc, ["Harwick", "Dana Whitfield"])
    by_name = {a.name: a for a in actor_stances(doc, actors, mentions, [])}
    assert by_name["Dana Whitfield"].label == "positive"
    harwick = by_name["Harwick"]
    assert len(harwick.evidence) == 2                      # both sentences stay as evidence
    assert harwick.sentiment <= 0                          # the praise of its CEO does not count


@pytest.mark.usefixtures("mean_only")
def test_a_score_or_a_players_numbers_report_a_result_not_a_judgement(nlp):
    text = ("Jonas Brodin scored twice as Minnesota beat Chicago 4-2 on Saturday. Alex Stalock "
            "made 35 saves for the win. Jonas Brodin is a brilliant, generous captain.")
    doc = nlp(text)
    actors, mentions = _actors_and_mentions(doc, ["Jonas Brodin", "Alex Stalock"])
    by_name = {a.name: a for a in actor_stances(doc, actors, mentions, [])}
    stalock = by_name["Alex Stalock"]
    assert [e.reason for e in stalock.evidence] == ["result"] and stalock.label == "neutral"
    brodin = by_name["Jonas Brodin"]
    assert [(e.reason, e.weight) for e in brodin.evidence] == [("result", 0.0), ("", 1.0)]
    assert brodin.label == "positive"        # the article's own praise still counts


@pytest.mark.usefixtures("mean_only")
def test_who_reports_speech_is_not_judged_by_it_but_whom_the_narrator_judges_is(nlp):
    from analysis.sentiment import _reported_speaker
    text = ("Prices will soar and the reckless plan will ruin families, said Monica Reyes, a "
            "senior fellow at the Harbour Institute. According to Kestrel Capital, the losses "
            "were a disaster. Critics said Dana Whitfield had grandstanding and incompetent "
            "habits. Dana Whitfield is a reckless, incompetent manager.")
    doc = nlp(text)
    for name in ("Monica Reyes", "Harbour Institute", "Kestrel Capital"):
        at = text.index(name)
        assert _reported_speaker(doc, at, at + len(name)), name
    at = text.index("Dana Whitfield")
    assert not _reported_speaker(doc, at, at + len("Dana Whitfield"))   # inside the report
    names = ["Monica Reyes", "Harbour Institute", "Kestrel Capital", "Dana Whitfield"]
    actors, mentions = _actors_and_mentions(doc, names)
    by_name = {a.name: a for a in actor_stances(doc, actors, mentions, [])}
    for name in names[:3]:
        assert [(e.reason, e.weight) for e in by_name[name].evidence] == [("speaker", 0.0)]
        assert by_name[name].label == "neutral"
    assert by_name["Dana Whitfield"].label == "negative"


@pytest.mark.usefixtures("mean_only")
def test_a_name_in_a_list_of_three_or_more_is_named_in_passing(nlp):
    text = ("Dana Whitfield, Omar Reyes and Lena Park are under enormous pressure. Dana "
            "Whitfield is a reckless, incompetent manager. Omar Reyes and Lena Park met.")
    doc = nlp(text)
    names = ["Dana Whitfield", "Omar Reyes", "Lena Park"]
    actors, mentions = _actors_and_mentions(doc, names)
    by_name = {a.name: a for a in actor_stances(doc, actors, mentions, [])}
    assert [(e.reason, e.weight) for e in by_name["Dana Whitfield"].evidence] == [
        ("list", 0.0), ("", 1.0)]
    assert by_name["Dana Whitfield"].label == "negative"
    assert [e.reason for e in by_name["Omar Reyes"].evidence] == ["list", ""]   # two: counts


@pytest.mark.parametrize("sentence, sign", [
    ("Senator Alvarez is not corrupt.", +1),
    ("Senator Alvarez is no fool.", +1),
    ("Senator Alvarez's plan is not a disaster.", +1),
    ("Senator Alvarez is not competent.", -1),
])
@pytest.mark.usefixtures("mean_only")
def test_a_negated_judgement_of_the_target_reverses_the_judging_word(nlp, sentence, sign):
    """Both models read "X is not corrupt" with the tone of "corrupt"; the lexicon rule does not."""
    from analysis.sentiment import _negated_predicate_stance
    doc = nlp(sentence)
    value = _negated_predicate_stance(doc, 8, 15)
    assert value is not None and value * sign > 0.3
    actors, mentions = _actors_and_mentions(doc, ["Alvarez"])
    (alvarez,) = actor_stances(doc, actors, mentions, [])
    assert alvarez.label == ("positive" if sign > 0 else "negative")


@pytest.mark.parametrize("sentence", [
    "Senator Alvarez is not a speculator.",
    "Senator Alvarez is not an outsider chasing a quick return.",
    "Senator Alvarez's strike threat is not a stunt.",
])
def test_a_negated_charge_with_no_judging_word_is_a_rebuttal(nlp, sentence):
    from analysis.sentiment import REBUTTAL_STANCE, _negated_predicate_stance
    assert _negated_predicate_stance(nlp(sentence), 8, 15) == REBUTTAL_STANCE > 0


def test_no_stranger_is_not_a_rebuttal(nlp):
    from analysis.sentiment import _negated_predicate_stance
    assert _negated_predicate_stance(nlp("Senator Alvarez is no stranger to controversy."), 8, 15) is None


def test_no_negation_no_rule(nlp):
    from analysis.sentiment import _negated_predicate_stance
    for sentence in ("Senator Alvarez is corrupt.", "Senator Alvarez did not attend the hearing.",
                     "Senator Alvarez is not in Madrid."):
        assert _negated_predicate_stance(nlp(sentence), 8, 15) is None


def test_a_place_that_acts_is_still_judged(nlp):
    text = "Critics condemned Carlow for its corrupt and reckless spending. Carlow denied the charge."
    doc = nlp(text)
    actors, mentions = _places(doc, ["Carlow"])
    (carlow,) = actor_stances(doc, actors, mentions, [])
    assert carlow.label == "negative"


def test_evidence_stays_within_its_paragraph(nlp):
    text = ("Interview by Sam Ortiz with Rosa Vega\n\n"
            "Rosa Vega opened the new library on Monday\n\n"
            "Rosa Vega was praised by teachers for her generous support. The library has 4,000 books.")
    doc = nlp(text)
    actors, mentions = _actors_and_mentions(doc, ["Rosa Vega"])
    (vega,) = actor_stances(doc, actors, mentions, [])
    assert len(vega.evidence) == 3
    for e in vega.evidence:
        assert "\n" not in e.text and e.text == e.text.strip() and "Rosa Vega" in e.text
    assert vega.evidence[-1].text.endswith("support.")


def test_pronoun_sentence_counts_for_the_last_named_person(nlp):
    text = ("Omar Diallo became mayor in 2019. He was later convicted of fraud and bribery, "
            "and he was widely condemned for the scandal.")
    doc = nlp(text)
    actors, mentions = _actors_and_mentions(doc, ["Omar Diallo"])
    (diallo,) = actor_stances(doc, actors, mentions, [])
    assert len(diallo.evidence) == 2
    assert diallo.evidence[1].text.startswith("He was later convicted")
    assert diallo.evidence[1].polarity < 0


def test_actor_without_mentions_stays_neutral(nlp):
    doc = nlp("Nothing happened today.")
    (actor,) = actor_stances(doc, [Actor(name="Nobody", type="PERSON")], [], [])
    assert actor.label == "neutral" and actor.sentiment == 0.0 and actor.evidence == ()


def test_document_tone_is_textblob(nlp):
    tone = document_tone(nlp("This is a wonderful, excellent day."))
    assert tone.polarity > 0.5 and 0.0 <= tone.subjectivity <= 1.0
    assert document_tone(nlp("")).polarity == 0.0


def _dev_rows(n: int) -> list[dict]:
    with gzip.open(SHARED / "eval" / "newsmtsc" / "dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return rows[::max(1, len(rows) // n)][:n]


def _macro_f1(gold, pred):
    f1s = []
    for c in sorted(set(gold) | set(pred)):
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        pr, rc = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return sum(f1s) / len(f1s)


LABEL = {"negative": -1, "neutral": 0, "positive": 1}


def test_shipped_model_matches_its_recorded_dev_score():
    """Re-score a fixed sample of NewsMTSC dev with the shipped model against its provenance."""
    from analysis.stance_encoder import ENCODER_DIR
    from analysis.stance_model import LINEAR_PATH
    provenance = (ENCODER_DIR / "provenance.json" if stance_backend() == "encoder"
                  else LINEAR_PATH.with_suffix(".json"))
    recorded = json.loads(provenance.read_text())
    assert recorded["dev_macro_f1"] >= 0.55
    for key in ("data", "git_commit", "command", "dev_macro_f1", "held_out_macro_f1"):
        assert recorded.get(key), key
    rows = _dev_rows(240)
    pred = [LABEL[s.label] for r in rows
            for s in sentiment_toward(r["sentence"], [(r["start"], r["end"])])]
    f1 = _macro_f1([r["polarity"] for r in rows], pred)
    assert abs(f1 - recorded["dev_macro_f1"]) < 0.08, (f1, recorded["dev_macro_f1"])


def test_shipped_encoder_is_the_default_and_small():
    from analysis.stance_encoder import ENCODER_DIR
    recorded = json.loads((ENCODER_DIR / "provenance.json").read_text())
    assert stance_backend() == "encoder"
    assert (ENCODER_DIR / "model.onnx").stat().st_size < 40 * 2**20
    assert recorded["dev_macro_f1"] >= 0.70 and recorded["held_out_macro_f1"] >= 0.70
    assert "newsmtsc" in recorded["data"].lower()


def test_encoder_batch_matches_one_at_a_time():
    """Padding and length-sorting in a batch barely change a row's answer (int8 activations are
    quantised per batch, so probabilities move a little and a borderline label may flip)."""
    from analysis.stance_encoder import EncoderStanceModel
    model = EncoderStanceModel()
    rows = [(r["sentence"], r["start"], r["end"]) for r in _dev_rows(40)]
    batched = model.probabilities(rows)
    single = np.array([model.probabilities([row])[0] for row in rows])
    assert batched.shape == (40, 3)
    assert abs(batched.sum(axis=1) - 1).max() < 1e-4
    assert (batched.argmax(1) == single.argmax(1)).mean() >= 0.9
    assert abs(batched - single).max() < 0.3


def test_encoder_pairs_take_actors_in_turns_and_only_pairs_that_count(monkeypatch):
    import analysis.sentiment as sentiment
    from analysis.sentiment import _encoder_pairs, _Target
    actors = [Actor(name="C", type="PERSON", mentions=1), Actor(name="A", type="PERSON", mentions=9),
              Actor(name="B", type="PERSON", mentions=5)]
    targets = [_Target("A", (0, 10), 0, 1, 1.0), _Target("A", (0, 10), 5, 6, 1.0),
               _Target("C", (0, 10), 8, 9, 1.0),
               _Target("A", (11, 20), 11, 12, 1.0), _Target("B", (11, 20), 14, 15, 1.0),
               _Target("B", (21, 40), 30, 31, 1.0),    # weighs nothing (inside a quotation)
               _Target("A", (41, 50), 41, 42, 0.5)]    # a pronoun: after the named mentions
    weights = [1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.5]
    monkeypatch.setattr(sentiment, "ENCODER_PAIRS_PER_ARTICLE", 12)
    picked = _encoder_pairs(targets, weights, actors)
    assert [(t.actor, t.sentence) for t in picked] == [
        ("A", (0, 10)), ("B", (11, 20)), ("C", (0, 10)), ("A", (11, 20)), ("A", (41, 50))]
    monkeypatch.setattr(sentiment, "ENCODER_PAIRS_PER_ARTICLE", 2)
    many = [_Target("A", (i * 10, i * 10 + 9), i * 10, i * 10 + 1, 1.0) for i in range(40)]
    assert len(_encoder_pairs(many, [1.0] * 40, actors)) == 2


def test_encoder_rescores_only_pairs_the_linear_model_does_not_find_neutral(monkeypatch):
    """The cascade: a sentence the cheap model finds neutral is not sent to the encoder."""
    import analysis.sentiment as sentiment
    from analysis.nlp import load_nlp
    if sentiment.stance_backend() != "encoder":
        pytest.fail("the shipped encoder is missing (analysis/models/stance_encoder)")
    first = "The report was sent to Alvarez in March."
    text = first + " Alvarez was praised for a brilliant, courageous rescue of the stranded crew."
    doc = load_nlp()(text)
    second = len(first) + 1
    targets = [sentiment._Target("Alvarez", (0, len(first)), 23, 30, 1.0),
               sentiment._Target("Alvarez", (second, len(text)), second, second + 7, 1.0)]
    actors = [Actor(name="Alvarez", type="PERSON", mentions=2)]
    sent_to_encoder = []
    real = sentiment._encoder().probabilities
    monkeypatch.setattr(sentiment._encoder(), "probabilities",
                        lambda triples: sent_to_encoder.extend(triples) or real(triples))
    linear = sentiment._mention_probabilities(doc, [(*t.sentence, t.start, t.end) for t in targets])
    probs = sentiment._target_probabilities(doc, targets, [1.0, 1.0], actors)
    expected = [t for t, p in zip(targets, linear) if p[1] < sentiment.ENCODER_CASCADE]
    assert expected == targets[1:]           # the plain fact stays with the linear model
    assert len(sent_to_encoder) == 1
    for t, p, lin in zip(targets, probs, linear):
        if t not in expected:
            assert np.allclose(p, lin)
    assert probs[1][2] > probs[1][0]     # the praise stays positive


def test_linear_model_when_forced(monkeypatch):
    monkeypatch.setenv("PRESSLENS_STANCE_MODEL", "linear")
    stance_backend.cache_clear()
    try:
        assert stance_backend() == "linear"
        (out,) = sentiment_toward("Critics accused Senator Alvarez of corruption.", [(16, 31)])
        assert out.label == "negative"
    finally:
        monkeypatch.delenv("PRESSLENS_STANCE_MODEL")
        stance_backend.cache_clear()


def test_linear_fallback_model_loads_and_scores(nlp):
    from analysis.stance_model import LINEAR_PATH, load_linear_model
    recorded = json.loads(LINEAR_PATH.with_suffix(".json").read_text())
    assert recorded["dev_macro_f1"] >= 0.55
    model = load_linear_model()
    doc = nlp("Critics accused Senator Alvarez of corruption.")
    label, probs = model.predict_sentence(doc, 16, 31)
    assert abs(float(probs.sum()) - 1.0) < 1e-5
    assert label == -1


def test_linear_model_when_the_encoder_is_absent(monkeypatch, tmp_path):
    import analysis.sentiment as sentiment
    monkeypatch.delenv("PRESSLENS_STANCE_MODEL", raising=False)
    monkeypatch.setattr(sentiment, "ENCODER_DIR", tmp_path / "stance_encoder")
    stance_backend.cache_clear()
    try:
        assert stance_backend() == "linear"
    finally:
        monkeypatch.undo()
        stance_backend.cache_clear()
    assert stance_backend() == "encoder"


def test_threads_asking_for_the_encoder_at_once_share_one():
    """The dashboard analyses in parallel threads: the first calls must not each build a model."""
    import threading

    from analysis import sentiment
    if sentiment.stance_backend() != "encoder":
        pytest.skip("no encoder shipped")
    sentiment._load_encoder.cache_clear()
    got, start = [], threading.Barrier(8)

    def ask():
        start.wait()
        got.append(sentiment._encoder())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 8 and len({id(m) for m in got}) == 1
    assert sentiment.load_stance_model() == "encoder" and sentiment._encoder() is got[0]


def test_a_place_needs_a_clearer_lean_than_a_person_or_body_to_be_judged():
    from analysis.sentiment import stance_label
    assert stance_label(0.3, "PERSON") == stance_label(0.3, "ORG") == "positive"
    assert stance_label(0.3, "GPE") == stance_label(-0.3, "LOC") == "neutral"
    assert stance_label(-0.5, "GPE") == "negative"
    assert stance_label(0.1, "PERSON") == "neutral"
