from pathlib import Path

import pytest

from taxonomy import TaxonomyError
from taxonomy.lightcast import import_lightcast
from taxonomy.onet import import_onet

FIXTURES = Path(__file__).parents[2] / "fixtures" / "taxonomy"


def test_lightcast_table_gives_skills_with_category_and_subcategory(source_imports):
    lightcast = source_imports[1]
    kubernetes = next(s for s in lightcast.skills if s.label == "Kubernetes")
    assert kubernetes.source_id == "KSJF3PBD3995K6E0OF1Z"
    assert kubernetes.category == "lightcast:category:17.0"
    assert kubernetes.subcategory == "lightcast:subcategory:17.0.435.0"
    names = {c.concept_id: c for c in lightcast.concepts}
    assert names["lightcast:subcategory:17.0.435.0"].parent == "lightcast:category:17.0"
    assert len(lightcast.skills) == 6  # categories and subcategories are concepts, not skills


def test_lightcast_api_json():
    api = import_lightcast(FIXTURES / "lightcast" / "skills_api_excerpt.json")
    assert {s.label for s in api.skills} >= {"Kubernetes", "Project Management"}
    assert sum(1 for s in api.skills if s.category and s.subcategory) == 3  # one unclassified
    assert {c.kind for c in api.concepts} == {"skill_group"}


def test_lightcast_api_json_without_data_is_an_error(tmp_path):
    bad = tmp_path / "skills.json"
    bad.write_text('{"skills": []}')
    with pytest.raises(TaxonomyError, match="Skills API response"):
        import_lightcast(bad)


def test_onet_text_edition_one_skill_per_example(source_imports):
    onet = source_imports[2]
    labels = sorted(s.label for s in onet.skills)
    assert labels == ["Kubernetes", "Microsoft Project", "Python", "Structured query language SQL"]
    python = next(s for s in onet.skills if s.label == "Python")
    assert python.source_id == "43232405:Python"
    assert python.skill_type == "hot technology, in demand"
    assert python.category == "onet:commodity:43232405"


def test_onet_excel_edition_matches_text_edition(source_imports):
    pytest.importorskip("openpyxl")
    excel = import_onet(FIXTURES / "onet" / "technology_skills_excerpt.xlsx")
    assert excel.skills == source_imports[2].skills


def test_onet_missing_columns_name_file_and_line(tmp_path):
    bad = tmp_path / "Technology Skills.txt"
    bad.write_text("O*NET-SOC Code\tExample\n11-1011.00\tExcel\n")
    with pytest.raises(TaxonomyError, match=r"Technology Skills\.txt:1: missing required column"):
        import_onet(bad)
