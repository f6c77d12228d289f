"""The bundled default: hierarchy and occupations load, and ESCO as a crosswalk source."""

from collections import Counter

from taxonomy.bundle import bundled_import, load_concepts, load_relations


def test_bundled_concepts_hold_all_occupations_skill_groups_and_isco_groups():
    kinds = Counter(concept.kind for concept in load_concepts())
    assert kinds == {"occupation": 3039, "skill_group": 640, "isco_group": 619}


def test_bundled_relations_hold_the_full_skills_hierarchy():
    kinds = Counter(relation.kind for relation in load_relations())
    assert kinds["broader"] == 20822
    assert kinds["essential"] + kinds["optional"] == 5818


def test_bundled_import_is_esco_with_every_skill():
    esco = bundled_import()
    assert esco.source == "esco"
    assert len(esco.skills) == 14163
    assert esco.checksum.startswith("sha256:")
