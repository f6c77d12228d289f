"""Near-duplicate detection: hand-checked pairs, grouping, and the warehouse tables/view."""

from __future__ import annotations

from datetime import datetime

import pytest

from warehouse.dedupe import (
    DedupeSettings,
    Duplicate,
    PostingText,
    detect_duplicates,
    find_duplicates,
    pair_score,
)
from warehouse.dedupe_text import cities, employer_key, title_key

TEXT = (
    "About the role\nYou will build batch and streaming data pipelines in Python and SQL.\n"
    "- Operate Airflow and dbt\n- Model our warehouse\nAbout you\n- Three years with Python\n"
    "- Experience with cloud data platforms such as BigQuery or Snowflake\n"
)
T0, T1 = datetime(2026, 7, 1), datetime(2026, 7, 2)


def posting(key: str, **fields: object) -> PostingText:
    values: dict = {"title": "Data Engineer", "employer": "Acme Analytics GmbH",
                    "location": "Berlin", "country": "DE", "description": TEXT,
                    **fields}  # fmt: skip
    return PostingText(key, **values)


def test_keys_fold_legal_forms_gender_markers_and_places():
    assert employer_key("ACME Analytics, GmbH") == employer_key("Acme Analytics")
    assert employer_key("Acme Analytics") == "acme analytics"
    assert title_key("Data Engineer (m/w/d)") == title_key("DATA ENGINEER") == "data engineer"
    assert cities("Berlin, DE; Remote (EU); Germany") == {"berlin"}
    assert cities("Worldwide") == frozenset()


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        # An aggregator's copy: reformatted, employer without legal form, gender marker.
        (posting("b", title="Data Engineer (m/w/d)", employer="Acme Analytics",
                 description="Job description: " + TEXT.replace("\n", " · ")), ("fuzzy", 0.9796)),
        # A cut-short snippet is a token subset of the original.
        (posting("b", description=TEXT[:210] + " …"), ("fuzzy", 0.9636)),
        # A repost with a word added to the title.
        (posting("b", title="Urgent: Data Engineer"), ("fuzzy", 1.0)),
        # Same employer and title in another city: another job.
        (posting("b", location="Munich"), None),
        # Another country.
        (posting("b", country="AT", location=None), None),
        # Pay 20 % apart: another grade.
        (posting("b", salary_min=72000.0), None),
        # A different job sharing a little of the text.
        (posting("b", title="Data Engineer", description=TEXT[:120] + "Sales targets. " * 20),
         None),
    ],
)  # fmt: skip
def test_pair_score_hand_checked(other, expected):
    assert pair_score(posting("a", salary_min=60000.0), other) == expected


def test_titles_that_each_add_a_word_are_other_jobs():
    ios = posting("a", title="Mobile Engineer, iOS")
    assert pair_score(ios, posting("b", title="Mobile Engineer, Android")) is None
    assert pair_score(ios, posting("b", title="Mobile Engineer")) == ("fuzzy", 1.0)  # subset
    assert pair_score(ios, posting("b", title="Mobile Enginer, iOS")) is not None  # a typo


def test_pair_score_with_same_dedupe_key_and_two_languages():
    english = posting("a", dedupe_key="k1", language="en")
    german = posting("b", dedupe_key="k1", language="de", description="Deine Aufgaben " * 30)
    assert pair_score(english, german) == ("dedupe_key", 0.9)
    assert pair_score(english, posting("c", dedupe_key="k2", language="de",
                                       description="Deine Aufgaben " * 30)) is None  # fmt: skip


def test_short_descriptions_need_equal_titles_and_cities():
    a = posting("a", description="Apply now.")
    assert pair_score(a, posting("b", description="")) == ("fuzzy", 1.0)
    assert pair_score(a, posting("b", description="", title="Urgent: Data Engineer")) is None
    assert pair_score(a, posting("b", description="", location=None)) is None


def test_groups_take_the_first_seen_as_canonical_and_refuse_vetoed_chains():
    first = posting("z-first", first_seen=T0)
    copy = posting("a-copy", first_seen=T1, employer="Acme Analytics", location=None)
    other_city = posting("m-munich", first_seen=T1, location="Munich")
    duplicates, scored = find_duplicates([copy, other_city, first])
    # The copy (no place) matches both, but Berlin and Munich never share a group: it joins
    # one of them (ties go by posting key), and the group's head is the first seen.
    assert duplicates == [Duplicate("m-munich", "a-copy", "fuzzy", 1.0)]
    assert scored == 2  # Berlin and Munich are in different blocks
    later = posting("b-later", first_seen=T1)
    assert find_duplicates([later, first])[0] == [Duplicate("b-later", "z-first", "fuzzy", 1.0)]


def test_blocking_skips_other_employers_and_unrelated_titles():
    postings = [posting("a"), posting("b", employer="Other Co"), posting("c", title="Nurse")]
    assert find_duplicates(postings) == ([], 0)


def test_settings_tighten_the_decision():
    snippet = posting("b", description=TEXT[:230])
    assert pair_score(posting("a"), snippet) is not None
    strict = DedupeSettings(min_description_chars=400)
    assert pair_score(posting("a"), snippet, strict) == ("fuzzy", 1.0)  # equal titles, same city
    assert pair_score(posting("a"), posting("b", title="Urgent: Data Engineer",
                                            description=TEXT[:230]), strict) is None  # fmt: skip


def _record(source_id: str, source: str = "board-a", **fields: object) -> dict:
    return {"record_type": "posting", "source": source, "source_id": source_id,
            "url": f"https://jobs.example/{source}/{source_id}", "title": "Data Engineer",
            "employer": "Acme Analytics GmbH", "location": "Berlin", "country": "DE",
            "description": TEXT, "crawled_at": "2026-07-30T02:00:00Z", **fields}  # fmt: skip


def test_detect_duplicates_fills_table_view_and_run_rate(con, write_jsonl):
    from warehouse import load_postings

    load_postings(con, write_jsonl([_record("1"), _record("2", title="Nurse", description="x")]),
                  run_id="r0", seen_at=T0)  # fmt: skip
    later = write_jsonl([_record("9", source="board-b", employer="ACME Analytics")])
    load_postings(con, later, run_id="r1", seen_at=T1)
    stats = detect_duplicates(con, run_id="r1", detected_at=T1)
    assert (stats.postings, stats.duplicates, stats.groups) == (3, 1, 1)
    assert stats.duplicate_rate == pytest.approx(1 / 3)
    rows = con.sql(
        "select p.source, c.is_canonical, c.duplicate_method, c.group_active, "
        "c.canonical_key = (select posting_key from postings where source_id = '1') "
        "from int_posting_canonical as c join postings as p using (posting_key) "
        "order by p.source, p.source_id"
    ).fetchall()
    assert rows == [
        ("board-a", True, None, True, True),
        ("board-a", True, None, True, False),
        ("board-b", False, "fuzzy", True, True),
    ]
    runs = con.sql(
        "select source, postings, duplicates from posting_duplicate_runs order by source"
    ).fetchall()
    assert runs == [("board-a", 2, 0), ("board-b", 1, 1)]
    detect_duplicates(con, run_id="r1", detected_at=T1)  # rebuilt, not appended
    assert con.sql("select count(*) from posting_duplicates").fetchall() == [(1,)]
