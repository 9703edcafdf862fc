"""The pipeline's attribute ruler as a lookup table: the same POS/MORPH/LEMMA, a fraction of the time.

spaCy's English pipelines map each fine-grained tag to its coarse part of speech and features
with an ``attribute_ruler`` of ~180 token patterns run by the Matcher. On a news article that
took ~30% of the whole spaCy pipeline's time here (39 of 130 ms), while almost every pattern
looks at one token only: its tag, lower-case form, dependency label and whether it is a space.
``AttributeTable`` keeps the model's own patterns, answers the one-token ones from a cache keyed
by those four values, and runs a Matcher only for the few patterns that span two tokens. Later
patterns win, as in the attribute ruler; ``tests/test_attribute_table.py`` checks that the
output is the same token for token.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs

FACTORY = "presslens_attribute_table"
SINGLE_TOKEN_KEYS = frozenset(("TAG", "LOWER", "DEP", "IS_SPACE"))


def _value_of(token_key: tuple[str, str, str, bool], key: str):
    tag, lower, dep, is_space = token_key
    return {"TAG": tag, "LOWER": lower, "DEP": dep, "IS_SPACE": is_space}[key]


def _condition(value, spec) -> bool:
    """One Matcher condition ({"IN": [...]}, {"NOT_IN": [...]}, {"REGEX": ...} or a value)."""
    if not isinstance(spec, dict):
        return value == spec
    for op, arg in spec.items():
        if op == "IN" and value not in arg:
            return False
        if op == "NOT_IN" and value in arg:
            return False
        if op == "REGEX" and not re.search(arg, value):
            return False
        if op not in ("IN", "NOT_IN", "REGEX"):
            raise ValueError(f"unsupported attribute-ruler operator {op!r}")
    return True


class AttributeTable:
    """Drop-in replacement for an ``attribute_ruler`` (set its patterns with ``set_patterns``)."""

    def __init__(self, nlp: Language, name: str = "attribute_ruler"):
        self.name = name
        self.vocab = nlp.vocab
        self.single: list[tuple[int, dict, dict]] = []   # (order, token spec, normalised attrs)
        self.matcher = Matcher(nlp.vocab)
        self.multi: dict[int, tuple[int, dict]] = {}     # order -> (token index, attrs)
        self._cache: dict[tuple, tuple[tuple[int, dict], ...]] = {}
        self._merged: dict[tuple, dict] = {}
        self._by_lower: dict[str, list[int]] = {}
        self._by_tag: dict[str, list[int]] = {}
        self._generic: list[int] = []

    def set_patterns(self, patterns: list[dict]) -> None:
        self.single, self.multi, self._cache, self._merged = [], {}, {}, {}
        self.matcher = Matcher(self.vocab)
        for order, entry in enumerate(patterns):
            attrs = normalize_token_attrs(self.vocab, dict(entry["attrs"]))
            for pattern in entry["patterns"]:
                if len(pattern) == 1 and set(pattern[0]) <= SINGLE_TOKEN_KEYS:
                    self.single.append((order, pattern[0], attrs))
                else:
                    self.multi[order] = (entry.get("index", 0), attrs)
                    self.matcher.add(str(order), [pattern])
        self._index()

    def _index(self) -> None:
        """Patterns by the lower-case form or tag they require, so a new word checks a few."""
        self._by_lower, self._by_tag, self._generic = {}, {}, []
        for k, (_, spec, _) in enumerate(self.single):
            for field, index in (("LOWER", self._by_lower), ("TAG", self._by_tag)):
                want = spec.get(field)
                values = [want] if isinstance(want, str) else (
                    want.get("IN") if isinstance(want, dict) and set(want) == {"IN"} else None)
                if values is not None:
                    for value in values:
                        index.setdefault(value, []).append(k)
                    break
            else:
                self._generic.append(k)

    def _single_matches(self, key: tuple) -> tuple[tuple[int, dict], ...]:
        found = self._cache.get(key)
        if found is None:
            tag, lower = key[0], key[1]
            candidates = sorted({*self._by_lower.get(lower, ()), *self._by_tag.get(tag, ()),
                                 *self._generic})
            found = tuple((self.single[k][0], self.single[k][2]) for k in candidates
                          if all(_condition(_value_of(key, f), v)
                                 for f, v in self.single[k][1].items()))
            self._cache[key] = found
        return found

    def __call__(self, doc):
        extra: dict[int, list[tuple[int, dict]]] = {}
        if self.multi:
            for match_id, start, end in self.matcher(doc, allow_missing=True):
                order = int(self.vocab.strings[match_id])
                index, attrs = self.multi[order]
                extra.setdefault(doc[start:end][index].i, []).append((order, attrs))
        for token in doc:
            key = (token.tag_, token.lower_, token.dep_, token.is_space)
            if token.i in extra:
                matches = sorted([*self._single_matches(key), *extra[token.i]], key=lambda m: m[0])
                for _, attrs in matches:
                    set_token_attrs(token, attrs)
            else:
                merged = self._merged.get(key)
                if merged is None:
                    # each attribute is set whole, so applying the matches in order is the
                    # same as applying their union with the later ones winning
                    merged = {}
                    for _, attrs in self._single_matches(key):
                        merged.update(attrs)
                    self._merged[key] = merged
                if merged:
                    set_token_attrs(token, merged)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory(FACTORY)
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp, name)


def install(nlp: Language) -> Language:
    """Replace the pipeline's ``attribute_ruler`` (if any) by an AttributeTable of its patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    patterns = nlp.get_pipe("attribute_ruler").patterns
    table = nlp.replace_pipe("attribute_ruler", FACTORY)
    table.set_patterns(patterns)
    return nlp
