"""Thin Prefect tasks over library calls: crawl, load, extract, score, export.

Retries go only on the crawl (network, subprocess); transforms are deterministic.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

import warehouse
from pipelines.config import Config, SourceConfig
from pipelines.crawl import CrawlResult, run_spider
from pipelines.summary import SourceOutcome
from taxonomy import Taxonomy, build_nlp, extract_mentions

MENTION_COLUMNS = (
    "doc_kind", "doc_key", "content_hash", "skill_id", "start_char", "end_char", "surface",
    "method", "confidence",
)  # fmt: skip


@task(name="crawl_source", retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE)
def crawl_source(source: SourceConfig, out_dir: Path, config: Config) -> CrawlResult:
    """Crawl one source into `out_dir` (a failing site is reported in the result, not raised)."""
    result = run_spider(source, out_dir, config.crawl)
    get_run_logger().info(
        "%s: %d items, complete=%s%s", source.name, result.items, result.complete,
        f", error: {result.error}" if result.error else "",
    )  # fmt: skip
    return result


def _stat(stats: dict[str, object], key: str) -> int:
    value = stats.get(key, 0)
    return value if isinstance(value, int) else 0


def _taxonomy_checksum(taxonomy: Taxonomy) -> str:
    digest = hashlib.sha256(taxonomy.version.encode())
    for skill_id in sorted(taxonomy.skills):
        digest.update(skill_id.encode())
    return digest.hexdigest()[:16]


@task(name="load_crawls", cache_policy=NO_CACHE)
def load_crawls(
    db_path: Path, taxonomy: Taxonomy, results: list[CrawlResult], run_id: str, seen_at: datetime
) -> list[SourceOutcome]:
    """Migrate the warehouse, load the taxonomy and every crawl file in one writer session."""
    logger = get_run_logger()
    outcomes = []
    with warehouse.connect(db_path) as con:
        warehouse.apply_migrations(con)
        warehouse.apply_views(con)
        warehouse.load_taxonomy(
            con, taxonomy.skills_table(), taxonomy.labels_table(), source="esco",
            version=taxonomy.version, attribution=taxonomy.attribution,
            checksum=_taxonomy_checksum(taxonomy),
        )  # fmt: skip
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
    return outcomes


@task(name="extract_skills", cache_policy=NO_CACHE)
def extract_skills(
    db_path: Path, taxonomy: Taxonomy, *, all_documents: bool, min_score: float
) -> tuple[int, int]:
    """Extract mentions from new or changed documents; return (documents, mentions)."""
    with warehouse.connect(db_path) as con:
        docs = warehouse.documents_for_extraction(con, all_documents=all_documents)
        if docs.num_rows == 0:
            return 0, 0
        nlp = build_nlp(taxonomy)
        columns: dict[str, list[object]] = {name: [] for name in MENTION_COLUMNS}
        keys = docs.select(["doc_kind", "doc_key", "content_hash"]).to_pylist()
        texts = docs.column("text").to_pylist()
        for doc, mentions in zip(keys, extract_mentions(nlp, texts), strict=True):
            for m in mentions:
                if m.score < min_score:
                    continue
                row = {**doc, "skill_id": m.skill_id, "start_char": m.start, "end_char": m.end,
                       "surface": m.surface, "method": m.method, "confidence": m.score}  # fmt: skip
                for name in MENTION_COLUMNS:
                    columns[name].append(row[name])
        stored = warehouse.replace_mentions(
            con, pa.table(columns), documents=docs.select(["doc_kind", "doc_key", "content_hash"])
        )
        return docs.num_rows, stored


@task(name="compute_scores", cache_policy=NO_CACHE)
def compute_scores(db_path: Path, top_n: int) -> None:
    """Rebuild views and scores."""
    with warehouse.connect(db_path) as con:
        warehouse.compute_scores(con, top_n=top_n)


@task(name="export_reports", cache_policy=NO_CACHE)
def export_reports(db_path: Path, exports_dir: Path) -> list[Path]:
    """Write the run's CSV exports."""
    exports_dir.mkdir(parents=True, exist_ok=True)
    with warehouse.connect(db_path, read_only=True) as con:
        return [
            warehouse.export_report(con, name, exports_dir / f"{name}.csv", fmt="csv")
            for name in ("alignment", "demand", "gaps")
        ]
