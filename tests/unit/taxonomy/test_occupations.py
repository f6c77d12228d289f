"""Job title -> ESCO occupation classification (rapidfuzz with word blocking and a cutoff)."""

import pyarrow as pa
import pytest

from taxonomy.model import Concept
from taxonomy.occupations import (
    OCCUPATION_CUTOFF,
    OccupationIndex,
    build_occupation_index,
    classify_table,
    classify_titles,
    normalize_title,
)

ISCO = "http://data.europa.eu/esco/isco/C"
CONCEPTS = [
    Concept("occ:ds", "occupation", "data scientist", "2511.4", ("data science specialist",),
            parent=ISCO + "2511"),
    Concept("occ:de", "occupation", "data engineer", "2511.3", (), parent=ISCO + "2511"),
    Concept("occ:sd", "occupation", "software developer", "2512.4",
            ("software engineer", "programmer"), parent=ISCO + "2512"),
    Concept("occ:nurse", "occupation", "specialist nurse", "2221.1", (), parent=ISCO + "2221"),
    Concept("grp:x", "skill_group", "data science", "S1"),
]  # fmt: skip


@pytest.fixture(scope="module")
def index():
    return OccupationIndex(CONCEPTS)


@pytest.mark.parametrize(
    ("title", "uri", "method"),
    [
        ("Senior Data Scientist (m/w/d)", "occ:ds", "exact"),
        ("Software Engineer - Remote", "occ:sd", "exact"),
        ("Data Engineer, Berlin", "occ:de", "exact"),
        ("Data Scientists", "occ:ds", "fuzzy"),
        ("Programmer II", "occ:sd", "exact"),
    ],
)
def test_titles_find_their_occupation(index, title, uri, method):
    match = index.classify(title)
    assert match is not None
    assert (match.occupation_uri, match.method) == (uri, method)
    assert 0 < match.confidence <= 1


def test_isco_code_and_confidence(index):
    match = index.classify("data scientist")
    assert (match.isco_code, match.confidence, match.label) == ("2511", 1.0, "data scientist")
    fuzzy = index.classify("Data Scientists")
    assert OCCUPATION_CUTOFF / 100 <= fuzzy.confidence < 1


def test_below_the_cutoff_is_none(index):
    assert index.classify("Head Chef") is None  # no shared word: never scored
    assert index.classify("Data Analyst") is None  # shares "data", scores below the cutoff
    assert index.classify("Data Analyst", cutoff=30) is not None


def test_only_occupations_are_indexed_and_batch_classify(index):
    assert len(index) == 7  # 2 + 1 + 3 + 1 labels; the skill group is not an occupation
    assert [m and m.occupation_uri for m in classify_titles(index, ["programmer", "zzz"])] == [
        "occ:sd",
        None,
    ]


def test_normalize_title():
    assert normalize_title("Sr. Data Engineer (f/m/x) [Hybrid]") == "data engineer"
    assert normalize_title("Développeur") == "developpeur"


def test_bundled_esco_occupations():
    bundled = build_occupation_index()
    assert len(bundled) > 3000
    match = bundled.classify("Senior Data Scientist (m/w/d)")
    assert (match.label, match.isco_code) == ("data scientist", "2511")


def test_classify_table_feeds_the_warehouse(index):
    table = classify_table(
        index, pa.table({"posting_key": ["p1", "p2"], "title": ["Nurse", "Data engineer"]})
    )
    assert table.column_names == [
        "posting_key",
        "occupation_uri",
        "isco_code",
        "confidence",
        "method",
    ]
    expected = {"posting_key": "p2", "occupation_uri": "occ:de", "isco_code": "2511",
                "confidence": 1.0, "method": "exact"}  # fmt: skip
    assert table.to_pylist()[1] == expected
    assert table.column("occupation_uri").to_pylist()[0] is None
