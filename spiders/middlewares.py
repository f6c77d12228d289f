"""Downloader middlewares of the skillsignal project."""

from __future__ import annotations

import logging
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

if TYPE_CHECKING:
    from datetime import datetime

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

#: Statuses whose `Retry-After` header is honoured.
_RETRY_AFTER_STATUSES = frozenset({429, 503})


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP date.

    Args:
        value: The header value, e.g. `b"120"` or `"Wed, 21 Oct 2026 07:28:00 GMT"`.
        now: The current time for an HTTP date (default: now, UTC).

    Returns:
        The delay (never negative), or `None` when absent or unreadable.

    Example:
        >>> retry_after_seconds(b"1"), retry_after_seconds("soon")
        (1.0, None)
    """
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        return None
    from datetime import UTC, datetime  # noqa: PLC0415  # only for the rare HTTP-date form

    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's `RetryMiddleware` with a wait before each retry.

    The wait is `Retry-After` on 429 and 503 when the server sends one; otherwise it is
    exponential: `RETRY_BACKOFF_BASE * 2 ** n` seconds before retry `n + 1` (n from 0),
    capped at `RETRY_BACKOFF_MAX`. A `Retry-After` above `RETRY_AFTER_MAX` is not waited
    for: the response is given up on at once (logged), so one rate-limited source cannot
    hold a crawl for hours. Waits are counted in stats `skillsignal/retry/waited_seconds`.
    Replaces `scrapy.downloadermiddlewares.retry.RetryMiddleware` in `settings.py`.
    """

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 300.0)

    def _backoff(self, request: Request) -> float:
        tries = request.meta.get("retry_times", 0)
        return min(self.backoff_max, self.backoff_base * 2**tries)

    async def _wait(self, request: Request, seconds: float, reason: str) -> None:
        if seconds <= 0:
            return
        logger.info("Waiting %.1f s before retrying %s (%s)", seconds, request.url, reason)
        self.crawler.stats.inc_value("skillsignal/retry/waited_seconds", seconds)
        await sleep(seconds)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Any = None
    ) -> Request | Response:
        """Wait (Retry-After or backoff), then let `RetryMiddleware` retry a retryable status."""
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        reason = response_status_message(response.status)
        tries = request.meta.get("retry_times", 0)
        if tries >= request.meta.get("max_retry_times", self.max_retry_times):
            return self._retry(request, reason) or response  # gives up, with Scrapy's log line
        delay = None
        if response.status in _RETRY_AFTER_STATUSES:
            delay = retry_after_seconds(response.headers.get("Retry-After"))
        if delay is not None and delay > self.retry_after_max:
            logger.error(
                "Giving up on %s: %s with Retry-After %.0f s (over RETRY_AFTER_MAX %.0f s)",
                request.url,
                reason,
                delay,
                self.retry_after_max,
            )
            self.crawler.stats.inc_value("skillsignal/retry/retry_after_too_long")
            return response
        label = f"{reason}, Retry-After" if delay is not None else f"{reason}, backoff"
        await self._wait(request, self._backoff(request) if delay is None else delay, label)
        return self._retry(request, reason) or response

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: Any = None
    ) -> Request | Response | None:
        """Wait (backoff), then let `RetryMiddleware` retry a retryable exception."""
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry"):
            return None
        tries = request.meta.get("retry_times", 0)
        if tries < request.meta.get("max_retry_times", self.max_retry_times):
            await self._wait(request, self._backoff(request), type(exception).__name__)
        return self._retry(request, exception)


class OffsiteRedirectMiddleware:
    """Refuse a redirect to a host outside the spider's `allowed_domains`, with a reason.

    Scrapy's `OffsiteMiddleware` drops such a redirect when it is scheduled, logging only at
    DEBUG and without calling the request's errback. This middleware sits just before
    `RedirectMiddleware` and raises `IgnoreRequest("Refused offsite redirect ...")`, so the
    errback logs and counts it (stat `offsite/redirects_refused` as well).
    """

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OffsiteRedirectMiddleware:
        """Create the middleware with the crawler's stats and spider."""
        middleware = cls(crawler.stats)
        middleware.crawler = crawler
        return middleware

    def process_response(
        self, request: Request, response: Response, spider: Any = None
    ) -> Response:
        """Pass the response on, unless it redirects off the allowed domains."""
        location = response.headers.get("Location")
        domains = getattr(self.crawler.spider, "allowed_domains", None)
        if not (300 <= response.status < 400 and location and domains):
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        host = (urlsplit(target).hostname or "").lower()
        if any(host == domain or host.endswith(f".{domain}") for domain in domains):
            return response
        self.stats.inc_value("offsite/redirects_refused")
        raise IgnoreRequest(
            f"Refused offsite redirect (HTTP {response.status}) to {target}: not in "
            f"allowed_domains {domains}"
        )
