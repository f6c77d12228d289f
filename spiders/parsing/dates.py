"""Dates, timestamps and ISO 8601 durations in the shapes the crawl records use."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# ISO 8601 duration: PnYnMnWnDTnHnMnS, every part optional.
_DURATION = re.compile(
    r"^P(?:(?P<years>\d+(?:[.,]\d+)?)Y)?(?:(?P<months>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<weeks>\d+(?:[.,]\d+)?)W)?(?:(?P<days>\d+(?:[.,]\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:[.,]\d+)?)H)?(?:(?P<minutes>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:[.,]\d+)?)S)?)?$",
    re.IGNORECASE,
)


def format_utc(moment: datetime) -> str:
    """Format an aware datetime as ISO 8601 UTC with a `Z` suffix, to the second.

    Args:
        moment: A timezone-aware datetime.

    Returns:
        For example `"2026-07-30T10:59:38Z"`.
    """
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_epoch(value: object, *, millis: bool = False) -> str | None:
    """Format a Unix timestamp (seconds, or milliseconds with `millis`) as ISO 8601 UTC.

    Example:
        >>> from_epoch(1553186035299, millis=True)
        '2019-03-21T16:33:55Z'
    """
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        return None
    return format_utc(datetime.fromtimestamp(value / 1000 if millis else value, tz=UTC))


def to_utc_iso(value: object, *, assume_utc: bool = False) -> str | None:
    """Normalise a date or timestamp to the contract's form.

    A timestamp with an offset (or a trailing ` UTC`) becomes UTC (`...Z`); a plain date
    stays a date. A timestamp without an offset is ambiguous, so only its date is kept,
    unless the source documents its times as UTC (`assume_utc=True`).

    Args:
        value: A string such as `"2026-07-30T06:59:38-04:00"` or `"2026-07-30"`.
        assume_utc: Read a timestamp without an offset as UTC.

    Returns:
        `"2026-07-30T10:59:38Z"`, `"2026-07-30"`, or `None` when unparseable or not a string.

    Example:
        >>> to_utc_iso("2026-07-30T06:59:38-04:00")
        '2026-07-30T10:59:38Z'
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.endswith(" UTC"):
        text, assume_utc = text[:-4], True
    if _DATE_ONLY.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        moment = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        if not assume_utc:
            return moment.date().isoformat()
        moment = moment.replace(tzinfo=UTC)
    return format_utc(moment)


def duration_hours(value: object) -> float | None:
    """Convert an ISO 8601 duration of hours, minutes and seconds to hours.

    Calendar parts (years, months, weeks, days) describe how long something runs, not how
    much effort it takes, so a duration that has them gives `None`.

    Args:
        value: A duration string such as `"PT20H"` or `"PT1H30M"`.

    Returns:
        The number of hours, or `None` when the value is not a pure time duration.

    Example:
        >>> duration_hours("PT1H30M")
        1.5
    """
    if not isinstance(value, str):
        return None
    match = _DURATION.match(value.strip())
    if not match or not any(match.groupdict().values()):
        return None
    parts = {key: float(num.replace(",", ".")) for key, num in match.groupdict().items() if num}
    if parts.keys() & {"years", "months", "weeks", "days"}:
        return None
    hours = parts.get("hours", 0.0)
    hours += parts.get("minutes", 0.0) / 60 + parts.get("seconds", 0.0) / 3600
    return round(hours, 4)
