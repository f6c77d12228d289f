"""Arrow tables of imports and crosswalks: what the taxonomy hands to the warehouse and back.

Each value class has one schema here whose field names are its attribute names, so
``to_table`` and ``from_table`` convert both ways.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, fields
from typing import Any, TypeVar

import pyarrow as pa

from taxonomy.crosswalk import Crosswalk, Link, Review
from taxonomy.model import Concept, Relation, SourceImport, SourceSkill

T = TypeVar("T")
_LABELS = pa.list_(pa.string())
SCHEMAS: dict[type, pa.Schema] = {
    SourceSkill: pa.schema(
        [
            ("source", pa.string()),
            ("source_id", pa.string()),
            ("label", pa.string()),
            ("alt_labels", _LABELS),
            ("description", pa.string()),
            ("category", pa.string()),
            ("subcategory", pa.string()),
            ("skill_type", pa.string()),
        ]
    ),
    Concept: pa.schema(
        [
            ("concept_id", pa.string()),
            ("kind", pa.string()),
            ("label", pa.string()),
            ("code", pa.string()),
            ("alt_labels", _LABELS),
            ("description", pa.string()),
            ("parent", pa.string()),
        ]
    ),
    Relation: pa.schema([("child", pa.string()), ("parent", pa.string()), ("kind", pa.string())]),
    Link: pa.schema(
        [
            ("canonical_id", pa.string()),
            ("source", pa.string()),
            ("source_id", pa.string()),
            ("label", pa.string()),
            ("method", pa.string()),
            ("score", pa.float64()),
        ]
    ),
    Review: pa.schema(
        [
            ("source", pa.string()),
            ("source_id", pa.string()),
            ("label", pa.string()),
            ("candidate_id", pa.string()),
            ("candidate_label", pa.string()),
            ("method", pa.string()),
            ("score", pa.float64()),
        ]
    ),
}
CANONICAL_SCHEMA = pa.schema(
    [("canonical_id", pa.string()), ("label", pa.string()), ("source", pa.string())]
)


def to_table(items: Iterable[Any], cls: type) -> pa.Table:
    """Return value objects of ``cls`` as a table with its schema.

    Example: ``to_table([Relation("a", "b", "broader")], Relation).num_rows`` -> ``1``
    """
    return pa.Table.from_pylist([asdict(item) for item in items], schema=SCHEMAS[cls])


def from_table(table: pa.Table, cls: type[T]) -> list[T]:
    """Return the rows of a table as value objects of ``cls`` (list columns become tuples).

    Example: ``from_table(to_table(relations, Relation), Relation) == relations`` -> ``True``
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    rows = table.select([n for n in names if n in table.column_names]).to_pylist()
    return [
        cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}) for row in rows
    ]


def import_tables(source_import: SourceImport) -> dict[str, pa.Table]:
    """Return an import's skills, concepts and relations as tables.

    Example: ``import_tables(imp)["skills"].column_names[:2]`` -> ``["source", "source_id"]``
    """
    return {
        "skills": to_table(source_import.skills, SourceSkill),
        "concepts": to_table(source_import.concepts, Concept),
        "relations": to_table(source_import.relations, Relation),
    }


def crosswalk_tables(crosswalk: Crosswalk) -> dict[str, pa.Table]:
    """Return a crosswalk's canonical skills, links and review list as tables.

    Example: ``crosswalk_tables(cw)["links"].num_rows`` -> ``55085``
    """
    sources = {
        link.canonical_id: link.source for link in crosswalk.links if link.method == "source"
    }
    canonical = pa.table(
        {
            "canonical_id": list(crosswalk.labels),
            "label": list(crosswalk.labels.values()),
            "source": [sources.get(cid) for cid in crosswalk.labels],
        },
        schema=CANONICAL_SCHEMA,
    )
    return {
        "canonical": canonical,
        "links": to_table(crosswalk.links, Link),
        "reviews": to_table(crosswalk.reviews, Review),
    }
