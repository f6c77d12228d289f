"""Load crawl JSONL into the warehouse: idempotent upserts, closing, crawl-run bookkeeping.

Also re-exports the other loading entry points so callers can import them from one place:
`read_records`, `load_taxonomy`, `documents_for_extraction` and `replace_mentions`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.db import registered, transaction
from warehouse.mentions import documents_for_extraction, replace_mentions
from warehouse.records import LoadProblem, RecordBatchResult, read_records, to_utc_naive
from warehouse.runs import CrawlRun, record_crawl_runs, runs_table
from warehouse.skills import load_taxonomy
from warehouse.sqlfiles import execute
from warehouse.unchanged import read_unchanged

__all__ = [
    "CrawlRun",
    "LoadStats",
    "documents_for_extraction",
    "link_credential_skills",
    "load_credentials",
    "load_postings",
    "load_taxonomy",
    "read_records",
    "record_crawl_runs",
    "replace_mentions",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadStats:
    """What one load did. Each kept record is exactly one of inserted/updated/unchanged.

    Attributes:
        inserted: New keys.
        updated: Known keys whose content_hash changed.
        unchanged: Known keys with the same content (only last_seen, url moved).
        closed: Rows set inactive because a complete crawl of their source lacked them.
        reopened: Inactive rows that appeared again (also counted as updated or unchanged).
        problems: Skipped lines of the file.
        not_modified: Known rows an ``unchanged`` record stood for (their page answered 304):
            kept open, last_seen moved, content not re-read.
    """

    inserted: int
    updated: int
    unchanged: int
    closed: int
    reopened: int
    problems: tuple[LoadProblem, ...]
    not_modified: int = 0

    def counts(self) -> dict[str, int]:
        """The counts as a dict, for logging and summaries.

        Example:
            >>> LoadStats(1, 0, 4, 0, 0, ()).counts()["unchanged"]
            4
        """
        return {
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "closed": self.closed,
            "reopened": self.reopened,
            "problems": len(self.problems),
            "not_modified": self.not_modified,
        }


def load_postings(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    *,
    run_id: str,
    seen_at: datetime,
    complete_sources: Collection[str] = frozenset(),
    runs: Sequence[CrawlRun] = (),
) -> LoadStats:
    """Upsert a JSONL file of posting records in one transaction.

    Keys and content_hash follow docs/architecture.md. For each source in ``complete_sources``
    the active postings missing from the file are closed (active = false, closed_at = seen_at),
    never deleted; rows that an ``unchanged`` record of the file stands for (a page that
    answered 304, `warehouse.unchanged`) stay open and get last_seen = seen_at. Loading the same
    file again changes only last_seen.

    Args:
        con: A writable connection with migrations applied.
        path: Spider output (JSONL of ``posting`` records).
        run_id: Identifier of the crawl run, recorded in ``crawl_runs``.
        seen_at: When the records were seen (naive = UTC).
        complete_sources: Sources whose crawl was complete, so absent postings are closed.
        runs: ``crawl_runs`` rows to record with the batch (same run_id); none by default.
            Sources of the file are upserted into ``sources`` either way.

    Returns:
        Counts of what changed and the skipped lines.

    Raises:
        WarehouseError: The file cannot be read. Database errors roll the batch back.

    Example:
        >>> load_postings(con, p, run_id="r1", seen_at=t)  # doctest: +SKIP
        LoadStats(inserted=5, updated=0, unchanged=0, closed=0, reopened=0, problems=())
    """
    batch = read_records(path, "posting")
    return _load(
        con,
        batch,
        path,
        table="postings",
        run_id=run_id,
        seen_at=to_utc_naive(seen_at),
        complete_sources=complete_sources,
        runs=runs,
    )


def load_credentials(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    *,
    run_id: str,
    seen_at: datetime,
    complete_sources: Collection[str] = frozenset(),
    runs: Sequence[CrawlRun] = (),
) -> LoadStats:
    """Upsert a JSONL file of credential records in one transaction (rules of `load_postings`).

    Declared skills (``declared_skills`` objects and ``skills`` names) of new or changed
    credentials replace their ``credential_skills`` rows with skill_id NULL, keeping each
    alignment's framework, code and target URL; `link_credential_skills` resolves them
    afterwards. Their ``relations`` replace their ``credential_relations`` rows.

    Example:
        >>> load_credentials(con, p, run_id="r1", seen_at=t).inserted  # doctest: +SKIP
        3
    """
    batch = read_records(path, "credential")
    return _load(
        con,
        batch,
        path,
        table="credentials",
        run_id=run_id,
        seen_at=to_utc_naive(seen_at),
        complete_sources=complete_sources,
        runs=runs,
    )


def link_credential_skills(
    con: duckdb.DuckDBPyConnection,
    resolver: Callable[[str], str | None] | Mapping[str, str],
    *,
    method: str = "lookup",
    relink: bool = False,
) -> int:
    """Resolve declared credential skills to skill ids: alignments first, then names.

    A declared skill whose alignment (target URL or code) is a ``skills.skill_id`` resolves
    straight to it (method ``alignment``; ESCO URIs today). The other names go through
    ``resolver``: a callable (e.g. ``Taxonomy.lookup``) or a mapping ``name -> skill_id``. Only
    rows with skill_id NULL are resolved unless ``relink`` (after a new taxonomy) clears all
    first.

    Args:
        con: A writable connection.
        resolver: ``name -> skill_id or None``.
        method: Stored in ``credential_skills.method`` for resolved rows.
        relink: Forget earlier resolutions and resolve every name again.

    Returns:
        Number of credential_skills rows that got a skill_id (by alignment or by name).

    Example:
        >>> link_credential_skills(con, {"Python": "esco:python"})  # doctest: +SKIP
        2
    """
    resolve = resolver.get if isinstance(resolver, Mapping) else resolver
    with transaction(con):
        if relink:
            _run(con, "credential_skills__unlink")
        aligned = _count(_run(con, "credential_skills__link_alignment"))
        names = [row[0] for row in _run(con, "credential_skills__names")]
        mapping = [(name, resolve(name)) for name in names]
        found = [(name, skill_id) for name, skill_id in mapping if skill_id]
        table = pa.table(
            {"name": [name for name, _ in found], "skill_id": [skill for _, skill in found]},
            schema=pa.schema([("name", pa.string()), ("skill_id", pa.string())]),
        )
        with registered(con, _skill_map=table):
            linked = _count(_run(con, "credential_skills__link", {"method": method}))
    logger.info(
        "linked %d declared credential skills by alignment, %d by name (%d names)",
        aligned,
        linked,
        len(found),
    )
    return aligned + linked


def _load(
    con: duckdb.DuckDBPyConnection,
    batch: RecordBatchResult,
    path: Path,
    *,
    table: str,
    run_id: str,
    seen_at: datetime,
    complete_sources: Collection[str],
    runs: Sequence[CrawlRun],
) -> LoadStats:
    complete = sorted(set(complete_sources))
    sources = sorted(set(batch.table.column("source").to_pylist()))
    with (
        registered(
            con,
            _batch=batch.table,
            _skills=batch.skills,
            _relations=batch.relations,
            _sources=pa.table({"name": pa.array(sources, pa.string())}),
            _runs=runs_table(run_id, runs),
            _unchanged=read_unchanged(path),
        ),
        transaction(con),
    ):
        inserted, updated, unchanged, reopened = _counts(_run(con, f"{table}__classify"))
        if table == "credentials":
            for name in ("credential_skills", "credential_relations"):
                _run(con, f"{name}__delete_changed")
                _run(con, f"{name}__insert_changed")
        _run(con, f"{table}__merge", {"seen_at": seen_at})
        kept = _count(_run(con, f"{table}__keep_unchanged", {"seen_at": seen_at}))
        closed = 0
        if complete:
            params = {"complete_sources": complete, "seen_at": seen_at}
            closed = _count(_run(con, f"{table}__close", params))
        _run(con, "sources__upsert", {"kind": batch.record_type, "seen_at": seen_at})
        _run(con, "crawl_runs__upsert")
    stats = LoadStats(inserted, updated, unchanged, closed, reopened, batch.problems, kept)
    logger.info(
        "loaded %s run %s: %d inserted, %d updated, %d unchanged, %d closed, %d reopened, "
        "%d problems, %d not modified (304)",
        table,
        run_id,
        inserted,
        updated,
        unchanged,
        closed,
        reopened,
        len(batch.problems),
        kept,
    )
    return stats


def _run(
    con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    """Execute one statement from ``sql/load/<name>.sql`` (tests patch this to inject faults)."""
    return execute(con, "load", name, params)


def _counts(rows: list[tuple[Any, ...]]) -> tuple[int, ...]:
    return tuple(int(value or 0) for value in rows[0]) if rows else ()


def _count(rows: list[tuple[Any, ...]]) -> int:
    return (_counts(rows) or (0,))[0]
