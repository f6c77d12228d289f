"""The crawl report: per run and source, what the spider did (``stg_crawl__reports``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from warehouse.sqlfiles import read_sql


@dataclass(frozen=True)
class CrawlReportRow:
    """One source's crawl in one run (columns of ``sql/queries/crawl_reports__run.sql``)."""

    run_id: str
    source_name: str
    complete: bool
    requests: int | None
    responses: int | None
    responses_by_status: dict[str, int]
    items: int | None
    unchanged_records: int | None
    pages_not_modified: int | None
    dropped: int | None
    dropped_by_reason: dict[str, int]
    failed_by_reason: dict[str, int]
    active_postings: int | None
    duplicates: int | None
    response_bytes: int | None
    duration_s: float | None
    finish_reason: str | None
    crawl_error: str | None


def crawl_report(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> list[CrawlReportRow]:
    """The crawl report of ``run_id`` (default: the latest crawled run), one row per source.

    Works on a read-only connection. Maps are empty, never NULL.

    Example:
        >>> crawl_report(con, "20260730T020000Z")[0].responses_by_status  # doctest: +SKIP
        {'200': 41, '404': 1}
    """
    relation = con.sql(read_sql("queries", "crawl_reports__run"), params={"run_id": run_id})
    rows: list[dict[str, Any]] = relation.to_arrow_table().to_pylist()
    maps = ("responses_by_status", "dropped_by_reason", "failed_by_reason")
    for row in rows:
        for name in maps:
            row[name] = dict(row[name] or [])
    return [CrawlReportRow(**row) for row in rows]
