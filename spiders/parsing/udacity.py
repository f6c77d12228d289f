"""Udacity public catalog JSON (`/public-api/v1/courses`) -> `Credential` records.

The catalog is one object `{"courses": [...], "degrees": [...], "tracks": [...]}`; courses
and degrees (Nanodegree programs) share the fields `key`, `title`, `subtitle`, `summary`,
`expected_learning`, `level`, `expected_duration`, `expected_duration_unit`, `homepage`,
`affiliates` and, in current catalogs, `skills`.
"""

from __future__ import annotations

from typing import Any

from spiders.errors import PayloadError
from spiders.items import Credential
from spiders.parsing.credential_fields import names_of, skill_names, unique_skills
from spiders.parsing.jsonld import number_of, text_of
from spiders.parsing.vocab import language_code

SITE = "https://www.udacity.com"
_HOURS_PER_UNIT = {"hours": 1.0, "hour": 1.0}


def _duration(element: dict[str, Any]) -> tuple[str | None, float | None]:
    amount = number_of(element.get("expected_duration"))
    unit = text_of(element.get("expected_duration_unit"))
    if amount is None or not unit:
        return None, None
    text = f"{amount:g} {unit}"
    factor = _HOURS_PER_UNIT.get(unit.lower())
    return text, amount * factor if factor else None


def _description(element: dict[str, Any]) -> str:
    parts = [text_of(element.get(key)) for key in ("subtitle", "summary", "expected_learning")]
    return "\n".join(part for part in parts if part)


def program_record(
    element: dict[str, Any], *, degree: bool, source: str, crawled_at: str
) -> Credential:
    """One catalog course (`kind="course"`) or degree (`kind="nanodegree"`).

    Example:
        `{"key": "nd025", "title": "Data Analyst", "expected_duration": 4,
        "expected_duration_unit": "months"}` with `degree=True` -> `Credential(kind=
        "nanodegree", duration="4 months", url="https://www.udacity.com/course/nd025", ...)`
    """
    key = str(element.get("key") or "")
    skills = unique_skills(skill_names(element.get("skills")))
    duration, hours = _duration(element)
    level = text_of(element.get("level"))
    return Credential(
        source=source,
        source_id=key,
        url=text_of(element.get("homepage")) or f"{SITE}/course/{key}",
        title=text_of(element.get("title")) or "",
        description=_description(element),
        language=language_code(text_of(element.get("language"))) or "en",
        crawled_at=crawled_at,
        provider="Udacity",
        issuer="Udacity",
        kind="nanodegree" if degree else "course",
        level=level.lower() if level else None,
        hours=hours,
        duration=duration,
        skills=names_of(skills),
        declared_skills=skills,
    )


def parse_catalog(payload: object, *, source: str, crawled_at: str) -> list[Credential]:
    """Every course and degree of the catalog, degrees first.

    Raises:
        PayloadError: Neither a `courses` nor a `degrees` list.
    """
    if not isinstance(payload, dict) or not any(
        isinstance(payload.get(name), list) for name in ("courses", "degrees")
    ):
        raise PayloadError("neither a 'courses' nor a 'degrees' list")
    records = []
    for name, degree in (("degrees", True), ("courses", False)):
        for element in payload.get(name) or []:
            if isinstance(element, dict):
                records.append(
                    program_record(element, degree=degree, source=source, crawled_at=crawled_at)
                )
    return records
