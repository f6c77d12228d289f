"""Countries from location text, and the remote flag.

The tables are deliberately small: a country is only derived when the text names it (or a
city that is unambiguous at our scale), and the answer is `None` otherwise.
"""

from __future__ import annotations

import re

# ISO 3166-1 alpha-2 -> (alpha-3, names and common short forms, lower case).
_COUNTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AE": ("ARE", ("united arab emirates", "uae")),
    "AR": ("ARG", ("argentina",)),
    "AT": ("AUT", ("austria", "österreich")),
    "AU": ("AUS", ("australia",)),
    "BE": ("BEL", ("belgium",)),
    "BR": ("BRA", ("brazil", "brasil")),
    "CA": ("CAN", ("canada",)),
    "CH": ("CHE", ("switzerland", "schweiz")),
    "CN": ("CHN", ("china",)),
    "CO": ("COL", ("colombia",)),
    "CZ": ("CZE", ("czech republic", "czechia")),
    "DE": ("DEU", ("germany", "deutschland")),
    "DK": ("DNK", ("denmark",)),
    "EE": ("EST", ("estonia",)),
    "ES": ("ESP", ("spain", "españa")),
    "FI": ("FIN", ("finland",)),
    "FR": ("FRA", ("france",)),
    "GB": ("GBR", ("united kingdom", "uk", "great britain", "england", "scotland", "wales")),
    "HK": ("HKG", ("hong kong",)),
    "IE": ("IRL", ("ireland",)),
    "IL": ("ISR", ("israel",)),
    "IN": ("IND", ("india",)),
    "IT": ("ITA", ("italy", "italia")),
    "JP": ("JPN", ("japan",)),
    "KR": ("KOR", ("south korea", "korea")),
    "MX": ("MEX", ("mexico", "méxico")),
    "NL": ("NLD", ("netherlands", "the netherlands")),
    "NO": ("NOR", ("norway",)),
    "NZ": ("NZL", ("new zealand",)),
    "PL": ("POL", ("poland", "polska")),
    "PT": ("PRT", ("portugal",)),
    "SE": ("SWE", ("sweden",)),
    "SG": ("SGP", ("singapore",)),
    "US": ("USA", ("united states", "united states of america", "usa", "us", "u.s.")),
    "ZA": ("ZAF", ("south africa",)),
}
# Cities that are, in job postings, practically always the same country.
_CITIES: dict[str, str] = {
    "amsterdam": "NL", "bangalore": "IN", "bengaluru": "IN", "berlin": "DE", "dublin": "IE",
    "edinburgh": "GB", "london": "GB", "madrid": "ES", "munich": "DE", "new york": "US",
    "new york city": "US", "san francisco": "US", "seattle": "US", "sydney": "AU",
    "tel aviv": "IL", "tokyo": "JP", "toronto": "CA",
}  # fmt: skip

_BY_NAME = {name: code for code, (_, names) in _COUNTRIES.items() for name in names}
_BY_ALPHA3 = {alpha3: code for code, (alpha3, _) in _COUNTRIES.items()}
_PART_SEPARATORS = re.compile(r"\s*(?:;|\||/|\bor\b|,)\s*")
_CODE_PREFIX = re.compile(r"^([A-Z]{2})-\S")  # "US-Remote", "US-San Francisco"
_REGION_CODE = re.compile(r"^[A-Z]{2}$")  # "CA" in "San Francisco, CA": a state, skipped
_REMOTE = re.compile(r"\bremote\b", re.IGNORECASE)


def country_code(value: object) -> str | None:
    """Map a country given as ISO code (alpha-2 or alpha-3) or a known name to alpha-2.

    Args:
        value: `"US"`, `"usa"`, `"United Kingdom"`, ...

    Returns:
        The upper-case ISO 3166-1 alpha-2 code, or `None` when not recognised.

    Example:
        >>> country_code("United Kingdom")
        'GB'
    """
    if not isinstance(value, str):
        return None
    text = value.strip().rstrip(".").strip()
    if len(text) == 2 and text.upper() in _COUNTRIES:
        return text.upper()
    if len(text) == 3 and text.upper() in _BY_ALPHA3:
        return _BY_ALPHA3[text.upper()]
    return _BY_NAME.get(text.lower())


def _place_country(place: str) -> str | None:
    """Country of one place: `"Tokyo, Japan"`, `"Japan"`, `"London"` or `"US-Remote"`.

    Bare two-letter codes are not read as countries here: in free text they are mostly
    states or provinces (`"San Francisco, CA"`, `"Indianapolis, IN"`).
    """
    text = place.strip()
    if match := _CODE_PREFIX.match(text):
        return country_code(match.group(1))
    last = text.rsplit(",", 1)[-1].strip().rstrip(".").lower()
    return _BY_NAME.get(last) or _CITIES.get(text.lower())


def country_from_places(places: list[str]) -> str | None:
    """Derive the one country a list of places lies in, or `None` if unknown or several.

    Each place is read whole first (`"New York, NY, United States"` -> `US`); a place that
    does not resolve whole is split on `,`, `;`, `/`, `|` and `or`, two-letter region codes
    are skipped (`"San Francisco, CA"`), and then every other part must resolve to the same
    country.

    Args:
        places: Location strings as written, e.g. Greenhouse office locations.

    Returns:
        An upper-case ISO 3166-1 alpha-2 code, or `None`.

    Example:
        >>> country_from_places(["San Francisco, CA, United States", "Seattle, WA, USA"])
        'US'
    """
    found: set[str] = set()
    for place in places:
        if not place or not place.strip():
            continue
        code = _place_country(place)
        if code is None:
            parts = [
                part
                for part in _PART_SEPARATORS.split(place)
                if part.strip() and not _REGION_CODE.match(part.strip())
            ]
            codes = {_place_country(part) for part in parts}
            if not codes or None in codes or len(codes) > 1:
                return None
            code = codes.pop()
        found.add(code)  # type: ignore[arg-type]  # None was excluded above
    return found.pop() if len(found) == 1 else None


def mentions_remote(*texts: str | None) -> bool | None:
    """Say `True` when any text contains the word "remote", else `None` (not `False`).

    Args:
        *texts: Location, title, or other short labels.

    Returns:
        `True` or `None`: the absence of the word does not prove on-site work.

    Example:
        >>> mentions_remote("US-Remote, US-Chicago")
        True
    """
    return True if any(text and _REMOTE.search(text) for text in texts) else None
