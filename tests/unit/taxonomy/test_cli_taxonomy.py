"""`skillsignal taxonomy ...` end to end on the fixture excerpts (ESCO, Lightcast, O*NET)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipelines.cli import app

FIXTURES = Path(__file__).parents[2] / "fixtures" / "taxonomy"
PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
runner = CliRunner()


def _run(*args):
    return runner.invoke(app, ["taxonomy", *map(str, args)], catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("taxonomy") / "warehouse.duckdb"
    for kind, source in [
        ("esco", FIXTURES / "esco_official"),
        ("lightcast", FIXTURES / "lightcast" / "lightcast_excerpt.csv"),
        ("onet", FIXTURES / "onet" / "technology_skills_excerpt.txt"),
        ("overlay", FIXTURES / "overlay" / "overlay.toml"),
    ]:
        result = _run("import", kind, source, "--db", path)
        assert result.exit_code == 0, result.output
        assert "imported" in result.output
    return path


def test_reimport_is_unchanged_and_keeps_the_version(db):
    result = _run("import", "onet", FIXTURES / "onet" / "technology_skills_excerpt.txt", "--db", db)
    assert result.exit_code == 0
    assert "unchanged" in result.output


def test_show_lists_every_source_id(db):
    result = _run("show", PYTHON, "--db", db, "-f", "json")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {row["vocabulary"] for row in rows} == {"esco", "lightcast", "onet", "custom"}
    lightcast = next(row for row in rows if row["vocabulary"] == "lightcast")
    assert lightcast["path"] == "Information Technology > Scripting Languages"


def test_search_is_fuzzy_and_shows_sources(db):
    result = _run("search", "kubernets", "--db", db, "-f", "json", "--limit", "1")
    hit = json.loads(result.output.splitlines()[0])
    assert hit["canonical_id"] == "lightcast:KSJF3PBD3995K6E0OF1Z"
    assert "onet:43232701:Kubernetes" in hit["sources"]


def test_stats_and_review(db):
    stats = _run("stats", "--db", db, "-f", "csv")
    assert "lightcast" in stats.output
    assert "overlay" in stats.output
    review = _run("review", "--db", db, "-f", "csv")
    assert review.exit_code == 0


def test_show_unknown_id_fails(db):
    assert _run("show", "nope", "--db", db).exit_code == 1


def test_bad_input_is_a_one_line_error_with_file_and_line(db):
    result = runner.invoke(
        app,
        [
            "taxonomy",
            "import",
            "overlay",
            str(FIXTURES / "overlay" / "collision.toml"),
            "--db",
            str(db),
        ],
    )
    assert result.exit_code == 1
    assert "collision.toml:4: alias 'Python' collides" in result.output


def test_build_writes_the_bundled_files(tmp_path):
    result = _run("build", FIXTURES / "esco_sources", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert {p.name for p in tmp_path.iterdir()} == {
        "esco_skills.parquet",
        "esco_concepts.parquet",
        "esco_relations.parquet",
    }
