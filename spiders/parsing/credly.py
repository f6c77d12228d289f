"""Credly badge templates (`GET /v1/organizations/{id}/badge_templates`) -> `Credential`.

A page is `{"data": [template, ...], "metadata": {"current_page": 1, "total_pages": 3,
...}}`. A template has `id`, `name`, `description`, `url`, `state` (`active`, `archived`),
`level`, `type_category` (`Certification`, `Learning`, ...), `skills` (names, or objects
with `name`), `alignments` (`name`, `url`, `code`, `framework`) and `owner.name`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spiders.errors import PayloadError
from spiders.items import Credential
from spiders.parsing.credential_fields import (
    alignment_skills,
    names_of,
    skill_names,
    unique_skills,
)
from spiders.parsing.jsonld import description_text, text_of

SITE = "https://www.credly.com"


@dataclass(frozen=True)
class TemplatePage:
    """One page of badge templates; `next_page` is `None` on the last page."""

    templates: list[dict[str, Any]]
    next_page: int | None


def parse_page(payload: object) -> TemplatePage:
    """Read a page of templates and its paging metadata.

    Raises:
        PayloadError: No `data` list.

    Example:
        >>> parse_page({"data": [], "metadata": {"current_page": 1, "total_pages": 2}}).next_page
        2
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
        raise PayloadError("no 'data' list")
    meta = payload.get("metadata") if isinstance(payload.get("metadata"), dict) else {}
    current, total = meta.get("current_page"), meta.get("total_pages")
    more = isinstance(current, int) and isinstance(total, int) and current < total
    templates = [item for item in payload["data"] if isinstance(item, dict)]
    return TemplatePage(templates, current + 1 if more else None)


def template_record(
    template: dict[str, Any], *, organization: str, source: str, crawled_at: str
) -> tuple[Credential, str | None]:
    """One badge template -> `(record, reason it is not active or None)`.

    `kind` is `certificate` for `type_category == "Certification"`, else `badge`; an
    `archived` template gets `status="expired"`.

    Example:
        `{"id": "t1", "name": "Data Basics", "skills": ["SQL"], "state": "active"}` ->
        `Credential(kind="badge", skills=["SQL"], status="active", ...)`
    """
    alignments = alignment_skills(template.get("alignments"), ("name", "framework", "code", "url"))
    skills = unique_skills([*skill_names(template.get("skills")), *alignments])
    state = str(template.get("state") or "active").lower()
    status, reason = (
        ("expired", f"template state {state!r}")
        if state == "archived"
        else (
            "active",
            None,
        )
    )
    slug = template.get("vanity_slug") or template.get("id")
    owner = text_of(template.get("owner"))
    category = str(template.get("type_category") or "").lower()
    level = text_of(template.get("level"))
    record = Credential(
        source=source,
        source_id=str(template.get("id") or ""),
        url=text_of(template.get("url")) or f"{SITE}/org/{organization}/badge/{slug}",
        title=text_of(template.get("name")) or "",
        description=description_text(template.get("description")),
        crawled_at=crawled_at,
        provider=owner,
        issuer=owner,
        kind="certificate" if category == "certification" else "badge",
        level=level.lower() if level else None,
        duration=text_of(template.get("time_to_earn")),
        skills=names_of(skills),
        declared_skills=skills,
        status=status,
    )
    return record, reason
