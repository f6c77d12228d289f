"""Print the crawl report of a run (per source: requests, statuses, records, drops, size, time).

Call `print_crawl_report(console, db_path, run_id)` after a run, or from `skillsignal runs`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

import warehouse
from warehouse.crawl_report import CrawlReportRow, crawl_report

COLUMNS = ("source", "ok", "requests", "by status", "records", "304", "dropped (why)",
           "failed (why)", "duplicates", "MB", "s")  # fmt: skip


def _counts(counts: Mapping[str, int]) -> str:
    """`{'200': 41, '404': 1}` -> `200:41 404:1` (empty: `-`)."""
    return " ".join(f"{key}:{value}" for key, value in counts.items()) or "-"


def _number(value: float | None, digits: int = 0) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _duplicates(row: CrawlReportRow) -> str:
    if row.duplicates is None or not row.active_postings:
        return "-"
    return f"{row.duplicates} of {row.active_postings} ({row.duplicates / row.active_postings:.0%})"


def crawl_report_table(rows: Sequence[CrawlReportRow]) -> Table:
    """A rich table of crawl report rows, one line per source.

    `records` counts what the spider wrote (postings/credentials plus `unchanged` records);
    `304` the pages that answered Not Modified; `duplicates` the source's active postings that
    duplicate a canonical posting elsewhere.
    """
    title = f"crawl report {rows[0].run_id}" if rows else "crawl report: no crawls recorded"
    table = Table(title=title)
    for column in COLUMNS:
        table.add_column(column, justify="left" if column == "source" else "right")
    for row in rows:
        megabytes = None if row.response_bytes is None else row.response_bytes / 1e6
        table.add_row(
            row.source_name, "yes" if row.complete else "[red]no[/]", _number(row.requests),
            _counts(row.responses_by_status), _number(row.items),
            _number(row.pages_not_modified), _counts(row.dropped_by_reason),
            _counts(row.failed_by_reason), _duplicates(row), _number(megabytes, 2),
            _number(row.duration_s, 1),
        )  # fmt: skip
    return table


def print_crawl_report(console: Console, db_path: Path, run_id: str | None = None) -> None:
    """Print the crawl report of ``run_id`` (default: the latest) from the warehouse file."""
    with warehouse.connect(db_path, read_only=True) as con:
        rows = crawl_report(con, run_id)
    console.print(crawl_report_table(rows))
