"""`udacity`: Nanodegree programs and courses of the Udacity public catalog."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from functools import partial
from typing import ClassVar

from scrapy import Request
from scrapy.http import Response

from spiders.catalog import CatalogSpider
from spiders.catalog_params import UdacityParams
from spiders.items import Credential
from spiders.parsing.udacity import parse_catalog


class UdacitySpider(CatalogSpider):
    """Yield a `Credential` per Nanodegree program and course.

    Usage: `scrapy crawl udacity [-a base_url=http://127.0.0.1:8000] [-a source=...]`.
    One request: `{base_url}/public-api/v1/courses`.
    """

    name = "udacity"
    params_model = UdacityParams
    default_base_url: ClassVar[str] = "https://www.udacity.com"

    def default_source(self) -> str:
        """`udacity:catalog`."""
        return "udacity:catalog"

    async def start(self) -> AsyncIterator[Request]:
        """Request the catalog."""
        yield self.api_request(f"{self.base_url}/public-api/v1/courses", self.parse_catalog)

    def parse_catalog(self, response: Response) -> Iterator[Credential]:
        """Yield the catalog's records."""
        records = self.read_payload(
            response,
            partial(parse_catalog, source=self.source, crawled_at=self.crawled_at()),
        )
        for record in records or []:
            yield self.checked(record)
