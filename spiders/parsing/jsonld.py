"""JSON-LD in HTML pages: extract the objects, find the schema.org types we read.

Also holds the small readers of schema.org values (text or object, one or many) that
`parsing.jobposting` and `parsing.credential` share.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urljoin

import lxml.etree
import lxml.html

from spiders.parsing.html_text import html_to_text

_SCHEMA_PREFIXES = ("schema:", "http://schema.org/", "https://schema.org/")
# Properties that hold the page's subject or a list of things, searched by find_typed.
_CONTAINER_KEYS = ("mainEntity", "itemListElement", "item", "itemOffered", "hasPart", "hasCourse")
_WRAPPERS = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"))


def _script_texts(html_text: str) -> list[str]:
    """Text of every `<script type="application/ld+json">`, in document order."""
    if not html_text or not html_text.strip():
        return []
    try:
        root = lxml.html.document_fromstring(html_text)
    except (lxml.etree.ParserError, ValueError):
        try:
            root = lxml.html.document_fromstring(html_text.encode("utf-8"))
        except lxml.etree.ParserError:
            return []
    texts = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").split(";", 1)[0].strip().lower()
        if kind == "application/ld+json":
            texts.append(script.text or "")
    return texts


def _unwrap(text: str) -> str:
    text = text.strip()
    for start, end in _WRAPPERS:
        if text.startswith(start) and text.endswith(end):
            text = text[len(start) : -len(end)].strip()
    return text


def _top_objects(value: object) -> Iterator[dict[str, Any]]:
    """Objects of one block: a single object, an array of them, or an `@graph`."""
    if isinstance(value, list):
        for item in value:
            yield from _top_objects(item)
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if isinstance(graph, list | dict):
            if "@type" in value:
                yield value
            yield from _top_objects(graph)
        else:
            yield value


def jsonld_blocks(html_text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Extract the JSON-LD objects of an HTML page.

    Every `<script type="application/ld+json">` block is read. A block may hold one object,
    an array, or an object with `@graph`; all of them are flattened into one list. A block
    that is not valid JSON is skipped and reported; the other blocks are kept.

    Args:
        html_text: The page's HTML.

    Returns:
        `(objects, errors)`: the objects in document order, and one message per skipped
        block naming its 0-based index, e.g. `"block 1: Expecting ',' delimiter at line 3
        column 5"`.
    """
    objects: list[dict[str, Any]] = []
    errors: list[str] = []
    for index, raw in enumerate(_script_texts(html_text)):
        text = _unwrap(raw)
        if not text:
            errors.append(f"block {index}: empty")
            continue
        try:
            value = json.loads(text, strict=False)  # strict=False: raw newlines in strings
        except json.JSONDecodeError as exc:
            errors.append(f"block {index}: {exc.msg} at line {exc.lineno} column {exc.colno}")
            continue
        if not isinstance(value, dict | list):
            errors.append(f"block {index}: expected an object or array, got {type(value).__name__}")
            continue
        objects.extend(_top_objects(value))
    return objects, errors


def type_names(obj: dict[str, Any]) -> set[str]:
    """The object's `@type` values without `schema:` or `http(s)://schema.org/` prefixes."""
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    out = set()
    for name in names:
        if isinstance(name, str):
            bare = next((name[len(p) :] for p in _SCHEMA_PREFIXES if name.startswith(p)), name)
            out.add(bare.strip())
    return out


def find_typed(objs: Iterable[dict[str, Any]], types: set[str]) -> list[dict[str, Any]]:
    """Find the objects whose `@type` is one of `types`, also inside container properties.

    Besides the top-level objects (in document order), the search descends depth-first
    into the properties that hold a page's subject or a list of things: `mainEntity`,
    `itemListElement`, `item`, `itemOffered`, `hasPart` and `hasCourse`. So a `JobPosting`
    in `WebPage.mainEntity` or a `Course` in an `ItemList` is found, while an `Occupation`'s
    required `qualifications` credential is not. A matched object is not searched further.

    Args:
        objs: Objects from `jsonld_blocks`.
        types: Bare schema.org type names, e.g. `{"Course"}`.

    Returns:
        The matching objects.

    Example:
        `[{"@type": ["schema:Course"], "name": "Physics"}]` with `{"Course"}` -> that object.
    """
    found: list[dict[str, Any]] = []

    def visit(value: object) -> None:
        if isinstance(value, list):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            if type_names(value) & types:
                found.append(value)
                return
            for key in _CONTAINER_KEYS:
                visit(value.get(key))

    for obj in objs:
        visit(obj)
    return found


def as_list(value: object) -> list[Any]:
    """`value` as a list: lists unchanged, `None` as `[]`, anything else wrapped."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def first_dict(value: object) -> dict[str, Any] | None:
    """The first object of a value that may be one object or a list of them."""
    return next((item for item in as_list(value) if isinstance(item, dict)), None)


def text_of(value: object) -> str | None:
    """A schema.org text value: a string, a number, or an object's `name`; first of a list."""
    for item in as_list(value):
        if isinstance(item, str) and item.strip():
            return " ".join(item.split())
        if isinstance(item, int | float) and not isinstance(item, bool):
            return str(item)
        if isinstance(item, dict):
            name = text_of(item.get("name"))
            if name:
                return name
    return None


def number_of(value: object) -> float | None:
    """A number from a number or numeric string (`"1,200.50"` -> `1200.5`), else `None`."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", ""))
        except ValueError:
            return None
    return None


def absolute_url(value: object, page_url: str) -> str | None:
    """An absolute http(s) URL from a string or an `{"@id": ...}` object, resolved on the page."""
    for item in as_list(value):
        ref = item.get("@id") if isinstance(item, dict) else item
        if isinstance(ref, str) and ref.strip():
            url = urljoin(page_url, ref.strip())
            if url.startswith(("http://", "https://")):
                return url
    return None


def description_text(value: object) -> str:
    """A description as clean text; HTML that was escaped once (`&lt;p&gt;`) is unescaped."""
    text = next((item for item in as_list(value) if isinstance(item, str)), "")
    if "<" not in text and "&lt;" in text:
        text = html.unescape(text)
    return html_to_text(text)
