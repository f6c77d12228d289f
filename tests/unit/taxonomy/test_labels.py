import doctest

import pytest

import taxonomy.esco_text
import taxonomy.labels
from taxonomy.labels import normalize_label, product_names, split_multi_value, strip_qualifier


@pytest.mark.parametrize("module", [taxonomy.labels, taxonomy.esco_text])
def test_doctests_pass(module):
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Project  Management", "project management"),
        (
            "make health, safety and environment assessments",
            "make health safety and environment assessments",
        ),
        ("heavier than 5,700 kg", "heavier than 5700 kg"),
        ("pipeline transport regulations;", "pipeline transport regulations"),
        (".NET", ".net"),
        ("  \t", ""),
    ],
)
def test_normalize_label(text, key):
    assert normalize_label(text) == key


def test_strip_qualifier_only_strips_a_trailing_qualifier():
    assert strip_qualifier("Python (computer programming)") == "Python"
    assert strip_qualifier("MySQL Embedded (OEM/ISV)") == "MySQL Embedded"
    assert strip_qualifier("(computer programming)") is None
    assert strip_qualifier("C++") is None


def test_split_multi_value_accepts_newlines_and_pipes():
    assert split_multi_value("a\nb\n\n") == ["a", "b"]
    assert split_multi_value("a | b") == ["a", "b"]
    assert split_multi_value("") == []
    assert split_multi_value(None) == []


def test_product_names_drop_a_known_vendor_before_a_product_name():
    assert product_names("IBM Informix") == ["Informix"]
    assert product_names("MS Access") == ["Access"]
    assert product_names("Google Sheets") == []  # "Sheets" alone is an everyday word
    assert product_names("Adobe") == []
    assert product_names("Microsoft office applications") == []  # no product name after it
