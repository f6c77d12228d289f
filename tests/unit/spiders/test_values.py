"""Small value normalisers: dates, durations, countries, remote, vocabularies."""

import pytest

from spiders.parsing.dates import duration_hours, to_utc_iso
from spiders.parsing.places import country_code, country_from_places, mentions_remote
from spiders.parsing.vocab import employment_type, language_code, salary_period


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-07-30T06:59:38-04:00", "2026-07-30T10:59:38Z"),
        ("2026-07-30T10:59:38Z", "2026-07-30T10:59:38Z"),
        ("2026-07-30T10:59:38.123+00:00", "2026-07-30T10:59:38Z"),
        ("2026-07-30", "2026-07-30"),
        ("2026-07-30T10:59:38", "2026-07-30"),
        ("2026-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20260730, None),
    ],
)
def test_to_utc_iso(value, expected):
    assert to_utc_iso(value) == expected


@pytest.mark.parametrize(
    ("value", "hours"),
    [("PT20H", 20.0), ("PT1H30M", 1.5), ("pt90m", 1.5), ("PT0.5H", 0.5), ("P3W", None),
     ("P1DT2H", None), ("P", None), ("PT", None), ("20 hours", None), (None, None)],
)  # fmt: skip
def test_duration_hours(value, hours):
    assert duration_hours(value) == hours


@pytest.mark.parametrize(
    ("value", "code"),
    [("US", "US"), ("us", "US"), ("USA", "US"), ("United Kingdom", "GB"), ("gbr", "GB"),
     ("Deutschland", "DE"), ("Narnia", None), ("", None), (None, None)],
)  # fmt: skip
def test_country_code(value, code):
    assert country_code(value) == code


@pytest.mark.parametrize(
    ("places", "code"),
    [
        (["London"], "GB"),
        (["Japan"], "JP"),
        (["Tokyo, Japan"], "JP"),
        (["New York, NY, United States", "Seattle, WA, USA"], "US"),
        (["US-Remote, US-San Francisco, US-Chicago"], "US"),
        (["San Francisco, CA"], "US"),
        (["Toronto, ON"], "CA"),
        (["SF, NYC, SEA, CHI"], None),
        (["Indianapolis, IN"], None),  # IN is Indiana here, not India
        (["London, Ontario"], None),
        (["London", "Berlin"], None),
        (["Remote"], None),
        ([], None),
    ],
)
def test_country_from_places_is_null_unless_unambiguous(places, code):
    assert country_from_places(places) == code


def test_mentions_remote():
    assert mentions_remote("US-Remote, US-Chicago") is True
    assert mentions_remote(None, "Remote Data Analyst") is True
    assert mentions_remote("London", "Remotely interesting") is None
    assert mentions_remote(None) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("FULL_TIME", "FULL_TIME"), ("Full-time", "FULL_TIME"), ("full time", "FULL_TIME"),
     (["FULL_TIME", "PART_TIME", "full-time"], "FULL_TIME,PART_TIME"), ("Contract", "CONTRACTOR"),
     ("Werkstudent", "WERKSTUDENT"), ([], None), ("", None), (None, None)],
)  # fmt: skip
def test_employment_type(value, expected):
    assert employment_type(value) == expected


@pytest.mark.parametrize(
    ("value", "period"),
    [("HOUR", "HOUR"), ("per year", "YEAR"), ("Monthly", "MONTH"), ("per annum", "YEAR"),
     ("fortnight", None), (None, None)],
)  # fmt: skip
def test_salary_period(value, period):
    assert salary_period(value) == period


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("pt_BR", "pt"),
        ("English", "en"),
        ("Klingon", None),
        (None, None),
    ],
)
def test_language_code(value, code):
    assert language_code(value) == code
