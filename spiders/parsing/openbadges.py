"""Open Badges 2.0 and 3.0 documents -> `Credential` records.

Reads OB 2.0 `BadgeClass`, `Assertion` (its badge, with `revoked` / `expires`) and `Issuer`,
and OB 3.0 `Achievement` and `OpenBadgeCredential` / `AchievementCredential` (its
`credentialSubject.achievement`, with `validUntil` / `expirationDate`). Alignments
(`targetName`, `targetFramework`, `targetCode`, `targetUrl`) become declared skills.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spiders.items import Credential
from spiders.parsing.credential_fields import (
    alignment_skills,
    expiry_status,
    names_of,
    unique_skills,
)
from spiders.parsing.jsonld import absolute_url, as_list, description_text, text_of
from spiders.parsing.vocab import language_code

BADGE_TYPES = frozenset({"BadgeClass", "Achievement"})
CREDENTIAL_TYPES = frozenset({"OpenBadgeCredential", "AchievementCredential", "Assertion"})
ISSUER_TYPES = frozenset({"Issuer", "Profile"})
#: Keys of a document that lists badges (an issuer's badge list, a Badgr-style `result`).
LIST_KEYS = ("badges", "badgeClasses", "achievements", "result", "items")
_KINDS = {"certificate": "certificate", "certification": "certificate", "course": "course"}
_OTHER = frozenset({"degree", "diploma", "license", "assessmentresult"})


def types_of(doc: dict[str, Any]) -> set[str]:
    """The `type` / `@type` names of a document, without prefixes (`obi:BadgeClass`)."""
    raw = doc.get("type", doc.get("@type"))
    return {str(name).rsplit(":", 1)[-1] for name in as_list(raw) if isinstance(name, str)}


@dataclass(frozen=True)
class Found:
    """A badge inside a document, with the status the document gives it.

    Attributes:
        badge: The BadgeClass / Achievement object, or its URL when not embedded.
        issuer: The issuer's name, its URL (to fetch), or `None`.
        status: `active`, `expired` or `revoked`.
        reason: Why it is not active, e.g. `revoked: Honor code violation`.
    """

    badge: dict[str, Any] | str
    issuer: str | None
    status: str
    reason: str | None


def _issuer(value: object) -> str | None:
    """The issuer's name when embedded, its URL otherwise."""
    if isinstance(value, dict):
        return text_of(value.get("name")) or (str(value["id"]) if value.get("id") else None)
    return value if isinstance(value, str) and value.strip() else None


def find_badge(doc: dict[str, Any]) -> Found | None:
    """The badge of a BadgeClass, Achievement, OB 3.0 credential or OB 2.0 assertion.

    Example:
        >>> find_badge({"type": "Assertion", "badge": "https://x/b", "revoked": True}).status
        'revoked'
    """
    types = types_of(doc)
    if types & BADGE_TYPES:
        return Found(doc, _issuer(doc.get("issuer") or doc.get("creator")), "active", None)
    if "Assertion" in types:
        badge = doc.get("badge")
        status, reason = expiry_status(doc.get("expires"))
        if doc.get("revoked") is True:
            status, reason = "revoked", f"revoked: {doc.get('revocationReason') or 'no reason'}"
        issuer = _issuer(badge.get("issuer")) if isinstance(badge, dict) else None
        return Found(badge, issuer, status, reason) if badge else None
    if types & CREDENTIAL_TYPES:
        subject = doc.get("credentialSubject")
        achievement = subject.get("achievement") if isinstance(subject, dict) else None
        if not isinstance(achievement, dict):
            return None
        status, reason = expiry_status(doc.get("validUntil") or doc.get("expirationDate"))
        issuer = _issuer(doc.get("issuer")) or _issuer(achievement.get("creator"))
        return Found(achievement, issuer, status, reason)
    return None


def listed(doc: object) -> list[Any] | None:
    """The entries of a badge list, or `None` when the document is not a list.

    A list is a JSON array, or an object with a list under one of `LIST_KEYS`.
    """
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        return next((doc[k] for k in LIST_KEYS if isinstance(doc.get(k), list)), None)
    return None


def _kind(badge: dict[str, Any]) -> str:
    achievement_type = str(badge.get("achievementType") or "").rsplit(":", 1)[-1].lower()
    if achievement_type in _OTHER:
        return "other"
    return _KINDS.get(achievement_type, "badge")


def badge_record(
    found: Found, *, page_url: str, source: str, crawled_at: str, issuer: str | None = None
) -> Credential:
    """The `Credential` of an embedded badge (`found.badge` must be an object).

    Args:
        found: The badge and its status.
        page_url: The canonical URL of the document it came from.
        source: The records' `source`.
        crawled_at: When it was fetched.
        issuer: The issuer's name when it was fetched separately.

    Example:
        `{"type": "BadgeClass", "id": "https://x/b", "name": "Robotics", "alignment":
        [{"targetName": "robotics"}]}` -> `Credential(kind="badge", skills=["robotics"], ...)`
    """
    badge = found.badge if isinstance(found.badge, dict) else {}
    own_id = absolute_url(badge.get("id") or badge.get("@id"), page_url)
    skills = unique_skills(alignment_skills(badge.get("alignment")))
    issuer_name = issuer or (
        found.issuer if found.issuer and not found.issuer.startswith("http") else None
    )
    return Credential(
        source=source,
        source_id=own_id or page_url,
        url=own_id or page_url,
        title=text_of(badge.get("name")) or "",
        description=description_text(badge.get("description")),
        language=language_code(text_of(badge.get("@language") or badge.get("inLanguage"))),
        crawled_at=crawled_at,
        provider=issuer_name,
        issuer=issuer_name,
        kind=_kind(badge),
        skills=names_of(skills),
        declared_skills=skills,
        status=found.status,
    )
