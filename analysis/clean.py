"""Boilerplate cleaner: turn a pasted page or an HTML document into the article body.

Pasted text has no markup, so every non-empty line is scored by a small line model (stored in
``data/line_model.json``, trained by ``analysis/training/train_line_model.py``). Stage 1, a
logistic regression, reads a line's own shape (length, punctuation, case, cue words for share
bars, ads, bylines, captions...) and its neighbours'; stage 2 (the average of a logistic
regression and gradient-boosted trees) reads stage 1's verdicts around the line and where the
article's main run of text lies. No feature names the script: the training pages hold no
Chinese or Japanese article, only language menus ("中文"), so such a feature learnt that the
script is boilerplate; a line's length counts its CJK characters as half words instead. The model
gives two views of each line: is it a body line, and does it lie within the article's region
(from its first body line to its last, inner captions and ads included). The region is decoded
as the run of lines with the highest summed region odds; inside it a line stays unless it is
plainly not body text, outside it only a line that is very clearly body text stays. So a short
subhead, a list or a table between two paragraphs stays, and teasers, comment threads and other
articles' headlines after the body go. Scoring is plain numpy: no machine-learning library is
needed at run time.

A few page conventions then override the model, because comments and teasers read like body
text: below the heading of a comment thread, story feed or author box ("[ 167 comments ]", "Most
read", "About Jane Doe") the article has ended unless several paragraphs in a row follow; the
title-like lines under a "Related articles" heading are links; a sentence with a byline or
dateline just below it above the body is its standfirst; a bare "By" takes the name lines below.

The headline (``CleanResult.title``) is one of the lines just above the body (or the first kept
line, when it is title-like and set apart): the candidate a small logistic regression scores
best (``data/title_model.json``, trained by ``analysis/training/train_title_model.py``), from
how many of its words recur in the body's first paragraphs, where it stands, whether it ends a
sentence, has a byline or dateline below it, or reads as a byline, a picture credit, a menu item
or a widget; none when no candidate scores high enough. Choosing it never changes the body.

HTML goes through trafilatura (precision settings, comments off), readability-lxml when that
returns nothing or far less than readability finds.

Every removed line gets a short reason an analyst understands; ``restore``/``drop`` let the
analyst override single lines (by their start offset in the original) and rerun.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

from .model import CleanResult, Removal, Segment
from .regex_parts import GuardedSearch, alternatives, first_char_alternation, holds_any, plain_case

MODEL_PATH = Path(__file__).parent / "data" / "line_model.json"
# Largest input the cleaner looks at line by line; beyond it the tail is kept as it is.
MAX_LINES = 5000
# Fixed-point passes: cleaning the cleaned text must remove nothing (idempotence).
MAX_PASSES = 5

# ---------------------------------------------------------------- line shapes

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ALPHA_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.U)
# (a full stop of Chinese or Japanese ends a sentence whatever follows: no space comes after it)
_SENT_END = re.compile(r"[.!?](?=\s|$|[\"”’')\]])|[。！？]")
_ENDS_SENTENCE = re.compile(r"[.!?。！？…:;]['\"”’)\]]*$|[\"”’]$")
# (each match holds one of the words: a line without them is passed by, see GuardedSearch)
_URL = GuardedSearch([(("http", "www.", ".com", "@", "#"), r"https?://|www\.|\.com\b|@\w|#\w")], re.I)
_BULLET = re.compile(r"^([-*•·▪●◦–—]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
_SEPARATOR = GuardedSearch([(tuple("|>»›•·/"), r"\s[|>»›•·/]\s|\s[|»›]|[|»›]\s")])
_NO_SPACE_RUN = re.compile(r"[a-z][A-Z][a-z]")
_BY_START = re.compile(r"(by|from)\s+[A-Z]", re.I)


def _ends_sentence(text: str) -> bool:
    """bool(_ENDS_SENTENCE.search(text)), read off the line's end instead of scanning it (speed):
    a full stop (or the like) closes it, closing quotes and brackets aside, or a quote does."""
    if text.endswith("\n"):  # where "$" has two places to match
        return bool(_ENDS_SENTENCE.search(text))
    core = text.rstrip("'\"”’)]")
    return (bool(core) and core[-1] in ".!?。！？…:;") or text.endswith(('"', "”", "’"))


_MONTH = (r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|"
          r"oct(ober)?|nov(ember)?|dec(ember)?)")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_STEMS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A date or a time, as (words one of which every match holds, pattern); all but the weekday
# names hold a digit too (see _date_low).
_DATE_PARTS = (
    (_MONTH_STEMS, rf"\b{_MONTH}\.?\s+\d{{1,2}}\b"),
    (_MONTH_STEMS, rf"\b\d{{1,2}}\s+{_MONTH}\b"),
    ((":",), r"\b\d{1,2}:\d{2}\b"),
    (("-",), r"\b\d{4}-\d{2}-\d{2}\b"),
    (("/",), r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"),
    ((":",), r"\b(19|20)\d{2}\b.*\b\d{1,2}:\d{2}"),
    (_WEEKDAY_STEMS, r"\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b"),
    (("ago",), r"\b\d+\s+(min(ute)?s?|hours?|days?)\s+ago\b"),
    (("月",), r"\d{1,2}月\d{1,2}日"),
    (("分",), r"\d{1,2}[時时点點]\d{1,2}分"),
)
_DATE = re.compile("|".join(p for _, p in _DATE_PARTS), re.I)
_DATE_WORDS = (r"updated|published|posted|last modified|first published|am|pm|a\.m\.|p\.m\.|gmt|bst|utc|"
               r"edt|est|cet|ist|et")
_DATE_WORD = re.compile(rf"\b({_DATE_WORDS})\b|\d{{4}}年|\d+月\d+日", re.I)


def _cue(words: str) -> re.Pattern:
    return re.compile(r"(?<![\w])(" + words + r")(?![\w])", re.I)


def _cue_words(rx: re.Pattern) -> str:
    return rx.pattern[len(r"(?<![\w])("):-len(r")(?![\w])")]


# Cue words of each kind of boilerplate. They are features (the model weighs them against the
# line's length and context), and they name the reason for a removal.
CUES: dict[str, re.Pattern] = {
    "share-widget": _cue(r"share|shares|shared|sharing|tweet|facebook|twitter|whatsapp|linkedin|"
                         r"pinterest|reddit|flipboard|telegram|messenger|copy link|copy url|print|"
                         r"e-?mail|share via|share on|bookmark|save article|gift article"),
    "advertisement": _cue(r"advertisement|advertising|advert|sponsored|promoted|ad choices|"
                          r"paid (content|post|partnership)|partner content|story continues|"
                          r"continues below|presented by|in partnership with|affiliate"),
    "cookie-notice": _cue(r"cookies?|consent|gdpr|accept all|reject all|manage (preferences|settings|"
                          r"cookies)|privacy settings|we use cookies|this (site|website) uses"),
    "newsletter": _cue(r"newsletters?|sign up|sign-up|signup|subscribe|subscription|inbox|"
                       r"email address|unsubscribe|daily briefing|delivered to you"),
    "promo": _cue(r"click here|download (our|the) app|get the app|follow us|join us|watch live|"
                  r"listen (now|live|to)|podcast|don'?t miss|limited time|special offer|discount|"
                  r"buy now|shop now|learn more|find out more|support (our|us)|donate|become a member"),
    "related": _cue(r"read more|related|see also|more from|recommended|most (read|popular|viewed|"
                    r"shared|watched)|trending|you may also like|you might also like|also read|"
                    r"top stories|latest news|more stories|more news|next article|previous article|"
                    r"up next|editor'?s picks|more on this|further reading|read next|what to read next|"
                    r"watch:|video:|listen:|popular now|in case you missed|recommended for you"),
    "caption": _cue(r"photo|photos|photograph|photographer|image|images|picture|pictures|illustration|"
                    r"credits?|getty|afp|reuters|ap photo|shutterstock|file photo|pictured|gallery|"
                    r"caption|ap|epa|alamy|via getty|source:|video|slideshow|\(left\)|\(right\)"),
    "comment-count": _cue(r"comments?|replies|reply|join the (conversation|discussion)|post comment|"
                          r"add comment|leave a comment|comment now|view comments|show comments|"
                          r"care to comment|missing some content"),
    "navigation": _cue(r"home|menu|search|skip to|back to top|sections?|navigation|sitemap|site map|"
                       r"log ?in|log ?out|sign ?in|my account|contact us|about us|careers|"
                       r"terms (of|and) (use|service|sale)|privacy policy|all rights reserved|"
                       r"copyright|advertise with us|rss|faq|help|feedback|editions?|live tv"),
    "paywall": _cue(r"subscribers?|subscribe to (read|continue)|premium|unlock|free trial|"
                    r"already a subscriber|to read the full|continue reading|create (an|a free) account|"
                    r"register (now|for free|to)|exclusive content|members only|paywall|"
                    r"you have \d+ free|free articles?"),
    "byline": _cue(r"by|written by|words by|reporting by|posted by|author|correspondent|editor|"
                   r"reporter|staff writer|columnist|contributor|editing by|additional reporting|"
                   r"our standards|trust principles"),
}
_CUE_NAMES = tuple(CUES)
_CUE_KEYS = tuple(f"c{i}" for i in range(len(CUES)))
# All cue kinds in one pass over the line (speed). The word-boundary checks stand once outside
# the alternation, the words are grouped by their first letter (first_char_alternation), and the
# pattern (all lower case) runs on the lower-cased line: the same matches as CUES, several times
# faster. A word counts for the first kind listing it (_cue_kind).
_CUE_ALL = re.compile(r"(?<!\w)" + first_char_alternation(
    [alt for rx in CUES.values() for alt in alternatives(_cue_words(rx))]) + r"(?!\w)")
_CUE_KIND_WORDS = tuple((key, re.compile(_cue_words(rx))) for key, rx in zip(_CUE_KEYS, CUES.values()))


@lru_cache(maxsize=4096)
def _cue_kind(word: str) -> str:
    """The kind (``_CUE_KEYS``) of a cue word _CUE_ALL found: the first kind listing it. (The
    alternative re took is the first one in order that matches there, so no earlier kind can
    match the same word whole.)"""
    return next(key for key, rx in _CUE_KIND_WORDS if rx.fullmatch(word))

# The same kinds of cue in Chinese (simplified and traditional) and Japanese, where words are not
# set apart by spaces, so they are looked for anywhere in a line that has such characters. Only
# words that name a page's furniture; ones common in running text ("更多", "阅读") are left out.
_CJK_CUES = {
    "share-widget": "分享|转发|轉發|收藏本文|打印本页|列印|シェア|ツイート|ブックマーク",
    "advertisement": "广告|廣告|広告|赞助内容|贊助內容|推广|推廣|スポンサー",
    "newsletter": "订阅|訂閱|購読|メールマガジン|メルマガ",
    "promo": "下载客户端|下載客戶端|扫码|掃碼|关注我们|關注我們|ダウンロード|フォローする",
    "related": "相关|相關|推荐|推薦|热门|熱門|热点|熱點|延伸阅读|延伸閱讀|阅读更多|閱讀更多|排行|"
               "上一篇|下一篇|関連|おすすめ|人気記事|ランキング|もっと見る|次の記事|前の記事",
    "caption": "图片来源|圖片來源|图为|圖為|资料图|資料圖|摄影|攝影|写真",
    "comment-count": "评论|評論|留言|跟帖|コメント",
    "navigation": "首页|首頁|登录|登錄|注册|註冊|网站地图|網站地圖|联系我们|聯絡我們|关于我们|關於我們|"
                  "返回顶部|回到顶部|版权所有|版權所有|ホーム|ログイン|お問い合わせ|サイトマップ|"
                  "利用規約|プライバシーポリシー|著作権",
    "paywall": "付费阅读|付費閱讀|会员专享|會員專享|有料会員|会員限定",
    "byline": "记者|記者|编辑|編輯|责编|責編|作者|来源|來源|出典|撰文",
}
_CUE_CJK = re.compile("|".join(f"(?P<{key}>{_CJK_CUES[name]})" for key, name in zip(_CUE_KEYS, _CUE_NAMES)
                               if name in _CJK_CUES))

# "By" on a line of its own, the author's name on the next ones (see _drop_split_byline)
_BARE_BYLINE = re.compile(r"^(by|written by|words by|posted by|authors?)\s*:?$", re.I)
# Lines that are boilerplate whatever their context: single-purpose widgets and labels.
HARD_JUNK: list[tuple[str, re.Pattern]] = [
    ("advertisement", re.compile(r"^(advertisement|advertising|advert|sponsored( content)?|"
                                 r"(story|article) continues below( (this )?advertisement)?|"
                                 r"ad|ads|promoted( content)?|scroll to continue( with content)?|"
                                 r"continue reading (the main story|below))[.:]?$", re.I)),
    ("share-widget", re.compile(r"^((share|tweet|email|e-mail|print|copy link|whatsapp|facebook|"
                                r"twitter|linkedin|pinterest|reddit|x|save|bookmark)"
                                r"( (this|on|via|to) ?\w*( article| story| page)?)?[.:!]?\s*){1,8}$",
                                re.I)),
    ("comment-count", re.compile(r"^(\d+\s*)?(comments?|replies)(\s*\(?\d+\)?)?$|"
                                 r"^(view|show|read|post|add|leave) (all )?(\d+ )?comments?"
                                 r"( \(\d+\))?\W*$", re.I)),
    ("photo-credit", re.compile(r"^((photo|image|picture|video|illustration)s?( credit)?|credit)"
                                r"\s*(:|by)\s*\S.{0,80}$|^\(?(photo|image|credit)[^a-z]{0,3}\s*[A-Z][^.!?]{0,60}"
                                r"\)?$", re.I)),
    ("caption", re.compile(r"^(photo|image|picture|pictured|above|top|left|right|main image|"
                           r"caption)\s*:\s*\S.*$", re.I)),
    ("caption", re.compile(r"^.{0,400}?(\b(?i:photograph|photo|picture|image|illustration)s?\s*(:|by)\s*"
                           r"[A-Z][^.!?:]{1,60}|\((?i:ap photo|afp|reuters|getty|image|photo)[^)]{0,60}\))\s*$")),
    ("caption", re.compile(r"^(image|photo|media|video) caption\b.{0,300}$", re.I)),
    # a described picture, then its agency: "Crowds at the rally on Tuesday. Getty Images"
    ("caption", re.compile(r"^.{10,400}?[.!?]['\"”’)]?\s+(?i:(photo|picture|image)s?\s*:\s*)?"
                           r"(?i:getty images|shutterstock|alamy|afp|reuters|epa|xinhua|ap photo|"
                           r"associated press|pa (wire|media))(\s*(/|via)\s*[\w .'’-]{1,40}){0,2}$")),
    ("newsletter", re.compile(r"^.{0,200}\b(delivered (straight |directly |right )?(to your inbox|"
                              r"weekday mornings|every (morning|day|week|weekday)|daily)|"
                              r"meet your inbox|in your inbox)\b.{0,60}$", re.I)),
    ("share-widget", re.compile(r"^((like|enjoy(ed)?|love)( reading)? this (story|article|post)\?.{0,60}|"
                                r".{0,40}\bshare (it|this) with (a )?friends?\b.{0,20})$", re.I)),
    ("comment-count", re.compile(r"^.{0,60}\b(care|want|like|would you like) to comment\?.{0,60}$|"
                                 r"^(leave|post|add|write) a comment\b.{0,40}$|"
                                 r"^join the (conversation|discussion|debate)\b.{0,60}$", re.I)),
    ("promo", re.compile(r"^(have|got) a (news )?tip\?.{0,200}$", re.I)),
    ("byline", re.compile(r"^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3} (is|was) (an? |the )?([\w-]+ ){0,3}"
                          r"(reporter|writer|editor|correspondent|journalist|columnist|contributor|"
                          r"producer)\b[^.!?]{0,120}[.!]?$")),
    ("read-more", re.compile(r"^(read more|read next|related|see also|also read|more|watch|listen|"
                             r"recommended|more from [^:]{1,40}|read also|further reading|"
                             r"related (article|story|stories|content|coverage|reading))\s*[:»>|-].*$|"
                             r"^(read more|related( stories| articles)?|more stories|"
                             r"recommended( for you)?|you may also like|most (read|popular|viewed))\W*$",
                             re.I)),
    ("newsletter", re.compile(r"^(sign up|subscribe)\b.{0,80}\bnewsletters?\W*$|"
                              r"^(sign up|subscribe)( (now|here|today|for free))?\W*$", re.I)),
    ("byline", _BARE_BYLINE),
    ("byline", re.compile(r"^(?i:by|words by|written by|posted by)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}"
                          r"(\s*(,|and|&|\|)\s*[A-Z][\w.'’ -]+){0,4}$|"
                          r"^(?i:(reporting|additional reporting|editing|writing) by)\b.{0,160}$|"
                          r"^\((?i:reporting by)\b.{0,300}\)$")),
    ("dateline", re.compile(r"^((first )?published|updated|posted|last (updated|modified))\s*(:|on)?"
                            r"\s*.{0,60}$", re.I)),
    ("copyright", re.compile(r"^(copyright|©|\(c\)|ⓒ).{0,200}$|^.{0,120}\ball rights reserved\b.{0,80}$",
                             re.I)),
    ("newsletter", re.compile(r"^(get|sign up|subscribe|receive|want|don'?t miss|never miss|stay)\b.{0,150}"
                              r"\b(inbox|newsletters?|briefing|bulletin)\b.{0,60}$|"
                              r"^[^.!?]{0,60}\b(briefing|newsletter|bulletin|digest)\s*:.{0,160}$", re.I)),
    ("share-widget", re.compile(r"^(share|comment)( (or|and) (share|comment)( on)?)? (on )?(this|the) "
                                r"(article|story|page|post)\W*$", re.I)),
    ("boilerplate", re.compile(r"^our standards\s*:.{0,120}$", re.I)),
    # the same widgets in Chinese and Japanese: "分享到微信", "版权所有 ©", "無断転載を禁じます"
    ("share-widget", re.compile(r"^(分享|转发|轉發|シェア|ツイート)(到|至|给|給|する)?.{0,12}$")),
    ("copyright", re.compile(r"^.{0,40}(版权所有|版權所有|无断转载|無断転載|不得转载|不得轉載).{0,80}$")),
    ("cookie-notice", re.compile(r"^.{0,200}\b(uses?|using) cookies\b.{0,300}$|"
                                 r"^(accept|reject|allow)( all)?( cookies)?\W*(accept|reject|manage|"
                                 r"allow|cookie|preferences|settings|\s)*$", re.I)),
]

# Picture credits closing a line, as (words one of which every match holds, case aside; pattern).
_CREDIT_END_PARTS = (
    (("photo", "picture", "image", "illustration", "credit", "video"),
     r"(?i:(photograph|photo|picture|image|illustration|credit|video)s?)\s*(:|(?i:by))\s*[^.!?]{2,80}$"),
    (("/",), r"\b[A-Z][\w.'’-]*(\s[A-Z][\w.'’-]*)*(\s?/\s?[A-Z][\w.'’ -]*){1,3}\)?\s*$"),
    (("(",), r"\((?i:getty|afp|reuters|ap|epa|file|photo|image)[^)]{0,60}\)\s*$"),
    # a picture agency's name closing the line: "... on Tuesday. Getty Images"
    (("getty", "shutterstock", "alamy", "ap photo", "afp", "reuters", "epa", "xinhua", "pa ",
      "associated press"),
     r"(?i:getty images|shutterstock|alamy|ap photo|afp|reuters|epa|xinhua|"
     r"pa (wire|media)|associated press|via getty)\s*\)?\s*$"),
)
_CREDIT_END = re.compile("|".join(p for _, p in _CREDIT_END_PARTS))
# The same tests part by part, each only on a line that holds one of its words (speed).
_CREDIT_END_SEARCH = GuardedSearch(list(_CREDIT_END_PARTS))
# _DATE on a lower-cased line (its pattern is all lower case): without a digit only the weekday
# names can match. The words of _DATE_WORD are looked for by first letter (speed).
_DATE_LOW = GuardedSearch(list(_DATE_PARTS))
_DATE_LOW_WEEKDAY = GuardedSearch([part for part in _DATE_PARTS if part[0] == _WEEKDAY_STEMS])
_DATE_WORD_LOW = GuardedSearch([
    ((), r"\b" + first_char_alternation(alternatives(_DATE_WORDS)) + r"\b"),
    (("年",), r"\d{4}年"), (("月",), r"\d+月\d+日")])
_DIGIT = re.compile(r"\d")


def _date_low(low: str) -> bool:
    """A date or time in the lower-cased line: _DATE's pattern run on it as it is (that pattern
    is all lower case), with a digit or a weekday's name as the first test (speed)."""
    if _DIGIT.search(low):
        return _DATE_LOW.search(low, low)
    return _DATE_LOW_WEEKDAY.search(low, low)


