"""Analysis commands: `query`, `demand`, `trends`, `align`, `gaps`, `stack`, `export`, `report`.

They read the published warehouse read-only. The scope options (`--as-of`, `--window`,
`--since`, `--occupation`, `--region`, `--remote`, `--employer`, `--source`) filter the
postings behind every number (warehouse/SCORING.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

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

AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="end date YYYY-MM-DD (default: newest posting)")
]
WindowOption = Annotated[
    int, typer.Option("--window", help="days up to --as-of (e.g. 30, 90); 0 = active postings")
]
SinceOption = Annotated[str | None, typer.Option(help="only postings from this date YYYY-MM-DD")]
OccupationOption = Annotated[
    str | None, typer.Option(help="ESCO occupation (URI or label) or ISCO code prefix")
]
RegionOption = Annotated[str | None, typer.Option(help="country code or part of the location")]
RemoteOption = Annotated[bool | None, typer.Option("--remote/--on-site", help="remote or not")]
EmployerOption = Annotated[str | None, typer.Option(help="employer name (any case)")]
SourceOption = Annotated[str | None, typer.Option(help="source name or prefix, e.g. greenhouse")]
EXPORTS = ("demand", "trends", "alignment", "gaps", "stack", "explain", "cooccurrence")


def _scope(  # noqa: PLR0917 - one parameter per option
    as_of: str | None,
    window: int,
    since: str | None,
    occupation: str | None,
    region: str | None,
    remote: bool | None = None,
    employer: str | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    values = {
        "as_of": as_of, "window_days": window or None, "since": since, "occupation": occupation,
        "region": region, "remote": remote, "employer": employer, "source": source,
    }  # fmt: skip
    return {key: value for key, value in values.items() if value is not None}


def _with_warehouse(db: Path | None, config_path: Path | None, work: Callable[[Any], Any]) -> Any:
    import warehouse

    try:
        config = config_for(config_path, db)
        with warehouse.connect(config.warehouse.path, read_only=True) as con:
            return work(con)
    except Exception as exc:
        raise handle(exc) from exc


def _show(  # noqa: PLR0917
    db: Path | None,
    config_path: Path | None,
    name: str,
    params: dict[str, Any],
    fmt: OutputFormat,
    title: str,
) -> None:
    import warehouse

    columns, rows = _with_warehouse(
        db, config_path, lambda con: warehouse.query_rows(con, name, params)
    )
    print_rows(columns, rows, fmt, title)


def query(
    text: Annotated[str, typer.Argument(help="a skill name or part of one")],
    limit: Annotated[int, typer.Option(help="rows to show")] = 20,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """Find skills by name, with their demand and the credentials that cover them.

    Example: skillsignal query "SQL"
    """
    import warehouse

    columns, rows = _with_warehouse(
        db, config_path, lambda con: warehouse.search_skills(con, text, limit)
    )
    print_rows(columns, rows, fmt, f"skills matching {text!r}")


def demand(  # noqa: PLR0917 - one parameter per typer option
    top: Annotated[int, typer.Option(help="how many skills")] = 20,
    occupation: OccupationOption = None,
    region: RegionOption = None,
    since: SinceOption = None,
    as_of: AsOfOption = None,
    window: WindowOption = 0,
    remote: RemoteOption = None,
    employer: EmployerOption = None,
    source: SourceOption = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """The most demanded skills: share of postings, its band, growth, emerging flag.

    Example: skillsignal demand --top 10 --occupation 2511 --window 30
    """
    scope = _scope(as_of, window, since, occupation, region, remote, employer, source)
    _show(db, config_path, "demand", {"limit": top, **scope}, fmt, "skill demand")


def trends(  # noqa: PLR0917 - one parameter per typer option
    period: Annotated[str, typer.Option(help="month or week")] = "month",
    skills: Annotated[int, typer.Option(help="how many top skills")] = 10,
    occupation: OccupationOption = None,
    region: RegionOption = None,
    since: SinceOption = None,
    as_of: AsOfOption = None,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """Demand of the top skills per month or week, with growth against the period before.

    Example: skillsignal trends --period week --skills 5
    """
    scope = _scope(as_of, 0, since, occupation, region)
    params = {"period": period, "skills": skills, **scope}
    _show(db, config_path, "trends", params, fmt, f"skill demand per {period}")


def align(  # noqa: PLR0917 - one parameter per typer option
    credential: Annotated[
        str | None, typer.Option(help="one credential (key or part of its title): explain it")
    ] = None,
    occupation: OccupationOption = None,
    region: RegionOption = None,
    as_of: AsOfOption = None,
    window: WindowOption = 0,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """Alignment of credentials with demand (score, band, coverage, relevance), best first.

    With --credential, also the per-skill explanation. Example: skillsignal align --occupation 2511
    """
    scope = _scope(as_of, window, None, occupation, region)
    params = {"credential": credential or "", **scope}
    _show(db, config_path, "alignment", params, fmt, "credential alignment")
    if credential:
        _show(db, config_path, "explain", params, fmt, f"why {credential!r} scores so")


def gaps(  # noqa: PLR0917 - one parameter per typer option
    credential: Annotated[
        str | None, typer.Option(help="one credential (key or part of its title)")
    ] = None,
    top: Annotated[int, typer.Option(help="gaps per credential")] = 10,
    occupation: OccupationOption = None,
    region: RegionOption = None,
    as_of: AsOfOption = None,
    window: WindowOption = 0,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """The most demanded skills a credential misses (with any partial credit it earns).

    Example: skillsignal gaps --credential "Python for Everybody"
    """
    scope = _scope(as_of, window, None, occupation, region)
    params = {"credential": credential or "", "per_credential": top, **scope}
    _show(db, config_path, "gaps", params, fmt, "skill gaps")


def stack(  # noqa: PLR0917 - one parameter per typer option
    occupation: OccupationOption = None,
    target: Annotated[float, typer.Option(help="coverage to reach, 0..1")] = 0.8,
    cost: Annotated[str, typer.Option(help="hours or price")] = "hours",
    max_steps: Annotated[int, typer.Option(help="most credentials in the stack")] = 10,
    region: RegionOption = None,
    as_of: AsOfOption = None,
    window: WindowOption = 0,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """The cheapest-first stack of credentials reaching a coverage target (greedy).

    Example: skillsignal stack --occupation "data scientist" --target 0.8
    """
    scope = _scope(as_of, window, None, occupation, region)
    table = _with_warehouse(
        db, config_path, lambda con: _stack_table(con, target, cost, max_steps, scope)
    )
    rows = [tuple(row.values()) for row in table.to_pylist()]
    print_rows(table.column_names, rows, fmt, f"stack to coverage {target:g}")


def export(  # noqa: PLR0917 - one parameter per typer option
    name: Annotated[str, typer.Argument(help=f"report: {', '.join(EXPORTS)}")],
    out: Annotated[Path, typer.Option("--out", "-o", help="output file (.csv or .parquet)")],
    occupation: OccupationOption = None,
    region: RegionOption = None,
    since: SinceOption = None,
    as_of: AsOfOption = None,
    window: WindowOption = 0,
    target: Annotated[float, typer.Option(help="stack: coverage to reach")] = 0.8,
    db: DbOption = None,
    config_path: ConfigOption = None,
) -> None:
    """Export a report to CSV (spreadsheet-safe) or Parquet.

    Example: skillsignal export alignment --out alignment.csv
    """
    import warehouse

    fmt = "parquet" if out.suffix.lower() == ".parquet" else "csv"
    scope = _scope(as_of, window, since, occupation, region)

    def write(con: Any) -> Path:
        if name == "stack":
            table = _stack_table(con, target, "hours", 10, scope)
            return warehouse.write_table(table, out, fmt=fmt)
        return warehouse.export_report(con, name, out, fmt=fmt, params=scope)

    console.print(f"wrote {_with_warehouse(db, config_path, write)}")


def report(  # noqa: PLR0917 - one parameter per typer option
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="write the HTML report to this file")
    ] = None,
    occupation: OccupationOption = None,
    region: RegionOption = None,
    as_of: AsOfOption = None,
    window: WindowOption = 0,
    config_path: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """With --out: one self-contained HTML report (charts, heatmap, gaps); else the CSV exports.

    Example: skillsignal report --out report.html
    """
    if out is None:
        from pipelines import cli_ops

        cli_ops.report(config_path=config_path, db=db)
        return
    import warehouse

    scope = _scope(as_of, window, None, occupation, region)
    path = _with_warehouse(db, config_path, lambda con: warehouse.render_report(con, out, **scope))
    console.print(f"wrote {path}")


def _stack_table(con: Any, target: float, cost: str, max_steps: int, scope: dict[str, Any]):
    import warehouse

    found = warehouse.recommend_stack(con, target=target, cost=cost, max_steps=max_steps, **scope)
    if not found.reached:
        console.print(f"coverage {found.coverage:.3f} stays below the target {target:g}")
    return warehouse.stack_table(found)


def register(app: typer.Typer) -> None:
    """Add the analysis commands to the `skillsignal` app.

    `report` replaces the stage command of the same name (`pipelines.cli_ops.report`), which it
    still runs when no ``--out`` is given, so call this after `cli_ops.register`.
    """
    app.registered_commands[:] = [
        info
        for info in app.registered_commands
        if (info.name or info.callback.__name__.replace("_", "-")) != "report"  # type: ignore[union-attr]
    ]
    for command in (query, demand, trends, align, gaps, stack, export, report):
        app.command()(command)
