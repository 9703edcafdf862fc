"""The attribute table gives exactly the attribute ruler's POS, MORPH, LEMMA and DEP."""
from __future__ import annotations

import spacy

from analysis.attribute_table import AttributeTable, install
from analysis.nlp import MODEL_NAME, UNUSED_COMPONENTS, load_nlp

TEXTS = [
    "Health Minister Graham Pell said on Tuesday that the offer \u201cremains on the table\u201d.",
    "Y'all gonna see it. Let's go, c'mon! I ain't got nothin' and he gets what he got.",
    "There's a dog. There are two. It's not mine; I gave it to you and you gave it to me.",
    "He doesn't have it, do you? Did they? Which one did she pick, and that one?",
    "Critics have accused the trust of moving the goalposts, which it denies.\n\n  Tabs\tand  spaces.",
    "Sweden dropped its investigation into a 2010 allegation against WikiLeaks co-founder "
    "Julian Assange, who has denied both allegations, because the evidence had weakened.",
]


def _attributes(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.dep_, t.tag_) for t in doc]


def test_same_attributes_as_the_attribute_ruler():
    ruler_nlp = spacy.load(MODEL_NAME, exclude=list(UNUSED_COMPONENTS))
    table_nlp = install(spacy.load(MODEL_NAME, exclude=list(UNUSED_COMPONENTS)))
    assert isinstance(table_nlp.get_pipe("attribute_ruler"), AttributeTable)
    for _ in range(2):   # the second pass answers from the table's cache
        for a, b in zip(ruler_nlp.pipe(TEXTS), table_nlp.pipe(TEXTS)):
            assert _attributes(a) == _attributes(b)


def test_exceptions_of_the_ruler_still_apply():
    doc = load_nlp()("I ain't gonna say it isn't true.")
    by_text = {t.text: t for t in doc}
    assert by_text["n't"].pos_ == "PART" and by_text["n't"].lemma_ == "not"
    assert by_text["gon"].lemma_ == "go"          # a two-token pattern (gon + na)


def test_the_shared_pipeline_uses_the_table():
    nlp = load_nlp()
    assert "attribute_ruler" in nlp.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeTable)
