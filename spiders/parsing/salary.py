"""Salaries written as free text (`"$10K-$20K"`, `"€50,000 - 60,000 per year"`)."""

from __future__ import annotations

import re
from typing import Any

from spiders.parsing.jsonld import number_of, text_of
from spiders.parsing.vocab import salary_period

_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_CODES = frozenset(
    {"USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR", "SEK", "NOK", "DKK", "PLN", "NZD"}
)
_NUMBER = re.compile(r"(\d{1,3}(?:[,. ]\d{3})+|\d+(?:\.\d+)?)\s*([kKmM])?\b")
_CODE = re.compile(r"\b([A-Z]{3})\b")
_PERIOD = re.compile(
    r"(?:per|/|an?)\s*(hour|hr|day|week|month|mo|year|yr|annum)\b|\b(hourly|daily|weekly|"
    r"monthly|yearly|annually|annual)\b",
    re.IGNORECASE,
)


def _amount(digits: str, suffix: str | None) -> float:
    value = float(re.sub(r"[,. ](?=\d{3}\b)", "", digits))
    if suffix and suffix.lower() == "k":
        value *= 1_000
    elif suffix and suffix.lower() == "m":
        value *= 1_000_000
    return value


def parse_salary_text(text: object) -> dict[str, Any]:
    """Read `salary_min/max/currency/period` from a salary written as text.

    One or two amounts (a range) are read; `k` means thousands. The currency comes from a
    symbol or an ISO code; the period from words such as "per hour", "/yr" or "annual". A
    yearly-looking range (both amounts at least 1,000) without a stated period is `YEAR`.

    Args:
        text: For example `"OTE $25k - $35k"`.

    Returns:
        The four fields (each possibly `None`); `{}` when no amount is found.

    Example:
        >>> parse_salary_text("$10K-$20K")["salary_max"]
        20000.0
    """
    if not isinstance(text, str) or not text.strip():
        return {}
    amounts = [_amount(digits, suffix) for digits, suffix in _NUMBER.findall(text)][:2]
    if not amounts or not any(amounts):
        return {}
    currency = next((code for symbol, code in _SYMBOLS.items() if symbol in text), None)
    if currency is None:
        currency = next((code for code in _CODE.findall(text.upper()) if code in _CODES), None)
    period_match = _PERIOD.search(text)
    period = salary_period(next(g for g in period_match.groups() if g)) if period_match else None
    if period is None and min(amounts) >= 1_000:
        period = "YEAR"
    return {
        "salary_min": min(amounts),
        "salary_max": max(amounts),
        "salary_currency": currency,
        "salary_period": period,
    }


def salary_fields(low: object, high: object, currency: object, period: object) -> dict[str, Any]:
    """`salary_min/max/currency/period` from an API's structured pay values.

    Args:
        low: Minimum (number or numeric string).
        high: Maximum.
        currency: ISO 4217 code in any case.
        period: A period label (`"per-year-salary"`, `"1 YEAR"`, `"month"`, ...).

    Returns:
        The four fields; unreadable values are `None`.

    Example:
        >>> salary_fields(50000, "70000", "usd", "per-year-salary")["salary_currency"]
        'USD'
    """
    code = text_of(currency)
    return {
        "salary_min": number_of(low),
        "salary_max": number_of(high),
        "salary_currency": code.upper() if code else None,
        "salary_period": salary_period(period),
    }
