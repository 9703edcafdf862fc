"""Quotations and who said them.

1. ``quote_marks.find_quote_spans`` pairs the marks (no parse needed).
2. Each quotation is ``direct`` (a whole utterance: it opens a sentence, follows a colon or
   dash, or continues a split or multi-paragraph quotation) or ``partial`` (words quoted inside
   the narrator's sentence).
3. Marks that report no speech are dropped: so-called labels, titles of works, and short
   partial quotes that no reporting cue governs (scare quotes).
4. The speaker comes from the attribution around the quote: after it ('..., Teo said' /
   '..., said Teo' / '... — Teo'), before it ('Teo said:' / 'According to Teo, ...'), or the
   reporting cue that governs a partial quote in the parse ('Teo said the loan would "never
   ..."'). ``speakers.SpeakerResolver`` turns that subject into an actor.
5. Parts of one quotation (split by an attribution, or carried over paragraphs) share a
   speaker; a direct quote with no attribution inherits the previous speaker, flagged with a
   lower confidence.
"""
from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Mention, Quote
from .nlp import text_of
from .quote_marks import WORK_BEFORE_QUOTE, QuoteSpan, find_quote_spans, paragraph_spans
from .speakers import (DOCUMENTS, FRAMING_VERBS, LABEL_VERBS, REQUEST_VERBS, SPEECH_NOUNS,
                       SPOKE_VERBS, Attribution, SpeakerResolver, cue_base, is_cue)

logger = logging.getLogger(__name__)

_TERMINATORS = {".", "!", "?", "...", "…"}
_DASHES = {"—", "–", "-", "--", "―", "−"}
# Words that introduce a label or a name rather than speech: so-called "green corridor".
_NAMING = re.compile(
    r"(?:\bso[- ]called|\bdubbed|\bnicknamed|\bknown as|\btermed|\bcoined|\bbilled as"
    r"|\bthe (?:words?|term|phrase|slogan|motto|hashtag|label|name|title|expression)"
    r"|\b(?:en)?titled|\bheadlined|\bbranded as|\breferred to as|\bmarketed as)"
    r"\s*[,:]?\s*$", re.IGNORECASE)
# A question or colon naming a slogan just before the marks, in the paragraph or the one
# above it: 'The tagline? "Meth. We're on it."' gives the slogan, not someone's words.
_SLOGAN_AHEAD = re.compile(
    r"\b(?:slogan|tagline|motto|catchphrase|hashtag|strapline|headline)s?\b(?:\s+[\w'’]+){0,3}\s*[?:]\s*$",
    re.IGNORECASE)
# What stands between two quoted items of one list: '"A," "B" and "C"'.
_LIST_GAP = re.compile(r"\s*(?:[,;/]\s*)?(?:(?:and|or|&)\s+)?", re.IGNORECASE)
# Verbs whose subject disputes words rather than says them: in a relative clause after the
# quotation ('"water war", a phrase both governments reject') they name no speaker.
_DISPUTING = frozenset("reject deny dismiss dispute disagree rebut counter question decry deride "
                       "mock scoff condemn criticise criticize object protest".split())
# A partial quote this short with no reporting cue is a scare quote or a label, not speech.
SCARE_MAX_WORDS = 4

CONF_EXPLICIT = 0.95
CONF_PARSE = 0.9
CONF_GROUP = 0.95       # multiplier for the parts of a quotation that borrow its attribution
CONF_FLOATING = 0.55    # a quote carrying on the previous paragraph's speaker
CONF_SAME_PARAGRAPH = 0.8   # '"A," said X. "B."' — B has no attribution of its own
CONF_NONE = 0.3
CONF_GUESS = 0.45       # a floating quote given to the person the sentence before is about


@dataclass
class _Item:
    span: QuoteSpan
    first: int          # first token inside the quote
    last: int           # last token inside the quote
    leading: list       # narrator tokens before the opening mark, same sentence
    trailing: list      # narrator tokens after the closing mark, same sentence
    kind: str = "partial"
    attribution: Attribution | None = None
    group: int = -1
    drop: bool = False
    in_list: bool = False   # follows another quotation with only ', ' or ' and ' between


def extract_quotes(doc, mentions: Sequence[Mention]) -> list[Quote]:
    """Quotations in ``doc.text`` with their speakers; never raises.

    ``mentions`` are the entity mentions of the same text; a speaker that is a mention is
    reported by its actor name. Offsets point into ``doc.text``.
    """
    try:
        return _extract(doc, mentions or ())
    except Exception:   # a parse we did not foresee must not lose the article's quotes
        logger.exception("speaker attribution failed; listing quotes without speakers")
        try:
            text = text_of(doc)
            return [Quote(s.start, s.end, text[s.start:s.end], None, None, "direct", 0.1)
                    for s in find_quote_spans(text)]
        except Exception:
            logger.exception("quote detection failed")
            return []


