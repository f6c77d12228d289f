"""One entry point for every source importer, and rebuilding imports from stored tables."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa

from taxonomy.errors import TaxonomyError
from taxonomy.esco_import import import_esco
from taxonomy.lightcast import import_lightcast
from taxonomy.model import Concept, Relation, SourceImport, SourceSkill
from taxonomy.onet import import_onet
from taxonomy.overlay import overlay_import, read_overlay
from taxonomy.tables import from_table

IMPORTERS: dict[str, Callable[..., SourceImport]] = {
    "esco": import_esco,
    "lightcast": import_lightcast,
    "onet": import_onet,
    "overlay": lambda path, **kw: overlay_import(read_overlay(path), **kw),
}
"""Importer of each kind the CLI accepts (``overlay`` imports as source ``custom``)."""


def import_source(kind: str, path: Path, *, release: str | None = None) -> SourceImport:
    """Read a source vocabulary of ``kind`` (``esco``, ``lightcast``, ``onet``, ``overlay``).

    Example: ``import_source("onet", Path("Technology Skills.xlsx")).source`` -> ``"onet"``

    Raises:
        TaxonomyError: unknown kind, missing path or bad input (with file and line).
    """
    if kind not in IMPORTERS:
        raise TaxonomyError(f"unknown source {kind!r}: one of {', '.join(IMPORTERS)}")
    if not path.exists():
        raise TaxonomyError(f"{path}: no such file or folder")
    return IMPORTERS[kind](path, **({"release": release} if release else {}))


def import_from_tables(
    source: str, release: str, checksum: str, tables: dict[str, pa.Table]
) -> SourceImport:
    """Rebuild a ``SourceImport`` from stored ``skills``/``concepts``/``relations`` tables.

    Example: ``import_from_tables("onet", "29.2", "sha256:..", tables).skills[0].source``
    -> ``"onet"``
    """
    return SourceImport(
        source,
        release,
        checksum,
        tuple(from_table(tables["skills"], SourceSkill)),
        tuple(from_table(tables["concepts"], Concept)),
        tuple(from_table(tables["relations"], Relation)),
    )
