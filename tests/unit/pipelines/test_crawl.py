from pathlib import Path

from pipelines.config import CrawlConfig, SourceConfig
from pipelines.crawl import CrawlResult, source_file_stem, spider_command


def test_spider_command_passes_source_and_arguments(tmp_path: Path) -> None:
    source = SourceConfig(name="greenhouse:stripe", kind="greenhouse", board="stripe")
    command = spider_command(source, tmp_path, CrawlConfig(user_agent="ua (+http://x)"))
    assert command[1:5] == ["-m", "scrapy", "crawl", "greenhouse"]
    assert command[5:7] == ["-a", "source=greenhouse:stripe"]
    assert "board=stripe" in command
    assert f"SKILLSIGNAL_STATS_FILE={tmp_path / 'greenhouse_stripe.stats.json'}" in command
    assert "USER_AGENT=ua (+http://x)" in command


def test_source_file_stem_is_file_safe() -> None:
    assert source_file_stem("greenhouse:stripe") == "greenhouse_stripe"
    assert source_file_stem("a/b c") == "a_b_c"


def test_complete_only_when_finished_without_errors(tmp_path: Path) -> None:
    def result(stats: dict, error: str | None = None) -> CrawlResult:
        return CrawlResult("s", "k", tmp_path / "a", tmp_path / "b", stats, 0, error)

    assert result({"finish_reason": "finished"}).complete
    assert not result({"finish_reason": "finished", "log_count/ERROR": 2}).complete
    assert not result({"finish_reason": "closespider_pagecount"}).complete
    assert not result({"finish_reason": "finished"}, error="boom").complete


def test_manifest_round_trip_and_latest_crawl(tmp_path: Path) -> None:
    import os
    import pickle

    import pytest

    from pipelines.crawl import CrawlFailed, latest_crawl_dir, read_manifest, write_manifest
    from pipelines.errors import CrawlError

    with pytest.raises(CrawlError, match="run `skillsignal crawl` first"):
        latest_crawl_dir(tmp_path)
    old, new = tmp_path / "crawls" / "r1", tmp_path / "crawls" / "r2"
    result = CrawlResult("s", "greenhouse", old / "s.jsonl", old / "s.log", {"a": 1}, 0, None)
    write_manifest([result], old)
    write_manifest([], new)
    os.utime(old / "crawl.json", (0, 0))
    assert latest_crawl_dir(tmp_path) == new
    assert read_manifest(old) == [result]
    failed = pickle.loads(pickle.dumps(CrawlFailed(result)))
    assert failed.result == result
    assert str(failed).startswith("s: ")