def _extract(doc, mentions: Sequence[Mention]) -> list[Quote]:
    text = text_of(doc)
    if len(doc) == 0 or not text.strip():
        return []
    spans = find_quote_spans(text)
    if not spans:
        return []
    paragraphs = paragraph_spans(text)
    p_starts = [p[0] for p in paragraphs]

    def paragraph_of_char(i: int) -> int:
        return max(0, bisect.bisect_right(p_starts, i) - 1)

    quoted = [(s.open_at, (s.close_at if s.close_at is not None else s.end) + 1) for s in spans]
    res = SpeakerResolver(doc, mentions, quoted, paragraph_of_char, text)
    starts = res.starts
    items = [_item(doc, text, starts, spans, k) for k in range(len(spans))]

    for it in items:
        _classify(doc, text, it)
    _link_groups(items, text)
    # Without a dependency parse there is no one to attribute to, and spaCy's tree walks on an
    # unparsed Doc can crash the process (Token.children on a blank pipeline's Doc).
    parsed = doc.has_annotation("DEP")
    for it in items:
        if it.drop:
            continue
        it.attribution = _own_attribution(doc, res, it) if parsed else None
        if it.attribution is not None:
            res.remember(it.attribution)
        elif it.kind == "partial" and (_words(it.span, text) <= SCARE_MAX_WORDS
                                       or _title_case(text[it.span.start:it.span.end])):
            it.drop = True      # a scare quote or a title: no one is reported saying it
    own = {id(it) for it in items if it.attribution is not None}
    _share_in_groups(items)
    if parsed:
        _inherit_floating(doc, res, items)
    _speaker_of_echoed_heading(items, text, own)

    out = []
    for it in items:
        if it.drop:
            continue
        s = it.span
        a = it.attribution
        if a is None:
            out.append(Quote(s.start, s.end, text[s.start:s.end], None, None, it.kind, CONF_NONE))
        else:
            out.append(Quote(s.start, s.end, text[s.start:s.end], a.speaker, a.speaker_text,
                             it.kind, round(min(1.0, max(0.0, a.confidence)), 3)))
    return out


# ---------- layout around each quotation ----------

def _item(doc, text: str, starts: list[int], spans: list[QuoteSpan], k: int) -> _Item:
    s = spans[k]
    prev = spans[k - 1] if k > 0 and spans[k - 1].paragraph == s.paragraph else None
    nxt = spans[k + 1] if k + 1 < len(spans) and spans[k + 1].paragraph == s.paragraph else None
    left = prev.close_at + 1 if prev is not None and prev.close_at is not None else s.paragraph_start
    right = nxt.open_at if nxt is not None else s.paragraph_end
    first = bisect.bisect_right(starts, s.start) - 1
    last = bisect.bisect_right(starts, s.end - 1) - 1
    lo = bisect.bisect_left(starts, left)
    hi = bisect.bisect_left(starts, s.open_at)
    leading = []
    for i in range(hi - 1, lo - 1, -1):
        t = doc[i]
        if t.text in _TERMINATORS or t.text in ('"', "“", "”"):
            break
        leading.append(t)
    leading.reverse()
    trailing = []
    if s.close_at is not None:
        i = bisect.bisect_right(starts, s.close_at)
        while i < len(doc) and doc[i].idx < right:
            t = doc[i]
            trailing.append(t)
            if t.text in _TERMINATORS:
                break
            i += 1
    in_list = prev is not None and prev.close_at is not None \
        and _LIST_GAP.fullmatch(text[prev.close_at + 1:s.open_at]) is not None \
        and text[prev.end - 1:prev.end] not in ".!?…"
    return _Item(s, max(first, 0), max(last, first, 0), [t for t in leading if not t.is_space],
                 [t for t in trailing if not t.is_space], in_list=in_list)


def _words(span: QuoteSpan, text: str) -> int:
    return len(text[span.start:span.end].split())


def _classify(doc, text: str, it: _Item) -> None:
    """Direct or partial; drop labels and titles of works."""
    s = it.span
    inner = text[s.start:s.end]
    before = text[max(s.paragraph_start, s.open_at - 40):s.open_at]
    if _NAMING.search(before) or _SLOGAN_AHEAD.search(text[max(0, s.open_at - 120):s.open_at]):
        it.drop = True
        return
    if WORK_BEFORE_QUOTE.search(before) and _title_case(inner, max_words=None):  # run long
        it.drop = True
        return
    lead = it.leading
    last = lead[-1].text if lead else ""
    starts_upper = inner[:1].isupper() or inner[:1] in "'‘’\"“"
    if it.in_list and not s.reopened:
        it.kind = "partial"     # one item of a list of quoted names or titles
    elif not lead or s.reopened or last in (":",) or last in _DASHES:
        it.kind = "direct"
    # (what a label verb puts right before the marks is a name or a label, a partial quote at
    # most: 'a scheme called "Clean Air Now"')
    elif starts_upper and (last == "," or is_cue(lead[-1]) and cue_base(lead[-1]) not in LABEL_VERBS) \
            and any(is_cue(t) for t in lead):
        it.kind = "direct"
    else:
        it.kind = "partial"


def _title_case(s: str, max_words: int | None = 10) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", s)]
    if not words or max_words is not None and len(words) > max_words:
        return False
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by"}
    return all(w[0].isupper() or w.lower() in small for w in words) and words[0][0].isupper()