def _credit_end(text: str) -> bool:
    """_CREDIT_END.search(text): a picture credit closes the line."""
    return _CREDIT_END_SEARCH.search(text)


_ASCII_DIGITS = b"0123456789"
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _digits_letters(text: str) -> tuple[int, int]:
    """How many digits (``\\d``) and letters (``[^\\W\\d_]``) ``text`` holds, without a regex
    scan (speed): the ASCII characters by deleting bytes, the others (a few quotes and dashes,
    mostly) by str methods, ``\\w`` being str.isalnum and ``\\d`` its decimal digits."""
    b = text.encode("ascii", "ignore")
    digits = len(b) - len(b.translate(None, _ASCII_DIGITS))
    letters = len(b) - len(b.translate(None, _ASCII_LETTERS))
    if len(b) < len(text):
        rest = "".join(_NON_ASCII.findall(text))
        rest_digits = sum(map(str.isdecimal, rest))
        digits += rest_digits
        letters += sum(map(str.isalnum, rest)) - rest_digits
    return digits, letters


_CUE_FEATURE_NAMES = {key: ("cue_" + name, "cue_short_" + name, "cue_start_" + name)
                      for key, name in zip(_CUE_KEYS, _CUE_NAMES)}
_CUE_FEATURE_ZEROS = {k: 0.0 for names in _CUE_FEATURE_NAMES.values() for k in names}
_BYLINE_KEY = _CUE_KEYS[_CUE_NAMES.index("byline")]

