"""Run records kept by the orchestrator, top movers and the run's markdown artifact."""

from pathlib import Path

import pytest

from pipelines.artifact import run_markdown
from pipelines.config import ComputeConfig
from pipelines.partitions import task_runner
from pipelines.runlog import RunLog, new_run_id
from pipelines.summary import RunSummary, SourceOutcome, top_movers


def test_stage_records_counts_duration_and_error() -> None:
    run = RunLog("r1", "nightly")
    with run.stage("load") as counts:
        counts["inserted"] = 3
    with pytest.raises(KeyError), run.stage("extract"):
        raise KeyError("text")
    load, extract = run.stages
    assert (load.stage, load.counts, load.error) == ("load", {"inserted": 3}, None)
    assert load.duration_s >= 0
    assert extract.error == "KeyError: 'text'"
    assert run.errors == ["extract: KeyError: 'text'"]
    assert run.counts("load") == {"inserted": 3}
    assert run.counts("score") == {}


def test_run_ids_sort_by_time() -> None:
    assert new_run_id() <= new_run_id()
    assert len(new_run_id()) == len("20260730T020000Z")


def test_top_movers_rank_by_change_and_include_new_and_gone_skills() -> None:
    before = {"a": ("A", 0.5), "b": ("B", 0.1), "gone": ("Gone", 0.2)}
    after = {"a": ("A", 0.45), "b": ("B", 0.1), "new": ("New", 0.3)}
    assert top_movers(before, after) == [("New", 0.0, 0.3), ("Gone", 0.2, 0.0), ("A", 0.5, 0.45)]


def test_markdown_lists_sources_movers_and_failures() -> None:
    summary = RunSummary(
        run_id="r1",
        db_path=Path("wh.duckdb"),
        sources=[
            SourceOutcome("good", "greenhouse", 5, True, loaded={"inserted": 2, "closed": 1}),
            SourceOutcome("bad", "greenhouse", 0, False, error="HTTP 404 | gone"),
        ],
        movers=[("Python", 0.25, 0.5)],
    )
    text = run_markdown(summary)
    assert text.startswith("# skillsignal run r1: degraded")
    assert "| good | 5 | 2 | 0 | 1 |  |" in text
    assert "| bad | 0 | 0 | 0 | 0 | HTTP 404 / gone |" in text
    assert "| Python | 25.0% | 50.0% |" in text
    assert "- **bad**: HTTP 404 | gone" in text


def test_local_compute_uses_prefects_default_runner() -> None:
    assert task_runner(ComputeConfig()) is None


def test_dask_compute_builds_a_dask_task_runner() -> None:
    pytest.importorskip("prefect_dask", reason="prefect-dask not installed (pip install .[dask])")
    remote = task_runner(ComputeConfig(task_runner="dask", dask_address="tcp://10.0.0.5:8786"))
    assert remote.address == "tcp://10.0.0.5:8786"
    local = task_runner(ComputeConfig(task_runner="dask", dask_workers=3))
    assert local.cluster_kwargs["n_workers"] == 3
