"""Ambiguity control: overlay labels that count only in context, in their casing, or never."""

import pytest
import spacy

from taxonomy import Skill, Taxonomy, TaxonomyError, build_nlp, extract_mentions
from taxonomy.ambiguity import bundled_rules, load_rules, rules_from
from taxonomy.overlay import parse_overlay

OVERLAY = """
[[ambiguous]]
label = "ML"
context = ["models", "python", "data science"]

[suppress]
labels = ["SQL"]
"""


@pytest.fixture(scope="module")
def ruled_nlp(toy):
    return build_nlp(toy, semantic=False, rules=rules_from(parse_overlay(OVERLAY)))


def _surfaces(nlp, text):
    return [m.surface for m in next(extract_mentions(nlp, [text]))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We train ML models in Python.", ["ML", "Python"]),
        ("ML for data science teams", ["ML"]),
        ("Add 5 ml of water to the models.", []),  # lower case: not the label as written
        ("ML is a plus.", []),  # no context word near it
    ],
)
def test_an_ambiguous_label_needs_its_context_and_casing(ruled_nlp, text, expected):
    assert _surfaces(ruled_nlp, text) == expected


def test_a_suppressed_label_never_matches_but_others_do(ruled_nlp, toy_nlp):
    text = "SQL and Java"
    assert _surfaces(toy_nlp, text) == ["SQL", "Java"]
    assert _surfaces(ruled_nlp, text) == ["Java"]


@pytest.mark.parametrize(
    ("text", "start", "end", "key", "allowed"),
    [
        ("Statistics in R and Python", 2, 3, "r", True),
        ("R&D team lead", 0, 1, "r", False),
        ("Spark and Hadoop", 0, 1, "spark", False),  # Apache Spark is not ESCO's SPARK (Ada)
        ("You will excel at helping customers", 2, 3, "excel", False),
        ("Advanced Excel and PowerPoint", 1, 2, "excel", True),
        ("Excellent communication skills", 1, 2, "communication", True),
        ("We are a communication agency", 3, 4, "communication", False),
        ("Plan your week", 0, 1, "plan", False),
        ("Python and SQL", 0, 1, "python", True),
    ],
)
def test_bundled_rules(text, start, end, key, allowed):
    doc = spacy.blank("en")(text)
    assert bundled_rules().allows(doc, start, end, key) is allowed


def test_a_users_overlay_adds_to_the_bundled_rules(tmp_path):
    path = tmp_path / "overlay.toml"
    path.write_text(OVERLAY, encoding="utf-8")
    rules = load_rules(path)
    assert {"ml", "r", "go"} <= rules.context.keys()
    assert rules.suppressed >= {"sql", "plan"}
    assert rules.cased["ml"] == "ML"


def test_a_malformed_overlay_names_its_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[[ambiguous]]\nlabel = "Go"\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"bad\.toml"):
        load_rules(path)


@pytest.fixture(scope="module")
def office_nlp():
    spreadsheets = Skill("id:sheets", "use spreadsheets software", ("Microsoft Office Excel",))
    slides = Skill("id:slides", "use presentation software", ("Microsoft Office PowerPoint",))
    office = Taxonomy([spreadsheets, slides], version="office", attribution="test")
    return build_nlp(office, semantic=False)  # the bundled rules: "excel" needs context


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Skilled in Excel and PowerPoint", ["Excel", "PowerPoint"]),
        ("Advanced MS Excel (pivot tables)", ["MS Excel"]),
        ("Microsoft PowerPoint", ["Microsoft PowerPoint"]),
        ("You excel in a fast-paced team.", []),  # the verb: no office word near it
    ],
)
def test_office_products_match_by_product_name_excel_only_in_context(office_nlp, text, expected):
    assert sorted(_surfaces(office_nlp, text)) == sorted(expected)
