"""Incremental crawls: conditional requests (ETag / Last-Modified) remembered in a state file.

A spider run with `-a state_file=PATH` reads PATH (when it exists) and, for every page that gave
records last time, sends `If-None-Match` / `If-Modified-Since` with the validators the server
sent then. A page that answers `304 Not Modified` is not parsed: instead of its records the
crawl writes one `Unchanged` record per record it gave last time (same `source`, `source_id`),
so the warehouse keeps them open and moves their `last_seen`, and a complete crawl still closes
exactly what the source no longer lists. At the end the file is rewritten (atomically) with the
validators of this crawl, or to `-a state_out=PATH` when given (the pipeline writes next to the
crawl and adopts the file only after the crawl is loaded, so a crawl that never reached the
warehouse cannot turn into `304`s next time).

Only *leaf* responses are remembered: a 2xx response with an `ETag` or `Last-Modified` header
whose callback yielded records and no further requests (a posting page, a single-response
job feed). A response that leads to more requests (a sitemap, page 1 of a paged API) is always
fetched in full, or a 304 would hide the pages behind it. Pages not fetched in this crawl drop
out of the file; deleting the file forces a full crawl.

State file (JSON)::

    {"version": 1, "source": "demo-careers",
     "pages": {"https://careers.example.com/jobs/1": {"etag": "W/abc",
               "last_modified": "Wed, 29 Jul 2026 10:00:00 GMT", "source_ids": ["JOB-1"]}}}

Keys are the site's own URLs (a mirror's origin is mapped back, see `spiders.mirror`). A file
written for another `source` is ignored. Stats: `skillsignal/incremental/conditional`
(requests sent with validators), `skillsignal/incremental/not_modified` (304 answers),
`skillsignal/incremental/unchanged_records`, `skillsignal/incremental/pages_remembered`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from scrapy import Request, Spider, signals

from spiders.items import Unchanged
from spiders.parsing.dates import format_utc

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

STATE_VERSION = 1
_STATS = "skillsignal/incremental"
_CONDITIONAL = "skillsignal_conditional"  # request meta: the state entry the request relies on
_ATTR = "skillsignal_crawl_state"  # spider attribute holding the `CrawlState`


@dataclass(frozen=True)
class PageState:
    """What the previous crawl remembers of one page."""

    etag: str | None
    last_modified: str | None
    source_ids: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The entry as stored in the state file."""
        return {
            "etag": self.etag,
            "last_modified": self.last_modified,
            "source_ids": list(self.source_ids),
        }


