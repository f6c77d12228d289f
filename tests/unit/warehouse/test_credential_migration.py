"""Migration 0020 upgrades a warehouse that already holds credentials."""

from datetime import datetime

import duckdb
import pytest

from warehouse import apply_migrations, apply_views
from warehouse.sqlfiles import read_sql, sql_names

T1 = datetime(2026, 7, 30, 6, 0)


def test_0020_keeps_rows_and_allows_the_new_kinds():
    con = duckdb.connect(":memory:")
    con.execute(read_sql("meta", "create_migrations"))
    for name in [n for n in sql_names("schema") if n < "0020"]:
        con.execute(read_sql("schema", name))
        con.execute("insert into _migrations values (?, ?)", [name, T1])
    con.execute(
        "insert into credentials (credential_key, source, source_id, kind, title, url, "
        "description, content_hash, first_seen, last_seen, active) "
        "values ('k1', 's', '1', 'course', 'T', 'https://x/1', '', 'h1', ?, ?, true)",
        [T1, T1],
    )
    con.execute("insert into credential_skills values ('k1', 0, 'SQL', null, null)")
    assert "0020_credential_catalogs" in apply_migrations(con)
    apply_views(con)
    assert con.sql(
        "select credential_key, kind, content_hash, status from stg_crawl__credentials"
    ).fetchall() == [("k1", "course", "h1", None)]
    assert con.sql(
        "select declared_name, declared_framework from stg_crawl__credential_skills"
    ).fetchall() == [("SQL", None)]
    con.execute("update credentials set kind = 'micromasters' where credential_key = 'k1'")
    con.execute("update credentials set kind = 'educator_microcredential'")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("update credentials set status = 'paused'")
