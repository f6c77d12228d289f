import pytest
import spacy

from taxonomy.candidates import _BREAK, _COORDINATOR, _JUNK, _doc_kinds, _kind, candidate_ranges


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def texts(nlp, text):
    doc = nlp.make_doc(text)
    return [doc[a:b].text for a, b in candidate_ranges(doc)]


def test_list_after_a_cue_phrase_gives_each_item(nlp):
    found = texts(nlp, "Experience with Docker, Kubernetes and Terraform.")
    assert found[:2] == ["Docker", "Kubernetes and Terraform"]
    assert {"Kubernetes", "Terraform"} <= set(found)


def test_cue_and_stop_words_are_trimmed(nlp):
    assert texts(nlp, "Strong knowledge of relational databases") == ["relational databases"]


def test_bullets_and_lines_cut_pieces(nlp):
    found = texts(nlp, "• stakeholder management\n* budget planning")
    assert found == ["stakeholder management", "budget planning"]


def test_long_pieces_are_not_candidates_but_their_items_are(nlp):
    text = "design build test deploy monitor operate scale secure services and cloud networks"
    found = texts(nlp, text)
    assert text not in found
    assert "cloud networks" in found


@pytest.mark.parametrize("text", ["", "   ", "and, or; the", "12 345", "\x00\x01"])
def test_nothing_to_propose(nlp, text):
    assert texts(nlp, text) == []


@pytest.mark.parametrize(
    ("lower", "kind"),
    [
        ("sql", 0),
        (",", _BREAK | _JUNK),
        (".", _BREAK | _JUNK),
        ("\n", _BREAK | _JUNK),
        ("experience", _JUNK),
        ("2024", _JUNK),
        ("and", _JUNK | _COORDINATOR),
        ("&", _JUNK | _COORDINATOR),
        ("c++", 0),
    ],
)
def test_kind_bits_of_a_word(lower, kind):
    assert _kind(lower) == kind


def test_doc_kinds_are_the_kinds_of_the_lowercase_tokens(nlp):
    doc = nlp.make_doc("SQL, Java and\nPython")
    assert _doc_kinds(doc) == [_kind(token.lower_) for token in doc]
    assert _doc_kinds(nlp.make_doc("")) == []
