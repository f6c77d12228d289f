"""`ctdl`: credentials and learning opportunities published in Credential Engine CTDL."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator

from scrapy import Request
from scrapy.http import Response

from spiders.catalog import DocumentSpider
from spiders.items import Credential
from spiders.parsing.ctdl import (
    CTDL_TYPES,
    Graph,
    ctdl_record,
    resources,
    types_of,
    unknown_properties,
)

logger = logging.getLogger(__name__)


class CtdlSpider(DocumentSpider):
    """Yield a `Credential` per CTDL credential or learning opportunity in one document.

    Usage: `scrapy crawl ctdl -a url=https://credentialengineregistry.org/graph/ce-...
    [-a base_url=http://127.0.0.1:8000] [-a source=...]`. `url` is a resource, a `@graph`
    envelope or a search result. Properties outside the CTDL namespaces are logged (WARNING,
    stat `skillsignal/ctdl_unknown_properties`) and ignored; the record is kept. A document
    with no credential type is logged at INFO.
    """

    name = "ctdl"

    async def start(self) -> AsyncIterator[Request]:
        """Request the document at `url`."""
        if request := self.follow(self.params.url, self.parse_document):
            yield request

    def parse_document(self, response: Response) -> Iterator[Credential]:
        """Yield the document's credentials."""
        payload = self.decode_json(response)
        if payload is None:
            return
        objects = resources(payload)
        graph = Graph.of(objects)
        page_url = self.site.to_canonical(response.url)
        crawled_at = self.crawled_at()
        matches = [obj for obj in objects if types_of(obj) & CTDL_TYPES]
        if not matches:
            logger.info("%s: no CTDL credential in %s", self.label, page_url)
            self.crawler.stats.inc_value("skillsignal/pages_without_items")
        for obj in matches:
            record, reason = ctdl_record(
                obj, graph=graph, page_url=page_url, source=self.source, crawled_at=crawled_at
            )
            if unknown := unknown_properties(obj):
                logger.warning(
                    "%s: %s has unknown properties, ignored: %s",
                    self.label,
                    record.url,
                    ", ".join(unknown),
                )
                self.crawler.stats.inc_value("skillsignal/ctdl_unknown_properties", len(unknown))
            yield self.checked(record, reason)
