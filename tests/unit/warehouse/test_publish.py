"""Building into a working copy and publishing it with an atomic rename."""

from pathlib import Path

import pytest

from warehouse import WarehouseLockedError, building, connect, work_path
from warehouse.publish import build_lock, lock_path


def _count(path: Path) -> int:
    with connect(path, read_only=True) as con:
        return con.execute("select count(*) from t").fetchone()[0]


def _build(published: Path, rows: int) -> None:
    with building(published) as work, connect(work) as con:
        con.execute("create table if not exists t (x int)")
        con.execute("insert into t select range from range(?)", [rows])


def test_first_build_publishes_a_new_file(tmp_path: Path) -> None:
    published = tmp_path / "wh.duckdb"
    _build(published, 3)
    assert _count(published) == 3
    assert not work_path(published).exists()


def test_next_build_starts_from_the_published_state(tmp_path: Path) -> None:
    published = tmp_path / "wh.duckdb"
    _build(published, 3)
    _build(published, 2)
    assert _count(published) == 5


def test_failed_build_leaves_the_published_file_untouched(tmp_path: Path) -> None:
    published = tmp_path / "wh.duckdb"
    _build(published, 3)

    def failing_build() -> None:
        with building(published) as work:
            with connect(work) as con:
                con.execute("insert into t values (99)")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        failing_build()
    assert _count(published) == 3
    assert not work_path(published).exists()


def test_leftover_of_a_crashed_build_is_discarded(tmp_path: Path) -> None:
    published = tmp_path / "wh.duckdb"
    _build(published, 3)
    work_path(published).write_bytes(b"half written garbage")
    _build(published, 1)
    assert _count(published) == 4


def test_two_builds_of_one_warehouse_are_refused(tmp_path: Path) -> None:
    published = tmp_path / "wh.duckdb"
    with build_lock(published):
        with pytest.raises(WarehouseLockedError, match="already building"), building(published):
            pass
        assert "stage=started" in lock_path(published).read_text(encoding="utf-8")
    assert "stage=idle" in lock_path(published).read_text(encoding="utf-8")
