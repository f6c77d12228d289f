"""Analysts read while the job writes: a reader process never errors, never blocks the load and
never sees half of it (every count it reads is the state before or after the load)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.integration

QUERY = "select (select count(*) from postings), (select count(*) from crawl_runs)"

# Opens a new read-only connection per query, as a dashboard or `skillsignal demand` does.
READER = textwrap.dedent(f"""
    import json, sys, time
    from pathlib import Path
    import duckdb

    db, stop = sys.argv[1], Path(sys.argv[2])
    print("ready", flush=True)
    samples, errors = [], []
    while not stop.exists():
        try:
            with duckdb.connect(db, read_only=True) as con:
                samples.append(con.execute({QUERY!r}).fetchone())
        except Exception as exc:
            errors.append(repr(exc))
        time.sleep(0.01)
    print(json.dumps({{"samples": samples, "errors": errors}}), flush=True)
""")

# An analyst's session left open all along. DuckDB shares one database instance per file in a
# process, so this process keeps the old snapshot until it closes every connection.
HOLDER = textwrap.dedent(f"""
    import json, sys, time
    from pathlib import Path
    import duckdb

    db, stop = sys.argv[1], Path(sys.argv[2])
    con = duckdb.connect(db, read_only=True)
    before = con.execute({QUERY!r}).fetchone()
    print("ready", flush=True)
    while not stop.exists():
        time.sleep(0.05)
    print(json.dumps([before, con.execute({QUERY!r}).fetchone()]), flush=True)
""")


def _start(script: str, db: Path, stop: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(db), str(stop)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def _finish(process: subprocess.Popen[str]):
    out, _ = process.communicate(timeout=60)
    return json.loads(out.strip().splitlines()[-1])


def test_reader_process_sees_before_or_after_never_half(
    prefect_harness, tmp_config, synthetic_crawl, tmp_path: Path
) -> None:
    from pipelines.flows import build_warehouse

    db = tmp_config.warehouse.path
    build_warehouse(tmp_config, ["load"], crawl_dir=synthetic_crawl("before", 2000))
    big = synthetic_crawl("after", 30000)
    stop = tmp_path / "stop"
    holder = _start(HOLDER, db, stop)
    reader = _start(READER, db, stop)
    try:
        started = time.monotonic()
        summary = build_warehouse(tmp_config, ["load"], crawl_dir=big)
        load_seconds = time.monotonic() - started
        time.sleep(0.5)
    finally:
        stop.touch()
        result, held = _finish(reader), _finish(holder)
    assert not summary.degraded
    assert result["errors"] == []
    before, after = [2000, 1], [32000, 2]
    samples = result["samples"]
    assert all(sample in (before, after) for sample in samples), set(map(tuple, samples))
    assert before in samples
    assert after in samples
    assert len(samples) > 20, (len(samples), load_seconds)
    # The open session kept its snapshot through the swap and did not block the job.
    assert held == [before, before]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from postings").fetchone() == (32000,)
