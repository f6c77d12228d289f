import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from taxonomy import Taxonomy, TaxonomyError, load_taxonomy
from taxonomy.build_esco import ATTRIBUTION, build_esco_table, main, write_bundled
from taxonomy.esco_csv import read_label_list, read_skills_text
from taxonomy.esco_text import guess_label_length

FIXTURES = Path(__file__).parents[2] / "fixtures" / "taxonomy"
SOURCES = FIXTURES / "esco_sources"
URI = "http://data.europa.eu/esco/skill/"


@pytest.fixture(scope="module")
def table():
    return build_esco_table(SOURCES)


@pytest.fixture(scope="module")
def built(table):
    rows = table.to_pylist()
    return {row["skill_id"]: row for row in rows}


def test_every_source_uri_is_a_row(built):
    texts = read_skills_text(SOURCES / "esco-extra" / "esco_skills_text.csv")
    assert set(texts) <= set(built)
    # + the v1.1.1-only skill and the collection-only skill
    assert len(built) == len(texts) + 2


def test_every_v110_label_resolves(table, tmp_path):
    write_bundled(table, tmp_path / "t.parquet")
    taxonomy = load_taxonomy(tmp_path / "t.parquet")
    labels = read_label_list(SOURCES / "esco-extra" / "esco_v1.1.0_preferred_labels.txt")
    assert [label for label in labels if taxonomy.lookup(label) is None] == []
    assert taxonomy.lookup("install radtors") == f"{URI}02a78cf3-8b31-4911-bcad-c989a1b7ff40"


def test_v120_label_wins_and_the_other_stays_an_alt_label(built):
    incremental = built[f"{URI}00c04e40-35ea-4ed1-824c-82f936c8f876"]
    assert incremental["preferred_label"] == "incremental development"
    customs = built[f"{URI}00ff06cc-103f-4c85-b5df-6f75acff6abf"]
    assert customs["preferred_label"] == "advise on customs regulations"  # the v1.2 text's start
    assert "advise customers" in customs["alt_labels"]  # the v1.1.1 label


def test_text_only_skills_get_label_and_description(built):
    commitment = built[f"{URI}1fce1197-3a5b-45b7-8797-575cd3b57a01"]
    assert commitment["preferred_label"] == "show commitment"
    assert commitment["description"].startswith("Show willingness to take on tasks")
    skiing = built[f"{URI}0165e6c7-14d9-47f6-a882-565f8da14526"]
    assert skiing["preferred_label"] == "water skiing"  # guessed: no source knows the label
    assert skiing["description"].startswith("The techniques and rules")


def test_skill_type_from_collection_or_pillar(built):
    assert built[f"{URI}000f1d3d-220f-4789-9c0a-cc742521fb02"]["skill_type"] == "knowledge"
    nutrition = built[f"{URI}01267c89-b27f-4de0-b555-3683c5a5d66e"]  # v1.1.1 only
    assert nutrition["skill_type"] == "skill/competence"
    assert nutrition["description"] is None
    assert nutrition["reuse_level"] is None


def test_metadata_and_round_trip(table, tmp_path):
    path = tmp_path / "out" / "skills.parquet"
    write_bundled(table, path)
    metadata = pq.read_schema(path).metadata
    assert metadata[b"skillsignal.source"] == b"esco"
    assert metadata[b"skillsignal.attribution"] == ATTRIBUTION.encode()
    assert "esco-extra/esco_skills_text.csv" in json.loads(metadata[b"skillsignal.built_from"])
    assert pq.ParquetFile(path).metadata.row_group(0).column(0).compression == "ZSTD"
    loaded = load_taxonomy(path)
    assert isinstance(loaded, Taxonomy)
    assert loaded.version == "ESCO v1.2.0 + v1.1.1 labels"
    assert len(loaded.skills) == table.num_rows


def test_write_bundled_needs_metadata(table, tmp_path):
    with pytest.raises(TaxonomyError, match=r"skillsignal\.version"):
        write_bundled(table.replace_schema_metadata({}), tmp_path / "x.parquet")


def test_missing_source_file_is_named(tmp_path):
    with pytest.raises(TaxonomyError, match=r"esco_v_1_1_1_data_formatted\.csv"):
        build_esco_table(tmp_path)


def test_command_line(tmp_path):
    out = tmp_path / "cli.parquet"
    main([str(SOURCES), str(out)])
    assert pq.read_metadata(out).num_rows == 10


@pytest.mark.parametrize(
    ("words", "length"),
    [
        ("water skiing waterski", 2),
        ("spectroscopy principles of spectroscopy", 1),
        ("organise fire drills arrange fire drills", 3),
        ("operations management business operations management", 3),  # a wrong but safe guess
        ("table tennis ping-pong", 3),
    ],
)
def test_guess_label_length(words, length):
    assert guess_label_length(words.split()) == length
