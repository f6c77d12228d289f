"""Crawl a site through a mirror origin while recording the site's own URLs."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _with_origin(url: str, origin: str) -> str:
    parts, new = urlsplit(url), urlsplit(origin)
    return urlunsplit((new.scheme, new.netloc, parts.path or "/", parts.query, parts.fragment))


@dataclass(frozen=True)
class Mirror:
    """The site a spider was pointed at, and the origin it is fetched from.

    Without a mirror, URLs are fetched as they are. With one (`base_url`), every URL on the
    site's host is fetched from the mirror origin, keeping path and query, and every mirror
    URL maps back to the site for the records, so output does not depend on where the
    mirror runs.

    Attributes:
        site: Origin of the site, e.g. `https://courses.example.org`.
        mirror: Origin to fetch from, e.g. `http://127.0.0.1:8000`, or `None`.

    Example:
        >>> m = Mirror.of("https://courses.example.org/sitemap.xml", "http://127.0.0.1:8000")
        >>> m.to_fetch("https://courses.example.org/c/1?x=2")
        'http://127.0.0.1:8000/c/1?x=2'
        >>> m.to_canonical("http://127.0.0.1:8000/c/1?x=2")
        'https://courses.example.org/c/1?x=2'
    """

    site: str
    mirror: str | None = None

    @classmethod
    def of(cls, url: str, base_url: str | None) -> Mirror:
        """Build the mapping for a start `url` and an optional mirror origin `base_url`.

        Args:
            url: The URL the spider was given.
            base_url: The mirror origin, or `None`.

        Returns:
            The mapping.
        """
        return cls(site=_origin(url), mirror=_origin(base_url) if base_url else None)

    @property
    def site_host(self) -> str:
        """Host name of the site, without port."""
        return _host(self.site)

    @property
    def fetch_host(self) -> str:
        """Host name requests go to (the mirror's when there is one)."""
        return _host(self.mirror or self.site)

    def to_fetch(self, url: str) -> str | None:
        """The URL to request for a URL found on the site, or `None` if it is off-site.

        Args:
            url: An absolute URL from the arguments, robots.txt or a sitemap.

        Returns:
            The URL on the mirror (or unchanged without one); `None` for other hosts.
        """
        if self.mirror and _origin(url) == self.mirror:
            return url
        if _host(url) != self.site_host:
            return None
        return _with_origin(url, self.mirror) if self.mirror else url

    def to_canonical(self, url: str) -> str:
        """The site's URL for a fetched URL (the inverse of `to_fetch`).

        Args:
            url: A URL that was requested (a response URL).

        Returns:
            The URL with the site's origin if it was on the mirror, else `url` unchanged.
        """
        if self.mirror and _origin(url) == self.mirror:
            return _with_origin(url, self.site)
        return url
