"""Run records: crawl runs per source (``crawl_runs``) and orchestrated pipeline runs.

``pipeline_runs`` / ``pipeline_run_stages`` hold what the orchestrator reports about each run:
its parameters, per-stage counts and durations, errors and the vocabulary used.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.db import registered, transaction
from warehouse.records import to_utc_naive
from warehouse.sqlfiles import execute, read_sql

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


_STAGES_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("stage", pa.string()),
        ("position", pa.int32()),
        ("started_at", pa.timestamp("us")),
        ("duration_s", pa.float64()),
        ("counts", pa.string()),
        ("error", pa.string()),
    ]
)
RUN_STATUSES = ("completed", "degraded", "failed")


@dataclass(frozen=True)
class StageRecord:
    """One stage of a pipeline run: when it started, how long it took, what it counted."""

    stage: str
    started_at: datetime
    duration_s: float
    counts: Mapping[str, int] = field(default_factory=dict)
    error: str | None = None


@dataclass(frozen=True)
class PipelineRun:
    """One orchestrated run (the nightly flow, or one stage run alone)."""

    run_id: str
    flow: str
    status: str
    started_at: datetime
    finished_at: datetime | None = None
    parameters: Mapping[str, Any] = field(default_factory=dict)
    taxonomy_version: str | None = None
    errors: Sequence[str] = ()
    stages: Sequence[StageRecord] = ()


def record_pipeline_run(con: duckdb.DuckDBPyConnection, run: PipelineRun) -> None:
    """Record a pipeline run and its stages in one transaction (a run_id again replaces it).

    Raises:
        ValueError: ``run.status`` is not one of `RUN_STATUSES`.

    Example:
        >>> record_pipeline_run(con, PipelineRun("r1", "nightly", "completed",  # doctest: +SKIP
        ...                                      started_at=datetime(2026, 7, 30)))
    """
    if run.status not in RUN_STATUSES:
        msg = f"run status must be one of {', '.join(RUN_STATUSES)}, got {run.status!r}"
        raise ValueError(msg)
    params = {
        "run_id": run.run_id,
        "flow": run.flow,
        "status": run.status,
        "started_at": to_utc_naive(run.started_at),
        "finished_at": None if run.finished_at is None else to_utc_naive(run.finished_at),
        "parameters": json.dumps(dict(run.parameters), default=str, sort_keys=True),
        "taxonomy_version": run.taxonomy_version,
        "errors": json.dumps(list(run.errors)),
    }
    stages = [
        {
            "run_id": run.run_id,
            "stage": stage.stage,
            "position": position,
            "started_at": to_utc_naive(stage.started_at),
            "duration_s": stage.duration_s,
            "counts": json.dumps(dict(stage.counts), sort_keys=True),
            "error": stage.error,
        }
        for position, stage in enumerate(run.stages)
    ]
    table = pa.Table.from_pylist(stages, schema=_STAGES_SCHEMA)
    with registered(con, _stages=table), transaction(con):
        execute(con, "load", "pipeline_runs__upsert", params)
        execute(con, "load", "pipeline_run_stages__upsert")


def list_pipeline_runs(
    con: duckdb.DuckDBPyConnection, limit: int = 20
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Recent pipeline runs, newest first: (columns, rows); works read-only.

    Example:
        >>> list_pipeline_runs(con, limit=1)[0][:3]  # doctest: +SKIP
        ['run_id', 'flow', 'status']
    """
    relation = con.sql(read_sql("queries", "pipeline_runs"), params={"limit": limit})
    return list(relation.columns), relation.fetchall()


def demand_shares(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, float]]:
    """Demand share of every demanded skill: skill_id -> (label, share); works read-only.

    Example:
        >>> demand_shares(con)["toy:python"]  # doctest: +SKIP
        ('Python', 0.8)
    """
    rows = con.sql(read_sql("queries", "demand_shares")).fetchall()
    return {str(skill_id): (str(label), float(share)) for skill_id, label, share in rows}
