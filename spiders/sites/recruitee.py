"""`recruitee`: every published offer of one Recruitee careers site."""

from __future__ import annotations

from typing import ClassVar

from spiders.api_spider import FeedSpider
from spiders.params import RecruiteeParams
from spiders.parsing.recruitee import parse_offers


class RecruiteeSpider(FeedSpider):
    """Yield a `JobPosting` per Recruitee offer.

    Usage: `scrapy crawl recruitee -a company=spring [-a base_url=...] [-a source=...]`. One
    request: `{base_url}/api/offers/`, where `base_url` defaults to
    `https://{company}.recruitee.com` (the API does not page).
    """

    name = "recruitee"
    board_param = "company"
    params_model: ClassVar = RecruiteeParams
    parse_function = staticmethod(parse_offers)

    def __init__(self, *args: object, **kwargs: object) -> None:
        company = str(kwargs.get("company", "")).strip().lower()
        self.default_base_url = f"https://{company}.recruitee.com"
        super().__init__(*args, **kwargs)

    def feed_url(self) -> str:
        """The offers list."""
        return f"{self.base_url}/api/offers/"
