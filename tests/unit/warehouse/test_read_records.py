import hashlib
import json

import pytest

from warehouse import WarehouseError, read_records
from warehouse.records import content_hash, record_key


def test_fixture_files_read_cleanly(postings_path, credentials_path):
    postings = read_records(postings_path, "posting")
    credentials = read_records(credentials_path, "credential")
    assert postings.problems == ()
    assert credentials.problems == ()
    assert postings.table.num_rows == 5
    assert credentials.table.num_rows == 3
    assert credentials.skills.num_rows == 5


def test_key_is_sha256_of_source_and_id():
    expected = hashlib.sha256(b"greenhouse:acme\x1f101").hexdigest()[:16]
    assert record_key("greenhouse:acme", "101") == expected


def test_content_hash_ignores_url_crawled_at_and_key_order(fixture_records):
    record = fixture_records("postings.jsonl")[0]
    moved = dict(reversed(record.items()), url="https://elsewhere/1", crawled_at="2027-01-01")
    assert content_hash(moved, "posting") == content_hash(record, "posting")
    assert content_hash(dict(record, title="Other"), "posting") != content_hash(record, "posting")


def test_bad_lines_are_reported_with_line_numbers(fixture_records, write_jsonl):
    good = fixture_records("postings.jsonl")
    no_title = {key: value for key, value in good[1].items() if key != "title"}
    bad_salary = dict(good[2], salary_min="lots")
    path = write_jsonl(
        [good[0], "{not json", no_title, "", bad_salary, dict(good[3], source_id=""), good[4]]
    )
    result = read_records(path, "posting")
    assert [problem.line_no for problem in result.problems] == [2, 3, 5, 6]
    messages = [problem.message for problem in result.problems]
    assert messages[0].startswith(f"{path}:2: malformed JSON")
    assert "missing required field(s): title" in messages[1]
    assert "salary_min" in messages[2]
    assert "source_id" in messages[3]
    assert result.table.column("source_id").to_pylist() == ["101", good[4]["source_id"]]


def test_duplicates_are_kept_once_and_reported(fixture_records, write_jsonl):
    first = fixture_records("postings.jsonl")[0]
    path = write_jsonl([first, dict(first, title="Changed")])
    result = read_records(path, "posting")
    assert result.table.column("title").to_pylist() == ["Backend Engineer"]
    assert len(result.problems) == 1
    assert result.problems[0].line_no == 2
    assert "duplicate" in result.problems[0].message


def test_wrong_record_type_and_kind_are_reported(fixture_records, write_jsonl):
    credential = fixture_records("credentials.jsonl")[0]
    path = write_jsonl(
        [
            credential,
            dict(credential, source_id="x", kind="webinar"),
            dict(credential, record_type="job"),
        ]
    )
    as_postings = read_records(path, "posting")  # credentials are skipped, not problems
    assert as_postings.table.num_rows == 0
    assert [problem.line_no for problem in as_postings.problems] == [3]
    result = read_records(path, "credential")
    assert result.table.num_rows == 1
    assert "kind 'webinar'" in result.problems[0].message
    assert "unknown record_type 'job'" in result.problems[1].message
    untyped = {key: value for key, value in credential.items() if key != "record_type"}
    assert (
        "missing record_type"
        in read_records(write_jsonl([untyped]), "credential").problems[0].message
    )


def test_dates_become_utc_timestamps(fixture_records, write_jsonl):
    record = dict(fixture_records("postings.jsonl")[0], date_posted="2026-07-30T12:00:00+02:00")
    table = read_records(write_jsonl([record]), "posting").table
    assert str(table.column("date_posted")[0]) == "2026-07-30 10:00:00"
    assert str(table.column("valid_through")[0]) == "2026-09-30 00:00:00"


def test_unknown_record_type_and_missing_file(tmp_path):
    with pytest.raises(WarehouseError, match="unknown record type"):
        read_records(tmp_path / "x.jsonl", "course")
    with pytest.raises(WarehouseError, match="cannot read"):
        read_records(tmp_path / "missing.jsonl", "posting")


def test_declared_skills_are_deduplicated(fixture_records, write_jsonl):
    record = dict(fixture_records("credentials.jsonl")[0], skills=["SQL", " SQL ", "", "Excel"])
    result = read_records(write_jsonl([record]), "credential")
    assert result.skills.column("name").to_pylist() == ["SQL", "Excel"]
    assert json.loads(json.dumps(result.skills.column("position").to_pylist())) == [0, 1]
