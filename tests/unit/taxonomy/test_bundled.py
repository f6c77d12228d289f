"""The one test that loads the bundled ESCO taxonomy (about a second)."""

from taxonomy import load_taxonomy


def test_bundled_esco_taxonomy():
    esco = load_taxonomy()
    assert esco.version == "ESCO v1.2.0 + v1.1.1 labels"
    assert (
        esco.attribution == "This service uses the ESCO classification of the European Commission."
    )
    assert len(esco.skills) == 14_163
    assert all(skill_id.startswith("http://data.europa.eu/esco/skill/") for skill_id in esco.skills)
    assert esco.labels_table().num_rows > 95_000
    python = esco.lookup("Python")
    assert python is not None
    assert esco.skills[python].preferred_label == "Python (computer programming)"
    assert esco.skills[esco.lookup("SQL")].preferred_label == "SQL"
    assert esco.skills[esco.lookup("Project Management")].preferred_label == "project management"
    # product names without their vendor, as postings write them
    assert esco.skills[esco.lookup("Excel")].preferred_label == "use spreadsheets software"
    assert esco.skills[esco.lookup("MS Word")].preferred_label == "use word processing software"
    assert esco.skills[esco.lookup("Photoshop")].preferred_label == "Adobe Photoshop"
