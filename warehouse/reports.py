"""Run the report queries (``sql/reports/rpt_<name>.sql``) for export or display."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, NamedTuple

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from warehouse.errors import WarehouseError
from warehouse.scope import SCOPE_PARAMS, scoped, split_scope
from warehouse.sqlfiles import read_sql, sql_names

logger = logging.getLogger(__name__)

_PARAMS_RE = re.compile(r"^--\s*Params:\s*(.*)$", re.MULTILINE)
# OWASP CSV injection: cells starting with these are formulas to spreadsheet programs.
_FORMULA_START = r"^[=+\-@\t\r]"


class QueryResult(NamedTuple):
    """Column names and rows of a report, for printing as a table."""

    columns: list[str]
    rows: list[tuple[Any, ...]]


def known_reports() -> list[str]:
    """Names of the reports (``sql/reports/rpt_<name>.sql``).

    Example:
        >>> known_reports()
        ['alignment', 'demand', 'gaps']
    """
    return [name.removeprefix("rpt_") for name in sql_names("reports")]


def report_params(name: str) -> dict[str, Any]:
    """Parameters of a report with their defaults (its ``-- Params:`` header line).

    Every report also accepts the scope parameters of `warehouse.scope.SCOPE_PARAMS`
    (``top_n``, ``as_of``, ``window_days``, ``since``, ``occupation``, ``region``, ``remote``,
    ``employer``, ``source``) for this query only.

    Raises:
        WarehouseError: Unknown report.

    Example:
        >>> report_params("demand")
        {'limit': 50}
    """
    return _declared_params(_report_sql(name))


def query_rows(
    con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None
) -> QueryResult:
    """Run a report and return its columns and rows (values as DuckDB returns them).

    Example:
        >>> query_rows(con, "demand", {"limit": 1})  # doctest: +SKIP
        QueryResult(columns=['rank', 'skill_id', ...], rows=[(1, 'esco:python', ...)])
    """
    table = report_table(con, name, params)
    return QueryResult(table.column_names, [tuple(row.values()) for row in table.to_pylist()])


def export_report(
    con: duckdb.DuckDBPyConnection,
    name: str,
    out: Path,
    *,
    fmt: Literal["csv", "parquet"] = "csv",
    params: Mapping[str, Any] | None = None,
) -> Path:
    """Write a report to CSV (spreadsheet-safe, UTF-8, header row) or Parquet.

    In CSV every text cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading
    ``'`` so spreadsheets do not run it as a formula; numbers stay numbers. The file is written
    next to the target and renamed into place.

    Args:
        con: A connection with migrations and views applied (read-only is fine).
        name: Report name, e.g. ``"alignment"`` for ``sql/reports/rpt_alignment.sql``.
        out: Target file, or an existing directory (file ``rpt_<name>.<fmt>`` in it).
        fmt: ``"csv"`` or ``"parquet"``.
        params: Report parameters (see `report_params`) plus optional ``top_n``.

    Returns:
        The written file.

    Raises:
        WarehouseError: Unknown report, format or parameter.

    Example:
        >>> export_report(con, "alignment", Path("exports"))  # doctest: +SKIP
        PosixPath('exports/rpt_alignment.csv')
    """
    _check_format(fmt)
    target = out / f"rpt_{name}.{fmt}" if out.is_dir() else out
    table = report_table(con, name, params)
    write_table(table, target, fmt=fmt)
    logger.info("exported report %s (%d rows) to %s", name, table.num_rows, target)
    return target


def write_table(table: pa.Table, target: Path, *, fmt: Literal["csv", "parquet"] = "csv") -> Path:
    """Write an Arrow table as `export_report` does (CSV spreadsheet-safe, or Parquet).

    Example:
        >>> write_table(pa.table({"t": ["=1"]}), Path("x.csv"))  # doctest: +SKIP
        PosixPath('x.csv')
    """
    _check_format(fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    try:
        if fmt == "csv":
            pa_csv.write_csv(neutralize_formulas(table), partial)
        else:
            pq.write_table(table, partial, compression="zstd")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _check_format(fmt: str) -> None:
    if fmt not in {"csv", "parquet"}:
        msg = f"unknown report format {fmt!r}; use 'csv' or 'parquet'"
        raise WarehouseError(msg)


def search_skills(con: duckdb.DuckDBPyConnection, text: str, limit: int = 20) -> QueryResult:
    """Find skills whose labels contain ``text`` (case-insensitive), most demanded first.

    Columns: skill_id, label, matched_label, postings, share, rank, credentials,
    top_credentials (``sql/queries/skill_search.sql``).

    Raises:
        WarehouseError: Empty search text.

    Example:
        >>> search_skills(con, "SQL").rows[0][:4]  # doctest: +SKIP
        ('esco:sql', 'SQL', 'SQL', 3)
    """
    if not text.strip():
        msg = "search text is empty"
        raise WarehouseError(msg)
    params = {"text": text.strip(), "limit": limit}
    table = con.sql(read_sql("queries", "skill_search"), params=params).to_arrow_table()
    return QueryResult(table.column_names, [tuple(row.values()) for row in table.to_pylist()])


def report_table(
    con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None
) -> pa.Table:
    """Run a report and return it as an Arrow table.

    Example:
        >>> report_table(con, "gaps", {"per_credential": 3}).num_rows  # doctest: +SKIP
        9
    """
    sql = _report_sql(name)
    values = _declared_params(sql)
    scope, given = split_scope(params)
    unknown = sorted(set(given) - set(values))
    if unknown:
        accepted = ", ".join([*values, *SCOPE_PARAMS])
        msg = f"report {name!r} has no parameter {', '.join(unknown)}; it takes: {accepted}"
        raise WarehouseError(msg)
    for key, value in given.items():
        values[key] = _coerce(name, key, value, values[key])
    with scoped(con, **scope):
        return con.sql(sql, params=values or None).to_arrow_table()


def neutralize_formulas(table: pa.Table) -> pa.Table:
    """Prefix ``'`` to text cells that a spreadsheet would read as a formula.

    Example:
        >>> neutralize_formulas(pa.table({"t": ["=1+1", "ok"]})).column("t").to_pylist()
        ["'=1+1", 'ok']
    """
    return pa.Table.from_arrays(
        [_neutralize_column(column) for column in table.columns], names=table.column_names
    )


def _neutralize_column(column: pa.ChunkedArray) -> pa.ChunkedArray:
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return column
    risky = pc.match_substring_regex(column, _FORMULA_START)
    return pc.if_else(risky, pc.binary_join_element_wise("'", column, ""), column)


def _report_sql(name: str) -> str:
    known = known_reports()
    if name not in known:
        msg = f"unknown report {name!r}; known reports: {', '.join(known)}"
        raise WarehouseError(msg)
    return read_sql("reports", f"rpt_{name}")


def _declared_params(sql: str) -> dict[str, Any]:
    found = _PARAMS_RE.search(sql)
    declared: dict[str, Any] = {}
    if not found or found.group(1).strip().lower() in {"", "none"}:
        return declared
    for item in found.group(1).split(","):
        key, _, default = item.strip().partition("=")
        declared[key.strip()] = int(default) if default.strip().isdigit() else default.strip()
    return declared


def _coerce(report: str, key: str, value: Any, default: Any) -> Any:
    if not isinstance(default, int) or isinstance(value, int):
        return value
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        msg = f"report {report!r} parameter {key} must be an integer, got {value!r}"
        raise WarehouseError(msg) from exc
