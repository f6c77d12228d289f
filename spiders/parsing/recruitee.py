"""Recruitee careers API: `GET https://{company}.recruitee.com/api/offers/` -> `JobPosting`s.

The payload is `{"offers": [...]}`; each offer has `id`, `title`, `careers_url`,
`company_name`, `location`, `city`, `country_code`, `locations[]`, `remote`, `hybrid`,
`on_site`, `employment_type_code`, `published_at` / `created_at` (`"2026-07-29 08:19:33
UTC"`), `close_at`, `salary` (`min`, `max`, `period`, `currency`), `description` and
`requirements` (HTML) and `translations` (one key per language of the offer).
"""

from __future__ import annotations

from typing import Any

from spiders.items import JobPosting
from spiders.parsing.dates import to_utc_iso
from spiders.parsing.html_text import html_to_text
from spiders.parsing.jsonld import text_of
from spiders.parsing.payload import job_objects
from spiders.parsing.salary import salary_fields
from spiders.parsing.vocab import employment_type, language_code
from spiders.parsing.workplace import country_of


def _workplace(offer: dict[str, Any]) -> str | None:
    for key, value in (("remote", "REMOTE"), ("hybrid", "HYBRID"), ("on_site", "ON_SITE")):
        if offer.get(key) is True:
            return value
    return None


def _salary(offer: dict[str, Any]) -> dict[str, Any]:
    salary = offer.get("salary")
    if not isinstance(salary, dict):
        return {}
    return salary_fields(
        salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("period")
    )


def _language(offer: dict[str, Any]) -> str | None:
    translations = offer.get("translations")
    if isinstance(translations, dict) and len(translations) == 1:
        return language_code(next(iter(translations)))
    return None


def parse_offer(offer: dict[str, Any], *, source: str, crawled_at: str) -> JobPosting:
    """Turn one Recruitee offer into a `JobPosting`.

    Args:
        offer: One element of `offers`.
        source: The record's `source`, e.g. `"recruitee:spring"`.
        crawled_at: ISO 8601 UTC time of the crawl.

    Returns:
        The posting; `remote` is `True` only for a remote offer, `False` for hybrid or
        on-site ones.
    """
    workplace = _workplace(offer)
    location = text_of(offer.get("location"))
    codes = [item.get("country_code") for item in offer.get("locations") or [] if item]
    html = "".join(text for key in ("description", "requirements") if (text := offer.get(key)))
    return JobPosting(
        source=source,
        source_id=text_of(offer.get("id")) or "",
        url=text_of(offer.get("careers_url")) or "",
        title=text_of(offer.get("title")) or "",
        employer=text_of(offer.get("company_name")),
        location=location,
        country=country_of(codes or [offer.get("country_code")], [location]),
        remote=None if workplace is None else workplace == "REMOTE",
        workplace_type=workplace,
        employment_type=employment_type(offer.get("employment_type_code")),
        date_posted=to_utc_iso(offer.get("published_at")) or to_utc_iso(offer.get("created_at")),
        valid_through=to_utc_iso(offer.get("close_at")),
        language=_language(offer),
        description=html_to_text(html) if isinstance(html, str) else "",
        crawled_at=crawled_at,
        **_salary(offer),
    )


def parse_offers(payload: Any, *, source: str, crawled_at: str) -> list[JobPosting]:
    """Turn a Recruitee `offers` payload into `JobPosting`s.

    Raises:
        PayloadError: The payload has no `offers` list.

    Example:
        `{"offers": [{"id": 2693374, "title": "Business Developer Retail Lyon - ...", ...}]}`
        -> `[JobPosting(source_id="2693374", country="FR", workplace_type="HYBRID", ...)]`
    """
    return [
        parse_offer(offer, source=source, crawled_at=crawled_at)
        for offer in job_objects(payload, "offers")
    ]
