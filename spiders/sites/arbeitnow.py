"""`arbeitnow`: Arbeitnow's public job board API, following `links.next`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.http import Response

from spiders.api_spider import JsonApiSpider
from spiders.params import BoardParams
from spiders.parsing.remote_boards import parse_arbeitnow


class ArbeitnowSpider(JsonApiSpider):
    """Yield a `JobPosting` per Arbeitnow job.

    Usage: `scrapy crawl arbeitnow [-a max_pages=50] [-a base_url=...] [-a source=...]`.
    Requests `{base_url}/api/job-board-api?page=1` and follows `links.next` (moved onto
    `base_url`, so mirrors work) for at most `max_pages` pages.
    """

    name = "arbeitnow"
    params_model: ClassVar = BoardParams
    default_base_url = "https://www.arbeitnow.com"

    def page_request(self, path_and_query: str, page: int) -> Request:
        """The request of one page, by its path and query."""
        url = f"{self.base_url}{path_and_query}"
        return self.api_request(url, self.parse_page, cb_kwargs={"page": page})

    async def start(self) -> AsyncIterator[Request]:
        """Request the first page."""
        yield self.page_request("/api/job-board-api?page=1", 1)

    def parse_page(self, response: Response, page: int) -> Iterator[Any]:
        """Yield a page's postings, then request `links.next` if there is one."""
        parsed = self.parse_payload(response, parse_arbeitnow)
        if parsed is None:
            return
        postings, next_url = parsed
        yield from self.count_listed(postings)
        if next_url and postings:
            if page >= self.params.max_pages:
                self.crawler.stats.set_value("skillsignal/max_pages_reached", page)
                return
            parts = urlsplit(next_url)
            yield self.page_request(f"{parts.path}?{parts.query}", page + 1)
