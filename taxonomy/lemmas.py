"""Lemma-aware matching without a lemmatizer: inflected forms of the taxonomy's own words.

``blank:en`` has no lemmatizer, and a general one would cost a tagger per token. Labels only
need their own words recognised in other forms: for every word of the labels, its regular
inflections (``-s``/``-es``/``-ies``, ``-ed``/``-d``/``-ied``, ``-ing``, doubled final
consonants) and American spellings of British ``-ise``/``-yse`` words (ESCO writes "optimise",
"analyse") map back to it. A form that is itself a label word, or that two words could
produce, keeps its own form. Both the labels and the text go through the same table, so
"managing projects" and "manage project" meet at "manage project".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.vocab import Vocab

MIN_LENGTH = 3
"""Shorter words are not inflected (``as`` -> ``ase``...)."""
_VOWELS = frozenset("aeiou")


def inflections(word: str) -> set[str]:
    """Regular inflected forms (and American spellings) of a lowercase word.

    Example: ``sorted(inflections("manage"))`` -> ``["manage", "managed", "manages", "managing"]``
    """
    forms = {word}
    spellings = {word}
    for british, american in (("ise", "ize"), ("yse", "yze"), ("isation", "ization")):
        if british in word:
            spellings.add(word.replace(british, american))
    for base in spellings:
        forms.add(base)
        forms |= _regular(base)
    return forms


def _regular(word: str) -> set[str]:
    forms = set()
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    else:
        forms.add(word + "s")
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"} if not word.endswith("ee") else {word + "d"}
    else:
        forms |= {word + "ed", word + "ing"}
    if _doubles(word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _doubles(word: str) -> bool:
    """Consonant-vowel-consonant endings that double before -ed/-ing (plan -> planned)."""
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS | {"w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def lemma_table(words: Iterable[str]) -> dict[str, str]:
    """Map inflected forms of ``words`` to them (forms equal to a word are left out).

    Example: ``lemma_table(["manage", "project"])["managing"]`` -> ``"manage"``
    """
    vocabulary = {w for w in words if w.isalpha() and len(w) >= MIN_LENGTH}
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for word in sorted(vocabulary):
        for form in inflections(word) - {word}:
            if form in vocabulary:
                continue
            if form in table and table[form] != word:
                clashes.add(form)
            table[form] = word
    for form in clashes:
        del table[form]
    # A label word that is an inflection of another ("managing" next to "manage") meets it.
    for word in vocabulary:
        for base in _bases(word, vocabulary):
            table.setdefault(word, base)
    return table


def _bases(word: str, vocabulary: set[str]) -> list[str]:
    """Words of ``vocabulary`` that ``word`` is an inflection of (other than itself).

    Bases are at least 4 letters: "news" is not a form of "new".
    """
    found = []
    for cut in (1, 2, 3, 4):
        stem = word[:-cut]
        for base in (stem, stem + "e", stem + "y"):
            if len(base) < 4 or base == word:
                continue
            if base in vocabulary and word in inflections(base):
                found.append(base)
    return sorted(set(found), key=len)[:1]


class LemmaIndex:
    """Patterns keyed by the lemmas of their words, and a phrase matcher over token lemmas.

    ``lemmatize`` sets each token's ``lemma_`` from the table (else its lower case), so the
    matcher finds "managing projects" for the label "manage project".
    """

    def __init__(self, vocab: Vocab, table: dict[str, str]) -> None:
        self.matcher = PhraseMatcher(vocab, attr="LEMMA")
        self.table = table
        strings = vocab.strings
        self._hash_map = {strings.add(form): strings.add(base) for form, base in table.items()}
        self._candidates: dict[str, tuple[Any, ...]] = {}

    def key(self, lowers: Sequence[str]) -> str:
        """The lemma key of lowercase words.

        Example: ``index.key(["managing", "projects"])`` -> ``"manage project"``
        """
        return " ".join(self.table.get(word, word) for word in lowers)

    def add(self, docs: Sequence[Doc], candidates: Sequence[tuple[Any, ...]]) -> None:
        """Add pattern docs with their candidates (first added ranks first for a shared key).

        Example: ``index.add([nlp.make_doc("manage projects")], [(pattern,)])``
        """
        new_docs = []
        for doc, found in zip(docs, candidates, strict=True):
            words = [self.table.get(token.lower_, token.lower_) for token in doc]
            key = " ".join(words)
            if key not in self._candidates and all(words):
                new_docs.append(Doc(doc.vocab, words=words, lemmas=words))
            self._candidates[key] = (*self._candidates.get(key, ()), *found)
        if new_docs:
            self.matcher.add("SKILL_LEMMA", new_docs)

    def candidates(self, lowers: Sequence[str]) -> tuple[Any, ...]:
        """The candidates of a matched span's words.

        Example: ``index.candidates(["managing", "projects"])[0].skill_id``
        """
        return self._candidates.get(self.key(lowers), ())

    def lemmatize(self, doc: Doc) -> None:
        """Set every token's ``lemma_`` from the table, else to its lower case."""
        if not len(doc):
            return
        lowers = doc.to_array(LOWER).tolist()
        lemmas = np.fromiter(map(self._hash_map.get, lowers, lowers), np.uint64, len(lowers))
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """Lemmatize ``doc`` and return the (start, end) of lemma matches.

        Example: ``index(nlp.make_doc("managing projects"))`` -> ``[(0, 2)]``
        """
        self.lemmatize(doc)
        return [(start, end) for _, start, end in self.matcher(doc)]
