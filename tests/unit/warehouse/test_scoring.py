"""Demand, alignment and gaps on the fixture files, checked against hand-computed values.

Active postings (5) mention: Python 4, SQL 3, Docker 2, Kubernetes 1, communication 1,
data analysis 1. Credentials: py4e teaches Python (declared + extracted); data-eng teaches SQL,
Python (declared) and Docker (extracted); badge b-7 teaches communication (extracted).
"""

from datetime import datetime

import pytest

from warehouse import (
    WarehouseError,
    compute_scores,
    link_credential_skills,
    load_postings,
    run_overview,
)

T2 = datetime(2026, 7, 31, 6, 0)


def demand(con):
    rows = con.sql("select skill_id, postings, share, rank from mart_skill_demand").fetchall()
    return {skill: (postings, share, rank) for skill, postings, share, rank in rows}


def alignment(con):
    rows = con.sql(
        "select c.source_id, a.covered_count, a.demanded_count, a.coverage "
        "from mart_credential_alignment as a join credentials as c using (credential_key)"
    ).fetchall()
    return {
        source_id: (covered, demanded, coverage) for source_id, covered, demanded, coverage in rows
    }


def test_demand_shares_of_active_postings(scored_con):
    assert demand(scored_con) == {
        "toy:python": (4, pytest.approx(0.8), 1),
        "toy:sql": (3, pytest.approx(0.6), 2),
        "toy:docker": (2, pytest.approx(0.4), 3),
        "toy:communication": (1, pytest.approx(0.2), 4),  # ties ordered by lower(label)
        "toy:data-analysis": (1, pytest.approx(0.2), 5),
        "toy:kubernetes": (1, pytest.approx(0.2), 6),
    }


def test_closed_postings_do_not_count(scored_con, fixture_records, write_jsonl):
    records = fixture_records("postings.jsonl")
    office = records[-1]
    load_postings(
        scored_con,
        write_jsonl(records[:-1]),
        run_id="r2",
        seen_at=T2,
        complete_sources={office["source"]},
    )
    result = demand(scored_con)
    assert "toy:communication" not in result
    assert result["toy:python"] == (4, pytest.approx(1.0), 1)


def test_alignment_over_all_demanded_skills(scored_con):
    # D = all 6 skills, sum of shares = 2.4
    assert alignment(scored_con) == {
        "py4e": (1, 6, pytest.approx(0.8 / 2.4)),
        "data-eng": (3, 6, pytest.approx(1.8 / 2.4)),
        "b-7": (1, 6, pytest.approx(0.2 / 2.4)),
    }


def test_alignment_over_top_three(scored_con):
    summary = compute_scores(scored_con, top_n=3)
    assert (summary.top_n, summary.active_postings, summary.demanded_skills) == (3, 5, 3)
    assert (summary.skills_in_demand, summary.credentials_scored) == (6, 3)
    # D = Python .8, SQL .6, Docker .4 -> sum 1.8
    assert alignment(scored_con) == {
        "py4e": (1, 3, pytest.approx(0.8 / 1.8)),
        "data-eng": (3, 3, pytest.approx(1.0)),
        "b-7": (0, 3, pytest.approx(0.0)),
    }


def test_covering_more_demanded_skills_scores_higher(scored_con):
    before = alignment(scored_con)["py4e"][2]
    link_credential_skills(scored_con, {"Programming": "toy:sql"}, method="manual")
    after = alignment(scored_con)["py4e"]
    assert after[0] == 2
    assert after[2] == pytest.approx((0.8 + 0.6) / 2.4)
    assert after[2] > before
    ordered = sorted(alignment(scored_con).items(), key=lambda item: -item[1][2])
    assert [source_id for source_id, _ in ordered] == ["data-eng", "py4e", "b-7"]


def test_unresolved_declared_skill_does_not_count(scored_con):
    rows = scored_con.sql(
        "select name, skill_id from credential_skills where skill_id is null order by name"
    ).fetchall()
    assert rows == [("Programming", None), ("dbt", None)]


def test_gaps_are_ranked_by_demand(scored_con):
    compute_scores(scored_con, top_n=4)
    rows = scored_con.sql(
        "select c.source_id, g.skill_id, g.gap_rank from mart_credential_gaps as g "
        "join credentials as c using (credential_key) order by c.source_id, g.gap_rank"
    ).fetchall()
    assert rows == [
        ("b-7", "toy:python", 1),
        ("b-7", "toy:sql", 2),
        ("b-7", "toy:docker", 3),
        ("data-eng", "toy:communication", 1),
        ("py4e", "toy:sql", 1),
        ("py4e", "toy:docker", 2),
        ("py4e", "toy:communication", 3),
    ]


def test_no_demand_gives_null_coverage(con, credentials_path, install_toy_taxonomy):
    from warehouse import load_credentials

    load_credentials(con, credentials_path, run_id="r1", seen_at=T2)
    install_toy_taxonomy(con)
    rows = con.sql("select demanded_count, coverage from mart_credential_alignment").fetchall()
    assert rows == [(0, None)] * 3


def test_top_n_must_be_positive(con):
    with pytest.raises(WarehouseError, match="at least 1"):
        compute_scores(con, top_n=0)


def test_run_overview(scored_con):
    overview = run_overview(scored_con, top=2)
    assert (overview.active_postings, overview.credentials) == (5, 3)
    assert overview.top_skills == [("Python", 4, 0.8), ("SQL", 3, 0.6)]
    assert [title for title, _ in overview.alignment][:2] == [
        "Data Engineering Professional Certificate",
        "Python for Everybody",
    ]
    assert overview.alignment[0][1] == pytest.approx(0.75)
