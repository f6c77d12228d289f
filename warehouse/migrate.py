"""Apply schema migrations (once, recorded) and views (every run, in layer order)."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

import duckdb

from warehouse.db import transaction
from warehouse.errors import MigrationError
from warehouse.sqlfiles import execute, read_sql, sql_names

logger = logging.getLogger(__name__)

_MIGRATION_RE = re.compile(r"^\d{4}_[a-z0-9_]+$")
VIEW_LAYERS = ("stg_", "int_", "mart_")
_VIEW_NAME_RE = re.compile(r"\b(?:stg|int|mart)_[a-z0-9_]+")


def pending_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations in ``sql/schema/`` not yet recorded in ``_migrations``.

    Example:
        >>> pending_migrations(con)[:1]  # doctest: +SKIP
        ['0001_core']
    """
    con.execute(read_sql("meta", "create_migrations"))
    applied = {row[0] for row in con.sql("select name from _migrations").fetchall()}
    names = sql_names("schema")
    bad = [name for name in names if not _MIGRATION_RE.match(name)]
    if bad:
        msg = f"migration files must be named NNNN_name.sql: {', '.join(bad)}"
        raise MigrationError(msg)
    return [name for name in names if name not in applied]


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending ``sql/schema/NNNN_name.sql`` files in order, each in one transaction.

    Each applied file is recorded in ``_migrations(name, applied_at)``; running again applies
    nothing. A failing file is rolled back and stops the run.

    Args:
        con: A writable connection.

    Returns:
        The names applied by this call, in order.

    Raises:
        MigrationError: A file failed; earlier files stay applied.

    Example:
        >>> apply_migrations(con)  # doctest: +SKIP
        ['0001_core', '0002_taxonomy', '0003_scoring_settings']
    """
    applied: list[str] = []
    for name in pending_migrations(con):
        try:
            with transaction(con):
                con.execute(read_sql("schema", name))
                execute(
                    con,
                    "load",
                    "migrations__record",
                    {"name": name, "applied_at": datetime.now(UTC).replace(tzinfo=None)},
                )
        except duckdb.Error as exc:
            msg = f"migration sql/schema/{name}.sql failed: {exc}"
            raise MigrationError(msg) from exc
        logger.info("applied migration %s", name)
        applied.append(name)
    return applied


def view_order(upstream: dict[str, set[str]]) -> list[str]:
    """Order views by layer (stg_, int_, mart_), then name, with each view after its upstreams.

    Args:
        upstream: View name -> names of the views it reads (from its ``-- Upstream:`` header).

    Raises:
        MigrationError: Unknown layer prefix, a view reading a later layer, or a cycle.

    Example:
        >>> view_order({"int_b": {"int_c"}, "int_c": {"stg_a"}, "stg_a": set(), "mart_a": set()})
        ['stg_a', 'int_c', 'int_b', 'mart_a']
    """
    unknown = [name for name in upstream if not name.startswith(VIEW_LAYERS)]
    if unknown:
        msg = f"view files must start with {'/'.join(VIEW_LAYERS)}: {', '.join(unknown)}"
        raise MigrationError(msg)

    def rank(name: str) -> tuple[int, str]:
        return (VIEW_LAYERS.index(name.split("_", 1)[0] + "_"), name)

    for name, deps in upstream.items():
        later = sorted(dep for dep in deps if dep in upstream and rank(dep)[0] > rank(name)[0])
        if later:
            msg = f"view {name} reads a later layer: {', '.join(later)}"
            raise MigrationError(msg)
    pending = {name: {dep for dep in deps if dep in upstream} for name, deps in upstream.items()}
    ordered: list[str] = []
    while pending:
        ready = sorted((name for name, deps in pending.items() if not deps), key=rank)
        if not ready:
            msg = f"views depend on each other in a cycle: {', '.join(sorted(pending))}"
            raise MigrationError(msg)
        ordered.append(ready[0])
        del pending[ready[0]]
        for deps in pending.values():
            deps.discard(ready[0])
    return ordered


def view_upstreams(name: str, sql: str) -> set[str]:
    r"""Views listed after ``Upstream:`` in the ``--`` header of a view file.

    Example:
        >>> sorted(view_upstreams("int_a", "-- int_a: one row per x\n-- Upstream: stg_b, stg_c\n"))
        ['stg_b', 'stg_c']
    """
    header = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        header.append(line)
    _, _, listed = "\n".join(header).partition("Upstream:")
    return set(_VIEW_NAME_RE.findall(listed)) - {name}


def apply_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """(Re)create every view in ``sql/views/`` in layer order, in one transaction.

    Within a layer views go in name order, except that a view comes after the views its
    ``-- Upstream:`` header names (DuckDB binds a view when it is created).

    Args:
        con: A writable connection with migrations applied.

    Returns:
        The view names in the order applied.

    Raises:
        MigrationError: A view failed to bind; no view is changed.

    Example:
        >>> apply_views(con)[:1]  # doctest: +SKIP
        ['stg_crawl__credential_skills']
    """
    texts = {name: read_sql("views", name) for name in sql_names("views")}
    names = view_order({name: view_upstreams(name, sql) for name, sql in texts.items()})
    with transaction(con):
        for name in names:
            try:
                con.execute(texts[name])
            except duckdb.Error as exc:
                msg = f"view sql/views/{name}.sql failed: {exc}"
                raise MigrationError(msg) from exc
    logger.info("applied %d views", len(names))
    return names
