"""Lemma-aware matching: inflections of the labels' own words meet the labels."""

import pytest

from taxonomy import extract_mentions
from taxonomy.lemmas import inflections, lemma_table


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("manage", {"manages", "managed", "managing"}),
        ("plan", {"plans", "planned", "planning"}),
        ("study", {"studies", "studied", "studying"}),
        ("process", {"processes", "processed", "processing"}),
        ("optimise", {"optimize", "optimizing", "optimised", "optimized"}),
        ("analyse", {"analyze", "analyzing", "analysed"}),
    ],
)
def test_inflections(word, forms):
    assert forms <= inflections(word)


def test_the_table_maps_forms_to_label_words_only_where_unambiguous():
    table = lemma_table(["manage", "managing", "project", "projects", "new", "news", "as"])
    assert table["managed"] == "manage"
    assert table["managing"] == "manage"  # a label word that inflects another meets it
    assert table["projects"] == "project"
    assert "news" not in table  # a label word of its own, not a form of "new"
    assert "ase" not in table  # short words are left alone
    assert "as" not in table


LABEL = "make health, safety and environment assessments"


@pytest.mark.parametrize(
    ("text", "method"),
    [
        (f"You will {LABEL}.", "exact"),
        ("You will be making health, safety and environment assessments.", "lemma"),
        ("She made health, safety and environment assessments", "exact-free"),
    ],
)
def test_a_label_matches_through_its_lemmas(toy_nlp, toy_id, text, method):
    mentions = next(extract_mentions(toy_nlp, [text]))
    found = [m for m in mentions if m.skill_id == toy_id(20)]
    if method == "exact-free":  # "made" is irregular: not a form the table knows
        assert not found
        return
    [mention] = found
    assert mention.method == method
    assert text[mention.start : mention.end] == mention.surface
    assert mention.surface.endswith("assessments")
    assert mention.score < 1.0 if method == "lemma" else mention.score == 1.0


def test_one_inflected_word_does_not_match_a_one_word_label(toy_nlp):
    # "statistic" is not "statistics": single words only match as written.
    assert not next(extract_mentions(toy_nlp, ["One statistic"]))
