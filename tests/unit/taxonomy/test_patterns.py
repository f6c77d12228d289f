from taxonomy import Skill, Taxonomy
from taxonomy.patterns import LabelGuard, build_patterns, load_guard_labels, tech_tokens


def by_text(patterns):
    found = {}
    for pattern in patterns:
        found.setdefault(pattern.text.casefold(), []).append(pattern)
    return found


def test_guard_list_blocks_everyday_alt_labels(toy):
    patterns = by_text(build_patterns(toy))
    assert "it" not in patterns
    assert "data" not in patterns
    assert "information technology" in patterns
    assert "scratch" not in patterns  # derived from "Scratch (computer programming)", guarded
    assert "scratch (computer programming)" in patterns


def test_one_character_derived_labels_are_dropped(toy):
    patterns = by_text(build_patterns(toy))
    assert "c" not in patterns
    assert "c (computer programming)" in patterns


def test_pattern_kinds_and_preferred_label(toy, toy_id):
    [python] = by_text(build_patterns(toy))["python"]
    assert (python.skill_id, python.kind) == (toy_id(1), "derived")
    assert python.skill_label == "Python (computer programming)"


def test_shared_label_ranks_preferred_then_unqualified(toy, toy_id):
    patterns = by_text(build_patterns(toy))
    assert [p.skill_id for p in patterns["sql"]] == [toy_id(3), toy_id(4)]
    # "ML": alt label of "machine learning", derived from "ML (computer programming)"
    assert [p.skill_id for p in patterns["ml"]] == [toy_id(15), toy_id(16)]


def test_generic_single_words_are_dropped_unless_preferred():
    skills = [
        Skill("id:1", "welding", ("weld",)),
        Skill("id:2", "weld metal parts", ("weld parts",)),
        Skill("id:3", "inspect weld seams", ("weld inspection",)),
        Skill("id:4", "the", ("an", "and so on")),
    ]
    taxonomy = Taxonomy(skills, version="t", attribution="")
    guard = LabelGuard(generic_min_skills=3)
    texts = {p.text for p in build_patterns(taxonomy, guard)}
    assert "weld" not in texts  # "weld" occurs in the labels of 3 skills
    assert {"welding", "weld parts", "the", "and so on"} <= texts  # preferred or several words
    assert "an" not in texts  # a stop word


def test_bundled_guard_list_reads_comments_and_case():
    guard = load_guard_labels()
    assert {"it", "data", "design", "security", "reporting", "agile"} <= guard
    assert not any(label.startswith("#") for label in guard)


def test_tech_tokens_come_in_case_variants(toy):
    tokens = set(tech_tokens(build_patterns(toy)))
    assert {"C++", "C#", "c#", ".NET", ".net", "ASP.NET", "Node.js", "node.js"} <= tokens
    assert {"CI/CD", "ci/cd"} <= tokens
    assert "Python" not in tokens
