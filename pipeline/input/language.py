"""A small guess at the language of a text, so that non-English input is skipped with a reason.

The function words it counts are data (``models/languages.json``), read once by
:func:`language_data` from the installed ``argmine.lexicon``."""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import Counter
from importlib import resources
from typing import Any, Mapping




# Language detection.
_LANGUAGE_SAMPLE_CHARS = 20000  # per window; three windows for long texts
_MIN_WORDS_TO_JUDGE = 5
_MIN_FOREIGN_HITS = 3
_MIN_FOREIGN_SHARE = 0.10
_MAX_ENGLISH_SHARE_FOR_UNKNOWN = 0.10
_MIN_NON_ASCII_LATIN_SHARE = 0.25
_MIN_WORDS_FOR_NO_ENGLISH = 40
_MIN_ENGLISH_SHARE = 0.03
_WORD_RE = re.compile(r"[^\W\d_]+")
_UNRECOGNISED_LANGUAGE = "language not recognised"
_SCRIPT_LANGUAGES: Mapping[str, str] = {
    "CYRILLIC": "Russian",
    "GREEK": "Greek",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "CJK": "Chinese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "DEVANAGARI": "Hindi",
    "THAI": "Thai",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
}
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
@functools.cache
def language_data() -> Mapping[str, Any]:
    """The contents of ``languages.json`` in argmine's lexicon folder (the installed ``argmine.lexicon``), read once."""
    return json.loads(resources.files("argmine.lexicon").joinpath("languages.json").read_text(encoding="utf-8"))


@functools.cache
def _function_words() -> tuple[frozenset[str], Mapping[str, frozenset[str]]]:
    """English function words, and each other language's function words that are not also English.

    Read once from ``languages.json`` in argmine's lexicon folder (``english_function_words``,
    ``foreign_function_words``). A word two languages share with English ("in", "die", "was")
    counts for English only.
    """
    data = language_data()
    english = frozenset(data["english_function_words"])
    foreign = {language: frozenset(words) - english for language, words in data["foreign_function_words"].items()}
    return english, foreign


def _foreign_language(text: str) -> str | None:
    """The language the text looks like when that is clearly not English.

    Returns ``None`` for English and for text too short or too odd to judge.
    """
    if len(text) <= 3 * _LANGUAGE_SAMPLE_CHARS:
        sample = text
    else:
        middle = len(text) // 2
        window = _LANGUAGE_SAMPLE_CHARS
        sample = " ".join(
            (text[:window], text[middle : middle + window], text[-window:])
        )
    latin = non_ascii_latin = 0
    scripts: Counter[str] = Counter()
    for char in sample:
        if not char.isalpha():
            continue
        if char.isascii():
            latin += 1
            continue
        script = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
        if script == "LATIN":
            latin += 1
            non_ascii_latin += 1
        else:
            scripts[script] += 1
    foreign_letters = sum(scripts.values())
    if foreign_letters * 2 > latin + foreign_letters:
        return _script_language(scripts.most_common(1)[0][0], scripts, sample)

    words = Counter(word.lower() for word in _WORD_RE.findall(sample))
    total = sum(words.values())
    if total < _MIN_WORDS_TO_JUDGE:
        return None
    english_words, foreign = _function_words()
    english = sum(count for word, count in words.items() if word in english_words)
    scores = {
        language: sum(count for word, count in words.items() if word in vocabulary)
        for language, vocabulary in foreign.items()
    }
    language, best = max(scores.items(), key=lambda pair: pair[1])
    if best >= _MIN_FOREIGN_HITS and best >= _MIN_FOREIGN_SHARE * total and best > 2 * english:
        return language
    if english < _MAX_ENGLISH_SHARE_FOR_UNKNOWN * total and non_ascii_latin > _MIN_NON_ASCII_LATIN_SHARE * latin:
        return _UNRECOGNISED_LANGUAGE
    if total >= _MIN_WORDS_FOR_NO_ENGLISH and english < _MIN_ENGLISH_SHARE * total:
        return _UNRECOGNISED_LANGUAGE
    return None


def _script_language(script: str, scripts: Counter[str], sample: str) -> str:
    if script == "CYRILLIC" and sum(char in _UKRAINIAN_LETTERS for char in sample) * 100 > scripts[script]:
        return "Ukrainian"
    if script == "CJK" and (scripts["HIRAGANA"] or scripts["KATAKANA"]):
        return "Japanese"
    return _SCRIPT_LANGUAGES.get(script, f"{script.title()} script")
