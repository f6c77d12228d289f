import pytest

from taxonomy.sections import (
    _HEADINGS,
    _LINE_CUES,
    DEMAND_SECTIONS,
    SECTIONS,
    _first,
    _first_lower,
    heading_section,
    sections,
)

POSTING = """Acme builds rockets.
About us
We are a friendly team using Python.
What you'll do:
- Write Python services
Requirements
- 3+ years of SQL
- Docker is a plus
What we offer
- Health insurance and Python training
How to apply
Send your CV to jobs@acme.test
Acme is an equal opportunity employer and does not discriminate."""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Requirements:", "requirements"),
        ("What you'll do", "responsibilities"),
        ("Nice to have:", "nice_to_have"),
        ("Benefits", "benefits"),
        ("About the company", "about"),
        ("## How to apply", "how_to_apply"),
        ("Diversity & Inclusion", "equal_opportunity"),
        ("- Strong Python skills", None),
        ("We use many tools and libraries every day in our work here.", None),
    ],
)
def test_headings(line, expected):
    assert heading_section(line) == expected


def test_each_line_gets_its_section():
    found = sections(POSTING)
    by_line = dict(zip(POSTING.splitlines(), found.names, strict=True))
    assert by_line["Acme builds rockets."] == "other"
    assert by_line["We are a friendly team using Python."] == "about"
    assert by_line["- Write Python services"] == "responsibilities"
    assert by_line["- 3+ years of SQL"] == "requirements"
    assert by_line["- Docker is a plus"] == "nice_to_have"
    assert by_line["- Health insurance and Python training"] == "benefits"
    assert by_line["Send your CV to jobs@acme.test"] == "how_to_apply"
    assert by_line[POSTING.splitlines()[-1]] == "equal_opportunity"


def test_offsets_map_to_sections():
    found = sections(POSTING)
    assert found.at(POSTING.index("SQL")) == "requirements"
    assert found.at(0) == "other"
    assert found.at(len(POSTING)) == "equal_opportunity"
    assert sections("").at(0) is None


def test_demand_sections_are_sections():
    assert set(SECTIONS) > DEMAND_SECTIONS
    assert "benefits" not in DEMAND_SECTIONS


@pytest.mark.parametrize("cues", [_HEADINGS, _LINE_CUES])
def test_cue_patterns_are_lowercase_for_the_ascii_search(cues):
    assert all(lower.pattern == lower.pattern.lower() for _, _, lower in cues)


@pytest.mark.parametrize(
    "text",
    [
        "Docker is a PLUS",
        "WE OFFER Health Insurance",
        "How To Apply: SEND YOUR CV",
        "Equal Employment Opportunity",
        "Docker is a plu\u017f",  # long s: IGNORECASE folds it to "s"
        "nothing here",
    ],
)
def test_first_cue_ignores_case_like_ignorecase(text):
    for cues in (_HEADINGS, _LINE_CUES):
        expected = next((name for name, pattern, _ in cues if pattern.search(text)), None)
        assert _first(cues, text) == expected


def test_long_lines_are_searched_but_not_cached():
    line = "Docker " * 100 + "is a PLUS"
    before = _first_lower.cache_info().currsize
    assert _first(_LINE_CUES, line) == "nice_to_have"
    assert _first_lower.cache_info().currsize == before
