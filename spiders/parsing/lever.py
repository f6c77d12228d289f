"""Lever Postings API: `GET /v0/postings/{company}?mode=json&skip=&limit=` -> `JobPosting`s.

The payload is a JSON array of postings: `id`, `text` (title), `hostedUrl`, `categories`
(`commitment`, `location`, `allLocations`, ...), `country` (ISO code), `workplaceType`,
`createdAt` (epoch milliseconds), `description` (HTML), `lists` (`{"text", "content"}` with
`<li>` items), `additional` (HTML) and, when published, `salaryRange`.
"""

from __future__ import annotations

from typing import Any

from spiders.items import JobPosting
from spiders.parsing.dates import from_epoch
from spiders.parsing.html_text import html_to_text
from spiders.parsing.jsonld import text_of
from spiders.parsing.payload import job_objects
from spiders.parsing.salary import salary_fields
from spiders.parsing.vocab import known_employment_type
from spiders.parsing.workplace import country_of, remote_flag, workplace_type


def _description(posting: dict[str, Any]) -> str:
    parts = [posting.get("description") or ""]
    for block in posting.get("lists") or []:
        if isinstance(block, dict):
            parts.append(f"<h3>{block.get('text') or ''}</h3><ul>{block.get('content') or ''}</ul>")
    parts.append(posting.get("additional") or "")
    return html_to_text("".join(part for part in parts if isinstance(part, str)))


def _salary(posting: dict[str, Any]) -> dict[str, Any]:
    salary = posting.get("salaryRange")
    if not isinstance(salary, dict):
        return {}
    return salary_fields(
        salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("interval")
    )


def parse_posting(
    posting: dict[str, Any], *, source: str, crawled_at: str, employer: str | None = None
) -> JobPosting:
    """Turn one Lever posting into a `JobPosting`.

    Args:
        posting: One element of the payload array.
        source: The record's `source`, e.g. `"lever:leverdemo"`.
        crawled_at: ISO 8601 UTC time of the crawl.
        employer: The employer's name (Lever's payload does not carry it).

    Returns:
        The posting; missing id, title or URL become `""` (dropped by `ValidatePipeline`).
    """
    categories = posting.get("categories") if isinstance(posting.get("categories"), dict) else {}
    places = [text_of(place) for place in categories.get("allLocations") or []]
    places = [place for place in places if place] or [text_of(categories.get("location"))]
    location = "; ".join(place for place in places if place) or None
    workplace = workplace_type(posting.get("workplaceType"))
    return JobPosting(
        source=source,
        source_id=text_of(posting.get("id")) or "",
        url=text_of(posting.get("hostedUrl")) or "",
        title=text_of(posting.get("text")) or "",
        employer=employer,
        location=location,
        country=country_of([posting.get("country")], places),
        remote=remote_flag(workplace),
        workplace_type=workplace,
        employment_type=known_employment_type(categories.get("commitment")),
        date_posted=from_epoch(posting.get("createdAt"), millis=True),
        description=_description(posting),
        crawled_at=crawled_at,
        **_salary(posting),
    )


def parse_postings(
    payload: Any, *, source: str, crawled_at: str, employer: str | None = None
) -> list[JobPosting]:
    """Turn one page of the Lever Postings API into `JobPosting`s.

    Args:
        payload: The decoded JSON array.
        source: The records' `source`.
        crawled_at: ISO 8601 UTC time of the crawl.
        employer: The employer's name.

    Returns:
        One posting per element, in order.

    Raises:
        PayloadError: The payload is not an array.

    Example:
        `[{"id": "33538a2f-...", "text": "AbelsonTaylor Writer", "country": "US", ...}]` ->
        `[JobPosting(source_id="33538a2f-...", title="AbelsonTaylor Writer", country="US")]`
    """
    return [
        parse_posting(item, source=source, crawled_at=crawled_at, employer=employer)
        for item in job_objects(payload)
    ]
