"""Fuzzy matching: a spelling slip in a multi-word label, found through its other words."""

import pytest

from taxonomy import extract_mentions
from taxonomy.fuzzy import FuzzyIndex

KEYS = ["project management", "machine learning", "big data analysis", "data analysis", "sql"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("project managment", "project management"),
        ("machine lerning", "machine learning"),
        ("big data analysys", "big data analysis"),
        ("project manager", None),  # another word, not a slip
        ("sqll", None),  # one-word labels are never matched fuzzily
        ("project management", None),  # exact matches are not the fuzzy index's job
    ],
)
def test_blocked_fuzzy_lookup(phrase, expected):
    found = FuzzyIndex(KEYS).match(phrase)
    assert (found[0] if found else None) == expected


def test_a_slip_in_a_posting_is_linked_with_its_offsets(toy_nlp, toy_id):
    text = "Experience with machine lerning and SQL."
    mentions = next(extract_mentions(toy_nlp, [text]))
    fuzzy = [m for m in mentions if m.method == "fuzzy"]
    assert [(m.surface, m.skill_id) for m in fuzzy] == [("machine lerning", toy_id(15))]
    assert text[fuzzy[0].start : fuzzy[0].end] == "machine lerning"
    assert fuzzy[0].score < 0.9
    assert [m.method for m in mentions if m.surface == "SQL"] == ["exact"]
