"""`coursera`: courses, Specializations and Professional Certificates of the Coursera catalog."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar
from urllib.parse import urlencode

from scrapy import Request
from scrapy.http import Response

from spiders.catalog import CatalogSpider
from spiders.catalog_params import CourseraParams
from spiders.items import Credential
from spiders.parsing.coursera import (
    COURSE_FIELDS,
    SPECIALIZATION_FIELDS,
    Envelope,
    course_record,
    parse_envelope,
    partner_names,
    specialization_record,
)

_RESOURCES = {
    "courses.v1": {"fields": COURSE_FIELDS, "includes": "partnerIds"},
    "onDemandSpecializations.v1": {
        "fields": SPECIALIZATION_FIELDS,
        "includes": "courseIds,partnerIds",
    },
}


class CourseraSpider(CatalogSpider):
    """Yield a `Credential` per course and per Specialization / Professional Certificate.

    Usage: `scrapy crawl coursera [-a base_url=http://127.0.0.1:8000] [-a limit=100]
    [-a source=...]`. Pages `{base_url}/api/<resource>?start=N&limit=L&fields=...&includes=...`
    of `courses.v1` and `onDemandSpecializations.v1` until `paging.next` is absent. Courses
    included in a specialization's `linked["courses.v1"]` are yielded too (once per crawl).
    """

    name = "coursera"
    params_model = CourseraParams
    default_base_url: ClassVar[str] = "https://api.coursera.org"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen: set[str] = set()

    def default_source(self) -> str:
        """`coursera:catalog`."""
        return "coursera:catalog"

    def page_url(self, resource: str, start: str = "0") -> str:
        """The URL of one page of a resource."""
        query = {"start": start, "limit": self.params.limit, **_RESOURCES[resource]}
        return f"{self.base_url}/api/{resource}?{urlencode(query)}"

    async def start(self) -> AsyncIterator[Request]:
        """Request the first page of each resource."""
        for resource in _RESOURCES:
            url = self.page_url(resource)
            yield self.api_request(url, self.parse_page, meta={"resource": resource})

    def parse_page(self, response: Response) -> Iterator[Credential | Request]:
        """Yield the page's records, then the next page's request."""
        resource = response.meta["resource"]
        envelope = self.read_payload(response, parse_envelope)
        if envelope is None:
            return
        yield from self._records(resource, envelope)
        self.crawler.stats.inc_value(f"skillsignal/coursera/{resource}/pages")
        if envelope.next_start is not None:
            url = self.page_url(resource, envelope.next_start)
            yield self.api_request(url, self.parse_page, meta={"resource": resource})

    def _records(self, resource: str, envelope: Envelope) -> Iterator[Credential]:
        partners = partner_names(envelope)
        crawled_at = self.crawled_at()
        linked = envelope.linked.get("courses.v1", [])
        if resource == "courses.v1":
            for element in envelope.elements:
                item = course_record(
                    element, partners=partners, source=self.source, crawled_at=crawled_at
                )
                yield from self._once(item)
            return
        for element in linked:
            containing = tuple(
                str(s["id"])
                for s in envelope.elements
                if element.get("id") in s.get("courseIds", [])
            )
            item = course_record(
                element,
                partners=partners,
                source=self.source,
                crawled_at=crawled_at,
                part_of=containing,
            )
            yield from self._once(item)
        slugs = {str(c["id"]): str(c["slug"]) for c in linked if "id" in c and "slug" in c}
        for element in envelope.elements:
            item = specialization_record(
                element,
                partners=partners,
                course_slugs=slugs,
                source=self.source,
                crawled_at=crawled_at,
            )
            yield from self._once(item)

    def _once(self, item: Credential) -> Iterator[Credential]:
        if item.source_id not in self.seen:
            self.seen.add(item.source_id)
            yield self.checked(item)
