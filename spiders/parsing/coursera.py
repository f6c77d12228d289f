"""Coursera catalog API (`courses.v1`, `onDemandSpecializations.v1`) -> `Credential` records.

A response is the Coursera "naptime" envelope: `{"elements": [...], "paging": {"next": "100",
"total": 250} | null, "linked": {"partners.v1": [...], "courses.v1": [...]}}`. `linked`
holds the resources named by `includes=` (partners, and a specialization's courses).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spiders.errors import PayloadError
from spiders.items import Credential
from spiders.parsing.credential_fields import names_of, relation, skill_names, unique_skills
from spiders.parsing.jsonld import description_text, text_of
from spiders.parsing.vocab import language_code

SITE = "https://www.coursera.org"
COURSE_FIELDS = "name,slug,description,workload,primaryLanguages,partnerIds,specializations,skills"
SPECIALIZATION_FIELDS = "name,slug,description,tagline,courseIds,partnerIds,productVariant,skills"
_PROFESSIONAL = "professionalcertificate"


@dataclass(frozen=True)
class Envelope:
    """One page of a catalog resource.

    Attributes:
        elements: The page's resources.
        linked: Included resources by resource name, e.g. `{"courses.v1": [...]}`.
        next_start: The `start` of the next page, or `None` on the last page.
        total: The resource's total count when the API says it.
    """

    elements: list[dict[str, Any]]
    linked: dict[str, list[dict[str, Any]]]
    next_start: str | None
    total: int | None


def _objects(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def parse_envelope(payload: object) -> Envelope:
    """Read the `elements` / `paging` / `linked` envelope.

    Raises:
        PayloadError: No `elements` list.

    Example:
        >>> parse_envelope({"elements": [], "paging": {"next": "2", "total": 3}}).next_start
        '2'
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("elements"), list):
        raise PayloadError("no 'elements' list")
    paging = payload.get("paging") if isinstance(payload.get("paging"), dict) else {}
    linked_raw = payload.get("linked") if isinstance(payload.get("linked"), dict) else {}
    linked = {name: _objects(items) for name, items in linked_raw.items()}
    next_start = paging.get("next")
    total = paging.get("total")
    return Envelope(
        elements=_objects(payload["elements"]),
        linked=linked,
        next_start=str(next_start) if next_start not in (None, "") else None,
        total=total if isinstance(total, int) else None,
    )


def partner_names(envelope: Envelope) -> dict[str, str]:
    """`{partner id: name}` from `linked["partners.v1"]`."""
    return {
        str(item["id"]): name
        for item in envelope.linked.get("partners.v1", [])
        if "id" in item and (name := text_of(item.get("name")))
    }


def _provider(element: dict[str, Any], partners: dict[str, str]) -> str | None:
    ids = element.get("partnerIds") if isinstance(element.get("partnerIds"), list) else []
    return next((partners[str(pid)] for pid in ids if str(pid) in partners), None)


def _language(element: dict[str, Any]) -> str | None:
    languages = element.get("primaryLanguages")
    return language_code(languages[0]) if isinstance(languages, list) and languages else None


def course_record(
    element: dict[str, Any],
    *,
    partners: dict[str, str],
    source: str,
    crawled_at: str,
    part_of: tuple[str, ...] = (),
) -> Credential:
    """A `courses.v1` element -> `kind="course"`, `part_of` its `specializations`.

    `part_of` adds specialization ids known from elsewhere (the specialization that included
    the course in its `linked` resources).

    Example:
        `{"id": "abc", "slug": "nlp", "name": "NLP"}` -> `Credential(source_id="abc",
        url="https://www.coursera.org/learn/nlp", kind="course", ...)`
    """
    skills = unique_skills(skill_names(element.get("skills")))
    own = element.get("specializations") if isinstance(element.get("specializations"), list) else []
    specializations = list(dict.fromkeys([*map(str, own), *part_of]))
    return Credential(
        source=source,
        source_id=str(element.get("id") or ""),
        url=f"{SITE}/learn/{element.get('slug') or element.get('id')}",
        title=text_of(element.get("name")) or "",
        description=description_text(element.get("description")),
        language=_language(element),
        crawled_at=crawled_at,
        provider=_provider(element, partners),
        kind="course",
        duration=text_of(element.get("workload")),
        skills=names_of(skills),
        declared_skills=skills,
        relations=[relation("part_of", sid) for sid in specializations],
    )


def specialization_record(
    element: dict[str, Any],
    *,
    partners: dict[str, str],
    course_slugs: dict[str, str],
    source: str,
    crawled_at: str,
) -> Credential:
    """An `onDemandSpecializations.v1` element -> specialization or professional certificate.

    `productVariant` naming a professional certificate gives `professional_certificate`; every
    id of `courseIds` becomes a `has_part` relation (with the course URL when its slug is known
    from `linked["courses.v1"]`).
    """
    variant = str(element.get("productVariant") or "").replace("S12n", "").lower()
    professional = variant == _PROFESSIONAL
    path = "professional-certificates" if professional else "specializations"
    skills = unique_skills(skill_names(element.get("skills")))
    course_ids = element.get("courseIds") if isinstance(element.get("courseIds"), list) else []
    description = description_text(element.get("description")) or (
        text_of(element.get("tagline")) or ""
    )
    return Credential(
        source=source,
        source_id=str(element.get("id") or ""),
        url=f"{SITE}/{path}/{element.get('slug') or element.get('id')}",
        title=text_of(element.get("name")) or "",
        description=description,
        crawled_at=crawled_at,
        provider=_provider(element, partners),
        kind="professional_certificate" if professional else "specialization",
        skills=names_of(skills),
        declared_skills=skills,
        relations=[
            relation(
                "has_part",
                cid,
                f"{SITE}/learn/{course_slugs[str(cid)]}" if str(cid) in course_slugs else None,
            )
            for cid in course_ids
        ],
    )
