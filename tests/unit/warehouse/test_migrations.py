from importlib.resources import files

import pytest

from warehouse import MigrationError, apply_migrations, apply_views, connect
from warehouse.migrate import view_order, view_upstreams
from warehouse.sqlfiles import sql_names

TABLES = {
    "sources",
    "crawl_runs",
    "postings",
    "credentials",
    "credential_skills",
    "taxonomy_versions",
    "skills",
    "skill_labels",
    "skill_mentions",
    "extractions",
    "scoring_settings",
    "_migrations",
}


def test_migrations_are_recorded_and_idempotent():
    with connect(":memory:") as con:
        applied = apply_migrations(con)
        assert applied == sql_names("schema")
        assert applied[0] == "0001_core"
        recorded = con.sql("select name from _migrations order by name").fetchall()
        assert [name for (name,) in recorded] == applied
        assert apply_migrations(con) == []
        assert con.sql("select count(*) from _migrations").fetchall() == [(len(applied),)]
        tables = {name for (name,) in con.sql("select table_name from duckdb_tables()").fetchall()}
        assert tables >= TABLES


def test_migrations_persist_in_a_file(tmp_path):
    path = tmp_path / "w.duckdb"
    with connect(path) as con:
        apply_migrations(con)
    with connect(path) as con:
        assert apply_migrations(con) == []


def test_views_reapply_in_layer_order(con):
    names = apply_views(con)
    layers = [name.split("_", 1)[0] for name in names]
    assert layers == sorted(layers, key=["stg", "int", "mart"].index)
    assert names.index("int_document_skills") < names.index("int_credential_skills")
    assert apply_views(con) == names  # idempotent: CREATE OR REPLACE
    views = {name for (name,) in con.sql("select view_name from duckdb_views()").fetchall()}
    assert {"mart_skill_demand", "mart_credential_alignment", "mart_credential_gaps"} <= views


def test_view_order_rejects_reading_a_later_layer():
    with pytest.raises(MigrationError, match="later layer"):
        view_order({"int_a": {"mart_b"}, "mart_b": set()})


def test_view_order_rejects_cycles_and_unknown_layers():
    with pytest.raises(MigrationError, match="cycle"):
        view_order({"int_a": {"int_b"}, "int_b": {"int_a"}})
    with pytest.raises(MigrationError, match="must start with"):
        view_order({"view_a": set()})


def test_view_upstreams_come_from_the_header_only():
    sql = (
        "-- int_x: one row per y (unlike int_z)\n-- Upstream: stg_a,\n-- stg_b.\nselect 1 -- int_q"
    )
    assert view_upstreams("int_x", sql) == {"stg_a", "stg_b"}


def test_every_sql_file_opens_with_a_header():
    root = files("warehouse") / "sql"
    for folder in root.iterdir():
        for entry in folder.iterdir():
            if entry.name.endswith(".sql"):
                assert entry.read_text(encoding="utf-8").startswith("--"), entry.name


def test_reports_have_order_by():
    root = files("warehouse") / "sql" / "reports"
    for entry in root.iterdir():
        assert "order by" in entry.read_text(encoding="utf-8").lower(), entry.name
