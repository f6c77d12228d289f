"""Parse crawl JSONL (docs/architecture.md section 1) into typed Arrow tables.

Bad lines never stop a load: each is reported as a `LoadProblem` and skipped.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from warehouse.credential_records import (
    CREDENTIAL_KINDS,
    DECLARED_SCHEMA,
    RELATIONS_SCHEMA,
    check_status,
    declared_skills,
    relations,
)
from warehouse.errors import WarehouseError

REQUIRED = ("source", "source_id", "title", "url")  # and record_type
UNCHANGED = "unchanged"  # a record a 304 stood for (read by warehouse.unchanged)
# dedupe_key is derived from employer, title and place, so it is not hashed on its own.
NOT_CONTENT = frozenset({"url", "crawled_at", "dedupe_key"})

_STR, _BOOL, _FLOAT, _TS = pa.string(), pa.bool_(), pa.float64(), pa.timestamp("us")
_COMMON = {"source": _STR, "source_id": _STR, "url": _STR, "title": _STR}
FIELDS: dict[str, dict[str, pa.DataType]] = {
    "posting": {
        **_COMMON,
        "employer": _STR,
        "location": _STR,
        "country": _STR,
        "remote": _BOOL,
        "employment_type": _STR,
        "date_posted": _TS,
        "valid_through": _TS,
        "salary_min": _FLOAT,
        "salary_max": _FLOAT,
        "salary_currency": _STR,
        "salary_period": _STR,
        "language": _STR,
        "description": _STR,
        "dedupe_key": _STR,
    },
    "credential": {
        **_COMMON,
        "provider": _STR,
        "kind": _STR,
        "description": _STR,
        "level": _STR,
        "hours": _FLOAT,
        "price": _FLOAT,
        "currency": _STR,
        "language": _STR,
        "issuer": _STR,
        "duration": _STR,
        "status": _STR,
    },
}
KEY_COLUMN = {"posting": "posting_key", "credential": "credential_key"}
# Fields hashed into content_hash besides the typed columns (raw JSON values).
_EXTRA_CONTENT = {
    "posting": ("record_type",),
    "credential": ("record_type", "skills", "declared_skills", "relations"),
}
# Optional fields added after the first records were stored: hashed only when they hold a
# value, so records without them keep the content_hash they had.
_HASHED_WHEN_SET = frozenset({"issuer", "duration", "status", "declared_skills", "relations"})


@dataclass(frozen=True)
class LoadProblem:
    """One skipped line of a JSONL file; ``message`` names the file and the line."""

    line_no: int
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class RecordBatchResult:
    """The good records of one JSONL file plus the problems found in it.

    Attributes:
        record_type: ``"posting"`` or ``"credential"``.
        table: One row per kept record: key column, contract fields, ``content_hash``.
        skills: Declared skills of credentials (`credential_records.DECLARED_SCHEMA`); empty
            for postings.
        problems: Skipped lines, in file order.
        relations: Stack relations of credentials (`credential_records.RELATIONS_SCHEMA`).
    """

    record_type: str
    table: pa.Table
    skills: pa.Table
    problems: tuple[LoadProblem, ...]
    relations: pa.Table = field(default_factory=RELATIONS_SCHEMA.empty_table)


def record_key(source: str, source_id: str) -> str:
    """Return the posting/credential key: ``sha256(source || 0x1f || source_id)[:16]``.

    Example:
        >>> record_key("greenhouse:acme", "101")
        '47cd3c8d9f1fb239'
    """
    return hashlib.sha256(f"{source}\x1f{source_id}".encode()).hexdigest()[:16]


def content_hash(record: dict[str, Any], record_type: str) -> str:
    """Return the sha256 (hex) of a record's content: all contract fields but url and crawled_at.

    The fields are hashed as their raw JSON values (missing = null) in canonical JSON (sorted
    keys, no spaces), so fields outside the contract and key order do not matter.

    Example:
        >>> len(content_hash({"record_type": "posting", "title": "Engineer"}, "posting"))
        64
    """
    names = [*FIELDS[record_type], *_EXTRA_CONTENT[record_type]]
    content = {
        name: record.get(name)
        for name in names
        if name not in NOT_CONTENT and (name not in _HASHED_WHEN_SET or record.get(name))
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def read_records(path: Path, record_type: str) -> RecordBatchResult:
    """Parse a JSONL file of ``posting`` or ``credential`` records, line by line.

    Malformed JSON, an unknown record_type, a missing/empty required field (source, source_id,
    title, url), a value of the wrong type and a duplicate (source, source_id) are reported and
    skipped; the first occurrence of a duplicate is kept. Blank lines, records of the other
    record type (a mixed file) and ``unchanged`` records are skipped silently.

    Args:
        path: The JSONL file.
        record_type: ``"posting"`` or ``"credential"``.

    Returns:
        The kept records as an Arrow table, plus the problems.

    Raises:
        WarehouseError: Unknown record type or unreadable file.

    Example:
        >>> read_records(Path("postings.jsonl"), "posting").table.num_rows  # doctest: +SKIP
        5
    """
    if record_type not in FIELDS:
        msg = f"unknown record type {record_type!r}; expected one of {sorted(FIELDS)}"
        raise WarehouseError(msg)
    rows: list[dict[str, Any]] = []
    skills: list[dict[str, Any]] = []
    stacks: list[dict[str, Any]] = []
    problems: list[LoadProblem] = []
    seen: dict[tuple[str, str], int] = {}
    try:
        with Path(path).open(encoding="utf-8") as lines:
            for line_no, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    parsed = _parse_line(line, record_type)
                except ValueError as exc:
                    problems.append(LoadProblem(line_no, f"{path}:{line_no}: {exc}"))
                    continue
                if parsed is None:  # a record of the other type: not ours, not a problem
                    continue
                row, declared, related = parsed
                ident = (row["source"], row["source_id"])
                if ident in seen:
                    text = f"duplicate {ident} (first on line {seen[ident]}), skipped"
                    problems.append(LoadProblem(line_no, f"{path}:{line_no}: {text}"))
                    continue
                seen[ident] = line_no
                rows.append(row)
                key = row[KEY_COLUMN[record_type]]
                skills.extend(
                    {"credential_key": key, "position": position, **skill}
                    for position, skill in enumerate(declared)
                )
                stacks.extend(
                    {"credential_key": key, "position": position, **rel}
                    for position, rel in enumerate(related)
                )
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"cannot read {path}: {exc}"
        raise WarehouseError(msg) from exc
    schema = batch_schema(record_type)
    return RecordBatchResult(
        record_type=record_type,
        table=pa.Table.from_pylist(rows, schema=schema),
        skills=pa.Table.from_pylist(skills, schema=DECLARED_SCHEMA),
        problems=tuple(problems),
        relations=pa.Table.from_pylist(stacks, schema=RELATIONS_SCHEMA),
    )


def batch_schema(record_type: str) -> pa.Schema:
    """Arrow schema of `RecordBatchResult.table` for a record type.

    Example:
        >>> batch_schema("posting").names[:2]
        ['posting_key', 'source']
    """
    fields = [(KEY_COLUMN[record_type], _STR), *FIELDS[record_type].items()]
    return pa.schema([*fields, ("content_hash", _STR)])


def _parse_line(
    line: str, record_type: str
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]] | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        msg = f"malformed JSON ({exc.msg} at column {exc.colno})"
        raise ValueError(msg) from exc
    if not isinstance(record, dict):
        msg = "not a JSON object"
        raise ValueError(msg)
    found = record.get("record_type")
    if (found in FIELDS and found != record_type) or found == UNCHANGED:
        return None  # `unchanged` records: see warehouse.unchanged
    if found != record_type:
        msg = "missing record_type" if found is None else f"unknown record_type {found!r}"
        raise ValueError(msg)
    missing = [name for name in REQUIRED if not _non_empty(record.get(name))]
    if missing:
        msg = f"missing required field(s): {', '.join(missing)}"
        raise ValueError(msg)
    row: dict[str, Any] = {
        name: _typed(name, record.get(name), kind) for name, kind in FIELDS[record_type].items()
    }
    row["description"] = row["description"] or ""
    if record_type == "credential" and row["kind"] not in CREDENTIAL_KINDS:
        msg = f"kind {row['kind']!r} is not one of {', '.join(sorted(CREDENTIAL_KINDS))}"
        raise ValueError(msg)
    row[KEY_COLUMN[record_type]] = record_key(row["source"], row["source_id"])
    row["content_hash"] = content_hash(record, record_type)
    if record_type != "credential":
        return row, [], []
    check_status(row["status"])
    return row, declared_skills(record), relations(record)


def _non_empty(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _typed(name: str, value: Any, kind: pa.DataType) -> Any:
    if value is None:
        return None
    if kind == _STR and isinstance(value, str):
        return value
    if kind == _BOOL and isinstance(value, bool):
        return value
    if kind == _FLOAT and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind == _TS and isinstance(value, str):
        try:
            stamp = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return to_utc_naive(stamp)
    msg = f"field {name!r} has invalid value {value!r}"
    raise ValueError(msg)


def to_utc_naive(stamp: datetime) -> datetime:
    """Convert an aware datetime to naive UTC (DuckDB TIMESTAMP); naive input is taken as UTC.

    Example:
        >>> to_utc_naive(datetime.fromisoformat("2026-07-30T12:00:00+02:00"))
        datetime.datetime(2026, 7, 30, 10, 0)
    """
    if stamp.tzinfo is None:
        return stamp
    return stamp.astimezone(UTC).replace(tzinfo=None)
