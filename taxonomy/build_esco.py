"""Build the bundled ESCO skills table from the ESCO source files.

Run once per ESCO release; the output is committed as package data::

    python -m taxonomy.build_esco ESCO_DATA_DIR taxonomy/data/esco_skills.parquet

Sources, under the data directory given (``esco/skills_en.csv`` is used when present)::

    esco/skills_en.csv, esco/*SkillsCollection_en.csv   ESCO v1.2.0, official columns
    esco-1.1.1-labels/esco_v_1_1_1_data_formatted.csv   ESCO v1.1.1, one row per label
    esco-extra/esco_skills_text.csv                     ESCO v1.2 "label alt labels description"
    esco-extra/esco_v1.1.0_preferred_labels.txt         ESCO v1.1.0 preferred labels

The preferred label is, in this order: the v1.2.0 one (official files); the known label the
v1.2 text starts with; the v1.1.1 one; a guess from the text (``esco_text``). Every other
label a source gives the skill is kept as an alternative label, so older labels still resolve.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from rapidfuzz import fuzz, process

from taxonomy.errors import TaxonomyError
from taxonomy.esco_csv import (
    LabelTableSkill,
    read_label_list,
    read_label_table,
    read_official_skills_csv,
    read_skills_text,
)
from taxonomy.esco_text import description_start, guess_label_length, known_prefix_length
from taxonomy.labels import normalize_label
from taxonomy.model import Skill

logger = logging.getLogger(__name__)

VERSION = "ESCO v1.2.0 + v1.1.1 labels"
ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
REQUIRED_METADATA = (
    "skillsignal.source",
    "skillsignal.version",
    "skillsignal.attribution",
    "skillsignal.built_from",
)
SCHEMA = pa.schema(
    [
        pa.field("skill_id", pa.string(), nullable=False),
        pa.field("preferred_label", pa.string(), nullable=False),
        pa.field("alt_labels", pa.list_(pa.string()), nullable=False),
        pa.field("hidden_labels", pa.list_(pa.string()), nullable=False),
        pa.field("description", pa.string()),
        pa.field("skill_type", pa.string()),
        pa.field("reuse_level", pa.string()),
    ]
)
LABEL_TABLE = Path("esco-1.1.1-labels/esco_v_1_1_1_data_formatted.csv")
SKILLS_TEXT = Path("esco-extra/esco_skills_text.csv")
LABEL_LIST = Path("esco-extra/esco_v1.1.0_preferred_labels.txt")
_MAX_PHRASE_HITS = 3


@dataclass(frozen=True)
class _Sources:
    official: dict[str, Skill]
    label_table: dict[str, LabelTableSkill]
    texts: dict[str, str]
    label_list: list[str]
    files: dict[str, str]


def build_esco_table(shared_data_dir: Path) -> pa.Table:
    """Combine the ESCO sources under ``shared_data_dir`` into one row per ESCO skill.

    The table carries the file metadata ``write_bundled`` needs (source, version,
    attribution and the sha256 of every file read).

    Example: ``build_esco_table(Path("esco-data")).num_rows`` -> ``14163``

    Raises:
        TaxonomyError: when a source file is missing, unreadable or lacks a required column.
    """
    sources = _read_sources(shared_data_dir)
    known_starts = {normalize_label(label) for label in sources.label_list}
    known_starts |= {normalize_label(s.preferred_label) for s in sources.official.values()}
    uris = sorted(sources.official.keys() | sources.label_table.keys() | sources.texts.keys())
    skills = _attach_orphans(
        [_merge(uri, sources, known_starts) for uri in uris], sources.label_list, sources.texts
    )
    metadata = {
        "skillsignal.source": "esco",
        "skillsignal.version": VERSION,
        "skillsignal.attribution": ATTRIBUTION,
        "skillsignal.built_from": json.dumps(sources.files, sort_keys=True),
    }
    return skills_to_table(skills).replace_schema_metadata(metadata)


def skills_to_table(skills: Iterable[Skill]) -> pa.Table:
    """Return skills as a table with the bundled file's columns (no file metadata).

    Example: ``skills_to_table([Skill("id:1", "SQL")]).num_rows`` -> ``1``
    """
    rows = [
        {
            "skill_id": s.skill_id,
            "preferred_label": s.preferred_label,
            "alt_labels": list(s.alt_labels),
            "hidden_labels": list(s.hidden_labels),
            "description": s.description,
            "skill_type": s.skill_type,
            "reuse_level": s.reuse_level,
        }
        for s in skills
    ]
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def write_bundled(table: pa.Table, path: Path) -> None:
    """Write a skills table as zstd-compressed Parquet, keeping its file metadata.

    Example: ``write_bundled(build_esco_table(data_dir), Path("esco_skills.parquet"))``

    Raises:
        TaxonomyError: when a required metadata key or column is missing.
    """
    metadata = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    missing = [key for key in REQUIRED_METADATA if not metadata.get(key)]
    missing += [name for name in SCHEMA.names if name not in table.column_names]
    if missing:
        raise TaxonomyError(f"cannot write {path}: missing {', '.join(missing)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table.select(SCHEMA.names), path, compression="zstd", compression_level=19)


def _read_sources(data_dir: Path) -> _Sources:
    esco_dir = data_dir / "esco"
    official_paths = sorted(esco_dir.glob("skills_en.csv")) + sorted(
        esco_dir.glob("*SkillsCollection_en.csv")
    )
    official: dict[str, Skill] = {}
    for path in official_paths:
        for skill in read_official_skills_csv(path):
            official.setdefault(skill.skill_id, skill)
    paths = [*official_paths, data_dir / LABEL_TABLE, data_dir / SKILLS_TEXT, data_dir / LABEL_LIST]
    return _Sources(
        official=official,
        label_table=read_label_table(data_dir / LABEL_TABLE),
        texts=read_skills_text(data_dir / SKILLS_TEXT),
        label_list=read_label_list(data_dir / LABEL_LIST),
        files={p.relative_to(data_dir).as_posix(): _sha256(p) for p in paths},
    )


def _sha256(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _merge(uri: str, sources: _Sources, known_starts: set[str]) -> Skill:
    v12 = sources.official.get(uri)
    v111 = sources.label_table.get(uri)
    words = sources.texts.get(uri, "").split(" ") if uri in sources.texts else []
    own = _unique(
        [
            *([v12.preferred_label, *v12.alt_labels] if v12 else []),
            *([v111.preferred_label or "", *v111.alt_labels] if v111 else []),
        ]
    )
    own_keys = {normalize_label(label) for label in own}
    text_label_words = known_prefix_length(words, 0, known_starts, own_keys)
    text_label = " ".join(words[:text_label_words]) or None
    if v12:
        preferred = v12.preferred_label
    elif text_label:
        preferred = text_label
    elif v111 and v111.preferred_label:
        preferred = v111.preferred_label
    else:
        end = description_start(words, 1, ()) or len(words)
        text_label_words = guess_label_length(words[:end])
        preferred = text_label = " ".join(words[:text_label_words])
    alt_labels = [
        label
        for label in _unique([*own, *([text_label] if text_label else [])])
        if normalize_label(label) != normalize_label(preferred)
    ]
    description = v12.description if v12 else None
    if description is None and words:
        keys = own_keys | {normalize_label(preferred)}
        start = description_start(words, max(text_label_words, 1), keys)
        description = " ".join(words[start:]) if start is not None else None
    return Skill(
        skill_id=uri,
        preferred_label=preferred,
        alt_labels=tuple(alt_labels),
        hidden_labels=v12.hidden_labels if v12 else (),
        description=description,
        skill_type=(v12.skill_type if v12 else None) or _skill_type(v111),
        reuse_level=v12.reuse_level if v12 else None,
    )


def _unique(labels: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    unique = []
    for label in labels:
        key = normalize_label(label)
        if key and key not in seen:
            seen.add(key)
            unique.append(label)
    return unique


def _skill_type(skill: LabelTableSkill | None) -> str | None:
    """ESCO's skill type from the pillar a v1.1.1 skill sits in (agrees with v1.2.0 on ~99 %)."""
    roots = skill.pillar_roots if skill else set()
    if "K" in roots:
        return "knowledge"
    if roots & {"S", "A"}:
        return "skill/competence"
    return None


