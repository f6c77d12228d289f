"""Item pipeline: the structured fields of a `Credential` (declared skills, relations, status).

`ValidatePipeline` checks that `declared_skills` and `relations` are lists of objects; this
pipeline checks what is inside them. Register it after `ValidatePipeline` in
`ITEM_PIPELINES`: `"spiders.credential_checks.CredentialFieldsPipeline": 310`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from scrapy.exceptions import DropItem

from spiders.items import CREDENTIAL_STATUSES, RELATION_TYPES, Credential

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

_SKILL_KEYS = frozenset({"name", "framework", "code", "url"})
_RELATION_KEYS = frozenset({"type", "target_source_id", "target_url"})


def _text_or_none(value: object) -> bool:
    return value is None or isinstance(value, str)


def problem(item: Credential) -> str | None:
    """Why a credential's structured fields break the contract, or `None` when they are fine.

    Example:
        >>> c = Credential(source="s", source_id="1", url="u", title="t", crawled_at="x",
        ...     kind="course", relations=[{"type": "sibling", "target_source_id": "2"}])
        >>> problem(c)
        "relation type 'sibling'"
    """
    if item.status is not None and item.status not in CREDENTIAL_STATUSES:
        return f"status {item.status!r}"
    for skill in item.declared_skills:
        if set(skill) - _SKILL_KEYS or not isinstance(skill.get("name"), str):
            return f"declared skill {skill!r}"
        if not all(_text_or_none(skill.get(key)) for key in _SKILL_KEYS):
            return f"declared skill {skill!r}"
    for relation in item.relations:
        if relation.get("type") not in RELATION_TYPES:
            return f"relation type {relation.get('type')!r}"
        target = relation.get("target_source_id")
        if set(relation) - _RELATION_KEYS or not isinstance(target, str) or not target:
            return f"relation {relation!r}"
    return None


class CredentialFieldsPipeline:
    """Drop a credential whose declared skills, relations or status break the contract.

    Counted as stat `skillsignal/dropped/bad_value`, like `ValidatePipeline`'s value checks.
    Job postings pass through untouched.
    """

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Create the pipeline with the crawler's stats collector."""
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        """Pass the item on, or raise `DropItem("bad_value: ...")`."""
        if isinstance(item, Credential) and (found := problem(item)):
            self.stats.inc_value("skillsignal/dropped/bad_value")
            raise DropItem(f"bad_value: {found} in {item.url}")
        return item
