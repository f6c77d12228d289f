"""The taxonomy in memory, and loading it from the bundled (or another) Parquet file."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from taxonomy.errors import TaxonomyError
from taxonomy.labels import normalize_label, product_names, strip_qualifier
from taxonomy.model import LABEL_KINDS, Skill, SkillLabel

BUNDLED_FILE = "esco_skills.parquet"
REQUIRED_COLUMNS = ("skill_id", "preferred_label", "alt_labels")
OPTIONAL_COLUMNS = ("hidden_labels", "description", "skill_type", "reuse_level")


class Taxonomy:
    """Skills by id, their labels, and exact lookup of a skill name.

    Example: ``Taxonomy([Skill("id:1", "SQL")], version="v", attribution="").lookup("sql")``
    -> ``"id:1"``
    """

    def __init__(
        self, skills: Iterable[Skill], *, version: str, attribution: str, source: str = "esco"
    ) -> None:
        self.skills: dict[str, Skill] = {skill.skill_id: skill for skill in skills}
        self.version = version
        self.attribution = attribution
        self.source = source
        self._labels = [label for skill in self.skills.values() for label in _skill_labels(skill)]
        kind_rank = {kind: rank for rank, kind in enumerate(LABEL_KINDS)}
        index: dict[str, list[tuple[int, int, str]]] = {}
        for position, label in enumerate(self._labels):
            entry = (kind_rank[label.label_kind], position, label.skill_id)
            index.setdefault(label.key, []).append(entry)
        self._index = {
            key: tuple(dict.fromkeys(skill_id for *_, skill_id in sorted(entries)))
            for key, entries in index.items()
        }

    def __repr__(self) -> str:
        return f"Taxonomy({self.version!r}, {len(self.skills)} skills)"

    def labels(self) -> list[SkillLabel]:
        """Return every label of every skill, derived forms included (unqualified, product names).

        Example: ``[x.label for x in toy.labels()][:2]`` -> ``["Python (...)", "Python 3"]``
        """
        return list(self._labels)

    def candidates(self, name: str) -> tuple[str, ...]:
        """Return the ids of the skills ``name`` is a label of, best first (empty if none).

        Example: ``toy.candidates("python")`` -> ``("http://data.europa.eu/esco/skill/ccd0...",)``
        """
        return self._index.get(normalize_label(name), ())

    def lookup(self, name: str) -> str | None:
        """Return the id of the skill ``name`` names (exact normalized label), or None.

        Preferred labels win over alternative, hidden and derived ones.

        Example: ``esco.lookup("Python")`` -> ``"http://data.europa.eu/esco/skill/ccd0a1d9-..."``
        """
        found = self.candidates(name)
        return found[0] if found else None

    def skills_table(self) -> pa.Table:
        """Return one row per skill: skill_id, preferred_label, description, skill_type, source.

        Example: ``toy.skills_table().column_names[0]`` -> ``"skill_id"``
        """
        skills = list(self.skills.values())
        return pa.table(
            {
                "skill_id": pa.array([s.skill_id for s in skills], pa.string()),
                "preferred_label": pa.array([s.preferred_label for s in skills], pa.string()),
                "description": pa.array([s.description for s in skills], pa.string()),
                "skill_type": pa.array([s.skill_type for s in skills], pa.string()),
                "source": pa.array([self.source] * len(skills), pa.string()),
            }
        )

    def labels_table(self) -> pa.Table:
        """Return one row per label: skill_id, label, label_kind (preferred|alt|hidden|derived).

        Example: ``toy.labels_table().num_rows`` -> ``42``
        """
        return pa.table(
            {
                "skill_id": pa.array([label.skill_id for label in self._labels], pa.string()),
                "label": pa.array([label.label for label in self._labels], pa.string()),
                "label_kind": pa.array([label.label_kind for label in self._labels], pa.string()),
            }
        )


def _skill_labels(skill: Skill) -> list[SkillLabel]:
    """Labels of one skill, each normalized form once, strongest kind first."""
    given = [
        (skill.preferred_label, "preferred"),
        *((label, "alt") for label in skill.alt_labels),
        *((label, "hidden") for label in skill.hidden_labels),
    ]
    derived = [
        (name, "derived") for label, _ in given if (name := strip_qualifier(label)) is not None
    ]
    derived += [(name, "derived") for label, _ in given for name in product_names(label)]
    labels: list[SkillLabel] = []
    seen: set[str] = set()
    for label, kind in [*given, *derived]:
        key = normalize_label(label)
        if key and key not in seen:
            seen.add(key)
            labels.append(SkillLabel(skill.skill_id, label, kind, key))  # type: ignore[arg-type]
    return labels


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Load a taxonomy Parquet file (default: the bundled ESCO skills).

    The file needs the columns skill_id, preferred_label and alt_labels; hidden_labels,
    description, skill_type and reuse_level are read when present. Version, attribution and
    source come from the ``skillsignal.*`` file metadata.

    Example: ``load_taxonomy().version`` -> ``"ESCO v1.2.0 + v1.1.1 labels"``

    Raises:
        TaxonomyError: when the file is missing, not Parquet, or lacks a required column.
    """
    if path is None:
        with resources.as_file(resources.files("taxonomy") / "data" / BUNDLED_FILE) as bundled:
            return _read(bundled)
    return _read(path)


def _read(path: Path) -> Taxonomy:
    try:
        table = pq.read_table(path)
    except FileNotFoundError as exc:
        raise TaxonomyError(f"{path}: no such taxonomy file") from exc
    except (OSError, pa.ArrowException) as exc:
        raise TaxonomyError(f"{path}: not a readable Parquet file: {exc}") from exc
    missing = [name for name in REQUIRED_COLUMNS if name not in table.column_names]
    if missing:
        raise TaxonomyError(f"{path}: missing required column(s): {', '.join(missing)}")
    columns = {name: table.column(name).to_pylist() for name in table.column_names}
    empty: list[None] = [None] * table.num_rows
    skills = [
        Skill(
            skill_id=skill_id,
            preferred_label=preferred,
            alt_labels=tuple(alt or ()),
            hidden_labels=tuple(hidden or ()),
            description=description,
            skill_type=skill_type,
            reuse_level=reuse_level,
        )
        for skill_id, preferred, alt, hidden, description, skill_type, reuse_level in zip(
            columns["skill_id"],
            columns["preferred_label"],
            columns["alt_labels"],
            *(columns.get(name, empty) for name in OPTIONAL_COLUMNS),
            strict=True,
        )
        if skill_id and preferred
    ]
    metadata = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    return Taxonomy(
        skills,
        version=metadata.get("skillsignal.version", path.name),
        attribution=metadata.get("skillsignal.attribution", ""),
        source=metadata.get("skillsignal.source", "esco"),
    )
