"""Run one spider as a subprocess and collect what it wrote.

Scrapy runs in its own process (`python -m scrapy crawl`): its reactor cannot restart inside one
process, and this keeps Prefect's event loop and Scrapy's apart. A failing or hanging spider
costs only its own source.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pipelines.config import CrawlConfig, SourceConfig

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CrawlResult:
    """What one spider run produced."""

    source: str
    kind: str
    items_path: Path
    log_path: Path
    stats: dict[str, object]
    returncode: int
    error: str | None

    @property
    def complete(self) -> bool:
        """True when the source was crawled to the end without errors (absent postings close)."""
        return (
            self.error is None
            and self.stats.get("finish_reason") == "finished"
            and not self.stats.get("log_count/ERROR")
        )

    @property
    def items(self) -> int:
        """Items the spider wrote."""
        value = self.stats.get("item_scraped_count", 0)
        return value if isinstance(value, int) else 0


def spider_command(source: SourceConfig, out_dir: Path, crawl: CrawlConfig) -> list[str]:
    """The `scrapy crawl` command line for `source`, writing into `out_dir`."""
    stem = source_file_stem(source.name)
    command = [sys.executable, "-m", "scrapy", "crawl", source.kind, "-a", f"source={source.name}"]
    for key, value in sorted(source.args.items()):
        command += ["-a", f"{key}={value}"]
    command += [
        "-O", str(out_dir / f"{stem}.jsonl"),
        "-s", f"SKILLSIGNAL_STATS_FILE={out_dir / f'{stem}.stats.json'}",
        "-s", f"LOG_FILE={out_dir / f'{stem}.log'}",
        "-s", f"LOG_LEVEL={crawl.log_level}",
        "-s", f"USER_AGENT={crawl.user_agent}",
        "-s", f"AUTOTHROTTLE_ENABLED={crawl.autothrottle}",
        "-s", f"CLOSESPIDER_PAGECOUNT={crawl.max_pages}",
    ]  # fmt: skip
    return command


def source_file_stem(name: str) -> str:
    """A file-name-safe form of a source name: 'greenhouse:stripe' -> 'greenhouse_stripe'."""
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)


def run_spider(source: SourceConfig, out_dir: Path, crawl: CrawlConfig) -> CrawlResult:
    """Crawl `source` into `out_dir`; never raises for a failing site, reports it instead."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = source_file_stem(source.name)
    items_path, log_path = out_dir / f"{stem}.jsonl", out_dir / f"{stem}.log"
    stats_path = out_dir / f"{stem}.stats.json"
    stats_path.unlink(missing_ok=True)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings"}
    error: str | None = None
    try:
        proc = subprocess.run(  # noqa: S603 - our own interpreter, arguments as a list
            spider_command(source, out_dir, crawl),
            env=env,
            capture_output=True,
            text=True,
            timeout=crawl.timeout_s,
            check=False,
        )
        returncode = proc.returncode
        if returncode != 0:
            tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            error = f"spider exited with code {returncode}: {tail} (log: {log_path})"
    except subprocess.TimeoutExpired:
        returncode = -1
        error = f"crawl stopped after the {crawl.timeout_s} s timeout (log: {log_path})"
    stats: dict[str, object] = {}
    if stats_path.is_file():
        stats = json.loads(stats_path.read_text(encoding="utf-8"))
    elif error is None:
        error = f"spider wrote no stats file (log: {log_path})"
    if not items_path.exists():
        items_path.touch()
    result = CrawlResult(source.name, source.kind, items_path, log_path, stats, returncode, error)
    logger.info(
        "crawled %s: %d items, complete=%s, error=%s", source.name, result.items,
        result.complete, error,
    )  # fmt: skip
    return result
