"""The actor-level stance model: its input, the shipped files, and what it says of an article."""
from __future__ import annotations

import json

import numpy as np
import pytest
from tokenizers import Tokenizer

from analysis import actor_stance_encoder as A
from analysis import analyze
from analysis.model import Evidence
from analysis.sentiment import (ACTOR_THRESHOLD, PLACE_THRESHOLD, article_stance, banded_score,
                                mean_stance, stance_label)

MODEL_DIR = A.ACTOR_ENCODER_DIR


@pytest.fixture(scope="module")
def tokenizer():
    tok = Tokenizer.from_file(str(MODEL_DIR / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def test_each_mention_of_the_actor_is_marked_and_each_sentence_says_how_it_counts(tokenizer):
    evidence = [("Critics said Vantrel Holdings hid the losses.", False, 1.0),
                ("\u201cVantrel is sound,\u201d its chief said.", True, 0.0),
                ("Shares in Vantrel fell.", False, 0.0)]
    ids, types = A.encode_actor(tokenizer, "Vantrel Holdings", "ORG", ["Vantrel"], evidence, 256)
    assert ids[0] == A.CLS_ID and ids[-1] == A.SEP_ID and len(ids) == len(types)
    assert ids.count(A.OPEN_ID) == ids.count(A.CLOSE_ID) == 3
    markers = [i for i in ids if i in (A.QUOTED_ID, A.NOT_COUNTED_ID, A.COUNTED_ID)]
    assert markers == [A.COUNTED_ID, A.QUOTED_ID, A.NOT_COUNTED_ID]
    # the longest form is marked whole, not its first word inside it
    first = ids.index(A.OPEN_ID)
    assert tokenizer.decode(ids[first + 1:ids.index(A.CLOSE_ID)]) == "vantrel holdings"
    # the name and type are segment 0, the sentences segment 1
    assert types[:ids.index(A.SEP_ID) + 1] == [0] * (ids.index(A.SEP_ID) + 1)
    assert set(types[ids.index(A.SEP_ID) + 1:]) == {1}


def test_input_is_cut_at_max_len_and_a_long_sentence_keeps_its_mention(tokenizer):
    filler = " ".join(["the council met again and talked"] * 30)
    evidence = [(f"{filler} and then Mayor Odile Brankov resigned in disgrace.", False, 1.0)] * 6
    ids, _ = A.encode_actor(tokenizer, "Odile Brankov", "PERSON", ["Brankov"], evidence, 128)
    assert len(ids) == 128
    assert A.OPEN_ID in ids[:1 + A.MAX_SENTENCE_PIECES + 12]


def test_shipped_model_records_what_it_was_trained_on_and_not_the_figures_sets():
    provenance = json.loads((MODEL_DIR / "provenance.json").read_text())
    trained = set(provenance["data"]["fit"]) | set(provenance["data"]["stack"])
    # (stories_extra31-40 joined the fit in session 32, once later sets had replaced them as
    # the sets nobody tuned on)
    for held_out in ("stories", "seed", "stories_extra41", "stories_extra42", "stories_extra43",
                     "stories_heldout", "stories_heldout2", "actors_heldout", "quotes_heldout"):
        assert held_out not in trained
    assert provenance["data"]["fit_rows"] > 5000
    assert (MODEL_DIR / "model.onnx").stat().st_size < 40e6
    stack = provenance["stack_macro_f1"]
    # on the sets it never trained on, the encoder reads the triads better than the mean did
    assert stack["encoder"] > stack["per_sentence_mean"] + 0.1


def test_probabilities_are_a_distribution_and_do_not_depend_on_other_actors():
    model = A.actor_model()
    evidence = [("The reckless Mayor Odile Brankov squandered the town's savings.", False, 1.0)]
    one = model.probabilities("Odile Brankov", "PERSON", ["Brankov"], evidence, -0.6)
    model.probabilities("Harbour Trust", "ORG", [], [("The Harbour Trust met.", False, 1.0)], 0.0)
    again = model.probabilities("Odile Brankov", "PERSON", ["Brankov"], evidence, -0.6)
    assert one.shape == (3,) and abs(one.sum() - 1) < 1e-6
    assert np.allclose(one, again)


HOSTILE = ("Mayor Odile Brankov has squandered the town's savings on vanity projects and then "
           "misled residents about it. Brankov has refused to answer questions for a month, "
           "hiding behind aides. Her record of broken promises is now impossible to ignore.")
ADMIRING = ("Mayor Odile Brankov has rescued the town's finances with rare skill and patience. "
            "Brankov won praise across the region for her tireless, honest work, and residents "
            "say her steady leadership has restored their faith in the council.")
WIRE = ("Mayor Odile Brankov will present the town's budget on Tuesday, the council said. "
        "Brankov took office in 2021. The council meets at 10 a.m. in the town hall.")


@pytest.mark.parametrize("text, label", [(HOSTILE, "negative"), (ADMIRING, "positive"),
                                         (WIRE, "neutral")])
def test_the_article_stance_toward_an_invented_mayor(text, label):
    actor = next(a for a in analyze(text).actors if a.name == "Odile Brankov")
    assert actor.label == label
    # the score lies in its label's band: shown, sorted or averaged, it reads as the label does
    assert stance_label(actor.sentiment, actor.type) == label


def test_switched_off_the_mean_and_its_thresholds_decide(monkeypatch):
    evidence = (Evidence(0, 10, -0.5, "Brankov misled residents.", False, 1.0),
                Evidence(11, 20, 0.9, "\u201cBrankov is great,\u201d he said.", True, 0.0))
    monkeypatch.setenv(A.SWITCH_ENV, "off")
    score, label = article_stance("Odile Brankov", "PERSON", ["Brankov"], evidence)
    assert score == mean_stance(evidence) == -0.5 and label == "negative"


@pytest.fixture
def readings_asked(monkeypatch):
    """The actors the actor-level model is asked to read (the real model still answers)."""
    asked = []
    real = A.ActorStanceModel.encoder_probabilities
    monkeypatch.setattr(A.ActorStanceModel, "encoder_probabilities",
                        lambda self, name, *rest: asked.append(name) or real(self, name, *rest))
    return asked


def test_an_actor_named_only_as_a_setting_keeps_the_mean(readings_asked):
    evidence = (Evidence(0, 40, -0.6, "Angry protesters gathered in Carlow.", False, 0.0,
                         "setting"),)
    assert article_stance("Carlow", "GPE", [], evidence) == (0.0, "neutral")
    assert readings_asked == []


def test_an_actor_named_only_in_quotations_or_as_a_speaker_is_read_where_the_article_takes_sides(
        readings_asked):
    # an outlet that takes sides shows it through whom it quotes against whom; a report's
    # quotations are its sources' opinions and keep the mean
    quoted = (Evidence(0, 40, 0.9, "\u201cBrankov is great,\u201d he said.", True, 0.0, "quoted"),)
    speaker = (Evidence(0, 60, 0.2, "\u201cWe did nothing wrong,\u201d Brankov said.", False, 0.0,
                        "speaker"),)
    for evidence in (quoted, speaker):
        assert article_stance("Odile Brankov", "PERSON", ["Brankov"], evidence,
                              sides=A.SIDES_AT - 0.01) == (0.0, "neutral")
        assert readings_asked == []
    for evidence in (quoted, speaker):
        score, label = article_stance("Odile Brankov", "PERSON", ["Brankov"], evidence,
                                      sides=A.SIDES_AT)
        assert stance_label(score, "PERSON") == label
    assert readings_asked == ["Odile Brankov", "Odile Brankov"]


def test_how_strongly_the_narrator_takes_sides_is_read_from_its_most_polar_actors():
    assert A.article_sides([]) == 0.0
    readings = [[0.05, 0.9, 0.05], [0.6, 0.3, 0.1], [0.1, 0.2, 0.7], [0.0, 0.1, 0.9]]
    assert A.article_sides(readings) == pytest.approx((0.9 + 0.8 + 0.7) / 3)
    assert A.article_sides([[0.2, 0.5, 0.3]]) == pytest.approx(0.5)


def test_in_an_article_that_takes_sides_a_polar_label_needs_less():
    model = A.actor_model()
    rng = np.random.default_rng(11)
    raised = 0
    for _ in range(400):
        reading, mean = rng.dirichlet([1.0, 2.0, 1.0]), rng.uniform(-1, 1)
        calm = model.stacked(reading, mean, "PERSON", sides=0.0)
        assert np.allclose(calm, model.stacked(reading, mean, "PERSON", sides=A.SIDES_AT - 0.01))
        sided = model.stacked(reading, mean, "PERSON", sides=A.SIDES_AT)
        assert sided[1] < calm[1]
        if int(np.argmax(calm)) != 1:      # a polar label stays what it was
            assert int(np.argmax(sided)) == int(np.argmax(calm))
        raised += int(np.argmax(calm)) == 1 and int(np.argmax(sided)) != 1
    assert raised


@pytest.mark.parametrize("text, sided", [(HOSTILE, True), (ADMIRING, True), (WIRE, False)])
def test_the_analysis_says_whether_the_narrator_takes_sides(text, sided):
    result = analyze(text)
    assert (result.sentiment.sides >= A.SIDES_AT) == sided
    assert result.to_dict()["sentiment"]["sides"] == round(result.sentiment.sides, 4)


# Trained on the triads alone, the actor model reads their framing but not the plain words of
# praise and blame in a two-sentence text (the per-sentence mean says -0.9 / +0.9 here; the
# stacker trusts the encoder; mixing all of NewsMTSC train into its fit loses the development
# stories, 0.77 -> 0.60: tests/data/actors_heldout/README.md, session 22). Since session 32 a
# text of fewer than three sentences is no article to it: the per-sentence mean decides.
@pytest.mark.parametrize("sentences, label", [
    (("Dana Whitfield, Omar Reyes and Lena Park are under enormous pressure.",
      "Dana Whitfield is a reckless, incompetent manager."), "negative"),
    (("Jonas Brodin scored twice as Minnesota beat Chicago 4-2 on Saturday.",
      "Jonas Brodin is a brilliant, generous captain."), "positive"),
    # issue 9's own example: an accusation is negative toward its target, whatever the tone
    (("Critics accused Astrid Lindqvist of grandstanding.", "Astrid Lindqvist denied it."),
     "negative"),
])
def test_blunt_judgement_in_a_two_sentence_text(sentences, label):
    actor = next(a for a in analyze(" ".join(sentences)).actors if a.name in sentences[1])
    assert actor.label == label


def test_a_settled_label_is_the_same_for_every_mean_between_the_ends():
    model = A.actor_model()
    rng = np.random.default_rng(7)
    settled = unsettled = 0
    for _ in range(300):
        reading = rng.dirichlet([1.0, 1.0, 1.0])
        low, high = sorted(rng.uniform(-1, 1, 2))
        labels = {int(np.argmax(model.stacked(reading, m, "PERSON")))
                  for m in np.linspace(low, high, 41)}
        if model.label_settled(reading, "PERSON", low, high):
            settled += 1
            assert len(labels) == 1
        else:
            unsettled += 1
            assert len(labels) > 1
    assert settled and unsettled


PORT_STORY = ("Harbour Trust chief executive Mara Ellison defended the port deal on Monday, a day "
             "after the council accused the trust of hiding its losses. Ellison, a former "
             "banker, has run the trust since 2019. Critics say Ellison ignored repeated warnings "
             "about the debt. Councillor Tomas Reyes praised the council's careful, patient "
             "scrutiny of the deal. Reyes said the trust must publish its accounts. The Harbour "
             "Trust rejected the claims and said its finances were sound. Ellison's deputy, "
             "Priya Nand, resigned last week after a bruising row with the board.")


def test_the_sentence_encoder_is_asked_only_where_its_answer_could_change_a_label(monkeypatch):
    from analysis import sentiment
    asked = []
    real = sentiment._encoder().probabilities
    monkeypatch.setattr(sentiment._encoder(), "probabilities",
                        lambda triples: asked.extend(triples) or real(triples))
    lazy = {a.name: a.label for a in analyze(PORT_STORY).actors}
    lazy_pairs = len(asked)
    asked.clear()
    # every label unsettled: every candidate pair is re-scored, as before the actor model
    monkeypatch.setattr(A.ActorStanceModel, "label_settled", lambda *args: False)
    eager = {a.name: a.label for a in analyze(PORT_STORY).actors}
    assert lazy == eager
    assert lazy_pairs < len(asked)


@pytest.mark.parametrize("actor_type", ["PERSON", "ORG", "GPE"])
def test_the_banded_score_always_reads_as_the_likeliest_class(actor_type):
    rng = np.random.default_rng(7)
    draws = [*rng.dirichlet([0.5, 0.5, 0.5], size=3000), *rng.dirichlet([5, 5, 5], size=3000),
             # ties and the edges of each class
             [0.4, 0.2, 0.4], [0.25, 0.5, 0.25], [0.0, 0.5, 0.5], [0.5, 0.5, 0.0],
             [1 / 3, 1 / 3, 1 / 3], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
    for p in draws:
        score = banded_score(p, actor_type)
        assert -1.0 <= score <= 1.0
        assert stance_label(score, actor_type) == ("negative", "neutral", "positive")[int(np.argmax(p))]


def test_the_banded_score_keeps_the_lean_inside_a_class():
    # what the lean said before: +0.34 for a neutral actor, +0.02 for a narrowly positive one
    assert banded_score([0.11, 0.45, 0.44]) < ACTOR_THRESHOLD < banded_score([0.33, 0.32, 0.35])
    assert banded_score([0.1, 0.8, 0.1]) == 0.0
    assert 0 < banded_score([0.1, 0.6, 0.3]) < banded_score([0.05, 0.6, 0.35]) < ACTOR_THRESHOLD
    assert ACTOR_THRESHOLD < banded_score([0.2, 0.2, 0.6]) < banded_score([0.0, 0.1, 0.9]) <= 1.0
    assert banded_score([0.0, 0.0, 1.0]) == 1.0 and banded_score([1.0, 0.0, 0.0]) == -1.0
    assert banded_score([0.0, 0.4, 0.6], "GPE") > PLACE_THRESHOLD
