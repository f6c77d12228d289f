"""Toy taxonomy fixtures: no test here loads the bundled ESCO file except test_bundled.py."""

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from taxonomy import Taxonomy, build_nlp
from taxonomy.esco_csv import read_official_skills_csv

FIXTURES = Path(__file__).parents[2] / "fixtures" / "taxonomy"
TOY_URI = "http://data.europa.eu/esco/skill/toy-{:02d}"


@pytest.fixture(scope="session")
def toy() -> Taxonomy:
    skills = read_official_skills_csv(FIXTURES / "toy_skills_en.csv")
    return Taxonomy(skills, version="toy v1", attribution="toy attribution")


@pytest.fixture(scope="session")
def toy_nlp(toy: Taxonomy) -> Language:
    return build_nlp(toy, semantic=False)


@pytest.fixture(scope="session")
def toy_id() -> Callable[[int], str]:
    """The concept URI of toy skill number N (row N of toy_skills_en.csv)."""
    return TOY_URI.format


@pytest.fixture(scope="session")
def source_imports():
    """ESCO (official-format excerpt), Lightcast and O*NET excerpts, imported once."""
    from taxonomy.esco_import import import_esco
    from taxonomy.lightcast import import_lightcast
    from taxonomy.onet import import_onet

    return (
        import_esco(FIXTURES / "esco_official"),
        import_lightcast(FIXTURES / "lightcast" / "lightcast_excerpt.csv"),
        import_onet(FIXTURES / "onet" / "technology_skills_excerpt.txt"),
    )
