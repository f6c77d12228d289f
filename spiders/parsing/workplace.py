"""Where the work happens: `REMOTE`, `HYBRID` or `ON_SITE`, and the records' `remote` flag."""

from __future__ import annotations

from typing import Any

from spiders.parsing.places import country_code, country_from_places

_WORKPLACE = {
    "remote": "REMOTE", "fully remote": "REMOTE", "telecommute": "REMOTE",
    "hybrid": "HYBRID",
    "on site": "ON_SITE", "onsite": "ON_SITE", "in office": "ON_SITE", "office": "ON_SITE",
}  # fmt: skip


def workplace_type(value: object) -> str | None:
    """Map a board's workplace label (`"hybrid"`, `"OnSite"`, `"on-site"`) to our vocabulary.

    Example:
        >>> workplace_type("OnSite"), workplace_type("unspecified")
        ('ON_SITE', None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip().lower().replace("-", " ").replace("_", " ")
    return _WORKPLACE.get(text) or _WORKPLACE.get(text.replace("onsite", "on site"))


def remote_flag(workplace: str | None, remote: object = None) -> bool | None:
    """`remote` from a board's own boolean, else from the workplace type.

    Example:
        >>> remote_flag("HYBRID"), remote_flag(None, True), remote_flag("REMOTE")
        (False, True, True)
    """
    if isinstance(remote, bool):
        return remote
    if workplace is None:
        return None
    return workplace == "REMOTE"


def country_of(codes: list[Any], places: list[str | None]) -> str | None:
    """The one country named by codes (ISO or names), else by place texts; `None` if several.

    Example:
        >>> country_of(["FR", "France"], ["Paris"]), country_of([], ["Lyon, France"])
        ('FR', 'FR')
    """
    found = {country_code(code) for code in codes if isinstance(code, str) and code.strip()}
    if found:
        return found.pop() if len(found) == 1 and None not in found else None
    texts = [place for place in places if place]
    return country_from_places(texts) if texts else None