def _attach_orphans(skills: list[Skill], labels: list[str], texts: dict[str, str]) -> list[Skill]:
    """Give each label of ``labels`` that no skill has to the skill(s) it most likely names.

    A v1.1.0 label that v1.1.1 and v1.2 renamed or corrected ("install radtors") goes to the
    skills whose v1.2 text holds it as a phrase (at most ``_MAX_PHRASE_HITS``), else to the
    skill with the closest label (rapidfuzz ``ratio``, then ``token_set_ratio``, both >= 90),
    as an alternative label. Labels still without a skill are logged.
    """
    by_key: dict[str, list[int]] = {}
    for index, skill in enumerate(skills):
        for label in (skill.preferred_label, *skill.alt_labels):
            by_key.setdefault(normalize_label(label), []).append(index)
    orphans = _unique(label for label in labels if normalize_label(label) not in by_key)
    if not orphans:
        return skills
    position = {skill.skill_id: index for index, skill in enumerate(skills)}
    padded = {uri: f" {normalize_label(text)} " for uri, text in texts.items()}
    keys = list(by_key)
    extra: dict[int, list[str]] = {}
    unresolved = []
    for label in orphans:
        key = normalize_label(label)
        hits = [position[uri] for uri, text in padded.items() if f" {key} " in text]
        if not hits or len(hits) > _MAX_PHRASE_HITS:
            best = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=90) or (
                process.extractOne(key, keys, scorer=fuzz.token_set_ratio, score_cutoff=90)
            )
            hits = by_key[best[0]][:1] if best else []
        for index in hits:
            extra.setdefault(index, []).append(label)
        if not hits:
            unresolved.append(label)
    if unresolved:
        logger.warning("%d label(s) match no skill: %r", len(unresolved), unresolved[:5])
    logger.info("attached %d orphan label(s) as alternative labels", len(orphans) - len(unresolved))
    return [
        replace(skill, alt_labels=(*skill.alt_labels, *extra[index])) if index in extra else skill
        for index, skill in enumerate(skills)
    ]


def main(argv: list[str] | None = None) -> None:
    """Command line: ``python -m taxonomy.build_esco DATA_DIR OUT.parquet``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="folder holding esco/, esco-extra/, ...")
    parser.add_argument("out", type=Path, help="Parquet file to write")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    table = build_esco_table(args.data_dir)
    write_bundled(table, args.out)
    logger.info("wrote %s: %d skills, %d bytes", args.out, table.num_rows, args.out.stat().st_size)


if __name__ == "__main__":
    main()
