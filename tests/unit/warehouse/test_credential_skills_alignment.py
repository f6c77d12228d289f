"""Declared skills with alignments: kept with framework/code/URL, resolved straight to ids."""

from datetime import datetime

import pyarrow as pa

from warehouse import link_credential_skills, load_credentials, load_taxonomy

T1 = datetime(2026, 7, 30, 6, 0)
ESCO = "http://data.europa.eu/esco/skill/"
PYTHON = ESCO + "ccd0a1d9-afda-43d9-b901-96344886e14d"
STATISTICS = ESCO + "7ee4c2ea-b349-4bd2-81a3-ec31475d4833"
SQL = ESCO + "598de5b0-5b58-4ea7-8058-a4bc4d18c742"


def _install_esco_sample(con) -> None:
    ids, labels = [PYTHON, STATISTICS, SQL], ["Python (computer programming)", "statistics", "SQL"]
    skills = pa.table(
        {
            "skill_id": ids,
            "preferred_label": labels,
            "description": [None] * 3,
            "skill_type": ["knowledge"] * 3,
            "source": ["esco"] * 3,
        }
    )
    label_rows = pa.table({"skill_id": ids, "label": labels, "label_kind": ["preferred"] * 3})
    load_taxonomy(
        con, skills, label_rows, source="esco", version="sample", attribution="ESCO sample",
        checksum="e5c0000000000001", imported_at=T1,
    )  # fmt: skip


def declared(con):
    return con.sql(
        "select c.source_id, s.declared_name, s.declared_framework, s.declared_code, "
        "s.skill_id, s.link_method from stg_crawl__credential_skills as s "
        "join credentials as c using (credential_key) order by c.source_id, s.position"
    ).fetchall()


def test_alignments_resolve_by_uri_or_esco_code_and_names_by_lookup(
    con, write_jsonl, fixture_records
):
    _install_esco_sample(con)
    load_credentials(
        con, write_jsonl(fixture_records("catalog_credentials.jsonl")), run_id="r1", seen_at=T1
    )
    linked = link_credential_skills(con, {"SQL": SQL})
    badge = "https://example.org/badges/python-analyst.json"
    rows = [row for row in declared(con) if row[0] in {badge, "c-sql-101"}]
    assert rows == [
        ("c-sql-101", "SQL", None, None, SQL, "lookup"),
        (badge, "Python (computer programming)", "ESCO", None, PYTHON, "alignment"),
        (badge, "Data Scientists", "O*NET-SOC", "15-2051.00", None, None),  # no O*NET ids yet
        (badge, "statistics", "ESCO", STATISTICS.rsplit("/", 1)[1], STATISTICS, "alignment"),
    ]  # fmt: skip
    assert linked == 4  # two SQL names (course + certificate) and two alignments


def test_a_name_in_skills_and_declared_skills_is_one_row(con, write_jsonl):
    record = {
        "record_type": "credential", "source": "s", "source_id": "1", "url": "https://x/1",
        "title": "T", "kind": "badge", "skills": ["SQL", "Go"],
        "declared_skills": [{"name": "SQL", "framework": "ESCO", "code": None, "url": SQL}],
    }  # fmt: skip
    load_credentials(con, write_jsonl([record]), run_id="r1", seen_at=T1)
    assert [(row[1], row[2]) for row in declared(con)] == [("SQL", "ESCO"), ("Go", None)]


def test_declared_and_aligned_skills_reach_int_credential_skills(con, write_jsonl, fixture_records):
    _install_esco_sample(con)
    load_credentials(
        con, write_jsonl(fixture_records("catalog_credentials.jsonl")), run_id="r1", seen_at=T1
    )
    link_credential_skills(con, {})
    rows = con.sql(
        "select skill_id from int_credential_skills where declared order by skill_id"
    ).fetchall()
    assert rows == [(STATISTICS,), (PYTHON,)]  # ordered by id
