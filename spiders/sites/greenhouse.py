"""`greenhouse`: every job of one Greenhouse job board, through the public Job Board API."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

from scrapy import Request, Spider
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from spiders.errors import PayloadError
from spiders.items import JobPosting
from spiders.params import GreenhouseParams, parse_args
from spiders.parsing.dates import format_utc
from spiders.parsing.greenhouse import parse_jobs

logger = logging.getLogger(__name__)


class GreenhouseSpider(Spider):
    """Yield a `JobPosting` per job of a Greenhouse board.

    Usage: `scrapy crawl greenhouse -a board=stripe [-a base_url=http://127.0.0.1:8000]
    [-a source=...]`. One request: `{base_url}/v1/boards/{board}/jobs?content=true`.
    A failed request, a body that is not JSON (or is truncated) and a payload without a
    `jobs` list are logged at ERROR with the URL and the reason; the spider then ends
    normally with no items.
    """

    name = "greenhouse"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        params = parse_args(GreenhouseParams, kwargs, spider=self.name)
        super().__init__(*args)
        self.params = params
        self.source = params.source or f"greenhouse:{params.board}"
        self.jobs_url = f"{params.base_url}/v1/boards/{params.board}/jobs?content=true"

    async def start(self) -> AsyncIterator[Request]:
        """Request the board's job list with descriptions."""
        yield Request(self.jobs_url, callback=self.parse_board, errback=self.on_error)

    def parse_board(self, response: Response) -> Iterator[JobPosting]:
        """Decode the job list and yield its postings."""
        if isinstance(response, TextResponse):
            text = response.text
        else:
            text = response.body.decode("utf-8", errors="replace")
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            # json reports an unclosed string where it starts; either way the body ended early.
            truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated")
            logger.error(
                "Greenhouse board %s: response from %s is not valid JSON%s: %s (char %d of %d "
                "characters, Content-Type %s)",
                self.params.board,
                response.url,
                " (truncated)" if truncated else "",
                exc.msg,
                exc.pos,
                len(text),
                response.headers.get("Content-Type", b"").decode("latin-1") or "missing",
            )
            return
        crawled_at = format_utc(datetime.now(UTC))
        try:
            postings = parse_jobs(payload, source=self.source, crawled_at=crawled_at)
        except PayloadError as exc:
            logger.error(
                "Greenhouse board %s: unexpected payload from %s: %s",
                self.params.board,
                response.url,
                exc,
            )
            return
        total = (payload.get("meta") or {}).get("total")
        if isinstance(total, int) and total != len(postings):
            logger.warning(
                "Greenhouse board %s: meta.total is %d but %d jobs were listed",
                self.params.board,
                total,
                len(postings),
            )
        self.crawler.stats.set_value("skillsignal/jobs_listed", len(postings))
        yield from postings

    def on_error(self, failure: Failure) -> None:
        """Log why the job list could not be fetched."""
        url = failure.request.url  # type: ignore[attr-defined]
        if failure.check(HttpError):
            status = failure.value.response.status
            hint = " (unknown board?)" if status == 404 else ""
            logger.error(
                "Greenhouse board %s: HTTP %s from %s%s", self.params.board, status, url, hint
            )
        else:
            logger.error(
                "Greenhouse board %s: could not fetch %s: %s",
                self.params.board,
                url,
                failure.getErrorMessage(),
            )