def _link_groups(items: list[_Item], text: str) -> None:
    """Quotations split by an attribution, or carried over paragraphs, form one group."""
    for k, it in enumerate(items):
        it.group = k
        if k == 0:
            continue
        prev = items[k - 1]
        if it.span.reopened and prev.span.close_at is None:
            it.group = prev.group
        elif (it.span.paragraph == prev.span.paragraph and prev.span.close_at is not None
              and text[prev.span.end - 1:prev.span.end] != "."     # '"... I guess." Smith agreed:'
              and prev.trailing and it.leading and prev.trailing[-1].i == it.leading[-1].i
              and prev.kind == "direct" and not any(t.text in _TERMINATORS for t in prev.trailing)
              and it.leading[-1].text in (",", ":") and any(is_cue(t) for t in it.leading)):
            it.group = prev.group           # "A," she said, "B."
            if not it.drop:
                it.kind = "direct"


# ---------- attribution ----------

def _own_attribution(doc, res: SpeakerResolver, it: _Item) -> Attribution | None:
    if it.kind == "direct" and (_title_on_its_own(res.text, it) or _term_as_subject(res.text, it)):
        it.drop = True          # '“Wild Rose” is now available on DVD': a title, not speech
        return None
    if it.kind == "direct":
        if _introduced(it):     # 'X said in a statement, "..." at the news, adding ...'
            return (_leading(doc, res, it) or _trailing(doc, res, it)
                    or _governing_cue(doc, res, it))
        return (_trailing(doc, res, it) or _leading(doc, res, it) or _governing_cue(doc, res, it))
    inner = res.text[it.span.start:it.span.end]
    if len(inner.split()) <= 6 and _title_case(inner):
        it.drop = True          # 'said on "Good Morning America"': a title, not words said
        return None
    if _quoted_subject(doc, res, it):
        it.drop = True          # 'the government's "reforms" were cosmetic': a scare quote
        return None
    if _compound_modifier(doc, res, it):
        it.drop = True          # 'a "patient-first" company': a term, not words said
        return None
    found = _governing_cue(doc, res, it)
    if it.drop:
        return None
    return found or _trailing(doc, res, it, partial=True) or _leading(doc, res, it, partial=True)


def _title_on_its_own(text: str, it: _Item) -> bool:
    """A short title-case quotation with no sentence in it that stands alone in its paragraph
    or opens a sentence no reporting verb follows: the name of a work, a caption, a slogan."""
    inner = text[it.span.start:it.span.end]
    if not _title_case(inner) or len(inner.split()) > 6 or re.search(r"[.!?,]", inner):
        return False    # ('“Unworkable,” was Berg's verdict': the comma hands over to a speaker)
    alone = not text[it.span.paragraph_start:it.span.open_at].strip() and not text[
        (it.span.close_at or it.span.end) + 1:it.span.paragraph_end].strip()
    return alone or not it.leading and not any(is_cue(t) for t in it.trailing)


def _term_as_subject(text: str, it: _Item) -> bool:
    """A short quotation with no punctuation that opens a sentence as the subject of a verb
    that reports nothing: '“Humidifier lung” may result from ...', a term, not speech."""
    inner = text[it.span.start:it.span.end]
    if it.leading or len(inner.split()) > 4 or re.search(r"[.!?,;:]", inner):
        return False
    trail = it.trailing
    return bool(trail) and trail[0].pos_ in ("VERB", "AUX") and not any(is_cue(t) for t in trail)


def _introduced(it: _Item) -> bool:
    """Is the quotation introduced by its own attribution ('X said, "..."', 'X said: "..."')
    while the words after it are not one ('"...," X said')? Then the words before it speak."""
    lead, trail = it.leading, it.trailing
    if len(lead) < 2 or lead[-1].text not in (",", ":") or not any(is_cue(t) for t in lead):
        return False
    return not trail or trail[0].text in _TERMINATORS or not (
        trail[0].text == "," or any(is_cue(t) for t in trail[:4]))


def _inside(it: _Item, token) -> bool:
    return it.first <= token.i <= it.last


