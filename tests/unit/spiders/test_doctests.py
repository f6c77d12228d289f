"""The docstring examples of the spiders package run as tests."""

import doctest
import importlib

import pytest

MODULES = [
    "spiders.middlewares",
    "spiders.mirror",
    "spiders.parsing.employer",
    "spiders.parsing.language",
    "spiders.parsing.payload",
    "spiders.parsing.salary",
    "spiders.parsing.smartrecruiters",
    "spiders.parsing.workplace",
    "spiders.credential_checks",
    "spiders.parsing.coursera",
    "spiders.parsing.credential_fields",
    "spiders.parsing.credly",
    "spiders.parsing.ctdl",
    "spiders.parsing.dates",
    "spiders.parsing.html_text",
    "spiders.parsing.places",
    "spiders.parsing.vocab",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
