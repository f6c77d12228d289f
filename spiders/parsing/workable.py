"""Workable widget API: `GET /api/v1/widget/accounts/{account}?details=true` -> `JobPosting`s.

The payload is `{"name", "description", "jobs": [...]}`: `name` is the employer; each job has
`shortcode`, `title`, `url`, `employment_type`, `telecommuting`, `published_on` (a date),
`city`/`state`/`country`, `locations[]` (`city`, `region`, `country`, `countryCode`) and,
with `details=true`, `description` (HTML).
"""

from __future__ import annotations

from typing import Any

from spiders.items import JobPosting
from spiders.parsing.dates import to_utc_iso
from spiders.parsing.html_text import html_to_text
from spiders.parsing.jsonld import text_of
from spiders.parsing.payload import job_objects
from spiders.parsing.vocab import employment_type
from spiders.parsing.workplace import country_of


def _places(job: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """Location texts (`city, region, country`) and country codes of a job."""
    holders = [item for item in job.get("locations") or [] if isinstance(item, dict)] or [job]
    texts, codes = [], []
    for item in holders:
        parts = [text_of(item.get(key)) for key in ("city", "region", "state", "country")]
        texts.append(", ".join(dict.fromkeys(part for part in parts if part)))
        codes.append(item.get("countryCode") or item.get("country"))
    return [text for text in texts if text], codes


def parse_job(
    job: dict[str, Any], *, source: str, crawled_at: str, employer: str | None
) -> JobPosting:
    """Turn one Workable widget job into a `JobPosting`.

    Args:
        job: One element of `jobs`.
        source: The record's `source`, e.g. `"workable:huggingface"`.
        crawled_at: ISO 8601 UTC time of the crawl.
        employer: The account's `name`.

    Returns:
        The posting; `remote` is `telecommuting`.
    """
    places, codes = _places(job)
    remote = job.get("telecommuting")
    return JobPosting(
        source=source,
        source_id=text_of(job.get("shortcode")) or "",
        url=text_of(job.get("url")) or text_of(job.get("shortlink")) or "",
        title=text_of(job.get("title")) or "",
        employer=employer,
        location="; ".join(places) or None,
        country=country_of(codes, places),
        remote=remote if isinstance(remote, bool) else None,
        workplace_type="REMOTE" if remote is True else None,
        employment_type=employment_type(job.get("employment_type")),
        date_posted=to_utc_iso(job.get("published_on")) or to_utc_iso(job.get("created_at")),
        description=html_to_text(text_of(job.get("description")) or ""),
        crawled_at=crawled_at,
    )


def parse_account(payload: Any, *, source: str, crawled_at: str) -> list[JobPosting]:
    """Turn a Workable widget payload into `JobPosting`s.

    Raises:
        PayloadError: The payload has no `jobs` list.

    Example:
        `{"name": "Hugging Face", "jobs": [{"shortcode": "F4C096B22E", ...}]}` ->
        `[JobPosting(source_id="F4C096B22E", employer="Hugging Face", country="FR", ...)]`
    """
    jobs = job_objects(payload, "jobs")
    employer = text_of(payload.get("name"))
    return [parse_job(job, source=source, crawled_at=crawled_at, employer=employer) for job in jobs]
