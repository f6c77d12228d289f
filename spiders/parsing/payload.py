"""The list of job objects inside an API payload, checked against the documented shape."""

from __future__ import annotations

from typing import Any

from spiders.errors import PayloadError


def job_objects(payload: Any, *path: str) -> list[dict[str, Any]]:
    """The objects of the list at `path` in `payload` (the payload itself for no path).

    Args:
        payload: Decoded JSON.
        *path: Keys leading to the list, e.g. `"SearchResult", "SearchResultItems"`.

    Returns:
        The list's objects; other elements (strings, nulls) are skipped.

    Raises:
        PayloadError: Something on the path is missing or the end is not a list.

    Example:
        >>> job_objects({"jobs": [{"id": 1}, None]}, "jobs")
        [{'id': 1}]
    """
    value = payload
    for key in path:
        if not isinstance(value, dict) or key not in value:
            raise PayloadError(f"expected an object with {'.'.join(path)!r}")
        value = value[key]
    if not isinstance(value, list):
        raise PayloadError(f"expected a list at {'.'.join(path) or 'the top level'!r}")
    return [item for item in value if isinstance(item, dict)]
