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

    ``label`` is the skill's preferred label, ``score`` a confidence in [0, 1], ``method`` says
    how it was found (``exact``: a taxonomy label matched as a phrase; ``lemma``: a label matched
    through its words' lemmas; ``semantic``: a candidate phrase linked by embedding similarity;
    ``implied``: a skill its sentence implies without naming it, the span being that sentence)
    and ``section`` which part of a posting holds it (``taxonomy.sections.SECTIONS``; None when
    not computed).

    Example: ``SkillMention(skill_id, "SQL", 10, 13, "sql", 1.0, "exact", "requirements")``
    """

    skill_id: str
    label: str
    start: int
    end: int
    surface: str
    score: float
    method: str
    section: str | None = None


@dataclass(frozen=True)
class SourceSkill:
    """A skill as one source vocabulary gives it, before the crosswalk.

    ``source`` is ``esco``, ``lightcast``, ``onet`` or ``custom``; ``source_id`` its id there
    (ESCO concept URI, Lightcast id, O*NET ``<commodity code>:<example>``, overlay id).

    Example: ``SourceSkill("lightcast", "KSJF3PBD3995K6E0OF1Z", "Kubernetes")``
    """

    source: str
    source_id: str
    label: str
    alt_labels: tuple[str, ...] = ()
    description: str | None = None
    category: str | None = None
    subcategory: str | None = None
    skill_type: str | None = None


@dataclass(frozen=True)
class Relation:
    """A directed link between two concepts: ``child -> parent`` for ``broader``.

    ``kind`` is ``broader`` (hierarchy), ``essential``/``optional`` (skill-skill or
    occupation-skill) or ``member`` (a skill in a Lightcast subcategory).

    Example: ``Relation("http://.../skill/abc", "http://.../skill/S1.2", "broader")``
    """

    child: str
    parent: str
    kind: str


@dataclass(frozen=True)
class Problem:
    """A bad row an import skipped and reported: ``file:line: message``.

    Example: ``str(Problem("b.csv", 7, "unknown skill"))`` -> ``"b.csv:7: unknown skill"``
    """

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Concept:
    """A non-skill concept of a source: a skill group, an occupation or an ISCO group.

    ``kind`` is ``skill_group``, ``occupation`` or ``isco_group``; ``code`` the ESCO skill-group
    code (``S1.2``), ISCO code or occupation code; ``parent`` the ISCO group of an occupation.

    Example: ``Concept("http://.../occupation/x", "occupation", "data scientist", "2511.4")``
    """

    concept_id: str
    kind: str
    label: str
    code: str | None = None
    alt_labels: tuple[str, ...] = ()
    description: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class SourceImport:
    """Everything one import of one source vocabulary brings: one taxonomy version.

    ``checksum`` identifies the content (sha256 over the files read); ``files`` maps each file
    read to its sha256; ``problems`` lists the rows skipped and reported.

    Example: ``import_lightcast_table(path).source`` -> ``"lightcast"``
    """

    source: str
    release: str
    checksum: str
    skills: tuple[SourceSkill, ...]
    concepts: tuple[Concept, ...] = ()
    relations: tuple[Relation, ...] = ()
    problems: tuple[Problem, ...] = ()
    files: tuple[tuple[str, str], ...] = ()
