"""What one run did, as returned by the `nightly` flow and printed by the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SourceOutcome:
    """One source's crawl and load."""

    name: str
    kind: str
    items: int
    complete: bool
    error: str | None = None
    loaded: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@dataclass
class RunSummary:
    """Counts and highlights of a run."""

    run_id: str
    db_path: Path
    sources: list[SourceOutcome] = field(default_factory=list)
    active_postings: int = 0
    credentials: int = 0
    documents_extracted: int = 0
    mentions: int = 0
    top_skills: list[tuple[str, int, float]] = field(default_factory=list)
    alignment: list[tuple[str, float]] = field(default_factory=list)
    exports: list[Path] = field(default_factory=list)

    @property
    def degraded(self) -> bool:
        """True when any source failed."""
        return any(source.error for source in self.sources)
