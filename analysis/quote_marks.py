"""Where quotations are: pairing quotation marks in plain text, without a parse.

Why a scanner and not a regex: news text mixes straight, curly, single and guillemet marks,
uses apostrophes that look like single quotes (O'Neill, rock 'n' roll, the '90s, Rovers'),
nests one kind inside the other, and leaves a quote open at a paragraph end when the next
paragraph carries on the same speech. Each mark gets a direction from what flanks it (space
before and a letter after opens; a letter or punctuation before and space after closes); the
glyph's own direction only breaks ties, so mistyped curly marks still pair.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A kind of work right before a quotation: what the marks hold is its title ("in his book
# "Financial Freedom: ...""), not speech, and not an actor.
WORK_BEFORE_QUOTE = re.compile(
    r"\b(?:book|film|movie|novel|song|album|show|series|play|documentary|poem|essay|column|"
    r"podcast|episode|opera|musical|single|programme|program|exhibition|article|memoir|"
    r"painting|headline|report|study|paper|track|hit)\s*,?\s*$", re.IGNORECASE)

DOUBLE_MARKS = "\"“”„‟«»"
SINGLE_MARKS = "'‘’‚‛‹›"
_OPEN_GLYPHS = "“„‟«‘‚‛‹"
_CLOSE_GLYPHS = "”»’›"
_MARK_OR_NEWLINE = re.compile(r"[\"“”„‟«»'‘’‚‛‹›\n]")
# After a closing mark: punctuation or dashes that may follow directly.
_AFTER_CLOSE = set(".,;:!?)]}—–-…/")
# Before an opening mark: brackets, dashes and slashes that may precede directly.
_BEFORE_OPEN = set("([{—–-/…")
# Clipped words that start with an apostrophe ('em, 'til, 'cause, 'tis) and decades ('90s).
_LEADING_APOSTROPHE = re.compile(r"(?:em|til|cause|tis|twas|n|s)\b|\d\d?s?\b", re.IGNORECASE)


@dataclass(frozen=True)
class QuoteSpan:
    """One stretch of quoted text. ``start``/``end`` bound the text inside the marks.

    ``open_at``/``close_at`` are the marks' offsets (``close_at`` is None when the quote runs
    to the end of its paragraph unclosed); ``paragraph`` counts paragraphs from 0;
    ``reopened`` says the paragraph before ended inside this same quotation.
    """
    start: int
    end: int
    open_at: int
    close_at: int | None
    paragraph: int
    paragraph_start: int
    paragraph_end: int
    reopened: bool = False


def _kind(ch: str) -> str:
    return "d" if ch in DOUBLE_MARKS else "s"


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _flanks(text: str, i: int, width: int = 1) -> tuple[bool, bool]:
    """(can open, can close) for the mark at ``i`` (``width`` characters) judged by its
    neighbours."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + width] if i + width < len(text) else ""
    prev_quote = prev != "" and (prev in DOUBLE_MARKS or prev in SINGLE_MARKS)
    next_quote = nxt != "" and (nxt in DOUBLE_MARKS or nxt in SINGLE_MARKS)
    can_open = not _is_space(nxt) and (_is_space(prev) or prev in _BEFORE_OPEN or prev_quote)
    can_close = not _is_space(prev) and (_is_space(nxt) or nxt in _AFTER_CLOSE or next_quote)
    return can_open, can_close


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark that is part of a word: don't, O'Neill, rock 'n' roll, the '90s."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev.isalnum() and nxt.isalnum():
        return True
    if (_is_space(prev) or prev in _BEFORE_OPEN) and _LEADING_APOSTROPHE.match(text, i + 1):
        return True
    # the closing half of 'n' (rock 'n' roll)
    return prev == "n" and i >= 2 and text[i - 2] in SINGLE_MARKS and _is_space(nxt)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: lines, except soft wraps inside a sentence."""
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        i = m.start()
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if (prev.isalpha() or prev in ",;-") and nxt.islower():   # a soft-wrapped line
            continue
        spans.append((start, i))
        start = i + 1
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quotations in ``text`` in reading order; nested quotes stay inside them."""
    spans: list[QuoteSpan] = []
    if not text:
        return spans
    paragraphs = paragraph_spans(text)
    all_marks = [m.start() for m in _MARK_OR_NEWLINE.finditer(text) if text[m.start()] != "\n"]
    mi = 0
    carried_open = False          # the previous paragraph ended inside a quotation
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        marks = []
        while mi < len(all_marks) and all_marks[mi] < p_end:
            if all_marks[mi] >= p_start:
                marks.append(all_marks[mi])
            mi += 1
        # two single marks typed for a double one (’’ or '' closing, ‘‘ opening): one mark
        doubled = {j for j in marks if text[j] in SINGLE_MARKS and text[j + 1:j + 2] == text[j]
                   and not (j > 0 and text[j - 1] == text[j])}
        # the last single mark that could close: "is there a closer ahead?" in O(1)
        last_single_closer = max((j for j in marks if text[j] in SINGLE_MARKS
                                  and j not in doubled and j - 1 not in doubled
                                  and not _is_apostrophe(text, j) and _flanks(text, j)[1]),
                                 default=-1)
        # Curly double marks do not nest in English: "“A (“B”). “C,” he said." left one
        # open. If the paragraph ends inside one that way, it is paired again with every
        # such earlier opener dropped: "B" and "C" are found instead of nothing.
        next_opens_single = p_index + 1 < len(paragraphs) and _opens_paragraph(
            text, paragraphs[p_index + 1][0], "s")
        for no_nest in (False, True):
            found: list[QuoteSpan] = []
            nested_curly = False
            stack: list[tuple[str, int]] = []     # (kind, offset of opening mark)
            reopened = False
            for k, i in enumerate(marks):
                if i - 1 in doubled:
                    continue                    # the second half of a doubled mark
                ch = text[i]
                kind = "d" if i in doubled else _kind(ch)
                if kind == "s" and _is_apostrophe(text, i):
                    continue
                can_open, can_close = _flanks(text, i, 2 if i in doubled else 1)
                if can_open == can_close:       # both or neither: the glyph decides
                    if ch in _OPEN_GLYPHS:
                        can_open, can_close = True, False
                    elif ch in _CLOSE_GLYPHS:
                        can_open, can_close = False, True
                    else:                       # straight mark: close what is open, else open
                        open_kinds = [s[0] for s in stack]
                        can_close = kind in open_kinds
                        can_open = not can_close
                open_kinds = [s[0] for s in stack]
                if can_close and kind in open_kinds:
                    if kind == "s" and text[i - 1:i] in "sS" and last_single_closer > i \
                            and len(stack) == 1 and _possessive_before_noun(text, i):
                        continue    # Rovers' fans: a possessive, the real closer is later
                    while stack and stack[-1][0] != kind:
                        stack.pop()
                    _, open_at = stack.pop()
                    if not stack:
                        s, e = _trimmed(text, open_at + 1, i)
                        if e > s:
                            first = open_at == _first_mark(text, p_start)
                            found.append(QuoteSpan(s, e, open_at, i, p_index, p_start, p_end,
                                                   reopened and first))
                elif can_open:
                    if kind == "s" and not stack and last_single_closer <= i \
                            and not (i == _first_mark(text, p_start) and carried_open) \
                            and not (next_opens_single and _after_sentence(text, p_start, i)):
                        continue                # a lone single mark: an apostrophe or a typo
                        # (unless a sentence opens with it and the quotation runs on into a
                        # paragraph that opens with one: 'They sent it,' he said. 'Luca ...)
                    if not stack and carried_open and i == _first_mark(text, p_start):
                        reopened = True
                    curly = [n for n, (_, at) in enumerate(stack) if text[at] == "“"]
                    if ch == "“" and curly:
                        nested_curly = True
                        if no_nest:
                            stack = stack[:curly[0]]
                    # a doubled mark: the quotation starts after both (open_at + 1)
                    stack.append((kind, i + 1 if i in doubled else i))
            if not (stack and nested_curly):
                break
        spans.extend(found)
        carried_open = False
        if stack:
            open_at = stack[0][1]
            s, e = _trimmed(text, open_at + 1, p_end)
            nxt_start = paragraphs[p_index + 1][0] if p_index + 1 < len(paragraphs) else None
            continues = nxt_start is not None and _opens_paragraph(text, nxt_start, stack[0][0])
            at_start = open_at == _first_mark(text, p_start)
            if e > s and (continues or at_start or _after_sentence(text, p_start, open_at)):
                spans.append(QuoteSpan(s, e, open_at, None, p_index, p_start, p_end,
                                       reopened and at_start))
            carried_open = continues
    return spans


