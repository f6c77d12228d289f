from pathlib import Path

import pytest

from taxonomy import TaxonomyError
from taxonomy.esco_csv import read_label_table, read_official_skills_csv

FIXTURES = Path(__file__).parents[2] / "fixtures" / "taxonomy"
SOURCES = FIXTURES / "esco_sources"


def test_official_format_splits_newline_separated_labels(toy_id):
    skills = {s.skill_id: s for s in read_official_skills_csv(FIXTURES / "toy_skills_en.csv")}
    project = skills[toy_id(5)]
    assert project.preferred_label == "project management"
    assert project.alt_labels == ("managing projects", "programme management")
    assert project.hidden_labels == ("project managment",)
    assert project.skill_type == "knowledge"
    assert project.reuse_level == "sector-specific"


def test_collection_files_read_through_the_same_function():
    digital = read_official_skills_csv(SOURCES / "esco" / "digitalSkillsCollection_en.csv")
    haskell = next(s for s in digital if s.preferred_label == "Haskell")
    assert (
        haskell.skill_id == "http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02"
    )
    assert haskell.alt_labels == ("Haskell techniques",)
    assert haskell.description.startswith("The techniques and principles")
    # another column order (skillType before preferredLabel)
    [initiative] = read_official_skills_csv(SOURCES / "esco" / "transversalSkillsCollection_en.csv")
    assert initiative.preferred_label == "show initiative"
    assert initiative.skill_type == "skill/competence"


def test_missing_columns_are_named_with_the_file(tmp_path):
    path = tmp_path / "skills_en.csv"
    path.write_text("conceptUri,altLabels,description,skillType\nx,,,\n", encoding="utf-8")
    with pytest.raises(TaxonomyError) as error:
        read_official_skills_csv(path)
    assert str(path) in str(error.value)
    assert "preferredLabel, reuseLevel" in str(error.value)


def test_missing_file_is_a_taxonomy_error(tmp_path):
    with pytest.raises(TaxonomyError, match="cannot read"):
        read_official_skills_csv(tmp_path / "absent.csv")


def test_rows_that_are_not_skills_are_skipped(tmp_path):
    path = tmp_path / "mixed.csv"
    header = "conceptType,conceptUri,preferredLabel,altLabels,description,skillType,reuseLevel"
    rows = ["SkillGroup,http://g/1,group,,,,", "KnowledgeSkillCompetence,http://s/1,skill,,,,"]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    assert [s.skill_id for s in read_official_skills_csv(path)] == ["http://s/1"]


def test_label_table_skips_skill_group_rows_and_keeps_pillar_roots():
    table = read_label_table(SOURCES / "esco-1.1.1-labels" / "esco_v_1_1_1_data_formatted.csv")
    assert len(table) == 6
    assert all(uri.startswith("http://data.europa.eu/esco/skill/") for uri in table)
    haskell = table["http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02"]
    assert haskell.pillar_roots == {"K", "S"}
