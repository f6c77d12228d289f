"""Demand measures on the hand-built warehouse (analysis_warehouse.py holds the counts)."""

import math

import pytest
from analysis_warehouse import AS_OF, open_copy

from warehouse import WarehouseError, load_posting_occupations, scoped


@pytest.fixture
def acon(tmp_path_factory, tmp_path):
    with open_copy(tmp_path_factory, tmp_path) as connection:
        yield connection


def demand(con, **scope):
    with scoped(con, **scope):
        rows = con.sql(
            "select skill_id, postings, share, rank, previous_postings, growth, emerging "
            "from mart_skill_demand order by rank"
        ).fetchall()
    return {row[0]: row[1:] for row in rows}


def wilson(p, n, z=1.96):
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n), (centre + spread) / (1 + z * z / n)


def test_current_demand_counts_active_canonical_postings(acon):
    # 10 active canonical postings: p1 = p7 (dedupe_key), p2 = p13 (same text), p11 closed
    result = demand(acon)
    assert {skill: row[:3] for skill, row in result.items()} == {
        "toy:python": (7, pytest.approx(0.7), 1),
        "toy:sql": (4, pytest.approx(0.4), 2),
        "toy:excel": (2, pytest.approx(0.2), 3),
        "toy:docker": (1, pytest.approx(0.1), 4),
    }


def test_duplicate_posting_counts_once(acon):
    before = demand(acon)["toy:sql"][0]
    acon.execute("update postings set dedupe_key = null where posting_key = 'p7'")
    assert demand(acon)["toy:sql"][0] == before + 1  # p7 now counts on its own


def test_equal_opportunity_mention_adds_no_demand(acon):
    assert "toy:communication" not in demand(acon)
    acon.execute("update skill_mentions set section = 'requirements' where skill_id like '%comm%'")
    assert demand(acon)["toy:communication"][:2] == (1, pytest.approx(0.1))


def test_wilson_band_and_recency_share(acon):
    [(low, high)] = acon.sql(
        "select share_low, share_high from mart_skill_demand where skill_id = 'toy:python'"
    ).fetchall()
    assert (low, high) == pytest.approx(wilson(0.7, 10))
    with scoped(acon, window_days=30, as_of=AS_OF):
        [(recency,)] = acon.sql(
            "select recency_share from mart_skill_demand where skill_id = 'toy:docker'"
        ).fetchall()
    ages = {"p1": 1, "p2": 2, "p3": 3, "p4": 4, "p5": 11, "p6": 16, "p11": 21}
    weight = {key: 0.5 ** (age / 30) for key, age in ages.items()}
    assert recency == pytest.approx((weight["p3"] + weight["p11"]) / sum(weight.values()))


def test_growth_needs_minimum_support_and_emerging_flags_low_base(acon):
    # window 07-02..07-31: 7 postings (closed p11 included); previous: 4 postings
    result = demand(acon, window_days=30, as_of=AS_OF)
    python, sql, docker, excel = (result[f"toy:{s}"] for s in ("python", "sql", "docker", "excel"))
    assert python[:2] == (5, pytest.approx(5 / 7))
    assert python[3:] == (2, pytest.approx((5 / 7) / (2 / 4) - 1), False)
    assert sql[3:] == (1, None, False)  # 1 posting before < min_support 2
    assert docker[:2] == (2, pytest.approx(2 / 7))
    assert docker[3:] == (0, None, True)  # 0 -> 2 postings: emerging
    assert excel[3:] == (1, None, False)


def test_since_and_as_of_are_parameters(acon):
    result = demand(acon, since="2026-07-28", as_of=AS_OF)  # p1, p2, p3
    assert {skill: row[0] for skill, row in result.items()} == {
        "toy:python": 3,
        "toy:sql": 2,
        "toy:docker": 1,
    }


def test_filters_by_occupation_region_source(acon):
    import pyarrow as pa

    load_posting_occupations(
        acon,
        pa.table(
            {
                "posting_key": ["p1", "p2", "p5"],
                "occupation_uri": ["occ:data-engineer", "occ:data-engineer", None],
                "isco_code": ["2511", "2511", None],
                "confidence": [1.0, 0.9, 0.5],
                "method": ["exact", "fuzzy", "fuzzy"],
            }
        ),
    )
    assert acon.sql("select count(*) from posting_occupations").fetchall() == [(2,)]
    assert demand(acon, occupation="25")["toy:python"][:2] == (2, pytest.approx(1.0))
    assert demand(acon, occupation="occ:data-engineer")["toy:sql"][0] == 2
    assert demand(acon, region="FR") == {}
    assert demand(acon, region="de")["toy:python"][0] == 7
    # board b holds only p7, a duplicate of p1: the canonical posting is p1 on board a
    assert demand(acon, source="b") == {}
    assert demand(acon, source="a")["toy:python"][0] == 7


def test_bad_scope_values_are_rejected(acon):
    with pytest.raises(WarehouseError, match="as_of must be a date"):
        demand(acon, as_of="yesterday")
    with pytest.raises(WarehouseError, match="unknown scope parameter"):
        demand(acon, colour="red")


def test_rollup_and_cooccurrence(acon):
    groups = dict(acon.sql("select group_id, postings from mart_skill_group_demand").fetchall())
    assert groups == {"toy:sql": 4, "group:databases": 4}
    pairs = {
        (a, b): (n, share, lift)
        for a, b, n, share, lift in acon.sql(
            "select skill_id, other_skill_id, postings_together, together_share, lift "
            "from mart_skill_cooccurrence"
        ).fetchall()
    }
    # python & sql together in p1, p2 of 10: P(sql|python) = 2/7, lift = 0.2 / (0.7 * 0.4)
    assert pairs[("toy:python", "toy:sql")] == (
        2,
        pytest.approx(2 / 7),
        pytest.approx(0.2 / (0.7 * 0.4)),
    )
