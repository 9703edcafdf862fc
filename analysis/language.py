"""Which language a text is in, roughly: enough to warn that the English models will misread it.

presslens's tagger, quote rules and stance model are English. An analyst who pastes a German or
Chinese article gets actors, quotes and stances that look as confident as an English article's
and are mostly wrong, so the analysis says so. No model is downloaded: the script of the
letters decides for non-Latin text, and for Latin text the share of each language's function
words (spaCy's stop lists, shipped with spaCy) does.
"""
from __future__ import annotations

import importlib.util
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import spacy.lang

# Latin-script languages told apart by their function words (spaCy ships each stop list).
LATIN_LANGUAGES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "nb": "Norwegian",
    "fi": "Finnish", "pl": "Polish", "ro": "Romanian", "tr": "Turkish", "id": "Indonesian",
    "hu": "Hungarian", "cs": "Czech", "hr": "Croatian", "sk": "Slovak", "sl": "Slovenian",
    "ca": "Catalan",
}
# Scripts that name the language (or its family) by themselves.
SCRIPTS = {
    "LATIN": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "HAN": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"),
    "KANA": re.compile(r"[\u3040-\u30ff]"),
    "HANGUL": re.compile(r"[\u1100-\u11ff\uac00-\ud7af]"),
    "CYRILLIC": re.compile(r"[\u0400-\u04ff]"),
    "GREEK": re.compile(r"[\u0370-\u03ff]"),
    "ARABIC": re.compile(r"[\u0600-\u06ff]"),
    "HEBREW": re.compile(r"[\u0590-\u05ff]"),
    "DEVANAGARI": re.compile(r"[\u0900-\u097f]"),
    "THAI": re.compile(r"[\u0e00-\u0e7f]"),
}
SCRIPT_LANGUAGES = {
    "HAN": "Chinese", "HANGUL": "Korean", "CYRILLIC": "Russian or another Cyrillic-script language",
    "GREEK": "Greek", "ARABIC": "Arabic or another Arabic-script language", "HEBREW": "Hebrew",
    "DEVANAGARI": "Hindi or another Devanagari-script language", "THAI": "Thai",
}
MIN_WORDS = 25          # shorter texts are not judged
MIN_LETTERS = 40
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=None)
def _stop_words(code: str) -> frozenset[str]:
    """spaCy's stop list for a language, read from its file alone: importing the language's
    package would load its tokenizer rules too (two seconds for all of them)."""
    path = Path(spacy.lang.__file__).parent / code / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_presslens_stop_words_{code}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(w.lower() for w in module.STOP_WORDS)


@lru_cache(maxsize=None)
def _distinctive() -> dict[str, frozenset[str]]:
    """Each language's function words that English does not share (and English's own): "die"
    and "in" say nothing, "und" and "nicht" do."""
    english = _stop_words("en")
    out = {"en": english}
    for code in LATIN_LANGUAGES:
        if code != "en":
            out[code] = _stop_words(code) - english
    return out


def guess_language(text: str) -> str | None:
    """The language ``text`` is most likely written in ("English", "German", "Chinese", ...),
    or None when the text is too short or too mixed to say."""
    scripts = Counter({name: len(rx.findall(text)) for name, rx in SCRIPTS.items()})
    # Japanese writes with Chinese characters and its own kana: one script for the count
    kana = scripts.pop("KANA")
    scripts["HAN"] += kana
    letters = sum(scripts.values())
    if letters < MIN_LETTERS:
        return None
    script, n = scripts.most_common(1)[0]
    if script != "LATIN":
        if n < 0.5 * letters:
            return None
        if script == "HAN" and kana >= 0.1 * n:
            return "Japanese"
        return SCRIPT_LANGUAGES[script]
    words = Counter(w.lower().replace("’", "'") for w in _WORD.findall(text))
    total = sum(words.values())
    if total < MIN_WORDS:
        return None
    shares = {code: sum(n for w, n in words.items() if w in stop) / total
              for code, stop in _distinctive().items()}
    best = max(shares, key=shares.get)
    if best == "en" or shares[best] < 0.08:
        # English function words make up a third or more of English prose
        return "English" if shares["en"] >= 0.2 else None
    # a foreign language's own function words, well ahead of English's
    return LATIN_LANGUAGES[best] if shares[best] > 0.5 * shares["en"] else None


def language_note(text: str) -> str | None:
    """One sentence for the analyst when the text is not English, else None."""
    language = guess_language(text)
    if language is None or language == "English":
        return None
    return (f"This text looks like {language}, not English: presslens reads English, so the "
            f"actors, quotes and stances shown here are likely to be wrong.")
