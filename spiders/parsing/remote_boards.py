"""Remote-job boards with one public feed each: Remotive, Arbeitnow and RemoteOK.

- Remotive `GET /api/remote-jobs` -> `{"job-count", "jobs": [...]}`: `id`, `url`, `title`,
  `company_name`, `job_type` (`full_time`, `contract`, `freelance`, ...),
  `publication_date` (UTC without offset), `candidate_required_location`, `salary`
  (free text), `description` (HTML). Every job is remote. Remotive does not page.
- Arbeitnow `GET /api/job-board-api?page=N` -> `{"data": [...], "links": {"next"}, "meta"}`:
  `slug`, `company_name`, `title`, `description` (HTML), `remote`, `url`, `job_types`,
  `location`, `created_at` (Unix seconds).
- RemoteOK `GET /api` -> a JSON array whose first element is a legal notice
  (`{"last_updated", "legal"}`), then jobs: `id`, `url`, `position`, `company`, `location`,
  `date` (with offset), `salary_min`/`salary_max` (USD a year, 0 = unknown),
  `description` (HTML). Every job is remote.
"""

from __future__ import annotations

from typing import Any

from spiders.items import JobPosting
from spiders.parsing.dates import from_epoch, to_utc_iso
from spiders.parsing.html_text import html_to_text
from spiders.parsing.jsonld import number_of, text_of
from spiders.parsing.payload import job_objects
from spiders.parsing.places import country_from_places
from spiders.parsing.salary import parse_salary_text
from spiders.parsing.vocab import employment_type
from spiders.parsing.workplace import country_of


def _country(location: str | None) -> str | None:
    return country_from_places([location]) if location else None


def remotive_job(job: dict[str, Any], *, source: str, crawled_at: str) -> JobPosting:
    """Turn one Remotive job into a `JobPosting` (salary read from its free text).

    `candidate_required_location` lists countries (`"France, Japan"`) or regions
    (`"Worldwide"`); `country` is set only when it names exactly one country.
    """
    location = text_of(job.get("candidate_required_location"))
    countries = (location or "").split(",")
    return JobPosting(
        source=source,
        source_id=text_of(job.get("id")) or "",
        url=text_of(job.get("url")) or "",
        title=text_of(job.get("title")) or "",
        employer=text_of(job.get("company_name")),
        location=location,
        country=country_of(countries, []) if location else None,
        remote=True,
        workplace_type="REMOTE",
        employment_type=employment_type(job.get("job_type")),
        date_posted=to_utc_iso(job.get("publication_date"), assume_utc=True),
        description=html_to_text(text_of(job.get("description")) or ""),
        crawled_at=crawled_at,
        **parse_salary_text(job.get("salary")),
    )


def parse_remotive(payload: Any, *, source: str, crawled_at: str) -> list[JobPosting]:
    """Remotive `remote-jobs` payload -> postings.

    Example:
        `{"jobs": [{"id": 2091126, "title": "AI Response Evaluator", "salary": "$10K-$20K"}]}`
        -> `[JobPosting(source_id="2091126", salary_min=10000.0, salary_max=20000.0, ...)]`
    """
    jobs = job_objects(payload, "jobs")
    return [remotive_job(job, source=source, crawled_at=crawled_at) for job in jobs]


def arbeitnow_job(job: dict[str, Any], *, source: str, crawled_at: str) -> JobPosting:
    """Turn one Arbeitnow job into a `JobPosting`."""
    location = text_of(job.get("location"))
    remote = job.get("remote")
    return JobPosting(
        source=source,
        source_id=text_of(job.get("slug")) or "",
        url=text_of(job.get("url")) or "",
        title=text_of(job.get("title")) or "",
        employer=text_of(job.get("company_name")),
        location=location,
        country=_country(location),
        remote=remote if isinstance(remote, bool) else None,
        workplace_type="REMOTE" if remote is True else None,
        employment_type=employment_type(job.get("job_types")),
        date_posted=from_epoch(job.get("created_at")),
        description=html_to_text(text_of(job.get("description")) or ""),
        crawled_at=crawled_at,
    )


def parse_arbeitnow(
    payload: Any, *, source: str, crawled_at: str
) -> tuple[list[JobPosting], str | None]:
    """Arbeitnow page -> postings and the next page's URL (`links.next`, or `None`).

    Example:
        `{"data": [{"slug": "data-engineer-berlin-1", ...}], "links": {"next": null}}` ->
        `([JobPosting(source_id="data-engineer-berlin-1", ...)], None)`
    """
    jobs = job_objects(payload, "data")
    links = payload.get("links")
    next_url = text_of(links.get("next")) if isinstance(links, dict) else None
    return [arbeitnow_job(job, source=source, crawled_at=crawled_at) for job in jobs], next_url


def remoteok_job(job: dict[str, Any], *, source: str, crawled_at: str) -> JobPosting:
    """Turn one RemoteOK job into a `JobPosting` (salary in USD a year when not 0)."""
    location = text_of(job.get("location"))
    low, high = number_of(job.get("salary_min")), number_of(job.get("salary_max"))
    paid = bool(low or high)
    return JobPosting(
        source=source,
        source_id=text_of(job.get("id")) or "",
        url=text_of(job.get("url")) or "",
        title=text_of(job.get("position")) or "",
        employer=text_of(job.get("company")),
        location=location,
        country=_country(location),
        remote=True,
        workplace_type="REMOTE",
        date_posted=to_utc_iso(job.get("date")) or from_epoch(job.get("epoch")),
        salary_min=low or None,
        salary_max=high or None,
        salary_currency="USD" if paid else None,
        salary_period="YEAR" if paid else None,
        description=html_to_text(text_of(job.get("description")) or ""),
        crawled_at=crawled_at,
    )


def parse_remoteok(payload: Any, *, source: str, crawled_at: str) -> list[JobPosting]:
    """RemoteOK feed -> postings, skipping the legal notice.

    Example:
        `[{"legal": "..."}, {"id": "1130417", "position": "Senior Python Engineer", ...}]` ->
        `[JobPosting(source_id="1130417", remote=True, ...)]`
    """
    jobs = [job for job in job_objects(payload) if "legal" not in job and job.get("id")]
    return [remoteok_job(job, source=source, crawled_at=crawled_at) for job in jobs]
