"""`remotive`: Remotive's public feed of remote jobs."""

from __future__ import annotations

from typing import ClassVar

from spiders.api_spider import FeedSpider
from spiders.params import BoardParams
from spiders.parsing.remote_boards import parse_remotive


class RemotiveSpider(FeedSpider):
    """Yield a `JobPosting` per Remotive job.

    Usage: `scrapy crawl remotive [-a base_url=...] [-a source=...]`. One request:
    `{base_url}/api/remote-jobs` (Remotive documents no paging; `limit` only caps the list).
    """

    name = "remotive"
    params_model: ClassVar = BoardParams
    default_base_url = "https://remotive.com"
    parse_function = staticmethod(parse_remotive)

    def feed_url(self) -> str:
        """The remote-jobs feed."""
        return f"{self.base_url}/api/remote-jobs"
