"""`lever`: every posting of one Lever job site, page by page (`skip`/`limit`)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

from scrapy import Request
from scrapy.http import Response

from spiders.api_spider import JsonApiSpider
from spiders.params import LeverParams
from spiders.parsing.lever import parse_postings


class LeverSpider(JsonApiSpider):
    """Yield a `JobPosting` per Lever posting.

    Usage: `scrapy crawl lever -a company=leverdemo [-a employer="Lever Demo"] [-a limit=100]
    [-a base_url=...] [-a source=...]`. Requests
    `{base_url}/v0/postings/{company}?mode=json&skip=N&limit=L` until a page has fewer than
    `limit` postings.
    """

    name = "lever"
    board_param = "company"
    params_model: ClassVar = LeverParams

    def page_request(self, skip: int) -> Request:
        """The request of the page starting at posting `skip`."""
        url = (
            f"{self.base_url}/v0/postings/{self.params.company}?mode=json"
            f"&skip={skip}&limit={self.params.limit}"
        )
        return self.api_request(url, self.parse_page, cb_kwargs={"skip": skip})

    async def start(self) -> AsyncIterator[Request]:
        """Request the first page."""
        yield self.page_request(0)

    def parse_page(self, response: Response, skip: int) -> Iterator[Any]:
        """Yield a page's postings and request the next page when this one is full."""
        employer = self.params.employer or self.params.company
        postings = self.parse_payload(response, parse_postings, employer=employer)
        if postings is None:
            return
        yield from self.count_listed(postings)
        if len(postings) >= self.params.limit:
            yield self.page_request(skip + self.params.limit)
