"""The short summary `skillsignal run` prints."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from pipelines.summary import RunSummary


def print_summary(console: Console, summary: RunSummary) -> None:
    """Print sources, counts, top skills and the best and worst aligned credentials."""
    sources = Table(title=f"run {summary.run_id}: sources")
    for column in ("source", "kind", "items", "complete", "new", "updated", "closed", "problem"):
        sources.add_column(column)
    for s in summary.sources:
        problem = s.error or (f"{len(s.problems)} bad record(s)" if s.problems else "")
        sources.add_row(
            s.name, s.kind, str(s.items), "yes" if s.complete else "no",
            str(s.loaded.get("inserted", 0)), str(s.loaded.get("updated", 0)),
            str(s.loaded.get("closed", 0)), problem,
        )  # fmt: skip
    console.print(sources)
    console.print(
        f"warehouse {summary.db_path}: {summary.active_postings} active postings, "
        f"{summary.credentials} credentials, {summary.mentions} new mentions from "
        f"{summary.documents_extracted} new or changed documents",
        highlight=False,
    )
    if summary.top_skills:
        top = ", ".join(f"{label} ({share:.0%})" for label, _, share in summary.top_skills)
        console.print(f"top skills: {top}", highlight=False)
    if summary.alignment:
        best, worst = summary.alignment[0], summary.alignment[-1]
        console.print(f"best aligned: {best[0]} ({best[1]:.2f})", highlight=False)
        console.print(f"worst aligned: {worst[0]} ({worst[1]:.2f})", highlight=False)
    for path in summary.exports:
        console.print(f"exported {path}", highlight=False)
    if summary.degraded:
        console.print("[yellow]run degraded: some sources failed (see above)[/]")