def _trailing(doc, res: SpeakerResolver, it: _Item, partial: bool = False) -> Attribution | None:
    """'..., Teo said' / '..., said Teo, the partner' / '... — Teo' / '..., according to Teo'."""
    zone = it.trailing
    if not zone:
        return None
    if zone[0].text in _DASHES:
        for t in zone[1:12]:
            if t.text == ",":
                break
            if t.i in res.mention_of or t.pos_ == "PROPN":
                head = t
                while head.head.i != head.i and head.head in zone and head.head.pos_ == "PROPN":
                    head = head.head
                return res.resolve(head, CONF_EXPLICIT * 0.9)
        return None
    inner_end = res.text[it.span.end - 1:it.span.end]
    first_word = next((t for t in zone if not t.is_punct), None)
    if first_word is None:
        return None
    attached = (inner_end in ",?!…-—" or zone[0].text == "," or first_word.text[:1].islower()
                or first_word.i in res.mention_of and inner_end not in ".")
    if partial and zone[0].text != ",":
        return None
    if not attached:
        return None
    after = res.text[zone[-1].idx + len(zone[-1].text):].lstrip()
    if inner_end in "?!" and first_word.text[:1].isupper() and first_word.i not in res.mention_of \
            and zone[-1].text not in _TERMINATORS and after[:1] in ("“", '"'):
        return None     # '“... in three weeks?” Outside, students chanted “...”': a new
        # sentence whose cue takes the quotation after it
    for t in zone[:30]:
        if t.text == "“" or t.text == '"':
            break
        if t.lower_ in SPEECH_NOUNS and any(c.dep_ == "poss" for c in t.children):
            return res.resolve(t, CONF_EXPLICIT * 0.85)     # '"No," was Ward's verdict.'
        if is_cue(t):
            if t.dep_ in ("acl", "amod", "relcl") and t.tag_ == "VBN":
                continue                # 'the deal announced in October, said X'
            if t.dep_ == "relcl" and cue_base(t) in _DISPUTING:
                return None             # '"water war", a phrase both governments reject'
            subj = res.subject_of(t)
            if subj is not None and not _inside(it, subj):
                return res.resolve(subj, CONF_EXPLICIT)
            near = _nearest_np(zone, t, res)
            if near is not None:
                return res.resolve(near, CONF_EXPLICIT * 0.85)
            return None
    return None


def _nearest_np(zone: list, cue, res: SpeakerResolver):
    """When the parse gives no subject: the noun phrase just before the cue, else after it."""
    before = [t for t in zone if t.i < cue.i and not t.is_punct]
    for t in reversed(before):
        if t.pos_ in ("PROPN", "NOUN", "PRON") or t.i in res.mention_of:
            head = t
            while head.head in before and head.head.pos_ in ("PROPN", "NOUN") and head.head.i != head.i:
                head = head.head
            return head
        break
    after = [t for t in zone if t.i > cue.i]
    for t in after[:6]:
        if t.pos_ in ("PROPN", "PRON") or t.i in res.mention_of:
            head = t    # (through a role: 'said Boise coach Teresa Vollmer')
            while head.head in after and head.head.i != head.i and (
                    head.head.pos_ == "PROPN"
                    or head.dep_ == "compound" and head.head.pos_ == "NOUN"):
                head = head.head
            return head
        if t.pos_ == "NOUN" and t.dep_ in ("nsubj",):
            return t
    return None


def _leading(doc, res: SpeakerResolver, it: _Item, partial: bool = False) -> Attribution | None:
    """'Teo said: ...' / 'Sir Geoffrey was blunt: ...' / 'According to Teo, ...'."""
    zone = it.leading
    if not zone:
        return None
    last = zone[-1].text
    for t in zone:      # 'In Teo's words, "..."'
        if t.lower_ in SPEECH_NOUNS and any(c.dep_ == "poss" for c in t.children) \
                and zone[-1].text in (",", ":"):
            return res.resolve(t, CONF_EXPLICIT * 0.85)
    # ('Asked by Ashworth whether ..., Ms Wong was clear:': the one asked answers)
    cues = [t for t in zone if is_cue(t) and (t.dep_ not in ("relcl", "acl", "amod")
                                              or res.finite_on_noun_root(t))
            and not (t.tag_ == "VBN" and t.dep_ == "advcl" and t.lower_ in _ASKED)]
    for cue in reversed(cues):
        subj = res.subject_of(cue)
        if subj is not None and not _inside(it, subj) and (subj.i < it.first or cue.lower_ == "according"):
            return res.resolve(subj, CONF_EXPLICIT if not partial else CONF_PARSE * 0.8)
    if last == ":" and not partial:     # 'X was blunt:' — the main clause's subject speaks
        ids = {t.i for t in zone}
        verbs = [t for t in zone if t.pos_ in ("VERB", "AUX")]
        for t in verbs:
            if t.head.i in ids and t.head.i != t.i:
                continue
            subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i in ids), None)
            if subj is not None:
                found = res.resolve(subj, CONF_EXPLICIT * 0.9)
                # 'The message was clear:' names no speaker; let the quote float instead
                return found if found.speaker or subj.pos_ in ("PRON", "PROPN") else None
        words = [t for t in zone[:-1] if not t.is_punct]
        if 0 < len(words) <= 4 and not cues:        # headline style 'Port chief: "..."'
            head = words[-1]
            while head.head.i in ids and head.head.i != head.i and not head.head.is_punct:
                head = head.head
            found = res.resolve(head, CONF_EXPLICIT * 0.85)
            if found.speaker is None and all(w.text[:1].isupper() for w in words) \
                    and words[0].pos_ not in ("DET", "PRON"):
                name = " ".join(w.text for w in words)     # a bare name the tagger missed
                return Attribution(name, name, CONF_EXPLICIT * 0.7, head.i)
            return found
    return None


