"""Base spider for job boards with a public JSON API: requests, decoding and failure reports."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

from pydantic import BaseModel
from scrapy import Request, Spider
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import TimeoutError as TwistedTimeoutError
from twisted.python.failure import Failure

from spiders.errors import PayloadError
from spiders.items import JobPosting
from spiders.params import parse_args
from spiders.parsing.dates import format_utc

#: Stats key prefix of failed requests and unreadable payloads, one counter per reason.
FAILED = "skillsignal/failed"


def _failure_reason(failure: Failure) -> str:
    """A short stats name for why a request failed, e.g. `http_500`, `timeout`, `robots`."""
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(DownloadTimeoutError, TwistedTimeoutError):
        return "timeout"
    if failure.check(DownloadCancelledError):
        return "too_large"
    if failure.check(IgnoreRequest):
        message = str(failure.value)
        if "robots.txt" in message:
            return "robots"
        return "offsite" if "offsite" in message else "ignored"
    return "network"


class JsonApiSpider(Spider):
    """Common ground of the API spiders: validated arguments, JSON decoding, logged failures.

    Subclasses set `name`, `params_model` and `default_base_url`, implement `start`, and
    build requests with `api_request`. Every failure (HTTP error after retries, timeout,
    a response over `DOWNLOAD_MAXSIZE`, robots.txt, an off-site redirect, a body that is not
    JSON or is truncated, a payload of the wrong shape) is logged at ERROR with the source
    label, the URL and the reason, and counted as stat `skillsignal/failed/<reason>`; the
    crawl goes on with the other requests and ends normally, but is not complete.
    """

    params_model: ClassVar[type[BaseModel]]
    #: API root used when `-a base_url=` is not given.
    default_base_url: ClassVar[str] = ""
    #: The argument naming the board/company, if any: the default `source` is `<name>:<value>`.
    board_param: ClassVar[str | None] = None
    #: Stats key of the postings listed by the API.
    LISTED = "skillsignal/jobs_listed"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        params = parse_args(self.params_model, kwargs, spider=self.name)
        super().__init__(*args)
        self.params: Any = params
        self.base_url: str = getattr(params, "base_url", None) or self.default_base_url
        self.source: str = params.source or self.default_source()
        self.allowed_domains = [urlsplit(self.base_url).hostname or ""]

    def default_source(self) -> str:
        """The records' `source` without `-a source=`: `<name>:<board>` or just `<name>`."""
        if self.board_param is None:
            return self.name
        return f"{self.name}:{getattr(self.params, self.board_param)}"

    @property
    def label(self) -> str:
        """How log lines name this crawl, e.g. `Lever company leverdemo`."""
        return self.source

    def crawled_at(self) -> str:
        """The current time as the records' `crawled_at`."""
        return format_utc(datetime.now(UTC))

    def api_request(self, url: str, callback: Any, **kwargs: Any) -> Request:
        """A request whose failures `on_error` logs; `kwargs` go to `Request`."""
        return Request(url, callback=callback, errback=self.on_error, **kwargs)

    def _fail(self, reason: str, message: str, *args: object) -> None:
        self.crawler.stats.inc_value(f"{FAILED}/{reason}")
        # Logged under the spider's own module, e.g. `spiders.sites.lever`.
        logging.getLogger(type(self).__module__).error("%s: %s", self.label, message % args)

    def decode_json(self, response: Response) -> Any | None:
        """The decoded body, or `None` after logging why it is not JSON (e.g. truncated)."""
        if isinstance(response, TextResponse):
            text = response.text
        else:
            text = response.body.decode("utf-8", errors="replace")
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            # json reports an unclosed string where it starts; either way the body ended early.
            truncated = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated")
            self._fail(
                "truncated_json" if truncated else "not_json",
                "response from %s is not valid JSON%s: %s (char %d of %d characters, "
                "Content-Type %s)",
                response.url,
                " (truncated)" if truncated else "",
                exc.msg,
                exc.pos,
                len(text),
                response.headers.get("Content-Type", b"").decode("latin-1") or "missing",
            )
            return None

    def bad_payload(self, response: Response, problem: object) -> None:
        """Log a JSON payload that does not have the documented shape."""
        self._fail("bad_payload", "unexpected payload from %s: %s", response.url, problem)

    def parse_payload(self, response: Response, parse: Callable[..., Any], **kwargs: Any) -> Any:
        """Decode a response and run a parse function on it, or log why not and return `None`.

        Args:
            response: The API response.
            parse: A function of `parsing/` taking `(payload, *, source, crawled_at, ...)`.
            **kwargs: More keyword arguments for `parse`.

        Returns:
            What `parse` returns, or `None` for a body that is not JSON or a payload of the
            wrong shape (`PayloadError`).
        """
        payload = self.decode_json(response)
        if payload is None:
            return None
        try:
            return parse(payload, source=self.source, crawled_at=self.crawled_at(), **kwargs)
        except PayloadError as exc:
            self.bad_payload(response, exc)
            return None

    def count_listed(self, postings: list[JobPosting]) -> list[JobPosting]:
        """Add postings to the `skillsignal/jobs_listed` stat and return them."""
        self.crawler.stats.inc_value(self.LISTED, len(postings))
        return postings

    def http_error_hint(self, status: int) -> str:
        """Extra words for an HTTP error status in the log line (e.g. `unknown board?`)."""
        return " (unknown board?)" if status == 404 else ""

    def on_error(self, failure: Failure) -> None:
        """Log why a request failed and count the reason."""
        url = failure.request.url  # type: ignore[attr-defined]
        reason = _failure_reason(failure)
        if failure.check(HttpError):
            status = failure.value.response.status
            self._fail(reason, "HTTP %s from %s%s", status, url, self.http_error_hint(status))
        elif failure.check(IgnoreRequest):
            self._fail(reason, "not fetched %s: %s", url, failure.value)
        else:
            self._fail(reason, "could not fetch %s: %s", url, failure.getErrorMessage())


class FeedSpider(JsonApiSpider):
    """An API whose whole job list is one response (Ashby, Workable, Recruitee, ...).

    Subclasses set `parse_function` (a `parsing/` function returning postings) and implement
    `feed_url`; `parse_kwargs` adds arguments for the parse function.
    """

    parse_function: ClassVar[Callable[..., list[JobPosting]]]

    def feed_url(self) -> str:
        """The URL of the job list."""
        raise NotImplementedError

    def parse_kwargs(self) -> dict[str, Any]:
        """Extra keyword arguments of `parse_function`."""
        return {}

    async def start(self) -> AsyncIterator[Request]:
        """Request the job list."""
        yield self.api_request(self.feed_url(), self.parse_feed)

    def parse_feed(self, response: Response) -> Iterator[JobPosting]:
        """Yield the postings of the job list."""
        postings = self.parse_payload(response, type(self).parse_function, **self.parse_kwargs())
        yield from self.count_listed(postings or [])