_CREDIT_LINE = re.compile(r"getty|images?\b|shutterstock|alamy|\b(AP|AFP|EPA|PA|Reuters|Xinhua|"
                          r"Bloomberg|Sipa|Anadolu)\b|\w/\w|photo|credit|©", re.I)
_CREDIT_LINE_LOW = re.compile(_CREDIT_LINE.pattern.lower())


@lru_cache(maxsize=100000)
def units(text: str) -> float:
    """Length in words; characters of scripts without spaces count as half a word each."""
    cjk = len(_CJK.findall(text))
    if cjk:
        return len(text.split()) + cjk / 2.0
    return float(len(text.split()))


def _shape(text: str) -> dict[str, float]:
    """One line's own features, independent of its neighbours."""
    n = units(text)
    # Cue words are looked for at the two ends of a long paragraph only (speed).
    probe = text if len(text) <= 400 else text[:250] + " … " + text[-150:]
    # Letter-case and character ratios are read on the same probe (speed on long paragraphs).
    words = _ALPHA_WORD.findall(probe)
    nw = len(words) or 1
    n_title = n_caps = 0
    for w in words:
        if w[0].isupper():
            n_title += 1
        elif w[0].islower():
            continue  # (a word in capitals may open with a letter that has no case)
        if len(w) > 1 and w.isupper():
            n_caps += 1
    title, caps = n_title / nw, n_caps / nw
    chars = len(probe) or 1
    n_digits, n_letters = _digits_letters(probe)
    digits, alpha = n_digits / chars, n_letters / chars
    short = n <= 8
    low = probe.lower()  # the *_LOW patterns are case-insensitive ones run on lower case (speed)
    has_date = _date_low(low)
    credit_end = _credit_end(probe[-160:])  # it matches at the end only
    ends_sentence = _ends_sentence(text)
    f = {
        "bias": 1.0,
        "log_units": math.log1p(n),
        "units_le3": float(n <= 3),
        "units_le8": float(short),
        "units_ge20": float(n >= 20),
        "units_ge40": float(n >= 40),
        "ends_sentence": float(ends_sentence),
        "ends_colon": float(text.endswith(":")),
        "ends_ellipsis": float(text.endswith(("...", "…", ".."))),
        "n_sentences": math.log1p(len(_SENT_END.findall(text))),
        "commas": min(text.count(",") + text.count("，") + text.count("、"), 10) / 10.0,
        "title_ratio": title,
        "title_short": title * float(short),
        "caps_ratio": caps,
        "digit_ratio": digits,
        "alpha_ratio": alpha,
        "url": float(_URL.search(probe, low)),
        "bullet": float(bool(_BULLET.match(text))),
        "separator": float(_SEPARATOR.search(probe)),
        "starts_lower": float(text[:1].islower()),
        "starts_quote": float(text[:1] in "\"“‘'«—–"),
        "date": float(has_date),
        "date_short": float(has_date and n <= 14),
        "date_word": float(bool(_DATE_WORD_LOW.search(low))),
        "credit_end": float(credit_end),
        "no_space_run": float(n <= 12 and bool(_NO_SPACE_RUN.search(probe))),
        "by_start": float(n <= 14 and bool(_BY_START.match(text))),
        "copyright": float("©" in text or "(c)" in text.lower() or "ⓒ" in text),
        "pipe_count": min(text.count("|") + text.count("•"), 5) / 5.0,
        "question": float(text.rstrip("\"”’' ").endswith("?")),
        "paren_wrap": float(text[:1] in "([" and text[-1:] in ")]"),
        "credit_line": float(n <= 10 and bool(_CREDIT_LINE_LOW.search(low))),
        "all_caps": float(caps > 0.7 and n >= 3),
        "long_no_end": float(n >= 8 and not ends_sentence),
        "credit_long": float(n >= 12 and credit_end),
    }
    hits: set[str] = set()
    starts: set[str] = set()
    for m in _CUE_ALL.finditer(low):
        key = _cue_kind(m.group())
        hits.add(key)
        if m.start() == 0:
            starts.add(key)
    if _CJK.search(probe):
        for m in _CUE_CJK.finditer(probe):
            hits.add(m.lastgroup)
            if m.start() == 0:
                starts.add(m.lastgroup)
    f.update(_CUE_FEATURE_ZEROS)  # (in SHAPE_NAMES's order), then the kinds found
    for key in hits:
        k_hit, k_short, _ = _CUE_FEATURE_NAMES[key]
        f[k_hit], f[k_short] = 1.0, float(short)
    for key in starts:
        f[_CUE_FEATURE_NAMES[key][2]] = 1.0
    f["hard_junk"] = float(_hard_reason(text) is not None)
    f["cue_any"] = float(bool(hits - {_BYLINE_KEY}))
    return f


_DATE_TOKEN = re.compile(
    rf"(?i:{_MONTH}\.?|(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?|am|pm|a\.m\.|p\.m\.|"
    r"gmt|bst|utc|edt|est|cet|cest|ist|et|pt|pst|pdt|at|on|of|the|updated|published|posted|"
    r"first|last|modified|\d{1,2}(st|nd|rd|th)|\d+)|[\s,.:/|·•–—()-]+|[年月日時时点點分秒（）()]")


def _pure_date(text: str) -> bool:
    """A line that is nothing but a date and/or time ("Tuesday 4 March 2025, 7:15 pm")."""
    if len(text) > 80 or (plain_case(text) and not _date_low(text.lower())):
        return False  # (such a line's case-blind _DATE match is _DATE's on its lower case)
    return bool(_DATE.search(text)) and not _DATE_TOKEN.sub("", text).strip()


@lru_cache(maxsize=50000)
def _hard_reason(text: str) -> str | None:
    if len(text) > 600:
        return None
    if _pure_date(text):
        return "dateline"
    low = text.lower() if plain_case(text) else None
    if low is not None and not _HARD_ANY_PLAIN.match(text) and not holds_any(low, _HARD_NEEDS_ALL):
        return None     # no pattern can match: one combined test instead of every pattern (speed)
    for reason, rx, needs in _HARD_JUNK_NEEDS:
        if needs and low is not None and not holds_any(low, needs):
            continue
        if rx.match(text):
            return reason
    return None


def _hard_needs(rx: re.Pattern) -> tuple[str, ...]:
    """Words one of which (case aside) any match of ``rx`` holds, for the patterns that scan a
    whole line for them: a line with none of them is passed by without running the pattern
    (speed). Only lines where ``plain_case`` holds: re's case-blind matching pairs a few other
    letters with ASCII ones (the long s with s)."""
    for marker, words in _HARD_NEEDS:
        if marker in rx.pattern:
            return words
    return ()


_HARD_NEEDS = (
    (r"^.{0,400}?(\b(?i:photograph", ("photo", "picture", "image", "illustration", "(")),
    (r"^.{0,200}\b(delivered", ("delivered", "inbox")),
    (r"^((like|enjoy(ed)?|love)", ("like", "enjoy", "love", "share")),
    (r"^.{0,60}\b(care|want", ("comment", "join the")),
    (r"^(get|sign up|subscribe|receive", ("inbox", "newsletter", "briefing", "bulletin", "digest")),
    (r"^.{0,200}\b(uses?|using) cookies", ("cookies", "accept", "reject", "allow")),
    (r"^(copyright|©", ("copyright", "©", "(c)", "ⓒ", "all rights reserved")),
    (r"^.{0,40}(版权所有", ("版权所有", "版權所有", "无断转载", "無断転載", "不得转载", "不得轉載")),
    (r"^.{10,400}?[.!?]", ("getty images", "shutterstock", "alamy", "afp", "reuters", "epa", "xinhua",
                           "ap photo", "associated press", "pa wire", "pa media")),
)
_HARD_JUNK_NEEDS = [(reason, rx, _hard_needs(rx)) for reason, rx in HARD_JUNK]
assert sum(bool(needs) for _, _, needs in _HARD_JUNK_NEEDS) == len(_HARD_NEEDS)
# The patterns without such words, as one alternation (each keeps its own case rule), and every
# pattern's words: a line (plain_case) that matches neither matches no pattern at all.
assert all(rx.flags & ~(re.I | re.U) == 0 for _, rx in HARD_JUNK)     # only the case rule differs
_HARD_ANY_PLAIN = re.compile("|".join(
    f"(?{'i' if rx.flags & re.I else '-i'}:{rx.pattern})" for _, rx, needs in _HARD_JUNK_NEEDS
    if not needs))
