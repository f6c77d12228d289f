"""Build the warehouse stages of a run into a working copy and publish it atomically.

Every stage writes to the run's working file (`warehouse.building`); analysts keep reading the
published file until the whole run is swapped in, and a crash leaves the published file as it was.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

import warehouse
from pipelines import partitions
from pipelines.config import Config
from pipelines.crawl import CrawlResult, adopt_crawl_state
from pipelines.runlog import RunLog
from pipelines.summary import RunSummary, SourceOutcome, top_movers
from pipelines.tasks import (
    compute_scores,
    detect_duplicates,
    export_reports,
    extract_partition,
    load_crawls,
    prepare_warehouse,
)
from taxonomy import load_taxonomy

logger = logging.getLogger(__name__)

STAGES = ("load", "extract", "score", "report")
# Stages that change the inputs of the demand rows the score stage stores (`int_demand_inputs`).
RESCORED_STAGES = ("load", "extract")


def with_score(stages: Sequence[str]) -> list[str]:
    """``stages``, plus the score stage when one of them changes what the stored rows hold.

    Reads use the stored demand rows only while their inputs are unchanged, so a load or an
    extraction left unscored makes every read compute them live (slow) until the next score.
    It scores even when the stage changed nothing: the rows may be stale from before (a new
    taxonomy, an older unscored load), telling that costs a pass over the inputs, and scoring
    is idempotent.

    Example:
        >>> with_score(["load"]), with_score(["report"])
        (['load', 'score'], ['report'])
    """
    if "score" in stages or not set(stages) & set(RESCORED_STAGES):
        return list(stages)
    return [*stages, "score"]


def _demand(path: Path) -> dict[str, tuple[str, float]]:
    """Demand shares in the published warehouse before the run (empty when there is none)."""
    if not path.exists():
        return {}
    with warehouse.connect(path, read_only=True) as con:
        try:
            return warehouse.demand_shares(con)
        except duckdb.CatalogException:  # published by an older version without the views
            return {}


def _load_counts(outcomes: list[SourceOutcome]) -> dict[str, int]:
    counts = {"sources": len(outcomes), "failed": sum(1 for o in outcomes if o.error)}
    for outcome in outcomes:
        for key, value in outcome.loaded.items():
            counts[key] = counts.get(key, 0) + value
    return counts


def extract_documents(
    config: Config, work: Path, run_id: str, *, all_documents: bool
) -> tuple[int, int]:
    """Extract new or changed documents partition by partition; return (documents, mentions).

    The partition files (in `data/partitions/<run id>/`) are removed once stored.
    """
    part_dir = Path(config.paths.data_dir) / "partitions" / run_id
    extraction = config.extraction
    extractor = partitions.extractor_id(
        extraction.min_score, semantic=extraction.semantic, overlay=extraction.overlay
    )
    docs_paths = partitions.write_partitions(
        work,
        part_dir,
        all_documents=all_documents,
        rows=config.compute.partition_rows,
        extractor=extractor,
    )
    if not docs_paths:
        return 0, 0
    futures = [
        extract_partition.submit(
            p, config.extraction.min_score, config.extraction.semantic, config.extraction.overlay
        )
        for p in docs_paths
    ]
    mention_paths = [future.result() for future in futures]
    documents = sum(partitions.pq.read_metadata(p).num_rows for p in docs_paths)
    mentions = partitions.store_mentions(work, docs_paths, mention_paths, extractor)
    shutil.rmtree(part_dir)
    return documents, mentions


def build(
    config: Config,
    run: RunLog,
    stages: Sequence[str] = STAGES,
    *,
    results: list[CrawlResult] | None = None,
    all_documents: bool = False,
) -> RunSummary:
    """Run ``stages`` (in `STAGES` order) on a working copy, record the run, then publish it."""
    published = Path(config.warehouse.path)
    summary = RunSummary(run_id=run.run_id, db_path=published)
    before = _demand(published)
    try:
        with warehouse.building(published) as work:
            plan = _Plan(config, run, stages, work, results or [], all_documents)
            _run_stages(plan, summary)
            with warehouse.connect(work) as con:
                overview = warehouse.run_overview(con, top=5)
                after = warehouse.demand_shares(con)
                run.record(con, "degraded" if summary.degraded else "completed")
    except Exception as exc:
        _record_failure(published, run, exc)
        raise
    if "load" in stages and results:
        # Only now that the run is published may the next crawl ask for changed pages only.
        adopt_crawl_state(results, Path(config.paths.data_dir) / "state")
    summary.active_postings, summary.credentials = overview.active_postings, overview.credentials
    summary.top_skills, summary.alignment = overview.top_skills, overview.alignment
    summary.movers = top_movers(before, after)
    return summary


@dataclass(frozen=True)
class _Plan:
    config: Config
    run: RunLog
    stages: Sequence[str]
    work: Path
    results: list[CrawlResult]
    all_documents: bool


@contextmanager
def _stage(plan: _Plan, name: str) -> Iterator[dict[str, int]]:
    """Time and count stage ``name``, and note it in the warehouse's lock file."""
    warehouse.note_progress(Path(plan.config.warehouse.path), name)
    with plan.run.stage(name) as counts:
        yield counts


def _run_stages(plan: _Plan, summary: RunSummary) -> None:
    config, run, stages, work = plan.config, plan.run, plan.stages, plan.work
    taxonomy = load_taxonomy()
    prepare_warehouse(work, taxonomy)
    if "load" in stages:
        with _stage(plan, "load") as counts:
            summary.sources = load_crawls(work, taxonomy, plan.results, run.run_id, run.started_at)
            counts.update(_load_counts(summary.sources))
            dupes = detect_duplicates(work, run.run_id, run.started_at)
            counts.update(duplicates=dupes.duplicates, active_postings=dupes.postings,
                          duplicate_rate_permille=round(1000 * dupes.duplicate_rate))  # fmt: skip
        run.errors += [f"crawl {s.name}: {s.error}" for s in summary.sources if s.error]
    if "extract" in stages:
        with _stage(plan, "extract") as counts:
            documents, mentions = extract_documents(
                config, work, run.run_id, all_documents=plan.all_documents
            )
            counts.update(documents=documents, mentions=mentions)
        summary.documents_extracted, summary.mentions = documents, mentions
    if "score" in stages:
        with _stage(plan, "score") as counts:
            scores = compute_scores(work, config.scoring.top_n)
            counts.update(demanded_skills=scores.demanded_skills,
                          credentials_scored=scores.credentials_scored)  # fmt: skip
    if "report" in stages:
        with _stage(plan, "report") as counts:
            summary.exports = export_reports(work, Path(config.paths.exports_dir))
            counts["files"] = len(summary.exports)


def _record_failure(published: Path, run: RunLog, exc: Exception) -> None:
    """Best effort: publish the record of a failed run (the data of the run is discarded)."""
    if isinstance(exc, warehouse.WarehouseLockedError):
        return  # another run is building; it records itself
    if not run.errors:
        run.errors.append(f"{type(exc).__name__}: {exc}")
    try:
        with warehouse.building(published) as work, warehouse.connect(work) as con:
            warehouse.apply_migrations(con)
            run.record(con, "failed")
    except Exception:
        logger.exception("could not record failed run %s", run.run_id)
