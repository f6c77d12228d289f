"""Readers for ESCO's hierarchy and occupation files (official CSV export, v1.2.0 columns).

- ``skillsHierarchy_en.csv`` / ``skillGroups_en.csv``: skill groups, their codes and parents.
- ``broaderRelationsSkillPillar_en.csv``: skill -> broader skill or group.
- ``skillSkillRelations_en.csv``: essential/optional links between skills.
- ``occupations_en.csv``, ``ISCOGroups_en.csv``: occupations and their ISCO groups.
- ``occupationSkillRelations_en.csv`` (optional): essential/optional skills of occupations.

Rows with a broken URI raise an error naming file and line; a relation to a concept the
import does not know is reported as a ``Problem`` and skipped.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from taxonomy.errors import TaxonomyError
from taxonomy.esco_csv import check_uri, or_none, read_csv_rows
from taxonomy.labels import split_multi_value
from taxonomy.model import Concept, Problem, Relation

HIERARCHY_FILE = "skillsHierarchy_en.csv"
GROUPS_FILE = "skillGroups_en.csv"
BROADER_FILE = "broaderRelationsSkillPillar_en.csv"
SKILL_RELATIONS_FILE = "skillSkillRelations_en.csv"
OCCUPATIONS_FILE = "occupations_en.csv"
ISCO_FILE = "ISCOGroups_en.csv"
OCCUPATION_SKILLS_FILE = "occupationSkillRelations_en.csv"
_LEVELS = 4


def read_skill_groups(hierarchy: Path, groups: Path | None = None) -> list[Concept]:
    """Read the skills pillar's groups: one ``Concept`` per group, ``parent`` its broader group.

    ``hierarchy`` is ``skillsHierarchy_en.csv`` (levels 0-3 with codes); ``groups``
    (``skillGroups_en.csv``) adds alternative labels and descriptions when given.

    Example: ``read_skill_groups(path)[0].label`` -> ``"language skills and knowledge"``

    Raises:
        TaxonomyError: a missing column or a broken URI (with file and line).
    """
    found: dict[str, Concept] = {}
    columns = frozenset(f"Level {n} URI" for n in range(_LEVELS))
    for line, row in read_csv_rows(hierarchy, columns):
        parent = None
        for level in range(_LEVELS):
            uri = (row.get(f"Level {level} URI") or "").strip()
            if not uri:
                break
            check_uri(uri, hierarchy, line)
            label = or_none(row.get(f"Level {level} preferred term")) or uri
            code = or_none(row.get(f"Level {level} code"))
            found.setdefault(uri, Concept(uri, "skill_group", label, code, parent=parent))
            parent = uri
    if groups is not None:
        for line, row in read_csv_rows(groups, frozenset({"conceptUri", "preferredLabel"})):
            uri = check_uri(row["conceptUri"].strip(), groups, line)
            known = found.get(uri)
            found[uri] = Concept(
                uri,
                "skill_group",
                or_none(row["preferredLabel"]) or uri,
                (known.code if known else None) or or_none(row.get("code")),
                tuple(split_multi_value(row.get("altLabels"))),
                or_none(row.get("description")),
                known.parent if known else None,
            )
    return list(found.values())


def read_relations(
    path: Path, known: Collection[str], problems: list[Problem], *, kind: str | None = None
) -> list[Relation]:
    """Read broader, skill-skill or occupation-skill relations between known concepts.

    The file's columns decide its shape: ``conceptUri,broaderUri`` (kind ``broader``),
    ``originalSkillUri,relationType,relatedSkillUri`` or
    ``occupationUri,relationType,skillUri``. A relation naming a concept not in ``known`` is
    appended to ``problems`` (with file and line) and skipped.

    Example: ``read_relations(path, ids, problems)[0].kind`` -> ``"broader"``

    Raises:
        TaxonomyError: a missing column or a broken URI (with file and line).
    """
    rows = read_csv_rows(path, frozenset())
    relations: list[Relation] = []
    for line, row in rows:
        child, parent, relation = _relation_cells(row)
        if child is None or parent is None:
            msg = "missing required column(s): conceptUri,broaderUri (or the skill/occupation pair)"
            raise TaxonomyError(f"{path}:1: {msg}")
        check_uri(child, path, line)
        check_uri(parent, path, line)
        unknown = [uri for uri in (child, parent) if uri not in known]
        if unknown:
            problems.append(Problem(str(path), line, f"relation to unknown concept {unknown[0]}"))
            continue
        relations.append(Relation(child, parent, kind or relation))
    return relations


def _relation_cells(row: dict[str, str]) -> tuple[str | None, str | None, str]:
    for child, parent in (
        ("conceptUri", "broaderUri"),
        ("originalSkillUri", "relatedSkillUri"),
        ("occupationUri", "skillUri"),
    ):
        if child in row and parent in row:
            kind = (row.get("relationType") or "broader").strip() or "broader"
            return (row[child] or "").strip(), (row[parent] or "").strip(), kind
    return None, None, ""


def read_occupations(occupations: Path, isco: Path | None = None) -> list[Concept]:
    """Read ESCO occupations (``parent`` = their ISCO group URI) and, if given, ISCO groups.

    Example: ``read_occupations(path)[0].kind`` -> ``"occupation"``

    Raises:
        TaxonomyError: a missing column or a broken URI (with file and line).
    """
    concepts: list[Concept] = []
    if isco is not None:
        for line, row in read_csv_rows(isco, frozenset({"conceptUri", "code", "preferredLabel"})):
            uri = check_uri(row["conceptUri"].strip(), isco, line)
            label = or_none(row["preferredLabel"]) or uri
            concepts.append(Concept(uri, "isco_group", label, or_none(row["code"])))
    columns = frozenset({"conceptUri", "iscoGroup", "preferredLabel", "altLabels"})
    for line, row in read_csv_rows(occupations, columns):
        uri = check_uri(row["conceptUri"].strip(), occupations, line)
        group = or_none(row["iscoGroup"])
        concepts.append(
            Concept(
                uri,
                "occupation",
                or_none(row["preferredLabel"]) or uri,
                or_none(row.get("code")),
                tuple(split_multi_value(row["altLabels"])),
                or_none(row.get("description")),
                f"http://data.europa.eu/esco/isco/C{group}" if group else None,
            )
        )
    return concepts
