"""Credential Engine CTDL JSON-LD -> `Credential` records.

Reads a single resource, a Registry `@graph` envelope (the resource plus its blank nodes and
competencies) or a search result (`{"data": [...]}`, items possibly wrapped as
`{"decoded_resource": ...}`). Properties may carry the `ceterms:` or the older `schema:`
prefix; names may be plain strings or language maps (`{"en-US": "..."}`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spiders.items import Credential
from spiders.parsing.credential import EDUCATOR_WORDS
from spiders.parsing.credential_fields import declared_skill, names_of, relation, unique_skills
from spiders.parsing.dates import duration_hours
from spiders.parsing.jsonld import as_list, description_text, number_of
from spiders.parsing.vocab import language_code

_KINDS = {
    "Badge": "badge",
    "DigitalBadge": "badge",
    "OpenBadge": "badge",
    "Certificate": "certificate",
    "Certification": "certificate",
    "MicroCredential": "certificate",
    "ProfessionalCertificate": "professional_certificate",
    "LearningOpportunityProfile": "course",
    "LearningProgram": "course",
    "Course": "course",
}
#: CTDL types read as credentials (bare names, without `ceterms:`).
CTDL_TYPES = frozenset(_KINDS)
_PREFIXES = ("ceterms:", "schema:")
#: Namespaces a CTDL resource may use; a property outside them is reported as unknown.
KNOWN_NAMESPACES = frozenset({"ceterms", "ceasn", "schema", "asn", "skos", "dct", "qdata"})
_INACTIVE = {"Deprecated": "expired", "Ceased": "expired", "Suspended": "expired"}
_CURRENCIES = {"us dollar": "USD", "euro": "EUR", "pound sterling": "GBP"}
_CONCEPT_SCHEME = re.compile(r"^[A-Z][A-Za-z]+$")
_PREREQUISITES = ("targetCredential", "targetLearningOpportunity", "targetAssessment")


def _bare(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def types_of(obj: dict[str, Any]) -> set[str]:
    """Bare `@type` names, e.g. `{"Certification"}` for `ceterms:Certification`."""
    return {_bare(t) for t in as_list(obj.get("@type")) if isinstance(t, str)}


def resources(payload: object) -> list[dict[str, Any]]:
    """Every object of a resource, `@graph` envelope, search result or JSON array.

    Example:
        >>> len(resources({"@graph": [{"@id": "a"}, {"@id": "b"}]}))
        2
    """
    if isinstance(payload, list):
        return [obj for item in payload for obj in resources(item)]
    if not isinstance(payload, dict):
        return []
    for key in ("@graph", "data", "decoded_resource"):
        if isinstance(payload.get(key), list | dict):
            return resources(payload[key])
    return [payload]


def unknown_properties(obj: dict[str, Any]) -> list[str]:
    """Properties outside JSON-LD keywords and the CTDL namespaces, sorted.

    Example:
        >>> unknown_properties({"@id": "x", "ceterms:name": "n", "acme:rank": 1, "foo": 2})
        ['acme:rank', 'foo']
    """
    return sorted(
        key
        for key in obj
        if not key.startswith("@") and key.split(":", 1)[0] not in KNOWN_NAMESPACES
    )


def _get(obj: dict[str, Any], name: str) -> Any:
    return next((obj[p + name] for p in _PREFIXES if p + name in obj), None)


def _text(value: object) -> str | None:
    """A string, the English (else first) value of a language map, or the first of a list."""
    for item in as_list(value):
        if isinstance(item, str) and item.strip():
            return " ".join(item.split())
        if isinstance(item, dict) and not any(key.startswith(("@", "ceterms:")) for key in item):
            english = [v for k, v in item.items() if k.lower().startswith("en")]
            if text := _text(english or list(item.values())):
                return text
    return None


@dataclass(frozen=True)
class Graph:
    """The objects of one document by `@id`.

    Used to resolve references given as URIs (organizations, conditions, competencies).
    """

    by_id: dict[str, dict[str, Any]]

    @classmethod
    def of(cls, objects: list[dict[str, Any]]) -> Graph:
        """Index objects by `@id`."""
        return cls({str(o["@id"]): o for o in objects if isinstance(o.get("@id"), str)})

    def resolve(self, value: object) -> dict[str, Any] | None:
        """An embedded object, or the object a URI names, or `None`."""
        if isinstance(value, dict):
            return value
        return self.by_id.get(value) if isinstance(value, str) else None


def _skill(value: object, graph: Graph) -> dict[str, str | None] | None:
    """A competency alignment as a declared skill; a term of a CTDL concept scheme is not one.

    CTDL names its own vocabularies in `framework` by a bare name (`CredentialStatus`,
    `AudienceLevel`); a competency framework is a URI.
    """
    obj = graph.resolve(value)
    if obj is None or _CONCEPT_SCHEME.match(str(_get(obj, "framework") or "")):
        return None
    name = _text(_get(obj, "targetNodeName")) or _text(obj.get("ceasn:competencyText"))
    framework = _text(_get(obj, "frameworkName")) or _text(_get(obj, "framework"))
    url = _get(obj, "targetNode") or obj.get("@id") or (value if isinstance(value, str) else None)
    code = _text(_get(obj, "codedNotation")) or _text(obj.get("ceasn:codedNotation"))
    return declared_skill(name, framework=framework, code=code, url=url)


def _skills(obj: dict[str, Any], graph: Graph) -> list[dict[str, str | None]]:
    values = list(as_list(_get(obj, "teaches")))
    for condition in as_list(_get(obj, "requires")):
        if cond := graph.resolve(condition):
            values.extend(as_list(_get(cond, "targetCompetency")))
    return unique_skills([s for v in values if (s := _skill(v, graph))])


def _ref(value: object, graph: Graph) -> tuple[str, str | None]:
    obj = graph.resolve(value)
    if obj is None:
        return str(value), str(value) if str(value).startswith("http") else None
    ctid = _text(_get(obj, "ctid"))
    url = obj.get("@id") if isinstance(obj.get("@id"), str) else None
    return ctid or url or _text(_get(obj, "name")) or "", url


def _relations(obj: dict[str, Any], graph: Graph) -> list[dict[str, Any]]:
    found = []
    for name, kind in (("isPartOf", "part_of"), ("hasPart", "has_part")):
        found += [relation(kind, *_ref(v, graph)) for v in as_list(_get(obj, name))]
    for condition in as_list(_get(obj, "requires")):
        cond = graph.resolve(condition) or {}
        for name in _PREREQUISITES:
            found += [relation("prerequisite", *_ref(v, graph)) for v in as_list(_get(cond, name))]
    return [item for item in found if item["target_source_id"]]


def _price(obj: dict[str, Any]) -> tuple[float | None, str | None]:
    for cost in as_list(_get(obj, "estimatedCost")):
        if isinstance(cost, dict) and (price := number_of(_get(cost, "price"))) is not None:
            currency = (_text(_get(cost, "currency")) or "").strip()
            code = _CURRENCIES.get(currency.lower())
            return price, code or (currency.upper() if len(currency) == 3 else None)
    return None, None


def _duration(obj: dict[str, Any]) -> str | None:
    for profile in as_list(_get(obj, "estimatedDuration")):
        if isinstance(profile, dict) and (text := _text(_get(profile, "exactDuration"))):
            return text
    return None


def _status(obj: dict[str, Any]) -> tuple[str, str | None]:
    for term in as_list(_get(obj, "credentialStatusType")):
        node = _text(_get(term, "targetNode")) if isinstance(term, dict) else _text(term)
        status = _INACTIVE.get(_bare(node or ""))
        if status:
            return status, f"credentialStatusType {_bare(node or '')}"
    return "active", None


def _organization(obj: dict[str, Any], graph: Graph) -> str | None:
    for name in ("offeredBy", "ownedBy", "owner", "creator"):
        for value in as_list(_get(obj, name)):
            if (org := graph.resolve(value)) and (text := _text(_get(org, "name"))):
                return text
    return None


def ctdl_record(
    obj: dict[str, Any], *, graph: Graph, page_url: str, source: str, crawled_at: str
) -> tuple[Credential, str | None]:
    """One CTDL credential or learning opportunity -> `(record, reason it is not active)`.

    Declared skills: `ceterms:teaches` and the `targetCompetency` of `ceterms:requires`
    conditions. Relations: `isPartOf` / `hasPart`, and the target credentials, learning
    opportunities and assessments of `requires` as `prerequisite`.

    Example:
        `{"@type": "ceterms:Certification", "ceterms:ctid": "ce-1", "ceterms:name":
        "COTA"}` -> `Credential(source_id="ce-1", kind="certificate", title="COTA", ...)`
    """
    kind = next((_KINDS[t] for t in sorted(types_of(obj)) if t in _KINDS), "other")
    title = _text(_get(obj, "name")) or ""
    description = _text(_get(obj, "description")) or ""
    if "MicroCredential" in types_of(obj) and EDUCATOR_WORDS.search(f"{title} {description}"):
        kind = "educator_microcredential"
    own_id = obj.get("@id") if isinstance(obj.get("@id"), str) else None
    url = _text(_get(obj, "subjectWebpage")) or _text(_get(obj, "url")) or own_id or page_url
    skills = _skills(obj, graph)
    price, currency = _price(obj)
    duration = _duration(obj)
    status, reason = _status(obj)
    organization = _organization(obj, graph)
    record = Credential(
        source=source,
        source_id=_text(_get(obj, "ctid")) or own_id or url,
        url=url,
        title=title,
        description=description_text(description),
        language=language_code(_text(_get(obj, "inLanguage"))),
        crawled_at=crawled_at,
        provider=organization,
        issuer=organization,
        kind=kind,
        hours=duration_hours(duration),
        price=price,
        currency=currency,
        skills=names_of(skills),
        declared_skills=skills,
        relations=_relations(obj, graph),
        duration=duration,
        status=status,
    )
    return record, reason
