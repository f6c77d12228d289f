"""USAJOBS Search API: `GET /api/search?Keyword=&Page=&ResultsPerPage=` -> `JobPosting`s.

The payload is `{"LanguageCode", "SearchResult": {"SearchResultCount", "SearchResultItems":
[{"MatchedObjectId", "MatchedObjectDescriptor": {...}}], "UserArea": {"NumberOfPages"}}}`.
A descriptor has `PositionTitle`, `PositionURI`, `OrganizationName`, `PositionLocation[]`
(`LocationName`, `CountryCode` as a name), `PositionSchedule[]`, `PositionRemuneration[]`
(`MinimumRange`, `MaximumRange`, `RateIntervalCode`: `Per Year` / `PA`, `Per Hour` / `PH`),
`PublicationStartDate`, `ApplicationCloseDate`, `QualificationSummary` and `UserArea.Details`
(`JobSummary`, `MajorDuties`, `RemoteIndicator`). Pay is in US dollars.
"""

from __future__ import annotations

from typing import Any

from spiders.items import JobPosting
from spiders.parsing.dates import to_utc_iso
from spiders.parsing.html_text import html_to_text
from spiders.parsing.jsonld import as_list, number_of, text_of
from spiders.parsing.payload import job_objects
from spiders.parsing.vocab import known_employment_type, language_code, salary_period
from spiders.parsing.workplace import country_of

_RATE_CODES = {"PA": "YEAR", "PH": "HOUR", "PD": "DAY", "PW": "WEEK", "PM": "MONTH"}


def _salary(descriptor: dict[str, Any]) -> dict[str, Any]:
    pay = next((item for item in as_list(descriptor.get("PositionRemuneration")) if item), None)
    if not isinstance(pay, dict):
        return {}
    rate = text_of(pay.get("RateIntervalCode")) or ""
    return {
        "salary_min": number_of(pay.get("MinimumRange")),
        "salary_max": number_of(pay.get("MaximumRange")),
        "salary_currency": "USD",
        "salary_period": _RATE_CODES.get(rate.upper()) or salary_period(rate),
    }


def _description(descriptor: dict[str, Any], details: dict[str, Any]) -> str:
    parts = []
    if summary := text_of(details.get("JobSummary")):
        parts.append(f"<h2>Summary</h2><p>{summary}</p>")
    duties = [text for text in as_list(details.get("MajorDuties")) if isinstance(text, str)]
    if duties:
        parts.append("<h2>Duties</h2><ul>" + "".join(f"<li>{d}</li>" for d in duties) + "</ul>")
    if qualifications := text_of(descriptor.get("QualificationSummary")):
        parts.append(f"<h2>Qualifications</h2><p>{qualifications}</p>")
    return html_to_text("".join(parts))


def parse_item(
    item: dict[str, Any], *, source: str, crawled_at: str, language: str | None = "en"
) -> JobPosting:
    """Turn one `SearchResultItems` element into a `JobPosting`."""
    descriptor = item.get("MatchedObjectDescriptor")
    descriptor = descriptor if isinstance(descriptor, dict) else {}
    user_area = descriptor.get("UserArea") if isinstance(descriptor.get("UserArea"), dict) else {}
    details = user_area.get("Details") if isinstance(user_area.get("Details"), dict) else {}
    locations = [
        loc for loc in as_list(descriptor.get("PositionLocation")) if isinstance(loc, dict)
    ]
    places = [text_of(loc.get("LocationName")) for loc in locations]
    schedule = [text_of(entry) for entry in as_list(descriptor.get("PositionSchedule"))]
    remote = details.get("RemoteIndicator")
    return JobPosting(
        source=source,
        source_id=text_of(item.get("MatchedObjectId"))
        or text_of(descriptor.get("PositionID"))
        or "",
        url=text_of(descriptor.get("PositionURI")) or "",
        title=text_of(descriptor.get("PositionTitle")) or "",
        employer=text_of(descriptor.get("OrganizationName")),
        location=text_of(descriptor.get("PositionLocationDisplay"))
        or "; ".join(place for place in places if place)
        or None,
        country=country_of([loc.get("CountryCode") for loc in locations], places),
        remote=remote if isinstance(remote, bool) else None,
        employment_type=next(filter(None, map(known_employment_type, schedule)), None),
        date_posted=to_utc_iso(descriptor.get("PublicationStartDate"), assume_utc=True),
        valid_through=to_utc_iso(descriptor.get("ApplicationCloseDate"), assume_utc=True),
        language=language,
        description=_description(descriptor, details),
        crawled_at=crawled_at,
        **_salary(descriptor),
    )


def parse_search(payload: Any, *, source: str, crawled_at: str) -> tuple[list[JobPosting], int]:
    """One search page -> postings and the number of pages (`UserArea.NumberOfPages`).

    Raises:
        PayloadError: No `SearchResult.SearchResultItems` list.

    Example:
        `{"SearchResult": {"SearchResultItems": [{"MatchedObjectId": "441132200", ...}],
        "UserArea": {"NumberOfPages": "1"}}}` -> `([JobPosting(source_id="441132200", ...)], 1)`
    """
    items = job_objects(payload, "SearchResult", "SearchResultItems")
    language = language_code(payload.get("LanguageCode")) or "en"
    user_area = payload["SearchResult"].get("UserArea")
    pages = number_of(user_area.get("NumberOfPages")) if isinstance(user_area, dict) else None
    postings = [
        parse_item(item, source=source, crawled_at=crawled_at, language=language) for item in items
    ]
    return postings, int(pages or 1)
