"""Small controlled vocabularies of the crawl records: employment type, pay period, language."""

from __future__ import annotations

import re

# schema.org / Google JobPosting employmentType values, and common spellings of them.
_EMPLOYMENT_TYPES = {
    "full time": "FULL_TIME", "fulltime": "FULL_TIME", "permanent": "FULL_TIME",
    "part time": "PART_TIME", "parttime": "PART_TIME",
    "contract": "CONTRACTOR", "contractor": "CONTRACTOR", "freelance": "CONTRACTOR",
    "temporary": "TEMPORARY", "temp": "TEMPORARY", "fixed term": "TEMPORARY",
    "intern": "INTERN", "internship": "INTERN",
    "volunteer": "VOLUNTEER", "per diem": "PER_DIEM", "other": "OTHER",
}  # fmt: skip
_PERIODS = {
    "hour": "HOUR", "hourly": "HOUR", "per hour": "HOUR", "hr": "HOUR",
    "day": "DAY", "daily": "DAY", "per day": "DAY",
    "week": "WEEK", "weekly": "WEEK", "per week": "WEEK",
    "month": "MONTH", "monthly": "MONTH", "per month": "MONTH",
    "year": "YEAR", "yearly": "YEAR", "annual": "YEAR", "annually": "YEAR", "per year": "YEAR",
    "annum": "YEAR", "per annum": "YEAR", "a year": "YEAR", "yr": "YEAR", "pa": "YEAR",
    "a month": "MONTH", "mo": "MONTH", "an hour": "HOUR", "a day": "DAY", "a week": "WEEK",
}  # fmt: skip
# Decorations around a period: Lever "per-year-salary", Ashby "1 YEAR", "per hour wage".
_PERIOD_NOISE = re.compile(r"^(?:1|one)\s+|\s+(?:salary|wage|rate)$")
# Language names seen in schema.org inLanguage, and their ISO 639-1 codes.
_LANGUAGE_NAMES = {
    "english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it",
    "portuguese": "pt", "dutch": "nl", "japanese": "ja", "chinese": "zh", "korean": "ko",
    "polish": "pl", "swedish": "sv", "russian": "ru", "arabic": "ar", "hindi": "hi",
}  # fmt: skip
_LANGUAGE_TAG = re.compile(r"^([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]{1,8})*$")
_WORD_SEPARATORS = re.compile(r"[\s_\-]+")


def employment_type(value: object) -> str | None:
    """Normalise one employment type or a list of them to schema.org enumeration names.

    Known spellings map to `FULL_TIME`, `PART_TIME`, `CONTRACTOR`, `TEMPORARY`, `INTERN`,
    `VOLUNTEER`, `PER_DIEM`, `OTHER`; anything else is kept, upper-cased with underscores.
    Several values are joined by `","` in order, without repeats.

    Args:
        value: A string such as `"Full-time"` or a list such as `["FULL_TIME", "PART_TIME"]`.

    Returns:
        For example `"FULL_TIME,PART_TIME"`, or `None` when there is nothing.

    Example:
        >>> employment_type(["Full-time", "CONTRACTOR"])
        'FULL_TIME,CONTRACTOR'
    """
    values = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in values:
        if not isinstance(item, str) or not item.strip():
            continue
        words = _WORD_SEPARATORS.sub(" ", item.strip().lower())
        code = _EMPLOYMENT_TYPES.get(words) or words.upper().replace(" ", "_")
        if code not in out:
            out.append(code)
    return ",".join(out) or None


def known_employment_type(value: object) -> str | None:
    """Find a known employment type in a label such as `"Regular Full Time (Salary)"`.

    Unlike `employment_type`, unknown labels give `None` instead of being kept.

    Args:
        value: A free-text label.

    Returns:
        The schema.org name of the first known type the label names, or `None`.

    Example:
        >>> known_employment_type("Regular Full Time (Salary)")
        'FULL_TIME'
    """
    if not isinstance(value, str):
        return None
    words = f" {_WORD_SEPARATORS.sub(' ', value.strip().lower())} "
    for spelling, code in _EMPLOYMENT_TYPES.items():
        if f" {spelling} " in words:
            return code
    return None


def salary_period(value: object) -> str | None:
    """Map a schema.org `unitText` to `HOUR`, `DAY`, `WEEK`, `MONTH` or `YEAR`.

    Args:
        value: For example `"HOUR"`, `"per year"`, `"monthly"`.

    Returns:
        The period, or `None` when not recognised.

    Example:
        >>> salary_period("per annum"), salary_period("per-year-salary"), salary_period("1 HOUR")
        ('YEAR', 'YEAR', 'HOUR')
    """
    if not isinstance(value, str):
        return None
    words = _WORD_SEPARATORS.sub(" ", value.strip().lower())
    return _PERIODS.get(words) or _PERIODS.get(_PERIOD_NOISE.sub("", words))


def language_code(value: object) -> str | None:
    """Reduce a BCP 47 tag (`"en-GB"`) or a common English language name to ISO 639-1.

    Args:
        value: A language tag or name.

    Returns:
        The lower-case two-letter code, or `None` when not recognised.

    Example:
        >>> language_code("en-GB")
        'en'
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if match := _LANGUAGE_TAG.match(text):
        return match.group(1).lower()
    return _LANGUAGE_NAMES.get(text.lower())
