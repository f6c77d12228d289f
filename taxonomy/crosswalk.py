"""One canonical skill per concept across ESCO, Lightcast, O*NET and the custom overlay.

Sources are merged in ``SOURCE_ORDER``. ESCO skills anchor canonical skills (their id is the
ESCO URI). Each skill of a later source links to an existing canonical skill when one of its
labels equals a canonical preferred label under ``label_keys`` (``normalize_label``, with and
without a parenthesised qualifier: method ``exact``, score 100) or an alternative label that
is a spelling variant of the preferred one (``exact-alt``, ``ALT_SCORE``: ESCO also lists
narrower terms and product names as alternative labels, "cURL" under *computer programming*,
and those go to review), else when its best rapidfuzz
``token_sort_ratio`` against canonical preferred labels sharing a word with it (word-index blocking)
reaches ``FUZZY_CUTOFF`` with no rival within ``FUZZY_MARGIN`` (method ``fuzzy``). A tie, or a
best score in ``[REVIEW_CUTOFF, FUZZY_CUTOFF)``, is listed for review and never merged: the
skill becomes a canonical skill of its own (``<source>:<id>``). Overlay aliases link last
(method ``overlay``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from taxonomy.crosswalk_index import LabelIndex
from taxonomy.errors import TaxonomyError
from taxonomy.labels import label_keys, normalize_label
from taxonomy.model import SourceImport, SourceSkill
from taxonomy.overlay import Overlay

logger = logging.getLogger(__name__)

SOURCE_ORDER = ("esco", "lightcast", "onet", "custom")
FUZZY_CUTOFF = 95.0
"""Lowest rapidfuzz ``token_sort_ratio`` (0-100) that links two labels without review."""
REVIEW_CUTOFF = 88.0
"""Lowest score listed for review; below it two labels are simply different skills."""
ALT_SCORE = 90.0
"""Score of a link through an alternative (not preferred) label."""
FUZZY_MARGIN = 2.0
"""A fuzzy link needs its best candidate this far ahead of the next canonical skill's."""


@dataclass(frozen=True)
class Link:
    """One source skill's place in the crosswalk.

    ``method``: ``source`` (anchors its own canonical skill), ``exact``, ``fuzzy`` or
    ``overlay``; ``score`` 0-100.

    Example: ``Link("http://.../skill/ccd0...", "lightcast", "KS125LS...", "Python ...",
    "exact", 100.0)``
    """

    canonical_id: str
    source: str
    source_id: str
    label: str
    method: str
    score: float


@dataclass(frozen=True)
class Review:
    """A possible link left unmerged: the source skill and the canonical skill it resembles.

    Example: ``Review("lightcast", "KS1...", "Cloud Computing", "http://...", "cloud
    technologies", "fuzzy", 90.5)``
    """

    source: str
    source_id: str
    label: str
    candidate_id: str
    candidate_label: str
    method: str
    score: float


@dataclass
class Crosswalk:
    """Canonical skills (id -> label), every source skill's link, and links left for review.

    Example: ``build_crosswalk([esco, lightcast]).resolve("Python")`` -> ``"http://..."``
    """

    labels: dict[str, str] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    index: LabelIndex = field(default_factory=LabelIndex)

    def resolve(self, name: str) -> str | None:
        """Return the canonical id a name resolves to (exact ``label_keys`` match), or None.

        Example: ``crosswalk.resolve("k8s")`` -> ``"lightcast:KSJF3PBD3995K6E0OF1Z"``
        """
        for key in label_keys(name):
            found = self.index.best(key)
            if found:
                return found[0]
        return None

    def source_ids(self, canonical_id: str) -> dict[str, list[str]]:
        """Return the source ids linked to a canonical skill, by source.

        Example: ``crosswalk.source_ids(uri)`` -> ``{"esco": [uri], "lightcast": ["KS1..."]}``
        """
        found: dict[str, list[str]] = {}
        for link in self.links:
            if link.canonical_id == canonical_id:
                found.setdefault(link.source, []).append(link.source_id)
        return found


def build_crosswalk(imports: Iterable[SourceImport], overlay: Overlay | None = None) -> Crosswalk:
    """Merge source imports (and an overlay) into canonical skills.

    Example: ``build_crosswalk([import_esco(d), import_lightcast(f)]).links[-1].method``
    -> ``"exact"``

    Raises:
        TaxonomyError: an overlay alias collides with another skill's label (file and line).
    """
    crosswalk = Crosswalk()
    ordered = sorted(imports, key=lambda i: SOURCE_ORDER.index(i.source))
    for source_import in ordered:
        for skill in source_import.skills:
            _add(crosswalk, skill)
    if overlay is not None:
        for skill in overlay.skills:
            _add(crosswalk, skill)
        _add_aliases(crosswalk, overlay)
    counts = {m: sum(1 for link in crosswalk.links if link.method == m) for m in ("exact", "fuzzy")}
    logger.info(
        "crosswalk: %d canonical skills, %d links (%s), %d for review",
        len(crosswalk.labels),
        len(crosswalk.links),
        counts,
        len(crosswalk.reviews),
    )
    return crosswalk


