"""The source kinds this installation can crawl: the spiders of the `spiders` project."""

from __future__ import annotations

from functools import cache

from scrapy import Spider
from scrapy.utils.misc import walk_modules

SPIDER_MODULES = "spiders.sites"


@cache
def known_kinds() -> frozenset[str]:
    """Names of every spider in `spiders.sites` (each one a source kind)."""
    kinds: set[str] = set()
    for module in walk_modules(SPIDER_MODULES):
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, Spider)
                and obj.__module__ == module.__name__
                and getattr(obj, "name", None)
            ):
                kinds.add(obj.name)
    return frozenset(kinds)
