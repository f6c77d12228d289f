"""`skillsignal load` and `skillsignal extract --warehouse` alone leave the stored demand rows
fresh: reads use them instead of computing demand live (warehouse/SCORING.md, "Stored rows")."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipelines.cli import app

pytestmark = pytest.mark.integration


def _freshness(db: Path) -> tuple[str, tuple[bool, bool, bool]]:
    """The fingerprint of the scoring inputs now, and whether each stored table matches it."""
    with duckdb.connect(str(db), read_only=True) as con:
        inputs = con.execute("select inputs_hash from int_demand_inputs").fetchone()[0]
        fresh = con.execute(
            "select postings_fresh, skills_fresh, skill_demand_fresh from int_demand_cache_state"
        ).fetchone()
    return inputs, fresh


def _run(command: list[str], db: Path, config_file: Path) -> str:
    result = CliRunner().invoke(app, [*command, "--db", str(db), "--config", str(config_file)])
    assert result.exit_code == 0, result.output
    return result.output


def test_standalone_load_and_extract_leave_stored_rows_fresh(
    prefect_harness, synthetic_crawl, tmp_path: Path
) -> None:
    db = tmp_path / "wh.duckdb"
    config_file = tmp_path / "skillsignal.toml"
    config_file.write_text(
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\nexports_dir = "{tmp_path / "exports"}"\n'
        "[extraction]\nsemantic = false\n",  # exact matching: the linker costs ~10 s to load
        encoding="utf-8",
    )

    crawl_dir = str(synthetic_crawl("board", 30))
    output = _run(["load", "--crawl-dir", crawl_dir, "--run-id", "r-load"], db, config_file)
    assert "scored after load" in output
    loaded, fresh = _freshness(db)
    assert fresh == (True, True, True)

    output = _run(["extract", "--warehouse"], db, config_file)
    assert "scored after extract" in output
    extracted, fresh = _freshness(db)
    assert extracted != loaded  # the extraction changed the inputs (new mentions)...
    assert fresh == (True, True, True)  # ...and the stored rows were rebuilt from them

    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from skill_mentions").fetchone()[0] > 0
    runs = _run(["runs", "--format", "json"], db, config_file)
    flows = [json.loads(line)["flow"] for line in runs.splitlines()]
    assert flows == ["extract+score", "load+score"]
