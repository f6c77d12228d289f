import csv
from pathlib import Path

import pytest

from taxonomy import TaxonomyError
from taxonomy.crosswalk import FUZZY_CUTOFF, build_crosswalk
from taxonomy.model import SourceImport, SourceSkill
from taxonomy.overlay import read_overlay

FIXTURES = Path(__file__).parents[2] / "fixtures" / "taxonomy"
JUDGED = FIXTURES / "crosswalk_judged_sample.csv"


@pytest.fixture(scope="module")
def crosswalk(source_imports):
    return build_crosswalk(source_imports, read_overlay(FIXTURES / "overlay" / "overlay.toml"))


@pytest.mark.parametrize(
    ("name", "sources"),
    [
        ("Python", {"esco", "lightcast", "onet"}),
        ("SQL", {"esco", "lightcast"}),
        ("project management", {"esco", "lightcast"}),
        ("Kubernetes", {"lightcast", "onet"}),  # not in ESCO
    ],
)
def test_core_skills_resolve_to_one_canonical_skill_with_source_ids(crosswalk, name, sources):
    canonical_id = crosswalk.resolve(name)
    assert canonical_id is not None
    found = crosswalk.source_ids(canonical_id)
    assert sources <= set(found)
    assert all(len(found[source]) == 1 for source in sources)


def test_qualifiers_do_not_block_matching(crosswalk):
    python = crosswalk.resolve("Python (computer programming)")
    assert crosswalk.resolve("Python (Programming Language)") == python
    assert crosswalk.labels[python] == "Python (computer programming)"


def test_overlay_alias_and_extra_skill(crosswalk):
    assert crosswalk.resolve("k8s") == crosswalk.resolve("Kubernetes")
    assert crosswalk.resolve("data build tool") == "custom:custom:dbt"
    alias = next(link for link in crosswalk.links if link.label == "k8s")
    assert (alias.method, alias.score) == ("overlay", 100.0)


def test_every_link_records_method_and_score(crosswalk):
    assert {link.method for link in crosswalk.links} <= {
        "source",
        "exact",
        "exact-alt",
        "fuzzy",
        "overlay",
    }
    assert all(0 <= link.score <= 100 for link in crosswalk.links)


def test_overlay_alias_colliding_with_another_skills_label_names_file_and_line(source_imports):
    overlay = read_overlay(FIXTURES / "overlay" / "collision.toml")
    with pytest.raises(TaxonomyError, match=r"collision\.toml:4: alias 'Python' collides"):
        build_crosswalk(source_imports, overlay)


def _import(source, skills):
    return SourceImport(source, "t", "sha256:0", tuple(skills))


def test_ambiguous_exact_match_is_listed_for_review_not_merged():
    esco = _import(
        "esco",
        [
            SourceSkill("esco", "e1", "safety engineering"),
            SourceSkill("esco", "e2", "safety engineering"),
        ],
    )
    lightcast = _import("lightcast", [SourceSkill("lightcast", "L1", "Safety Engineering")])
    crosswalk = build_crosswalk([esco, lightcast])
    assert crosswalk.source_ids("lightcast:L1") == {"lightcast": ["L1"]}
    assert {(r.candidate_id, r.method) for r in crosswalk.reviews} == {
        ("e1", "exact-ambiguous"),
        ("e2", "exact-ambiguous"),
    }


def test_narrower_alt_label_goes_to_review():
    esco = _import("esco", [SourceSkill("esco", "e1", "computer programming", ("cURL",))])
    lightcast = _import("lightcast", [SourceSkill("lightcast", "L1", "cURL")])
    crosswalk = build_crosswalk([esco, lightcast])
    assert crosswalk.resolve("cURL") == "lightcast:L1"  # its own canonical skill
    assert crosswalk.source_ids("e1") == {"esco": ["e1"]}
    assert [r.method for r in crosswalk.reviews] == ["exact-alt"]


def test_near_miss_below_cutoff_is_reviewed():
    esco = _import("esco", [SourceSkill("esco", "e1", "livestock reproduction")])
    lightcast = _import("lightcast", [SourceSkill("lightcast", "L1", "Livestock Productions")])
    crosswalk = build_crosswalk([esco, lightcast])
    assert crosswalk.source_ids("e1") == {"esco": ["e1"]}
    assert crosswalk.reviews[0].score < FUZZY_CUTOFF


def _judged():
    with JUDGED.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_judged_sample_precision():
    rows = _judged()
    assert len(rows) == 100
    precision = sum(row["judgement"] == "correct" for row in rows) / len(rows)
    assert precision >= 0.95


def test_judged_sample_links_are_reproduced():
    rows = [row for row in _judged() if row["method"] in ("exact", "fuzzy")]
    esco = _import("esco", [SourceSkill("esco", r["esco_uri"], r["esco_label"]) for r in rows])
    lightcast = _import(
        "lightcast",
        [SourceSkill("lightcast", r["lightcast_id"], r["lightcast_label"]) for r in rows],
    )
    crosswalk = build_crosswalk([esco, lightcast])
    linked = {(k.source_id, k.canonical_id) for k in crosswalk.links if k.source == "lightcast"}
    expected = {(r["lightcast_id"], r["esco_uri"]) for r in rows}
    assert len(expected & linked) >= 0.95 * len(expected)
