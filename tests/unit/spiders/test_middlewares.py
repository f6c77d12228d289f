"""Retry waits, Retry-After parsing and refused off-site redirects (no network)."""

import asyncio
import logging
from datetime import UTC, datetime

import pytest
from scrapy import Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

from spiders.middlewares import (
    BackoffRetryMiddleware,
    OffsiteRedirectMiddleware,
    retry_after_seconds,
)


class _Spider(Spider):
    name = "t"
    allowed_domains = ["127.0.0.1"]  # noqa: RUF012


def _crawler(**settings):
    crawler = get_crawler(_Spider, settings_dict=settings)
    crawler.spider = _Spider()
    return crawler


def test_retry_after_forms():
    now = datetime(2026, 10, 21, 7, 27, 0, tzinfo=UTC)
    assert retry_after_seconds(b"120") == 120.0
    assert retry_after_seconds("Wed, 21 Oct 2026 07:28:00 GMT", now) == 60.0
    assert retry_after_seconds("Wed, 21 Oct 2026 07:00:00 GMT", now) == 0.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("later") is None


def test_backoff_doubles_and_is_capped():
    middleware = BackoffRetryMiddleware.from_crawler(
        _crawler(RETRY_BACKOFF_BASE=0.5, RETRY_BACKOFF_MAX=3.0)
    )
    delays = [middleware._backoff(Request("http://x/", meta={"retry_times": n})) for n in range(5)]
    assert delays == [0.5, 1.0, 2.0, 3.0, 3.0]


def test_too_long_retry_after_gives_up_at_once(caplog):
    crawler = _crawler(RETRY_AFTER_MAX=10)
    middleware = BackoffRetryMiddleware.from_crawler(crawler)
    request = Request("http://127.0.0.1/api")
    response = Response(request.url, status=429, headers={"Retry-After": "3600"}, request=request)
    with caplog.at_level(logging.ERROR):
        result = asyncio.run(middleware.process_response(request, response))
    assert result is response
    assert "Retry-After 3600 s (over RETRY_AFTER_MAX 10 s)" in caplog.text
    assert crawler.stats.get_value("skillsignal/retry/retry_after_too_long") == 1


def test_other_statuses_pass_through():
    middleware = BackoffRetryMiddleware.from_crawler(_crawler())
    request = Request("http://127.0.0.1/api")
    response = Response(request.url, status=404, request=request)
    assert asyncio.run(middleware.process_response(request, response)) is response


def test_offsite_redirect_is_refused_with_a_reason():
    crawler = _crawler()
    middleware = OffsiteRedirectMiddleware.from_crawler(crawler)
    request = Request("http://127.0.0.1:8000/api")
    away = Response(request.url, status=302, headers={"Location": "https://evil.test/x"})
    with pytest.raises(
        IgnoreRequest, match=r"Refused offsite redirect \(HTTP 302\) to https://evil"
    ):
        middleware.process_response(request, away)
    assert crawler.stats.get_value("offsite/redirects_refused") == 1
    local = Response(request.url, status=301, headers={"Location": "/api/v2"})
    assert middleware.process_response(request, local) is local
