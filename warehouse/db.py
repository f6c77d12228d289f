"""Open the warehouse DuckDB file and run statements in one transaction."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.errors import WarehouseError, WarehouseLockedError

logger = logging.getLogger(__name__)

MEMORY = ":memory:"
_LOCK_MARKER = "Could not set lock on file"
_PID_RE = re.compile(r"\(PID (\d+)\)")


@contextmanager
def connect(path: Path | str, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse file (or ``":memory:"``) and close it on exit.

    Writing creates the parent directory. DuckDB allows one writing process, or several reading
    processes, per file; a conflicting process raises `WarehouseLockedError`.

    Args:
        path: Path of the DuckDB file, or ``":memory:"``.
        read_only: Open without write access (several readers may share the file).

    Yields:
        An open DuckDB connection.

    Raises:
        WarehouseLockedError: Another process holds a conflicting lock on the file.
        WarehouseError: ``read_only`` and the file does not exist, or DuckDB cannot open it.

    Example:
        >>> with connect(":memory:") as con:
        ...     con.sql("select 42").fetchall()
        [(42,)]
    """
    target = str(path)
    if target != MEMORY:
        file = Path(path)
        if read_only and not file.exists():
            msg = f"warehouse {file} does not exist; run `skillsignal run` first"
            raise WarehouseError(msg)
        if not read_only:
            file.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.IOException as exc:
        raise _open_error(target, exc) from exc
    try:
        yield con
    finally:
        con.close()


def _open_error(target: str, exc: duckdb.IOException) -> WarehouseError:
    text = str(exc)
    if _LOCK_MARKER not in text:
        return WarehouseError(f"cannot open warehouse {target}: {text.splitlines()[0]}")
    found = _PID_RE.search(text)
    holder = f"process PID {found.group(1)}" if found else "another process"
    return WarehouseLockedError(
        f"warehouse {target} is locked by {holder}; wait for it to finish or stop it"
    )


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the block in one transaction: COMMIT on success, ROLLBACK on any exception.

    Args:
        con: An open connection that is not inside a transaction.

    Yields:
        The same connection.

    Example:
        >>> with connect(":memory:") as con, transaction(con):
        ...     _ = con.execute("create table t (x int)")
    """
    con.begin()
    try:
        yield con
    except BaseException:
        con.rollback()
        raise
    con.commit()


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, **tables: pa.Table) -> Iterator[None]:
    """Expose Arrow tables to SQL under the given names for the duration of the block.

    Example:
        >>> with registered(con, _batch=pa.table({"x": [1]})):  # doctest: +SKIP
        ...     con.sql("select x from _batch").fetchall()
        [(1,)]
    """
    for name, table in tables.items():
        con.register(name, table)
    try:
        yield
    finally:
        for name in tables:
            con.unregister(name)
