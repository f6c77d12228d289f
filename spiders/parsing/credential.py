"""schema.org courses, credentials and programmes (JSON-LD) -> `Credential` record.

Reads `Course`, `EducationalOccupationalCredential` and `EducationalOccupationalProgram`.
"""

from __future__ import annotations

import re
from typing import Any

from spiders.items import Credential
from spiders.parsing.credential_fields import declared_skill, names_of, relation, unique_skills
from spiders.parsing.dates import duration_hours
from spiders.parsing.jsonld import (
    absolute_url,
    as_list,
    description_text,
    number_of,
    text_of,
    type_names,
)
from spiders.parsing.vocab import language_code

#: The schema.org types `credential_from_jsonld` reads.
CREDENTIAL_TYPES = frozenset(
    {"Course", "EducationalOccupationalCredential", "EducationalOccupationalProgram"}
)
# Words in a name or category that name a kind, most specific first.
_KIND_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"micro\s?masters", re.IGNORECASE), "micromasters"),
    (re.compile(r"nano\s?degree", re.IGNORECASE), "nanodegree"),
    (re.compile(r"boot\s?camp", re.IGNORECASE), "bootcamp"),
    (re.compile(r"speciali[sz]ation", re.IGNORECASE), "specialization"),
    (re.compile(r"professional\s+certificate", re.IGNORECASE), "professional_certificate"),
    (re.compile(r"badge", re.IGNORECASE), "badge"),
    (re.compile(r"certificat(e|ion)", re.IGNORECASE), "certificate"),
)
_MICRO = re.compile(r"micro-?\s?credential", re.IGNORECASE)
#: Words that say a micro-credential is for educators.
EDUCATOR_WORDS = re.compile(r"\b(educators?|teachers?)\b", re.IGNORECASE)
_LEVELS = frozenset({"beginner", "introductory", "intermediate", "advanced", "expert", "mixed"})
_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


def _term_texts(value: object) -> list[str]:
    """Texts of a category: strings, and each DefinedTerm's `name`, `termCode` and `@id`."""
    texts = []
    for item in as_list(value):
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, dict):
            texts.extend(str(item[key]) for key in ("name", "termCode", "@id") if item.get(key))
    return texts


def _kind_from_words(texts: list[str]) -> str | None:
    joined = " | ".join(texts)
    return next((kind for pattern, kind in _KIND_WORDS if pattern.search(joined)), None)


def _kind(obj: dict[str, Any], name: str) -> str:
    types = type_names(obj)
    if "Course" in types:
        return "course"
    if "EducationalOccupationalCredential" in types:
        texts = [*_term_texts(obj.get("credentialCategory")), name]
        audience = [*_term_texts(obj.get("audience")), *_term_texts(obj.get("educationalUse"))]
        if _MICRO.search(" | ".join(texts)) and EDUCATOR_WORDS.search(
            " | ".join([*audience, name])
        ):
            return "educator_microcredential"
        return _kind_from_words(texts) or "certificate"
    texts = [name, *_term_texts(obj.get("programType"))]
    return _kind_from_words(texts) or "other"


def _instances(obj: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for item in as_list(obj.get("hasCourseInstance")) if isinstance(item, dict)]


