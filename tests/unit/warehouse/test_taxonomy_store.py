"""store_import, replace_crosswalk and the taxonomy queries and views (in-memory tables)."""

from datetime import datetime

import pyarrow as pa

from warehouse.taxonomy_store import (
    latest_imports,
    read_version,
    replace_crosswalk,
    store_import,
    taxonomy_rows,
)

T1 = datetime(2026, 7, 30, 6, 0)
T2 = datetime(2026, 7, 31, 6, 0)
LABELS = pa.list_(pa.string())


def _tables(labels):
    skills = pa.table(
        {
            "source": ["lightcast"] * len(labels),
            "source_id": [f"L{i}" for i in range(len(labels))],
            "label": labels,
            "alt_labels": pa.array([[]] * len(labels), LABELS),
            "description": [None] * len(labels),
            "category": ["lightcast:category:17.0"] * len(labels),
            "subcategory": ["lightcast:subcategory:17.0.435.0"] * len(labels),
            "skill_type": ["skill"] * len(labels),
        }
    )
    concepts = pa.table(
        {
            "concept_id": ["lightcast:category:17.0", "lightcast:subcategory:17.0.435.0"],
            "kind": ["skill_group", "skill_group"],
            "label": ["Information Technology", "IT Automation"],
            "code": ["17.0", "17.0.435.0"],
            "alt_labels": pa.array([[], []], LABELS),
            "description": [None, None],
            "parent": [None, "lightcast:category:17.0"],
        }
    )
    relations = pa.table(
        {
            "child": ["L0", "lightcast:subcategory:17.0.435.0"],
            "parent": ["lightcast:subcategory:17.0.435.0", "lightcast:category:17.0"],
            "kind": ["member", "broader"],
        }
    )
    return {"skills": skills, "concepts": concepts, "relations": relations}


def _crosswalk():
    return {
        "canonical": pa.table(
            {"canonical_id": ["lightcast:L0"], "label": ["Kubernetes"], "source": ["lightcast"]}
        ),
        "links": pa.table(
            {
                "canonical_id": ["lightcast:L0", "lightcast:L0"],
                "source": ["lightcast", "onet"],
                "source_id": ["L0", "43232701:Kubernetes"],
                "label": ["Kubernetes", "Kubernetes"],
                "method": ["source", "exact"],
                "score": [100.0, 100.0],
            }
        ),
        "reviews": pa.table(
            {
                "source": ["lightcast"],
                "source_id": ["L1"],
                "label": ["Kubernetes Operators"],
                "candidate_id": ["lightcast:L0"],
                "candidate_label": ["Kubernetes"],
                "method": ["fuzzy"],
                "score": [90.0],
            }
        ),
    }


def test_import_is_a_version_and_reimport_of_same_content_is_a_noop(con):
    kwargs = {"source": "lightcast", "release": "9.0", "checksum": "sha256:aaaa1111bbbb2222"}
    version_id, new = store_import(con, _tables(["Kubernetes"]), imported_at=T1, **kwargs)
    assert (version_id, new) == ("lightcast:9.0:aaaa1111bbbb", True)
    again = store_import(con, _tables(["Kubernetes"]), imported_at=T2, **kwargs)
    assert again == (version_id, False)
    assert read_version(con, version_id)["skills"].column("label").to_pylist() == ["Kubernetes"]


def _store(con, labels, release, checksum, at):
    return store_import(
        con, _tables(labels), source="lightcast", release=release, checksum=checksum, imported_at=at
    )[0]


def test_new_content_adds_a_version_and_keeps_the_old_one(con):
    first = _store(con, ["Kubernetes"], "9.0", "sha256:1", T1)
    second = _store(con, ["Kubernetes", "Docker"], "9.1", "sha256:2", T2)
    assert [row["version_id"] for row in latest_imports(con)] == [second]
    assert read_version(con, first)["skills"].num_rows == 1
    assert read_version(con, second)["skills"].num_rows == 2


def test_crosswalk_queries_and_views(con):
    version_id = _store(con, ["Kubernetes"], "9.0", "sha256:1", T1)
    replace_crosswalk(con, _crosswalk(), [version_id], built_at=T2)
    members = taxonomy_rows(con, "skill_crosswalk_members", {"canonical_id": "lightcast:L0"})
    assert [(m["vocabulary"], m["method"]) for m in members] == [
        ("lightcast", "source"),
        ("onet", "exact"),
    ]
    path = taxonomy_rows(con, "taxonomy_broader_path", {"concept_ids": ["L0"]})
    assert [row["label"] for row in path] == ["IT Automation", "Information Technology"]
    assert taxonomy_rows(con, "taxonomy_reviews", {"limit": 5})[0]["candidate_id"] == "lightcast:L0"
    stats = taxonomy_rows(con, "taxonomy_stats")
    assert {(row["vocabulary"], row["method"]) for row in stats} >= {("lightcast", "source")}
    sources = con.sql("select lightcast_ids, onet_ids from int_skill_sources").fetchall()
    assert sources == [(["L0"], ["43232701:Kubernetes"])]
    replace_crosswalk(con, _crosswalk(), [version_id], built_at=T2)  # a rebuild replaces
    assert con.sql("select count(*) from skill_crosswalk").fetchall() == [(2,)]
