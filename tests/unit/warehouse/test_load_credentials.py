from datetime import datetime

from warehouse import link_credential_skills, load_credentials

T1 = datetime(2026, 7, 30, 6, 0)
T2 = datetime(2026, 7, 31, 6, 0)
CATALOG = "catalog:learn.example.org"


def declared(con):
    return con.sql(
        "select c.source_id, s.position, s.name, s.skill_id, s.method "
        "from credential_skills as s join credentials as c using (credential_key) "
        "order by c.source_id, s.position"
    ).fetchall()


def test_credentials_and_declared_skills_load(con, credentials_path):
    stats = load_credentials(con, credentials_path, run_id="r1", seen_at=T1)
    assert (stats.inserted, stats.problems) == (3, ())
    rows = con.sql(
        "select source_id, kind, hours, price, currency, active, first_seen from credentials "
        "order by source_id"
    ).fetchall()
    assert rows == [
        ("b-7", "badge", None, None, None, True, T1),
        ("data-eng", "professional_certificate", 120.0, 299.0, "USD", True, T1),
        ("py4e", "specialization", 32.5, 49.0, "USD", True, T1),
    ]
    assert declared(con) == [
        ("data-eng", 0, "SQL", None, None),
        ("data-eng", 1, "Python", None, None),
        ("data-eng", 2, "dbt", None, None),
        ("py4e", 0, "Python", None, None),
        ("py4e", 1, "Programming", None, None),
    ]


def test_link_with_callable_and_mapping(con, credentials_path):
    load_credentials(con, credentials_path, run_id="r1", seen_at=T1)
    assert link_credential_skills(con, {"Python": "toy:python"}) == 2
    lookup = {"sql": "toy:sql"}
    assert link_credential_skills(con, lambda name: lookup.get(name.lower()), method="fuzzy") == 1
    assert ("data-eng", 0, "SQL", "toy:sql", "fuzzy") in declared(con)
    assert link_credential_skills(con, {"Python": "other"}) == 0  # resolved rows are kept
    assert link_credential_skills(con, {"Python": "other"}, relink=True) == 2
    assert ("data-eng", 0, "SQL", None, None) in declared(con)


def test_reload_keeps_resolved_skills(con, credentials_path):
    load_credentials(con, credentials_path, run_id="r1", seen_at=T1)
    link_credential_skills(con, {"Python": "toy:python"})
    before = declared(con)
    stats = load_credentials(con, credentials_path, run_id="r2", seen_at=T2)
    assert (stats.unchanged, stats.updated) == (3, 0)
    assert declared(con) == before


def test_changed_skills_replace_declared_rows(con, fixture_records, write_jsonl):
    records = fixture_records("credentials.jsonl")
    load_credentials(con, write_jsonl(records), run_id="r1", seen_at=T1)
    link_credential_skills(con, {"Python": "toy:python"})
    records[0] = dict(records[0], skills=["Python", "Excel"])
    stats = load_credentials(con, write_jsonl(records), run_id="r2", seen_at=T2)
    assert stats.updated == 1
    rows = [row for row in declared(con) if row[0] == "py4e"]
    assert rows == [("py4e", 0, "Python", None, None), ("py4e", 1, "Excel", None, None)]
    assert ("data-eng", 1, "Python", "toy:python", "lookup") in declared(con)


def test_complete_crawl_closes_credentials(con, fixture_records, write_jsonl):
    records = fixture_records("credentials.jsonl")
    load_credentials(con, write_jsonl(records), run_id="r1", seen_at=T1)
    kept = [record for record in records if record["source_id"] != "py4e"]
    stats = load_credentials(
        con, write_jsonl(kept), run_id="r2", seen_at=T2, complete_sources={CATALOG}
    )
    assert stats.closed == 1
    rows = con.sql("select source_id, active, closed_at from credentials order by all").fetchall()
    assert rows == [("b-7", True, None), ("data-eng", True, None), ("py4e", False, T2)]
    assert con.sql("select kind from sources where name = ?", params=[CATALOG]).fetchall() == [
        ("credential",)
    ]


def test_invalid_kind_is_a_problem_not_a_failure(con, fixture_records, write_jsonl):
    records = fixture_records("credentials.jsonl")
    records[1] = dict(records[1], kind="webinar")
    stats = load_credentials(con, write_jsonl(records), run_id="r1", seen_at=T1)
    assert stats.inserted == 2
    assert [problem.line_no for problem in stats.problems] == [2]
