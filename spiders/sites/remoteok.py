"""`remoteok`: RemoteOK's public JSON feed of remote jobs."""

from __future__ import annotations

from typing import ClassVar

from spiders.api_spider import FeedSpider
from spiders.params import BoardParams
from spiders.parsing.remote_boards import parse_remoteok


class RemoteokSpider(FeedSpider):
    """Yield a `JobPosting` per RemoteOK job.

    Usage: `scrapy crawl remoteok [-a base_url=...] [-a source=...]`. One request:
    `{base_url}/api` (the feed does not page; its first element is a legal notice, skipped).
    """

    name = "remoteok"
    params_model: ClassVar = BoardParams
    default_base_url = "https://remoteok.com"
    parse_function = staticmethod(parse_remoteok)

    def feed_url(self) -> str:
        """The JSON feed."""
        return f"{self.base_url}/api"
