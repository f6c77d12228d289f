"""The `skillsignal` command line: the only place that turns failures into exit codes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pipelines.cli_common import (
    ConfigOption,
    DbOption,
    FormatOption,  # noqa: F401 - shared helpers stay importable from here
    OutputFormat,  # noqa: F401
    console,
    err_console,
)
from pipelines.cli_common import config_for as _config
from pipelines.cli_common import fail as _fail
from pipelines.cli_common import handle as _handle
from pipelines.cli_common import print_rows as _print_rows  # noqa: F401
from pipelines.cli_taxonomy import taxonomy_app
from pipelines.settings import apply_prefect_defaults

app = typer.Typer(
    help="skillsignal: what employers demand, and how well micro-credentials teach it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command()
def run(
    demo: Annotated[bool, typer.Option(help="crawl the bundled sample site on 127.0.0.1")] = False,
    config_path: ConfigOption = None,
    db: DbOption = None,
    all_documents: Annotated[
        bool, typer.Option("--all-documents", help="re-extract every document, not just new ones")
    ] = False,
) -> None:
    """Run the nightly job once: crawl, load, extract, score, export.

    Example: skillsignal run --demo
    """
    try:
        config = _config(config_path, db)
        apply_prefect_defaults(Path(config.paths.data_dir).resolve() / ".prefect")
        from pipelines.flows import run_once

        if demo:
            from pipelines.demo import demo_sources, serve_demo

            with serve_demo() as base_url:
                summary = run_once(config, demo_sources(base_url), all_documents=all_documents)
        else:
            summary = run_once(config, all_documents=all_documents)
    except Exception as exc:
        raise _handle(exc) from exc
    from pipelines.crawl_report import print_crawl_report
    from pipelines.report_text import print_summary

    print_summary(console, summary)
    if summary.sources:
        print_crawl_report(console, summary.db_path, summary.run_id)
    if summary.degraded:
        raise typer.Exit(3)


@app.command()
def extract(  # noqa: PLR0917 - one parameter per typer option
    input_path: Annotated[
        Path | None, typer.Argument(help="JSONL file of {id, text}; '-' or none reads stdin")
    ] = None,
    min_score: Annotated[float, typer.Option(help="drop mentions scored below this")] = 0.0,
    taxonomy_path: Annotated[
        Path | None, typer.Option("--taxonomy", help="taxonomy Parquet (default: bundled ESCO)")
    ] = None,
    overlay_path: Annotated[
        Path | None,
        typer.Option("--overlay", help="overlay TOML: more ambiguous / suppressed labels"),
    ] = None,
    in_warehouse: Annotated[
        bool, typer.Option("--warehouse", help="the extract stage: new or changed documents")
    ] = False,
    all_documents: Annotated[
        bool, typer.Option("--all-documents", help="with --warehouse: every document")
    ] = False,
    config_path: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Extract skill mentions from JSONL {"id","text"} lines; write JSONL {"id","skills"}.

    With --warehouse, run the extract stage on the warehouse's new or changed documents, then
    the score stage.
    Example: echo '{"id":"1","text":"Python and SQL"}' | skillsignal extract
    """
    if in_warehouse:
        from pipelines.cli_ops import run_stages

        run_stages(["extract"], config_path, db, all_documents=all_documents)
        return
    from pipelines.extract_io import LineProblem, extract_lines
    from taxonomy import TaxonomyError, load_nlp
    from taxonomy.extract import implied_can_reach

    problems = 0

    def report(problem: LineProblem) -> None:
        nonlocal problems
        problems += 1
        err_console.print(f"{source_name}:{problem.line_no}: {problem.message}", highlight=False)

    source_name = "<stdin>" if input_path in (None, Path("-")) else str(input_path)
    try:
        stream = (
            sys.stdin
            if input_path in (None, Path("-"))
            else input_path.open(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
        )
    except OSError as exc:
        raise _fail(f"{input_path}: cannot read: {exc.strerror}") from exc
    try:
        nlp = load_nlp(
            taxonomy_path, overlay_path=overlay_path, implied_links=implied_can_reach(min_score)
        )
    except TaxonomyError as exc:
        raise _fail(str(exc)) from exc
    sys.stderr.write("SKILLBENCH_READY\n")
    sys.stderr.flush()
    for line in extract_lines(nlp, stream, report, min_score=min_score):
        sys.stdout.write(line + "\n")
    if problems:
        raise _fail(f"{problems} unreadable line(s) in {source_name}; the others were processed")


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="where to write the config")] = Path(
        "skillsignal.toml"
    ),
) -> None:
    """Write the documented default config to edit.

    Example: skillsignal init my-skillsignal.toml
    """
    from pipelines.config import default_config_text

    if path.exists():
        raise _fail(f"{path} already exists; not overwriting it")
    path.write_text(default_config_text(), encoding="utf-8")
    console.print(f"wrote {path}")


from pipelines import cli_analysis, cli_ops  # noqa: E402 - register the other commands

cli_ops.register(app)
cli_analysis.register(app)  # query, demand, trends, align, gaps, stack, export, report
app.add_typer(taxonomy_app, name="taxonomy")


def main() -> None:
    """Console-script entry point."""
    app()
