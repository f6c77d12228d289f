"""`workable`: every published job of one Workable account, through the widget API."""

from __future__ import annotations

from typing import ClassVar

from spiders.api_spider import FeedSpider
from spiders.params import WorkableParams
from spiders.parsing.workable import parse_account


class WorkableSpider(FeedSpider):
    """Yield a `JobPosting` per Workable job.

    Usage: `scrapy crawl workable -a account=huggingface [-a base_url=...] [-a source=...]`.
    One request: `{base_url}/api/v1/widget/accounts/{account}?details=true` (`details=true`
    adds the descriptions; the widget API does not page).
    """

    name = "workable"
    board_param = "account"
    params_model: ClassVar = WorkableParams
    parse_function = staticmethod(parse_account)

    def feed_url(self) -> str:
        """The account's widget feed with descriptions."""
        return f"{self.base_url}/api/v1/widget/accounts/{self.params.account}?details=true"
