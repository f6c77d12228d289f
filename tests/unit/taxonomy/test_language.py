"""Which sentences are foreign: function words of other languages against English stop words."""

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from taxonomy.language import is_foreign


@pytest.mark.parametrize(
    ("sentence", "foreign"),
    [
        ("Wir suchen einen Entwickler mit Erfahrung in Python und Projektmanagement", True),
        ("Nous recherchons un développeur Python avec de l'expérience en SQL", True),
        ("Vi søger en erfaren udvikler med viden om Python og SQL til vores team", True),
        ("We are looking for a Python developer with experience in SQL and data", False),
        ("Python, SQL, Docker, Kubernetes, Terraform, AWS", False),  # no function words
        ("Experience with SAP at Société Générale or Deutsche Bank", False),
        ("", False),
    ],
)
def test_sentences_by_their_function_words(sentence, foreign):
    lowers = sentence.casefold().replace(",", " ").split()
    assert is_foreign(lowers, STOP_WORDS) is foreign
