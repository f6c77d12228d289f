"""Alignment, partial credit, relevance, explanations and gaps on the hand-built warehouse.

D = python .7, sql .4, excel .2, docker .1 (sum 1.4); declared weight 1, extracted 0.7,
narrower credit 0.5 per level.
"""

import pytest
from analysis_warehouse import open_copy

from warehouse import query_rows


@pytest.fixture
def acon(tmp_path_factory, tmp_path):
    with open_copy(tmp_path_factory, tmp_path) as connection:
        yield connection


def scores(con):
    rows = con.sql(
        "select credential_key, coverage, score, relevance from mart_credential_alignment"
    ).fetchall()
    return {key: rest for key, *rest in rows}


def test_scores_by_hand(acon):
    assert scores(acon) == {
        "c_top": [pytest.approx(1.1 / 1.4), pytest.approx(1.1 / 1.4), 1.0],
        "c_rare": [pytest.approx(0.3 / 1.4), pytest.approx(0.3 / 1.4), 1.0],
        # teaches PostgreSQL, one level below SQL: half credit on SQL; PostgreSQL not in D
        "c_pg": [0.0, pytest.approx(0.5 * 0.4 / 1.4), 0.0],
        # Python only extracted from its description: weight 0.7
        "c_ext": [pytest.approx(0.5), pytest.approx(0.7 * 0.7 / 1.4), 1.0],
    }


def test_top_skills_outrank_rare_ones(acon):
    _, rows = query_rows(acon, "alignment")
    titles = [row[1] for row in rows]
    assert titles.index("Python and SQL Bootcamp") < titles.index("Docker and Excel")


def test_score_band_contains_the_score(acon):
    for low, score, high in acon.sql(
        "select score_low, score, score_high from mart_credential_alignment"
    ).fetchall():
        assert low <= score <= high


def test_explanations_add_up_to_the_score(acon):
    rows = acon.sql(
        "select skill_id, evidence, evidence_skill_id, depth, credit, contribution "
        "from mart_credential_explanations where credential_key = 'c_pg' order by demand_rank"
    ).fetchall()
    assert rows[1] == ("toy:sql", "narrower", "toy:postgresql", 1, 0.5, pytest.approx(0.2 / 1.4))
    assert [row[1] for row in rows] == ["none", "narrower", "none", "none"]
    assert sum(row[5] for row in rows) == pytest.approx(scores(acon)["c_pg"][1])


def test_gaps_show_partial_credit(acon):
    _, rows = query_rows(acon, "gaps", {"credential": "PostgreSQL"})
    assert [(row[3], row[8]) for row in rows] == [
        ("toy:python", 0.0),
        ("toy:sql", 0.5),
        ("toy:excel", 0.0),
        ("toy:docker", 0.0),
    ]


def test_alignment_for_a_target_occupation(acon):
    acon.execute(
        "insert into posting_occupations values ('p5', 'occ:analyst', '2511', 1.0, 'exact')"
    )
    # p5 alone: sql .. excel, each share 1 -> D = {excel, sql}
    result = dict(
        acon.sql("select credential_key, score from mart_credential_alignment").fetchall()
    )
    assert result["c_top"] == pytest.approx(1.1 / 1.4)
    _, rows = query_rows(acon, "alignment", {"occupation": "occ:analyst"})
    by_key = {row[9]: row[10] for row in rows}
    assert by_key == {"c_top": 0.5, "c_rare": 0.5, "c_pg": 0.25, "c_ext": 0.0}
