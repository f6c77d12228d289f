"""Golden CSV exports of the analysis reports (byte for byte).

Regenerate after an intended change with ``SKILLSIGNAL_UPDATE_GOLDEN=1 pytest <this file>``
and review the diff of tests/golden/reports/.
"""

import os
from pathlib import Path

import pytest
from analysis_warehouse import AS_OF, open_copy

from warehouse import export_report, recommend_stack, stack_table, write_table

GOLDEN = Path(__file__).parents[2] / "golden" / "reports"
UPDATE = os.environ.get("SKILLSIGNAL_UPDATE_GOLDEN") == "1"
SCOPE = {"as_of": AS_OF.isoformat()}


@pytest.fixture(scope="module")
def acon(tmp_path_factory):
    with open_copy(tmp_path_factory, tmp_path_factory.mktemp("golden")) as connection:
        yield connection


def check(out: Path, name: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.write_bytes(out.read_bytes())
    assert out.read_bytes() == golden.read_bytes()


@pytest.mark.parametrize(
    ("report", "params", "golden"),
    [
        ("demand", SCOPE, "analysis_demand.csv"),
        ("demand", {**SCOPE, "window_days": 30}, "analysis_demand_30d.csv"),
        ("trends", SCOPE, "analysis_trends.csv"),
        ("alignment", SCOPE, "analysis_alignment.csv"),
        ("gaps", SCOPE, "analysis_gaps.csv"),
    ],
)
def test_csv_export_matches_golden(acon, tmp_path, report, params, golden):
    check(export_report(acon, report, tmp_path / golden, params=params), golden)


def test_stack_csv_matches_golden(acon, tmp_path):
    table = stack_table(recommend_stack(acon, target=0.8, as_of=AS_OF))
    check(write_table(table, tmp_path / "stack.csv"), "analysis_stack.csv")


def test_legacy_alignment_golden(scored_con, tmp_path):
    # the fixture-file warehouse of test_scoring.py; see test_report_export.py
    check(export_report(scored_con, "alignment", tmp_path / "a.csv"), "rpt_alignment.csv")
