"""SmartRecruiters Posting API: paged posting lists, then one detail per posting.

List pages: `GET /v1/companies/{company}/postings?offset=&limit=`; details:
`GET /v1/companies/{company}/postings/{id}` (the description is only there).

A list page is `{"offset", "limit", "totalFound", "content": [...]}`; each posting has `id`,
`name` (title), `company` (`identifier`, `name`), `releasedDate`, `location` (`city`,
`region`, `country` as a lower-case ISO code, `remote`, `hybrid`, `fullLocation`),
`typeOfEmployment` (`label`), `language` (`code`) and `ref` (its detail URL). The detail
adds `postingUrl` and `jobAd.sections` (`companyDescription`, `jobDescription`,
`qualifications`, `additionalInformation`, each `{"title", "text"}` with HTML text).
"""

from __future__ import annotations

from typing import Any

from spiders.errors import PayloadError
from spiders.items import JobPosting
from spiders.parsing.dates import to_utc_iso
from spiders.parsing.html_text import html_to_text
from spiders.parsing.jsonld import text_of
from spiders.parsing.payload import job_objects
from spiders.parsing.vocab import employment_type, language_code
from spiders.parsing.workplace import country_of, remote_flag

_SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")


def list_page(payload: Any) -> tuple[list[str], int]:
    """The posting ids of one list page, and `totalFound`.

    Raises:
        PayloadError: The page has no `content` list.

    Example:
        >>> list_page({"totalFound": 3, "content": [{"id": "7443"}, {"id": "7444"}]})
        (['7443', '7444'], 3)
    """
    ids = [text_of(item.get("id")) for item in job_objects(payload, "content")]
    total = payload.get("totalFound")
    return [item for item in ids if item], total if isinstance(total, int) else 0


def _description(posting: dict[str, Any]) -> str:
    job_ad = posting.get("jobAd")
    sections = job_ad.get("sections") if isinstance(job_ad, dict) else None
    if not isinstance(sections, dict):
        return ""
    parts = []
    for key in _SECTIONS:
        section = sections.get(key)
        if isinstance(section, dict):
            parts.append(f"<h2>{section.get('title') or ''}</h2>{section.get('text') or ''}")
    return html_to_text("".join(parts))


def _workplace(location: dict[str, Any]) -> str | None:
    if location.get("remote") is True:
        return "REMOTE"
    if location.get("hybrid") is True:
        return "HYBRID"
    return "ON_SITE" if location.get("remote") is False else None


def parse_posting(posting: Any, *, source: str, crawled_at: str) -> JobPosting:
    """Turn one SmartRecruiters posting detail into a `JobPosting`.

    Args:
        posting: The decoded detail (a list entry also works, without description).
        source: The record's `source`, e.g. `"smartrecruiters:acme"`.
        crawled_at: ISO 8601 UTC time of the crawl.

    Returns:
        The posting. Its URL is `postingUrl`, else the public job page.

    Raises:
        PayloadError: The detail is not an object.

    Example:
        `{"id": "7443", "name": "Data Engineer", "location": {"country": "de", ...}}` ->
        `JobPosting(source_id="7443", title="Data Engineer", country="DE", ...)`
    """
    if not isinstance(posting, dict):
        raise PayloadError("expected a posting object")
    company = posting.get("company") if isinstance(posting.get("company"), dict) else {}
    location = posting.get("location") if isinstance(posting.get("location"), dict) else {}
    posting_id = text_of(posting.get("id")) or ""
    url = text_of(posting.get("postingUrl"))
    if url is None and posting_id and (slug := text_of(company.get("identifier"))):
        url = f"https://jobs.smartrecruiters.com/{slug}/{posting_id}"
    place = text_of(location.get("fullLocation")) or ", ".join(
        part for key in ("city", "region") if (part := text_of(location.get(key)))
    )
    workplace = _workplace(location)
    language = posting.get("language")
    employment = posting.get("typeOfEmployment")
    return JobPosting(
        source=source,
        source_id=posting_id,
        url=url or "",
        title=text_of(posting.get("name")) or "",
        employer=text_of(company.get("name")),
        location=place or None,
        country=country_of([location.get("country")], [place]),
        remote=remote_flag(workplace),
        workplace_type=workplace,
        employment_type=employment_type(
            employment.get("label") if isinstance(employment, dict) else None
        ),
        date_posted=to_utc_iso(posting.get("releasedDate")),
        language=language_code(language.get("code")) if isinstance(language, dict) else None,
        description=_description(posting),
        crawled_at=crawled_at,
    )