@dataclass
class CrawlState:
    """Validators of the previous crawl (`old`) and of this one (`new`), by page URL."""

    path: Path  # where `write` writes
    source: str
    old: dict[str, PageState] = field(default_factory=dict)
    new: dict[str, PageState] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path, source: str) -> CrawlState:
        """Read the state file; a missing, unreadable or foreign file gives an empty state.

        Example:
            >>> CrawlState.read(Path("/nonexistent.json"), "acme").old
            {}
        """
        state = cls(path, source)
        if not path.is_file():
            return state
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != STATE_VERSION or data.get("source") != source:
                logger.warning("Ignoring state file %s: written for another source/version", path)
                return state
            state.old = {
                url: PageState(
                    entry.get("etag"),
                    entry.get("last_modified"),
                    tuple(str(sid) for sid in entry.get("source_ids", ())),
                )
                for url, entry in data["pages"].items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            logger.warning("Ignoring unreadable state file %s: %s", path, exc)
        return state

    def write(self) -> None:
        """Write `new` to the file (a temporary file, then a rename)."""
        data = {
            "version": STATE_VERSION,
            "source": self.source,
            "pages": {url: self.new[url].to_json() for url in sorted(self.new)},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".part")
        partial.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        partial.replace(self.path)


def _page_key(spider: Spider, url: str) -> str:
    """The site's URL of a fetched URL (undoing a mirror), the state file's key."""
    site = getattr(spider, "site", None)
    return site.to_canonical(url) if site is not None else url


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


class ConditionalRequestMiddleware:
    """Downloader middleware: add `If-None-Match` / `If-Modified-Since` for remembered pages."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Create the middleware for a crawler."""
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        """Make a GET of a remembered page conditional and let a 304 reach the callback."""
        spider = self.crawler.spider
        state: CrawlState | None = getattr(spider, _ATTR, None)
        if state is None or request.method != "GET" or _CONDITIONAL in request.meta:
            return
        key = _page_key(spider, request.url)
        entry = state.old.get(key)
        if entry is None:
            return
        if entry.etag:
            request.headers.setdefault("If-None-Match", entry.etag)
        if entry.last_modified:
            request.headers.setdefault("If-Modified-Since", entry.last_modified)
        request.meta[_CONDITIONAL] = key
        allowed = list(request.meta.get("handle_httpstatus_list", ()))
        request.meta["handle_httpstatus_list"] = [*allowed, 304]
        self.crawler.stats.inc_value(f"{_STATS}/conditional")


class IncrementalOutputMiddleware:
    """Spider middleware: load/save the state, and turn a 304 into `Unchanged` records."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Create the middleware and hook it to spider open and close."""
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        """Read the spider's `state_file` argument, if it has one."""
        params = getattr(spider, "params", None)
        path = getattr(params, "state_file", None)
        out = getattr(params, "state_out", None) or path
        if out:
            source = str(getattr(spider, "source", spider.name))
            state = CrawlState.read(Path(path), source) if path else CrawlState(Path(out), source)
            state.path = Path(out)
            setattr(spider, _ATTR, state)
            logger.info("Incremental crawl: %d remembered pages from %s", len(state.old), path)

    def spider_closed(self, spider: Spider) -> None:
        """Write this crawl's validators to the state file."""
        state: CrawlState | None = getattr(spider, _ATTR, None)
        if state is not None:
            state.write()
            logger.info("Wrote %d page validators to %s", len(state.new), state.path)

    def _unchanged(self, state: CrawlState, response: Response, key: str) -> Iterator[Unchanged]:
        entry = state.old[key]
        state.new[key] = PageState(
            _header(response, "ETag") or entry.etag,
            _header(response, "Last-Modified") or entry.last_modified,
            entry.source_ids,
        )
        stats = self.crawler.stats
        stats.set_value(f"{_STATS}/pages_remembered", len(state.new))
        stats.inc_value(f"{_STATS}/not_modified")
        stats.inc_value(f"{_STATS}/unchanged_records", len(entry.source_ids))
        crawled_at = format_utc(datetime.now(UTC))
        for source_id in entry.source_ids:
            yield Unchanged(
                source=state.source, source_id=source_id, url=key, crawled_at=crawled_at
            )

    def _not_modified(self, response: Response) -> list[Unchanged] | None:
        """The `Unchanged` records of a 304 to a conditional request, else `None`."""
        state: CrawlState | None = getattr(self.crawler.spider, _ATTR, None)
        key = response.meta.get(_CONDITIONAL)
        if state is None or not key or response.status != 304:
            return None
        return list(self._unchanged(state, response, key))

    def _watch(self, response: Response, ids: list[str], output: Any, leaf: bool) -> bool:
        """Note a record's source_id; return whether the response is still a leaf."""
        if (source_id := getattr(output, "source_id", None)) is not None:
            ids.append(source_id)
        return leaf and not isinstance(output, Request)

    def _remember(self, response: Response, ids: list[str], leaf: bool) -> None:
        """Keep the validators of a leaf 2xx response that gave records."""
        state: CrawlState | None = getattr(self.crawler.spider, _ATTR, None)
        etag, modified = _header(response, "ETag"), _header(response, "Last-Modified")
        success = 200 <= response.status < 300
        if state is not None and success and leaf and ids and (etag or modified):
            key = _page_key(self.crawler.spider, response.url)
            state.new[key] = PageState(etag, modified, tuple(dict.fromkeys(ids)))
            self.crawler.stats.set_value(f"{_STATS}/pages_remembered", len(state.new))

    def process_spider_output(
        self, response: Response, result: Iterable[Any], spider: Any = None
    ) -> Iterator[Any]:
        """Pass the callback's output on (sync callbacks); see `process_spider_output_async`."""
        unchanged = self._not_modified(response)
        if unchanged is not None:
            yield from unchanged
            return
        ids: list[str] = []
        leaf = True
        for output in result:
            leaf = self._watch(response, ids, output, leaf)
            yield output
        self._remember(response, ids, leaf)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any], spider: Any = None
    ) -> AsyncIterator[Any]:
        """Pass the callback's output on; a 304 gives `Unchanged` records and skips the callback."""
        unchanged = self._not_modified(response)
        if unchanged is not None:
            for record in unchanged:
                yield record
            return
        ids: list[str] = []
        leaf = True
        async for output in result:
            leaf = self._watch(response, ids, output, leaf)
            yield output
        self._remember(response, ids, leaf)
