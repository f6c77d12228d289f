"""Errors raised by the `spiders` package (Scrapy's own `DropItem`/`NotConfigured` aside)."""

from __future__ import annotations


class SpidersError(Exception):
    """Base class of the errors this package raises."""


class SpiderArgumentError(SpidersError, ValueError):
    """A spider argument (`-a name=value`) is missing, unknown or invalid.

    Raised from the spider's `__init__`, before any request; the pydantic
    `ValidationError` with every detail is its `__cause__`.
    """


class PayloadError(SpidersError, ValueError):
    """A response body parsed, but does not have the shape its source documents."""
