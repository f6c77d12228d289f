"""Classify job titles to ESCO occupations (and their ISCO group) with a confidence.

A title is cleaned (gender markers, bracketed text, seniority words and trailing location or
"remote" parts go), then compared with rapidfuzz ``token_sort_ratio`` against the preferred and
alternative labels of the occupations sharing at least one word with it (word blocking: a
title is never scored against all 3,039 occupations' ~30k labels). The best label wins when it
scores at least ``OCCUPATION_CUTOFF``; below it the title stays unclassified (None).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyarrow as pa
from rapidfuzz import fuzz, process

from taxonomy.bundle import load_concepts
from taxonomy.model import Concept

# rapidfuzz score (0..100) a label must reach; below it a title is left unclassified.
OCCUPATION_CUTOFF = 88.0
_GENDER = re.compile(r"\((?:[mwfdxhai]\s*/\s*)+[mwfdxhai]\)|\b[mwfd]/[mwfd](?:/[mwfdx])?\b", re.I)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SPLIT = re.compile(r"\s+[-|\u2013\u2014@]\s+|,|\s+/\s+")
_SENIORITY = frozenset(
    {
        "senior",
        "sr",
        "sr.",
        "junior",
        "jr",
        "jr.",
        "principal",
        "staff",
        "intern",
        "trainee",
        "mid",
        "level",
        "i",
        "ii",
        "iii",
        "iv",
        "entry",
        "graduate",
        "remote",
        "hybrid",
        "contract",
        "temporary",
        "part-time",
        "full-time",
    }
)
_STOP = frozenset(
    {
        "and",
        "or",
        "of",
        "the",
        "for",
        "in",
        "at",
        "to",
        "with",
        "a",
        "an",
        "&",
        "de",
        "der",
        "die",
        "und",
    }
)
_ISCO_CODE = re.compile(r"C(\d+)$")


@dataclass(frozen=True)
class OccupationMatch:
    """A title's occupation: ESCO URI, label, ISCO unit group code, confidence 0..1.

    Example: ``OccupationMatch(".../occupation/x", "data scientist", "2511", 1.0, "data
    scientist", "exact")``
    """

    occupation_uri: str
    label: str
    isco_code: str | None
    confidence: float
    matched_label: str
    method: str


class OccupationIndex:
    """Occupation labels with a word -> labels block index, built once and reused."""

    def __init__(self, concepts: Sequence[Concept]) -> None:
        """Index the ``occupation`` concepts (preferred and alternative labels)."""
        self._labels: list[str] = []
        self._owner: list[Concept] = []
        self._blocks: dict[str, list[int]] = defaultdict(list)
        self._exact: dict[str, int] = {}
        for concept in sorted(concepts, key=lambda c: c.concept_id):
            if concept.kind != "occupation":
                continue
            for label in (concept.label, *concept.alt_labels):
                text = normalize_title(label)
                if not text or text in self._exact:
                    continue
                index = len(self._labels)
                self._labels.append(text)
                self._owner.append(concept)
                self._exact[text] = index
                for word in _words(text):
                    self._blocks[word].append(index)

    def __len__(self) -> int:
        """Number of distinct labels indexed."""
        return len(self._labels)

    def classify(self, title: str, *, cutoff: float = OCCUPATION_CUTOFF) -> OccupationMatch | None:
        """The best occupation for ``title``, or None when no label scores ``cutoff``.

        Example: ``index.classify("Senior Data Scientist (m/w/d)").label`` -> ``"data
        scientist"``
        """
        best: tuple[float, int] | None = None
        for text in _variants(title):
            if text in self._exact:
                return self._match(self._exact[text], 100.0, "exact")
            candidates = sorted({i for word in _words(text) for i in self._blocks.get(word, ())})
            if not candidates:
                continue
            found = process.extractOne(
                text,
                {i: self._labels[i] for i in candidates},
                scorer=fuzz.token_sort_ratio,
                score_cutoff=cutoff,
            )
            if found is not None and (best is None or found[1] > best[0]):
                best = (found[1], found[2])
        if best is None:
            return None
        return self._match(best[1], best[0], "fuzzy")

    def _match(self, index: int, score: float, method: str) -> OccupationMatch:
        concept = self._owner[index]
        found = _ISCO_CODE.search(concept.parent or "")
        return OccupationMatch(
            occupation_uri=concept.concept_id,
            label=concept.label,
            isco_code=found.group(1) if found else None,
            confidence=round(score / 100.0, 4),
            matched_label=self._labels[index],
            method=method,
        )


def build_occupation_index(concepts: Sequence[Concept] | None = None) -> OccupationIndex:
    """Index the given concepts' occupations (default: the bundled ESCO occupations).

    Example: ``len(build_occupation_index()) > 3000`` -> ``True``
    """
    return OccupationIndex(load_concepts() if concepts is None else concepts)


def classify_titles(
    index: OccupationIndex, titles: Iterable[str], *, cutoff: float = OCCUPATION_CUTOFF
) -> list[OccupationMatch | None]:
    """Classify many titles (None where no occupation reaches ``cutoff``).

    Example: ``classify_titles(index, ["Data Scientist", "zzz"])[1]`` -> ``None``
    """
    return [index.classify(title, cutoff=cutoff) for title in titles]


def classify_table(
    index: OccupationIndex,
    titles: pa.Table,
    *,
    key: str = "posting_key",
    cutoff: float = OCCUPATION_CUTOFF,
) -> pa.Table:
    """Classify a (key, title) Arrow table; one row per input row, NULL occupation below cutoff.

    Columns: ``key``, occupation_uri, isco_code, confidence (0..1), method.

    Example: ``classify_table(index, pa.table({"posting_key": ["p1"], "title": ["Nurse"]}))``
    """
    matches = classify_titles(index, titles.column("title").to_pylist(), cutoff=cutoff)
    return pa.table(
        {
            key: titles.column(key),
            "occupation_uri": pa.array([m and m.occupation_uri for m in matches], pa.string()),
            "isco_code": pa.array([m and m.isco_code for m in matches], pa.string()),
            "confidence": pa.array([m and m.confidence for m in matches], pa.float64()),
            "method": pa.array([m and m.method for m in matches], pa.string()),
        }
    )


def normalize_title(title: str) -> str:
    """Lower case, no accents, gender markers, brackets or seniority words; single spaces.

    Example:
        >>> normalize_title("Senior Data Scientist (m/w/d)")
        'data scientist'
    """
    text = unicodedata.normalize("NFKD", title)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _BRACKETS.sub(" ", _GENDER.sub(" ", text))
    words = [w.strip(".:;!") for w in re.split(r"\s+", text)]
    return " ".join(w for w in words if w and w not in _SENIORITY)


def _variants(title: str) -> list[str]:
    """The whole cleaned title first, then its first part before " - ", "|", "," or " / "."""
    whole = normalize_title(title)
    cleaned = _BRACKETS.sub(" ", _GENDER.sub(" ", title))
    head = normalize_title(_SPLIT.split(cleaned, maxsplit=1)[0])
    return [text for text in dict.fromkeys([whole, head]) if text]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9+#]+", text) if len(w) > 1 and w not in _STOP}
