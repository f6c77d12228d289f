"""Bad input gets one clear line naming the problem and the file, and a non-zero exit."""

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipelines.cli import app

runner = CliRunner()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_malformed_config_reports_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[warehouse]\npath = "x.duckdb"\n[[sources]\n', encoding="utf-8")
    result = runner.invoke(app, ["demand", "--config", str(config)])
    assert result.exit_code == 1
    assert "bad.toml: invalid TOML" in _one_line(result.output)
    assert "line 3" in result.output


def test_unknown_source_kind_lists_known_kinds(tmp_path: Path) -> None:
    config = tmp_path / "cfg.toml"
    config.write_text('[[sources]]\nname = "x"\nkind = "indeed"\n', encoding="utf-8")
    result = runner.invoke(app, ["run", "--config", str(config)])
    assert result.exit_code == 1
    out = _one_line(result.output)
    assert "unknown source kind 'indeed'" in out
    known = out.split("known kinds: ")[1].split(", ")
    assert {"course_jsonld", "greenhouse", "jobposting"} <= set(known)
    assert known == sorted(known)


def test_missing_warehouse_says_to_run_first(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demand", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "none.duckdb" in _one_line(result.output)


@pytest.mark.integration
def test_locked_warehouse_is_reported(tmp_path: Path) -> None:
    db = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(db)!r})
            con.execute("create table t(x int)")
            print("ready", flush=True)
            time.sleep(60)
        """)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        result = runner.invoke(app, ["demand", "--db", str(db)])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    out = _one_line(result.output)
    assert "locked.duckdb" in out
    assert "lock" in out.lower()
    time.sleep(0)
