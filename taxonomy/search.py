"""Fuzzy search over skill labels (rapidfuzz), one hit per skill."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from taxonomy.labels import normalize_label

SEARCH_CUTOFF = 70.0
"""Lowest rapidfuzz ``WRatio`` (0-100) a search hit may have."""


def search_labels(
    labels: Sequence[tuple[str, str]], text: str, *, limit: int = 10, cutoff: float = SEARCH_CUTOFF
) -> list[tuple[str, str, float]]:
    """Return ``(skill_id, matched label, score)`` for the best skills, best first.

    ``labels`` are ``(skill_id, label)`` pairs; each skill appears once, with its best label.

    Example: ``search_labels([("id:1", "Kubernetes")], "kubernets")`` -> ``[("id:1",
    "Kubernetes", 94.7)]``
    """
    keys = [normalize_label(label) for _, label in labels]
    hits = process.extract(
        normalize_label(text), keys, scorer=fuzz.WRatio, limit=limit * 5, score_cutoff=cutoff
    )
    best: dict[str, tuple[str, str, float]] = {}
    for _, score, position in sorted(hits, key=lambda hit: (-hit[1], len(hit[0]), hit[2])):
        skill_id, label = labels[position]
        best.setdefault(skill_id, (skill_id, label, round(score, 1)))
    return list(best.values())[:limit]
