"""Stack relations and catalogue fields of credential records: loaded, replaced, staged."""

from datetime import datetime

import pytest

from warehouse import load_credentials, read_records
from warehouse.records import content_hash

T1 = datetime(2026, 7, 30, 6, 0)
T2 = datetime(2026, 7, 31, 6, 0)


def relations(con):
    return con.sql(
        "select c.source_id, r.relation_type, r.target_source_id, t.source_id as target "
        "from stg_crawl__credential_relations as r "
        "join credentials as c using (credential_key) "
        "left join credentials as t on r.target_key = t.credential_key "
        "order by c.source_id, r.position"
    ).fetchall()


@pytest.fixture
def catalog(fixture_records):
    return fixture_records("catalog_credentials.jsonl")


def test_relations_load_and_resolve_targets_in_the_same_source(con, write_jsonl, catalog):
    stats = load_credentials(con, write_jsonl(catalog), run_id="r1", seen_at=T1)
    assert (stats.inserted, stats.problems) == (4, ())
    assert relations(con) == [
        ("c-sql-101", "part_of", "s-data-pc", "s-data-pc"),
        ("ce-5d1c", "prerequisite", "ce-b4d9", None),  # the target was not crawled
        ("s-data-pc", "has_part", "c-sql-101", "c-sql-101"),
        ("s-data-pc", "has_part", "c-missing", None),
    ]


def test_new_kinds_status_issuer_and_duration_are_stored(con, write_jsonl, catalog):
    load_credentials(con, write_jsonl(catalog), run_id="r1", seen_at=T1)
    rows = con.sql(
        "select source_id, kind, status, issuer, duration from stg_crawl__credentials "
        "order by source_id"
    ).fetchall()
    assert rows == [
        ("c-sql-101", "course", "active", None, "4 weeks"),
        ("ce-5d1c", "educator_microcredential", None, None, "PT15H"),
        (
            "https://example.org/badges/python-analyst.json",
            "badge",
            "revoked",
            "Example Issuer",
            None,
        ),
        ("s-data-pc", "professional_certificate", "active", None, None),
    ]


def test_changed_relations_replace_the_old_ones(con, write_jsonl, catalog):
    load_credentials(con, write_jsonl(catalog), run_id="r1", seen_at=T1)
    catalog[0]["relations"] = catalog[0]["relations"][:1]
    stats = load_credentials(con, write_jsonl(catalog), run_id="r2", seen_at=T2)
    assert (stats.updated, stats.unchanged) == (1, 3)
    assert [row for row in relations(con) if row[0] == "s-data-pc"] == [
        ("s-data-pc", "has_part", "c-sql-101", "c-sql-101")
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("relations", [{"type": "sibling", "target_source_id": "x"}], "type 'sibling'"),
        ("relations", [{"type": "part_of"}], "without target_source_id"),
        ("relations", "c-1", "must be a list of objects"),
        ("declared_skills", [{"framework": "ESCO"}], "entry without a name"),
        ("status", "paused", "status 'paused'"),
        ("kind", "nanodegrees", "kind 'nanodegrees'"),
    ],
)
def test_a_broken_catalogue_field_skips_only_its_line(write_jsonl, catalog, field, value, message):
    catalog[1][field] = value
    batch = read_records(write_jsonl(catalog), "credential")
    assert batch.table.num_rows == 3
    (problem,) = batch.problems
    assert problem.line_no == 2
    assert message in problem.message


def test_records_without_the_new_fields_keep_their_content_hash():
    old = {"record_type": "credential", "title": "T", "kind": "course", "skills": ["SQL"]}
    new = {**old, "declared_skills": [], "relations": [], "issuer": None, "status": None}
    assert content_hash(new, "credential") == content_hash(old, "credential")
    assert content_hash({**old, "status": "expired"}, "credential") != content_hash(
        old, "credential"
    )
