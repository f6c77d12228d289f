"""Crawl runs: one row per (run_id, source) in ``crawl_runs``, given by the caller."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.db import registered, transaction
from warehouse.records import to_utc_naive
from warehouse.sqlfiles import execute

_RUNS_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("source", pa.string()),
        ("started_at", pa.timestamp("us")),
        ("finished_at", pa.timestamp("us")),
        ("complete", pa.bool_()),
        ("items", pa.int32()),
        ("dropped", pa.int32()),
        ("errors", pa.int32()),
        ("stats", pa.string()),
    ]
)


@dataclass(frozen=True)
class CrawlRun:
    """One crawl of one source, recorded in ``crawl_runs`` (e.g. from the spider's stats file)."""

    source: str
    complete: bool
    started_at: datetime | None = None
    finished_at: datetime | None = None
    items: int | None = None
    dropped: int | None = None
    errors: int | None = None
    stats: Mapping[str, Any] | None = None


def record_crawl_runs(
    con: duckdb.DuckDBPyConnection, run_id: str, runs: Sequence[CrawlRun]
) -> None:
    """Record crawl runs without loading a file (e.g. a crawl that failed before writing one).

    The same (run_id, source) recorded again replaces its row.

    Example:
        >>> record_crawl_runs(con, "r1", [CrawlRun("gh:acme", complete=False)])  # doctest: +SKIP
    """
    with registered(con, _runs=runs_table(run_id, runs)), transaction(con):
        execute(con, "load", "crawl_runs__upsert")


def runs_table(run_id: str, runs: Sequence[CrawlRun]) -> pa.Table:
    """Arrow table of ``crawl_runs`` rows (stats as JSON text) for ``sql/load/crawl_runs__upsert``.

    Example:
        >>> runs_table("r1", [CrawlRun("gh:acme", complete=True)]).num_rows
        1
    """

    def stamp(value: datetime | None) -> datetime | None:
        return None if value is None else to_utc_naive(value)

    rows = [
        {
            "run_id": run_id,
            "source": run.source,
            "started_at": stamp(run.started_at),
            "finished_at": stamp(run.finished_at),
            "complete": run.complete,
            "items": run.items,
            "dropped": run.dropped,
            "errors": run.errors,
            "stats": None if run.stats is None else json.dumps(run.stats, default=str),
        }
        for run in runs
    ]
    return pa.Table.from_pylist(rows, schema=_RUNS_SCHEMA)
