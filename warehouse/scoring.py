"""Set the scoring parameters, store the demand cache and summarise the scores (SCORING.md)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from warehouse.db import transaction
from warehouse.errors import WarehouseError
from warehouse.records import to_utc_naive
from warehouse.sqlfiles import execute, read_sql

logger = logging.getLogger(__name__)

DEFAULT_TOP_N = 50
# Filled in this order: each is computed from the ones stored before it.
_CACHE_TABLES = ("demand_cache_postings", "demand_cache_skills", "demand_cache_skill_demand")


@dataclass(frozen=True)
class ScoreSummary:
    """Headline numbers of the scores after `compute_scores`.

    Attributes:
        top_n: Size limit of the demanded set D.
        active_postings: Postings counted for demand.
        skills_in_demand: Skills mentioned by at least one active posting.
        demanded_skills: Skills in D (min(top_n, skills_in_demand)).
        credentials_scored: Active credentials with an alignment row.
    """

    top_n: int
    active_postings: int
    skills_in_demand: int
    demanded_skills: int
    credentials_scored: int


def compute_scores(
    con: duckdb.DuckDBPyConnection,
    top_n: int = DEFAULT_TOP_N,
    *,
    computed_at: datetime | None = None,
) -> ScoreSummary:
    """Store ``top_n`` and the demand views' expensive part, then summarise the scores.

    Demand and alignment are views (``mart_skill_demand``, ``mart_credential_alignment``,
    ``mart_credential_gaps``), so they always reflect the loaded data. They read the canonical
    postings, their demanded skills and the default scope's demand from tables this function
    fills (``demand_cache_*``), as long as no input changed since; otherwise they compute the
    same rows live, which is slow on a large warehouse. Run it after loads and extractions (the
    flow's score stage does). Reports may override ``top_n`` per query with their ``top_n``
    parameter.

    Args:
        con: A writable connection with migrations and views applied, not in a transaction.
        top_n: Number of most demanded skills forming D (>= 1).
        computed_at: Stored as ``scoring_settings.updated_at`` and
            ``demand_cache_state.built_at`` (default: now, UTC).

    Returns:
        The headline numbers.

    Raises:
        WarehouseError: ``top_n`` < 1, or an analysis scope is set on ``con``.

    Example:
        >>> compute_scores(con, top_n=3)  # doctest: +SKIP
        ScoreSummary(top_n=3, active_postings=5, skills_in_demand=6, demanded_skills=3, ...)
    """
    if top_n < 1:
        msg = f"top_n must be at least 1, got {top_n}"
        raise WarehouseError(msg)
    stamp = to_utc_naive(computed_at or datetime.now(UTC))
    with transaction(con):
        execute(con, "load", "scoring_settings__update", {"top_n": top_n, "updated_at": stamp})
        # Stale first, so each table is filled from the live rows, then recorded as fresh.
        execute(con, "load", "demand_cache_state__clear")
        inputs_hash, default_scope = con.sql(read_sql("queries", "demand_inputs")).fetchall()[0]
        if not default_scope:
            msg = "compute_scores stores the default scope's demand; run it outside scoped()"
            raise WarehouseError(msg)
        for table in _CACHE_TABLES:
            execute(con, "load", f"{table}__clear")
            execute(con, "load", f"{table}__insert")
            state = {"cache_table": table, "inputs_hash": inputs_hash, "built_at": stamp}
            execute(con, "load", "demand_cache_state__insert", state)
    rows = con.sql(read_sql("queries", "score_summary")).fetchall()
    summary = ScoreSummary(*(int(value) for value in rows[0]))
    logger.info(
        "scores: top_n=%d, %d active postings, %d demanded skills, %d credentials",
        summary.top_n,
        summary.active_postings,
        summary.demanded_skills,
        summary.credentials_scored,
    )
    return summary


@dataclass(frozen=True)
class Overview:
    """What the run summary prints.

    Attributes:
        active_postings: Active postings.
        credentials: Active credentials.
        top_skills: (label, postings, share) of the most demanded skills, by rank.
        alignment: (title, coverage) of every scored active credential, best first.
    """

    active_postings: int
    credentials: int
    top_skills: list[tuple[str, int, float]]
    alignment: list[tuple[str, float]]


def run_overview(con: duckdb.DuckDBPyConnection, *, top: int = 5) -> Overview:
    """Summarise the warehouse for the end of a run (works on a read-only connection).

    Example:
        >>> run_overview(con, top=1).top_skills  # doctest: +SKIP
        [('Python', 4, 0.8)]
    """
    counts = con.sql(read_sql("queries", "overview_counts")).fetchall()[0]
    top_skills = con.sql(read_sql("queries", "overview_top_skills"), params={"top": top})
    alignment = con.sql(read_sql("queries", "overview_alignment"))
    return Overview(
        active_postings=int(counts[0]),
        credentials=int(counts[1]),
        top_skills=[(str(a), int(b), float(c)) for a, b, c in top_skills.fetchall()],
        alignment=[(str(a), float(b)) for a, b in alignment.fetchall()],
    )
