"""Read the package's SQL files (``warehouse/sql/<kind>/<name>.sql``)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

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