_HARD_NEEDS_ALL = tuple(sorted({w for _, words in _HARD_NEEDS for w in words}))


_NEIGHBOUR_KEYS = ("log_units", "ends_sentence", "title_ratio", "units_le3", "units_ge20",
                   "hard_junk", "date_short", "bullet", "credit_line", "all_caps", "ends_colon",
                   "cue_any")
SHAPE_NAMES = tuple(_shape("x"))
_SHAPE_COL = {k: i for i, k in enumerate(SHAPE_NAMES)}
_LINE_NAMES = (list(SHAPE_NAMES)
               + ["srun_len", "srun_digits", "srun_bullets", "srun_title", "srun_cues", "srun_units",
                  "dup", "dup_short", "dup_adjacent", "mass_before", "mass_after", "mass_before_zero",
                  "mass_after_zero", "rel_pos", "doc_lines", "texty_near", "texty_near_count",
                  "srun_sandwich", "srun_after_colon", "srun_lower", "gap_prev", "gap_next",
                  "stamps_near", "widgets_before", "widgets_after", "headlines_near"]
               + [f"n{d:+d}_{k}" for d in (-2, -1, 1, 2) for k in _NEIGHBOUR_KEYS + ("missing",)])


@lru_cache(maxsize=50000)
def _shape_row(text: str) -> tuple[float, ...]:
    return tuple(_shape(text).values())  # _shape fills its keys in SHAPE_NAMES's order


@lru_cache(maxsize=50000)
def _shape_bytes(text: str) -> bytes:
    """_shape_row as packed float64s: the matrix of many lines is then one join (speed; numpy
    converts a list of tuples of Python floats one number at a time)."""
    return np.array(_shape_row(text), dtype=float).tobytes()


def _shape_matrix(lines: list[str]) -> np.ndarray:
    """The _shape_row of every line, one row a line (read-only)."""
    packed = b"".join(map(_shape_bytes, lines))
    return np.frombuffer(packed, dtype=float).reshape(len(lines), len(SHAPE_NAMES))


def _units_array(lines: list[str]) -> np.ndarray:
    return np.fromiter(map(units, lines), dtype=float, count=len(lines))


def _shifted(values: np.ndarray, d: int, fill) -> tuple[np.ndarray, np.ndarray]:
    """Row i of the result is row i + d of ``values`` (``fill`` where that is outside), and
    whether it was outside."""
    n = len(values)
    out = np.full(values.shape, fill, dtype=values.dtype)
    lo, hi = max(0, -d), max(max(0, -d), min(n, n - d))  # rows whose row i + d exists
    out[lo:hi] = values[lo + d:hi + d]
    outside = np.ones(n, dtype=bool)
    outside[lo:hi] = False
    return out, outside


def _window_sum(values: np.ndarray, r: int) -> np.ndarray:
    """Sum of ``values`` over each position's +-r neighbours, the position itself excluded."""
    c = np.concatenate(([0.0], np.cumsum(values)))
    n = len(values)
    idx = np.arange(n)
    lo, hi = np.maximum(idx - r, 0), np.minimum(idx + r + 1, n)
    return c[hi] - c[lo] - values


def _runs(mask) -> list[tuple[int, int]]:
    """(first, last) index of every maximal run of True in ``mask``."""
    edges = np.diff(np.concatenate(([0], np.asarray(mask, dtype=bool).astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), (np.flatnonzero(edges == -1) - 1).tolist()))


def _run_means(values, runs: list[tuple[int, int]]) -> list[float]:
    """Mean of ``values`` over each run, from one cumulative sum: exact (the same as np.mean)
    only for values whose partial sums are exact, i.e. counts, 0/1 flags and half-word lengths."""
    c = np.concatenate(([0.0], np.cumsum(np.asarray(values, dtype=float)))).tolist()
    return [(c[j + 1] - c[i]) / (j - i + 1) for i, j in runs]


def line_features(lines: list[str], hidden=None) -> tuple[list[str], np.ndarray]:
    """Stage-1 features of every line: its own shape, its neighbours' and its place in the text.

    ``hidden[i]``: how many single-purpose widget lines (``HARD_JUNK``: share bars, "Comments
    (4)", "Advertisement"...) stood between line i-1 and line i; a body rarely runs on across them.
    """
    n = len(lines)
    hid = np.zeros(n + 1)
    if hidden is not None:
        hid[:n] = np.asarray(hidden, dtype=float)[:n]
    S = _shape_matrix(lines)
    col = _SHAPE_COL
    counts = Counter(lines)
    lens = _units_array(lines)
    texty = np.where((lens >= 12) & (S[:, col["ends_sentence"]] > 0), lens, 0.0)
    total = float(texty.sum()) or 1.0
    before = (np.cumsum(texty) - texty) / total
    # Runs of consecutive short lines: a menu (words, no digits) or a table/list (digits, bullets).
    # (Means of flags and lengths come from cumulative sums, exact for them; the title ratio is
    # no such value, so its mean stays np.mean's own, run by run: the features must not move;
    # np.mean is np.add.reduce over the count, called here without np.mean's checks for speed.)
    srun = np.zeros((n, 6))
    short = lens <= 10
    runs = _runs(short)
    title = S[:, col["title_ratio"]]
    run_len = [j - i + 1 for i, j in runs]
    if runs:
        title_mean = [float(title[i]) if i == j else float(np.add.reduce(title[i:j + 1]) / (j - i + 1))
                      for i, j in runs]
        srun[short] = np.repeat(np.column_stack((
            [math.log1p(k) for k in run_len], _run_means(S[:, col["digit_ratio"]] > 0.05, runs),
            _run_means(S[:, col["bullet"]], runs), title_mean, _run_means(S[:, col["cue_any"]], runs),
            [math.log1p(m) for m in _run_means(lens, runs)])), run_len, axis=0)
    # A run of short lines between two paragraphs (a table or list of the body) or right after a
    # line ending in a colon (its introduction) reads differently from a menu at the page's edge.
    texty_line = texty > 0
    sand = np.zeros((n, 3))
    if runs:
        texty_l, colon_l = texty_line.tolist(), (S[:, col["ends_colon"]] > 0).tolist()
        sand[short] = np.repeat(np.column_stack((
            [float(i > 0 and texty_l[i - 1] and j + 1 < n and texty_l[j + 1]) for i, j in runs],
            [float(i > 0 and colon_l[i - 1]) for i, j in runs],
            _run_means(title < 0.5, runs))), run_len, axis=0)
    # Distance to the nearest paragraph-like line before and after; timestamps nearby (threads).
    where = np.flatnonzero(texty_line)
    pos = np.arange(n)
    k_prev = np.searchsorted(where, pos, side="left") - 1  # last paragraph strictly before
    k_next = np.searchsorted(where, pos, side="right")     # first paragraph strictly after
    gap_prev = np.where(k_prev >= 0, pos - where[np.clip(k_prev, 0, None)] if len(where) else 50, 50)
    gap_next = np.where(k_next < len(where),
                        (where[np.clip(k_next, None, len(where) - 1)] if len(where) else pos + 50) - pos, 50)
    gap_prev, gap_next = np.minimum(gap_prev, 50).astype(float), np.minimum(gap_next, 50).astype(float)
    stamps = _window_sum(S[:, col["date_short"]], 5) / 10.0
    # Headline-shaped lines nearby (short, mostly capitalised, no closing punctuation): a feed of
    # teasers alternates them with one-sentence summaries; a body has a subhead now and then.
    heads = ((lens <= 14) & (S[:, col["title_ratio"]] > 0.6)
             & (S[:, col["ends_sentence"]] == 0)).astype(float)
    heads_near = _window_sum(heads, 4) / 8.0
    dup = np.array([counts[t] > 1 for t in lines], dtype=float)
    adjacent = np.array([(k > 0 and lines[k - 1] == lines[k]) or (k + 1 < n and lines[k + 1] == lines[k])
                         for k in range(n)], dtype=float)
    mass_after = 1.0 - before - texty / total
    near_count = _window_sum((texty > 0).astype(float), 3) / 6.0
    extra = [srun, dup[:, None], (dup * (lens <= 8))[:, None], adjacent[:, None], before[:, None],
             mass_after[:, None], (before < 0.02)[:, None], (mass_after < 0.02)[:, None],
             (np.arange(n) / max(n - 1, 1))[:, None], np.full((n, 1), math.log1p(n)),
             np.log1p(_window_sum(texty, 3))[:, None], near_count[:, None], sand,
             np.log1p(gap_prev)[:, None], np.log1p(gap_next)[:, None], stamps[:, None],
             np.log1p(hid[:n])[:, None], np.log1p(hid[1:])[:, None], heads_near[:, None]]
    near = S[:, [col[k] for k in _NEIGHBOUR_KEYS]]
    for d in (-2, -1, 1, 2):
        shifted, missing = _shifted(near, d, 0.0)
        extra.append(np.column_stack((shifted, missing)))
    return _LINE_NAMES, np.hstack([S] + [e.astype(float) for e in extra])


def _best_span(values: np.ndarray) -> tuple[int, int]:
    """The contiguous run of positions with the largest sum of ``values``."""
    best, span, cur, start = -1e18, (0, -1), 0.0, 0
    for i, v in enumerate(values.tolist()):
        if cur <= 0:
            cur, start = v, i
        else:
            cur += v
        if cur > best:
            best, span = cur, (start, i)
    return span


def _main_run(scores, weights) -> tuple[int, int]:
    """The contiguous run of lines with the largest sum of weight * (score - 0.5)."""
    return _best_span(np.asarray(weights, dtype=float) * (np.asarray(scores, dtype=float) - 0.5))


