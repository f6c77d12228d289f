"""Near-duplicate postings across boards and sources: blocked rapidfuzz matching.

One job often appears several times: on its employer's ATS and on aggregators (reformatted,
sometimes cut short), or reposted with an edited title. `find_duplicates` links such copies to
one canonical posting:

1. **Blocking.** Postings are grouped by normalized employer (`dedupe_text.employer_key`)
   and city (one without a specific city meets its whole employer group); within a group
   only pairs whose titles reach the title cutoff (rapidfuzz `cdist`, C++) are scored.
   Postings without an employer are only compared when their folded titles are equal.
2. **Scoring** (`dedupe_match`, rapidfuzz 0..100): title `token_set_ratio` on `title_key`s;
   description `token_set_ratio` on the folded first 4,000 characters, capped by `ratio`
   (similar lengths) or `partial_ratio` (an aggregator's cut-short copy), so a shared
   template alone does not match.
3. **Vetoes and decision.** Different countries, two city sets with nothing in common (the
   same title at the same employer in another city is another job), salaries more than 10 %
   apart (two grades of one title), or titles that each have a word the other lacks (`iOS` /
   `Android`) rule a pair out. Otherwise it is a duplicate when title >= 85 and description
   >= 90 (score = 0.4 title + 0.6 description, / 100). A description under 200 characters is
   not compared: the titles must then be equal and name the same cities (score = title).
   The same `dedupe_key` with equal titles and cities in two languages is one job advertised
   twice (score 0.9). method = `dedupe_key` when the crawl keys agree, else `fuzzy`.
4. **Groups.** Duplicate pairs join groups best score first, but only when no member of one
   group is vetoed (place, pay) for a member of the other, so a chain of near matches cannot
   join two jobs in different cities. The canonical posting of a group is the one seen first
   (then the smaller posting_key), so it stays stable while the group grows.

rapidfuzz rather than MinHash: blocks are small (one employer's postings in one city), so
exact pairwise scores cost little (figures in docs/architecture.md, "Near-duplicate
postings"), need no tuning of bands and rows, and a threshold on a score is easy to explain.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.db import registered, transaction
from warehouse.dedupe_match import (
    DEFAULT_SETTINGS,
    DedupeSettings,
    PostingText,
    Prepared,
    candidate_pairs,
    compatible,
    pair_score,
    prepare,
    score_pair,
)
from warehouse.records import to_utc_naive
from warehouse.sqlfiles import execute, read_sql

__all__ = [
    "DedupeSettings",
    "DedupeStats",
    "Duplicate",
    "PostingText",
    "detect_duplicates",
    "find_duplicates",
    "pair_score",
]

logger = logging.getLogger(__name__)

_DUPLICATES_SCHEMA = pa.schema(
    [
        ("posting_key", pa.string()),
        ("canonical_key", pa.string()),
        ("method", pa.string()),
        ("score", pa.float64()),
    ]
)


@dataclass(frozen=True)
class Duplicate:
    """A posting linked to the canonical posting of its group."""

    posting_key: str
    canonical_key: str
    method: str
    score: float


@dataclass(frozen=True)
class DedupeStats:
    """What one detection found (``duplicates`` = postings that are not canonical)."""

    postings: int
    duplicates: int
    groups: int
    pairs_scored: int

    @property
    def duplicate_rate(self) -> float:
        """Share of postings that duplicate another (0 when there are none)."""
        return self.duplicates / self.postings if self.postings else 0.0


def find_duplicates(
    postings: Sequence[PostingText], settings: DedupeSettings = DEFAULT_SETTINGS
) -> tuple[list[Duplicate], int]:
    """Link near-duplicate postings to their group's canonical posting.

    Args:
        postings: The postings to compare (any order; each posting_key once).
        settings: Score thresholds.

    Returns:
        One `Duplicate` per non-canonical posting (sorted by posting_key; its method and score
        are those of its best-scoring link), and the number of pairs scored.

    Example:
        >>> a = PostingText("a", "Welder", "Acme", "Leeds", "GB")
        >>> b = PostingText("b", "Welder (m/w/d)", "ACME Ltd", "Leeds", "GB")
        >>> find_duplicates([a, b])
        ([Duplicate(posting_key='b', canonical_key='a', method='fuzzy', score=1.0)], 1)
    """
    items = [prepare(posting) for posting in postings]
    edges: list[tuple[float, str, str, int, int, str]] = []
    scored = 0
    for i, j in candidate_pairs(items, settings):
        scored += 1
        if found := score_pair(items[i], items[j], settings):
            low, high = sorted((_key(items, i), _key(items, j)))
            edges.append((-found[1], low, high, i, j, found[0]))
    groups = _Groups(items, settings)
    best: dict[int, tuple[float, str]] = {}
    for negative, _, _, i, j, method in sorted(edges):  # best links first, then by keys
        if groups.join(i, j):
            for index in (i, j):
                best.setdefault(index, (-negative, method))
    duplicates = []
    for members in groups.all():
        members.sort(key=lambda m: (items[m].posting.first_seen or datetime.max, _key(items, m)))
        head = _key(items, members[0])
        for member in members[1:]:
            score, method = best[member]
            duplicates.append(Duplicate(_key(items, member), head, method, score))
    duplicates.sort(key=lambda duplicate: duplicate.posting_key)
    return duplicates, scored


class _Groups:
    """Groups of postings that may join only when no pair across them is vetoed.

    A group keeps one representative per distinct (country, cities, source, location, pay)
    signature, so the veto check costs signatures x signatures, not members x members.
    """

    def __init__(self, items: Sequence[Prepared], settings: DedupeSettings) -> None:
        self.items, self.settings = items, settings
        self.of = {index: [index] for index in range(len(items))}
        self.kinds = {index: {self._signature(index): items[index]} for index in self.of}

    def _signature(self, index: int) -> tuple[object, ...]:
        item = self.items[index]
        p = item.posting
        return (p.country, item.cities, p.source, p.location, p.salary_min, p.salary_max)

    def join(self, i: int, j: int) -> bool:
        """Join the groups of ``i`` and ``j`` unless vetoed; True when they share a group."""
        left, right = self.of[i], self.of[j]
        if left is right:
            return True
        kinds_left, kinds_right = self.kinds[left[0]], self.kinds[right[0]]
        if not all(
            compatible(a, b, self.settings)
            for a in kinds_left.values()
            for b in kinds_right.values()
        ):
            return False
        if len(left) < len(right):
            left, right, kinds_left, kinds_right = right, left, kinds_right, kinds_left
        left.extend(right)
        kinds_left.update(kinds_right)
        for member in right:
            self.of[member] = left
        self.kinds[left[0]] = kinds_left
        return True

    def all(self) -> list[list[int]]:
        """The groups with more than one member."""
        return [g for g in {id(g): g for g in self.of.values()}.values() if len(g) > 1]


def _key(items: Sequence[Prepared], index: int) -> str:
    return items[index].posting.posting_key


def detect_duplicates(
    con: duckdb.DuckDBPyConnection,
    *,
    run_id: str,
    detected_at: datetime,
    settings: DedupeSettings = DEFAULT_SETTINGS,
) -> DedupeStats:
    """Rebuild ``posting_duplicates`` from all postings and record the run's duplicate rate.

    Compares every posting (open and closed), replaces ``posting_duplicates`` and writes one
    ``posting_duplicate_runs`` row per source (its active postings and how many of them are
    duplicates), all in one transaction. Read the result through ``int_posting_canonical``.

    Args:
        con: A writable connection with migrations applied.
        run_id: The run recorded in ``posting_duplicate_runs``.
        detected_at: When (naive = UTC).
        settings: Score thresholds.

    Returns:
        Counts over the active postings (``duplicate_rate`` for the run's stats).

    Example:
        >>> detect_duplicates(con, run_id="r1", detected_at=t).duplicates  # doctest: +SKIP
        3
    """
    relation = con.sql(read_sql("queries", "posting_duplicates__postings"))
    rows: list[dict[str, Any]] = relation.to_arrow_table().to_pylist()
    fields = PostingText.__dataclass_fields__
    postings = [PostingText(**{k: v for k, v in row.items() if k in fields}) for row in rows]
    duplicates, scored = find_duplicates(postings, settings)
    table = pa.Table.from_pylist([vars(d) for d in duplicates], schema=_DUPLICATES_SCHEMA)
    stamp = to_utc_naive(detected_at)
    with registered(con, _duplicates=table), transaction(con):
        execute(con, "load", "posting_duplicates__clear")
        execute(con, "load", "posting_duplicates__insert", {"detected_at": stamp})
        execute(
            con, "load", "posting_duplicates__record_run", {"run_id": run_id, "detected_at": stamp}
        )
    active = {row["posting_key"] for row in rows if row["active"]}
    groups = {d.canonical_key for d in duplicates if d.posting_key in active}
    stats = DedupeStats(
        postings=len(active),
        duplicates=sum(1 for d in duplicates if d.posting_key in active),
        groups=len(groups),
        pairs_scored=scored,
    )
    logger.info(
        "duplicates: %d of %d active postings (%.1f%%) in %d groups; %d pairs scored",
        stats.duplicates,
        stats.postings,
        100 * stats.duplicate_rate,
        stats.groups,
        scored,
    )
    return stats
