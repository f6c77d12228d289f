from datetime import UTC, datetime

import duckdb
import pytest

import warehouse.load
from warehouse import CrawlRun, load_credentials, load_postings, read_records, record_crawl_runs

T1 = datetime(2026, 7, 30, 6, 0)
T2 = datetime(2026, 7, 31, 6, 0)
T3 = datetime(2026, 8, 1, 6, 0)
ACME = "greenhouse:acme"


def snapshot(con, table="postings", exclude=()):
    columns = [
        name
        for (name,) in con.sql(
            f"select column_name from duckdb_columns() where table_name = '{table}' "
            "order by column_index"
        ).fetchall()
        if name not in exclude
    ]
    return con.sql(f"select {', '.join(columns)} from {table} order by all").fetchall()


def posting(con, source_id):
    rows = con.sql(
        "select title, content_hash, first_seen, last_seen, closed_at, active, url "
        f"from postings where source_id = '{source_id}'"
    ).fetchall()
    assert len(rows) == 1
    return dict(
        zip(["title", "hash", "first", "last", "closed", "active", "url"], rows[0], strict=True)
    )


def test_first_load_inserts_everything(con, postings_path):
    stats = load_postings(con, postings_path, run_id="r1", seen_at=T1)
    assert (stats.inserted, stats.updated, stats.unchanged, stats.closed) == (5, 0, 0, 0)
    assert stats.problems == ()
    row = posting(con, "101")
    assert (row["first"], row["last"], row["closed"], row["active"]) == (T1, T1, None, True)
    keys = con.sql("select posting_key from postings order by source_id").fetchall()
    expected = read_records(postings_path, "posting").table.column("posting_key").to_pylist()
    assert sorted(key for (key,) in keys) == sorted(expected)


def test_loading_twice_changes_only_last_seen(con, postings_path):
    load_postings(con, postings_path, run_id="r1", seen_at=T1)
    before = snapshot(con, exclude={"last_seen"})
    stats = load_postings(con, postings_path, run_id="r2", seen_at=T2)
    assert (stats.inserted, stats.updated, stats.unchanged, stats.reopened) == (0, 0, 5, 0)
    assert snapshot(con, exclude={"last_seen"}) == before
    assert con.sql("select distinct last_seen from postings").fetchall() == [(T2,)]


def test_changed_content_updates_fields_and_hash(con, fixture_records, write_jsonl):
    records = fixture_records("postings.jsonl")
    load_postings(con, write_jsonl(records), run_id="r1", seen_at=T1)
    old = posting(con, "101")
    records[0] = dict(records[0], title="Senior Backend Engineer")
    stats = load_postings(con, write_jsonl(records), run_id="r2", seen_at=T2)
    assert (stats.updated, stats.unchanged) == (1, 4)
    new = posting(con, "101")
    assert new["title"] == "Senior Backend Engineer"
    assert new["hash"] != old["hash"]
    assert (new["first"], new["last"]) == (T1, T2)


def test_url_change_alone_is_not_a_content_change(con, fixture_records, write_jsonl):
    records = fixture_records("postings.jsonl")
    load_postings(con, write_jsonl(records), run_id="r1", seen_at=T1)
    old = posting(con, "101")
    records[0] = dict(records[0], url="https://acme.example/jobs/101", crawled_at="2026-07-31")
    stats = load_postings(con, write_jsonl(records), run_id="r2", seen_at=T2)
    assert (stats.updated, stats.unchanged) == (0, 5)
    new = posting(con, "101")
    assert new["url"] == "https://acme.example/jobs/101"
    assert new["hash"] == old["hash"]


def test_complete_crawl_closes_absent_postings_and_reopens_them(con, fixture_records, write_jsonl):
    records = fixture_records("postings.jsonl")
    load_postings(con, write_jsonl(records), run_id="r1", seen_at=T1)
    without_102_and_office = [r for r in records if r["source_id"] != "102"][:-1]
    stats = load_postings(
        con,
        write_jsonl(without_102_and_office),
        run_id="r2",
        seen_at=T2,
        complete_sources={ACME},
    )
    assert stats.closed == 1
    closed = posting(con, "102")
    assert (closed["active"], closed["closed"], closed["last"]) == (False, T2, T1)
    office = posting(con, records[-1]["source_id"])  # its source was not crawled completely
    assert office["active"] is True
    assert con.sql("select count(*) from postings").fetchall() == [(5,)]  # nothing deleted

    stats = load_postings(
        con, write_jsonl(records), run_id="r3", seen_at=T3, complete_sources={ACME}
    )
    assert (stats.reopened, stats.closed, stats.unchanged) == (1, 0, 5)
    reopened = posting(con, "102")
    assert (reopened["active"], reopened["closed"], reopened["first"]) == (True, None, T1)


def test_incomplete_crawl_closes_nothing(con, fixture_records, write_jsonl):
    records = fixture_records("postings.jsonl")
    load_postings(con, write_jsonl(records), run_id="r1", seen_at=T1)
    stats = load_postings(con, write_jsonl(records[:1]), run_id="r2", seen_at=T2)
    assert stats.closed == 0
    assert con.sql("select count(*) from postings where active").fetchall() == [(5,)]


