import json
from datetime import UTC, datetime

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from spiders.extensions import StatsFileExtension


def test_not_configured_without_the_setting():
    with pytest.raises(NotConfigured):
        StatsFileExtension.from_crawler(get_crawler())


def test_writes_stats_with_iso_datetimes_and_finish_reason(tmp_path):
    path = tmp_path / "nested" / "stats.json"
    crawler = get_crawler(settings_dict={"SKILLSIGNAL_STATS_FILE": str(path)})
    extension = StatsFileExtension.from_crawler(crawler)
    crawler.stats.set_value("start_time", datetime(2026, 8, 5, 1, 2, 3, tzinfo=UTC))
    crawler.stats.set_value("item_scraped_count", 6)
    extension.spider_closed(spider=None, reason="finished")
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "finish_reason": "finished",
        "item_scraped_count": 6,
        "start_time": "2026-08-05T01:02:03+00:00",
    }
    assert not path.with_name("stats.json.part").exists()