def _governing_cue(doc, res: SpeakerResolver, it: _Item) -> Attribution | None:
    """The reporting verb the quote depends on in the parse: 'Teo said the loan would "..."'."""
    roots = []
    for i in range(it.first, it.last + 1):
        h = doc[i].head.i
        if h < it.first or h > it.last:
            roots.append(doc[i])
    seen = set()
    p_lo, p_hi = it.span.paragraph_start, it.span.paragraph_end
    found = _in_words_of(doc, res, it, roots) or _relative_clause_cue(doc, res, it, roots)
    if found is not None:
        return found
    for r in roots:
        t, below = r.head, r
        for _ in range(12):
            if t.i in seen or not p_lo <= t.idx < p_hi:   # the parse may run across paragraphs
                break
            seen.add(t.i)
            found = _possessed_speech_subject(res, it, t) if below.dep_ == "ccomp" else None
            if found is not None:
                return found
            if not _inside(it, t) and is_cue(t) and not _framing_under_speech(res, it, t) \
                    and not _asked_to(t) and not (_asked_to(below) and _under_speech(res, it, t)):
                if cue_base(t) in LABEL_VERBS and not _labels_a_person(res, it, t) and (
                        _names_a_thing(doc, it) or _labelled_object(doc, it, t)):
                    it.drop = True      # 'residents call it the "hub"': a name, not speech
                    return None
                subj = res.subject_of(t)
                if subj is not None and subj.left_edge.i <= it.first <= subj.right_edge.i \
                        and not subj.left_edge.i <= t.i <= subj.right_edge.i:
                    # 'the "Pose" actor said': a title inside the speaker (but in 'Marín, who
                    # called it "..."' the cue and the quote are both in the name's clause;
                    # and in 'X, the president of Y, called Alpsteig "one of ..." and warned',
                    # parsed with the quote set off from X, X's own verb labels it)
                    if subj.i < it.first and any(is_cue(doc[j]) and doc[j].dep_ == "acl"
                                                 and doc[j].head.i == subj.i
                                                 for j in range(subj.i + 1, it.first)):
                        return res.resolve(subj, CONF_PARSE)
                    return None
                if subj is not None and not _inside(it, subj):
                    return _outer_speaker(res, it, t) or res.resolve(subj, CONF_PARSE)
            if t.head.i == t.i:
                break
            t, below = t.head, t
    found = _label_just_before(doc, res, it)
    if found is not None or it.drop:
        return found
    lo, hi = res.sentence_of(it.first)
    sent = doc[lo:hi]
    for t in sent:          # 'according to X' anywhere in the sentence
        if t.lower_ == "according" and not _inside(it, t) and p_lo <= t.idx < p_hi:
            subj = res.subject_of(t)
            if subj is not None and not _inside(it, subj):
                return res.resolve(subj, CONF_PARSE)
    return None


def _in_words_of(doc, res: SpeakerResolver, it: _Item, roots) -> Attribution | None:
    """'a state that, in Oliveira’s words, "has treated doctors ..."', 'in the words of X':
    the quotation is X's, whatever verb the sentence hangs it on."""
    heads = {r.head.i for r in roots}
    for t in doc[res.sentence_of(it.first)[0]:res.sentence_of(it.first)[1]]:
        if t.lower_ != "words" or t.head.lower_ != "in" or _inside(it, t) \
                or not (_inside(it, t.head.head) or t.head.head.i in heads):
            continue
        owner = next((c for c in t.children if c.dep_ == "poss"), None) or next(
            (cc for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
             for cc in c.children if cc.dep_ == "pobj"), None)
        if owner is not None and not _inside(it, owner) and owner.pos_ == "PROPN":
            return res.resolve(owner, CONF_PARSE)
    return None


_ASKED = ("asked", "pressed", "questioned", "challenged")


def _possessed_speech_subject(res: SpeakerResolver, it: _Item, verb) -> Attribution | None:
    """'Tate's answer was that a phone "is not a person"': a clause that says what someone's
    answer, argument or reply was reports that someone's words (called with the verb the
    quotation's clause is the complement of; not for a noun, 'X's response was a "campaign"')."""
    if _inside(it, verb) or verb.lower_ not in ("was", "is", "were", "are", "been"):
        return None
    noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in SPEECH_NOUNS), None)
    if noun is None:
        return None
    # ('Castlegate's answer, delivered by chief executive Fiona Darcy, is that ...': she speaks)
    agent = next((ccc for c in noun.children if c.dep_ == "acl" for cc in c.children
                  if cc.dep_ == "agent" for ccc in cc.children if ccc.dep_ == "pobj"), None)
    owner = agent or next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ == "PRON" and owner.lower_ not in ("his", "her"):
        return None
    found = res.resolve(owner, CONF_PARSE)
    return found if found.speaker else None


def _asked_to(cue) -> bool:
    """'the regulator had asked Cirrusly to explain "..."': what someone is asked to explain or
    say is neither the asker's words nor those of the one asked, but whoever reports the
    request (called with the asking verb's xcomp as well, to pass over "asked")."""
    return cue.dep_ == "xcomp" and cue.head.lower_ in REQUEST_VERBS


def _framing_under_speech(res: SpeakerResolver, it: _Item, cue) -> bool:
    """A framing verb inside what someone else is reported saying: 'A source said Stainton
    regarded the fund as "the only serious buyer"' is the source's account, not Stainton's words."""
    return cue_base(cue) in FRAMING_VERBS and _under_speech(res, it, cue)