def test_complete_crawl_with_no_items_closes_the_source(con, postings_path, write_jsonl):
    load_postings(con, postings_path, run_id="r1", seen_at=T1)
    run = CrawlRun(ACME, complete=True, finished_at=T2, items=0)
    stats = load_postings(
        con, write_jsonl([]), run_id="r2", seen_at=T2, complete_sources={ACME}, runs=[run]
    )
    assert stats.closed == 3
    runs = con.sql("select run_id, source, complete, items from crawl_runs").fetchall()
    assert runs == [("r2", ACME, True, 0)]  # only the runs given are recorded


def test_bad_lines_are_skipped_and_the_rest_loaded(con, fixture_records, write_jsonl):
    records = fixture_records("postings.jsonl")
    no_url = {key: value for key, value in records[1].items() if key != "url"}
    path = write_jsonl([records[0], "[1, 2", no_url, *records[2:]])
    stats = load_postings(con, path, run_id="r1", seen_at=T1)
    assert stats.inserted == 4
    assert [problem.line_no for problem in stats.problems] == [2, 3]
    assert "url" in stats.problems[1].message


def test_sources_and_crawl_runs_are_recorded(con, postings_path):
    run = CrawlRun(
        ACME,
        complete=True,
        started_at=datetime(2026, 7, 30, 7, 0, tzinfo=UTC),
        finished_at=T1,
        items=3,
        dropped=1,
        errors=0,
        stats={"finish_reason": "finished"},
    )
    load_postings(con, postings_path, run_id="r1", seen_at=T1, runs=[run])
    load_postings(con, postings_path, run_id="r1", seen_at=T2, runs=[run])  # same run: replaced
    rows = con.sql(
        "select run_id, source, started_at, complete, items, dropped, stats->>'finish_reason' "
        "from crawl_runs"
    ).fetchall()
    assert rows == [("r1", ACME, datetime(2026, 7, 30, 7, 0), True, 3, 1, "finished")]
    sources = con.sql(
        "select name, kind, first_seen, last_seen from sources order by name"
    ).fetchall()
    assert sources == [
        (ACME, "posting", T1, T2),
        ("jobposting:jobs.example.org", "posting", T1, T2),
    ]


def test_record_crawl_runs_without_a_file(con):
    record_crawl_runs(con, "r1", [CrawlRun(ACME, complete=False, errors=3, stats={"error": "x"})])
    record_crawl_runs(con, "r1", [CrawlRun(ACME, complete=False, errors=4)])
    rows = con.sql("select run_id, source, complete, errors, stats from crawl_runs").fetchall()
    assert rows == [("r1", ACME, False, 4, None)]


def test_mixed_file_loads_each_record_type_once(con, fixture_records, write_jsonl):
    path = write_jsonl(fixture_records("postings.jsonl") + fixture_records("credentials.jsonl"))
    postings = load_postings(con, path, run_id="r1", seen_at=T1)
    credentials = load_credentials(con, path, run_id="r1", seen_at=T1)
    assert (postings.inserted, postings.problems) == (5, ())
    assert (credentials.inserted, credentials.problems) == (3, ())
    kinds = con.sql("select kind, count(*) from sources group by kind order by kind").fetchall()
    assert kinds == [("credential", 2), ("posting", 2)]
    assert postings.counts() == {
        "inserted": 5,
        "updated": 0,
        "unchanged": 0,
        "closed": 0,
        "reopened": 0,
        "problems": 0,
        "not_modified": 0,
    }


def test_failure_mid_load_leaves_previous_state(con, fixture_records, write_jsonl, monkeypatch):
    records = fixture_records("postings.jsonl")
    load_postings(con, write_jsonl(records), run_id="r1", seen_at=T1)
    before = {table: snapshot(con, table) for table in ("postings", "sources", "crawl_runs")}
    original = warehouse.load._run

    def failing(connection, name, params=None):
        if name == "crawl_runs__upsert":  # after the merge and the closing have run
            raise duckdb.IOException("disk full (injected)")
        return original(connection, name, params)

    monkeypatch.setattr(warehouse.load, "_run", failing)
    changed = [dict(records[0], title="Changed"), *records[2:]]
    with pytest.raises(duckdb.IOException, match="injected"):
        load_postings(con, write_jsonl(changed), run_id="r2", seen_at=T2, complete_sources={ACME})
    assert {table: snapshot(con, table) for table in before} == before


def test_constraint_violation_rolls_back_the_whole_batch(
    con, fixture_records, write_jsonl, monkeypatch
):
    records = fixture_records("postings.jsonl")
    load_postings(con, write_jsonl(records), run_id="r1", seen_at=T1)
    before = snapshot(con)
    new = dict(records[0], source_id="999", title="New")
    path = write_jsonl([dict(records[0], title="Changed"), new])
    batch = read_records(path, "posting")
    titles = batch.table.column("title").to_pylist()
    broken = batch.table.set_column(
        batch.table.schema.get_field_index("title"),
        "title",
        [[titles[0], None]],  # NOT NULL title on the inserted row
    )
    monkeypatch.setattr(
        warehouse.load,
        "read_records",
        lambda *_: batch.__class__(batch.record_type, broken, batch.skills, batch.problems),
    )
    with pytest.raises(duckdb.ConstraintException):
        load_postings(con, path, run_id="r2", seen_at=T2)
    assert snapshot(con) == before
