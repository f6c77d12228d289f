"""schema.org `JobPosting` (JSON-LD) -> `JobPosting` record."""

from __future__ import annotations

import re
from typing import Any

from spiders.items import JobPosting
from spiders.parsing.dates import to_utc_iso
from spiders.parsing.jsonld import (
    absolute_url,
    as_list,
    description_text,
    first_dict,
    number_of,
    text_of,
)
from spiders.parsing.places import country_code, country_from_places, mentions_remote
from spiders.parsing.vocab import employment_type, language_code, salary_period

_CURRENCY = re.compile(r"^[A-Za-z]{3}$")


def _places(obj: dict[str, Any]) -> list[tuple[str, str | None]]:
    """`(location text, ISO country)` of each `jobLocation` with something to say."""
    places = []
    for place in as_list(obj.get("jobLocation")):
        if isinstance(place, str):
            places.append((" ".join(place.split()), None))
            continue
        if not isinstance(place, dict):
            continue
        address = place.get("address")
        if isinstance(address, dict):
            country_raw = text_of(address.get("addressCountry"))
            parts = [
                text_of(address.get("addressLocality")),
                text_of(address.get("addressRegion")),
                country_raw,
            ]
            text = ", ".join(part for part in parts if part)
            places.append((text or (text_of(place.get("name")) or ""), country_code(country_raw)))
        else:
            places.append((text_of(address) or text_of(place.get("name")) or "", None))
    return [(text, country) for text, country in places if text or country]


def _country(places: list[tuple[str, str | None]]) -> str | None:
    if not places:
        return None
    codes = {country for _, country in places}
    if None not in codes:
        return codes.pop() if len(codes) == 1 else None
    return country_from_places([text for text, _ in places])


def _salary(obj: dict[str, Any]) -> dict[str, Any]:
    """`salary_min/max/currency/period` from `baseSalary` (a `MonetaryAmount`)."""
    amount = first_dict(obj.get("baseSalary"))
    if amount is None:
        return {}
    value = amount.get("value")
    unit = amount.get("unitText")
    low = high = None
    if isinstance(value, dict):  # QuantitativeValue
        single = number_of(value.get("value"))
        low = number_of(value.get("minValue"))
        high = number_of(value.get("maxValue"))
        if single is not None:
            low = single if low is None else low
            high = single if high is None else high
        unit = value.get("unitText", unit)
    else:
        low = high = number_of(value)
    currency = amount.get("currency")
    return {
        "salary_min": low,
        "salary_max": high,
        "salary_currency": currency.upper()
        if isinstance(currency, str) and _CURRENCY.match(currency.strip())
        else None,
        "salary_period": salary_period(unit),
    }


def _identifier(obj: dict[str, Any]) -> str | None:
    """`identifier` as a `PropertyValue` (its `value`) or a plain string/number."""
    for item in as_list(obj.get("identifier")):
        value = item.get("value") if isinstance(item, dict) else item
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def posting_from_jobposting(
    obj: dict[str, Any], *, page_url: str, source: str, crawled_at: str
) -> JobPosting:
    """Turn a schema.org `JobPosting` object into a `JobPosting` record.

    `url` is the object's `url` (made absolute) or the page URL; `source_id` is the
    `identifier` value or else that URL. `remote` is `True` for `jobLocationType`
    `TELECOMMUTE` or when the title or location says "remote", else `None`. Several
    `jobLocation`s are joined by `"; "`; `country` is set only when they agree.

    Args:
        obj: The JSON-LD object, `@type` `JobPosting`.
        page_url: The canonical URL of the page the object came from.
        source: The record's `source`.
        crawled_at: ISO 8601 UTC time of the crawl.

    Returns:
        The posting; a missing title is `""` (dropped later by `ValidatePipeline`).

    Example:
        `{"@type": "JobPosting", "title": "Junior software developer", "hiringOrganization":
        {"name": "ACME Corp."}}` -> `JobPosting(title="Junior software developer",
        employer="ACME Corp.", source_id=page_url, ...)`
    """
    url = absolute_url(obj.get("url"), page_url) or page_url
    title = text_of(obj.get("title")) or text_of(obj.get("name")) or ""
    places = _places(obj)
    location = "; ".join(text for text, _ in places if text) or None
    telecommute = any(
        isinstance(kind, str) and kind.strip().upper() == "TELECOMMUTE"
        for kind in as_list(obj.get("jobLocationType"))
    )
    return JobPosting(
        source=source,
        source_id=_identifier(obj) or url,
        url=url,
        title=title,
        employer=text_of(obj.get("hiringOrganization")),
        location=location,
        country=_country(places),
        remote=True if telecommute else mentions_remote(title, location),
        employment_type=employment_type(obj.get("employmentType")),
        date_posted=to_utc_iso(obj.get("datePosted")),
        valid_through=to_utc_iso(obj.get("validThrough")),
        language=language_code(text_of(obj.get("inLanguage"))),
        description=description_text(obj.get("description")),
        crawled_at=crawled_at,
        **_salary(obj),
    )
