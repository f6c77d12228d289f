"""The bundled default: ESCO skills, skill groups, occupations and their relations.

Three zstd Parquet files under ``taxonomy/data/`` (built once, committed)::

    esco_skills.parquet      one row per skill (docs/architecture.md section 2)
    esco_concepts.parquet    skill groups, occupations, ISCO groups (``Concept`` columns)
    esco_relations.parquet   broader / essential / optional links (``Relation`` columns)

Regenerate with ``skillsignal taxonomy build DATA_DIR --out taxonomy/data``.
"""

from __future__ import annotations

import json
import logging
from importlib import resources
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from taxonomy.build_esco import build_esco_table, write_bundled
from taxonomy.checksum import file_sha256, files_checksum
from taxonomy.errors import TaxonomyError
from taxonomy.esco_import import ESCO_SOURCE, read_pillar
from taxonomy.model import Concept, Relation, SourceImport, SourceSkill
from taxonomy.source import BUNDLED_FILE
from taxonomy.tables import from_table, to_table

logger = logging.getLogger(__name__)

CONCEPTS_FILE = "esco_concepts.parquet"
RELATIONS_FILE = "esco_relations.parquet"


def build_bundle(data_dir: Path, out_dir: Path) -> dict[str, Path]:
    """Build the three bundled files from the ESCO sources under ``data_dir``.

    Example: ``build_bundle(Path("esco-data"), Path("taxonomy/data"))["skills"].name``
    -> ``"esco_skills.parquet"``

    Raises:
        TaxonomyError: a missing or malformed source file.
    """
    table = build_esco_table(data_dir)
    skill_ids = set(table.column("skill_id").to_pylist())
    concepts, relations, problems, read = read_pillar(data_dir / "esco", skill_ids)
    for problem in problems:
        logger.warning("%s", problem)
    metadata = dict(table.schema.metadata or {})
    built = json.loads(metadata[b"skillsignal.built_from"])
    built.update({p.relative_to(data_dir).as_posix(): file_sha256(p)[:23] for p in read})
    metadata[b"skillsignal.built_from"] = json.dumps(built, sort_keys=True).encode()
    paths = {
        "skills": out_dir / BUNDLED_FILE,
        "concepts": out_dir / CONCEPTS_FILE,
        "relations": out_dir / RELATIONS_FILE,
    }
    write_bundled(table, paths["skills"])
    for name, part in (
        ("concepts", to_table(concepts, Concept)),
        ("relations", to_table(relations, Relation)),
    ):
        pq.write_table(
            part.replace_schema_metadata(metadata),
            paths[name],
            compression="zstd",
            compression_level=19,
        )
    return paths


def _bundled(name: str, path: Path | None) -> pa.Table:
    try:
        if path is not None:
            return pq.read_table(path)
        with resources.as_file(resources.files("taxonomy") / "data" / name) as bundled:
            return pq.read_table(bundled)
    except (OSError, pa.ArrowException) as exc:
        raise TaxonomyError(f"{path or name}: not a readable Parquet file: {exc}") from exc


def load_concepts(path: Path | None = None) -> list[Concept]:
    """Load skill groups, occupations and ISCO groups (default: the bundled ESCO ones).

    Example: ``sum(c.kind == "occupation" for c in load_concepts())`` -> ``3039``

    Raises:
        TaxonomyError: when the file cannot be read.
    """
    return from_table(_bundled(CONCEPTS_FILE, path), Concept)


def load_relations(path: Path | None = None) -> list[Relation]:
    """Load broader and skill-skill relations (default: the bundled ESCO ones).

    Example: ``load_relations()[0].kind`` -> ``"broader"``

    Raises:
        TaxonomyError: when the file cannot be read.
    """
    return from_table(_bundled(RELATIONS_FILE, path), Relation)


def bundled_import() -> SourceImport:
    """Return the bundled ESCO default as an ESCO ``SourceImport`` (for the crosswalk).

    Example: ``bundled_import().release`` -> ``"ESCO v1.2.0 + v1.1.1 labels"``
    """
    table = _bundled(BUNDLED_FILE, None)
    metadata = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    skills = tuple(
        SourceSkill(
            ESCO_SOURCE,
            row["skill_id"],
            row["preferred_label"],
            tuple(row["alt_labels"] or ()),
            row["description"],
            skill_type=row["skill_type"],
        )
        for row in table.to_pylist()
    )
    built = json.loads(metadata.get("skillsignal.built_from", "{}"))
    return SourceImport(
        ESCO_SOURCE,
        metadata.get("skillsignal.version", "bundled"),
        files_checksum(built.items()),
        skills,
        tuple(load_concepts()),
        tuple(load_relations()),
    )
