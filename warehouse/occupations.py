"""Store which ESCO occupation each posting's title was classified to (``posting_occupations``).

The classification itself happens outside the warehouse (``taxonomy.occupations``); the
warehouse hands out the titles and stores the answers, so the views can filter demand by
occupation and ISCO group.
"""

from __future__ import annotations

import logging

import duckdb
import pyarrow as pa

from warehouse.db import registered, transaction
from warehouse.errors import WarehouseError
from warehouse.sqlfiles import execute, read_sql

logger = logging.getLogger(__name__)

OCCUPATIONS_SCHEMA = pa.schema(
    [
        ("posting_key", pa.string()),
        ("occupation_uri", pa.string()),
        ("isco_code", pa.string()),
        ("confidence", pa.float64()),
        ("method", pa.string()),
    ]
)


def postings_for_classification(
    con: duckdb.DuckDBPyConnection, *, all_postings: bool = False
) -> pa.Table:
    """Postings (posting_key, title) without a stored occupation, or all with ``all_postings``.

    Example:
        >>> postings_for_classification(con).column_names  # doctest: +SKIP
        ['posting_key', 'title']
    """
    query = read_sql("queries", "postings_for_classification")
    return con.sql(query, params={"all_postings": all_postings}).to_arrow_table()


def load_posting_occupations(con: duckdb.DuckDBPyConnection, occupations: pa.Table) -> int:
    """Replace the classification of the given postings in one transaction.

    Every posting_key in ``occupations`` loses its old row; rows with an ``occupation_uri``
    are stored (a NULL occupation records "below the cutoff": nothing is stored).

    Args:
        con: A writable connection with migrations applied.
        occupations: posting_key, occupation_uri, isco_code, confidence (0..1), method.

    Returns:
        Number of classifications stored.

    Raises:
        WarehouseError: Missing columns or a confidence outside 0..1.

    Example:
        >>> load_posting_occupations(con, pa.table({...}))  # doctest: +SKIP
        2
    """
    missing = [name for name in OCCUPATIONS_SCHEMA.names if name not in occupations.column_names]
    if missing:
        msg = f"occupations table lacks column(s) {', '.join(missing)}"
        raise WarehouseError(msg)
    table = occupations.select(OCCUPATIONS_SCHEMA.names).cast(OCCUPATIONS_SCHEMA)
    try:
        with registered(con, _occupations=table), transaction(con):
            execute(con, "load", "posting_occupations__delete")
            stored = execute(con, "load", "posting_occupations__insert")[0][0]
    except duckdb.ConstraintException as exc:
        msg = f"cannot store posting occupations: {exc}"
        raise WarehouseError(msg) from exc
    logger.info("stored %d posting occupations", stored)
    return int(stored)
