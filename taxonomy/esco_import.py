"""Import ESCO (skills, hierarchy, occupations) as one taxonomy version.

Two folder layouts are read:

- an official ESCO CSV export folder: ``skills_en.csv`` (or, to test, the
  ``*SkillsCollection_en.csv`` files, which share its columns) beside ``skillsHierarchy_en.csv``,
  ``skillGroups_en.csv``, ``broaderRelationsSkillPillar_en.csv``, ``skillSkillRelations_en.csv``,
  ``occupations_en.csv``, ``ISCOGroups_en.csv`` and ``occupationSkillRelations_en.csv`` (each
  optional but the skills);
- the project's shared data folder (``esco/``, ``esco-1.1.1-labels/``, ``esco-extra/``), whose
  skills are combined by ``build_esco.build_esco_table`` and whose ``esco/`` holds the rest.
"""

from __future__ import annotations

import logging
from pathlib import Path

from taxonomy.build_esco import LABEL_TABLE, build_esco_table
from taxonomy.checksum import files_import
from taxonomy.errors import TaxonomyError
from taxonomy.esco_csv import read_official_skills_csv
from taxonomy.esco_pillar import (
    BROADER_FILE,
    GROUPS_FILE,
    HIERARCHY_FILE,
    ISCO_FILE,
    OCCUPATION_SKILLS_FILE,
    OCCUPATIONS_FILE,
    SKILL_RELATIONS_FILE,
    read_occupations,
    read_relations,
    read_skill_groups,
)
from taxonomy.model import Concept, Problem, Relation, Skill, SourceImport, SourceSkill

logger = logging.getLogger(__name__)

ESCO_SOURCE = "esco"


def import_esco(path: Path, *, release: str = "1.2.0") -> SourceImport:
    """Read an ESCO folder (either layout, see the module docstring) into a ``SourceImport``.

    Example: ``import_esco(Path("/data/esco-v1.2.0")).skills[0].source`` -> ``"esco"``

    Raises:
        TaxonomyError: no skills file, a missing column or a broken URI (with file and line).
    """
    if (path / "esco").is_dir() and (path / LABEL_TABLE).is_file():
        skills = _table_skills(path)
        pillar_dir = path / "esco"
        read = [pillar_dir / name for name in sorted(_official_names(pillar_dir))]
    else:
        pillar_dir = path
        read = [path / name for name in _official_names(path)]
        if not read:
            msg = f"{path}: no skills_en.csv or *SkillsCollection_en.csv in this folder"
            raise TaxonomyError(msg)
        official: dict[str, Skill] = {}
        for file in read:
            for skill in read_official_skills_csv(file):
                official.setdefault(skill.skill_id, skill)
        skills = [_source_skill(skill) for skill in official.values()]
    concepts, relations, problems, pillar_files = read_pillar(
        pillar_dir, {s.source_id for s in skills}
    )
    for problem in problems[:20]:
        logger.warning("%s", problem)
    paths = [*read, *pillar_files]
    return files_import(
        ESCO_SOURCE,
        release,
        paths,
        skills,
        concepts=concepts,
        relations=relations,
        problems=problems,
    )


def _official_names(folder: Path) -> list[str]:
    if (folder / "skills_en.csv").is_file():
        return ["skills_en.csv"]
    return sorted(p.name for p in folder.glob("*SkillsCollection_en.csv"))


def _table_skills(data_dir: Path) -> list[SourceSkill]:
    table = build_esco_table(data_dir)
    return [
        SourceSkill(
            ESCO_SOURCE,
            row["skill_id"],
            row["preferred_label"],
            tuple(row["alt_labels"] or ()) + tuple(row["hidden_labels"] or ()),
            row["description"],
            skill_type=row["skill_type"],
        )
        for row in table.to_pylist()
    ]


def _source_skill(skill: Skill) -> SourceSkill:
    return SourceSkill(
        ESCO_SOURCE,
        skill.skill_id,
        skill.preferred_label,
        skill.alt_labels + skill.hidden_labels,
        skill.description,
        skill_type=skill.skill_type,
    )


def read_pillar(
    folder: Path, skill_ids: set[str]
) -> tuple[list[Concept], list[Relation], list[Problem], list[Path]]:
    """Read the hierarchy and occupation files present in ``folder`` (see ``esco_pillar``).

    Returns concepts, relations, reported problems and the files read.

    Example: ``len(read_pillar(Path("esco"), skill_ids)[0])`` -> ``4298``

    Raises:
        TaxonomyError: a missing column or a broken URI (with file and line).
    """
    concepts: list[Concept] = []
    relations: list[Relation] = []
    problems: list[Problem] = []
    read: list[Path] = []
    if (folder / HIERARCHY_FILE).is_file():
        groups = folder / GROUPS_FILE
        concepts += read_skill_groups(folder / HIERARCHY_FILE, groups if groups.is_file() else None)
        read += [folder / HIERARCHY_FILE, *([groups] if groups.is_file() else [])]
        relations += [Relation(c.concept_id, c.parent, "broader") for c in concepts if c.parent]
    if (folder / OCCUPATIONS_FILE).is_file():
        isco = folder / ISCO_FILE
        concepts += read_occupations(folder / OCCUPATIONS_FILE, isco if isco.is_file() else None)
        read += [folder / OCCUPATIONS_FILE, *([isco] if isco.is_file() else [])]
    known = skill_ids | {c.concept_id for c in concepts}
    for name, kind in (
        (BROADER_FILE, "broader"),
        (SKILL_RELATIONS_FILE, None),
        (OCCUPATION_SKILLS_FILE, None),
    ):
        if (folder / name).is_file():
            relations += read_relations(folder / name, known, problems, kind=kind)
            read.append(folder / name)
    if not (folder / OCCUPATION_SKILLS_FILE).is_file():
        logger.info("%s: no %s, occupations come without skills", folder, OCCUPATION_SKILLS_FILE)
    return concepts, list(dict.fromkeys(relations)), problems, read
