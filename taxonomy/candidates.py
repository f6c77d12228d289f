"""Candidate skill phrases beyond exact labels: list items and clause pieces of a sentence.

``blank:en`` has no parser, so candidates come from surface cues: a sentence is cut at
punctuation, bullets and line breaks into pieces, and each piece again at coordinating
words ("and", "or", "as well as") into items. Leading cue phrases ("experience with",
"knowledge of", "ability to") and edge stop words are trimmed. Each piece and each item of
1 to ``MAX_TOKENS`` tokens becomes a candidate (a token range).

Example: ``candidate_ranges(nlp.make_doc("Experience with Docker, Kubernetes and Terraform"))``
-> ``[(2, 3), (4, 7), (4, 5), (6, 7)]`` (``Docker``; ``Kubernetes and Terraform``, ...)
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

MAX_TOKENS = 8
"""Longer pieces are not candidates themselves (their items still are)."""
_USER_DATA_KEY = "skillsignal.candidate_ranges"

_BREAK_TEXTS = frozenset(",;:()[]{}<>•*·|?!\"'\u2013\u2014…/") | {
    "-",
    "--",
    "e.g.",
    "i.e.",
    "etc",
    "etc.",
}
_COORDINATORS = frozenset({"and", "or", "&", "as well as", "plus", "nor"})
_CUE_TEXT = """
    experience experienced knowledge knowledgeable ability able understanding proficiency
    proficient familiarity familiar skills skill skilled expertise expert background
    exposure strong excellent good solid great deep proven demonstrated working hands-on
    advanced basic extensive sound thorough minimum years year plus must should will would
    nice desirable preferred required requirement requirements responsibility
    responsibilities candidate ideally ideal including include includes such like similar
    other various related relevant in-depth level high highly very really passion passionate
    comfortable capable capability want looking seeking need needs opportunity well
    """
_CUE_WORDS = frozenset(_CUE_TEXT.split())
_TRIM = STOP_WORDS | _CUE_WORDS
_BREAK, _JUNK, _COORDINATOR = 1, 2, 4
"""Bits of a word's ``_kind``: cuts pieces, trimmed at their edges, splits them into items."""
_KINDS: dict[int, int] = {}
"""``_kind`` by ``LOWER`` hash, for every doc: spaCy hashes a string alike in every vocab."""
_MAX_KINDS = 1 << 20


@lru_cache(maxsize=1 << 16)
def _kind(lower: str) -> int:
    """The ``_BREAK``, ``_JUNK`` and ``_COORDINATOR`` bits of a lowercase token text.

    Cached: a doc's words are mostly words seen before, and this runs on every token.

    Example: ``_kind(",") == _BREAK | _JUNK``
    """
    breaks = lower in _BREAK_TEXTS or lower.isspace() or "\n" in lower or lower == "."
    kind = _BREAK if breaks else 0
    if lower in _TRIM or lower.isdigit() or not any(ch.isalnum() for ch in lower):
        kind |= _JUNK
    return kind | (_COORDINATOR if lower in _COORDINATORS else 0)


def _trim(kinds: list[int], start: int, end: int) -> tuple[int, int]:
    """Drop cue, stop and non-word tokens (``_JUNK``) at both edges of ``kinds[start:end]``."""
    while start < end and kinds[start] & _JUNK:
        start += 1
    while end > start and kinds[end - 1] & _JUNK:
        end -= 1
    return start, end


def _pieces(kinds: list[int]) -> list[tuple[int, int]]:
    """Token ranges between break tokens (punctuation, bullets, line breaks)."""
    pieces, start = [], 0
    for i, kind in enumerate(kinds):
        if kind & _BREAK:
            if i > start:
                pieces.append((start, i))
            start = i + 1
    if len(kinds) > start:
        pieces.append((start, len(kinds)))
    return pieces


def _items(kinds: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """Split a piece at coordinating words."""
    items, begin = [], start
    for i in range(start, end):
        if kinds[i] & _COORDINATOR:
            items.append((begin, i))
            begin = i + 1
    items.append((begin, end))
    return items


def _doc_kinds(doc: Doc) -> list[int]:
    """``_kind`` of every token of ``doc``, from its ``LOWER`` hash (no ``Token`` objects).

    Example: ``_doc_kinds(nlp.make_doc("SQL, Java"))`` -> ``[0, 3, 0]``
    """
    if not len(doc):
        return []
    hashes = doc.to_array(LOWER).tolist()
    kinds = _KINDS
    missing = [h for h in set(hashes) if h not in kinds]
    if missing:
        if len(kinds) + len(missing) > _MAX_KINDS:
            kinds.clear()
        strings = doc.vocab.strings
        kinds.update((h, _kind(strings[h])) for h in missing)
    return list(map(kinds.__getitem__, hashes))


def candidate_ranges(
    doc: Doc, max_tokens: int = MAX_TOKENS, *, lowers: list[str] | None = None
) -> list[tuple[int, int]]:
    """Return candidate token ranges ``(start, end)``: pieces first, then their items.

    Each range is trimmed of edge cue and stop words, non-empty, at most ``max_tokens`` long
    and listed once. ``lowers``: the tokens' lowercase texts, when the caller has them.

    Example: ``candidate_ranges(nlp.make_doc("Knowledge of SQL"))`` -> ``[(2, 3)]``
    """
    kinds = _doc_kinds(doc) if lowers is None else [_kind(lower) for lower in lowers]
    seen: dict[tuple[int, int], None] = {}
    for start, end in _pieces(kinds):
        trimmed = _trim(kinds, start, end)
        found = [trimmed]
        items = _items(kinds, *trimmed)
        if len(items) > 1:
            found.extend(_trim(kinds, a, b) for a, b in items)
        for a, b in found:
            if 0 < b - a <= max_tokens:
                seen.setdefault((a, b), None)
    return list(seen)


def doc_candidate_ranges(doc: Doc, *, lowers: list[str] | None = None) -> list[tuple[int, int]]:
    """``candidate_ranges(doc)``, computed once per doc and kept in its ``user_data``.

    The skill matcher's fuzzy step and the linker both need them.

    Example: ``doc_candidate_ranges(doc) is doc_candidate_ranges(doc)`` -> ``True``
    """
    found = doc.user_data.get(_USER_DATA_KEY)
    if found is None:
        found = doc.user_data[_USER_DATA_KEY] = candidate_ranges(doc, lowers=lowers)
    return found
