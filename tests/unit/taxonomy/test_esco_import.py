import shutil
from pathlib import Path

import pytest

from taxonomy import TaxonomyError
from taxonomy.esco_import import import_esco
from taxonomy.esco_pillar import read_occupations, read_relations, read_skill_groups

FIXTURES = Path(__file__).parents[2] / "fixtures" / "taxonomy"

OFFICIAL = FIXTURES / "esco_official"
PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def test_official_folder_imports_skills_groups_occupations_and_relations(source_imports):
    esco = source_imports[0]
    assert esco.source == "esco"
    assert {s.source_id for s in esco.skills} >= {PYTHON}
    kinds = {c.kind for c in esco.concepts}
    assert kinds == {"skill_group", "occupation", "isco_group"}
    occupations = [c for c in esco.concepts if c.kind == "occupation"]
    assert len(occupations) == 2
    assert all(
        o.parent and o.parent.startswith("http://data.europa.eu/esco/isco/C") for o in occupations
    )
    assert any(r.child == PYTHON and r.kind == "broader" for r in esco.relations)
    assert esco.checksum.startswith("sha256:")


def test_broader_relation_to_unknown_skill_is_reported_and_import_continues(source_imports):
    problems = source_imports[0].problems
    assert problems, "the fixture has a relation to a skill outside the excerpt"
    text = str(problems[0])
    assert "broaderRelationsSkillPillar_en.csv:" in text
    assert "unknown concept" in text


def test_reimport_has_the_same_checksum(source_imports):
    assert import_esco(OFFICIAL).checksum == source_imports[0].checksum


def test_skill_groups_have_codes_and_parents():
    groups = read_skill_groups(OFFICIAL / "skillsHierarchy_en.csv", OFFICIAL / "skillGroups_en.csv")
    assert all(g.kind == "skill_group" for g in groups)
    assert any(g.code and g.parent for g in groups)


def test_missing_required_columns_name_file_and_line(tmp_path):
    bad = tmp_path / "occupations_en.csv"
    bad.write_text("conceptUri,preferredLabel\nhttp://data.europa.eu/esco/occupation/x,x\n")
    with pytest.raises(
        TaxonomyError,
        match=r"occupations_en\.csv:1: missing required column\(s\): altLabels, iscoGroup",
    ):
        read_occupations(bad)


def test_broken_uri_row_names_file_and_line(tmp_path):
    folder = tmp_path / "esco"
    shutil.copytree(OFFICIAL, folder)
    skills = folder / "skills_en.csv"
    lines = skills.read_text(encoding="utf-8").split("\n")
    lines.insert(1, "KnowledgeSkillCompetence,htp:/broken uri,knowledge,,broken,,,released,,,,,")
    skills.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"skills_en\.csv:2: broken ESCO URI 'htp:/broken uri'"):
        import_esco(folder)


def test_relation_file_without_relation_columns_is_an_error(tmp_path):
    bad = tmp_path / "broaderRelationsSkillPillar_en.csv"
    bad.write_text("a,b\n1,2\n")
    with pytest.raises(TaxonomyError, match=r"broaderRelationsSkillPillar_en\.csv:1: missing"):
        read_relations(bad, set(), [])


def test_folder_without_skills_is_an_error(tmp_path):
    with pytest.raises(TaxonomyError, match=r"no skills_en\.csv"):
        import_esco(tmp_path)
