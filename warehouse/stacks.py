"""Recommend a stack of credentials reaching a coverage target (greedy max coverage).

The coverage of a set of credentials is the alignment score of the set: for every demanded
skill s the best credit any member earns (``int_credential_credit``), weighted by s's share of
demand. Greedy max coverage adds, at each step, the unit with the highest marginal gain per
cost until the target is reached. Stack relations are respected (warehouse/SCORING.md).
"""

from __future__ import annotations

import logging
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

import duckdb
import pyarrow as pa

from warehouse.errors import WarehouseError
from warehouse.scope import scoped
from warehouse.sqlfiles import read_sql

logger = logging.getLogger(__name__)

# A free (price 0) or zero-hour credential still costs this much, so gain / cost stays finite.
MIN_COST = 1.0
COST_BASES = ("hours", "price")


@dataclass(frozen=True)
class StackStep:
    """One pick of the greedy stack; ``added`` lists every credential this step adds."""

    position: int
    credential_key: str
    title: str
    added: tuple[str, ...]
    cost: float
    marginal_gain: float
    coverage: float


@dataclass(frozen=True)
class Stack:
    """The recommended stack: its steps, final coverage and whether it reached the target."""

    target: float
    cost_basis: str
    steps: tuple[StackStep, ...]
    coverage: float
    reached: bool


@dataclass
class _Candidates:
    titles: dict[str, str]
    costs: dict[str, float]
    credit: dict[str, dict[str, float]]
    weights: dict[str, float]
    parts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    prerequisites: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def recommend_stack(
    con: duckdb.DuckDBPyConnection,
    *,
    target: float = 0.8,
    cost: Literal["hours", "price"] = "hours",
    max_steps: int = 10,
    **scope: object,
) -> Stack:
    """Greedy max-coverage stack for the demand of the scope (e.g. ``occupation="2511"``).

    Each step adds the unit with the highest marginal gain / cost (ties: higher gain, title,
    key). A unit is a credential plus its not-yet-chosen prerequisites (transitively); a
    container (``has_part`` / ``part_of``) earns its parts' credit, costs its own cost less the
    cost of parts already chosen, and once chosen its parts are no longer candidates. Unknown
    costs take the median known cost of the candidates (MIN_COST when none is known).

    Raises:
        WarehouseError: target outside (0, 1], unknown cost basis, bad scope.

    Example:
        >>> recommend_stack(con, target=0.8, occupation="2511").steps[0].title  # doctest: +SKIP
        'Data Engineering Professional Certificate'
    """
    if not 0 < target <= 1:
        msg = f"target must be in (0, 1], got {target}"
        raise WarehouseError(msg)
    if cost not in COST_BASES:
        msg = f"cost must be one of {', '.join(COST_BASES)}, got {cost!r}"
        raise WarehouseError(msg)
    with scoped(con, **scope):
        rows = con.sql(read_sql("queries", "stack_candidates")).fetchall()
        relations = con.sql(read_sql("queries", "stack_relations")).fetchall()
    found = _candidates(rows, relations, cost)
    return _greedy(found, target, cost, max_steps)


