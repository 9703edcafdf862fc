"""Features of one (sentence, target) pair read from the dependency parse and a valence lexicon.

Why a parse and not the sentence's tone: the stance toward a target depends on who does what to
whom ("Critics accused X" is negative toward X, "X accused critics" is not, and "X said the plan
was a disaster" says little about X). The features below name the target's role, the words near
it in the tree, and lexicon valence decayed by tree distance, with negation flipping it and
quoted or reported speech set apart. Names never count as sentiment words.

The same code builds training rows (analysis/training/train_stance.py) and runtime rows, so the
shipped linear weights always meet the features they were trained on.
"""
from __future__ import annotations

import zlib
from functools import lru_cache

N_FEATURES = 1 << 18

SPEECH_VERBS = frozenset(
    "say said says saying tell told tells telling add added adds write wrote writes written argue "
    "argued argues insist insisted warn warned warns claim claimed claims acknowledge acknowledged "
    "state stated note noted explain explained suggest suggested announce announced tweet tweeted "
    "post posted declare declared ask asked assert asserted contend contended".split())

# News words VADER lacks (it has "accuse", "praise"); valences on VADER's -4..4 scale.
NEWS_VALENCE = {
    "slam": -2.0, "slammed": -2.0, "slams": -2.0, "blast": -1.8, "blasted": -1.8, "blasts": -1.8,
    "indict": -2.2, "indicted": -2.2, "indictment": -2.0, "corrupt": -2.5, "corruption": -2.5,
    "condemn": -2.2, "condemned": -2.2, "condemns": -2.2, "denounce": -2.0, "denounced": -2.0,
    "lambast": -2.0, "lambasted": -2.0, "rebuke": -1.8, "rebuked": -1.8, "scandal": -2.2,
    "fraud": -2.6, "fraudulent": -2.6, "bribery": -2.5, "bribe": -2.3, "misconduct": -2.2,
    "allegation": -1.2, "allegations": -1.2, "alleged": -1.0, "allegedly": -1.0,
    "investigation": -0.8, "probe": -0.8, "charged": -1.2, "convicted": -2.3, "guilty": -2.0,
    "impeach": -1.8, "impeached": -1.8, "impeachment": -1.5, "resign": -1.0, "resigned": -1.0,
    "oust": -1.6, "ousted": -1.6, "fired": -1.6, "sued": -1.4, "lawsuit": -1.0, "racist": -3.0,
    "bigot": -2.8, "sexist": -2.6, "misleading": -2.0, "falsely": -2.0, "lied": -2.5, "lies": -2.3,
    "undermine": -1.8, "undermined": -1.8, "undermining": -1.8, "obstruct": -1.8,
    "obstruction": -1.8, "collusion": -1.8, "mocked": -1.8, "mock": -1.6, "derided": -2.0,
    "chaotic": -1.8, "chaos": -2.0, "botched": -2.2, "reckless": -2.0, "controversial": -1.0,
    "backlash": -1.6, "outrage": -2.2, "violated": -2.2, "violation": -2.0, "abuse": -2.6,
    "hail": 1.8, "hailed": 1.8, "hails": 1.8, "lauded": 2.2, "laud": 2.2, "commended": 2.0,
    "applauded": 2.0, "championed": 1.8, "landmark": 1.5, "bipartisan": 1.0, "victory": 2.2,
    "won": 1.8, "wins": 1.8, "endorse": 1.4, "endorsed": 1.4, "endorsement": 1.4,
}

NEGATORS = frozenset("not n't no never neither nor without nobody nothing hardly".split())
# proper-noun tags (the tagger's own, so the attribute ruler can be skipped for speed)
NAME_TAGS = frozenset({"NNP", "NNPS"})


@lru_cache(maxsize=1)
def valence_lexicon() -> dict[str, float]:
    """VADER's word valences (shipped in its package) extended with NEWS_VALENCE."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    lexicon = dict(SentimentIntensityAnalyzer().lexicon)
    lexicon.update(NEWS_VALENCE)
    return lexicon


def stem(word: str) -> str:
    """A crude suffix strip (the lemmatizer is off for speed): 'accused' -> 'accus'."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=200_000)
def feature_index(name: str) -> int:
    """Stable hash of a feature name into N_FEATURES buckets."""
    return zlib.crc32(name.encode("utf-8")) & (N_FEATURES - 1)


def _word_valence(tok, lexicon) -> float:
    if tok.tag_ in NAME_TAGS:
        return 0.0   # names are not sentiment words: "Hope Hicks", "Justice Department"
    low = tok.lower_
    return lexicon.get(low, lexicon.get(stem(low), 0.0)) if low.isalpha() else 0.0


def _negated(tok) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in tok.children):
        return True
    head = tok.head
    return head.i != tok.i and any(c.dep_ == "neg" for c in head.children) and tok.dep_ in (
        "acomp", "dobj", "attr", "xcomp", "ccomp")


class _Heads:
    """Head index of each token as plain ints (Token objects are slow to walk)."""

    def __init__(self, sent):
        self.doc = sent.doc
        self.head = {t.i: t.head.i for t in sent}

    def of(self, i: int) -> int:
        h = self.head.get(i)
        if h is None:
            h = self.head[i] = self.doc[i].head.i
        return h

    def distance(self, b: int, ancestors_a: dict[int, int]) -> tuple[int, int]:
        """Edges between a (given by its ancestors' depths) and b, and their lowest common
        ancestor; 99 when they are not in one tree."""
        steps, node = 0, b
        while node not in ancestors_a:
            up = self.of(node)
            if up == node:
                return 99, node
            node, steps = up, steps + 1
        return ancestors_a[node] + steps, node

    def path_to_root(self, i: int) -> list[int]:
        path = [i]
        while (up := self.of(path[-1])) != path[-1]:
            path.append(up)
        return path