# Words that follow a quotation's end, never a plural possessive ("were 'always difficult for
# governments' and that ...", not "the Rovers' fans").
_AFTER_QUOTE_WORDS = frozenset("""and or but nor to in on at for from as that which who when while
if because since after before by with than so said says""".split())
_NEXT_WORD = re.compile(r" ([A-Za-z]+)")


def _possessive_before_noun(text: str, i: int) -> bool:
    """Whether the single mark at ``i`` after an "s" reads as a plural possessive: a word
    follows that could be what is owned."""
    m = _NEXT_WORD.match(text, i + 1)
    return m is not None and m.group(1).lower() not in _AFTER_QUOTE_WORDS


def _first_mark(text: str, p_start: int) -> int:
    """Offset of the first non-space character of the paragraph starting at ``p_start``."""
    i = p_start
    while i < len(text) and text[i] in " \t\r\u00a0":
        i += 1
    return i


def _opens_paragraph(text: str, p_start: int, kind: str) -> bool:
    i = _first_mark(text, p_start)
    return i < len(text) and text[i] in (DOUBLE_MARKS if kind == "d" else SINGLE_MARKS) \
        and text[i] not in _CLOSE_GLYPHS.replace("»", "")


def _after_sentence(text: str, p_start: int, i: int) -> bool:
    """Does the mark at ``i`` open a new sentence or follow a colon?"""
    j = i - 1
    while j >= p_start and text[j].isspace():
        j -= 1
    return j < p_start or text[j] in ".!?:—–"
