"""Fuzzy matching of multi-word labels written with a spelling slip ("project managment").

Comparing every candidate phrase with every label is far too slow (10k phrases x 100k labels
took minutes), so a phrase is only compared with the labels sharing its rarest known word: a
slip in one word leaves the others to find the label by. A phrase whose words all occur in
labels has no slip to correct and is skipped. Single-word labels are left out (a
one-word slip is as often another word: "Java" / "Lava").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

FUZZY_CUTOFF = 90
"""Lowest rapidfuzz ``ratio`` (0-100) of a phrase and a label to link them."""
MAX_BLOCK = 2000
"""A word in more labels than this is too common to block on."""
MIN_CHARS = 8
"""Shorter labels are not matched fuzzily (few letters, many neighbours)."""
_WORD = re.compile(r"[^\W\d_][\w'+#.-]*")


class FuzzyIndex:
    """Multi-word label keys by their words, for blocked rapidfuzz look-ups.

    Example: ``FuzzyIndex(["project management"]).match("project managment")``
    -> ``("project management", 97.1)``
    """

    def __init__(self, keys: Iterable[str]) -> None:
        self._words: dict[str, list[str]] = {}
        for key in dict.fromkeys(keys):
            words = _WORD.findall(key)
            if len(words) < 2 or len(key) < MIN_CHARS:
                continue
            for word in set(words):
                self._words.setdefault(word, []).append(key)

    def match(self, phrase: str) -> tuple[str, float] | None:
        """The label key closest to the normalized ``phrase`` with its ratio, if any is close.

        Example: ``index.match("machine lerning")`` -> ``("machine learning", 96.8)``
        """
        if len(phrase) < MIN_CHARS:
            return None
        words = set(_WORD.findall(phrase))
        if all(word in self._words for word in words):
            return None  # no unknown word, so no slip (word order is not fuzzy matching's job)
        known = [
            (len(self._words[word]), word)
            for word in words
            if word in self._words and len(self._words[word]) <= MAX_BLOCK
        ]
        if not known:
            return None
        block = self._words[min(known)[1]]
        low, high = len(phrase) * 0.8, len(phrase) * 1.25
        choices = [key for key in block if low <= len(key) <= high and key != phrase]
        found = process.extractOne(phrase, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return (found[0], round(found[1], 1)) if found else None
