"""Checksums that identify an import's content (taxonomy versions)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from taxonomy.errors import TaxonomyError
from taxonomy.model import Concept, Problem, Relation, SourceImport, SourceSkill


def file_sha256(path: Path) -> str:
    """Return ``"sha256:<hex>"`` of a file's bytes.

    Example: ``file_sha256(Path("skills_en.csv"))`` -> ``"sha256:3f2a..."``

    Raises:
        TaxonomyError: when the file cannot be read.
    """
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return "sha256:" + digest.hexdigest()


def files_checksum(files: Iterable[tuple[str, str]]) -> str:
    """Return one checksum over ``(name, file checksum)`` pairs, independent of their order.

    >>> files_checksum([("b", "sha256:2"), ("a", "sha256:1")])[:13]
    'sha256:06a455'
    """
    digest = hashlib.sha256()
    for name, checksum in sorted(files):
        digest.update(f"{name}\x1f{checksum}\x1e".encode())
    return "sha256:" + digest.hexdigest()


def files_import(
    source: str,
    release: str,
    paths: Iterable[Path],
    skills: Iterable[SourceSkill],
    *,
    concepts: Iterable[Concept] = (),
    relations: Iterable[Relation] = (),
    problems: Iterable[Problem] = (),
) -> SourceImport:
    """Return a ``SourceImport`` whose checksum covers the files read (by name and content).

    Relations are deduplicated, keeping their order.

    Example: ``files_import("onet", "29.2", [path], skills).checksum`` -> ``"sha256:9c1..."``

    Raises:
        TaxonomyError: when a file cannot be read.
    """
    files = tuple((str(path), file_sha256(path)) for path in paths)
    return SourceImport(
        source,
        release,
        files_checksum((Path(name).name, digest) for name, digest in files),
        tuple(skills),
        tuple(concepts),
        tuple(dict.fromkeys(relations)),
        tuple(problems),
        files,
    )
