"""JsonldSiteSpider callbacks (via CourseJsonldSpider / JobpostingSpider) on built responses."""

import asyncio
import gzip
import logging

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response, TextResponse, XmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from spiders.items import Credential, JobPosting
from spiders.jsonld_site import JsonldSiteSpider
from spiders.sites.course_jsonld import CourseJsonldSpider
from spiders.sites.jobposting import JobpostingSpider

SITE = "https://courses.example.org"
MIRROR = "http://127.0.0.1:8000"
INDEX = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{SITE}/sitemaps/courses.xml</loc></sitemap>
  <sitemap><loc>/sitemaps/relative.xml</loc></sitemap>
</sitemapindex>""".encode()
URLSET = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{SITE}/courses/physics</loc><lastmod>2026-07-01</lastmod></url>
  <url><loc>https://elsewhere.example.net/course</loc></url>
  <url><loc>{MIRROR}/courses/already-on-mirror</loc></url>
</urlset>""".encode()


def _spider(
    spider_class: type[JsonldSiteSpider] = CourseJsonldSpider, **kwargs
) -> JsonldSiteSpider:
    kwargs = {"url": f"{SITE}/", "base_url": MIRROR, **kwargs}
    return spider_class.from_crawler(get_crawler(spider_class), **kwargs)


def _start(spider: JsonldSiteSpider) -> list[Request]:
    async def collect() -> list[Request]:
        return [request async for request in spider.start()]

    return asyncio.run(collect())


def _stat(spider: JsonldSiteSpider, name: str) -> object:
    return spider.crawler.stats.get_value(f"skillsignal/{name}")


def _failure(exc: BaseException, request: Request) -> Failure:
    failure = Failure(exc)
    failure.request = request
    return failure


def test_site_root_starts_with_robots_txt_on_the_mirror():
    (request,) = _start(_spider())
    assert request.url == f"{MIRROR}/robots.txt"
    assert request.meta["handle_httpstatus_all"] is True


def test_sitemap_or_page_url_starts_with_that_url_on_the_mirror():
    (request,) = _start(_spider(url=f"{SITE}/sitemap.xml"))
    assert request.url == f"{MIRROR}/sitemap.xml"
    (request,) = _start(_spider(url=f"{SITE}/courses/physics", base_url=None))
    assert request.url == f"{SITE}/courses/physics"


def test_robots_sitemap_lines_are_followed_on_the_mirror_and_offsite_ones_skipped(caplog):
    spider = _spider()
    body = (
        f"User-agent: *\nDisallow: /private/\nSitemap: {SITE}/sitemap_index.xml\n"
        "sitemap: https://cdn.example.net/sitemap.xml\n"
    ).encode()
    response = TextResponse(
        f"{MIRROR}/robots.txt", body=body, request=Request(f"{MIRROR}/robots.txt")
    )
    with caplog.at_level(logging.WARNING):
        requests = list(spider.parse_robots(response))
    assert [r.url for r in requests] == [f"{MIRROR}/sitemap_index.xml"]
    assert requests[0].callback == spider.parse_sitemap
    assert _stat(spider, "offsite_urls") == 1
    assert "Skipping off-site URL https://cdn.example.net/sitemap.xml" in caplog.text


@pytest.mark.parametrize(
    ("status", "body"), [(200, b"User-agent: *\nDisallow:\n"), (404, b"Not found")]
)
def test_robots_without_sitemaps_falls_back_to_sitemap_xml(status, body):
    spider = _spider()
    response = TextResponse(f"{MIRROR}/robots.txt", status=status, body=body)
    assert [r.url for r in spider.parse_robots(response)] == [f"{MIRROR}/sitemap.xml"]


def test_unreachable_robots_falls_back_to_sitemap_xml():
    spider = _spider()
    failure = _failure(ConnectionRefusedError(), Request(f"{MIRROR}/robots.txt"))
    assert [r.url for r in spider.on_robots_error(failure)] == [f"{MIRROR}/sitemap.xml"]


def test_sitemap_index_entries_become_sitemap_requests_on_the_mirror():
    spider = _spider()
    response = XmlResponse(f"{MIRROR}/sitemap_index.xml", body=INDEX)
    requests = list(spider.parse_sitemap(response))
    assert [r.url for r in requests] == [
        f"{MIRROR}/sitemaps/courses.xml",
        f"{MIRROR}/sitemaps/relative.xml",
    ]
    assert {r.callback for r in requests} == {spider.parse_sitemap}


def test_urlset_entries_become_page_requests_and_offsite_ones_are_counted():
    spider = _spider()
    response = XmlResponse(f"{MIRROR}/sitemaps/courses.xml", body=URLSET)
    requests = list(spider.parse_sitemap(response))
    assert [r.url for r in requests] == [
        f"{MIRROR}/courses/physics",
        f"{MIRROR}/courses/already-on-mirror",
    ]
    assert {r.callback for r in requests} == {spider.parse_page}
    assert (_stat(spider, "sitemap_pages"), _stat(spider, "offsite_urls")) == (2, 1)


