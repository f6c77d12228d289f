"""`usajobs`: USAJOBS Search API results for one keyword, page by page."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar, Self
from urllib.parse import urlencode, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from spiders.api_spider import JsonApiSpider
from spiders.params import UsajobsParams
from spiders.parsing.usajobs import parse_search

_KEY, _EMAIL = "USAJOBS_API_KEY", "USAJOBS_EMAIL"


class UsajobsSpider(JsonApiSpider):
    """Yield a `JobPosting` per USAJOBS announcement matching a keyword.

    Usage: `USAJOBS_API_KEY=... USAJOBS_EMAIL=... scrapy crawl usajobs -a keyword=python
    [-a results_per_page=250] [-a max_pages=20] [-a base_url=...] [-a source=...]`. The key
    and e-mail come from Scrapy settings of those names, else from the environment; USAJOBS
    requires them as the `Authorization-Key` and `User-Agent` headers. The spider never logs
    them; pass them through the environment, not `-s`, because Scrapy logs `-s` overrides.
    Requests `{base_url}/api/search?Keyword=...&Page=N&ResultsPerPage=R` for
    `N = 1 .. NumberOfPages` (at most `max_pages`).
    """

    name = "usajobs"
    params_model: ClassVar = UsajobsParams

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        """Create the spider and read the API key and e-mail (settings, then environment)."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.api_key = crawler.settings.get(_KEY) or os.environ.get(_KEY, "")
        spider.email = crawler.settings.get(_EMAIL) or os.environ.get(_EMAIL, "")
        return spider

    def default_source(self) -> str:
        """`usajobs:<keyword>`."""
        return f"usajobs:{self.params.keyword.lower().replace(' ', '-')}"

    def page_request(self, page: int) -> Request:
        """The request of one result page, with the credentials as headers."""
        query = urlencode(
            {
                "Keyword": self.params.keyword,
                "Page": page,
                "ResultsPerPage": self.params.results_per_page,
            }
        )
        headers = {
            "Host": urlsplit(self.base_url).netloc,
            "User-Agent": self.email,
            "Authorization-Key": self.api_key,
        }
        return self.api_request(
            f"{self.base_url}/api/search?{query}",
            self.parse_page,
            headers=headers,
            cb_kwargs={"page": page},
        )

    async def start(self) -> AsyncIterator[Request]:
        """Request the first page, unless the credentials are missing (an ERROR)."""
        missing = [
            name for name, value in ((_KEY, self.api_key), (_EMAIL, self.email)) if not value
        ]
        if missing:
            self._fail(
                "no_credentials", "%s not set (settings or environment)", " and ".join(missing)
            )
            return
        yield self.page_request(1)

    def parse_page(self, response: Response, page: int) -> Iterator[Any]:
        """Yield a page's postings; from page 1, request the other pages."""
        parsed = self.parse_payload(response, parse_search)
        if parsed is None:
            return
        postings, pages = parsed
        yield from self.count_listed(postings)
        if page == 1:
            last = min(pages, self.params.max_pages)
            if pages > last:
                self.crawler.stats.set_value("skillsignal/max_pages_reached", last)
            for number in range(2, last + 1):
                yield self.page_request(number)