def _under_speech(res: SpeakerResolver, it: _Item, cue) -> bool:
    """Is the cue inside what someone else is reported saying ('Keane said the regulator had
    asked ...')?"""
    t = cue
    for _ in range(6):
        if t.head.i == t.i or t.dep_ not in ("ccomp", "conj", "xcomp", "advcl", "relcl"):
            return False
        t = t.head
        if is_cue(t) and cue_base(t) not in FRAMING_VERBS and not res.in_quote[t.i] \
                and not _inside(it, t):
            return True
    return False


def _relative_clause_cue(doc, res: SpeakerResolver, it: _Item, roots) -> Attribution | None:
    """'a measure Trade Minister Fiona Marchetti insisted was "not protectionism"': the quote's
    clause comes right after a reporting verb of a relative clause, which the parse does not
    make its head; that verb's subject speaks."""
    for r in roots:
        verb = r.head
        if _inside(it, verb) or verb.left_edge.i == 0:
            continue
        cue = doc[verb.left_edge.i - 1]
        if cue.dep_ != "relcl" or not is_cue(cue) or res.in_quote[cue.i]:
            continue
        subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.tag_ not in ("WP", "WDT") and not _inside(it, subj):
            return res.resolve(subj, CONF_PARSE)
    return None


def _label_just_before(doc, res: SpeakerResolver, it: _Item) -> Attribution | None:
    """A label verb and its object right before the quote, which the parse did not join to
    it ('Vidal called the water figures "plausible,"' parsed with 'plausible' the root;
    'spent two years calling the contract "a sweetheart deal"' with 'deal' an object of
    'spent'): the label verb's subject speaks."""
    lead = it.leading
    k = next((k for k in range(len(lead) - 1, -1, -1) if is_cue(lead[k])
              and cue_base(lead[k]) in LABEL_VERBS), None)
    if k is None or k == len(lead) - 1:
        return None
    verb, between = lead[k], lead[k + 1:]
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct and t.text not in ("'s", "’s", "-")
           or res.in_quote[t.i] for t in between) \
            or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in between):
        return None
    if _names_a_thing(doc, it) or _labelled_object(doc, it, verb):
        it.drop = True
        return None
    subj = res.subject_of(verb)
    if subj is None or _inside(it, subj) or res.in_quote[subj.i]:
        return None
    return res.resolve(subj, CONF_PARSE * 0.9)


def _outer_speaker(res: SpeakerResolver, it: _Item, cue) -> Attribution | None:
    """Reported speech inside reported speech: 'Pompeo said Washington had concluded the
    settlements were "not illegal"' quotes Pompeo's words, not Washington's. The clause of
    the inner cue is what the outer cue reports, so the outer cue's named subject speaks
    (unless the inner subject is a document the outer speaker only cites)."""
    clause = cue
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head    # 'X said Y would keep its name and had offered "..."'
    if clause.dep_ != "ccomp" or cue.lower_ == "according":
        return None
    outer = clause.head
    if outer.i == cue.i or not is_cue(outer) or cue_base(outer) in LABEL_VERBS \
            or res.in_quote[outer.i] or outer.i > it.last:
        return None     # (an outer verb after the quote: 'a deal Canberra once hailed', misparsed)
    inner = res.subject_of(cue)
    if inner is not None and inner.lower_ in DOCUMENTS | SPEECH_NOUNS:
        return None
    if inner is not None and cue_base(cue) in LABEL_VERBS and res.is_person(inner):
        return None     # 'Iwu noted that Pryce had called the results "hugely exciting"':
        # the label is the person's who gave it
    subj = res.subject_of(outer)
    if subj is None or _inside(it, subj) or res.in_quote[subj.i]:
        return None
    if (subj.lower_ in DOCUMENTS or subj.lower_ == "it") and inner is not None \
            and res.is_person(inner):
        return None     # 'The report notes that Mr. Hovland told the trooper he had been "..."':
        # a document reports the person's words
    found = res.resolve(subj, CONF_PARSE)
    return found if found.speaker else None


def _quoted_subject(doc, res: SpeakerResolver, it: _Item) -> bool:
    """One or two quoted words that are the subject of their clause: scare quotes put
    distance between the writer and a word ('the "reforms" were cosmetic'); people quoted
    in part are quoted for what they said about something, not for a subject noun."""
    if it.last - it.first > 1:
        return False
    root = next((doc[i] for i in range(it.first, it.last + 1)
                 if not it.first <= doc[i].head.i <= it.last or doc[i].head.i == i), None)
    if root is None or root.pos_ not in ("NOUN", "PROPN") \
            or root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    # ... unless the clause is what someone says: 'Voss insists "every dollar" can be traced'
    clause = root.head
    return not (clause.dep_ == "ccomp" and is_cue(clause.head)
                and any(c.dep_ in ("nsubj", "nsubjpass") and not it.first <= c.i <= it.last
                        and (c.pos_ in ("PROPN", "PRON") or c.i in res.mention_of)
                        for c in clause.head.children))


