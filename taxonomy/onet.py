"""Import O*NET Technology Skills (``Technology Skills.xlsx`` or the tab-delimited ``.txt``).

Columns: ``O*NET-SOC Code, Title, Example, Commodity Code, Commodity Title, Hot Technology,
In Demand``. One row per (occupation, technology example); this import makes one skill per
distinct example, ``source_id = "<commodity code>:<example>"``, with the commodity title as its
category and ``hot``/``in demand`` flags when any occupation sets them (``skill_type``).

Reading ``.xlsx`` needs the optional extra ``skillsignal[onet]`` (openpyxl).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from taxonomy.checksum import files_import
from taxonomy.errors import TaxonomyError
from taxonomy.model import Concept, Relation, SourceImport, SourceSkill

ONET_SOURCE = "onet"
REQUIRED_COLUMNS = ("Example", "Commodity Code", "Commodity Title")
_FLAGS = ("Hot Technology", "In Demand")


def import_onet(path: Path, *, release: str = "29.2") -> SourceImport:
    """Read O*NET technology skills into a ``SourceImport``.

    Example: ``import_onet(Path("Technology Skills.xlsx")).skills[0].source`` -> ``"onet"``

    Raises:
        TaxonomyError: unreadable file, no openpyxl for ``.xlsx``, missing columns (file:line).
    """
    examples: dict[str, dict[str, Any]] = {}
    for line, row in _rows(path):
        example = " ".join(str(row["Example"] or "").split())
        code = str(row["Commodity Code"] or "").strip()
        if not example or not code:
            raise TaxonomyError(f"{path}:{line}: a row needs an Example and a Commodity Code")
        entry = examples.setdefault(
            f"{code}:{example}",
            {"label": example, "code": code, "title": row["Commodity Title"], "flags": set()},
        )
        entry["flags"].update(flag for flag in _FLAGS if str(row.get(flag) or "") == "Y")
    concepts = {
        entry["code"]: Concept(
            f"onet:commodity:{entry['code']}", "skill_group", entry["title"], entry["code"]
        )
        for entry in examples.values()
    }
    skills = tuple(
        SourceSkill(
            ONET_SOURCE,
            source_id,
            entry["label"],
            category=f"onet:commodity:{entry['code']}",
            skill_type=", ".join(sorted(entry["flags"])).casefold() or None,
        )
        for source_id, entry in examples.items()
    )
    relations = tuple(Relation(s.source_id, s.category or "", "member") for s in skills)
    return files_import(
        ONET_SOURCE, release, [path], skills, concepts=concepts.values(), relations=relations
    )


def _rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    if path.suffix.lower() == ".xlsx":
        header, rows = _xlsx_rows(path)
    else:
        header, rows = _text_rows(path)
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise TaxonomyError(f"{path}:1: missing required column(s): {', '.join(missing)}")
    for line, values in enumerate(rows, start=2):
        yield line, dict(zip(header, values, strict=False))


def _xlsx_rows(path: Path) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    try:
        import openpyxl  # noqa: PLC0415 - optional extra, needed only for .xlsx
    except ImportError as exc:
        msg = f"{path}: reading .xlsx needs openpyxl: pip install 'skillsignal[onet]'"
        raise TaxonomyError(msg) from exc
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except (OSError, ValueError, KeyError) as exc:
        raise TaxonomyError(f"{path}: not a readable Excel file: {exc}") from exc
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = [str(cell or "") for cell in next(rows, ())]
    return header, rows


def _text_rows(path: Path) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"{path}: not a readable UTF-8 text file: {exc}") from exc
    reader = csv.reader(lines, delimiter="\t")
    header = next(reader, [])
    return header, (tuple(row) for row in reader)