def stack_table(stack: Stack) -> pa.Table:
    """The stack as an Arrow table (for export), one row per step, coverage rounded to 4.

    Example:
        >>> stack_table(stack).column_names[:3]  # doctest: +SKIP
        ['position', 'title', 'cost']
    """
    rows = [
        {
            "position": step.position,
            "title": step.title,
            "cost": round(step.cost, 4),
            "cost_basis": stack.cost_basis,
            "marginal_gain": round(step.marginal_gain, 4),
            "coverage": round(step.coverage, 4),
            "target_reached": step.coverage >= stack.target,
            "added": " + ".join(step.added),
            "credential_key": step.credential_key,
        }
        for step in stack.steps
    ]
    schema = pa.schema(
        [
            ("position", pa.int64()),
            ("title", pa.string()),
            ("cost", pa.float64()),
            ("cost_basis", pa.string()),
            ("marginal_gain", pa.float64()),
            ("coverage", pa.float64()),
            ("target_reached", pa.bool_()),
            ("added", pa.string()),
            ("credential_key", pa.string()),
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)


def _candidates(rows: list[tuple], relations: list[tuple], basis: str) -> _Candidates:
    titles: dict[str, str] = {}
    own_cost: dict[str, float | None] = {}
    credit: dict[str, dict[str, float]] = defaultdict(dict)
    weights: dict[str, float] = {}
    for key, title, hours, price, skill_id, weight, value in rows:
        titles[key] = title
        own_cost[key] = hours if basis == "hours" else price
        if skill_id is not None:
            credit[key][skill_id] = float(value)
            weights[skill_id] = float(weight)
    found = _Candidates(titles, {}, dict(credit), weights)
    for key, relation, target in relations:
        if relation == "has_part":
            found.parts[key].add(target)
        elif relation == "part_of":
            found.parts[target].add(key)
        else:
            found.prerequisites[key].add(target)
    known = [value for value in own_cost.values() if value is not None]
    fallback = statistics.median(known) if known else MIN_COST
    for key, value in own_cost.items():
        part_costs = [own_cost[p] or 0.0 for p in found.parts.get(key, ()) if own_cost.get(p)]
        if value is not None:
            found.costs[key] = float(value)
        else:
            found.costs[key] = float(sum(part_costs)) if part_costs else float(fallback)
    return found


def _unit(found: _Candidates, key: str, chosen: set[str]) -> set[str]:
    unit, todo = set(), [key]
    while todo:
        item = todo.pop()
        if item in unit or item in chosen:
            continue
        unit.add(item)
        todo.extend(found.prerequisites.get(item, ()))
    return unit


def _unit_credit(found: _Candidates, unit: set[str]) -> dict[str, float]:
    best: dict[str, float] = {}
    for key in unit:
        for member in (key, *found.parts.get(key, ())):
            for skill_id, value in found.credit.get(member, {}).items():
                best[skill_id] = max(best.get(skill_id, 0.0), value)
    return best


def _greedy(found: _Candidates, target: float, basis: str, max_steps: int) -> Stack:
    current: dict[str, float] = {}
    chosen: set[str] = set()
    excluded: set[str] = set()
    coverage = 0.0
    steps: list[StackStep] = []
    while coverage < target - 1e-12 and len(steps) < max_steps:
        best: tuple[float, float, str, str] | None = None
        best_unit: set[str] = set()
        for key in sorted(set(found.titles) - chosen - excluded):
            unit = _unit(found, key, chosen)
            gain = sum(
                found.weights[s] * max(0.0, value - current.get(s, 0.0))
                for s, value in _unit_credit(found, unit).items()
            )
            if gain <= 1e-12:
                continue
            cost = sum(_net_cost(found, member, chosen) for member in unit)
            rank = (gain / max(cost, MIN_COST), gain, found.titles[key], key)
            if best is None or (-rank[0], -rank[1], rank[2], rank[3]) < (
                -best[0],
                -best[1],
                best[2],
                best[3],
            ):
                best, best_unit = rank, unit
        if best is None:
            break
        key = best[3]
        cost = sum(_net_cost(found, member, chosen) for member in best_unit)
        for skill_id, value in _unit_credit(found, best_unit).items():
            current[skill_id] = max(current.get(skill_id, 0.0), value)
        chosen |= best_unit
        for member in best_unit:
            excluded |= found.parts.get(member, set())
        coverage = sum(found.weights[s] * value for s, value in current.items())
        added = tuple(sorted((found.titles[m] for m in best_unit), key=lambda t: t != best[2]))
        steps.append(StackStep(len(steps) + 1, key, best[2], added, cost, best[1], coverage))
    logger.info("stack of %d credentials reaches coverage %.3f", len(steps), coverage)
    return Stack(target, basis, tuple(steps), coverage, coverage >= target - 1e-12)


def _net_cost(found: _Candidates, key: str, chosen: set[str]) -> float:
    paid = sum(found.costs[p] for p in found.parts.get(key, ()) if p in chosen)
    return max(found.costs[key] - paid, 0.0)
