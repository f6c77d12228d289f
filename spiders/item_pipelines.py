"""Scrapy item pipelines: the last check of every record before it is written."""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from dataclasses import fields
from typing import TYPE_CHECKING, Any, Literal, Self, Union, get_args, get_origin, get_type_hints

from scrapy.exceptions import DropItem

from spiders.items import CREDENTIAL_KINDS, SALARY_PERIODS, Credential, JobPosting, Unchanged
from spiders.parsing.employer import dedupe_key
from spiders.parsing.language import detect_language

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

_SPACES = re.compile(r"\s+")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_SIMPLE_TYPES: dict[Any, Callable[[object], bool]] = {
    str: lambda value: isinstance(value, str),
    bool: lambda value: isinstance(value, bool),
    float: lambda value: isinstance(value, int | float) and not isinstance(value, bool),
    type(None): lambda value: value is None,
    dict: lambda value: isinstance(value, dict),
}
_HINTS = {cls: get_type_hints(cls) for cls in (JobPosting, Credential)}


def _matches(value: object, hint: Any) -> bool:
    """Whether `value` fits a field's type: `str`, `bool`, `float`, `list[str]`, `X | None`."""
    origin = get_origin(hint)
    if origin in {Union, types.UnionType}:
        return any(_matches(value, arg) for arg in get_args(hint))
    if origin is list:
        (item_hint,) = get_args(hint)
        return isinstance(value, list) and all(_matches(item, item_hint) for item in value)
    if origin is Literal:
        return value in get_args(hint)
    return _SIMPLE_TYPES[hint](value)


def _squash(value: str | None) -> str | None:
    return _SPACES.sub(" ", value).strip() if isinstance(value, str) else value


class _StatsPipeline:
    """A pipeline that counts into the crawler's stats."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Create the pipeline with the crawler's stats collector."""
        return cls(crawler.stats)


class ValidatePipeline(_StatsPipeline):
    """Drop records that break the contract, tidy names, and drop repeats within a crawl.

    Reasons (each counted as stat `skillsignal/dropped/<reason>`): `unknown_item`,
    `bad_type` (a field of the wrong type), `missing_title`, `missing_source_id`,
    `missing_url`, `unknown_kind`, `bad_value` (country, currency or salary period outside
    its vocabulary) and `duplicate` (a second record with the same `(source, source_id)`).
    `Unchanged` records (a page that answered 304) pass as they are. Whitespace in `title`,
    `employer` and `provider` is collapsed; integer money and hours
    become floats.
    """

    def __init__(self, stats: StatsCollector) -> None:
        super().__init__(stats)
        self.seen: set[tuple[str, str]] = set()

    def _drop(self, reason: str, detail: str) -> DropItem:
        self.stats.inc_value(f"skillsignal/dropped/{reason}")
        return DropItem(f"{reason}: {detail}", log_level="INFO" if reason == "duplicate" else None)

    def _check_types(self, item: JobPosting | Credential) -> None:
        for field in fields(item):
            value = getattr(item, field.name)
            if _matches(value, _HINTS[type(item)][field.name]):
                if isinstance(value, int) and not isinstance(value, bool):
                    setattr(item, field.name, float(value))  # only float fields accept ints
                continue
            raise self._drop("bad_type", f"{field.name}={value!r} in {item.url or item.title!r}")

    def _check_values(self, item: JobPosting | Credential) -> None:
        for name, present, pattern in (
            ("country", getattr(item, "country", None), _COUNTRY),
            ("salary_currency", getattr(item, "salary_currency", None), _CURRENCY),
            ("currency", getattr(item, "currency", None), _CURRENCY),
        ):
            if present is not None and not pattern.match(present):
                raise self._drop("bad_value", f"{name}={present!r} in {item.url}")
        period = getattr(item, "salary_period", None)
        if period is not None and period not in SALARY_PERIODS:
            raise self._drop("bad_value", f"salary_period={period!r} in {item.url}")

    def process_item(self, item: Any) -> JobPosting | Credential | Unchanged:
        """Check, tidy and pass on one record, or raise `DropItem(reason)`.

        Args:
            item: A `JobPosting` or `Credential`.

        Returns:
            The same record, tidied.

        Raises:
            DropItem: The record breaks the contract or repeats an earlier one.
        """
        if isinstance(item, Unchanged):
            return item
        if not isinstance(item, JobPosting | Credential):
            raise self._drop("unknown_item", type(item).__name__)
        self._check_types(item)
        item.title = _squash(item.title) or ""
        if isinstance(item, JobPosting):
            item.employer = _squash(item.employer) or None
        else:
            item.provider = _squash(item.provider) or None
        for name in ("title", "source_id", "url"):
            if not getattr(item, name).strip():
                where = item.url or item.source_id or repr(item)
                raise self._drop(f"missing_{name}", where)
        if isinstance(item, Credential) and item.kind not in CREDENTIAL_KINDS:
            raise self._drop("unknown_kind", f"kind={item.kind!r} in {item.url}")
        self._check_values(item)
        key = (item.source, item.source_id)
        if key in self.seen:
            raise self._drop("duplicate", f"{item.source} {item.source_id}")
        self.seen.add(key)
        return item


class EnrichPipeline(_StatsPipeline):
    """Fill what every posting gets the same way, whatever its source.

    - `language`: detected from title and description (`parsing.language`) when the source
      did not give it; counted as stat `skillsignal/language_detected`.
    - `dedupe_key`: `parsing.employer.dedupe_key` of employer, title and country (or
      location), so the warehouse can collapse one job listed on several boards.

    Credentials pass through unchanged.
    """

    def process_item(self, item: Any) -> Any:
        """Set `language` (if missing) and `dedupe_key` of a `JobPosting`.

        Args:
            item: A validated record.

        Returns:
            The same record.
        """
        if not isinstance(item, JobPosting):
            return item
        if item.language is None:
            item.language = detect_language(f"{item.title}\n{item.description}")
            if item.language is not None:
                self.stats.inc_value("skillsignal/language_detected")
        item.dedupe_key = dedupe_key(item.employer, item.title, item.country, item.location)
        return item
