"""Greenhouse Job Board API: `GET /v1/boards/{board}/jobs?content=true` -> `JobPosting`s.

The payload is `{"jobs": [...], "meta": {"total": n}}`. With `content=true` each job also
carries `content` (the description as HTML that is itself HTML-escaped: `&lt;p&gt;...`),
`departments` and `offices` (`{"name", "location"}`).
"""

from __future__ import annotations

import html
import re
from typing import Any

from spiders.errors import PayloadError
from spiders.items import JobPosting
from spiders.parsing.dates import to_utc_iso
from spiders.parsing.html_text import html_to_text
from spiders.parsing.places import country_from_places, mentions_remote
from spiders.parsing.vocab import employment_type, language_code

# Job custom fields ("metadata") that hold the employment type on many boards.
_EMPLOYMENT_FIELD = re.compile(r"^(employment|job|contract)[ _-]?type$", re.IGNORECASE)


def _text(value: object) -> str | None:
    """A stripped non-empty string, or `None`."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _offices(job: dict[str, Any]) -> list[dict[str, Any]]:
    offices = job.get("offices")
    if not isinstance(offices, list):
        return []
    return [office for office in offices if isinstance(office, dict)]


def _location(job: dict[str, Any]) -> str | None:
    """`location.name` as written; else the offices' names joined by `"; "`."""
    location = job.get("location")
    if isinstance(location, dict) and (name := _text(location.get("name"))):
        return name
    names = [name for office in _offices(job) if (name := _text(office.get("name")))]
    return "; ".join(names) or None


def _country(job: dict[str, Any], location: str | None) -> str | None:
    """Country from the offices' location texts, else from the posting's location."""
    office_places = [place for office in _offices(job) if (place := _text(office.get("location")))]
    if office_places:
        return country_from_places(office_places)
    return country_from_places([location]) if location else None


def _employment_type(job: dict[str, Any]) -> str | None:
    metadata = job.get("metadata")
    if not isinstance(metadata, list):
        return None
    for field in metadata:
        if (
            isinstance(field, dict)
            and isinstance(field.get("name"), str)
            and _EMPLOYMENT_FIELD.match(field["name"].strip())
        ):
            return employment_type(field.get("value"))
    return None


def _description(job: dict[str, Any]) -> str:
    content = job.get("content")
    if not isinstance(content, str):
        return ""
    return html_to_text(html.unescape(content))


def parse_job(job: dict[str, Any], *, source: str, crawled_at: str) -> JobPosting:
    """Turn one Greenhouse job object into a `JobPosting`.

    Args:
        job: One element of the payload's `jobs` list.
        source: The record's `source`, e.g. `"greenhouse:stripe"`.
        crawled_at: ISO 8601 UTC time of the crawl.

    Returns:
        The posting. A job without `id`, `title` or `absolute_url` yields empty strings there,
        which `ValidatePipeline` drops.
    """
    location = _location(job)
    title = _text(job.get("title")) or ""
    job_id = job.get("id")
    return JobPosting(
        source=source,
        source_id=str(job_id) if isinstance(job_id, int | str) and str(job_id) else "",
        url=_text(job.get("absolute_url")) or "",
        title=title,
        employer=_text(job.get("company_name")),
        location=location,
        country=_country(job, location),
        remote=mentions_remote(location, title),
        employment_type=_employment_type(job),
        date_posted=to_utc_iso(job.get("first_published")) or to_utc_iso(job.get("updated_at")),
        valid_through=to_utc_iso(job.get("application_deadline")),
        language=language_code(job.get("language")),
        description=_description(job),
        crawled_at=crawled_at,
    )


def parse_jobs(payload: dict[str, Any], *, source: str, crawled_at: str) -> list[JobPosting]:
    """Turn a Greenhouse job board `jobs` payload into `JobPosting`s.

    `date_posted` is `first_published` (else `updated_at`) in UTC; `country` is derived only
    when the offices (else the location) name one country; `remote` is `True` when the
    location or title says "remote", else `None`.

    Args:
        payload: The decoded JSON of `GET /v1/boards/{board}/jobs?content=true` (also works
            without `content=true`; descriptions are then empty).
        source: The records' `source`, e.g. `"greenhouse:stripe"`.
        crawled_at: ISO 8601 UTC time of the crawl.

    Returns:
        One posting per job, in payload order.

    Raises:
        PayloadError: The payload has no `jobs` list.

    Example:
        `{"jobs": [{"id": 8023928, "title": "Account Executive, Bridge", ...}]}` ->
        `[JobPosting(source_id="8023928", title="Account Executive, Bridge", ...)]`
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
        raise PayloadError("expected an object with a 'jobs' list")
    return [
        parse_job(job, source=source, crawled_at=crawled_at)
        for job in payload["jobs"]
        if isinstance(job, dict)
    ]
