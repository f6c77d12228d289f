"""Ashby Job Posting API: `GET /posting-api/job-board/{org}?includeCompensation=true`.

The payload is `{"apiVersion": "1", "jobs": [...]}`; each job has `id`, `title`,
`employmentType` (`FullTime`, `PartTime`, `Intern`, `Contract`, `Temporary`), `location`,
`secondaryLocations[]` (`{"location", "address": {"postalAddress": {...}}}`), `address`,
`isRemote`, `workplaceType` (`OnSite`, `Remote`, `Hybrid`), `isListed`, `publishedAt`,
`jobUrl`, `descriptionHtml` and, with `includeCompensation=true`, `compensation` whose
`summaryComponents[]` have `compensationType` (`Salary`, ...), `interval` (`1 YEAR`),
`currencyCode`, `minValue` and `maxValue`.
"""

from __future__ import annotations

from typing import Any

from spiders.items import JobPosting
from spiders.parsing.dates import to_utc_iso
from spiders.parsing.html_text import html_to_text
from spiders.parsing.jsonld import text_of
from spiders.parsing.payload import job_objects
from spiders.parsing.salary import salary_fields
from spiders.parsing.vocab import employment_type
from spiders.parsing.workplace import country_of, remote_flag, workplace_type


def _address_country(holder: object) -> str | None:
    if not isinstance(holder, dict) or not isinstance(holder.get("address"), dict):
        return None
    postal = holder["address"].get("postalAddress")
    return text_of(postal.get("addressCountry")) if isinstance(postal, dict) else None


def _salary(job: dict[str, Any]) -> dict[str, Any]:
    compensation = job.get("compensation")
    if not isinstance(compensation, dict):
        return {}
    for part in compensation.get("summaryComponents") or []:
        if isinstance(part, dict) and part.get("compensationType") == "Salary":
            return salary_fields(
                part.get("minValue"),
                part.get("maxValue"),
                part.get("currencyCode"),
                part.get("interval"),
            )
    return {}


def parse_job(
    job: dict[str, Any], *, source: str, crawled_at: str, employer: str | None = None
) -> JobPosting:
    """Turn one Ashby job into a `JobPosting` (see the module docstring for the fields).

    Args:
        job: One element of `jobs`.
        source: The record's `source`, e.g. `"ashby:ramp"`.
        crawled_at: ISO 8601 UTC time of the crawl.
        employer: The employer's name (the payload does not carry it).

    Returns:
        The posting.
    """
    secondary = [item for item in job.get("secondaryLocations") or [] if isinstance(item, dict)]
    places = [text_of(job.get("location"))] + [text_of(item.get("location")) for item in secondary]
    countries = [_address_country(job)] + [_address_country(item) for item in secondary]
    workplace = workplace_type(job.get("workplaceType"))
    return JobPosting(
        source=source,
        source_id=text_of(job.get("id")) or "",
        url=text_of(job.get("jobUrl")) or "",
        title=text_of(job.get("title")) or "",
        employer=employer,
        location="; ".join(place for place in places if place) or None,
        country=country_of([code for code in countries if code], places),
        remote=remote_flag(workplace, job.get("isRemote")),
        workplace_type=workplace,
        employment_type=employment_type(job.get("employmentType")),
        date_posted=to_utc_iso(job.get("publishedAt")),
        description=html_to_text(text_of(job.get("descriptionHtml")) or ""),
        crawled_at=crawled_at,
        **_salary(job),
    )


def parse_job_board(
    payload: Any, *, source: str, crawled_at: str, employer: str | None = None
) -> list[JobPosting]:
    """Turn an Ashby job board payload into `JobPosting`s, skipping unlisted jobs.

    Raises:
        PayloadError: The payload has no `jobs` list.

    Example:
        `{"jobs": [{"id": "34413f8d-...", "title": " Security Engineer, Cloud", ...}]}` ->
        `[JobPosting(title="Security Engineer, Cloud", remote=True, ...)]`
    """
    return [
        parse_job(job, source=source, crawled_at=crawled_at, employer=employer)
        for job in job_objects(payload, "jobs")
        if job.get("isListed") is not False
    ]