_PASS_KEYS = ("ends_sentence", "title_ratio", "all_caps", "credit_long", "credit_line",
              "n-1_credit_line", "n+1_credit_line", "cue_any", "dup", "long_no_end", "units_le8",
              "hard_junk", "date_short", "by_start", "bullet", "starts_quote", "question",
              "mass_before_zero", "mass_after_zero")


_CONTEXT_NAMES = (["bias", "z", "log_units", "in_run", "run_dist", "mass_before", "mass_after",
                   "win5", "win2", "first_in_run", "last_in_run", "before_run", "after_run",
                   "units_le3", "z_in_run", "short_in_run", "notend_in_run", "caps_in_run",
                   "credit_next_in_run", "z_pos", "z_neg", "run_frac", "z_best_before", "z_best_after", "z_sandwich", "z_frame",
                   "z_frame_short"]
                  + [f"z{d:+d}" for d in (-3, -2, -1, 1, 2, 3)] + ["own_" + k for k in _PASS_KEYS])


@lru_cache(maxsize=8)
def _pass_columns(base_names: tuple[str, ...]) -> list[int]:
    return [base_names.index(k) for k in _PASS_KEYS]


def context_features(logits, lines: list[str], base_names: list[str],
                     base_rows) -> tuple[list[str], np.ndarray]:
    """Stage-2 features: stage-1 verdicts of the line, its neighbours and the main run."""
    raw = np.asarray(logits, dtype=float)
    base = np.asarray(base_rows, dtype=float)
    n = len(raw)
    probs = 1.0 / (1.0 + np.exp(-np.clip(raw, -50, 50)))
    lens = _units_array(lines)
    weights = np.sqrt(1.0 + lens)
    lo, hi = _main_run(probs, weights)
    kept_mass = probs * lens
    total = float(kept_mass.sum()) or 1.0
    before = (np.cumsum(kept_mass) - kept_mass) / total
    pick = _pass_columns(tuple(base_names))
    own = base[:, pick] if n else np.zeros((0, len(pick)))
    idx = np.arange(n)
    inside = ((idx >= lo) & (idx <= hi)).astype(float)
    dist = np.where(inside > 0, 0, np.where(idx < lo, lo - idx, idx - hi))
    z = np.clip(raw, -8.0, 8.0)
    pw = probs * weights

    def window(r: int) -> np.ndarray:
        w = _window_sum(weights, r)
        return _window_sum(pw, r) / np.where(w > 0, w, 1.0)
    short = (lens <= 8).astype(float)
    cols = [np.ones(n), z, np.log1p(lens), inside, np.log1p(dist), before,
            1.0 - before - kept_mass / total, window(5), window(2), (idx == lo).astype(float),
            (idx == hi).astype(float), (idx < lo).astype(float), (idx > hi).astype(float),
            (lens <= 3).astype(float), z * inside, inside * short,
            inside * own[:, _PASS_KEYS.index("long_no_end")],
            inside * own[:, _PASS_KEYS.index("all_caps")],
            inside * own[:, _PASS_KEYS.index("n+1_credit_line")],
            np.maximum(z, 0.0), np.minimum(z, 0.0), np.full(n, (hi - lo + 1) / max(n, 1))]
    # The best verdict a few lines above and below: a line between two kept paragraphs is
    # inside the body; a short run (table, list) is judged by the lines that frame it.
    zb, za = np.full(n, -8.0), np.full(n, -8.0)
    for d in range(1, 7):
        zb[d:] = np.maximum(zb[d:], z[:-d] if d < n else zb[d:])
        za[:-d] = np.maximum(za[:-d], z[d:] if d < n else za[:-d])
    frame = np.full(n, -8.0)
    short_run = lens <= 10
    z_list = z.tolist()
    for i, j in _runs(short_run):
        frame[i:j + 1] = min(z_list[i - 1] if i > 0 else -8.0, z_list[j + 1] if j + 1 < n else -8.0)
    cols += [zb, za, np.minimum(zb, za), frame, frame * short_run]
    cols += [_shifted(z, d, -4.0)[0] for d in (-3, -2, -1, 1, 2, 3)]
    return _CONTEXT_NAMES, np.hstack([np.column_stack(cols) if n else np.zeros((0, len(cols))), own])


# ---------------------------------------------------------------- the model

@lru_cache(maxsize=1)
def load_line_model(path: str | None = None) -> dict:
    """The shipped line model (weights as JSON); see its ``provenance`` for how it was made."""
    with open(path or MODEL_PATH, encoding="utf-8") as f:
        model = json.load(f)
    for stage in ("stage1", "stage2", "span1", "span2"):
        if model.get(stage) is not None:
            prepare_stage(model[stage])
    return model


def prepare_stage(st: dict) -> None:
    """Fold a linear stage's standardisation into its weights (``_w``, ``_b``)."""
    if st.get("kind") == "mean":
        for part in st["parts"]:
            prepare_stage(part)
        return
    if st.get("kind") == "trees":
        return
    st["_w"] = [c / s for c, s in zip(st["coef"], st["scale"])]
    st["_b"] = st["intercept"] - sum(c * m / s for c, m, s in zip(st["coef"], st["mean"], st["scale"]))


def _tree_levels(stage: dict) -> tuple:
    """The trees as complete binary trees of the stage's depth, so that all trees are walked at
    once by index arithmetic. Built by following each tree's own node arrays level by level, so
    a leaf above the last level (it points to itself) is simply repeated below: every line ends
    on the very leaf the node-array walk reaches, and the sum is the same.

    Node k (heap order) of tree t has the slot s = 2 * (t * inner + k): its feature and threshold
    stand at s (and again at s + 1), and ``child[s + go_left]`` is its right (+0) or left (+1) child's slot,
    or on the last level ``leaf[s + go_left]`` that leaf's value. A level is then two gathers of
    the node's test, one of the line's value and one of the child, and one addition (speed)."""
    roots, feature, threshold, left, right, value = (np.asarray(stage[k]) for k in
                                                     ("roots", "feature", "threshold", "left",
                                                      "right", "value"))
    depth = int(stage["depth"])
    if depth < 1:
        raise ValueError("tree stage of depth 0")
    at = roots.reshape(-1, 1)  # node ids of each tree's heap positions on the current level
    feats, thresholds = [], []
    for _ in range(depth):
        feats.append(feature[at])
        thresholds.append(threshold[at])
        at = np.stack([left[at], right[at]], axis=2).reshape(len(roots), -1)
    n_trees, inner = len(roots), 2 ** depth - 1
    heap_feature = np.concatenate(feats, axis=1).astype(np.intp)   # (trees, inner), heap order
    heap_threshold = np.concatenate(thresholds, axis=1).astype(float)
    leaf_value = value[at].astype(float)                            # (trees, inner + 1)
    k = np.arange(inner)
    tree = np.arange(n_trees)[:, None]
    last = 2 * k + 1 >= inner                                       # children are leaves
    child = np.zeros((n_trees, inner, 2), dtype=np.intp)
    leaf = np.zeros((n_trees, inner, 2))
    for side, kid in ((0, 2 * k + 2), (1, 2 * k + 1)):             # 0: right, 1: left
        child[:, ~last, side] = 2 * (tree * inner + kid[~last])
        leaf[:, last, side] = leaf_value[:, kid[last] - inner]
    return (depth, heap_feature[:, 0], heap_threshold[:, 0], 2 * inner * np.arange(n_trees),
            np.repeat(heap_feature.ravel(), 2), np.repeat(heap_threshold.ravel(), 2),
            child.ravel(), leaf.ravel())


def _trees(stage: dict, rows) -> np.ndarray:
    """Raw score of gradient-boosted trees stored as flat node arrays (leaves point to themselves)."""
    if "_np" not in stage:
        stage["_np"] = _tree_levels(stage)
    depth, root_feature, root_threshold, root_slot, feature, threshold, child, leaf = stage["_np"]
    X = np.asarray(rows, dtype=float)
    n, width = X.shape
    flat = X.ravel()
    row_base = (np.arange(n, dtype=np.intp) * width)[:, None]
    go_left = X[:, root_feature] <= root_threshold  # every line starts at the roots
    slot = root_slot
    for _ in range(depth - 1):  # depth = edges from the root to the deepest leaf
        slot = child.take(slot + go_left)
        go_left = flat.take(feature.take(slot) + row_base) <= threshold.take(slot)
    return stage["baseline"] + leaf.take(slot + go_left).sum(axis=1)


def _linear(stage: dict, names: list[str], rows) -> np.ndarray:
    if list(names) != stage["features"]:
        raise ValueError("line model features do not match the code; retrain the line model")
    if stage.get("kind") == "mean":  # the average of several models' logits
        return sum(_linear(part, names, rows) for part in stage["parts"]) / len(stage["parts"])
    if stage.get("kind") == "trees":
        return _trees(stage, rows)
    if "_wv" not in stage:
        stage["_wv"] = np.asarray(stage["_w"], dtype=float)
    return np.asarray(rows, dtype=float) @ stage["_wv"] + stage["_b"]


def _stacked(model: dict, first: str, second: str, lines: list[str], names1, rows1) -> np.ndarray:
    z1 = _linear(model[first], names1, rows1)
    names2, rows2 = context_features(z1, lines, names1, rows1)
    return np.clip(_linear(model[second], names2, rows2), -50, 50)


def score_lines(lines: list[str], model: dict | None = None, hidden=None) -> list[float]:
    """Probability that each line belongs to the article body."""
    if not lines:
        return []
    model = model or load_line_model()
    names1, rows1 = line_features(lines, hidden)
    z2 = _stacked(model, "stage1", "stage2", lines, names1, rows1)
    return (1.0 / (1.0 + np.exp(-z2))).tolist()


def score_region(lines: list[str], model: dict | None = None,
                 hidden=None) -> tuple[np.ndarray, np.ndarray]:
    """Two views of every line: the odds that it is a body line, and that it lies between the
    body's first and last line (the article's region, inner captions and ads included)."""
    model = model or load_line_model()
    if not lines:
        return np.zeros(0), np.zeros(0)
    names1, rows1 = line_features(lines, hidden)
    z_line = _stacked(model, "stage1", "stage2", lines, names1, rows1)
    if "span1" not in model:
        return z_line, z_line
    return z_line, _stacked(model, "span1", "span2", lines, names1, rows1)


