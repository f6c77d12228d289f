import subprocess
import sys
import textwrap

import pytest

from warehouse import WarehouseError, WarehouseLockedError, connect

HOLD_WRITER = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.read()   # hold the lock until the test closes our stdin
    """
)


def test_connect_creates_parent_directory(tmp_path):
    path = tmp_path / "data" / "nested" / "warehouse.duckdb"
    with connect(path) as con:
        con.execute("create table t (x integer)")
    assert path.exists()


def test_connect_memory_database():
    with connect(":memory:") as con:
        assert con.sql("select 42").fetchall() == [(42,)]


def test_read_only_missing_file_says_to_run_first(tmp_path):
    missing = tmp_path / "missing.duckdb"
    with pytest.raises(WarehouseError, match="skillsignal run"), connect(missing, read_only=True):
        pass
    assert not missing.exists()


def test_read_only_connection_reads(tmp_path):
    path = tmp_path / "w.duckdb"
    with connect(path) as con:
        con.execute("create table t as select 1 as x")
    with connect(path, read_only=True) as con:
        assert con.sql("select x from t").fetchall() == [(1,)]


def test_file_locked_by_another_process(tmp_path):
    path = tmp_path / "locked.duckdb"
    writer = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        for read_only in (False, True):
            with pytest.raises(WarehouseLockedError) as caught, connect(path, read_only=read_only):
                pass
            message = str(caught.value)
            assert str(path) in message
            assert f"locked by process PID {writer.pid}" in message
            assert "\n" not in message
            assert isinstance(caught.value, WarehouseError)
    finally:
        assert writer.stdin is not None
        writer.stdin.close()
        writer.wait(timeout=10)
    with connect(path) as con:  # released once the writer exits
        assert con.sql("select 1").fetchall() == [(1,)]
