"""Salary text, employer keys, dedupe keys, language detection and the enrich pipeline."""

import pytest
from scrapy.utils.test import get_crawler

from spiders.item_pipelines import EnrichPipeline
from spiders.items import JobPosting
from spiders.parsing.employer import dedupe_key, employer_key, title_key
from spiders.parsing.language import detect_language
from spiders.parsing.salary import parse_salary_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$10K-$20K", (10000.0, 20000.0, "USD", "YEAR")),
        ("€50.000 - 60.000 per year", (50000.0, 60000.0, "EUR", "YEAR")),
        ("£18 - £22 an hour", (18.0, 22.0, "GBP", "HOUR")),
        ("CHF 9,000 monthly", (9000.0, 9000.0, "CHF", "MONTH")),
    ],
)
def test_salary_text(text, expected):
    got = parse_salary_text(text)
    assert (
        got["salary_min"],
        got["salary_max"],
        got["salary_currency"],
        got["salary_period"],
    ) == expected


@pytest.mark.parametrize("text", ["Competitive", "", None, "DOE"])
def test_salary_text_without_amount(text):
    assert parse_salary_text(text) == {}


def test_employer_keys_drop_legal_forms_only_at_the_end():
    assert employer_key("Example Analytics GmbH & Co. KG") == "example analytics"
    assert employer_key("Inc.") == "inc"  # a name that is only a legal form stays
    assert employer_key("Société Générale S.A.") == "societe generale s a"
    assert title_key("Werkstudent Marketing (w/m/d)") == "werkstudent marketing"


def test_dedupe_key_needs_employer_and_title():
    assert dedupe_key(None, "Data Engineer", "DE", None) is None
    assert dedupe_key("Acme", "", "DE", None) is None
    berlin = dedupe_key("Acme", "Data Engineer", "DE", "Berlin")
    assert berlin != dedupe_key("Acme", "Data Engineer", "FR", None)
    assert dedupe_key("Acme", "Data Engineer", None, "Remote") == dedupe_key(
        "ACME Ltd", "data engineer", None, "remote"
    )


def test_language_detection_is_unsure_on_short_text():
    assert detect_language("Data Engineer") is None
    assert detect_language(None) is None
    text = "Wir suchen eine erfahrene Kollegin für unser Team in Hamburg, die mit Daten arbeitet."
    assert detect_language(text) == "de"


def test_enrich_pipeline_sets_language_and_key():
    pipeline = EnrichPipeline.from_crawler(get_crawler())
    posting = JobPosting(
        source="s",
        source_id="1",
        url="https://x/1",
        title="Développeur Python",
        employer="Acme SAS",
        country="FR",
        description="Nous recherchons un développeur pour rejoindre notre équipe à Lyon et Paris.",
        crawled_at="2026-08-05T00:00:00Z",
    )
    out = pipeline.process_item(posting)
    assert out.language == "fr"
    assert out.dedupe_key == dedupe_key("Acme", "Développeur Python", "FR", None)
    assert pipeline.stats.get_value("skillsignal/language_detected") == 1
    given = JobPosting(source="s", source_id="2", url="u", title="T", language="en", crawled_at="c")
    assert pipeline.process_item(given).language == "en"
