"""The incremental-crawl state file (`spiders.incremental.CrawlState`)."""

from __future__ import annotations

import json
from pathlib import Path

from spiders.incremental import CrawlState, PageState
from spiders.params import GreenhouseParams


def test_state_round_trip(tmp_path: Path):
    path = tmp_path / "state" / "acme.json"
    state = CrawlState(path, "acme")
    state.new["https://x.example/1"] = PageState('"e1"', None, ("A", "B"))
    state.write()
    again = CrawlState.read(path, "acme")
    assert again.old == {"https://x.example/1": PageState('"e1"', None, ("A", "B"))}
    assert json.loads(path.read_text())["source"] == "acme"
    assert not path.with_name("acme.json.part").exists()


def test_foreign_or_broken_state_is_ignored(tmp_path: Path):
    path = tmp_path / "s.json"
    CrawlState(path, "other").write()
    assert CrawlState.read(path, "acme").old == {}
    path.write_text("{not json", encoding="utf-8")
    assert CrawlState.read(path, "acme").old == {}
    assert CrawlState.read(tmp_path / "missing.json", "acme").old == {}


def test_every_spider_takes_state_arguments():
    params = GreenhouseParams(board="acme", state_file="a.json", state_out="b.json")
    assert (params.state_file, params.state_out) == ("a.json", "b.json")