def decide_lines(lines: list[str], model: dict | None = None,
                 hidden=None) -> tuple[list[bool], list[float]]:
    """One pass of the line model: the article's region is the run of lines whose region odds
    sum highest (each weighed by the square root of its length); inside it a line stays unless
    it is plainly not body text (a caption, an ad); outside it only a line that is very clearly
    body text stays."""
    model = model or load_line_model()
    z_line, z_span = score_region(lines, model, hidden)
    probs = (1.0 / (1.0 + np.exp(-z_line))).tolist()
    dec = model.get("decode")
    if not dec or "span1" not in model:
        return (z_line >= _logit(model.get("threshold", 0.5))).tolist(), probs
    lens = _units_array(lines)
    lo, hi = _best_span((1.0 + lens) ** dec.get("power", 0.5) * (z_span - dec["bias"]))
    # A full sentence right at the region's edge that the body view accepts belongs to it
    # (the region view is least sure at its two ends, where short texts have nothing after).
    edge = dec.get("keep_edge", 1.0)
    if edge < 1.0 and hi >= lo:
        z_edge = _logit(edge)
        if lo > 0 and _edge_sentence(lines[lo - 1]) and z_line[lo - 1] >= z_edge:
            lo -= 1
        if hi + 1 < len(lines) and _edge_sentence(lines[hi + 1]) and z_line[hi + 1] >= z_edge:
            hi += 1
    idx = np.arange(len(lines))
    inside = (idx >= lo) & (idx <= hi)
    keep = np.where(inside, z_line >= _logit(dec["keep_in"]), z_line >= _logit(dec["keep_out"]))
    return keep.tolist(), probs


def _edge_sentence(text: str) -> bool:
    return (units(text) >= 12 and _ends_sentence(text)
            and not _credit_end(text) and not text.endswith(":"))


def _logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


# ---------------------------------------------------------------- plain text

def split_lines(raw: str) -> list[tuple[int, int, str]]:
    """Non-empty lines of ``raw`` as (start, end, stripped text), offsets into ``raw``."""
    out, pos = [], 0
    for part in raw.splitlines(keepends=True):
        body = part.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = body.strip()
        if stripped:
            s = pos + (len(body) - len(body.lstrip()))
            out.append((s, s + len(stripped), stripped))
        pos += len(part)
    return out


_HEADLINE_SKIP = re.compile(r"^(by|from|photo|image|share|updated|published|listen|watch|read)\b|"
                            r"\b(min(ute)?s? (read|listen)|listen to|\d+ min)\b|[·|›»>]", re.I)


# Cue kinds that name a removal, first listed first; the first three also on long lines.
_REASON_CUES = tuple((name, _SHAPE_COL["cue_" + name],
                      name in ("cookie-notice", "paywall", "newsletter"))
                     for name in ("cookie-notice", "paywall", "newsletter", "advertisement",
                                  "share-widget", "comment-count", "related", "promo"))


def _reason(text: str, i: int, first_kept: int, last_kept: int, after_end: str = "") -> str:
    """The analyst-facing reason for removing a line the model rejected (``after_end``: the
    reason for lines below the heading of a comment thread or story feed after the body)."""
    hard = _hard_reason(text)
    if hard:
        return hard
    if after_end:
        return after_end
    row = _shape_row(text)  # cached: the cue words were already looked for

    def has(feature: str) -> bool:
        return row[_SHAPE_COL[feature]] > 0
    if has("credit_end"):
        return "caption"
    if has("by_start"):
        return "byline"
    if has("date_short"):
        return "dateline"
    n = units(text)
    for name, column, any_length in _REASON_CUES:
        if row[column] > 0 and (n <= 25 or any_length):
            return name
    if i > last_kept >= 0:
        return "other-headline" if units(text) >= 4 and not _ends_sentence(text) else "related"
    if first_kept >= 0 and i < first_kept:
        return "navigation"
    return "boilerplate"


def _label_lines(lines: list[str]) -> list[bool]:
    """Keep/remove verdict of each line.

    Single-purpose widgets (``HARD_JUNK``) go first and are invisible to the model; the model
    then runs again on the lines it kept until nothing changes, so that cleaning the cleaned
    text removes nothing. A numbered list that closes the body runs on to its last item
    (``_continue_numbered_list``). A long sentence just before the body's first kept line is its lead,
    not a teaser, and stays; title-like lines cut off from the body's end by removed widgets
    are other articles' headlines and go.
    """
    keep = [_hard_reason(t) is None for t in lines]
    hard = [not k for k in keep]
    idx = [i for i, k in enumerate(keep) if k]
    model = load_line_model()
    first_probs: dict[int, float] = {}
    for n_pass in range(MAX_PASSES):
        sub = [lines[i] for i in idx]
        # Only the first pass sees where widget lines stood; later passes read the kept lines as
        # cleaning the cleaned text will, and only such a pass can end the loop, so that the
        # fixed point is also idempotent.
        hidden = _hidden_counts(idx, hard) if n_pass == 0 else None
        verdict, probs = decide_lines(sub, model, hidden) if sub else ([], [])
        if hidden is not None and sub and not any(verdict):
            verdict, probs = decide_lines(sub, model)
            hidden = None
        if n_pass == 0:
            first_probs = dict(zip(idx, probs))
        if not any(verdict) or (all(verdict) and hidden is None):
            # all kept: a fixed point; none kept: nothing looks like an article, keep the text
            break
        for i, v in zip(idx, verdict):
            keep[i] = v
        idx = [i for i, v in zip(idx, verdict) if v]
    visible = [i for i, t in enumerate(lines) if _hard_reason(t) is None]
    changed = _cut_at_end_marker(lines, keep)
    changed = _drop_link_lists(lines, keep) or changed
    changed = _continue_numbered_list(lines, visible, keep) or changed
    kept_visible = [i for i in visible if keep[i]]
    if kept_visible:
        first = kept_visible[0]
        pos = visible.index(first)
        if pos > 0:
            i = visible[pos - 1]
            t = lines[i]
            if (units(t) >= 25 and _ends_sentence(t) and first_probs.get(i, 0.0) >= 0.2
                    and not _credit_end(t)):
                keep[i] = changed = True
    changed = _drop_split_byline(lines, keep) or changed
    changed = _drop_standfirst(lines, keep) or changed
    changed = _drop_above_headline(lines, keep) or changed
    # Title-like lines after the body, cut off from it by removed widgets ("Comments (4)",
    # share bars), are the headlines of other articles.
    while True:
        kept_visible = [i for i in visible if keep[i]]
        if len(kept_visible) < 3:
            break
        prev, last = kept_visible[-2], kept_visible[-1]
        t = lines[last]
        if (_headline_like(t) and units(t) <= 20 and not _ends_sentence(t)
                and any(not keep[j] for j in range(prev + 1, last))):
            keep[last] = False
            changed = True
        else:
            break
    if changed:
        _settle(lines, keep, model)
    return keep


# Short lines that open what follows an article: its comment thread or another feed of stories.
# (On the training pages these stand after the body, or above it in the page's menus, never
# between two of its paragraphs.)
_END_MARKER = re.compile(
    r"^\W*(\d+\s+)?(top rated |reader |all )?comments?\b.{0,30}$|^\W*\d+\s+comments\W*$|"
    r"^\W*(view|show|read|see) (all )?(\d+ )?comments\b|"
    r"^\W*(most (read|popular|viewed|shared|commented|emailed)|more from\b|"
    r"you (may|might) (also )?(like|enjoy)|recommended( for you)?\W*$|"
    r"read next\W*$|what to read next)|\bmore stories like this\b|"
    # the heading of the author's box: "About Jane Doe", "Sobre Carlos Nadalim"
    r"^(?-i:(?i:about|über|sobre|à propos de|acerca de)( (?i:the author)| [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3}))$",
    re.I)


_COMMENTS_MARKER = re.compile(r"\bcomments?\b", re.I)
# Words of kept paragraphs above such a heading before it is read as the article's end.
_END_MARKER_MIN = 100.0


def _cut_at_end_marker(lines: list[str], keep: list[bool]) -> bool:
    """Lines kept after a comment thread's or a story feed's heading go, once enough of the
    article lies above it (comments and teasers read like body text, one paragraph each), up to
    where the body plainly resumes: a pasted page can hold such a box in the middle of the
    article, and comments and teasers seldom run to several long paragraphs in a row."""
    kept_words = 0.0
    changed = False
    i = 0
    while i < len(lines):
        t = lines[i]
        if kept_words >= _END_MARKER_MIN and units(t) <= 8 and _END_MARKER.search(t):
            resume = _body_resumes(lines, keep, i + 1)
            for j in range(i, resume):
                if keep[j]:
                    keep[j], changed = False, True
            if resume >= len(lines):
                return changed
            i = resume
            continue
        if keep[i] and units(t) >= 12:
            kept_words += units(t)
        i += 1
    return changed


def _body_resumes(lines: list[str], keep: list[bool], start: int, run: int = 4) -> int:
    """Where, from ``start`` on, ``run`` kept paragraphs follow one another (widget lines
    between them aside); len(lines) if nowhere."""
    count, first = 0, len(lines)
    for j in range(start, len(lines)):
        t = lines[j]
        if _hard_reason(t):
            continue
        if keep[j] and units(t) >= 20 and _ends_sentence(t):
            first = j if count == 0 else first
            count += 1
            if count >= run:
                return first
        else:
            count = 0
    return len(lines)


# The heading of a box of links to other stories, inside or after the body.
_LINKS_HEADING = re.compile(
    r"^\W*(related( articles| stories| content| coverage| links| news| posts| reading)?|read more|"
    r"see more|see also|more on this( story| topic)?|also read|read also|don'?t miss|further reading|"
    r"recommended( reading| articles| stories)?|more (stories|news|articles)|"
    r"you (may|might) also like|most (read|popular|viewed)|"
    r"(more|other|next)\b.{0,30}\b(stories|news|articles|posts|reads)|next up\b.{0,30})\W*$", re.I)


