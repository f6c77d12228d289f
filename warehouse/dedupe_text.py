"""Comparison forms of posting fields for near-duplicate detection (`warehouse.dedupe`).

The crawl's `dedupe_key` uses the same employer/title rules (spiders.parsing.employer); the
warehouse cannot import the spiders, so the few rules it needs for blocking live here too.
"""

from __future__ import annotations

import re
import unicodedata

_LEGAL = frozenset(
    {
        "ab", "ag", "as", "asa", "bv", "co", "company", "corp", "corporation", "gmbh", "inc",
        "incorporated", "kg", "limited", "llc", "llp", "lp", "ltd", "nv", "oy", "plc", "pty",
        "sa", "sarl", "sas", "se", "spa", "sl", "srl", "ug",
    }
)  # fmt: skip
_GENDER = re.compile(r"\(\s*[mwfdhx]\s*(?:/\s*[mwfdhx*]\s*)+\)|\b[mwf]/[mwf](?:/[dx])?\b", re.I)
_PUNCT = re.compile(r"[^\w]+")
# Words saying "anywhere": a location made only of these does not rule a match out.
_ANYWHERE = frozenset(
    {"remote", "worldwide", "anywhere", "global", "hybrid", "distributed", "home", "office"}
)
# Country names (and common forms) that are not a city: a bare country is unspecific.
_COUNTRIES = frozenset(
    {
        "australia", "austria", "belgium", "brazil", "canada", "china", "denmark", "deutschland",
        "emea", "europe", "finland", "france", "germany", "india", "ireland", "italy", "japan",
        "mexico", "netherlands", "norway", "poland", "portugal", "singapore", "spain", "sweden",
        "switzerland", "uk", "united kingdom", "united states", "us", "usa", "apac", "latam",
    }
)  # fmt: skip


def fold(text: str | None) -> str:
    """Lower case, accents removed, punctuation as single spaces.

    Example:
        >>> fold("  Café-Bar, Zürich!")
        'cafe bar zurich'
    """
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_PUNCT.sub(" ", plain).split())


def employer_key(name: str | None) -> str:
    """Employer without case, accents, punctuation or trailing legal forms (`""` if none).

    Example:
        >>> employer_key("Acme Analytics GmbH"), employer_key("Stripe, Inc.")
        ('acme analytics', 'stripe')
    """
    words = fold(name).split()
    while len(words) > 1 and words[-1] in _LEGAL:
        words.pop()
    return " ".join(words)


def title_key(title: str | None) -> str:
    """Title without gender markers, case, accents or punctuation.

    Example:
        >>> title_key("Data Engineer (m/w/d)")
        'data engineer'
    """
    return fold(_GENDER.sub(" ", title or ""))


def cities(location: str | None) -> frozenset[str]:
    """The specific places of a location text: the first part of each `;`-separated entry.

    Remote/worldwide entries and bare country names are left out; an empty set means the
    location says nothing that could rule a match out.

    Example:
        >>> sorted(cities("Berlin, DE; München, Bayern, Germany; Remote"))
        ['berlin', 'munchen']
    """
    found = set()
    for entry in (location or "").split(";"):
        head = fold(entry.split(",")[0])
        words = set(head.split())
        if not head or words & _ANYWHERE or head in _COUNTRIES:
            continue
        found.add(head.removeprefix("us ").removeprefix("greater "))
    return frozenset(found)


def description_text(description: str | None, limit: int = 4000) -> str:
    """Folded description, cut at ``limit`` characters (the start identifies a posting).

    Example:
        >>> description_text("We build: - *fast* APIs")
        'we build fast apis'
    """
    return fold((description or "")[:limit])
