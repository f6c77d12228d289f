"""Pairwise near-duplicate decisions for postings (the scoring half of `warehouse.dedupe`)."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from rapidfuzz import fuzz, process

from warehouse.dedupe_text import cities, description_text, employer_key, fold, title_key

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DedupeSettings:
    """Thresholds (rapidfuzz scores are 0..100).

    Attributes:
        title_cutoff: Minimum title `token_set_ratio`.
        description_cutoff: Minimum description score: the lower of `token_set_ratio` (word
            overlap, order-free) and `ratio` (similar lengths) or `partial_ratio` (a much
            shorter text, found at the start of the longer).
        min_description_chars: Below this (folded) length a description is not compared; the
            titles must then be equal and name the same cities.
        salary_tolerance: Relative difference of salary_min (or max) above which two postings
            are different jobs (e.g. the same title at two grades).
        title_word_ratio: Two titles that each have a word the other lacks (`iOS` / `Android`)
            must still reach this `token_sort_ratio` (a typo, not another speciality).
        max_block: A block (employer x city) larger than this compares only postings with
            equal folded titles, so one huge employer cannot make the run quadratic.
    """

    title_cutoff: float = 85.0
    description_cutoff: float = 90.0
    min_description_chars: int = 200
    salary_tolerance: float = 0.1
    title_word_ratio: float = 90.0
    max_block: int = 2000


DEFAULT_SETTINGS = DedupeSettings()
_CHUNK = 2000  # rows of one cdist call: 2000 x block size bytes
_PARALLEL = 1_000_000  # title comparisons above which cdist uses every core


@dataclass(frozen=True)
class PostingText:
    """The fields of one posting that near-duplicate detection compares."""

    posting_key: str
    title: str
    employer: str | None = None
    location: str | None = None
    country: str | None = None
    description: str = ""
    dedupe_key: str | None = None
    first_seen: datetime | None = None
    language: str | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    source: str | None = None


@dataclass(frozen=True)
class Prepared:
    """A posting with its comparison forms computed once."""

    posting: PostingText
    employer: str
    title: str
    words: frozenset[str]
    cities: frozenset[str]
    description: str


def prepare(posting: PostingText) -> Prepared:
    """Compute the comparison forms of a posting (`dedupe_text`)."""
    title = title_key(posting.title)
    return Prepared(
        posting,
        employer_key(posting.employer),
        title,
        frozenset(title.split()),
        cities(posting.location),
        description_text(posting.description),
    )


def _far(x: float | None, y: float | None, tolerance: float) -> bool:
    return x is not None and y is not None and abs(x - y) > tolerance * max(abs(x), abs(y))


def compatible(a: Prepared, b: Prepared, settings: DedupeSettings = DEFAULT_SETTINGS) -> bool:
    """False when country, cities, the same board's places or pay show two different jobs."""
    pa, pb = a.posting, b.posting
    if pa.country and pb.country and pa.country != pb.country:
        return False
    same_source = pa.source and pa.source == pb.source
    if same_source and pa.location and pb.location and fold(pa.location) != fold(pb.location):
        return False  # one board lists one job once per place
    if a.cities and b.cities and not a.cities & b.cities:
        return False
    tolerance = settings.salary_tolerance
    return not (
        _far(pa.salary_min, pb.salary_min, tolerance)
        or _far(pa.salary_max, pb.salary_max, tolerance)
    )


def _titles_agree(a: Prepared, b: Prepared, settings: DedupeSettings) -> float | None:
    score = fuzz.token_set_ratio(a.title, b.title)
    if score < settings.title_cutoff:
        return None
    distinct = a.words - b.words and b.words - a.words
    if distinct and fuzz.token_sort_ratio(a.title, b.title) < settings.title_word_ratio:
        return None
    return score


def score_pair(
    a: Prepared, b: Prepared, settings: DedupeSettings = DEFAULT_SETTINGS
) -> tuple[str, float] | None:
    """(method, score in 0..1) when two prepared postings are the same job, else `None`."""
    if not compatible(a, b, settings):
        return None
    title = _titles_agree(a, b, settings)
    if title is None:
        return None
    same_key = a.posting.dedupe_key is not None and a.posting.dedupe_key == b.posting.dedupe_key
    method = "dedupe_key" if same_key else "fuzzy"
    exact = a.title == b.title and a.cities == b.cities
    languages = {a.posting.language, b.posting.language}
    if same_key and exact and a.cities and None not in languages and len(languages) == 2:
        return method, 0.9  # one job advertised in two languages (e.g. a German board's copy)
    if min(len(a.description), len(b.description)) < settings.min_description_chars:
        return (method, round(title / 100, 4)) if exact and (a.cities or same_key) else None
    description = _description_score(a.description, b.description, settings.description_cutoff)
    if description < settings.description_cutoff:
        return None
    return method, round((0.4 * title + 0.6 * description) / 100, 4)


