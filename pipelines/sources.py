"""The source kinds this installation can crawl: the spiders of the `spiders` project."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from scrapy import Spider

SPIDER_PACKAGE = "spiders.sites"


@cache
def known_kinds() -> frozenset[str]:
    """Names of every spider in `spiders.sites` (each one a source kind)."""
    package = importlib.import_module(SPIDER_PACKAGE)
    kinds: set[str] = set()
    for info in pkgutil.iter_modules(package.__path__, f"{SPIDER_PACKAGE}."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, Spider)
                and obj.__module__ == module.__name__
                and getattr(obj, "name", None)
            ):
                kinds.add(obj.name)
    return frozenset(kinds)
