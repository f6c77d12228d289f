"""The user's custom overlay (TOML): extra skills, aliases, ambiguous and suppressed labels.

::

    [[skill]]                      # an extra skill (source "custom")
    id = "custom:dbt"
    label = "dbt"
    aliases = ["data build tool"]

    [aliases]                      # alias -> label (or id) of an existing skill
    "k8s" = "Kubernetes"

    [[ambiguous]]                  # never matched alone: only with one of the context words
    label = "Go"
    context = ["golang", "goroutine", "programming"]

    [suppress]                     # labels never matched
    labels = ["communication"]

An alias may not be another skill's label: ``check_overlay`` reports such collisions with the
file and line of the alias.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from taxonomy.errors import TaxonomyError
from taxonomy.labels import normalize_label
from taxonomy.model import SourceImport, SourceSkill

CUSTOM_SOURCE = "custom"


@dataclass(frozen=True)
class Overlay:
    """A parsed overlay file.

    Example: ``read_overlay(path).aliases`` -> ``{"k8s": "Kubernetes"}``
    """

    path: str
    skills: tuple[SourceSkill, ...] = ()
    aliases: Mapping[str, str] | None = None
    ambiguous: Mapping[str, tuple[str, ...]] | None = None
    suppressed: frozenset[str] = frozenset()
    text: str = ""
    ambiguous_labels: tuple[str, ...] = ()
    """The ambiguous labels as written (``ambiguous`` is keyed by their normalized form)."""

    def line_of(self, value: str) -> int:
        """Return the first line that holds ``value`` quoted outside a comment (1 if none).

        Example: ``overlay.line_of("k8s")`` -> ``7``
        """
        for number, line in enumerate(self.text.splitlines(), start=1):
            code = line.split("#", 1)[0]
            if f'"{value}"' in code or f"'{value}'" in code:
                return number
        return 1


def read_overlay(path: Path) -> Overlay:
    """Parse an overlay TOML file (see the module docstring).

    Example: ``read_overlay(Path("overlay.toml")).suppressed`` -> ``frozenset({"communication"})``

    Raises:
        TaxonomyError: unreadable or invalid TOML, or a malformed entry (with file and line).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"{path}: cannot read: {exc}") from exc
    return parse_overlay(text, str(path))


def parse_overlay(text: str, path: str = "<overlay>") -> Overlay:
    """Parse overlay TOML text; ``path`` names it in errors.

    Example: ``parse_overlay(text).aliases`` -> ``{"k8s": "Kubernetes"}``

    Raises:
        TaxonomyError: invalid TOML or a malformed entry (with file and line).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{path}: invalid TOML: {exc}") from exc
    overlay = Overlay(str(path), text=text)
    skills = tuple(_skill(overlay, entry) for entry in _tables(overlay, data, "skill"))
    ambiguous, written = {}, []
    for entry in _tables(overlay, data, "ambiguous"):
        label = _string(overlay, entry, "label")
        written.append(label)
        context = entry.get("context")
        if not isinstance(context, list) or not context:
            line = overlay.line_of(label)
            raise TaxonomyError(f"{path}:{line}: ambiguous {label!r} needs a context word list")
        ambiguous[normalize_label(label)] = tuple(normalize_label(str(word)) for word in context)
    aliases = data.get("aliases", {})
    suppress = data.get("suppress", {}).get("labels", [])
    return Overlay(
        str(path),
        skills,
        {str(alias): str(target) for alias, target in aliases.items()},
        ambiguous,
        frozenset(normalize_label(str(label)) for label in suppress),
        text,
        tuple(written),
    )


def _tables(overlay: Overlay, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    entries = data.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise TaxonomyError(f"{overlay.path}: [[{key}]] must be an array of tables")
    return entries


def _string(overlay: Overlay, entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise TaxonomyError(f"{overlay.path}: an entry lacks {key!r}: {entry}")
    return value.strip()


def _skill(overlay: Overlay, entry: dict[str, Any]) -> SourceSkill:
    label = _string(overlay, entry, "label")
    skill_id = entry.get("id") or f"{CUSTOM_SOURCE}:{normalize_label(label)}"
    return SourceSkill(
        CUSTOM_SOURCE,
        str(skill_id),
        label,
        tuple(str(alias) for alias in entry.get("aliases", ())),
        entry.get("description"),
        category=entry.get("category"),
    )


def overlay_import(overlay: Overlay, *, release: str = "local") -> SourceImport:
    """Return the overlay's extra skills as a ``SourceImport`` (source ``custom``).

    Its checksum is the sha256 of the overlay text.

    Example: ``overlay_import(read_overlay(path)).skills[0].source`` -> ``"custom"``
    """
    digest = "sha256:" + hashlib.sha256(overlay.text.encode()).hexdigest()
    files = ((overlay.path, digest),)
    return SourceImport(CUSTOM_SOURCE, release, digest, overlay.skills, files=files)
