import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from taxonomy import Skill, Taxonomy, TaxonomyError, load_taxonomy
from taxonomy.build_esco import skills_to_table


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("Python (computer programming)", 1),
        ("python", 1),  # derived: qualifier removed
        ("  PYTHON  3 ", 1),
        ("sql", 3),  # preferred label of 3 wins over alt label of 4
        ("DBMS", 4),
        ("project managment", 5),  # hidden label
        ("make health safety and environment assessments", 20),  # commas dropped
    ],
)
def test_lookup(toy, name, number, toy_id):
    assert toy.lookup(name) == toy_id(number)


def test_lookup_unknown_is_none(toy):
    assert toy.lookup("underwater basket weaving") is None
    assert toy.lookup("") is None


def test_candidates_rank_preferred_first(toy, toy_id):
    assert toy.candidates("SQL") == (toy_id(3), toy_id(4))


def test_skills_table(toy):
    table = toy.skills_table()
    assert table.column_names == [
        "skill_id",
        "preferred_label",
        "description",
        "skill_type",
        "source",
    ]
    assert table.num_rows == 20
    assert set(table.column("source").to_pylist()) == {"esco"}


def test_labels_table(toy, toy_id):
    table = toy.labels_table()
    assert table.column_names == ["skill_id", "label", "label_kind"]
    rows = {(r["skill_id"], r["label"]): r["label_kind"] for r in table.to_pylist()}
    assert rows[(toy_id(1), "Python (computer programming)")] == "preferred"
    assert rows[(toy_id(1), "Python 3")] == "alt"
    assert rows[(toy_id(1), "Python")] == "derived"
    assert rows[(toy_id(5), "project managment")] == "hidden"
    assert set(table.column("label_kind").to_pylist()) == {"preferred", "alt", "hidden", "derived"}


def test_load_reads_metadata_and_optional_columns(tmp_path):
    table = skills_to_table([Skill("id:1", "SQL", ("structured query language",))])
    path = tmp_path / "t.parquet"
    pq.write_table(
        table.select(["skill_id", "preferred_label", "alt_labels"]).replace_schema_metadata(
            {"skillsignal.version": "v9", "skillsignal.attribution": "credit"}
        ),
        path,
    )
    taxonomy = load_taxonomy(path)
    assert (taxonomy.version, taxonomy.attribution) == ("v9", "credit")
    assert taxonomy.skills["id:1"].description is None
    assert taxonomy.lookup("structured query language") == "id:1"


def test_load_errors_name_the_problem(tmp_path):
    with pytest.raises(TaxonomyError, match="no such taxonomy file"):
        load_taxonomy(tmp_path / "absent.parquet")
    (tmp_path / "bad.parquet").write_text("not parquet")
    with pytest.raises(TaxonomyError, match="not a readable Parquet file"):
        load_taxonomy(tmp_path / "bad.parquet")
    pq.write_table(pa.table({"skill_id": ["a"]}), tmp_path / "cols.parquet")
    with pytest.raises(TaxonomyError, match="preferred_label, alt_labels"):
        load_taxonomy(tmp_path / "cols.parquet")


def test_repr(toy):
    assert repr(toy) == "Taxonomy('toy v1', 20 skills)"
    assert isinstance(toy, Taxonomy)
