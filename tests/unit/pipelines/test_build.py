"""A run that fails publishes only its record; the warehouse data stays as it was."""

import json
from pathlib import Path

import pytest

import warehouse
from pipelines import build as build_module
from pipelines.runlog import RunLog


def test_failed_run_is_recorded_and_its_working_copy_discarded(
    tmp_config, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_prepare(work: Path, taxonomy: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(build_module, "load_taxonomy", lambda: None)
    monkeypatch.setattr(build_module, "prepare_warehouse", broken_prepare)
    with pytest.raises(OSError, match="disk full"):
        build_module.build(tmp_config, RunLog("r-failed", "score"), ["score"])
    db = tmp_config.warehouse.path
    assert not warehouse.work_path(db).exists()
    with warehouse.connect(db, read_only=True) as con:
        columns, rows = warehouse.list_pipeline_runs(con)
    run = dict(zip(columns, rows[0], strict=True))
    assert (run["run_id"], run["status"]) == ("r-failed", "failed")
    assert json.loads(run["errors"]) == ["OSError: disk full"]
