"""Scrapy extensions of the skillsignal project."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Self

from scrapy import Spider, signals
from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


class StatsFileExtension:
    """Write the crawl's stats as a JSON object to the file named by `SKILLSIGNAL_STATS_FILE`.

    The file is written when the spider closes and always holds `finish_reason` (e.g.
    `"finished"`); datetimes are ISO 8601 strings. `finish_reason == "finished"` with no
    `log_count/ERROR` means the crawl was complete. Without the setting the extension is
    disabled (`NotConfigured`).
    """

    def __init__(self, stats: StatsCollector, path: Path) -> None:
        self.stats = stats
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Create the extension if `SKILLSIGNAL_STATS_FILE` is set.

        Raises:
            NotConfigured: The setting is unset or empty.
        """
        path = crawler.settings.get("SKILLSIGNAL_STATS_FILE")
        if not path:
            raise NotConfigured("SKILLSIGNAL_STATS_FILE is not set")
        extension = cls(crawler.stats, Path(path))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        """Write the stats file (atomically: a temporary file, then a rename)."""
        stats = dict(self.stats.get_stats())
        stats["finish_reason"] = reason
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".part")
        partial.write_text(
            json.dumps(stats, default=_json_default, indent=2, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        partial.replace(self.path)
        logger.info("Wrote crawl stats to %s", self.path)
