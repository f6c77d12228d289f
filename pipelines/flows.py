"""Flows: `nightly` (crawl -> load -> extract -> score -> report) and each part alone.

`crawl_sources` crawls only; `build_warehouse` runs the warehouse stages on the last crawl (or a
given one). Everything a flow writes to the warehouse goes to a working copy that is published
atomically when the run succeeds (see `pipelines.build`).
"""

from __future__ import annotations

from pathlib import Path
from typing import ParamSpec, TypeVar

from prefect import Flow, flow, get_run_logger

from pipelines.artifact import publish_run_artifact
from pipelines.build import STAGES, build
from pipelines.config import Config, SourceConfig, resolve_config
from pipelines.crawl import (
    CrawlFailed,
    CrawlResult,
    failed_result,
    latest_crawl_dir,
    read_manifest,
    write_manifest,
)
from pipelines.partitions import task_runner
from pipelines.runlog import RunLog, new_run_id
from pipelines.summary import RunSummary
from pipelines.tasks import crawl_source

P = ParamSpec("P")
R = TypeVar("R")


def _crawl(config: Config, sources: list[SourceConfig] | None, run_id: str) -> list[CrawlResult]:
    """Crawl the enabled sources concurrently; a failed source yields a result with its error."""
    chosen = [s for s in (sources if sources is not None else config.sources) if s.enabled]
    crawl_dir = Path(config.paths.data_dir) / "crawls" / run_id
    # The timeout is enforced on the spider subprocess (crawl.timeout_s), which kills it; a
    # Prefect task timeout cannot interrupt a blocking call in a worker thread.
    task = crawl_source.with_options(
        retries=config.crawl.retries, retry_delay_seconds=config.crawl.retry_delay_s
    )
    futures = [(source, task.submit(source, crawl_dir, config)) for source in chosen]
    results = []
    for source, future in futures:
        outcome = future.result(raise_on_failure=False)
        if isinstance(outcome, CrawlFailed):
            results.append(outcome.result)
        elif isinstance(outcome, BaseException):
            error = f"{type(outcome).__name__}: {outcome}"
            results.append(failed_result(source, crawl_dir, error))
        else:
            results.append(outcome)
    write_manifest(results, crawl_dir)
    return results


def _parameters(config: Config, **extra: object) -> dict[str, object]:
    return {"warehouse": str(config.warehouse.path), "top_n": config.scoring.top_n,
            "min_score": config.extraction.min_score, **extra}  # fmt: skip


@flow(name="nightly", log_prints=False)
def nightly(
    config: Config | None = None,
    sources: list[SourceConfig] | None = None,
    *,
    all_documents: bool = False,
    run_id: str | None = None,
) -> RunSummary:
    """Crawl every enabled source, then load, extract, score and report one run.

    Without ``config`` the flow reads `skillsignal.toml` (as a scheduled deployment does).
    """
    config = config or resolve_config()
    names = [s.name for s in (sources if sources is not None else config.sources) if s.enabled]
    run = RunLog(run_id or new_run_id(), "nightly",
                 _parameters(config, sources=names, all_documents=all_documents))  # fmt: skip
    with run.stage("crawl") as counts:
        results = _crawl(config, sources, run.run_id)
        counts.update(sources=len(results), failed=sum(1 for r in results if r.error),
                      items=sum(r.items for r in results))  # fmt: skip
    summary = build(config, run, STAGES, results=results, all_documents=all_documents)
    publish_run_artifact(summary)
    if summary.degraded:
        failed = [s.name for s in summary.sources if s.error]
        get_run_logger().warning("run %s degraded: %s", run.run_id, failed)
    return summary


@flow(name="crawl_sources", log_prints=False)
def crawl_sources(
    config: Config, sources: list[SourceConfig] | None = None, *, run_id: str | None = None
) -> list[CrawlResult]:
    """Crawl the enabled sources into `data/crawls/<run id>/` (the `skillsignal crawl` stage)."""
    return _crawl(config, sources, run_id or new_run_id())


@flow(name="build_warehouse", log_prints=False)
def build_warehouse(
    config: Config,
    stages: list[str],
    *,
    crawl_dir: Path | None = None,
    all_documents: bool = False,
    run_id: str | None = None,
) -> RunSummary:
    """Run warehouse stages alone (`skillsignal load|extract|score|report`)."""
    results = None
    if "load" in stages:
        crawl_dir = crawl_dir or latest_crawl_dir(Path(config.paths.data_dir))
        results = read_manifest(crawl_dir)
    parameters = _parameters(config, crawl_dir=str(crawl_dir), all_documents=all_documents)
    run = RunLog(run_id or new_run_id(), "+".join(stages), parameters)
    summary = build(config, run, stages, results=results, all_documents=all_documents)
    publish_run_artifact(summary)
    return summary


def with_task_runner(chosen_flow: Flow[P, R], config: Config) -> Flow[P, R]:
    """``chosen_flow`` with the task runner that ``config.compute`` asks for."""
    runner = task_runner(config.compute)
    return chosen_flow if runner is None else chosen_flow.with_options(task_runner=runner)


def run_once(
    config: Config, sources: list[SourceConfig] | None = None, *, all_documents: bool = False
) -> RunSummary:
    """Run `nightly` once (Prefect starts its temporary local API when no server is set)."""
    Path(config.paths.data_dir).mkdir(parents=True, exist_ok=True)
    return with_task_runner(nightly, config)(config, sources, all_documents=all_documents)
