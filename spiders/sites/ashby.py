"""`ashby`: every listed job of one Ashby job board, with compensation."""

from __future__ import annotations

from typing import Any, ClassVar

from spiders.api_spider import FeedSpider
from spiders.params import AshbyParams
from spiders.parsing.ashby import parse_job_board


class AshbySpider(FeedSpider):
    """Yield a `JobPosting` per listed Ashby job.

    Usage: `scrapy crawl ashby -a org=ramp [-a employer=Ramp] [-a base_url=...]
    [-a source=...]`. One request:
    `{base_url}/posting-api/job-board/{org}?includeCompensation=true` (the API does not page).
    """

    name = "ashby"
    board_param = "org"
    params_model: ClassVar = AshbyParams
    parse_function = staticmethod(parse_job_board)

    def feed_url(self) -> str:
        """The job board with compensation."""
        return f"{self.base_url}/posting-api/job-board/{self.params.org}?includeCompensation=true"

    def parse_kwargs(self) -> dict[str, Any]:
        """The employer: `-a employer=`, else the org name."""
        return {"employer": self.params.employer or self.params.org}
