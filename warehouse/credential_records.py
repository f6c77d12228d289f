"""The structured parts of a credential record: declared skills and stack relations.

`read_records` calls `declared_skills` and `relations` on each credential line; both return
plain rows and raise `ValueError` (the line is then skipped and reported) when a field breaks
the contract of docs/architecture.md section 1.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

_STR = pa.string()
#: Rows of `credential_skills` built from one file (framework, code, target_url may be null).
DECLARED_SCHEMA = pa.schema(
    [
        ("credential_key", _STR),
        ("position", pa.int32()),
        ("name", _STR),
        ("framework", _STR),
        ("code", _STR),
        ("target_url", _STR),
    ]
)
#: Rows of `credential_relations` built from one file.
RELATIONS_SCHEMA = pa.schema(
    [
        ("credential_key", _STR),
        ("position", pa.int32()),
        ("relation_type", _STR),
        ("target_source_id", _STR),
        ("target_url", _STR),
    ]
)
#: Values of `kind` (the CHECK of table credentials, migration 0020).
CREDENTIAL_KINDS = frozenset(
    {
        "course",
        "specialization",
        "professional_certificate",
        "nanodegree",
        "badge",
        "certificate",
        "bootcamp",
        "micromasters",
        "educator_microcredential",
        "other",
    }
)
RELATION_TYPES = frozenset({"part_of", "has_part", "prerequisite"})
CREDENTIAL_STATUSES = frozenset({"active", "expired", "revoked"})


def _optional_text(obj: dict[str, Any], name: str, field: str) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"field {field!r}: {name} must be a string or null, got {value!r}"
        raise ValueError(msg)
    return value.strip() or None


def _objects(record: dict[str, Any], field: str) -> list[dict[str, Any]]:
    value = record.get(field)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        msg = f"field {field!r} must be a list of objects, got {value!r}"
        raise ValueError(msg)
    return value


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        msg = f"field 'skills' must be a list of strings, got {value!r}"
        raise ValueError(msg)
    return [item.strip() for item in value if item.strip()]


def declared_skills(record: dict[str, Any]) -> list[dict[str, str | None]]:
    """The credential's declared skills: `declared_skills` objects, then the other `skills`.

    Each name appears once (first kept); a name only in `skills` has no framework.

    Example:
        >>> rows = declared_skills({"skills": ["SQL", "Go"],
        ...     "declared_skills": [{"name": "SQL", "framework": "ESCO", "url": "http://e/1"}]})
        >>> [(r["name"], r["framework"]) for r in rows]
        [('SQL', 'ESCO'), ('Go', None)]
    """
    found: dict[str, dict[str, str | None]] = {}
    for obj in _objects(record, "declared_skills"):
        name = _optional_text(obj, "name", "declared_skills")
        if name is None:
            msg = f"field 'declared_skills' has an entry without a name: {obj!r}"
            raise ValueError(msg)
        found.setdefault(
            name,
            {
                "name": name,
                "framework": _optional_text(obj, "framework", "declared_skills"),
                "code": _optional_text(obj, "code", "declared_skills"),
                "target_url": _optional_text(obj, "url", "declared_skills"),
            },
        )
    for name in _names(record.get("skills")):
        found.setdefault(name, {"name": name, "framework": None, "code": None, "target_url": None})
    return list(found.values())


def relations(record: dict[str, Any]) -> list[dict[str, str | None]]:
    """The credential's stack relations, without repeats of (type, target).

    Example:
        >>> relations({"relations": [{"type": "has_part", "target_source_id": "c1"}]})
        [{'relation_type': 'has_part', 'target_source_id': 'c1', 'target_url': None}]
    """
    found: dict[tuple[str, str], dict[str, str | None]] = {}
    for obj in _objects(record, "relations"):
        kind = obj.get("type")
        if kind not in RELATION_TYPES:
            allowed = ", ".join(sorted(RELATION_TYPES))
            msg = f"field 'relations': type {kind!r} is not one of {allowed}"
            raise ValueError(msg)
        target = _optional_text(obj, "target_source_id", "relations")
        if target is None:
            msg = f"field 'relations' has an entry without target_source_id: {obj!r}"
            raise ValueError(msg)
        found.setdefault(
            (kind, target),
            {
                "relation_type": kind,
                "target_source_id": target,
                "target_url": _optional_text(obj, "target_url", "relations"),
            },
        )
    return list(found.values())


def check_status(value: Any) -> None:
    """Raise `ValueError` for a `status` outside `active`, `expired`, `revoked` (null is fine)."""
    if value is not None and value not in CREDENTIAL_STATUSES:
        msg = f"status {value!r} is not one of {', '.join(sorted(CREDENTIAL_STATUSES))}"
        raise ValueError(msg)
