"""Pipeline run records: parameters, stages with counts and durations, errors, taxonomy."""

import json
from datetime import datetime

import pytest

from warehouse import PipelineRun, StageRecord, list_pipeline_runs, record_pipeline_run

T0 = datetime(2026, 7, 30, 2, 0)


def _run(run_id: str, status: str = "completed", **extra) -> PipelineRun:
    return PipelineRun(run_id=run_id, flow="nightly", status=status, started_at=T0, **extra)


def test_runs_are_listed_newest_first_with_their_stages(con) -> None:
    stages = [
        StageRecord("crawl", T0, 12.34, {"sources": 3, "failed": 1}),
        StageRecord("load", T0, 1.5, {"inserted": 140}),
    ]
    record_pipeline_run(
        con,
        _run("r1", "degraded", parameters={"top_n": 50}, errors=["crawl x: 404"], stages=stages),
    )
    record_pipeline_run(con, _run("r2"))
    columns, rows = list_pipeline_runs(con)
    assert columns[:3] == ["run_id", "flow", "status"]
    by_id = {row[0]: dict(zip(columns, row, strict=True)) for row in rows}
    r1 = by_id["r1"]
    assert r1["status"] == "degraded"
    assert json.loads(r1["errors"]) == ["crawl x: 404"]
    assert json.loads(r1["parameters"]) == {"top_n": 50}
    assert r1["stages"].startswith('crawl 12.3s {"failed": 1, "sources": 3}')
    assert "; load 1.5s" in r1["stages"]


def test_recording_a_run_again_replaces_it(con) -> None:
    record_pipeline_run(con, _run("r1", "failed"))
    record_pipeline_run(con, _run("r1", "completed"))
    _, rows = list_pipeline_runs(con)
    assert [(row[0], row[2]) for row in rows] == [("r1", "completed")]


def test_unknown_status_is_refused(con) -> None:
    with pytest.raises(ValueError, match="run status"):
        record_pipeline_run(con, _run("r1", "finished"))
