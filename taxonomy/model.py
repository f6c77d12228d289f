"""Value objects of the taxonomy package: skills, their labels and extracted mentions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LabelKind = Literal["preferred", "alt", "hidden", "derived"]
"""How a label belongs to a skill: ESCO's preferred/alt/hidden labels, or one we derived."""

LABEL_KINDS: tuple[LabelKind, ...] = ("preferred", "alt", "hidden", "derived")
"""Label kinds, strongest first; a label shared by several skills ranks them in this order."""


@dataclass(frozen=True)
class Skill:
    """One skill of the taxonomy (for ESCO: one concept of the skills pillar).

    Example: ``Skill("http://data.europa.eu/esco/skill/ccd0a1d9-...", "SQL")``
    """

    skill_id: str
    preferred_label: str
    alt_labels: tuple[str, ...] = ()
    hidden_labels: tuple[str, ...] = ()
    description: str | None = None
    skill_type: str | None = None
    reuse_level: str | None = None


@dataclass(frozen=True)
class SkillLabel:
    """One label of one skill, as listed by ``Taxonomy.labels_table()``.

    ``key`` is the label's lookup key (``normalize_label(label)``).

    Example: ``SkillLabel(skill_id, "Python", "derived", "python")``
    """

    skill_id: str
    label: str
    label_kind: LabelKind
    key: str


@dataclass(frozen=True)
class SkillMention:
    """A skill found in a text: ``text[start:end] == surface``.

    ``label`` is the skill's preferred label, ``score`` a confidence in [0, 1] and ``method``
    says how it was found (e.g. ``"phrase:alt"``: an exact phrase match on an alternative label).

    Example: ``SkillMention(skill_id, "SQL", 10, 13, "sql", 1.0, "phrase:preferred")``
    """

    skill_id: str
    label: str
    start: int
    end: int
    surface: str
    score: float
    method: str