def _drop_link_lists(lines: list[str], keep: list[bool], reach: int = 8) -> bool:
    """Title-like lines right below a "Related articles" / "Don't miss" heading are links to other
    stories, up to the next paragraph (on the training pages: 275 such lines, none of the body)."""
    changed = False
    for i, t in enumerate(lines):
        if not _LINKS_HEADING.search(t):
            continue
        if keep[i]:
            keep[i], changed = False, True
        for j in range(i + 1, min(i + 1 + reach, len(lines))):
            u = lines[j]
            if _hard_reason(u):
                continue
            if units(u) > 20 or _ends_sentence(u):
                break
            if keep[j]:
                keep[j], changed = False, True
    return changed


def _stamp(text: str) -> bool:
    """A byline or a dateline ("By Jane Doe", "Updated 10:01 pm, Nov 19")."""
    if _hard_reason(text) in ("byline", "dateline"):
        return True
    return units(text) <= 14 and _shape_row(text)[_SHAPE_COL["by_start"]] > 0


_NAME_LINE = re.compile(r"^([A-Z][\w.'’-]*( [A-Z&][\w.'’-]*){0,4}|\S*@\S+|(?i:biography|bio|profile))$")


def _split_byline(lines: list[str], reach: int = 6) -> set[int]:
    """The lines below a bare "By" that are names, handles or addresses: the byline's."""
    out = set()
    for i, t in enumerate(lines):
        if not _BARE_BYLINE.match(t):
            continue
        for j in range(i + 1, min(i + 1 + reach, len(lines))):
            if not _NAME_LINE.match(lines[j]):
                break
            out.add(j)
    return out


def _drop_split_byline(lines: list[str], keep: list[bool]) -> bool:
    changed = False
    for j in _split_byline(lines):
        if keep[j]:
            keep[j], changed = False, True
    return changed


def _standfirst_at(lines: list[str], i: int, first_kept: int) -> bool:
    """Line i, above the body, reads as a standfirst or caption: a sentence with a byline or a
    dateline just below it."""
    t = lines[i]
    return (units(t) >= 6 and _ends_sentence(t)
            and any(_stamp(u) for u in lines[i + 1:min(i + 4, first_kept)]))


def _drop_standfirst(lines: list[str], keep: list[bool], reach: int = 3) -> bool:
    """One of the first two kept lines with a removed byline or dateline below it (nothing kept
    between) is the standfirst or a picture's caption above the article, not its lead."""
    kept = [i for i, k in enumerate(keep) if k]
    for i in kept[:2]:
        for j in range(i + 1, min(i + 1 + reach, len(lines))):
            if keep[j]:
                break
            if _stamp(lines[j]):
                if any(keep[j + 1:]):
                    keep[i] = False
                    return True
                return False
    return False

# "5H ago", "updated 16m ago": the age stamp of an item in a feed of stories.
_AGO = re.compile(r"^\W*(?:updated\s+)?\d+\s*[smhdw]\w*\s+ago\b", re.I)


def _drop_above_headline(lines: list[str], keep: list[bool], reach: int = 4,
                         ratio: float = 3.0) -> bool:
    """Kept lines above a headline with its byline or dateline (removed) below it are a feed of
    other stories above the article: they go, with the headline, when the article below holds
    a fair share of the kept text (at least a third of what is kept above). Only the first such
    block counts, and not when more stamps follow it (a feed's items each have one)."""
    kept = [i for i, k in enumerate(keep) if k]
    if len(kept) < 3:
        return False
    for j in range(kept[0] + 1, kept[-1]):
        if keep[j] or not _stamp(lines[j]):
            continue
        heads = [h for h in range(max(kept[0] + 1, j - reach), j)
                 if _headline_like(lines[h]) and not _stamp(lines[h])
                 and units(lines[h]) <= 25 and not _ends_sentence(lines[h])]
        if not heads or any(keep[h] for h in range(heads[-1] + 1, j)):
            continue
        head, end = heads[-1], j
        while end + 1 < len(lines) and not keep[end + 1]:   # the rest of the removed block
            end += 1
        if any(_stamp(lines[i]) or _AGO.match(lines[i]) for i in range(end + 1, kept[-1] + 1)):
            return False
        before = sum(units(lines[i]) for i in kept if i < head)
        after = sum(units(lines[i]) for i in kept if i > end)
        if not 0 < before < after * ratio:
            return False
        for i in kept:
            if i <= head:
                keep[i] = False
        return True
    return False


_NUMBERED = re.compile(r"^\(?(\d{1,3})[.)]\s")


def _continue_numbered_list(lines: list[str], visible: list[int], keep: list[bool]) -> bool:
    """A numbered list that closes the kept body (items k-1 and k kept) goes on while item k+1
    follows within a few lines: the model reads a long list's tail at the page's end as a menu."""
    kept = [i for i in visible if keep[i]]
    nums = {i: int(m.group(1)) for i in kept[-4:] if (m := _NUMBERED.match(lines[i]))}
    if not nums:
        return False
    last_item = max(nums)
    k = nums[last_item]
    if not any(_NUMBERED.match(lines[i]) and int(_NUMBERED.match(lines[i]).group(1)) == k - 1
               for i in kept[-12:]):
        return False
    pos = visible.index(kept[-1])
    changed, stride = False, 0
    while True:
        ahead = visible[pos + 1:pos + 5]
        nxt = next((q for q, i in enumerate(ahead) if (m := _NUMBERED.match(lines[i]))
                    and int(m.group(1)) == k + 1), None)
        if nxt is None:
            break
        for i in ahead[:nxt + 1]:
            if not keep[i]:
                keep[i] = changed = True
        k += 1
        pos += nxt + 1
        stride = nxt + 1
    # the last item's own lines after it (its link, its price): as many as the items before had
    for i in visible[pos + 1:pos + stride] if changed else ():
        if units(lines[i]) > 20 or _NUMBERED.match(lines[i]):
            break
        keep[i] = True
    return changed


def _settle(lines: list[str], keep: list[bool], model: dict) -> None:
    """Run the model on the kept lines alone until it keeps them all (as cleaning the cleaned
    text will), after the rules above changed the set."""
    for _ in range(MAX_PASSES):
        idx = [i for i, k in enumerate(keep) if k]
        if not idx:
            return
        sub = [lines[i] for i in idx]
        verdict, _ = decide_lines(sub, model)
        _continue_numbered_list(sub, list(range(len(sub))), verdict)
        if all(verdict) or not any(verdict):
            return
        for i, v in zip(idx, verdict):
            keep[i] = v


def _hidden_counts(idx: list[int], hard: list[bool]) -> list[int]:
    """For each of the lines ``idx`` (ascending), how many widget lines lie between it and the
    previous one (before the first: from the top)."""
    cum = np.concatenate(([0], np.cumsum(np.asarray(hard, dtype=int))))
    prev = [-1] + idx[:-1]
    return [int(cum[i] - cum[p + 1]) for p, i in zip(prev, idx)]


def _clean_text(raw: str, restore: set[int], drop: set[int]) -> CleanResult:
    found = split_lines(raw)
    head, tail = found[:MAX_LINES], found[MAX_LINES:]
    lines = [t for _, _, t in head]
    keep = _label_lines(lines) if lines else []
    kept_idx = [i for i, k in enumerate(keep) if k]
    first_kept = kept_idx[0] if kept_idx else -1
    last_kept = kept_idx[-1] if kept_idx else -1
    title = None
    taken = -1
    byline = _split_byline(lines)
    if first_kept >= 0:
        # A title-like first kept line right next to removed lines leaves the body; the headline
        # is the best of it and the lines above the body (pick_title), or none.
        first_taken = _first_is_headline(lines, keep, first_kept)
        at = pick_title(lines, keep, first_kept, first_taken, byline)
        if at is not None:
            title = (at, lines[at])
        if first_taken:
            keep[first_kept] = False
            taken = first_kept
            first_kept = next(i for i in range(first_kept + 1, len(lines)) if keep[i])
    segments, removed, body = [], [], []
    after_end, in_links = "", False
    for i, (s, e, t) in enumerate(head):
        if in_links and not _hard_reason(t) and (units(t) > 20 or _ends_sentence(t)):
            in_links = False
        if keep[i]:
            reason = "dropped by analyst" if s in drop else ""
        else:
            reason = "headline" if title and title[0] == i else _reason(
                t, i, first_kept, last_kept, after_end or ("related" if in_links else ""))
            if reason == "navigation" and _standfirst_at(lines, i, first_kept):
                reason = "standfirst"
            if reason == "navigation" and i == taken:  # (the line just above the body)
                reason = "boilerplate"
            if i in byline:
                reason = "byline"
            # Below the heading of a comment thread or story feed after the body, lines are
            # comments or other stories, whatever they look like.
            if 0 <= last_kept < i and units(t) <= 8 and _END_MARKER.search(t):
                after_end = "comment-thread" if _COMMENTS_MARKER.search(t) else "related"
            if s in restore:
                reason = ""
        in_links = in_links or bool(_LINKS_HEADING.search(t))
        segments.append(Segment(s, e, t, not reason, reason))
        if reason:
            removed.append(Removal(s, e, t, reason))
        else:
            body.append(t)
    for s, e, t in tail:
        segments.append(Segment(s, e, t, s not in drop, "dropped by analyst" if s in drop else ""))
        if s in drop:
            removed.append(Removal(s, e, t, "dropped by analyst"))
        else:
            body.append(t)
    return CleanResult(original=raw, text="\n\n".join(body), removed=tuple(removed),
                       segments=tuple(segments), title=title[1] if title else None)


def _headline_like(t: str) -> bool:
    return (3 <= units(t) <= 40 and not _hard_reason(t) and not _HEADLINE_SKIP.search(t)
            and not _DATE.search(t) and not t.endswith(":") and not _CUES_ANY(t)
            and sum(map(str.isalpha, t)) > len(t) / 2)


def _CUES_ANY(text: str) -> bool:
    return any(CUES[k].search(text) for k in ("share-widget", "advertisement", "cookie-notice",
                                              "newsletter", "related", "comment-count", "paywall"))


# ---------------------------------------------------------------- the headline