def _description_score(a: str, b: str, cutoff: float) -> float:
    """Word overlap (`token_set_ratio`), checked against the text's order when it passes.

    A shared template alone is not enough: texts of similar length must also pass `ratio`
    (edit distance); a much shorter text (an aggregator's cut-short copy) must be found in the
    longer one (`partial_ratio` against its first 1.5x as many characters).
    """
    score = fuzz.token_set_ratio(a, b)
    if score < cutoff:
        return score
    short, long = sorted((a, b), key=len)
    if len(short) >= 0.7 * len(long):
        return min(score, fuzz.ratio(a, b))
    return min(score, fuzz.partial_ratio(short, long[: int(1.5 * len(short))]))


def pair_score(
    a: PostingText, b: PostingText, settings: DedupeSettings = DEFAULT_SETTINGS
) -> tuple[str, float] | None:
    """(method, score in 0..1) when two postings are the same job, else `None`.

    Example:
        >>> text = "Build data pipelines in Python and SQL for our analytics team. " * 5
        >>> a = PostingText("a", "Data Engineer (m/w/d)", "Acme GmbH", "Berlin", "DE", text)
        >>> b = PostingText("b", "Data Engineer", "ACME", "Berlin, Germany", "DE", text[:200])
        >>> pair_score(a, b)
        ('fuzzy', 1.0)
    """
    return score_pair(prepare(a), prepare(b), settings)


def candidate_pairs(
    items: Sequence[Prepared], settings: DedupeSettings = DEFAULT_SETTINGS
) -> Iterator[tuple[int, int]]:
    """Index pairs worth scoring (blocking).

    Postings are blocked by employer key (by folded title when there is no employer) and city
    (a posting naming no specific city is compared with its whole employer block); inside a
    block only pairs whose titles reach `title_cutoff` (rapidfuzz `cdist`, in C++) are scored.
    That includes every pair with the same crawl `dedupe_key` (same title).

    Example:
        >>> items = [prepare(PostingText(k, t, "Acme")) for k, t in
        ...          [("a", "Welder"), ("b", "Welder II"), ("c", "Nurse")]]
        >>> list(candidate_pairs(items))
        [(0, 1)]
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        employer = f"e:{item.employer}" if item.employer else f"t:{item.title}"
        if not item.cities:  # no specific place: compared with the whole employer block
            blocks[employer + "\x1f*"].append(index)
        for city in item.cities:
            blocks[f"{employer}\x1f{city}"].append(index)
    seen: set[tuple[int, int]] = set()
    for name, members in sorted(blocks.items()):
        others = members
        if name.endswith("\x1f*"):  # unplaced postings against everything of the employer
            prefix = name.removesuffix("*")
            others = sorted({m for key, group in blocks.items() if key.startswith(prefix)
                             for m in group})  # fmt: skip
        if len(others) > settings.max_block:
            logger.warning(
                "dedupe: block %r has %d postings (> %d): comparing equal titles only",
                name.split("\x1f")[0], len(others), settings.max_block,
            )  # fmt: skip
            pairs: Iterator[tuple[int, int]] = _equal_titles(items, members, others)
        else:
            pairs = _close_titles(items, members, others, settings.title_cutoff)
        for pair in pairs:
            if pair not in seen:
                seen.add(pair)
                yield pair


def _equal_titles(
    items: Sequence[Prepared], rows: list[int], columns: list[int]
) -> Iterator[tuple[int, int]]:
    """Pairs (low index, high index) of rows x columns with the same folded title."""
    by_title: dict[str, list[int]] = defaultdict(list)
    for m in columns:
        by_title[items[m].title].append(m)
    for a in rows:
        for b in by_title.get(items[a].title, ()):
            if a != b:
                yield (a, b) if a < b else (b, a)


def _close_titles(
    items: Sequence[Prepared], rows: list[int], columns: list[int], cutoff: float
) -> Iterator[tuple[int, int]]:
    """Pairs (low index, high index) of rows x columns whose titles reach ``cutoff``."""
    titles = [items[m].title for m in columns]
    for start in range(0, len(rows), _CHUNK):  # at most _CHUNK x len(columns) scores at once
        chunk = rows[start : start + _CHUNK]
        workers = -1 if len(chunk) * len(titles) > _PARALLEL else 1  # threads cost ~ms to start
        scores = process.cdist(
            [items[m].title for m in chunk], titles, scorer=fuzz.token_set_ratio,
            score_cutoff=cutoff, dtype=np.uint8, workers=workers,
        )  # fmt: skip
        for x, y in zip(*np.nonzero(scores), strict=True):
            a, b = chunk[x], columns[y]
            if a != b:
                yield (a, b) if a < b else (b, a)
