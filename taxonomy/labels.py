"""Label text rules shared by lookup, pattern generation and the ESCO build."""

from __future__ import annotations

import re
import unicodedata

_QUALIFIER = re.compile(r"^(?P<name>.*\S)\s*\((?P<qualifier>[^()]+)\)$")
_VENDOR = re.compile(
    r"^(?P<vendor>Microsoft Office|Microsoft|MS|Adobe|Autodesk|IBM)\s+(?P<product>[A-Z]\S+.*)$"
)
"""Vendors whose product names postings write without them ("Excel", "Photoshop"). Not
Google, Apple or Oracle: "Sheets", "Pages" and "Lite" alone are everyday words."""
_DIGIT_GROUP_COMMA = re.compile(r"(?<=\d),(?=\d{3})")
_MULTI_VALUE_SEPARATOR = re.compile(r"\s*(?:\n|\s\|\s)\s*")


def normalize_label(text: str) -> str:
    """Return the lookup key of a label: NFKC, casefolded, commas and closing ``.;:`` dropped.

    The one normalization shared by every importer, the crosswalk, lookup and the extractor's
    pattern keys. Unicode is NFKC-normalized (full-width letters, ligatures, no-break spaces),
    whitespace is collapsed, and tech-name punctuation is kept (``C++``, ``C#``, ``.NET``,
    ``Node.js``, ``CI/CD``, ``UI/UX``). Commas go because the ESCO v1.1.0 label list and the
    benchmarks write labels without them; stray final punctuation occurs in ESCO labels and
    user input.

    >>> normalize_label("  Make health,  safety;")
    'make health safety'
    >>> normalize_label("Python  (Computer Programming)")
    'python (computer programming)'
    >>> [normalize_label(x) for x in ["C++", "C#", ".NET", "Node.js", "CI/CD", "UI/UX"]]
    ['c++', 'c#', '.net', 'node.js', 'ci/cd', 'ui/ux']
    >>> normalize_label("\uff35\uff29 designer\u00a0")  # full-width letters, no-break space
    'ui designer'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DIGIT_GROUP_COMMA.sub("", text).replace(",", " ")
    return " ".join(text.split()).rstrip(" .;:")


def strip_qualifier(label: str) -> str | None:
    """Return the label without ESCO's trailing parenthesised qualifier, or None if it has none.

    >>> strip_qualifier("Java (computer programming)")
    'Java'
    >>> strip_qualifier("SQL") is None
    True
    """
    match = _QUALIFIER.match(label.strip())
    return match.group("name") if match else None


def product_names(label: str) -> list[str]:
    """Return the names a vendor-prefixed product label is written with in postings.

    The product alone, and for Microsoft Office products also "Microsoft X" and "MS X".

    >>> product_names("Microsoft Office Excel")
    ['Excel', 'Microsoft Excel', 'MS Excel']
    >>> product_names("Adobe Photoshop CC")
    ['Photoshop CC']
    >>> product_names("use spreadsheets software")
    []
    """
    match = _VENDOR.match(label.strip())
    if match is None:
        return []
    product = match.group("product")
    if match.group("vendor") == "Microsoft Office":
        return [product, f"Microsoft {product}", f"MS {product}"]
    return [product]


def split_multi_value(cell: str | None) -> list[str]:
    """Split a multi-valued ESCO CSV cell into its values, dropping empty ones.

    The official export separates values with newlines; the collection files use `` | ``.

    >>> split_multi_value("Haskell techniques | Haskell")
    ['Haskell techniques', 'Haskell']
    """
    if not cell:
        return []
    return [value for value in _MULTI_VALUE_SEPARATOR.split(cell.strip()) if value]


def label_keys(label: str) -> tuple[str, ...]:
    """Return the keys a label matches under: its own and, if qualified, its unqualified form.

    ESCO's parenthesised qualifiers ("Python (computer programming)") and Lightcast's
    ("Python (Programming Language)") must not block matching across taxonomies.

    >>> label_keys("Python (computer programming)")
    ('python (computer programming)', 'python')
    """
    keys = [normalize_label(label)]
    if (bare := strip_qualifier(label)) is not None:
        keys.append(normalize_label(bare))
    return tuple(dict.fromkeys(key for key in keys if key))