QUOTE_MARKS = frozenset(('"', "“", "”", "``", "''"))


def _quoted_tokens(sent) -> set[int]:
    """Indices of the tokens of ``sent`` after an odd number of quotation marks."""
    inside, marks = set(), 0
    for t in sent:
        if t.text in QUOTE_MARKS:
            marks += 1
        elif marks % 2 == 1:
            inside.add(t.i)
    return inside


def extract_features(sent, target_tokens) -> dict[str, float]:
    """Named feature values for the stance of ``sent`` (a spaCy Span) toward ``target_tokens``."""
    lexicon = valence_lexicon()
    feats: dict[str, float] = {"bias": 1.0}
    if not target_tokens:
        return feats
    target_ids = {t.i for t in target_tokens}
    head = next((t for t in target_tokens if t.head.i not in target_ids or t.head.i == t.i),
                target_tokens[0])
    heads = _Heads(sent)
    negated_heads = {heads.of(t.i) for t in sent if t.dep_ == "neg"}
    ancestors = {i: d for d, i in enumerate(heads.path_to_root(head.i))}
    gov = head.head
    dep = head.dep_
    # the target's role, and whose words it sits under
    feats[f"dep={dep}"] = 1.0
    feats[f"dep_head={dep}|{stem(gov.lower_)}"] = 1.0
    feats[f"head={stem(gov.lower_)}"] = 1.0
    if dep == "pobj" and gov.head.i != gov.i:
        feats[f"prep_path={gov.lower_}|{stem(gov.head.lower_)}"] = 1.0
    speaker = dep in ("nsubj", "nsubjpass") and gov.lower_ in SPEECH_VERBS
    if speaker:
        feats["role=speaker"] = 1.0
    quoted = _quoted_tokens(sent)
    if head.i in quoted:
        feats["target_in_quotes"] = 1.0
    if head.i == sent.start:
        feats["target_first"] = 1.0
    gov_val = _word_valence(gov, lexicon) if gov.i != head.i else 0.0
    if _negated(gov):
        gov_val = -gov_val
        feats["head_negated"] = 1.0
    if gov_val:
        feats[f"role_val={dep}|{'pos' if gov_val > 0 else 'neg'}"] = abs(gov_val) / 2
        if gov.lower_ in SPEECH_VERBS or stem(gov.lower_) in ("accus", "prais", "criticiz", "criticis"):
            feats[f"speech_val={dep}|{'pos' if gov_val > 0 else 'neg'}"] = 1.0
    for child in head.children:
        if child.i not in target_ids:
            feats[f"child={child.dep_}|{child.lower_}"] = 1.0
            val = _word_valence(child, lexicon)
            if val:
                feats[f"child_val={'pos' if val > 0 else 'neg'}"] = abs(val) / 2
    for sib in gov.children:
        if sib.i != head.i and sib.i not in target_ids and sib.dep_ not in ("punct",):
            feats[f"sib={dep}|{sib.dep_}|{sib.lower_}"] = 1.0

    # words of the sentence, with their tree distance and valence
    pos = neg = near_pos = near_neg = quoted_val = speech_content = 0.0
    speech_root = gov if speaker else None
    for tok in sent:
        if tok.i in target_ids or tok.is_punct or tok.is_space:
            continue
        low = tok.lower_
        is_name = tok.tag_ in NAME_TAGS
        if not is_name:
            # words under a negation are their own features: "not corrupt" is not "corrupt"
            in_negation = tok.dep_ != "neg" and (
                tok.i in negated_heads or heads.of(tok.i) in negated_heads)
            feats[f"{'wn' if in_negation else 'w'}={low}"] = 1.0
        dist, lca = heads.distance(tok.i, ancestors)
        bucket = min(dist, 4)
        if not is_name:
            feats[f"wd={low}|{bucket}"] = 1.0
        val = _word_valence(tok, lexicon)
        if not val:
            continue
        if _negated(tok):
            val = -val
            feats["negated_word"] = feats.get("negated_word", 0.0) + 1.0
        decay = 1.0 / (1.0 + 0.5 * dist)
        in_speech = speech_root is not None and speech_root.i in heads.path_to_root(tok.i)[1:] \
            and tok.i != speech_root.i
        if tok.i in quoted:
            quoted_val += val * decay
        if in_speech:
            speech_content += val * decay
            continue
        if val > 0:
            pos += val * decay
            near_pos += val if dist <= 2 else 0.0
        else:
            neg += -val * decay
            near_neg += -val if dist <= 2 else 0.0
        side = "up" if lca == tok.i else ("down" if lca == head.i else "across")
        feats[f"val_path={side}|{'pos' if val > 0 else 'neg'}|{min(dist, 3)}"] = \
            feats.get(f"val_path={side}|{'pos' if val > 0 else 'neg'}|{min(dist, 3)}", 0.0) + abs(val) / 2
    feats["lex_pos"] = pos / 2
    feats["lex_neg"] = neg / 2
    feats["lex_near_pos"] = near_pos / 2
    feats["lex_near_neg"] = near_neg / 2
    feats["lex_balance"] = (pos - neg) / 2
    if quoted_val:
        feats["lex_quoted"] = quoted_val / 2
    if speech_content:
        feats["lex_speech_content"] = speech_content / 2
    return feats


def hashed(feats: dict[str, float]) -> tuple[list[int], list[float]]:
    """Sparse (indices, values) of named features, colliding buckets summed."""
    acc: dict[int, float] = {}
    for name, value in feats.items():
        idx = feature_index(name)
        acc[idx] = acc.get(idx, 0.0) + value
    return list(acc), list(acc.values())
