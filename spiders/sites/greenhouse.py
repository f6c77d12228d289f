"""`greenhouse`: every job of one Greenhouse job board, through the public Job Board API."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import ClassVar

from scrapy import Request
from scrapy.http import Response

from spiders.api_spider import JsonApiSpider
from spiders.errors import PayloadError
from spiders.items import JobPosting
from spiders.params import GreenhouseParams
from spiders.parsing.greenhouse import parse_jobs

logger = logging.getLogger(__name__)


class GreenhouseSpider(JsonApiSpider):
    """Yield a `JobPosting` per job of a Greenhouse board.

    Usage: `scrapy crawl greenhouse -a board=stripe [-a base_url=http://127.0.0.1:8000]
    [-a source=...]`. One request: `{base_url}/v1/boards/{board}/jobs?content=true`.
    A failed request, a body that is not JSON (or is truncated) and a payload without a
    `jobs` list are logged at ERROR with the URL and the reason; the spider then ends
    normally with no items.
    """

    name = "greenhouse"
    board_param = "board"
    params_model: ClassVar = GreenhouseParams

    @property
    def label(self) -> str:
        """`Greenhouse board <board>`."""
        return f"Greenhouse board {self.params.board}"

    @property
    def jobs_url(self) -> str:
        """The board's job list with descriptions."""
        return f"{self.base_url}/v1/boards/{self.params.board}/jobs?content=true"

    async def start(self) -> AsyncIterator[Request]:
        """Request the board's job list with descriptions."""
        yield self.api_request(self.jobs_url, self.parse_board)

    def parse_board(self, response: Response) -> Iterator[JobPosting]:
        """Decode the job list and yield its postings."""
        payload = self.decode_json(response)
        if payload is None:
            return
        try:
            postings = parse_jobs(payload, source=self.source, crawled_at=self.crawled_at())
        except PayloadError as exc:
            self.bad_payload(response, exc)
            return
        total = (payload.get("meta") or {}).get("total")
        if isinstance(total, int) and total != len(postings):
            logger.warning(
                "Greenhouse board %s: meta.total is %d but %d jobs were listed",
                self.params.board,
                total,
                len(postings),
            )
        self.crawler.stats.set_value(self.LISTED, len(postings))
        yield from postings
