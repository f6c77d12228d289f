"""Thin Prefect tasks over library calls: crawl, load, extract, score, export.

Retries go only on the crawl (network, subprocess); transforms are deterministic.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pyarrow as pa
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

import warehouse
from pipelines.config import Config, SourceConfig
from pipelines.crawl import CrawlResult, run_spider
from pipelines.summary import SourceOutcome
from taxonomy import Taxonomy, build_nlp, extract_mentions


@task(name="crawl_source", retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE)
def crawl_source(source: SourceConfig, out_dir: Path, config: Config) -> CrawlResult:
    """Crawl one source into `out_dir` (a failing site is reported in the result, not raised)."""
    result = run_spider(source, out_dir, config.crawl)
    get_run_logger().info(
        "%s: %d items, complete=%s%s", source.name, result.items, result.complete,
        f", error: {result.error}" if result.error else "",
    )  # fmt: skip
    return result


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
        warehouse.load_taxonomy(
            con, taxonomy.skills_table(), taxonomy.labels_table(), source="esco",
            version=taxonomy.version, attribution=taxonomy.attribution,
            checksum=_taxonomy_checksum(taxonomy),
        )  # fmt: skip
        for result in results:
            outcome = SourceOutcome(
                result.source, result.kind, result.items, result.complete, result.error
            )
            complete = {result.source} if result.complete else set()
            warehouse.record_crawl_run(
                con, run_id=run_id, source=result.source, kind=result.kind, seen_at=seen_at,
                complete=result.complete, error=result.error, stats=result.stats,
            )  # fmt: skip
            for load in (warehouse.load_postings, warehouse.load_credentials):
                stats = load(
                    con, result.items_path, run_id=run_id, seen_at=seen_at,
                    complete_sources=complete,
                )  # fmt: skip
                for key, value in stats.counts().items():
                    outcome.loaded[key] = outcome.loaded.get(key, 0) + value
                outcome.problems += [str(problem) for problem in stats.problems]
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
        texts = docs.column("text").to_pylist()
        rows: dict[str, list[object]] = {
            key: []
            for key in ("doc_kind", "doc_key", "content_hash", "skill_id", "start_char",
                        "end_char", "surface", "method", "confidence")
        }  # fmt: skip
        for i, mentions in enumerate(extract_mentions(nlp, texts)):
            for m in mentions:
                if m.score < min_score:
                    continue
                for key, value in (
                    ("doc_kind", docs.column("doc_kind")[i].as_py()),
                    ("doc_key", docs.column("doc_key")[i].as_py()),
                    ("content_hash", docs.column("content_hash")[i].as_py()),
                    ("skill_id", m.skill_id), ("start_char", m.start), ("end_char", m.end),
                    ("surface", m.surface), ("method", m.method), ("confidence", m.score),
                ):  # fmt: skip
                    rows[key].append(value)
        warehouse.replace_mentions(
            con, docs.select(["doc_kind", "doc_key", "content_hash"]), pa.table(rows),
            taxonomy_version=taxonomy.version,
        )  # fmt: skip
        return docs.num_rows, len(rows["skill_id"])


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
