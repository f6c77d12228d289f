"""Reports: names, parameters, CSV safety, Parquet, the golden alignment CSV and skill search.

The golden file tests/golden/reports/rpt_alignment.csv is compared byte for byte. After an
intended change, regenerate it by running ``export_report(scored_con, "alignment", path)`` on
the ``scored_con`` fixture (e.g. temporarily in this test) and review the diff.
"""

import csv
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from warehouse import (
    WarehouseError,
    connect,
    export_report,
    known_reports,
    query_rows,
    search_skills,
)
from warehouse.reports import neutralize_formulas, report_params

GOLDEN = Path(__file__).parents[2] / "golden" / "reports"
EVIL_TITLE = '=HYPERLINK("https://evil.example","Team Skills")'


def test_known_reports_and_their_parameters():
    assert known_reports() == [
        "alignment", "cooccurrence", "demand", "explain", "gaps", "skill_groups", "trends"
    ]  # fmt: skip
    assert report_params("demand") == {"limit": 50}
    assert report_params("gaps") == {"per_credential": 10, "credential": ""}
    assert report_params("alignment") == {"credential": ""}
    assert report_params("trends") == {"period": "month", "skills": 10}


def test_unknown_report_lists_the_known_ones(scored_con, tmp_path):
    with pytest.raises(WarehouseError, match="known reports: alignment, cooccurrence, demand"):
        export_report(scored_con, "salaries", tmp_path)
    with pytest.raises(WarehouseError, match="unknown report"):
        query_rows(scored_con, "../../etc/passwd")


def test_unknown_parameter_and_format_are_rejected(scored_con, tmp_path):
    with pytest.raises(WarehouseError, match="no parameter colour"):
        query_rows(scored_con, "demand", {"colour": "red"})
    with pytest.raises(WarehouseError, match="must be an integer"):
        query_rows(scored_con, "demand", {"limit": "many"})
    with pytest.raises(WarehouseError, match="format"):
        export_report(scored_con, "demand", tmp_path, fmt="xlsx")


def test_alignment_csv_matches_golden(scored_con, tmp_path):
    out = export_report(scored_con, "alignment", tmp_path / "alignment.csv")
    assert out == tmp_path / "alignment.csv"
    assert out.read_bytes() == (GOLDEN / "rpt_alignment.csv").read_bytes()


def test_csv_cells_cannot_start_formulas(scored_con, tmp_path):
    out = export_report(scored_con, "alignment", tmp_path)
    assert out.name == "rpt_alignment.csv"
    with out.open(encoding="utf-8", newline="") as handle:
        rows = {row["credential_key"]: row for row in csv.DictReader(handle)}
    badge = next(row for row in rows.values() if row["kind"] == "badge")
    assert badge["title"] == "'" + EVIL_TITLE
    assert badge["provider"] == "'@Badges Inc"
    assert badge["coverage"] == "0.0833"  # numbers untouched
    for row in rows.values():
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    # query_rows (terminal display) shows the raw values
    columns, raw = query_rows(scored_con, "alignment")
    assert raw[-1][columns.index("title")] == EVIL_TITLE


def test_neutralize_formulas_only_touches_text():
    table = pa.table(
        {
            "text": ["=1+1", "+SUM(A1)", "-2", "@x", "\tx", "\rx", "ok", None, "a=b"],
            "number": [-1.5, 1, 2, 3, 4, 5, 6, 7, 8],
        }
    )
    result = neutralize_formulas(table)
    assert result.column("text").to_pylist() == [
        "'=1+1",
        "'+SUM(A1)",
        "'-2",
        "'@x",
        "'\tx",
        "'\rx",
        "ok",
        None,
        "a=b",
    ]
    assert result.column("number").to_pylist() == table.column("number").to_pylist()


def test_parquet_export_keeps_types_and_raw_values(scored_con, tmp_path):
    out = export_report(scored_con, "demand", tmp_path / "demand.parquet", fmt="parquet")
    table = pq.read_table(out)
    assert table.column_names[:6] == ["rank", "skill_id", "label", "postings", "share", "demanded"]
    assert table.column("share").to_pylist() == [0.8, 0.6, 0.4, 0.2, 0.2, 0.2]
    assert pa.types.is_floating(table.schema.field("share").type)


def test_report_parameters(scored_con):
    columns, rows = query_rows(scored_con, "demand", {"limit": "2"})
    assert columns[:6] == ["rank", "skill_id", "label", "postings", "share", "demanded"]
    assert [row[:6] for row in rows] == [
        (1, "toy:python", "Python", 4, 0.8, True),
        (2, "toy:sql", "SQL", 3, 0.6, True),
    ]
    _, gaps = query_rows(scored_con, "gaps", {"per_credential": 1})
    # ordered by title: the "=HYPERLINK" badge, Data Engineering, Python for Everybody
    assert [row[3] for row in gaps] == ["toy:python", "toy:communication", "toy:sql"]


def test_top_n_parameter_applies_to_one_query_only(scored_con):
    _, rows = query_rows(scored_con, "alignment", {"top_n": 3})
    assert [(row[1], row[5]) for row in rows] == [
        ("Data Engineering Professional Certificate", 1.0),
        ("Python for Everybody", 0.4444),
        (EVIL_TITLE, 0.0),
    ]
    _, rows = query_rows(scored_con, "alignment")
    assert rows[0][5] == 0.75  # back to the stored top_n = 50


def test_export_report_works_on_a_read_only_file(tmp_path, scored_template):
    with connect(scored_template, read_only=True) as con:
        out = export_report(con, "alignment", tmp_path, params={"top_n": 3})
    with out.open(encoding="utf-8", newline="") as handle:
        first = next(csv.DictReader(handle))
    assert (first["coverage"], first["covered_count"], first["demanded_count"]) == ("1", "3", "3")


def test_search_skills_by_label(scored_con):
    columns, rows = search_skills(scored_con, "sQl")
    assert columns == [
        "skill_id",
        "label",
        "matched_label",
        "postings",
        "share",
        "rank",
        "credentials",
        "top_credentials",
    ]
    assert rows == [
        ("toy:sql", "SQL", "SQL", 3, 0.6, 2, 1, "Data Engineering Professional Certificate")
    ]
    _, rows = search_skills(scored_con, "K8S")
    assert [(row[0], row[2], row[3]) for row in rows] == [("toy:kubernetes", "k8s", 1)]
    _, rows = search_skills(scored_con, "python")
    assert rows[0][6:] == (
        2,
        "Data Engineering Professional Certificate; Python for Everybody",
    )
    _, rows = search_skills(scored_con, "e", limit=2)
    assert len(rows) == 2
    _, rows = search_skills(scored_con, "excel")
    assert rows == [("toy:excel", "Excel", "Excel", 0, 0.0, None, 0, "")]
    with pytest.raises(WarehouseError, match="empty"):
        search_skills(scored_con, "  ")
