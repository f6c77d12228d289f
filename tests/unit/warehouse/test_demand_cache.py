"""The demand cache compute_scores stores: same rows as the live views, never stale.

Counts are those of analysis_warehouse.py (hand-computed there and in test_demand_measures.py).
"""

import pytest
from analysis_warehouse import AS_OF, T0, open_copy

from warehouse import WarehouseError, compute_scores, scoped


@pytest.fixture
def acon(tmp_path_factory, tmp_path):
    with open_copy(tmp_path_factory, tmp_path) as connection:
        yield connection


@pytest.fixture
def scored(acon):
    compute_scores(acon, top_n=4, computed_at=T0)
    return acon


def fresh(con):
    return con.sql(
        "select postings_fresh, skills_fresh, skill_demand_fresh from int_demand_cache_state"
    ).fetchall()[0]


def demand(con, **scope):
    with scoped(con, **scope):
        rows = con.sql("select skill_id, postings, previous_postings from mart_skill_demand")
        return {skill_id: counts for skill_id, *counts in rows.fetchall()}


def rounded(row):
    return tuple(round(value, 12) if isinstance(value, float) else value for value in row)


def cached_pairs(con):
    return con.sql(
        "select p.canonical_key, n.skill_id from demand_cache_skills as s "
        "join int_skill_numbers as n using (skill_no) "
        "join (select distinct canonical_key, canonical_id from demand_cache_postings) as p "
        "using (canonical_id) order by all"
    ).fetchall()


def view_rows(con):
    canonical = con.sql("select * from int_canonical_postings order by posting_key").fetchall()
    pairs = con.sql("select * from int_canonical_posting_skills order by all").fetchall()
    return canonical, pairs


def test_views_compute_live_until_compute_scores_fills_the_cache(acon):
    assert fresh(acon) == (False, False, False)
    live = view_rows(acon)
    compute_scores(acon, top_n=4, computed_at=T0)
    assert fresh(acon) == (True, True, True)
    assert view_rows(acon) == live
    assert acon.sql("select count(*) from demand_cache_postings").fetchall()[0] == (13,)


def test_cached_demand_matches_the_hand_counts(scored):
    assert demand(scored) == {
        "toy:python": [7, 0],
        "toy:sql": [4, 0],
        "toy:excel": [2, 0],
        "toy:docker": [1, 0],
    }
    window = demand(scored, window_days=30, as_of=AS_OF)
    assert window["toy:python"] == [5, 2]
    assert window["toy:docker"] == [2, 0]


def test_a_duplicate_is_stored_once(scored):
    # p1 = p7 (dedupe_key) and p2 = p13 (same text): python is in 9 postings, 7 canonical ones
    pairs = [key for key, skill_id in cached_pairs(scored) if skill_id == "toy:python"]
    assert len(pairs) == len(set(pairs)) == 7
    assert demand(scored)["toy:python"][0] == 7


def test_an_equal_opportunity_mention_is_not_stored(scored):
    assert "toy:communication" not in {skill_id for _, skill_id in cached_pairs(scored)}
    assert "toy:communication" not in demand(scored)


@pytest.mark.parametrize(
    "change",
    [
        "update skill_mentions set section = 'requirements' where skill_id = 'toy:communication'",
        "update postings set active = false where posting_key = 'p1'",
        "update postings set dedupe_key = null where posting_key = 'p7'",
        "update postings set content_hash = 'h-new' where posting_key = 'p5'",
        "delete from skill_mentions where doc_key = 'p4'",
        "insert into posting_duplicates values ('p3', 'p4', 'fuzzy', 0.9, '2026-07-31')",
        "insert into posting_occupations values ('p5', 'occ:analyst', '2511', 1.0, 'exact')",
        "delete from skills where skill_id = 'toy:excel'",
        "update taxonomy_versions set is_current = false",
        "update skills set preferred_label = 'Py' where skill_id = 'toy:python'",
        "update analysis_settings set wilson_z = 2.58",
    ],
)
def test_any_change_to_an_input_makes_the_views_compute_live(scored, change):
    scored.execute(change)
    assert fresh(scored) == (False, False, False)
    stale = view_rows(scored)
    scored.execute("delete from demand_cache_state")
    assert view_rows(scored) == stale  # what the views show is the live computation


def test_a_changed_input_shows_in_demand_before_the_next_compute_scores(scored):
    scored.execute(
        "update skill_mentions set section = 'requirements' where skill_id = 'toy:communication'"
    )
    assert demand(scored)["toy:communication"] == [1, 0]
    scored.execute("update postings set dedupe_key = null where posting_key = 'p7'")
    assert demand(scored)["toy:sql"] == [5, 0]  # p7 now counts on its own
    compute_scores(scored, top_n=4, computed_at=T0)
    assert fresh(scored) == (True, True, True)
    assert demand(scored)["toy:sql"] == [5, 0]


def test_other_changes_keep_the_cache(scored):
    scored.execute("update scoring_settings set top_n = 2")
    scored.execute("update credentials set hours = 1 where credential_key = 'c_top'")
    assert fresh(scored) == (True, True, True)


def test_compute_scores_again_replaces_the_cache(scored):
    before = view_rows(scored)
    compute_scores(scored, top_n=4, computed_at=T0)
    assert view_rows(scored) == before
    assert scored.sql("select count(*) from demand_cache_state").fetchall()[0] == (3,)


def test_compute_scores_refuses_a_scoped_connection(acon):
    with scoped(acon, window_days=30), pytest.raises(WarehouseError, match="scope"):
        compute_scores(acon, top_n=4, computed_at=T0)
    assert fresh(acon) == (False, False, False)


MARTS = [
    "mart_skill_demand",
    "mart_skill_demand_by_period",
    "mart_skill_group_demand",
    "mart_skill_cooccurrence",
    "mart_credential_alignment",
    "mart_credential_gaps",
    "mart_credential_explanations",
]


SCOPES = [{}, {"window_days": 30, "as_of": AS_OF}, {"occupation": "2511", "since": "2026-06-01"}]


@pytest.mark.parametrize("scope", SCOPES)
def test_every_mart_reads_the_same_from_the_cache_as_live(scored, scope):
    scored.execute("insert into posting_occupations values ('p5', 'occ:a', '2511', 1.0, 'exact')")
    compute_scores(scored, top_n=4, computed_at=T0)

    def marts():
        with scoped(scored, **scope):
            tables = [scored.sql(f"select * from {name} order by all") for name in MARTS]
            # parallel float sums may differ in the last bit from one run to the next
            return [[rounded(row) for row in table.fetchall()] for table in tables]

    cached = marts()
    scored.execute("delete from demand_cache_state")
    assert fresh(scored) == (False, False, False)
    assert marts() == cached
    assert any(cached)
