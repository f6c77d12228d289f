"""Exceptions raised by the warehouse package.

Every error the library raises derives from `WarehouseError`, so callers (the CLI) can catch one
class and turn it into an exit code.
"""


class WarehouseError(Exception):
    """Base class for all warehouse errors."""


class WarehouseLockedError(WarehouseError):
    """The DuckDB file is locked by another process (a writer, or readers when we want to write)."""


class MigrationError(WarehouseError):
    """A schema migration or a view file failed to apply."""
