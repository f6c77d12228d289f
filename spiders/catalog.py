"""Base spider for catalogue sources: JSON documents in, `Credential` records out."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from scrapy import Request
from scrapy.http import Response

from spiders.api_spider import JsonApiSpider
from spiders.errors import PayloadError
from spiders.items import Credential
from spiders.mirror import Mirror
from spiders.params import SiteParams

T = TypeVar("T")


class CatalogSpider(JsonApiSpider):
    """`JsonApiSpider` for credential catalogues (`coursera`, `udacity`, `credly`, ...).

    Requests, JSON decoding and failures work as in `JsonApiSpider`. Every record goes
    through `checked`, which logs and counts what a curriculum designer should know about it:
    a credential that declares no skills (INFO, stat `skillsignal/credentials_without_skills`)
    and one that is expired or revoked (WARNING with the reason, stat
    `skillsignal/credentials_<status>`). Such records are still written, with `status` set:
    nothing is lost.
    """

    @property
    def module_logger(self) -> logging.Logger:
        """The spider module's logger (e.g. `spiders.sites.coursera`), as `JsonApiSpider` logs."""
        return logging.getLogger(type(self).__module__)

    def http_error_hint(self, status: int) -> str:
        """No board to name: a catalogue's 404 is just a missing resource."""
        return ""

    def read_payload(self, response: Response, parse: Callable[[Any], T]) -> T | None:
        """Decode a JSON response and read it with `parse`, or log why not and return `None`.

        A body that is not JSON and a `PayloadError` from `parse` are logged at ERROR (see
        `JsonApiSpider.decode_json` and `bad_payload`).
        """
        payload = self.decode_json(response)
        if payload is None:
            return None
        try:
            return parse(payload)
        except PayloadError as exc:
            self.bad_payload(response, exc)
            return None

    def checked(self, item: Credential, reason: str | None = None) -> Credential:
        """Log and count a record without skills or not active; return it unchanged.

        Args:
            item: The record.
            reason: Why it is expired or revoked, e.g. `valid until 2010-01-01T00:00:00Z`.
        """
        stats, logger = self.crawler.stats, self.module_logger
        if not item.skills:
            logger.info("%s: %s declares no skills", self.label, item.url)
            stats.inc_value("skillsignal/credentials_without_skills")
        if item.status in {"expired", "revoked"}:
            logger.warning(
                "%s: %s is %s (%s); kept with status=%s",
                self.label,
                item.url,
                item.status,
                reason or "no reason given",
                item.status,
            )
            stats.inc_value(f"skillsignal/credentials_{item.status}")
        stats.inc_value("skillsignal/credentials")
        return item


class DocumentSpider(CatalogSpider):
    """A `CatalogSpider` started from one document URL (`-a url=`), optionally via a mirror.

    Arguments are `params.SiteParams`: `url`, `base_url` (a mirror origin: every URL on the
    site's host is fetched from it, and records keep the site's URLs) and `source` (default
    `<name>:<host of url>`). `follow` requests further documents of the same site.
    """

    params_model = SiteParams

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.site = Mirror.of(self.params.url, self.params.base_url)
        self.allowed_domains = [self.site.fetch_host]

    def default_source(self) -> str:
        """`<name>:<host of url>`."""
        return f"{self.name}:{Mirror.of(self.params.url, None).site_host}"

    def follow(
        self, url: str, callback: Any, *, dont_filter: bool = False, **meta: Any
    ) -> Request | None:
        """A request for a document of the site, or `None` (logged) for another host.

        `dont_filter` lets a document be fetched again (e.g. an issuer shared by badges).
        """
        target = self.site.to_fetch(url)
        if target is None:
            self.module_logger.warning("%s: skipping off-site URL %s", self.label, url)
            self.crawler.stats.inc_value("skillsignal/offsite_urls")
            return None
        return self.api_request(target, callback, meta=meta, dont_filter=dont_filter)