def _offers(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """The object's own offers, then those of its course instances, in order."""
    offers = [item for item in as_list(obj.get("offers")) if isinstance(item, dict)]
    for instance in _instances(obj):
        offers.extend(item for item in as_list(instance.get("offers")) if isinstance(item, dict))
    return offers


def _price(offers: list[dict[str, Any]]) -> tuple[float | None, str | None]:
    """`(price, currency)` of the first offer with a price (`lowPrice` for AggregateOffer)."""
    for offer in offers:
        price = number_of(offer.get("price"))
        if price is None:
            price = number_of(offer.get("lowPrice"))
        if price is not None:
            currency = offer.get("priceCurrency")
            if isinstance(currency, str) and _CURRENCY.match(currency.strip()):
                return price, currency.strip().upper()
            return price, None
    return None, None


def _provider(obj: dict[str, Any], offers: list[dict[str, Any]]) -> str | None:
    for key in ("provider", "recognizedBy"):
        if name := text_of(obj.get(key)):
            return name
    return next((name for offer in offers if (name := text_of(offer.get("offeredBy")))), None)


def _level(obj: dict[str, Any]) -> str | None:
    level = text_of(obj.get("educationalLevel")) or text_of(obj.get("educationalCredentialLevel"))
    if level and level.lower() in _LEVELS:
        return level.lower()
    return level


def _hours(obj: dict[str, Any]) -> float | None:
    hours = duration_hours(obj.get("timeRequired"))
    if hours is not None:
        return hours
    for instance in _instances(obj):
        hours = duration_hours(instance.get("courseWorkload"))
        if hours is not None:
            return hours
    return None


def _skills(obj: dict[str, Any]) -> list[dict[str, str | None]]:
    """`teaches`, `competencyRequired` and `about`, in order, without repeats.

    A `DefinedTerm` keeps its `inDefinedTermSet` (framework), `termCode` and `url` / `@id`.
    """
    found = []
    for key in ("teaches", "competencyRequired", "about"):
        for item in as_list(obj.get(key)):
            term = item if isinstance(item, dict) else {}
            skill = declared_skill(
                text_of(item),
                framework=text_of(term.get("inDefinedTermSet")),
                code=term.get("termCode"),
                url=term.get("url") or term.get("@id"),
            )
            if skill:
                found.append(skill)
    return unique_skills(found)


def _relations(obj: dict[str, Any], page_url: str) -> list[dict[str, Any]]:
    """`hasCourse` -> has_part, `isPartOf` -> part_of, `coursePrerequisites` -> prerequisite.

    Targets are the related object's `@id` or `url` (the `source_id` its own page gives it);
    prerequisites given only as text are not relations.
    """
    found = []
    for key, kind in (
        ("hasCourse", "has_part"),
        ("isPartOf", "part_of"),
        ("coursePrerequisites", "prerequisite"),
    ):
        for item in as_list(obj.get(key)):
            target_id = absolute_url(item.get("@id") if isinstance(item, dict) else None, page_url)
            target_url = absolute_url(item.get("url") if isinstance(item, dict) else None, page_url)
            if isinstance(item, str) and item.startswith(("http://", "https://", "/")):
                target_id = target_url = absolute_url(item, page_url)
            if target_id or target_url:
                found.append(relation(kind, target_id or target_url, target_url or target_id))
    return found


def credential_from_jsonld(
    obj: dict[str, Any], *, page_url: str, source: str, crawled_at: str
) -> Credential:
    """Turn a schema.org course, credential or programme object into a `Credential` record.

    Reads `Course`, `EducationalOccupationalCredential` and `EducationalOccupationalProgram`.
    `kind`: `Course` -> `course`; a credential whose category or name says badge ->
    `badge`, professional certificate -> `professional_certificate`, otherwise
    `certificate`, and a micro-credential whose audience or name names educators or teachers
    -> `educator_microcredential`; a programme -> `micromasters`, `nanodegree`, `bootcamp`,
    `specialization`, ... when its name or `programType` says so, else `other`. `hours` comes
    from `timeRequired` or a course instance's `courseWorkload` when that is a pure time
    duration (`PT20H`); price and currency from the first offer (own offers first, then
    course instances'). Declared skills keep a `DefinedTerm`'s framework, code and URL;
    `hasCourse` (edX-style programmes), `isPartOf` and `coursePrerequisites` that name an
    `@id` or URL become relations.

    Args:
        obj: The JSON-LD object.
        page_url: The canonical URL of the page the object came from.
        source: The record's `source`.
        crawled_at: ISO 8601 UTC time of the crawl.

    Returns:
        The credential; a missing name is `""` (dropped later by `ValidatePipeline`).

    Example:
        `{"@type": "Course", "name": "Physics", "provider": {"name": "University of
        Bristol"}}` -> `Credential(title="Physics", kind="course", provider="University of
        Bristol", url=page_url, ...)`
    """
    title = text_of(obj.get("name")) or ""
    own_id = absolute_url(obj.get("@id"), page_url)
    url = absolute_url(obj.get("url"), page_url) or own_id or page_url
    offers = _offers(obj)
    price, currency = _price(offers)
    skills = _skills(obj)
    return Credential(
        source=source,
        source_id=own_id or url,
        url=url,
        title=title,
        description=description_text(obj.get("description")),
        language=language_code(text_of(obj.get("inLanguage"))),
        crawled_at=crawled_at,
        provider=_provider(obj, offers),
        kind=_kind(obj, title),
        level=_level(obj),
        hours=_hours(obj),
        price=price,
        currency=currency,
        skills=names_of(skills),
        declared_skills=skills,
        relations=_relations(obj, page_url),
    )
