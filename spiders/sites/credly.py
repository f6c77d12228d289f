"""`credly`: the badge templates of one Credly organization."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import ClassVar

from scrapy import Request
from scrapy.http import Response

from spiders.catalog import CatalogSpider
from spiders.catalog_params import CredlyParams
from spiders.items import Credential
from spiders.parsing.credly import parse_page, template_record


class CredlySpider(CatalogSpider):
    """Yield a `Credential` per badge template of an organization.

    Usage: `scrapy crawl credly -a organization=ibm [-a base_url=http://127.0.0.1:8000]
    [-a source=...]`. Pages `{base_url}/v1/organizations/{organization}/badge_templates?page=N`
    until `metadata.current_page == metadata.total_pages`.
    """

    name = "credly"
    params_model = CredlyParams
    default_base_url: ClassVar[str] = "https://api.credly.com"

    def default_source(self) -> str:
        """`credly:<organization>`."""
        return f"credly:{self.params.organization.lower()}"

    def page_url(self, page: int) -> str:
        """The URL of one page of templates."""
        org = self.params.organization
        return f"{self.base_url}/v1/organizations/{org}/badge_templates?page={page}"

    async def start(self) -> AsyncIterator[Request]:
        """Request the first page."""
        yield self.api_request(self.page_url(1), self.parse_page)

    def parse_page(self, response: Response) -> Iterator[Credential | Request]:
        """Yield the page's templates, then the next page's request."""
        page = self.read_payload(response, parse_page)
        if page is None:
            return
        crawled_at = self.crawled_at()
        for template in page.templates:
            record, reason = template_record(
                template,
                organization=self.params.organization,
                source=self.source,
                crawled_at=crawled_at,
            )
            yield self.checked(record, reason)
        if page.next_page is not None:
            yield self.api_request(self.page_url(page.next_page), self.parse_page)
