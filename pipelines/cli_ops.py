"""Operations commands: each stage alone (`crawl`, `load`, `score`, `report`), `runs`, `serve`.

`skillsignal extract --warehouse` (in `pipelines.cli`) is the extract stage: plain
`skillsignal extract` keeps its JSONL contract. Load and extract are followed by the score stage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipelines.cli_common import (
    ConfigOption,
    DbOption,
    FormatOption,
    OutputFormat,
    config_for,
    console,
    handle,
    print_rows,
)
from pipelines.config import Config
from pipelines.settings import apply_prefect_defaults
from pipelines.summary import RunSummary

RunIdOption = Annotated[str | None, typer.Option("--run-id", help="run id (default: the time)")]


def _prepared(config_path: Path | None, db: Path | None) -> Config:
    config = config_for(config_path, db)
    apply_prefect_defaults(Path(config.paths.data_dir).resolve() / ".prefect")
    return config


def run_stages(
    stages: list[str],
    config_path: Path | None,
    db: Path | None,
    *,
    crawl_dir: Path | None = None,
    all_documents: bool = False,
    run_id: str | None = None,
) -> RunSummary:
    """Run warehouse stages alone as the `build_warehouse` flow; print what they did.

    Stages that change scoring inputs are followed by the score stage in the same run, so the
    published warehouse never holds stale demand rows (see `pipelines.build.with_score`).
    """
    from pipelines.build import with_score

    chosen = with_score(stages)
    try:
        config = _prepared(config_path, db)
        from pipelines.flows import build_warehouse, with_task_runner

        summary = with_task_runner(build_warehouse, config)(
            config, chosen, crawl_dir=crawl_dir, all_documents=all_documents, run_id=run_id
        )
    except Exception as exc:
        raise handle(exc) from exc
    from pipelines.crawl_report import print_crawl_report
    from pipelines.report_text import print_summary

    print_summary(console, summary)
    if summary.sources:
        print_crawl_report(console, summary.db_path, summary.run_id)
    if chosen != stages:
        done = ", ".join(stages)
        console.print(f"scored after {done}: stored demand rows are current", highlight=False)
    return summary


def crawl(
    demo: Annotated[bool, typer.Option(help="crawl the bundled sample site on 127.0.0.1")] = False,
    config_path: ConfigOption = None,
    run_id: RunIdOption = None,
) -> None:
    """Crawl the enabled sources into data/crawls/<run id>/ (exit code 3 when one failed).

    Example: skillsignal crawl
    """
    try:
        config = _prepared(config_path, None)
        from pipelines.flows import crawl_sources, with_task_runner

        flow = with_task_runner(crawl_sources, config)
        if demo:
            from pipelines.demo import demo_sources, serve_demo

            with serve_demo() as base_url:
                results = flow(config, demo_sources(base_url), run_id=run_id)
        else:
            results = flow(config, run_id=run_id)
    except Exception as exc:
        raise handle(exc) from exc
    rows = [(r.source, r.kind, r.items, r.complete, r.error or "") for r in results]
    print_rows(["name", "kind", "items", "complete", "error"], rows, OutputFormat.table, "crawl")
    if results:
        console.print(f"crawled into {results[0].items_path.parent}", highlight=False)
    if any(r.error for r in results):
        raise typer.Exit(3)


def load(
    crawl_dir: Annotated[
        Path | None,
        typer.Option("--crawl-dir", help="a data/crawls/<run id> folder (default: the last)"),
    ] = None,
    config_path: ConfigOption = None,
    db: DbOption = None,
    run_id: RunIdOption = None,
) -> None:
    """Load a crawl into the warehouse, then score (published atomically; readers never wait).

    Example: skillsignal load --crawl-dir data/crawls/20260730T020000Z
    """
    summary = run_stages(["load"], config_path, db, crawl_dir=crawl_dir, run_id=run_id)
    if summary.degraded:
        raise typer.Exit(3)


def score(config_path: ConfigOption = None, db: DbOption = None) -> None:
    """Recompute demand and alignment scores in the warehouse.

    Example: skillsignal score
    """
    run_stages(["score"], config_path, db)


def report(config_path: ConfigOption = None, db: DbOption = None) -> None:
    """Write the exports (alignment, demand, gaps CSV) of the published warehouse.

    Example: skillsignal report
    """
    try:
        config = _prepared(config_path, db)
        from pipelines.tasks import export_reports

        paths = export_reports.fn(Path(config.warehouse.path), Path(config.paths.exports_dir))
    except Exception as exc:
        raise handle(exc) from exc
    for path in paths:
        console.print(f"exported {path}", highlight=False)


def runs(
    limit: Annotated[int, typer.Option(help="how many runs")] = 20,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """List recent runs: status, stages with counts and durations, errors, taxonomy version.

    Example: skillsignal runs --limit 5
    """
    import warehouse

    try:
        config = config_for(config_path, db)
        with warehouse.connect(config.warehouse.path, read_only=True) as con:
            columns, rows = warehouse.list_pipeline_runs(con, limit)
    except Exception as exc:
        raise handle(exc) from exc
    print_rows(columns, rows, fmt, "runs")


def serve(
    port: Annotated[int, typer.Option(help="port of the local Prefect server")] = 4200,
    config_path: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Run the nightly schedule of skillsignal.toml until stopped with Ctrl-C.

    Starts a Prefect server on 127.0.0.1 (or uses the one running there, or $PREFECT_API_URL).
    Example: skillsignal serve
    """
    import os

    try:
        config = _prepared(config_path, db)
        if config_path:
            os.environ["SKILLSIGNAL_CONFIG"] = str(config_path.resolve())
        if db:
            os.environ["SKILLSIGNAL_DB"] = str(db.resolve())
        from pipelines.serve import serve_nightly

        console.print(
            f"serving nightly: cron {config.schedule.cron!r} ({config.schedule.timezone})",
            highlight=False,
        )
        serve_nightly(config, port)
    except KeyboardInterrupt:
        return
    except Exception as exc:
        raise handle(exc) from exc


def register(app: typer.Typer) -> None:
    """Add these commands to the `skillsignal` app."""
    for command in (crawl, load, score, report, runs, serve):
        app.command()(command)
