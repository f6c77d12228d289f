"""Read the package's SQL files (``warehouse/sql/<kind>/<name>.sql``)."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import duckdb

from warehouse.errors import WarehouseError


def sql_dir(kind: str) -> Traversable:
    """Return the folder of one kind of SQL file.

    Example:
        >>> sql_dir("schema").name
        'schema'
    """
    return files("warehouse") / "sql" / kind


def sql_names(kind: str) -> list[str]:
    """List the SQL file stems of one kind, sorted by name.

    Example:
        >>> sql_names("reports")[:1]
        ['rpt_alignment']
    """
    return sorted(
        entry.name.removesuffix(".sql")
        for entry in sql_dir(kind).iterdir()
        if entry.name.endswith(".sql")
    )


def read_sql(kind: str, name: str) -> str:
    """Return the text of ``sql/<kind>/<name>.sql``.

    Raises:
        WarehouseError: No such file.

    Example:
        >>> read_sql("meta", "create_migrations").startswith("--")
        True
    """
    entry = sql_dir(kind) / f"{name}.sql"
    if not entry.is_file():
        msg = f"no SQL file sql/{kind}/{name}.sql"
        raise WarehouseError(msg)
    return entry.read_text(encoding="utf-8")


def execute(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    name: str,
    params: Mapping[str, Any] | None = None,
) -> list[tuple[Any, ...]]:
    """Execute ``sql/<kind>/<name>.sql`` (one statement) with named ``$`` parameters.

    The result is always fetched completely: DuckDB 2.0 refuses other work on a connection
    that holds an unfinished ``execute()`` result. DML returns ``[(rows_changed,)]``.

    Example:
        >>> execute(con, "load", "taxonomy_versions__current")  # doctest: +SKIP
        [('esco:1.2.0:3f2a9c1d0b7e',)]
    """
    return con.execute(read_sql(kind, name), dict(params or {})).fetchall()
