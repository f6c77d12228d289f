"""Incremental crawl state in the pipeline: spider arguments and adoption after a run."""

from __future__ import annotations

from pathlib import Path

from pipelines.config import CrawlConfig, SourceConfig
from pipelines.crawl import CrawlResult, adopt_crawl_state, spider_command, state_dir_for


def test_crawls_under_data_crawls_read_and_write_state(tmp_path: Path):
    out = tmp_path / "data" / "crawls" / "r1"
    source = SourceConfig(name="greenhouse:stripe", kind="greenhouse", board="stripe")
    state_dir = state_dir_for(out)
    assert state_dir == tmp_path / "data" / "state"
    command = spider_command(source, out, CrawlConfig(), state_dir)
    assert f"state_file={state_dir / 'greenhouse_stripe.json'}" in command
    assert f"state_out={out / 'greenhouse_stripe.state.json'}" in command
    assert not any("state_" in part for part in spider_command(source, out, CrawlConfig()))
    assert state_dir_for(tmp_path / "elsewhere") is None


def test_adopt_crawl_state_replaces_only_crawled_sources(tmp_path: Path):
    out, state_dir = tmp_path / "crawls" / "r2", tmp_path / "state"
    out.mkdir(parents=True)
    state_dir.mkdir()
    (state_dir / "a.json").write_text("old a", encoding="utf-8")
    (state_dir / "b.json").write_text("old b", encoding="utf-8")
    (out / "a.state.json").write_text("new a", encoding="utf-8")
    results = [
        CrawlResult("a", "greenhouse", out / "a.jsonl", out / "a.log", {}, 0, None),
        CrawlResult("b", "greenhouse", out / "b.jsonl", out / "b.log", {}, 1, "failed"),
    ]
    assert adopt_crawl_state(results, state_dir) == [state_dir / "a.json"]
    assert (state_dir / "a.json").read_text() == "new a"
    assert (state_dir / "b.json").read_text() == "old b"
