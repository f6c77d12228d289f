"""Hand documents to skill extraction and store the mentions it finds (incrementally)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from warehouse.db import registered, transaction
from warehouse.errors import WarehouseError
from warehouse.records import to_utc_naive
from warehouse.skills import current_taxonomy_version
from warehouse.sqlfiles import execute, read_sql

logger = logging.getLogger(__name__)

DOCUMENTS_SCHEMA = pa.schema(
    [("doc_kind", pa.string()), ("doc_key", pa.string()), ("content_hash", pa.string())]
)
MENTIONS_SCHEMA = pa.schema(
    [
        ("doc_kind", pa.string()),
        ("doc_key", pa.string()),
        ("skill_id", pa.string()),
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
        ("surface", pa.string()),
        ("method", pa.string()),
        ("confidence", pa.float64()),
        ("content_hash", pa.string()),
        ("taxonomy_version", pa.string()),
        ("section", pa.string()),
    ]
)


def documents_for_extraction(
    con: duckdb.DuckDBPyConnection, *, all_documents: bool = False, extractor: str | None = None
) -> pa.Table:
    """Return the active documents that need skill extraction.

    A document needs it when no extraction is recorded for its current content_hash with the
    current vocabulary and ``extractor`` (documents that yielded zero mentions count as
    extracted).

    Args:
        con: A connection with migrations applied.
        all_documents: Return every active posting and credential instead.
        extractor: An id of the extraction pipeline and its settings (as recorded by
            `replace_mentions`); documents extracted by another are returned again.

    Returns:
        Arrow table (doc_kind, doc_key, content_hash, text), ordered by doc_kind, doc_key;
        text is the title, a newline, then the description.

    Raises:
        WarehouseError: No vocabulary has been loaded yet.

    Example:
        >>> documents_for_extraction(con).column_names  # doctest: +SKIP
        ['doc_kind', 'doc_key', 'content_hash', 'text']
    """
    version_id = _require_version(con)
    params = {"version_id": version_id, "all_documents": all_documents, "extractor": extractor}
    query = read_sql("queries", "documents_for_extraction")
    return con.sql(query, params=params).to_arrow_table()


def replace_mentions(
    con: duckdb.DuckDBPyConnection,
    mentions: pa.Table,
    *,
    documents: pa.Table | None = None,
    extracted_at: datetime | None = None,
    extractor: str | None = None,
) -> int:
    """Replace the mentions of the extracted documents in one transaction.

    The replaced documents are ``documents`` (pass the `documents_for_extraction` table, so that
    documents with zero mentions are recorded too) plus every document named in ``mentions``.
    Their old mentions are deleted, the new ones inserted and each document's extraction is
    recorded in ``extractions`` with its content_hash, the vocabulary and the extractor.

    Args:
        con: A writable connection.
        mentions: doc_kind, doc_key, skill_id, start_char, end_char, surface, method,
            confidence, content_hash and optionally taxonomy_version (default: current)
            and section (the posting section of the mention; benefits, about,
            equal_opportunity and how_to_apply mentions are not demand).
            From a ``taxonomy.SkillMention``: start -> start_char, end -> end_char,
            score -> confidence; doc_* and content_hash come from the documents table.
        documents: doc_kind, doc_key, content_hash of the documents that were extracted.
        extracted_at: Stored on every row (default: now, UTC).
        extractor: The extraction pipeline's id, recorded with each document
            (see `documents_for_extraction`).

    Returns:
        Number of mentions inserted.

    Raises:
        WarehouseError: Missing columns, or no vocabulary loaded.

    Example:
        >>> replace_mentions(con, mentions, documents=docs)  # doctest: +SKIP
        12
    """
    version_id = _require_version(con)
    table = _mentions_table(mentions, version_id)
    docs = _documents_table(documents, table)
    params = {"extracted_at": to_utc_naive(extracted_at or datetime.now(UTC))}
    with registered(con, _mentions=table, _documents=docs), transaction(con):
        execute(con, "load", "mentions__delete")
        execute(con, "load", "mentions__insert", params)
        upsert = {**params, "version_id": version_id, "extractor": extractor}
        execute(con, "load", "extractions__upsert", upsert)
    logger.info("stored %d mentions for %d documents", table.num_rows, docs.num_rows)
    return table.num_rows


def _require_version(con: duckdb.DuckDBPyConnection) -> str:
    version_id = current_taxonomy_version(con)
    if version_id is None:
        msg = "no skill vocabulary in the warehouse; load a taxonomy first"
        raise WarehouseError(msg)
    return version_id


def _mentions_table(mentions: pa.Table, version_id: str) -> pa.Table:
    optional = {"taxonomy_version", "section"}
    missing = [
        name
        for name in MENTIONS_SCHEMA.names
        if name not in mentions.column_names and name not in optional
    ]
    if missing and mentions.num_rows == 0:
        return MENTIONS_SCHEMA.empty_table()
    if missing:
        msg = f"mentions table lacks column(s) {', '.join(missing)}"
        raise WarehouseError(msg)
    columns = []
    for field in MENTIONS_SCHEMA:
        if field.name in mentions.column_names:
            column = mentions.column(field.name).cast(field.type)
        else:
            column = pa.nulls(mentions.num_rows, field.type)
        if field.name == "taxonomy_version":
            column = column.fill_null(version_id)
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=MENTIONS_SCHEMA)


def _documents_table(documents: pa.Table | None, mentions: pa.Table) -> pa.Table:
    parts = [mentions.select(DOCUMENTS_SCHEMA.names).cast(DOCUMENTS_SCHEMA)]
    if documents is not None:
        parts.append(documents.select(DOCUMENTS_SCHEMA.names).cast(DOCUMENTS_SCHEMA))
    combined = pa.concat_tables(parts)
    return combined.group_by(DOCUMENTS_SCHEMA.names, use_threads=False).aggregate([])
