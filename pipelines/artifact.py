"""The Prefect markdown artifact summarising a run: sources, new/closed postings, movers."""

from __future__ import annotations

from prefect.artifacts import create_markdown_artifact

from pipelines.summary import RunSummary


def run_markdown(summary: RunSummary) -> str:
    """Markdown of a run: per-source counts (new, updated, closed), top movers and failures."""
    status = "degraded" if summary.degraded else "completed"
    lines = [
        f"# skillsignal run {summary.run_id}: {status}",
        "",
        f"{summary.active_postings} active postings, {summary.credentials} credentials; "
        f"{summary.mentions} mentions from {summary.documents_extracted} new or changed documents.",
        "",
    ]
    if summary.sources:
        lines += [
            "| source | items | new | updated | closed | problem |",
            "|---|---|---|---|---|---|",
        ]
        for s in summary.sources:
            problem = (s.error or "").replace("|", "/")
            lines.append(
                f"| {s.name} | {s.items} | {s.loaded.get('inserted', 0)} | "
                f"{s.loaded.get('updated', 0)} | {s.loaded.get('closed', 0)} | {problem} |"
            )
        lines.append("")
    if summary.movers:
        lines += ["## Top movers in demand", "", "| skill | before | after |", "|---|---|---|"]
        lines += [f"| {label} | {old:.1%} | {new:.1%} |" for label, old, new in summary.movers]
        lines.append("")
    failures = [s for s in summary.sources if s.error]
    if failures:
        lines += ["## Failures", ""] + [f"- **{s.name}**: {s.error}" for s in failures]
    return "\n".join(lines) + "\n"


def publish_run_artifact(summary: RunSummary) -> None:
    """Attach the run's markdown summary to the current Prefect flow run (key `run-summary`)."""
    create_markdown_artifact(
        markdown=run_markdown(summary), key="run-summary", description=f"run {summary.run_id}"
    )