def _compound_modifier(doc, res: SpeakerResolver, it: _Item) -> bool:
    """A quoted compound modifier of the noun right after it: 'a "patient-first" company',
    'compacted "dry-stack" tailings', 'its "water positive" pledge'. A hyphenated or
    several-word modifier inside a noun phrase is a ready-made term (a slogan, a trade or
    technical term, a marketing label) that the writer marks as someone's term, alone or under
    a label verb ('describes itself as a "patient-first" company'); a single quoted adjective ('called it an "insulting" offer') stays a
    judgement someone voiced, and so do coordinated or graded adjectives ('a "dignified and
    determined" campaign', 'a "more viable" business') and a modifier under a verb of saying
    ('said the "short-term" stays'). The quote must end inside the noun phrase: no
    punctuation closes it, and only nouns or adjectives of the same phrase follow its noun."""
    inner = res.text[it.span.start:it.span.end].strip()
    if not inner or not inner[-1].isalnum() or len(inner.split()) > SCARE_MAX_WORDS \
            or not ("-" in inner or len(inner.split()) >= 2) \
            or re.search(r"\b(?:and|or|but|more|most|less|least)\b", inner, re.IGNORECASE):
        return False
    roots = [doc[i] for i in range(it.first, it.last + 1)
             if not it.first <= doc[i].head.i <= it.last]
    if len(roots) != 1 or roots[0].dep_ not in ("amod", "nmod", "compound", "npadvmod"):
        return False
    noun = roots[0].head
    if noun.i <= it.last or noun.pos_ != "NOUN" or noun.text[:1].isupper():
        return False
    between = [t for t in doc[it.last + 1:noun.i] if not res.in_quote[t.i]]
    if not all(t.pos_ in ("NOUN", "ADJ") and t.head.i == noun.i for t in between):
        return False
    t = noun
    for _ in range(12):     # 'X said the "short-term" stays ...': a speaker's words
        if is_cue(t) and cue_base(t) not in LABEL_VERBS:
            return False
        if t.head.i == t.i or not it.span.paragraph_start <= t.head.idx < it.span.paragraph_end:
            break
        t = t.head
    return True


def _labelled_object(doc, it: _Item, verb) -> bool:
    """'Critics called the government's "reforms" a sham': a quoted one- or two-word noun that
    is the object a label verb puts a label on is the writer's distance, not speech (the label
    itself, 'called it "a sham"', is)."""
    if it.last - it.first > 1:
        return False
    root = doc[it.last]
    return root.pos_ in ("NOUN", "PROPN") and root.dep_ == "dobj" and root.head.i == verb.i \
        and any(c.i > it.last and c.dep_ in ("appos", "oprd", "prep", "acl", "amod")
                for c in list(root.children) + list(verb.children))


def _labels_a_person(res: SpeakerResolver, it: _Item, verb) -> bool:
    """'called Omar a "terrorist"', 'branded him a "liar"': a label put on a person is an
    accusation someone made, not the name of a thing ('call it the "hub"')."""
    for c in verb.children:
        if c.dep_ in ("dobj", "oprd") and not it.first <= c.i <= it.last:
            m = res.mention_of.get(c.i)
            if c.lower_ in ("him", "her", "them") or m is not None and m.label == "PERSON":
                return True
    return False


def _names_a_thing(doc, it: _Item) -> bool:
    """A one- or two-word noun quoted right after a determiner: 'the "hub"', 'a "reset"'
    (but not 'an "insulting" offer', where the quoted word is someone's judgement)."""
    if it.last - it.first > 1 or it.first < 2:
        return False
    before = doc[it.first - 2]          # the token before the opening mark
    if before.lower_ not in ("the", "a", "an", "this", "that", "their", "its", "his", "her",
                             "our", "your"):
        return False
    root = doc[it.last]
    return root.pos_ in ("NOUN", "PROPN") and not (it.first <= root.head.i <= it.last)


def _share_in_groups(items: list[_Item]) -> None:
    by_group: dict[int, Attribution] = {}
    for it in items:
        if it.attribution is not None and not it.drop and it.group not in by_group:
            by_group[it.group] = it.attribution
    for it in items:
        if it.attribution is None and not it.drop and it.group in by_group:
            a = by_group[it.group]
            it.attribution = Attribution(a.speaker, a.speaker_text, a.confidence * CONF_GROUP,
                                         a.anchor)


def _inherit_floating(doc, res: SpeakerResolver, items: list[_Item]) -> None:
    """A direct quote with no attribution continues the speaker just before it: the previous
    quotation's, unless narration in between is about someone (then that sentence's speaker
    or subject, 'Teo disagreed. "..."')."""
    previous: _Item | None = None
    for it in items:
        if it.drop:
            continue
        if it.attribution is None and it.kind == "direct":
            gap = it.span.paragraph - previous.span.paragraph if previous is not None else 9
            inherited = None
            if previous is not None and previous.attribution is not None and gap <= 1:
                a = previous.attribution
                conf = CONF_SAME_PARAGRAPH if gap == 0 else CONF_FLOATING
                inherited = Attribution(a.speaker, a.speaker_text, min(a.confidence, conf),
                                        a.anchor)
            if inherited is not None and not _narration_between(res.text, previous, it):
                it.attribution = inherited
            else:
                it.attribution = _previous_sentence_cue(doc, res, it) or inherited
        elif it.attribution is None and previous is not None and previous.attribution is not None \
                and previous.attribution.speaker and previous.span.paragraph == it.span.paragraph \
                and not _someone_between(res, previous, it):
            # '"...," says Teo. That has meant years of "cost-cutting for its own sake."':
            # words quoted in the narration right after a named speaker's quote are theirs
            a = previous.attribution
            it.attribution = Attribution(a.speaker, a.speaker_text,
                                         min(a.confidence, CONF_FLOATING), a.anchor)
        previous = it


