"""`openbadges`: Open Badges 2.0 / 3.0 badges from a badge, credential, issuer or list URL."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy import Request
from scrapy.http import Response
from twisted.python.failure import Failure

from spiders.catalog import DocumentSpider
from spiders.items import Credential
from spiders.parsing.openbadges import ISSUER_TYPES, Found, badge_record, find_badge, listed
from spiders.parsing.openbadges import types_of as badge_types

logger = logging.getLogger(__name__)


class OpenbadgesSpider(DocumentSpider):
    """Yield a `Credential` per Open Badges BadgeClass / Achievement found from `url`.

    Usage: `scrapy crawl openbadges -a url=https://issuer.example/badges/robotics.json
    [-a base_url=http://127.0.0.1:8000] [-a source=...]`. `url` is a BadgeClass or
    Achievement, an OB 3.0 credential or OB 2.0 assertion (its badge, with the status it
    gives: an expired or revoked one is kept with `status` and the reason logged), an issuer
    profile listing badges, or a list (JSON array or `badges` / `result` / ... key) of badges
    or badge URLs. A badge or issuer given by URL only is fetched; if the issuer profile
    cannot be fetched the badge is kept without an issuer name (WARNING).
    """

    name = "openbadges"

    async def start(self) -> AsyncIterator[Request]:
        """Request the document at `url`."""
        if request := self.follow(self.params.url, self.parse_document):
            yield request

    def parse_document(self, response: Response) -> Iterator[Credential | Request]:
        """Dispatch one JSON document: a list, a badge-bearing document or an issuer."""
        doc = self.decode_json(response)
        if doc is None:
            return
        page_url = self.site.to_canonical(response.url)
        entries = listed(doc)
        if entries is not None:
            yield from self._entries(entries, page_url, response.meta.get("found"))
            return
        if not isinstance(doc, dict):
            self.bad_payload(response, f"a JSON {type(doc).__name__}, not an object")
            return
        found = find_badge(doc)
        if found is None:
            if badge_types(doc) & ISSUER_TYPES:
                logger.info("%s: issuer profile %s lists no badges", self.label, page_url)
                return
            self.bad_payload(response, f"no Open Badges badge (type {sorted(badge_types(doc))})")
            return
        outer: Found | None = response.meta.get("found")
        if outer is not None:  # a badge fetched for an assertion or credential
            found = Found(doc, found.issuer or outer.issuer, outer.status, outer.reason)
        yield from self._badge(found, page_url)

    def _entries(self, entries: list[Any], page_url: str, outer: Found | None) -> Iterator[Any]:
        for entry in entries:
            if isinstance(entry, str):
                if request := self.follow(entry, self.parse_document):
                    yield request
            elif isinstance(entry, dict) and (found := find_badge(entry)):
                yield from self._badge(found, page_url)

    def _badge(self, found: Found, page_url: str) -> Iterator[Credential | Request]:
        if isinstance(found.badge, str):
            if request := self.follow(found.badge, self.parse_document, found=found):
                yield request
            return
        if found.issuer and found.issuer.startswith(("http://", "https://")):
            request = self.follow(
                found.issuer, self.parse_issuer, dont_filter=True, found=found, page_url=page_url
            )
            if request is not None:
                yield request.replace(errback=self.on_issuer_error)
                return
        yield self._record(found, page_url, None)

    def _record(self, found: Found, page_url: str, issuer: str | None) -> Credential:
        item = badge_record(
            found, page_url=page_url, source=self.source, crawled_at=self.crawled_at(),
            issuer=issuer,
        )  # fmt: skip
        return self.checked(item, found.reason)

    def parse_issuer(self, response: Response) -> Iterator[Credential]:
        """Name the badge's issuer from its fetched profile, then yield the badge."""
        doc = self.decode_json(response)
        name = doc.get("name") if isinstance(doc, dict) else None
        meta = response.meta
        yield self._record(meta["found"], meta["page_url"], name if isinstance(name, str) else None)

    def on_issuer_error(self, failure: Failure) -> Iterator[Credential]:
        """The issuer profile could not be fetched: keep the badge without an issuer name."""
        request = failure.request  # type: ignore[attr-defined]
        logger.warning(
            "%s: issuer profile %s not fetched (%s); badge kept without issuer name",
            self.label,
            request.url,
            failure.getErrorMessage(),
        )
        self.crawler.stats.inc_value("skillsignal/issuers_not_fetched")
        yield self._record(request.meta["found"], request.meta["page_url"], None)
