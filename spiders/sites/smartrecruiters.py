"""`smartrecruiters`: every posting of one SmartRecruiters company, list pages then details."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

from scrapy import Request
from scrapy.http import Response

from spiders.api_spider import JsonApiSpider
from spiders.params import SmartRecruitersParams
from spiders.parsing.smartrecruiters import list_page, parse_posting


class SmartrecruitersSpider(JsonApiSpider):
    """Yield a `JobPosting` per SmartRecruiters posting, with its job ad as description.

    Usage: `scrapy crawl smartrecruiters -a company=acme [-a limit=100] [-a base_url=...]
    [-a source=...]`. Requests `{base_url}/v1/companies/{company}/postings?offset=N&limit=L`
    until `offset + limit >= totalFound`, and `{base_url}/v1/companies/{company}/postings/{id}`
    for each listed posting.
    """

    name = "smartrecruiters"
    board_param = "company"
    params_model: ClassVar = SmartRecruitersParams

    @property
    def postings_url(self) -> str:
        """The company's postings collection."""
        return f"{self.base_url}/v1/companies/{self.params.company}/postings"

    def list_request(self, offset: int) -> Request:
        """The request of the list page starting at `offset`."""
        url = f"{self.postings_url}?offset={offset}&limit={self.params.limit}"
        return self.api_request(url, self.parse_list, cb_kwargs={"offset": offset})

    async def start(self) -> AsyncIterator[Request]:
        """Request the first list page."""
        yield self.list_request(0)

    def parse_list(self, response: Response, offset: int) -> Iterator[Request]:
        """Request each listed posting's detail, then the next list page."""
        page = self.parse_payload(response, _list_page)
        if page is None:
            return
        ids, total = page
        self.crawler.stats.inc_value(self.LISTED, len(ids))
        for posting_id in ids:
            yield self.api_request(f"{self.postings_url}/{posting_id}", self.parse_detail)
        if ids and offset + self.params.limit < total:
            yield self.list_request(offset + self.params.limit)

    def parse_detail(self, response: Response) -> Iterator[Any]:
        """Yield the posting of one detail response."""
        posting = self.parse_payload(response, parse_posting)
        if posting is not None:
            yield posting


def _list_page(payload: Any, **_: Any) -> tuple[list[str], int]:
    return list_page(payload)
