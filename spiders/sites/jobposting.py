"""`jobposting`: job postings from schema.org `JobPosting` JSON-LD on a career site."""

from __future__ import annotations

from typing import Any, ClassVar

from spiders.items import JobPosting
from spiders.jsonld_site import JsonldSiteSpider
from spiders.parsing.jobposting import posting_from_jobposting


class JobpostingSpider(JsonldSiteSpider):
    """Yield a `JobPosting` per schema.org `JobPosting` object.

    Usage: `scrapy crawl jobposting -a url=https://careers.example.com/sitemap.xml
    [-a base_url=http://127.0.0.1:8000] [-a source=...]`.
    """

    name = "jobposting"
    item_types: ClassVar[frozenset[str]] = frozenset({"JobPosting"})

    def make_item(self, obj: dict[str, Any], *, page_url: str, crawled_at: str) -> JobPosting:
        """Build the `JobPosting` for one JSON-LD object."""
        return posting_from_jobposting(
            obj, page_url=page_url, source=self.source, crawled_at=crawled_at
        )
