"""Store source vocabularies (versions, skills, hierarchy, occupations) and the crosswalk.

Tables from ``0010_taxonomy_crosswalk``. The taxonomy package hands over Arrow tables
(``taxonomy.tables``); this module never imports it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.db import registered, transaction
from warehouse.errors import WarehouseError
from warehouse.records import to_utc_naive
from warehouse.sqlfiles import execute, read_sql

logger = logging.getLogger(__name__)


def store_import(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pa.Table],
    *,
    source: str,
    release: str,
    checksum: str,
    problem_count: int = 0,
    document: str | None = None,
    imported_at: datetime | None = None,
) -> tuple[str, bool]:
    """Record one import of a source as a new version, unless its content is stored already.

    Earlier versions are kept as they are: a re-import never rewrites history.

    Args:
        con: A writable connection.
        tables: ``taxonomy.tables.import_tables(...)``: ``skills``, ``concepts``, ``relations``.
        source: ``esco``, ``lightcast``, ``onet`` or ``custom``.
        release: The source's release, e.g. ``"1.2.0"``.
        checksum: Checksum of the files read (identifies the content).
        problem_count: Rows the import skipped and reported.
        document: The overlay file's text (custom overlays only).
        imported_at: Import time (default: now, UTC).

    Returns:
        ``(version_id, is_new)``; version_id is ``"<source>:<release>:<checksum[7:19]>"``.

    Example:
        >>> store_import(con, tables, source="onet", release="29.2",  # doctest: +SKIP
        ...              checksum="sha256:3f2a9c1d0b7e44")
        ('onet:29.2:3f2a9c1d0b7e', True)
    """
    found = execute(con, "load", "taxonomy_imports__find", {"source": source, "checksum": checksum})
    if found:
        logger.info("taxonomy %s already imported", found[0][0])
        return str(found[0][0]), False
    version_id = f"{source}:{release}:{checksum.removeprefix('sha256:')[:12]}"
    params = {
        "version_id": version_id,
        "source": source,
        "release": release,
        "checksum": checksum,
        "imported_at": to_utc_naive(imported_at or datetime.now(UTC)),
        "skill_count": tables["skills"].num_rows,
        "problem_count": problem_count,
        "document": document,
    }
    with (
        registered(
            con,
            _skills=tables["skills"],
            _concepts=tables["concepts"],
            _relations=tables["relations"],
        ),
        transaction(con),
    ):
        execute(con, "load", "taxonomy_imports__insert", params)
        for name in ("taxonomy_source_skills", "taxonomy_concepts", "taxonomy_relations"):
            execute(con, "load", f"{name}__insert", {"version_id": version_id})
    logger.info("imported %s: %d skills", version_id, tables["skills"].num_rows)
    return version_id, True


def latest_imports(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Return the newest version of each source: version_id, source, release, checksum, ...

    Example:
        >>> [row["source"] for row in latest_imports(con)]  # doctest: +SKIP
        ['esco', 'lightcast']
    """
    return _dicts(con, "taxonomy_latest_imports", {})


def read_version(con: duckdb.DuckDBPyConnection, version_id: str) -> dict[str, pa.Table]:
    """Return one stored version's ``skills``, ``concepts`` and ``relations`` tables.

    Example:
        >>> read_version(con, "onet:29.2:3f2a9c1d0b7e")["skills"].num_rows  # doctest: +SKIP
        8927
    """
    params = {"version_id": version_id}
    return {
        name: con.sql(
            read_sql("queries", f"taxonomy_version_{name}"), params=params
        ).to_arrow_table()
        for name in ("skills", "concepts", "relations")
    }


def replace_crosswalk(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pa.Table],
    version_ids: list[str],
    *,
    built_at: datetime | None = None,
) -> None:
    """Make a crosswalk current: replace canonical skills, links and the review list.

    Args:
        con: A writable connection.
        tables: ``taxonomy.tables.crosswalk_tables(...)``: ``canonical``, ``links``, ``reviews``.
        version_ids: The source versions it was built from (recorded in ``crosswalk_builds``).
        built_at: Build time (default: now, UTC).

    Example:
        >>> replace_crosswalk(con, crosswalk_tables(cw), ["esco:1.2.0:3f2a"])  # doctest: +SKIP
    """
    names = ("skill_canonical", "skill_crosswalk", "skill_crosswalk_reviews")
    with (
        registered(
            con, _canonical=tables["canonical"], _links=tables["links"], _reviews=tables["reviews"]
        ),
        transaction(con),
    ):
        for name in names:
            execute(con, "load", f"{name}__clear")
        for name in names:
            execute(con, "load", f"{name}__insert")
        params = {
            "built_at": to_utc_naive(built_at or datetime.now(UTC)),
            "version_ids": version_ids,
        }
        execute(con, "load", "skill_crosswalk__record_build", params)
    logger.info("crosswalk: %d links from %s", tables["links"].num_rows, ", ".join(version_ids))


def taxonomy_rows(
    con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Run one of the taxonomy queries (``taxonomy_*``, ``skill_crosswalk_*``) as dicts.

    Example:
        >>> taxonomy_rows(con, "taxonomy_reviews", {"limit": 5})[0]["method"]  # doctest: +SKIP
        'fuzzy'
    """
    if not name.startswith(("taxonomy_", "skill_crosswalk_")):
        msg = f"not a taxonomy query: {name}"
        raise WarehouseError(msg)
    return _dicts(con, name, params or {})


def _dicts(
    con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]
) -> list[dict[str, Any]]:
    cursor = con.execute(read_sql("queries", name), params)
    columns = [d[0] for d in cursor.description or ()]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
