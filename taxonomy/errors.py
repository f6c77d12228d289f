"""Errors raised by the taxonomy package."""


class TaxonomyError(Exception):
    """A taxonomy file or source table is missing, unreadable or malformed."""
