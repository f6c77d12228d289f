"""``unchanged`` crawl records: what a ``304 Not Modified`` page stood for.

An incremental crawl (docs/architecture.md, section 1) writes ``{"record_type": "unchanged",
"source", "source_id", "url", "crawled_at"}`` for each record a page gave last time when the
page answers 304. Loading keeps those rows open and moves their ``last_seen``; a complete
crawl does not close them (``sql/load/*__keep_unchanged.sql`` and ``*__close.sql``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from warehouse.errors import WarehouseError
from warehouse.records import UNCHANGED, record_key

UNCHANGED_SCHEMA = pa.schema([("key", pa.string()), ("source", pa.string())])


def read_unchanged(path: Path) -> pa.Table:
    """Keys (``record_key(source, source_id)``) of the ``unchanged`` records of a JSONL file.

    Lines that are not unchanged records, or lack source/source_id, are ignored (the record
    loaders report bad lines).

    Raises:
        WarehouseError: The file cannot be read.

    Example:
        >>> read_unchanged(Path("crawl.jsonl")).column("key").to_pylist()  # doctest: +SKIP
        ['47cd3c8d9f1fb239']
    """
    rows: dict[str, str] = {}
    try:
        with Path(path).open(encoding="utf-8") as lines:
            for line in lines:
                if f'"{UNCHANGED}"' not in line:
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if not isinstance(record, dict) or record.get("record_type") != UNCHANGED:
                    continue
                source, source_id = record.get("source"), record.get("source_id")
                if isinstance(source, str) and source and isinstance(source_id, str) and source_id:
                    rows[record_key(source, source_id)] = source
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"cannot read {path}: {exc}"
        raise WarehouseError(msg) from exc
    return pa.table({"key": list(rows), "source": list(rows.values())}, schema=UNCHANGED_SCHEMA)
