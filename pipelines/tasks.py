"""Thin Prefect tasks over library calls: crawl, load, extract, score, export.

Retries go only on the crawl (network, subprocess); transforms are deterministic. Tasks take the
path of the *working* warehouse file of the run (see `warehouse.publish`), never the published
one, except `export_reports`, which only reads.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError
from prefect.logging import get_run_logger

import warehouse
from pipelines import partitions
from pipelines.config import Config, SourceConfig
from pipelines.crawl import CrawlFailed, CrawlResult, run_spider
from pipelines.summary import SourceOutcome
from taxonomy import Taxonomy
from taxonomy.occupations import build_occupation_index, classify_table
from warehouse.dedupe import DedupeStats
from warehouse.dedupe import detect_duplicates as find_duplicates

# Built once per process: ~3,000 ESCO occupations with their labels, blocked by words.
_occupation_index = cache(build_occupation_index)

REPORTS = ("alignment", "demand", "gaps")


def _logger() -> logging.Logger | logging.LoggerAdapter[logging.Logger]:
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger(__name__)


@task(name="crawl_source", cache_policy=NO_CACHE)
def crawl_source(source: SourceConfig, out_dir: Path, config: Config) -> CrawlResult:
    """Crawl one source into `out_dir`; raise `CrawlFailed` (so Prefect retries) when it fails."""
    result = run_spider(source, out_dir, config.crawl)
    _logger().info(
        "%s: %d items, complete=%s%s", source.name, result.items, result.complete,
        f", error: {result.error}" if result.error else "",
    )  # fmt: skip
    if result.error:
        raise CrawlFailed(result)
    return result


def _stat(stats: dict[str, object], key: str) -> int:
    value = stats.get(key, 0)
    return value if isinstance(value, int) else 0


def _taxonomy_checksum(taxonomy: Taxonomy) -> str:
    digest = hashlib.sha256(taxonomy.version.encode())
    for skill_id in sorted(taxonomy.skills):
        digest.update(skill_id.encode())
    return digest.hexdigest()[:16]


def prepare_warehouse(db_path: Path, taxonomy: Taxonomy) -> None:
    """Migrate the warehouse, re-apply views and make the taxonomy current (no-op if it is)."""
    with warehouse.connect(db_path) as con:
        warehouse.apply_migrations(con)
        warehouse.apply_views(con)
        warehouse.load_taxonomy(
            con, taxonomy.skills_table(), taxonomy.labels_table(), source="esco",
            version=taxonomy.version, attribution=taxonomy.attribution,
            checksum=_taxonomy_checksum(taxonomy),
        )  # fmt: skip


@task(name="load_crawls", cache_policy=NO_CACHE)
def load_crawls(
    db_path: Path, taxonomy: Taxonomy, results: list[CrawlResult], run_id: str, seen_at: datetime
) -> list[SourceOutcome]:
    """Load every crawl file into the warehouse in one session (after `prepare_warehouse`)."""
    logger = _logger()
    outcomes = []
    with warehouse.connect(db_path) as con:
        for result in results:
            outcome = SourceOutcome(
                result.source, result.kind, result.items, result.complete, result.error
            )
            run = warehouse.CrawlRun(
                source=result.source, complete=result.complete, started_at=seen_at,
                finished_at=datetime.now(UTC), items=result.items,
                dropped=_stat(result.stats, "item_dropped_count"),
                errors=_stat(result.stats, "log_count/ERROR") + (1 if result.error else 0),
                stats={**result.stats, "error": result.error},
            )  # fmt: skip
            warehouse.record_crawl_runs(con, run_id, [run])
            complete = {result.source} if result.complete else set()
            for load in (warehouse.load_postings, warehouse.load_credentials):
                stats = load(
                    con, result.items_path, run_id=run_id, seen_at=seen_at,
                    complete_sources=complete,
                )  # fmt: skip
                for key, value in stats.counts().items():
                    outcome.loaded[key] = outcome.loaded.get(key, 0) + value
                outcome.problems += [f"{result.items_path}: {p}" for p in stats.problems]
            for problem in outcome.problems:
                logger.warning("%s: %s", result.source, problem)
            outcomes.append(outcome)
        warehouse.link_credential_skills(con, taxonomy.lookup)
        titles = warehouse.postings_for_classification(con)
        warehouse.load_posting_occupations(con, classify_table(_occupation_index(), titles))
    return outcomes


@task(name="detect_duplicates", cache_policy=NO_CACHE)
def detect_duplicates(db_path: Path, run_id: str, seen_at: datetime) -> DedupeStats:
    """Link near-duplicate postings to canonical ones; return the run's duplicate rate."""
    with warehouse.connect(db_path) as con:
        return find_duplicates(con, run_id=run_id, detected_at=seen_at)


@task(name="extract_partition", cache_policy=NO_CACHE)
def extract_partition(
    docs_path: Path, min_score: float, semantic: bool = True, overlay: Path | None = None
) -> Path:
    """Extract one Parquet partition of documents (runs on a Dask worker when configured)."""
    return partitions.extract_partition(docs_path, min_score, semantic=semantic, overlay=overlay)


@task(name="compute_scores", cache_policy=NO_CACHE)
def compute_scores(db_path: Path, top_n: int) -> warehouse.ScoreSummary:
    """Rebuild views and scores."""
    with warehouse.connect(db_path) as con:
        return warehouse.compute_scores(con, top_n=top_n)


@task(name="export_reports", cache_policy=NO_CACHE)
def export_reports(db_path: Path, exports_dir: Path) -> list[Path]:
    """Write the CSV exports, each to a temporary file renamed into place (never half written)."""
    exports_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    with warehouse.connect(db_path, read_only=True) as con:
        for name in REPORTS:
            final = exports_dir / f"{name}.csv"
            partial = exports_dir / f".{name}.csv.partial"
            warehouse.export_report(con, name, partial, fmt="csv")
            paths.append(partial.replace(final))
    return paths
