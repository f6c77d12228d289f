"""Comparison keys for employers, titles and places, and the cross-source `dedupe_key`.

Display names stay as the source writes them (`Credit Wellness, LLC`); the keys here are
only for comparing: lower case, accents and punctuation removed, legal-form suffixes
(`Inc.`, `GmbH`, `Ltd`, ...) and gender markers in titles (`(m/w/d)`) dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_LEGAL_FORMS = frozenset(
    {
        "ab", "ag", "as", "asa", "bv", "co", "company", "corp", "corporation", "gmbh", "inc",
        "incorporated", "kg", "limited", "llc", "llp", "lp", "ltd", "nv", "oy", "plc", "pty",
        "sa", "sarl", "sas", "se", "spa", "sl", "srl", "ug",
    }
)  # fmt: skip
_GENDER_MARKER = re.compile(r"\(\s*[mwfdhx]\s*(?:/\s*[mwfdhx*]\s*)+\)|\b[mwf]/[mwf](?:/[dx])?\b")
_NON_WORD = re.compile(r"[^\w]+")


def _fold(text: str) -> str:
    """Lower case without accents, punctuation as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NON_WORD.sub(" ", plain).split())


def employer_key(name: str | None) -> str:
    """Compare employer names without legal forms, case, accents or punctuation.

    Args:
        name: The employer's display name.

    Returns:
        The key, `""` for no name.

    Example:
        >>> employer_key("Credit Wellness, LLC"), employer_key("Zalando SE")
        ('credit wellness', 'zalando')
    """
    words = _fold(name or "").replace("gmbh co kg", "gmbh").split()
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def title_key(title: str | None) -> str:
    """Compare job titles without gender markers, case, accents or punctuation.

    Example:
        >>> title_key("Data Engineer (m/w/d) - Python")
        'data engineer python'
    """
    return _fold(_GENDER_MARKER.sub(" ", title or ""))


def dedupe_key(
    employer: str | None, title: str | None, country: str | None, location: str | None
) -> str | None:
    r"""The key shared by copies of one job on several boards (16 hex digits).

    It is `sha256(employer_key \\x1f title_key \\x1f place)[:16]`, where place is the
    country code when known, else the folded location text, else `""`. Without an employer
    or a title there is nothing to compare, so the key is `None`.

    Args:
        employer: Display name of the employer.
        title: The posting's title.
        country: ISO 3166-1 alpha-2 code or `None`.
        location: Location text as written, or `None`.

    Returns:
        The key, or `None`.

    Example:
        >>> a = dedupe_key("Acme GmbH", "Data Engineer (m/w/d)", "DE", "Berlin")
        >>> a == dedupe_key("ACME", "Data engineer", "DE", None)
        True
    """
    employer_part, title_part = employer_key(employer), title_key(title)
    if not employer_part or not title_part:
        return None
    place = country.upper() if country else _fold(location or "")
    text = "\x1f".join((employer_part, title_part, place))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
