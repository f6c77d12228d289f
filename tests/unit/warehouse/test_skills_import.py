"""load_taxonomy, documents_for_extraction and replace_mentions."""

from datetime import datetime

import pyarrow as pa
import pytest

from warehouse import (
    WarehouseError,
    current_taxonomy_version,
    documents_for_extraction,
    load_credentials,
    load_postings,
    load_taxonomy,
    replace_mentions,
)

T1 = datetime(2026, 7, 30, 6, 0)
T2 = datetime(2026, 7, 31, 6, 0)


def count(con, table):
    return con.sql(f"select count(*) from {table}").fetchall()[0][0]


@pytest.fixture
def loaded(con, postings_path, credentials_path):
    load_postings(con, postings_path, run_id="r1", seen_at=T1)
    load_credentials(con, credentials_path, run_id="r1", seen_at=T1)
    return con


def test_load_taxonomy_and_reload_same_checksum_is_noop(con, toy_taxonomy):
    skills, labels = toy_taxonomy
    version_id = load_taxonomy(
        con,
        skills,
        labels,
        source="toy",
        version="1",
        attribution="toy",
        checksum="abc123",
        imported_at=T1,
    )
    assert version_id == "toy:1:abc123"
    assert current_taxonomy_version(con) == version_id
    assert (count(con, "skills"), count(con, "skill_labels")) == (7, 9)
    again = load_taxonomy(
        con,
        skills.slice(0, 1),
        labels,
        source="toy",
        version="1",
        attribution="toy",
        checksum="abc123",
        imported_at=T2,
    )
    assert again == version_id
    assert count(con, "skills") == 7
    assert con.sql("select imported_at from taxonomy_versions").fetchall() == [(T1,)]


def test_new_version_replaces_vocabulary(con, toy_taxonomy):
    skills, labels = toy_taxonomy
    first = load_taxonomy(
        con,
        skills,
        labels,
        source="toy",
        version="1",
        attribution=None,
        checksum="one",
        imported_at=T1,
    )
    minimal = pa.table({"skill_id": ["toy:rust"], "preferred_label": ["Rust"]})
    minimal_labels = pa.table(
        {
            "skill_id": ["toy:rust", "toy:ghost"],
            "label": ["Rust", "x"],
            "label_kind": ["preferred"] * 2,
        }
    )
    second = load_taxonomy(
        con,
        minimal,
        minimal_labels,
        source="toy",
        version="2",
        attribution=None,
        checksum="two",
        imported_at=T2,
    )
    assert current_taxonomy_version(con) == second
    assert con.sql("select skill_id, source, taxonomy_version from skills").fetchall() == [
        ("toy:rust", "toy", second)
    ]
    assert count(con, "skill_labels") == 1  # labels of unknown skills are dropped
    assert (
        load_taxonomy(
            con,
            skills,
            labels,
            source="toy",
            version="1",
            attribution=None,
            checksum="one",
            imported_at=T2,
        )
        == first
    )
    assert current_taxonomy_version(con) == first
    assert count(con, "skills") == 7


def test_load_taxonomy_requires_columns(con):
    with pytest.raises(WarehouseError, match="preferred_label"):
        load_taxonomy(
            con,
            pa.table({"skill_id": ["x"]}),
            pa.table({}),
            source="t",
            version="1",
            attribution=None,
            checksum="c",
        )


def test_documents_need_a_taxonomy(loaded):
    with pytest.raises(WarehouseError, match="load a taxonomy"):
        documents_for_extraction(loaded)


def test_documents_for_extraction_is_incremental(
    loaded, install_toy_taxonomy, fake_extract, fixture_records, write_jsonl
):
    install_toy_taxonomy(loaded)
    documents = documents_for_extraction(loaded)
    assert documents.column_names == ["doc_kind", "doc_key", "content_hash", "text"]
    assert documents.num_rows == 8
    texts = {row["text"] for row in documents.to_pylist()}
    assert "Office Manager\nStrong communication and organisation." in texts

    mentions = fake_extract(documents)
    assert replace_mentions(loaded, mentions, documents=documents, extracted_at=T1) == 16
    assert documents_for_extraction(loaded).num_rows == 0  # zero-mention docs count as done
    assert documents_for_extraction(loaded, all_documents=True).num_rows == 8

    records = fixture_records("postings.jsonl")
    records[0] = dict(records[0], description="Now we only need Excel.")
    load_postings(loaded, write_jsonl(records), run_id="r2", seen_at=T2)
    pending = documents_for_extraction(loaded)
    assert pending.column("text").to_pylist() == ["Backend Engineer\nNow we only need Excel."]
    # until re-extraction, the stale mentions of the changed posting are ignored
    assert loaded.sql(
        "select count(*) from int_document_skills where doc_key = ?",
        params=[pending.column("doc_key")[0].as_py()],
    ).fetchall() == [(0,)]

    replace_mentions(loaded, fake_extract(pending), documents=pending, extracted_at=T2)
    rows = loaded.sql(
        "select skill_id, surface, start_char, end_char, extracted_at from skill_mentions "
        "where doc_key = ?",
        params=[pending.column("doc_key")[0].as_py()],
    ).fetchall()
    assert rows == [("toy:excel", "Excel", 34, 39, T2)]


def test_new_taxonomy_version_makes_everything_pending(
    loaded, install_toy_taxonomy, extract_all, toy_taxonomy
):
    install_toy_taxonomy(loaded)
    extract_all(loaded)
    skills, labels = toy_taxonomy
    load_taxonomy(
        loaded,
        skills,
        labels,
        source="toy",
        version="2",
        attribution=None,
        checksum="c0ffee0000000002",
        imported_at=T2,
    )
    assert documents_for_extraction(loaded).num_rows == 8
    assert loaded.sql("select count(*) from int_document_skills").fetchall() == [(0,)]


def test_replace_mentions_validates_columns(loaded, install_toy_taxonomy):
    install_toy_taxonomy(loaded)
    with pytest.raises(WarehouseError, match="lacks column"):
        replace_mentions(loaded, pa.table({"doc_kind": ["posting"]}))
    assert replace_mentions(loaded, pa.table({})) == 0


def test_another_extractor_makes_its_documents_pending(loaded, install_toy_taxonomy, fake_extract):
    install_toy_taxonomy(loaded)
    documents = documents_for_extraction(loaded, extractor="pipeline-a")
    replace_mentions(loaded, fake_extract(documents), documents=documents, extractor="pipeline-a")
    assert documents_for_extraction(loaded, extractor="pipeline-a").num_rows == 0
    # a new release's models, another overlay or threshold: everything again, once
    assert documents_for_extraction(loaded, extractor="pipeline-b").num_rows == 8
    assert documents_for_extraction(loaded).num_rows == 8  # recorded before extractors had ids
    recorded = loaded.sql("select distinct extractor from extractions").fetchall()
    assert recorded == [("pipeline-a",)]
