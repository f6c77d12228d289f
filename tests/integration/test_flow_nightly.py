"""The real `nightly` flow with a source that always fails, its run records, and the Dask path."""

from __future__ import annotations

import json
import shutil
from importlib.resources import files
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipelines.cli import app
from pipelines.config import ComputeConfig, Config, CrawlConfig, SourceConfig
from pipelines.demo import demo_sources, serve_demo

pytestmark = pytest.mark.integration


def broken_source(base_url: str) -> SourceConfig:
    """A Greenhouse board the site does not have: every crawl of it fails (HTTP 404)."""
    return SourceConfig(
        name="broken-board", kind="greenhouse",
        args={"board": "gone", "base_url": f"{base_url}/greenhouse"},
    )  # fmt: skip


@pytest.fixture(scope="module")
def config(make_config, tmp_path_factory: pytest.TempPathFactory) -> Config:
    return make_config(
        tmp_path_factory.mktemp("nightly"),
        crawl=CrawlConfig(autothrottle=False, timeout_s=300, retries=1, retry_delay_s=0),
        compute=ComputeConfig(partition_rows=60),
    )


@pytest.fixture(scope="module")
def degraded_run(prefect_harness: None, config: Config, tmp_path_factory: pytest.TempPathFactory):
    from pipelines.flows import nightly

    site = tmp_path_factory.mktemp("site")
    shutil.copytree(Path(str(files("pipelines") / "demo_data")), site, dirs_exist_ok=True)
    with serve_demo(site) as base_url:
        return nightly(
            config, [*demo_sources(base_url), broken_source(base_url)], run_id="run-degraded"
        )


def test_failing_source_degrades_the_run_and_the_others_load(degraded_run, config) -> None:
    assert degraded_run.degraded
    by_name = {s.name: s for s in degraded_run.sources}
    assert by_name["broken-board"].error
    assert "error(s) logged" in by_name["broken-board"].error
    assert not any(s.error for name, s in by_name.items() if name != "broken-board")
    assert by_name["demo-careers"].loaded["inserted"] == 140
    with duckdb.connect(str(config.warehouse.path), read_only=True) as con:
        assert con.execute("select count(*) from postings where active").fetchone() == (146,)
        assert con.execute("select count(*) from skill_mentions").fetchone()[0] > 500
    assert not Path(str(config.warehouse.path) + ".building").exists()


def test_runs_command_shows_the_failure_with_its_reason(degraded_run, config) -> None:
    result = CliRunner().invoke(
        app, ["runs", "--db", str(config.warehouse.path), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    run = json.loads(result.output.splitlines()[0])
    assert run["run_id"] == "run-degraded"
    assert run["status"] == "degraded"
    assert "broken-board" in run["errors"]
    assert "error(s) logged" in run["errors"]
    assert run["taxonomy_version"].startswith("esco:")
    for stage in ("crawl", "load", "extract", "score", "report"):
        assert stage in run["stages"]
    assert '"failed": 1' in run["stages"]


def test_run_artifact_lists_failures_and_new_postings(degraded_run) -> None:
    from pipelines.artifact import run_markdown

    text = run_markdown(degraded_run)
    assert "degraded" in text.splitlines()[0]
    assert "| demo-careers | 140 | 140 |" in text
    assert "## Failures" in text
    assert "**broken-board**" in text
    assert "## Top movers in demand" in text


def test_dask_path_finds_the_same_mentions_as_the_local_path(degraded_run, config, tmp_path):
    pytest.importorskip("prefect_dask", reason="prefect-dask not installed (pip install .[dask])")
    from prefect import flow

    from pipelines import partitions
    from pipelines.tasks import extract_partition

    runner = partitions.task_runner(ComputeConfig(task_runner="dask", dask_workers=2))
    docs = partitions.write_partitions(config.warehouse.path, tmp_path, all_documents=True, rows=60)
    assert len(docs) >= 3

    @flow(task_runner=runner)
    def extract_on_dask(paths: list[Path]) -> list[Path]:
        settings = (config.extraction.min_score, config.extraction.semantic)
        return [f.result() for f in [extract_partition.submit(p, *settings) for p in paths]]

    mention_files = extract_on_dask(docs)
    columns = ["doc_kind", "doc_key", "skill_id", "start_char", "end_char", "surface", "method"]
    with duckdb.connect() as con:
        files_list = [str(p) for p in mention_files]
        on_dask = con.execute(
            f"select {', '.join(columns)} from read_parquet(?) order by all", [files_list]
        ).fetchall()
    with duckdb.connect(str(config.warehouse.path), read_only=True) as con:
        local = con.execute(
            f"select {', '.join(columns)} from skill_mentions order by all"
        ).fetchall()
    assert len(local) > 500
    assert on_dask == local
