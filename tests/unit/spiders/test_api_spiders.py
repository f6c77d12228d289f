"""API spiders' arguments, start requests and failure reasons (no network)."""

import asyncio
import logging

import pytest
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest
from scrapy.http import Request, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from spiders.errors import SpiderArgumentError
from spiders.sites.arbeitnow import ArbeitnowSpider
from spiders.sites.lever import LeverSpider
from spiders.sites.recruitee import RecruiteeSpider
from spiders.sites.smartrecruiters import SmartrecruitersSpider
from spiders.sites.usajobs import UsajobsSpider

BASE = "http://127.0.0.1:8000"


def _spider(cls, settings=None, **kwargs):
    return cls.from_crawler(get_crawler(cls, settings_dict=settings), **kwargs)


def _start(spider) -> list[Request]:
    async def collect():
        return [request async for request in spider.start()]

    return asyncio.run(collect())


def test_start_urls_keep_the_sources_path_scheme():
    assert [r.url for r in _start(_spider(LeverSpider, company="leverdemo", base_url=BASE))] == [
        f"{BASE}/v0/postings/leverdemo?mode=json&skip=0&limit=100"
    ]
    assert _start(_spider(RecruiteeSpider, company="Spring"))[0].url == (
        "https://spring.recruitee.com/api/offers/"
    )
    assert _start(_spider(ArbeitnowSpider))[0].url == (
        "https://www.arbeitnow.com/api/job-board-api?page=1"
    )
    sr = _start(_spider(SmartrecruitersSpider, company="Acme", limit="10"))
    assert (
        sr[0].url == "https://api.smartrecruiters.com/v1/companies/Acme/postings?offset=0&limit=10"
    )


def test_default_sources():
    assert _spider(LeverSpider, company="leverdemo").source == "lever:leverdemo"
    assert _spider(ArbeitnowSpider).source == "arbeitnow"
    assert _spider(ArbeitnowSpider, source="arbeitnow:de").source == "arbeitnow:de"


@pytest.mark.parametrize(
    ("cls", "kwargs"),
    [
        (LeverSpider, {}),
        (LeverSpider, {"company": "a b"}),
        (LeverSpider, {"company": "x", "limit": "0"}),
        (ArbeitnowSpider, {"max_pages": "-1"}),
        (UsajobsSpider, {"keyword": ""}),
        (ArbeitnowSpider, {"board": "x"}),
    ],
)
def test_bad_arguments_fail_early(cls, kwargs):
    with pytest.raises(SpiderArgumentError):
        _spider(cls, **kwargs)


def test_usajobs_credentials_from_settings_as_headers(monkeypatch):
    monkeypatch.delenv("USAJOBS_API_KEY", raising=False)
    settings = {"USAJOBS_API_KEY": "secret", "USAJOBS_EMAIL": "me@example.org"}
    (request,) = _start(_spider(UsajobsSpider, settings, keyword="data", base_url=BASE))
    assert request.headers["Authorization-Key"] == b"secret"
    assert request.headers["User-Agent"] == b"me@example.org"
    assert request.url == f"{BASE}/api/search?Keyword=data&Page=1&ResultsPerPage=250"


def test_usajobs_without_credentials_is_an_error(monkeypatch, caplog):
    monkeypatch.delenv("USAJOBS_API_KEY", raising=False)
    monkeypatch.delenv("USAJOBS_EMAIL", raising=False)
    spider = _spider(UsajobsSpider, keyword="data")
    with caplog.at_level(logging.ERROR):
        assert _start(spider) == []
    assert "USAJOBS_API_KEY and USAJOBS_EMAIL not set" in caplog.text
    assert spider.crawler.stats.get_value("skillsignal/failed/no_credentials") == 1


def _failure(exc: Exception, url: str = f"{BASE}/x") -> Failure:
    failure = Failure(exc)
    failure.request = Request(url)  # type: ignore[attr-defined]
    return failure


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (HttpError(Response(f"{BASE}/x", status=503)), "http_503"),
        (DownloadTimeoutError("took too long"), "timeout"),
        (IgnoreRequest("Forbidden by robots.txt"), "robots"),
        (IgnoreRequest("Refused offsite redirect (HTTP 302) to x"), "offsite"),
        (ConnectionRefusedError("refused"), "network"),
    ],
)
def test_failures_are_counted_by_reason(exc, reason, caplog):
    spider = _spider(LeverSpider, company="leverdemo", base_url=BASE)
    with caplog.at_level(logging.ERROR):
        spider.on_error(_failure(exc))
    assert spider.crawler.stats.get_value(f"skillsignal/failed/{reason}") == 1
    assert caplog.records[0].name == "spiders.sites.lever"
    assert caplog.records[0].getMessage().startswith("lever:leverdemo: ")


def test_lever_stops_paging_on_a_short_page(fixture_text):
    spider = _spider(LeverSpider, company="leverdemo", base_url=BASE, limit="6")
    url = f"{BASE}/v0/postings/leverdemo?mode=json&skip=0&limit=6"
    body = fixture_text("lever", "leverdemo_postings.json").encode()
    response = TextResponse(url, body=body, encoding="utf-8", request=Request(url))
    out = list(spider.parse_page(response, skip=0))
    assert [type(o).__name__ for o in out] == ["JobPosting"] * 6 + ["Request"]
    assert out[-1].url.endswith("skip=6&limit=6")
    short = TextResponse(url, body=b"[]", encoding="utf-8", request=Request(url))
    assert list(spider.parse_page(short, skip=6)) == []
