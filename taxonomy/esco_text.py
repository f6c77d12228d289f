"""Recover labels and descriptions from "label alt labels description" text (build time only).

``esco_skills_text.csv`` gives each ESCO v1.2 skill as one string: its preferred label, its
alternative labels and its description joined by single spaces, so the boundaries are lost.
Known labels (from other ESCO files) find them again; where none is known, the rules below
make a documented best guess.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from taxonomy.labels import normalize_label

MAX_LABEL_WORDS = 40
_SENTENCE_START = re.compile(r"^(?:[A-Z][a-z]|A$)")
_CONNECTORS = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "the", "to"}
)
_LABEL_HEADS = frozenset({"basics", "concepts", "foundations", "fundamentals", "principles"})


def known_prefix_length(words: Sequence[str], start: int, *known: Collection[str]) -> int:
    """Return how many words from ``start`` form the longest label in ``known`` (0 if none).

    ``known`` are sets of normalized labels (see ``normalize_label``).

    Example: ``known_prefix_length(["use", "SQL", "Define"], 0, {"use sql"})`` -> ``2``

    >>> known_prefix_length("manage staff manage music staff".split(), 2, {"manage music staff"})
    3
    """
    return _longest_known([normalize_label(word) for word in words], start, known)


def _longest_known(folded: Sequence[str], start: int, known: Sequence[Collection[str]]) -> int:
    keys = []
    key = ""
    for word in folded[start : start + MAX_LABEL_WORDS]:
        key = f"{key} {word}" if key and word else key or word
        keys.append(key.rstrip(" .;:"))
    for length in range(len(keys), 0, -1):
        if any(keys[length - 1] in labels for labels in known):
            return length
    return 0


def description_start(words: Sequence[str], start: int, known: Collection[str]) -> int | None:
    """Return the index of the word where the description begins, or None if there is none.

    The description is the first capitalised word (``The``, ``Collect``...) from ``start`` that
    neither lies inside a known label nor was used before with the same case (labels such as
    "European integration European cohesion" repeat their proper nouns).

    >>> description_start("SQL query language The language".split(), 1, {"query language"})
    3
    >>> description_start("academic English academic English language The".split(), 1, ())
    5
    """
    seen = set(words[:start])
    folded = [normalize_label(word) for word in words]
    index = start
    while index < len(words):
        word = words[index]
        if _SENTENCE_START.match(word) and word not in seen and not _label_repeats(words, index):
            return index
        step = _longest_known(folded, index, (known,)) or 1
        seen.update(words[index : index + step])
        index += step
    return None


def _label_repeats(words: Sequence[str], index: int) -> bool:
    """Whether ``words`` up to ``index`` come back right after it.

    A label ending in a proper noun, repeated by an alternative label ("academic English
    academic English language"), is no description start.
    """
    length = index + 1
    return list(words[length : 2 * length]) == list(words[:length])


def guess_label_length(words: Sequence[str]) -> int:
    """Guess how many of ``words`` (labels run together, no description) form the first label.

    Rules, first that applies: the first word's stem comes back (``battery design battery
    system design`` -> 2); the first ``k >= 2`` words come back (``operations management
    business operations management`` -> 2); a verb's object comes back after another verb
    (``organise fire drills arrange fire drills`` -> 3); else all words. A guess ending in a
    connector loses it and a label head before it (``spectroscopy principles of`` -> 1).
    About half of ESCO's knowledge labels come out exactly right; use only where no label
    source knows better.

    Example: ``guess_label_length("water skiing waterski".split())`` -> ``2``

    >>> guess_label_length("environmental economics principles of environmental economics".split())
    2
    """
    folded = [word.casefold() for word in words]
    if len(folded) <= 2:
        return len(folded)
    for rule in (_first_word_returns, _prefix_returns, _object_returns):
        if length := rule(folded):
            return _trim_connectors(folded, length)
    return len(folded)


def _first_word_returns(words: Sequence[str]) -> int | None:
    first = words[0]
    for position in range(1, len(words)):
        word = words[position]
        if word == first or (min(len(word), len(first)) >= 4 and word[:4] == first[:4]):
            return position
    return None


def _prefix_returns(words: Sequence[str]) -> int | None:
    for length in range(len(words) // 2, 1, -1):
        if words[length - 1] in _CONNECTORS:
            continue
        prefix = list(words[:length])
        if any(
            list(words[at : at + length]) == prefix for at in range(length, len(words) - length + 1)
        ):
            return length
    return None


def _object_returns(words: Sequence[str]) -> int | None:
    for length in range(2, len(words)):
        obj = list(words[1:length])
        if list(words[length + 1 : 2 * length]) == obj:
            return length
    return None


def _trim_connectors(words: Sequence[str], length: int) -> int:
    if words[length - 1] not in _CONNECTORS:
        return length
    while length > 1 and words[length - 1] in _CONNECTORS:
        length -= 1
    if length > 1 and words[length - 1] in _LABEL_HEADS:
        length -= 1
    return length
