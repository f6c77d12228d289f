"""The crawl records every spider writes: the JSONL contract of docs/architecture.md section 1.

Field order follows the contract tables, and the feed exporter keeps it. Both classes are
keyword-only so that the optional fields can sit where the contract puts them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: Values allowed in `Credential.kind`.
CREDENTIAL_KINDS = frozenset(
    {
        "course",
        "specialization",
        "professional_certificate",
        "nanodegree",
        "badge",
        "certificate",
        "bootcamp",
        "micromasters",
        "educator_microcredential",
        "other",
    }
)

#: Values allowed in `Credential.status`.
CREDENTIAL_STATUSES = frozenset({"active", "expired", "revoked"})

#: Values allowed in a relation's `type`.
RELATION_TYPES = frozenset({"part_of", "has_part", "prerequisite"})

#: Values allowed in `JobPosting.salary_period`.
SALARY_PERIODS = frozenset({"HOUR", "DAY", "WEEK", "MONTH", "YEAR"})


@dataclass(kw_only=True)
class JobPosting:
    """One job posting (`record_type == "posting"`).

    Unknown values are `None`; `description` is clean text and may be empty.
    """

    record_type: Literal["posting"] = field(default="posting", init=False)
    source: str
    source_id: str
    url: str
    title: str
    employer: str | None = None
    location: str | None = None
    country: str | None = None
    remote: bool | None = None
    employment_type: str | None = None
    date_posted: str | None = None
    valid_through: str | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_period: str | None = None
    language: str | None = None
    description: str = ""
    crawled_at: str
    #: Optional: `REMOTE`, `HYBRID` or `ON_SITE` when the source says.
    workplace_type: str | None = None
    #: Optional: cross-source duplicate key, set by `item_pipelines.EnrichPipeline`.
    dedupe_key: str | None = None


@dataclass(kw_only=True)
class Credential:
    """One course, certificate, badge or programme (`record_type == "credential"`).

    Unknown values are `None`; `skills` holds the skill names the provider declares.
    `declared_skills` holds the same skills as objects `{name, framework, code, url}` (an
    alignment's targetName/targetFramework/targetCode/targetUrl; framework, code and url may be
    `None`); `relations` holds `{type, target_source_id, target_url}` objects, `type` one of
    `RELATION_TYPES`. Both lists are plain dicts (see `parsing.credential_fields`).
    """

    record_type: Literal["credential"] = field(default="credential", init=False)
    source: str
    source_id: str
    url: str
    title: str
    description: str = ""
    language: str | None = None
    crawled_at: str
    provider: str | None = None
    kind: str
    level: str | None = None
    hours: float | None = None
    price: float | None = None
    currency: str | None = None
    skills: list[str] = field(default_factory=list)
    declared_skills: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    issuer: str | None = None
    duration: str | None = None
    status: str | None = None


@dataclass(kw_only=True)
class Unchanged:
    """A record the source still lists, unchanged since the last crawl (`"unchanged"`).

    Written instead of a `JobPosting`/`Credential` when a page answered `304 Not Modified` to a
    conditional request (`spiders.incremental`): one per record the page gave last time. The
    warehouse moves its `last_seen` and keeps it open without re-reading its content.
    """

    record_type: Literal["unchanged"] = field(default="unchanged", init=False)
    source: str
    source_id: str
    url: str
    crawled_at: str
