"""SIGKILL in the middle of a load: the published warehouse keeps the previous complete state,
and the next run completes the work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.integration


def _wait_for(predicate, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def _state(db: Path) -> tuple[int, list[tuple[str, str]]]:
    with duckdb.connect(str(db), read_only=True) as con:
        postings = con.execute("select count(*) from postings").fetchone()[0]
        runs = con.execute("select run_id, status from pipeline_runs order by run_id").fetchall()
    return postings, runs


def test_killed_load_leaves_previous_state_and_next_run_completes(
    prefect_harness, prefect_api_url, tmp_config, synthetic_crawl, tmp_path: Path
) -> None:
    from pipelines.flows import build_warehouse

    db = tmp_config.warehouse.path
    build_warehouse(tmp_config, ["load"], crawl_dir=synthetic_crawl("first", 1000), run_id="r1")
    big = synthetic_crawl("second", 60000)
    config_file = tmp_path / "skillsignal.toml"
    config_file.write_text(
        f'[paths]\ndata_dir = "{tmp_config.paths.data_dir}"\n'
        f'exports_dir = "{tmp_config.paths.exports_dir}"\n',
        encoding="utf-8",
    )
    command = [
        sys.executable, "-c", "from pipelines.cli import main; main()", "load",
        "--crawl-dir", str(big), "--db", str(db), "--config", str(config_file), "--run-id", "r2",
    ]  # fmt: skip
    env = {**os.environ, "PREFECT_API_URL": prefect_api_url}
    job = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lock = Path(f"{db}.lock")
    try:
        marker = f"pid={job.pid} stage=load"
        _wait_for(lambda: marker in lock.read_text(encoding="utf-8"), 120, "the load")
        time.sleep(0.5)
        assert job.poll() is None, job.communicate()[0]
        job.send_signal(signal.SIGKILL)
    finally:
        job.kill()
        job.wait(timeout=30)
    assert job.returncode == -signal.SIGKILL
    assert Path(f"{db}.building").exists()  # the half-built copy, never published

    assert _state(db) == (1000, [("r1", "completed")])

    summary = build_warehouse(tmp_config, ["load"], crawl_dir=big, run_id="r3")
    assert not summary.degraded
    assert _state(db) == (61000, [("r1", "completed"), ("r3", "completed")])
    assert not Path(f"{db}.building").exists()