def _add(crosswalk: Crosswalk, skill: SourceSkill) -> None:
    index = crosswalk.index
    labels = [skill.label, *skill.alt_labels]
    if skill.source != SOURCE_ORDER[0]:
        reviews = len(crosswalk.reviews)
        target = _exact(crosswalk, skill, labels)
        if target is None and len(crosswalk.reviews) == reviews:  # no exact candidate at all
            target = _fuzzy(crosswalk, skill)
        if target is not None:
            canonical_id, method, score = target
            crosswalk.links.append(
                Link(canonical_id, skill.source, skill.source_id, skill.label, method, score)
            )
            index.add_labels(canonical_id, labels, preferred=False)
            return
    canonical_id = (
        skill.source_id if skill.source == "esco" else f"{skill.source}:{skill.source_id}"
    )
    crosswalk.labels[canonical_id] = skill.label
    crosswalk.links.append(
        Link(canonical_id, skill.source, skill.source_id, skill.label, "source", 100.0)
    )
    index.add_labels(canonical_id, labels[:1], preferred=True)
    index.add_labels(canonical_id, labels[1:], preferred=False)


def _exact(
    crosswalk: Crosswalk, skill: SourceSkill, labels: list[str]
) -> tuple[str, str, float] | None:
    for label in labels:
        for key in label_keys(label):
            found = crosswalk.index.best(key)
            if not found:
                continue
            preferred = crosswalk.index.is_preferred(key)
            if len(found) == 1 and (preferred or _is_variant(key, crosswalk.labels[found[0]])):
                return (
                    found[0],
                    "exact" if preferred else "exact-alt",
                    100.0 if preferred else ALT_SCORE,
                )
            method = "exact-alt" if len(found) == 1 else "exact-ambiguous"
            crosswalk.reviews += [
                Review(
                    skill.source,
                    skill.source_id,
                    skill.label,
                    candidate,
                    crosswalk.labels[candidate],
                    method,
                    100.0 if preferred else ALT_SCORE,
                )
                for candidate in found
            ]
            return None
    return None


def _is_variant(key: str, preferred_label: str) -> bool:
    """Whether ``key`` spells the preferred label another way (not a narrower alt label)."""
    return fuzz.token_sort_ratio(key, label_keys(preferred_label)[-1]) >= REVIEW_CUTOFF


def _fuzzy(crosswalk: Crosswalk, skill: SourceSkill) -> tuple[str, str, float] | None:
    query = label_keys(skill.label)[-1]
    keys = [key for key in crosswalk.index.block(query) if crosswalk.index.is_preferred(key)]
    if not keys:
        return None
    hits = process.extract(
        query, keys, scorer=fuzz.token_sort_ratio, limit=5, score_cutoff=REVIEW_CUTOFF
    )
    ranked: dict[str, float] = {}
    for key, score, _ in hits:
        for canonical_id in crosswalk.index.best(key):
            ranked.setdefault(canonical_id, score)
    if not ranked:
        return None
    (best_id, best), *rest = sorted(ranked.items(), key=lambda item: -item[1])
    rival = rest[0][1] if rest else 0.0
    if best >= FUZZY_CUTOFF and best - rival >= FUZZY_MARGIN:
        return best_id, "fuzzy", round(best, 1)
    for canonical_id, score in [(best_id, best), *rest][:3]:
        crosswalk.reviews.append(
            Review(
                skill.source,
                skill.source_id,
                skill.label,
                canonical_id,
                crosswalk.labels[canonical_id],
                "fuzzy",
                round(score, 1),
            )
        )
    return None


def _add_aliases(crosswalk: Crosswalk, overlay: Overlay) -> None:
    for alias, target in (overlay.aliases or {}).items():
        target_id = target if target in crosswalk.labels else crosswalk.resolve(target)
        if target_id is None:
            line = overlay.line_of(alias)
            raise TaxonomyError(f"{overlay.path}:{line}: alias {alias!r}: no skill {target!r}")
        for key in label_keys(alias):
            others = [c for c in crosswalk.index.all(key) if c != target_id]
            if others:
                line = overlay.line_of(alias)
                msg = (
                    f"{overlay.path}:{line}: alias {alias!r} collides with the label of "
                    f"{others[0]} ({crosswalk.labels[others[0]]!r})"
                )
                raise TaxonomyError(msg)
        crosswalk.index.add_labels(target_id, [alias], preferred=False)
        crosswalk.links.append(
            Link(target_id, "custom", f"alias:{normalize_label(alias)}", alias, "overlay", 100.0)
        )
