"""The analysis scope of one query: time window, filters and the size of the demanded set.

The views read the scope from DuckDB session variables (``skillsignal_<name>``; see
``sql/views/stg_scoring__analysis.sql``), so one set of views serves every filter and works on
read-only files. `scoped` sets them for the duration of a block and always resets them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from typing import Any

import duckdb

from warehouse.errors import WarehouseError

# name -> parser; every report and analysis function accepts these.
_INT_PARAMS = frozenset({"top_n", "window_days"})
_DATE_PARAMS = frozenset({"as_of", "since"})
_BOOL_PARAMS = frozenset({"remote"})
_TEXT_PARAMS = frozenset({"occupation", "region", "employer", "source"})
SCOPE_PARAMS = tuple(sorted(_INT_PARAMS | _DATE_PARAMS | _BOOL_PARAMS | _TEXT_PARAMS))
_TRUE = {"true", "1", "yes", "remote"}
_FALSE = {"false", "0", "no", "onsite", "on_site"}


def split_scope(params: Mapping[str, Any] | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split parameters into (scope values, the others); ``None`` scope values are dropped.

    Example:
        >>> split_scope({"as_of": "2026-07-30", "limit": 5, "region": None})
        ({'as_of': '2026-07-30'}, {'limit': 5})
    """
    scope: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    for key, value in (params or {}).items():
        if key in SCOPE_PARAMS:
            if value is not None and value != "":
                scope[key] = value
        else:
            rest[key] = value
    return scope, rest


def parse_scope(values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and type scope values (dates ISO ``YYYY-MM-DD``, ints >= their minimum).

    Raises:
        WarehouseError: Unknown name or a value of the wrong type.

    Example:
        >>> parse_scope({"window_days": "30", "remote": "yes"})
        {'window_days': 30, 'remote': True}
    """
    parsed: dict[str, Any] = {}
    for key, value in values.items():
        parsed[key] = _parse(key, value)
    return parsed


@contextmanager
def scoped(con: duckdb.DuckDBPyConnection, **values: Any) -> Iterator[dict[str, Any]]:
    """Set the scope session variables for the block (``None`` = no filter), then reset them.

    Raises:
        WarehouseError: Unknown name or bad value.

    Example:
        >>> with scoped(con, occupation="2511", window_days=30):  # doctest: +SKIP
        ...     con.sql("select count(*) from mart_skill_demand").fetchall()
    """
    parsed = parse_scope({k: v for k, v in values.items() if v is not None and v != ""})
    for key, value in parsed.items():
        con.execute(f"set variable skillsignal_{key} = $value", {"value": value})
    try:
        yield parsed
    finally:
        for key in parsed:
            con.execute(f"reset variable skillsignal_{key}")


def _parse(key: str, value: Any) -> Any:
    if key not in SCOPE_PARAMS:
        msg = f"unknown scope parameter {key!r}; known: {', '.join(SCOPE_PARAMS)}"
        raise WarehouseError(msg)
    if key in _INT_PARAMS:
        return _parse_int(key, value)
    if key in _DATE_PARAMS:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError as exc:
            msg = f"{key} must be a date YYYY-MM-DD, got {value!r}"
            raise WarehouseError(msg) from exc
    if key in _BOOL_PARAMS:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE | _FALSE:
            return text in _TRUE
        msg = f"{key} must be true or false, got {value!r}"
        raise WarehouseError(msg)
    return str(value)


def _parse_int(key: str, value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        msg = f"{key} must be an integer, got {value!r}"
        raise WarehouseError(msg) from exc
    minimum = 1 if key == "top_n" else 0
    if number < minimum:
        msg = f"{key} must be at least {minimum}, got {number}"
        raise WarehouseError(msg)
    return number