TITLE_MODEL_PATH = Path(__file__).parent / "data" / "title_model.json"
# The candidates for the headline: the lines above the body's first line, up to this many that
# are not widgets (no further up than TITLE_RAW_REACH lines: share bars can be long), and the
# first kept line when it was taken for the headline (_first_is_headline).
TITLE_REACH = 15
TITLE_RAW_REACH = 60
# Words of the body's first paragraphs the candidates' words are looked for in.
TITLE_BODY_UNITS = 150
TITLE_FEATURES = ("overlap", "overlap_n", "overlap_best", "nearest", "headline_like", "long",
                  "full_stop", "sentence_long", "sentence_below", "stamp", "stamp_next",
                  "name_like", "credit", "navigation", "cue", "repeated", "holds_line")

# A line that ends a sentence with a full stop (closing quotes and brackets after it aside), not
# one that merely ends on a closing quote mark: "Tim Cook On Apple Being ‘Pulled Into The
# Enterprise’" is a headline.
_FULL_STOP = re.compile(r"[.!。！…]['\"”’»)\]]*$")
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
# Runs of characters of scripts whose words are not set apart (or are short): read as bigrams
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]{2,}")
# "5 min read", "Tempo de leitura: 1 minuto", "Lesezeit: 3 Min.", "Время чтения: 4 минуты"
_READING_TIME = re.compile(r"\b\d+\s*-?\s*(min|mins|minutes?|minut[aeoi]s?|minuten|мин\w*)(?!\w)", re.I)
_CREDIT_WORD = re.compile(r"\bcredit\b|getty|associated press|\breuters\b|\b(AP|AFP)\b", re.I)


def _content_words(text: str) -> set[str]:
    """A line's words of four letters or more (lower case), and the character pairs of its runs
    of Chinese, Japanese or Korean."""
    words = set(_CONTENT_WORD.findall(text.lower()))
    for run in _CJK_RUN.findall(text):
        words.update(run[k:k + 2] for k in range(len(run) - 1))
    return words


def _first_is_headline(lines: list[str], keep: list[bool], first_kept: int) -> bool:
    """The first kept line is title-like and set apart from the body by removed lines, or has a
    byline or dateline right below it: it is taken out of the body (as it always has been; the
    headline is then chosen among it and the lines above, see pick_title)."""
    t = lines[first_kept]
    return (_headline_like(t) and units(t) <= 25 and not _ends_sentence(t)
            and ((first_kept > 0 and not keep[first_kept - 1])
                 or (first_kept + 1 < len(lines) and _hard_reason(lines[first_kept + 1])
                     in ("byline", "dateline")))
            and any(keep[first_kept + 1:]))


def title_features(lines: list[str], keep: list[bool], first_kept: int, first_taken: bool,
                   byline: set[int]) -> tuple[list[int], list[list[float]]]:
    """The candidate headline lines of a page (nearest the body first) and their features
    (TITLE_FEATURES). ``keep``: the body lines; ``first_kept``: the first of them before the
    headline was taken out; ``first_taken``: whether it was (_first_is_headline)."""
    body_start = next((i for i in range(first_kept + 1, len(lines)) if keep[i]), len(lines)) \
        if first_taken else first_kept
    body_words: set[str] = set()
    n = 0.0
    for i in range(body_start, len(lines)):
        if keep[i]:
            body_words |= _content_words(lines[i])
            n += units(lines[i])
            if n >= TITLE_BODY_UNITS:
                break
    idx = [first_kept] if first_taken else []
    seen = 0
    for i in range(first_kept - 1, max(-1, first_kept - 1 - TITLE_RAW_REACH), -1):
        if _hard_reason(lines[i]) or units(lines[i]) < 2:
            continue
        seen += 1
        if seen > TITLE_REACH:
            break
        idx.append(i)
    if not idx:
        return [], []
    counts = Counter(lines)
    rows = []
    for rank, i in enumerate(idx):
        t = lines[i]
        words = _content_words(t)
        shared = len(words & body_words)
        row = _shape_row(t)
        n = units(t)
        below = lines[i + 1:min(i + 4, body_start)]
        full_stop = bool(_FULL_STOP.search(t))
        rows.append([
            shared / len(words) if words else 0.0,
            math.log1p(shared),
            float(shared),  # overwritten below: whether no other candidate shares more
            float(rank == 0),
            float(_headline_like(t)),
            float(n > 25),
            float(full_stop),
            float(n >= 15 and full_stop),
            float(bool(below) and units(below[0]) >= 8 and bool(_FULL_STOP.search(below[0]))),
            float(_stamp(t) or i in byline or bool(_READING_TIME.search(t))),
            float(i + 1 < len(lines) and (_stamp(lines[i + 1]) or _pure_date(lines[i + 1]))),
            float(bool(_NAME_LINE.match(t)) and n <= 5),
            float(row[_SHAPE_COL["credit_line"]] > 0 or row[_SHAPE_COL["credit_end"]] > 0
                  or bool(_CREDIT_WORD.search(t))),
            row[_SHAPE_COL["cue_navigation"]],
            row[_SHAPE_COL["cue_any"]],
            float(counts[t] > 1),
            float(any(u in t and u != t for u in lines[max(0, i - 3):i + 3] if units(u) >= 3)),
        ])
    best = max(r[2] for r in rows)
    for r in rows:
        r[2] = float(best > 0 and r[2] == best)
    return idx, rows


@lru_cache(maxsize=1)
def load_title_model(path: str | None = None) -> dict:
    """The shipped headline model (a logistic regression's weights as JSON); see its
    ``provenance`` for how it was made."""
    with open(path or TITLE_MODEL_PATH, encoding="utf-8") as f:
        model = json.load(f)
    if tuple(model["features"]) != TITLE_FEATURES:
        raise ValueError("headline model features do not match the code; retrain the headline "
                         "model (analysis/training/train_title_model.py)")
    return model


def title_scores(rows: list[list[float]], model: dict | None = None) -> list[float]:
    """Each candidate's log-odds of being the page's headline."""
    model = model or load_title_model()
    coef, b = model["coef"], model["intercept"]
    return [b + sum(w * x for w, x in zip(coef, r)) for r in rows]


def pick_title(lines: list[str], keep: list[bool], first_kept: int, first_taken: bool,
               byline: set[int]) -> int | None:
    """The line that is the page's headline: the best-scored candidate (title_features), or
    None when no candidate is convincing (its score is below the model's threshold)."""
    idx, rows = title_features(lines, keep, first_kept, first_taken, byline)
    if not idx:
        return None
    model = load_title_model()
    scores = title_scores(rows, model)
    best = max(range(len(idx)), key=scores.__getitem__)
    if scores[best] > model["threshold"]:
        return idx[best]
    # A paste that opens with a title-like line right above the body ("Ferry Service Restored",
    # then the story) has it for its headline, however little else the model has to go on.
    top = idx[0]
    return top if top == 0 and _headline_like(lines[0]) and not _FULL_STOP.search(lines[0]) \
        else None


# ---------------------------------------------------------------- HTML

_HTML_START = re.compile(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<(p|div|article|section|"
                         r"main|span|meta|title|table|h[1-6])[\s>]", re.I)


def looks_like_html(raw: str) -> bool:
    """True when ``raw`` is an HTML document or fragment rather than pasted text."""
    head = raw[:4000].lstrip()
    if head.startswith("<") and _HTML_START.search(head):
        return True
    return len(_HTML_START.findall(head)) >= 3 and head.count("</") >= 2


def _clean_html(raw: str, restore: set[int], drop: set[int]) -> CleanResult:
    import trafilatura

    text, meta = "", {}
    try:
        doc = trafilatura.bare_extraction(raw, include_comments=False, include_tables=True,
                                          favor_precision=True, with_metadata=True)
        if doc is not None:
            d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
            text = d.get("text") or ""
            meta = d
    except Exception:  # trafilatura raises many kinds of errors on broken markup
        text = ""
    # readability-lxml when trafilatura's precise extraction kept much less than the
    # article region (measured on the html train half: 0.966 -> 0.970 bag-of-words F1).
    fallback = _readability(raw)
    if len(fallback.split()) > 2 * len(text.split()) + 50:
        text = fallback
    paragraphs = [ln.strip() for ln in text.splitlines() if ln.strip()]
    segments, body, removed = [], [], []
    pos = 0
    # Offsets for HTML point into the extracted text's own numbering (no span of markup).
    for p in paragraphs:
        s, e = pos, pos + len(p)
        pos = e + 2
        dropped = s in drop
        segments.append(Segment(s, e, p, not dropped, "dropped by analyst" if dropped else ""))
        if dropped:
            removed.append(Removal(s, e, p, "dropped by analyst"))
        else:
            body.append(p)

    def m(key: str) -> str | None:
        v = meta.get(key)
        return str(v).strip() or None if v else None
    return CleanResult(original=raw, text="\n\n".join(body), removed=tuple(removed),
                       segments=tuple(segments), title=m("title"), author=m("author"),
                       date=m("date"), site_name=m("sitename"), url=m("url"))


def _readability(raw: str) -> str:
    try:
        from lxml import html as lxml_html
        from readability import Document

        summary = Document(raw).summary(html_partial=True)
        tree = lxml_html.fromstring(summary)
        blocks = [" ".join(el.text_content().split()) for el in
                  tree.iter("p", "h2", "h3", "h4", "li", "blockquote", "pre")]
        return "\n".join(b for b in blocks if b)
    except Exception:  # readability/lxml fail on some fragments: then nothing is extracted
        return ""


# ---------------------------------------------------------------- entry point

def clean(raw: str, *, restore: Iterable[int] = (), drop: Iterable[int] = ()) -> CleanResult:
    """Return the article body of ``raw`` (plain text or HTML) and what was removed.

    ``restore``: start offsets (into ``raw``) of removed lines to keep after all;
    ``drop``: start offsets of kept lines the analyst wants removed.
    """
    if not isinstance(raw, str):
        raw = "" if raw is None else str(raw)
    restore_set = {int(x) for x in restore}
    drop_set = {int(x) for x in drop}
    if not raw.strip():
        return CleanResult(original=raw, text="")
    if looks_like_html(raw):
        return _clean_html(raw, restore_set, drop_set)
    return _clean_text(raw, restore_set, drop_set)
