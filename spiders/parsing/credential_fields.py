"""Builders of the credential record's structured fields: declared skills, relations, status.

Every catalogue parser (`coursera`, `udacity`, `openbadges`, `credly`, `ctdl`, schema.org
`credential`) builds `Credential.declared_skills`, `Credential.relations` and
`Credential.status` through these functions, so the shapes stay those of
docs/architecture.md section 1.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from spiders.parsing.jsonld import as_list, text_of


def _clean(value: object) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return " ".join(value.split()) or None if isinstance(value, str) else None


def declared_skill(
    name: object, *, framework: object = None, code: object = None, url: object = None
) -> dict[str, str | None] | None:
    """One declared skill `{name, framework, code, url}`, or `None` without a name.

    Example:
        >>> declared_skill(" Python ", framework="ESCO", code=None, url="http://x/1")
        {'name': 'Python', 'framework': 'ESCO', 'code': None, 'url': 'http://x/1'}
    """
    clean = _clean(name)
    if clean is None:
        return None
    return {"name": clean, "framework": _clean(framework), "code": _clean(code), "url": _clean(url)}


def skill_names(values: object) -> list[dict[str, str | None]]:
    """Declared skills from a list of names or `{name: ...}` objects (framework unknown).

    Example:
        >>> [s["name"] for s in skill_names(["SQL", {"name": "Python"}, "", None])]
        ['SQL', 'Python']
    """
    found = (declared_skill(text_of(value)) for value in as_list(values))
    return [skill for skill in found if skill]


#: Keys of an Open Badges / schema.org alignment: name, framework, code, URL.
ALIGNMENT_KEYS = ("targetName", "targetFramework", "targetCode", "targetUrl")


def alignment_skills(
    values: object, keys: tuple[str, str, str, str] = ALIGNMENT_KEYS
) -> list[dict[str, str | None]]:
    """Declared skills from alignment objects; entries without a name are skipped.

    Args:
        values: One alignment object or a list of them.
        keys: The keys of name, framework, code and URL: Open Badges 2.0 / 3.0 and schema.org
            by default; Credly uses `("name", "framework", "code", "url")`.

    Example:
        >>> alignment_skills([{"targetName": "SQL", "targetUrl": "http://e/s/1"}])[0]["url"]
        'http://e/s/1'
    """
    name, framework, code, url = keys
    found = []
    for item in as_list(values):
        if isinstance(item, dict):
            skill = declared_skill(
                item.get(name),
                framework=item.get(framework),
                code=item.get(code),
                url=item.get(url),
            )
            if skill:
                found.append(skill)
    return found


def unique_skills(skills: list[dict[str, str | None]]) -> list[dict[str, str | None]]:
    """Skills without repeats of a name (case-insensitive), first kept, in order."""
    seen: set[str] = set()
    out = []
    for skill in skills:
        key = (skill["name"] or "").casefold()
        if key not in seen:
            seen.add(key)
            out.append(skill)
    return out


def names_of(skills: list[dict[str, str | None]]) -> list[str]:
    """The `skills` field (names as written) for a list of declared skills."""
    return [skill["name"] for skill in skills if skill["name"]]


def relation(kind: str, target_source_id: object, target_url: object = None) -> dict[str, Any]:
    """One stack relation `{type, target_source_id, target_url}`.

    Args:
        kind: `part_of`, `has_part` or `prerequisite`.
        target_source_id: The related credential's `source_id` in the same source.
        target_url: Its URL when known.

    Example:
        >>> relation("has_part", "c1", None)
        {'type': 'has_part', 'target_source_id': 'c1', 'target_url': None}
    """
    return {
        "type": kind,
        "target_source_id": str(target_source_id),
        "target_url": _clean(target_url),
    }


def expiry_status(valid_until: object, *, now: datetime | None = None) -> tuple[str, str | None]:
    """`("expired", reason)` when an ISO 8601 end date is past, else `("active", None)`.

    Example:
        >>> expiry_status("2010-01-01T00:00:00Z")
        ('expired', 'valid until 2010-01-01T00:00:00Z')
    """
    if not isinstance(valid_until, str) or not valid_until.strip():
        return "active", None
    try:
        moment = datetime.fromisoformat(valid_until.strip().replace("Z", "+00:00"))
    except ValueError:
        return "active", None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if moment < (now or datetime.now(UTC)):
        return "expired", f"valid until {valid_until.strip()}"
    return "active", None
