"""Greedy stacks on the hand-built warehouse: choice by gain per cost, relations respected."""

import pytest
from analysis_warehouse import open_copy

from warehouse import WarehouseError, recommend_stack, stack_table


@pytest.fixture
def acon(tmp_path_factory, tmp_path):
    with open_copy(tmp_path_factory, tmp_path) as connection:
        yield connection


def relate(con, source, relation, target):
    con.execute(
        "insert into credential_relations values (?, 0, ?, ?, ?, null)",
        [source, relation, target, target],
    )


def test_greedy_by_gain_per_hour(acon):
    # gains (of 1.0): pg .1429/5h, rare .2143/10h, ext .35/20h, top .7857/40h
    stack = recommend_stack(acon, target=0.8)
    assert [step.credential_key for step in stack.steps] == ["c_pg", "c_rare", "c_ext", "c_top"]
    gains = [step.marginal_gain for step in stack.steps]
    assert gains == pytest.approx([0.2 / 1.4, 0.3 / 1.4, 0.49 / 1.4, 0.41 / 1.4])
    assert stack.coverage == pytest.approx(1.0)
    assert stack.reached


def test_price_basis_and_free_credentials(acon):
    # by price: pg is free (cost MIN_COST = 1) -> first; then ext .35/50 beats top .6429/100;
    # then top .2929/100 beats rare .2143/300; coverage .7857 < .8 -> rare too
    stack = recommend_stack(acon, target=0.8, cost="price")
    assert [step.credential_key for step in stack.steps] == ["c_pg", "c_ext", "c_top", "c_rare"]
    assert stack.steps[0].cost == 0.0
    assert stack.steps[2].coverage == pytest.approx(1.1 / 1.4)


def test_container_earns_its_parts_and_pays_less_for_chosen_parts(acon):
    acon.execute(
        "insert into credentials (credential_key, source, source_id, kind, title, url, "
        "description, hours, content_hash, first_seen, last_seen, active) values ('c_spec', "
        "'cat', 'c_spec', 'specialization', 'Data Specialization', 'u', '', 45, 'h', "
        "now(), now(), true)"
    )
    relate(acon, "c_spec", "has_part", "c_top")
    relate(acon, "c_rare", "part_of", "c_spec")
    stack = recommend_stack(acon, target=1.0)
    assert [step.credential_key for step in stack.steps] == ["c_pg", "c_rare", "c_spec"]
    assert stack.steps[2].cost == 35.0  # 45 h less the 10 h of the part already taken
    assert stack.coverage == pytest.approx(1.0)


def test_prerequisite_comes_in_the_same_step(acon):
    relate(acon, "c_rare", "prerequisite", "c_ext")
    stack = recommend_stack(acon, target=1.0)
    step = next(step for step in stack.steps if step.credential_key == "c_rare")
    assert set(step.added) == {"Docker and Excel", "Programming basics"}
    assert step.cost == 30.0
    assert "c_ext" not in [s.credential_key for s in stack.steps]


def test_stack_table_and_bad_arguments(acon):
    table = stack_table(recommend_stack(acon, target=0.3))
    assert table.column("position").to_pylist() == [1, 2]
    assert table.column("coverage").to_pylist() == [0.1429, 0.3571]
    with pytest.raises(WarehouseError, match="target"):
        recommend_stack(acon, target=1.5)
    with pytest.raises(WarehouseError, match="cost"):
        recommend_stack(acon, cost="effort")
