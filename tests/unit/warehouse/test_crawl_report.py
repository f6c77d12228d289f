"""Crawl report: spider stats normalized in stg_crawl__reports, duplicates joined, printed."""

from __future__ import annotations

from datetime import datetime

from rich.console import Console

from warehouse import CrawlRun, load_postings, record_crawl_runs
from warehouse.crawl_report import crawl_report
from warehouse.dedupe import detect_duplicates

T = datetime(2026, 7, 30, 2)
STATS = {
    "downloader/request_count": 9,
    "downloader/response_count": 9,
    "downloader/response_status_count/200": 6,
    "downloader/response_status_count/304": 2,
    "downloader/response_status_count/404": 1,
    "downloader/response_bytes": 2_500_000,
    "item_scraped_count": 7,
    "item_dropped_count": 2,
    "skillsignal/dropped/missing_title": 1,
    "skillsignal/dropped/duplicate": 1,
    "skillsignal/failed/http_404": 1,
    "skillsignal/incremental/not_modified": 2,
    "skillsignal/incremental/unchanged_records": 3,
    "elapsed_time_seconds": 12.3456,
    "finish_reason": "finished",
}
TEXT = "Build data pipelines with Python, SQL and dbt for the analytics team. " * 5


def _posting(source: str, source_id: str) -> dict:
    return {"record_type": "posting", "source": source, "source_id": source_id,
            "url": f"https://x.example/{source_id}", "title": "Data Engineer",
            "employer": "Acme", "location": "Berlin", "country": "DE", "description": TEXT,
            "crawled_at": "2026-07-30T02:00:00Z"}  # fmt: skip


def test_report_normalizes_stats_and_joins_duplicates(con, write_jsonl):
    record_crawl_runs(con, "r0", [CrawlRun("board-a", complete=True, stats={"finish_reason": "x"})])
    runs = [
        CrawlRun("board-a", complete=True, stats=STATS),
        CrawlRun("board-b", complete=False, stats={"error": "spider exited with code 1"}),
    ]
    record_crawl_runs(con, "r1", runs)
    load_postings(con, write_jsonl([_posting("board-a", "1")]), run_id="r1", seen_at=T)
    load_postings(con, write_jsonl([_posting("board-b", "7")]), run_id="r1", seen_at=T)
    detect_duplicates(con, run_id="r1", detected_at=T)

    a, b = crawl_report(con)  # the latest run
    assert (a.run_id, a.source_name, a.complete) == ("r1", "board-a", True)
    assert (a.requests, a.responses, a.items, a.dropped) == (9, 9, 7, 2)
    assert a.responses_by_status == {"200": 6, "304": 2, "404": 1}
    assert a.dropped_by_reason == {"duplicate": 1, "missing_title": 1}
    assert a.failed_by_reason == {"http_404": 1}
    assert (a.pages_not_modified, a.unchanged_records) == (2, 3)
    assert (a.response_bytes, a.duration_s, a.finish_reason) == (2_500_000, 12.346, "finished")
    assert (a.active_postings, a.duplicates) == (1, 0)
    assert (b.active_postings, b.duplicates) == (1, 1)  # board-b's copy of board-a's job
    assert (b.requests, b.responses_by_status, b.crawl_error) == (
        None, {}, "spider exited with code 1",
    )  # fmt: skip
    assert [row.source_name for row in crawl_report(con, "r0")] == ["board-a"]
    assert crawl_report(con, "nope") == []


def test_report_prints_one_line_per_source(con, tmp_path):
    from pipelines.crawl_report import crawl_report_table

    record_crawl_runs(con, "r1", [CrawlRun("board-a", complete=True, stats=STATS)])
    console = Console(record=True, width=200)
    console.print(crawl_report_table(crawl_report(con)))
    text = console.export_text()
    assert "crawl report r1" in text
    line = next(line for line in text.splitlines() if "board-a" in line)
    for cell in ("yes", "200:6 304:2 404:1", "duplicate:1 missing_title:1", "http_404:1",
                 "2.50", "12.3"):  # fmt: skip
        assert cell in line, line
    console = Console(record=True, width=120)
    console.print(crawl_report_table([]))
    assert "no crawls recorded" in console.export_text()
