"""The `nightly` flow: crawl -> load -> extract -> score -> export."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger

import warehouse
from pipelines.config import Config, SourceConfig
from pipelines.crawl import CrawlResult
from pipelines.summary import RunSummary
from pipelines.tasks import (
    compute_scores,
    crawl_source,
    export_reports,
    extract_skills,
    load_crawls,
)
from taxonomy import load_taxonomy


@flow(name="nightly", log_prints=False)
def nightly(
    config: Config,
    sources: list[SourceConfig] | None = None,
    *,
    all_documents: bool = False,
    run_id: str | None = None,
) -> RunSummary:
    """Crawl every enabled source, load, extract skills, score and export one run."""
    logger = get_run_logger()
    started = datetime.now(UTC)
    run_id = run_id or started.strftime("%Y%m%dT%H%M%SZ")
    chosen = [s for s in (sources if sources is not None else config.sources) if s.enabled]
    crawl_dir = config.paths.data_dir / "crawls" / run_id
    futures = [crawl_source.submit(source, crawl_dir, config) for source in chosen]
    results: list[CrawlResult] = [future.result() for future in futures]
    taxonomy = load_taxonomy()
    db_path = config.warehouse.path
    outcomes = load_crawls(db_path, taxonomy, results, run_id, started)
    documents, mentions = extract_skills(
        db_path, taxonomy, all_documents=all_documents, min_score=config.extraction.min_score
    )
    compute_scores(db_path, config.scoring.top_n)
    exports = export_reports(db_path, config.paths.exports_dir)
    summary = RunSummary(run_id=run_id, db_path=db_path, sources=outcomes, exports=exports)
    summary.documents_extracted, summary.mentions = documents, mentions
    with warehouse.connect(db_path, read_only=True) as con:
        overview = warehouse.run_overview(con, top=5)
    summary.active_postings = overview.active_postings
    summary.credentials = overview.credentials
    summary.top_skills = overview.top_skills
    summary.alignment = overview.alignment
    if summary.degraded:
        logger.warning("run %s degraded: %s", run_id, [s.name for s in outcomes if s.error])
    return summary


def run_once(
    config: Config, sources: list[SourceConfig] | None = None, *, all_documents: bool = False
) -> RunSummary:
    """Run `nightly` once (Prefect starts its temporary local API when no server is set)."""
    Path(config.paths.data_dir).mkdir(parents=True, exist_ok=True)
    return nightly(config, sources, all_documents=all_documents)
