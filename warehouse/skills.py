"""Import a skill vocabulary (taxonomy tables, docs/architecture.md section 2)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from warehouse.db import registered, transaction
from warehouse.errors import WarehouseError
from warehouse.records import to_utc_naive
from warehouse.sqlfiles import execute

logger = logging.getLogger(__name__)

SKILLS_SCHEMA = pa.schema(
    [
        ("skill_id", pa.string()),
        ("preferred_label", pa.string()),
        ("description", pa.string()),
        ("skill_type", pa.string()),
        ("source", pa.string()),
    ]
)
LABELS_SCHEMA = pa.schema(
    [("skill_id", pa.string()), ("label", pa.string()), ("label_kind", pa.string())]
)


def current_taxonomy_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """Return the version_id of the current vocabulary, or None before the first import.

    Example:
        >>> current_taxonomy_version(con)  # doctest: +SKIP
        'esco:1.2.0:3f2a9c1d0b7e'
    """
    rows = execute(con, "load", "taxonomy_versions__current")
    return str(rows[0][0]) if rows else None


def load_taxonomy(
    con: duckdb.DuckDBPyConnection,
    skills: pa.Table,
    labels: pa.Table,
    *,
    source: str,
    version: str,
    attribution: str | None,
    checksum: str,
    imported_at: datetime | None = None,
) -> str:
    """Make a vocabulary current: replace ``skills`` and ``skill_labels`` in one transaction.

    The warehouse holds one current vocabulary; every import is recorded in
    ``taxonomy_versions``. Loading the checksum of the current vocabulary again is a no-op; the
    checksum of an earlier one reinstates it.

    Args:
        con: A writable connection.
        skills: ``Taxonomy.skills_table()``: skill_id, preferred_label and optionally
            description, skill_type, source (missing/null source = ``source``).
        labels: ``Taxonomy.labels_table()``: skill_id, label, label_kind.
        source: Vocabulary name, e.g. ``"esco"``.
        version: Its version, e.g. ``"1.2.0"``.
        attribution: Licence attribution text to show with reports.
        checksum: Checksum of the vocabulary file (identifies the content).
        imported_at: Import time (default: now, UTC).

    Returns:
        The version_id, ``"<source>:<version>:<checksum[:12]>"``.

    Raises:
        WarehouseError: A required column is missing.

    Example:
        >>> load_taxonomy(con, skills, labels, source="esco", version="1.2.0",  # doctest: +SKIP
        ...               attribution="ESCO (c) EU", checksum="3f2a9c1d0b7e44")
        'esco:1.2.0:3f2a9c1d0b7e'
    """
    version_id = f"{source}:{version}:{checksum[:12]}"
    rows = execute(con, "load", "taxonomy_versions__find", {"checksum": checksum})
    found = rows[0] if rows else None
    if found is not None and found[1]:
        logger.info("taxonomy %s already current", found[0])
        return str(found[0])
    if found is not None:
        version_id = str(found[0])
    skills_table = _conform(skills, SKILLS_SCHEMA, required=("skill_id", "preferred_label"))
    if skills_table.column("source").null_count:
        filled = skills_table.column("source").fill_null(source)
        skills_table = skills_table.set_column(4, "source", filled)
    labels_table = _conform(labels, LABELS_SCHEMA, required=tuple(LABELS_SCHEMA.names))
    params = {
        "version_id": version_id,
        "source": source,
        "version": version,
        "attribution": attribution,
        "checksum": checksum,
        "imported_at": to_utc_naive(imported_at or datetime.now(UTC)),
    }
    with registered(con, _skills=skills_table, _labels=labels_table), transaction(con):
        execute(con, "load", "taxonomy_versions__retire")
        execute(con, "load", "taxonomy_versions__upsert", params)
        execute(con, "load", "skill_labels__clear")
        execute(con, "load", "skills__clear")
        execute(con, "load", "skills__insert", {"version_id": version_id})
        execute(con, "load", "skill_labels__insert")
    logger.info("imported taxonomy %s (%d skills)", version_id, skills_table.num_rows)
    return version_id


def _conform(table: pa.Table, schema: pa.Schema, *, required: tuple[str, ...]) -> pa.Table:
    missing = [name for name in required if name not in table.column_names]
    if missing:
        msg = f"taxonomy table lacks column(s) {', '.join(missing)}; has {table.column_names}"
        raise WarehouseError(msg)
    columns = [
        table.column(field.name).cast(field.type)
        if field.name in table.column_names
        else pa.nulls(table.num_rows, field.type)
        for field in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)
