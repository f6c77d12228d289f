"""GreenhouseSpider callbacks on saved responses (no network)."""

import asyncio
import logging

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from spiders.items import JobPosting
from spiders.sites.greenhouse import GreenhouseSpider

URL = "http://127.0.0.1:8000/v1/boards/stripe/jobs?content=true"


@pytest.fixture
def spider() -> GreenhouseSpider:
    crawler = get_crawler(GreenhouseSpider)
    return GreenhouseSpider.from_crawler(crawler, board="stripe", base_url="http://127.0.0.1:8000")


def _response(body: bytes, content_type: bytes = b"application/json") -> TextResponse:
    return TextResponse(
        URL,
        body=body,
        headers={"Content-Type": content_type},
        encoding="utf-8",
        request=Request(URL),
    )


def test_start_requests_the_board_with_content(spider):
    async def collect() -> list[Request]:
        return [request async for request in spider.start()]

    assert [request.url for request in asyncio.run(collect())] == [URL]


def test_board_payload_yields_postings_and_counts_them(spider, fixture_text):
    items = list(
        spider.parse_board(
            _response(fixture_text("greenhouse", "stripe_jobs_content.json").encode())
        )
    )
    assert len(items) == 6
    assert all(isinstance(item, JobPosting) for item in items)
    assert {item.source for item in items} == {"greenhouse:stripe"}
    assert items[0].crawled_at.endswith("Z")
    assert spider.crawler.stats.get_value("skillsignal/jobs_listed") == 6


def test_truncated_json_is_an_error_naming_url_and_cause(spider, fixture_text, caplog):
    body = fixture_text("greenhouse", "stripe_jobs_content.json").encode()[:1500]
    with caplog.at_level(logging.ERROR):
        assert list(spider.parse_board(_response(body))) == []
    (record,) = caplog.records
    assert record.levelno == logging.ERROR
    message = record.getMessage()
    assert URL in message
    assert "is not valid JSON (truncated)" in message
    assert "Unterminated string starting at (char 629 of 1500 characters, " in message
    assert "Content-Type application/json)" in message


def test_html_instead_of_json_is_an_error(spider, caplog):
    response = HtmlResponse(
        URL,
        body=b"<html><h1>Maintenance</h1></html>",
        headers={"Content-Type": "text/html"},
        request=Request(URL),
    )
    with caplog.at_level(logging.ERROR):
        assert list(spider.parse_board(response)) == []
    message = caplog.records[0].getMessage()
    assert (
        "is not valid JSON: Expecting value (char 0 of 33 characters, Content-Type text/html)"
        in message
    )
    assert "truncated" not in message


def test_json_without_jobs_is_an_error(spider, caplog):
    with caplog.at_level(logging.ERROR):
        assert list(spider.parse_board(_response(b'{"error": "not found"}'))) == []
    assert (
        "unexpected payload from " + URL + ": expected an object with a 'jobs' list" in caplog.text
    )


def test_total_mismatch_is_a_warning(spider, caplog):
    body = (
        b'{"jobs": [{"id": 1, "title": "T", "absolute_url": "https://x/1"}], "meta": {"total": 2}}'
    )
    with caplog.at_level(logging.WARNING):
        assert len(list(spider.parse_board(_response(body)))) == 1
    assert "meta.total is 2 but 1 jobs were listed" in caplog.text


def test_http_404_is_an_error_hinting_at_the_board(spider, caplog):
    response = HtmlResponse(URL, status=404, body=b"Not Found", request=Request(URL))
    failure = Failure(HttpError(response))
    failure.request = response.request
    with caplog.at_level(logging.ERROR):
        spider.on_error(failure)
    assert f"Greenhouse board stripe: HTTP 404 from {URL} (unknown board?)" in caplog.text


def test_network_failure_is_an_error(spider, caplog):
    failure = Failure(ConnectionRefusedError("Connection was refused"))
    failure.request = Request(URL)
    with caplog.at_level(logging.ERROR):
        spider.on_error(failure)
    assert f"could not fetch {URL}: Connection was refused" in caplog.text
