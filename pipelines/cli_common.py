"""What every `skillsignal` command shares: consoles, options, config, errors, row printing."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pipelines.config import Config, resolve_config
from pipelines.errors import PipelineError

console = Console()
err_console = Console(stderr=True, soft_wrap=True, highlight=False)


class OutputFormat(StrEnum):
    """How read commands print rows."""

    table = "table"
    csv = "csv"
    json = "json"


TABLE_HIDDEN_COLUMNS = {"url", "credential_key", "source", "parameters"}

ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="config file (default ./skillsignal.toml)")
]
DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB warehouse file")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="output format")]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` as an error and return the exit to raise."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def config_for(config_path: Path | None, db: Path | None) -> Config:
    """The config in effect for a command (see `pipelines.config.resolve_config`)."""
    return resolve_config(config_path, db)


def print_rows(
    columns: list[str], rows: list[tuple[object, ...]], fmt: OutputFormat, title: str
) -> None:
    """Print rows as a rich table, CSV or JSON lines."""
    if fmt is OutputFormat.json:
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row, strict=True)), default=str) + "\n")
    elif fmt is OutputFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        # Keys and URLs stay in csv/json output; a terminal table has no room for them.
        keep = [i for i, c in enumerate(columns) if c not in TABLE_HIDDEN_COLUMNS]
        columns = [columns[i] for i in keep]
        rows = [tuple(row[i] for i in keep) for row in rows]
        table = Table(title=title)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*("" if value is None else str(value) for value in row))
        console.print(table)


def handle(exc: Exception) -> typer.Exit:
    """Known library and config errors become one-line messages; anything else propagates."""
    known = ("warehouse", "taxonomy", "pipelines")
    if isinstance(exc, PipelineError) or type(exc).__module__.split(".")[0] in known:
        return fail(str(exc))
    raise exc
