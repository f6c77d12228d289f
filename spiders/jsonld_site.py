"""Base spider for sites that publish schema.org JSON-LD: robots.txt -> sitemaps -> pages."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

import lxml.etree
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse, XmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from spiders.items import Credential, JobPosting
from spiders.mirror import Mirror
from spiders.params import SiteParams, parse_args
from spiders.parsing.dates import format_utc
from spiders.parsing.jsonld import find_typed, jsonld_blocks

logger = logging.getLogger(__name__)

_GZIP_MAGIC = b"\x1f\x8b"
_ROLE = "skillsignal_role"  # request meta key: "robots", "start", "sitemap" or "page"
_GONE = frozenset({404, 410})


def _is_site_root(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path in {"", "/"} and not parts.query


class JsonldSiteSpider(Spider):
    """Crawl a site's sitemaps and turn typed JSON-LD objects on its pages into records.

    Arguments (see `params.SiteParams`): `url` is a site root, a sitemap (index) or one page;
    `base_url` is an optional mirror origin; `source` defaults to `<name>:<host>`.

    A root is read through robots.txt `Sitemap:` lines (falling back to `/sitemap.xml`);
    sitemap indexes and sitemaps are followed (URLs on the site's host only, moved onto the
    mirror when there is one); every page yields one record per object whose `@type` is in
    `item_types`. Records carry the site's URLs, never the mirror's.

    Logged and counted in stats: pages without a matching object (INFO,
    `skillsignal/pages_without_items`), malformed JSON-LD blocks (WARNING,
    `skillsignal/jsonld_errors`), pages that are gone (404/410: WARNING,
    `skillsignal/pages_gone`). A robots.txt, sitemap or page that cannot be fetched for any
    other reason, and an unreadable sitemap, are logged at ERROR: the crawl is incomplete.

    Subclasses set `name`, `item_types` and `make_item`.
    """

    item_types: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        params = parse_args(SiteParams, kwargs, spider=self.name)
        super().__init__(*args)
        self.params = params
        self.site = Mirror.of(params.url, params.base_url)
        self.source = params.source or f"{self.name}:{self.site.site_host}"
        self.allowed_domains = [self.site.fetch_host]

    def make_item(
        self, obj: dict[str, Any], *, page_url: str, crawled_at: str
    ) -> JobPosting | Credential:
        """Build the record for one matching JSON-LD object (implemented by subclasses)."""
        raise NotImplementedError

    async def start(self) -> AsyncIterator[Request]:
        """Request robots.txt for a site root, else the given URL (a sitemap or a page)."""
        url = self.site.to_fetch(self.params.url) or self.params.url
        if _is_site_root(url):
            yield Request(
                urljoin(url, "/robots.txt"),
                callback=self.parse_robots,
                errback=self.on_robots_error,
                meta={_ROLE: "robots", "handle_httpstatus_all": True, "dont_obey_robotstxt": True},
            )
        else:
            yield self._request(url, "start")

    def _request(self, url: str, role: str) -> Request:
        callback = {"start": self.parse_start, "sitemap": self.parse_sitemap}.get(role)
        return Request(
            url, callback=callback or self.parse_page, errback=self.on_error, meta={_ROLE: role}
        )

    def _follow(self, found: str, response: Response, role: str) -> Request | None:
        """Request for a URL found in robots.txt or a sitemap, or `None` if off-site."""
        url = self.site.to_fetch(urljoin(response.url, found))
        if url is None:
            logger.warning("Skipping off-site URL %s listed in %s", found, response.url)
            self.crawler.stats.inc_value("skillsignal/offsite_urls")
            return None
        return self._request(url, role)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        """Follow the `Sitemap:` lines of robots.txt, or `/sitemap.xml` when there are none."""
        found = []
        if response.status == 200:
            found = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        if not found:
            logger.info(
                "No Sitemap: lines in %s (HTTP %s); trying /sitemap.xml",
                response.url,
                response.status,
            )
            found = [urljoin(response.url, "/sitemap.xml")]
        for url in found:
            if request := self._follow(url, response, "sitemap"):
                yield request

    def on_robots_error(self, failure: Failure) -> Iterator[Request]:
        """robots.txt could not be fetched at all: log it and try `/sitemap.xml`."""
        url = failure.request.url  # type: ignore[attr-defined]
        logger.warning("Could not fetch %s (%s); trying /sitemap.xml", url, failure.value)
        yield self._request(urljoin(url, "/sitemap.xml"), "sitemap")

    def parse_start(self, response: Response) -> Iterator[Any]:
        """The `url` argument: a sitemap (XML or gzip) or else a page."""
        path = urlsplit(response.url).path.lower()
        if (
            isinstance(response, XmlResponse)
            or response.body[:2] == _GZIP_MAGIC
            or path.endswith((".xml", ".xml.gz"))
        ):
            yield from self.parse_sitemap(response)
        else:
            yield from self.parse_page(response)

    def _sitemap(self, response: Response) -> Sitemap | None:
        body = response.body
        try:
            if body[:2] == _GZIP_MAGIC:
                body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
            sitemap = Sitemap(body)
        except (OSError, EOFError, ValueError, StopIteration, lxml.etree.XMLSyntaxError) as exc:
            logger.error("Unreadable sitemap %s: %s", response.url, exc or type(exc).__name__)
            return None
        if sitemap.type not in {"sitemapindex", "urlset"}:
            logger.error(
                "Not a sitemap: %s (root element <%s>, Content-Type %s)",
                response.url,
                sitemap.type,
                response.headers.get("Content-Type", b"").decode("latin-1"),
            )
            return None
        return sitemap

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """Follow a sitemap index's sitemaps, or a sitemap's pages."""
        sitemap = self._sitemap(response)
        if sitemap is None:
            self.crawler.stats.inc_value("skillsignal/bad_sitemaps")
            return
        role = "sitemap" if sitemap.type == "sitemapindex" else "page"
        for entry in sitemap:
            loc = entry.get("loc")
            if loc and (request := self._follow(loc, response, role)):
                self.crawler.stats.inc_value(f"skillsignal/sitemap_{role}s")
                yield request

    def parse_page(self, response: Response) -> Iterator[JobPosting | Credential]:
        """Yield one record per JSON-LD object of the wanted types on the page."""
        stats = self.crawler.stats
        objects: list[dict[str, Any]] = []
        errors: list[str] = []
        if isinstance(response, TextResponse):  # not images, PDFs, ...
            objects, errors = jsonld_blocks(response.text)
        for error in errors:
            logger.warning("Malformed JSON-LD on %s: %s", response.url, error)
            stats.inc_value("skillsignal/jsonld_errors")
        matches = find_typed(objects, set(self.item_types))
        if not matches:
            logger.info("No %s JSON-LD on %s", "/".join(sorted(self.item_types)), response.url)
            stats.inc_value("skillsignal/pages_without_items")
            return
        page_url = self.site.to_canonical(response.url)
        crawled_at = format_utc(datetime.now(UTC))
        for obj in matches:
            yield self.make_item(obj, page_url=page_url, crawled_at=crawled_at)

    def on_error(self, failure: Failure) -> None:
        """Log a failed request; only a gone page (404/410) or a robots.txt ban is not an error."""
        request: Request = failure.request  # type: ignore[attr-defined]
        role = request.meta.get(_ROLE, "request")
        if failure.check(HttpError):
            status = failure.value.response.status
            if role == "page" and status in _GONE:
                logger.warning("Page gone (HTTP %s): %s", status, request.url)
                self.crawler.stats.inc_value("skillsignal/pages_gone")
                return
            logger.error("HTTP %s for %s %s", status, role, request.url)
        elif failure.check(IgnoreRequest):
            logger.warning("Skipped %s %s: %s", role, request.url, failure.value)
        else:
            logger.error("Could not fetch %s %s: %s", role, request.url, failure.getErrorMessage())