def _quote_words(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _stands_alone(text: str, it: _Item) -> bool:
    """The quotation is a paragraph of its own (a subhead or pull quote: '6. "The Gordon
    problem"'), with nothing but a number or punctuation around it."""
    s = it.span
    start = s.paragraph_start
    end = text.find("\n", s.end)
    end = len(text) if end < 0 else end
    rest = text[start:s.open_at] + text[(s.close_at if s.close_at is not None else s.end) + 1:end]
    return re.search(r"[^\W\d_]", rest) is None


def _speaker_of_echoed_heading(items: list[_Item], text: str, own: set[int]) -> None:
    """A quotation standing as its own paragraph with no attribution of its own is a subhead or
    a pull quote that repeats words the article quotes elsewhere: it is the speaker of those
    words ('"My fears have been realized"' above 'Morrison told the committee, "... my fears
    have been realized"'), not whoever spoke just before it."""
    kept = [it for it in items if not it.drop]
    words = {id(it): _quote_words(text[it.span.start:it.span.end]) for it in kept}
    for it in kept:
        if id(it) in own or not _stands_alone(text, it):
            continue
        echo = words[id(it)]
        if len(echo.split()) < 2:
            continue
        for other in kept:
            a = other.attribution
            if other is it or id(other) not in own or a is None or not a.speaker:
                continue
            if f" {echo} " in f" {words[id(other)]} ":
                it.attribution = Attribution(a.speaker, a.speaker_text,
                                             a.confidence * CONF_GROUP, a.anchor)
                break


def _someone_between(res: SpeakerResolver, before: _Item, it: _Item) -> bool:
    """Is anyone but ``before``'s speaker named between the two quotations?"""
    lo = before.trailing[-1].i + 1 if before.trailing else before.last + 1
    return any(not res.in_quote[i] and (res.mention_of.get(i) is not None
                                        or res.doc[i].pos_ == "PROPN" or res.doc[i].tag_ == "PRP")
               for i in range(lo, it.first))


def _narration_between(text: str, before: _Item, it: _Item) -> bool:
    """Is there narration (beyond ``before``'s own attribution) between two quotations?"""
    end = before.span.close_at if before.span.close_at is not None else before.span.end
    if before.trailing:
        end = max(end, before.trailing[-1].idx + len(before.trailing[-1].text))
    return re.search(r"[^\W\d_]", text[end:it.span.open_at]) is not None


def _previous_sentence_cue(doc, res: SpeakerResolver, it: _Item) -> Attribution | None:
    """'Okafor warned the wards would close. "We have no choice."' -> Okafor."""
    start, _ = res.sentence_of(it.first)
    if start == 0:
        return None
    lo, hi = res.sentence_of(start - 1)
    while lo > 0 and all(t.is_punct or t.is_space for t in doc[lo:hi]):
        lo, hi = res.sentence_of(lo - 1)    # (the opening mark the parser made a sentence)
    sent = doc[lo:hi]
    if res.paragraph_of_char(sent.start_char) < it.span.paragraph - 1:
        return None
    for t in sent:
        # not a cue inside a relative clause: 'He referred to Cooke's testimony that concluded
        # ...' is about the testimony; the sentence's subject speaks next
        if (is_cue(t) or t.lower_ in SPOKE_VERBS) and not res.in_quote[t.i] \
                and t.dep_ not in ("relcl", "acl"):
            subj = res.subject_of(t)
            if subj is not None and not res.in_quote[subj.i]:
                a = res.resolve(subj, CONF_FLOATING)
                return a
    giver = res.document_giver(lo, hi)
    if giver is not None and not res.in_quote[giver.i]:
        # 'the family paid tribute in a statement read by her son, Michael Ashby. "..."'
        a = res.resolve(giver, CONF_FLOATING)
        if a.speaker:
            return a
    for t in sent:      # 'Quinlan was unmoved. "..."': the person the sentence is about
        if t.dep_ == "ROOT" and not res.in_quote[t.i]:
            # (a passive one too: 'Strachan, who owns the rooms, is still owed £95,000.')
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                or res.person_before_verb(t, lo - 1)
            if subj is not None and not res.is_person(subj):
                # ("Montevario's president, Gianluca Rossi, was in a festive mood.")
                subj = next((c for c in subj.children if c.dep_ == "appos"
                             and c.i in res.mention_of and res.is_person(c)), None)
            if subj is not None and res.is_person(subj):
                a = res.resolve(subj, CONF_GUESS)
                return a if a.speaker else None
    return None