def test_gzipped_sitemap_is_read():
    spider = _spider()
    response = Response(f"{MIRROR}/sitemaps/courses.xml.gz", body=gzip.compress(URLSET))
    assert len(list(spider.parse_start(response))) == 2


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html><body>Oops</body></html>", "Not a sitemap: "),
        (b"", "Unreadable sitemap "),
        (b"\x1f\x8bnot really gzip", "Unreadable sitemap "),
    ],
)
def test_unreadable_sitemap_is_an_error(body, message, caplog):
    spider = _spider()
    with caplog.at_level(logging.ERROR):
        assert list(spider.parse_sitemap(Response(f"{MIRROR}/sitemap.xml", body=body))) == []
    assert message + f"{MIRROR}/sitemap.xml" in caplog.text
    assert _stat(spider, "bad_sitemaps") == 1


def test_start_url_that_is_a_page_is_parsed_as_a_page(fixture_text):
    spider = _spider(url=f"{SITE}/courses/physics")
    response = HtmlResponse(
        f"{MIRROR}/courses/physics", body=fixture_text("jsonld", "course_eg-0338.html").encode()
    )
    (item,) = spider.parse_start(response)
    assert isinstance(item, Credential)
    assert (item.url, item.source) == (
        f"{SITE}/courses/physics",
        "course_jsonld:courses.example.org",
    )


def test_page_items_carry_site_urls_not_mirror_urls(fixture_text):
    spider = _spider()
    url = f"{MIRROR}/catalogue/sql-and-analytics"
    items = list(
        spider.parse_page(
            HtmlResponse(url, body=fixture_text("jsonld", "course_catalogue.html").encode())
        )
    )
    assert [item.url for item in items] == [
        f"{SITE}/programs/data-analytics-bootcamp",
        f"{SITE}/courses/sql-for-data-analysis",
        f"{SITE}/badges/sql-practitioner",
    ]
    assert len({item.crawled_at for item in items}) == 1


def test_page_without_matching_objects_is_logged_at_info_and_counted(fixture_text, caplog):
    spider = _spider()
    page = HtmlResponse(
        f"{MIRROR}/jobs/1", body=fixture_text("jsonld", "jobposting_full.html").encode()
    )
    with caplog.at_level(logging.INFO, logger="spiders"):
        assert list(spider.parse_page(page)) == []
        assert list(spider.parse_page(Response(f"{MIRROR}/logo.png", body=b"\x89PNG"))) == []
    assert [r.levelno for r in caplog.records] == [logging.INFO, logging.INFO]
    types = "Course/EducationalOccupationalCredential/EducationalOccupationalProgram"
    assert f"No {types} JSON-LD on {MIRROR}/jobs/1" in caplog.text
    assert _stat(spider, "pages_without_items") == 2


def test_malformed_block_is_a_warning_naming_url_and_block(fixture_text, caplog):
    spider = _spider(JobpostingSpider, url="https://careers.example.com/")
    url = "https://careers.example.com/jobs/warehouse"
    page = HtmlResponse(url, body=fixture_text("jsonld", "jobposting_malformed.html").encode())
    with caplog.at_level(logging.WARNING):
        items = list(spider.parse_page(page))
    assert [item.source_id for item in items] == ["WH-1", "WH-3"]
    assert all(isinstance(item, JobPosting) for item in items)
    assert f"Malformed JSON-LD on {url}: block 1: Expecting property name" in caplog.text
    assert _stat(spider, "jsonld_errors") == 1


def _http_failure(url: str, status: int, role: str) -> Failure:
    request = Request(url, meta={"skillsignal_role": role})
    return _failure(HttpError(HtmlResponse(url, status=status, request=request)), request)


def test_gone_page_is_a_warning_not_an_error(caplog):
    spider = _spider()
    with caplog.at_level(logging.WARNING):
        spider.on_error(_http_failure(f"{MIRROR}/courses/retired", 404, "page"))
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert _stat(spider, "pages_gone") == 1


@pytest.mark.parametrize(("status", "role"), [(500, "page"), (404, "sitemap"), (403, "start")])
def test_other_http_failures_are_errors(status, role, caplog):
    spider = _spider()
    with caplog.at_level(logging.WARNING):
        spider.on_error(_http_failure(f"{MIRROR}/x", status, role))
    assert [r.levelno for r in caplog.records] == [logging.ERROR]
    assert f"HTTP {status} for {role} {MIRROR}/x" in caplog.text


def test_robots_forbidden_request_is_a_warning(caplog):
    spider = _spider()
    request = Request(f"{MIRROR}/private/x", meta={"skillsignal_role": "page"})
    with caplog.at_level(logging.WARNING):
        spider.on_error(_failure(IgnoreRequest("Forbidden by robots.txt"), request))
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "Forbidden by robots.txt" in caplog.text


def test_network_failure_is_an_error(caplog):
    spider = _spider()
    request = Request(f"{MIRROR}/sitemap.xml", meta={"skillsignal_role": "sitemap"})
    with caplog.at_level(logging.WARNING):
        spider.on_error(_failure(TimeoutError("took too long"), request))
    assert [r.levelno for r in caplog.records] == [logging.ERROR]
