"""`course_jsonld`: courses and credentials from schema.org JSON-LD on a provider's site."""

from __future__ import annotations

from typing import Any, ClassVar

from spiders.items import Credential
from spiders.jsonld_site import JsonldSiteSpider
from spiders.parsing.credential import CREDENTIAL_TYPES, credential_from_jsonld


class CourseJsonldSpider(JsonldSiteSpider):
    """Yield a `Credential` per schema.org course, credential or programme object.

    Types read: `Course`, `EducationalOccupationalCredential`, `EducationalOccupationalProgram`.

    Usage: `scrapy crawl course_jsonld -a url=https://courses.example.org/
    [-a base_url=http://127.0.0.1:8000] [-a source=...]`.
    """

    name = "course_jsonld"
    item_types: ClassVar[frozenset[str]] = CREDENTIAL_TYPES

    def make_item(self, obj: dict[str, Any], *, page_url: str, crawled_at: str) -> Credential:
        """Build the `Credential` for one JSON-LD object."""
        return credential_from_jsonld(
            obj, page_url=page_url, source=self.source, crawled_at=crawled_at
        )
