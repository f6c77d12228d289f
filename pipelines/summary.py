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
    movers: list[tuple[str, float, float]] = field(default_factory=list)

    @property
    def degraded(self) -> bool:
        """True when any source failed."""
        return any(source.error for source in self.sources)


def top_movers(
    before: dict[str, tuple[str, float]], after: dict[str, tuple[str, float]], n: int = 5
) -> list[tuple[str, float, float]]:
    """The ``n`` skills whose demand share moved most: (label, share before, share after).

    Example:
        >>> top_movers({"a": ("A", 0.5)}, {"a": ("A", 0.2), "b": ("B", 0.1)}, n=1)
        [('A', 0.5, 0.2)]
    """
    moves = []
    for skill_id in before.keys() | after.keys():
        label = (after.get(skill_id) or before[skill_id])[0]
        old, new = before.get(skill_id, (label, 0.0))[1], after.get(skill_id, (label, 0.0))[1]
        if old != new:
            moves.append((label, old, new))
    moves.sort(key=lambda move: (-abs(move[2] - move[1]), move[0]))
    return moves[:n]
