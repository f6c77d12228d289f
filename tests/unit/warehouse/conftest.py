"""Fixtures for warehouse tests: fresh warehouses, fixture files, a toy vocabulary.

Building a warehouse (migrations, views, loads) costs ~0.1-0.3 s, so each state is built once
per session into a template file and every test gets its own byte copy of it.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from warehouse import (
    apply_migrations,
    apply_views,
    compute_scores,
    connect,
    documents_for_extraction,
    link_credential_skills,
    load_credentials,
    load_postings,
    load_taxonomy,
    replace_mentions,
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "warehouse"
T1 = datetime(2026, 7, 30, 6, 0)

# Toy vocabulary: (skill_id, preferred label, alt labels).
TOY_SKILLS = [
    ("toy:python", "Python", []),
    ("toy:sql", "SQL", []),
    ("toy:docker", "Docker", []),
    ("toy:kubernetes", "Kubernetes", ["k8s"]),
    ("toy:data-analysis", "data analysis", []),
    ("toy:communication", "communication", ["communicating"]),
    ("toy:excel", "Excel", []),
]


def _build_empty(connection: duckdb.DuckDBPyConnection) -> None:
    apply_migrations(connection)
    apply_views(connection)


def _copy_of(template: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open a private byte copy of a template file: the same state, built only once."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copyfile(template, path)
    with connect(path) as connection:
        yield connection


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("templates") / "empty.duckdb"
    with connect(path) as connection:
        _build_empty(connection)
    return path


@pytest.fixture
def con(empty_template: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh warehouse (migrations + views applied) in a tmp file of its own."""
    yield from _copy_of(empty_template, tmp_path)


@pytest.fixture
def postings_path() -> Path:
    return FIXTURES / "postings.jsonl"


@pytest.fixture
def credentials_path() -> Path:
    return FIXTURES / "credentials.jsonl"


@pytest.fixture
def fixture_records() -> Callable[[str], list[dict[str, Any]]]:
    def read(name: str) -> list[dict[str, Any]]:
        lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    return read


@pytest.fixture
def write_jsonl(tmp_path: Path) -> Callable[..., Path]:
    """Write records (dicts) or raw lines (str) to a JSONL file in tmp_path."""
    counter = iter(range(1000))

    def write(items: list[dict[str, Any] | str], name: str | None = None) -> Path:
        path = tmp_path / (name or f"batch{next(counter)}.jsonl")
        lines = [item if isinstance(item, str) else json.dumps(item) for item in items]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


MENTION_SCHEMA = pa.schema(
    [
        ("doc_kind", pa.string()),
        ("doc_key", pa.string()),
        ("skill_id", pa.string()),
        ("start_char", pa.int64()),
        ("end_char", pa.int64()),
        ("surface", pa.string()),
        ("method", pa.string()),
        ("confidence", pa.float64()),
        ("content_hash", pa.string()),
    ]
)


def _toy_tables() -> tuple[pa.Table, pa.Table]:
    skills = pa.table(
        {
            "skill_id": [skill_id for skill_id, _, _ in TOY_SKILLS],
            "preferred_label": [label for _, label, _ in TOY_SKILLS],
            "description": [None] * len(TOY_SKILLS),
            "skill_type": ["skill/competence"] * len(TOY_SKILLS),
            "source": ["toy"] * len(TOY_SKILLS),
        }
    )
    rows = [
        {"skill_id": skill_id, "label": label, "label_kind": kind}
        for skill_id, preferred, alts in TOY_SKILLS
        for label, kind in [(preferred, "preferred"), *((alt, "alt") for alt in alts)]
    ]
    return skills, pa.Table.from_pylist(rows)


def _install_toy(connection: duckdb.DuckDBPyConnection, skills: pa.Table, labels: pa.Table) -> str:
    return load_taxonomy(
        connection,
        skills,
        labels,
        source="toy",
        version="1",
        attribution="toy data",
        checksum="c0ffee0000000001",
        imported_at=T1,
    )


def _fake_extractor(labels: pa.Table) -> Callable[[pa.Table], pa.Table]:
    """Stand-in for taxonomy.extract_mentions: whole-word, case-insensitive label hits."""
    patterns = [
        (row["skill_id"], re.compile(rf"(?<!\w){re.escape(row['label'])}(?!\w)", re.IGNORECASE))
        for row in labels.to_pylist()
    ]

    def extract(documents: pa.Table) -> pa.Table:
        rows = [
            {
                "doc_kind": doc["doc_kind"],
                "doc_key": doc["doc_key"],
                "skill_id": skill_id,
                "start_char": hit.start(),
                "end_char": hit.end(),
                "surface": hit.group(0),
                "method": "fake",
                "confidence": 1.0,
                "content_hash": doc["content_hash"],
            }
            for doc in documents.to_pylist()
            for skill_id, pattern in patterns
            for hit in pattern.finditer(doc["text"])
        ]
        return pa.Table.from_pylist(rows, schema=MENTION_SCHEMA)

    return extract


@pytest.fixture
def toy_taxonomy() -> tuple[pa.Table, pa.Table]:
    """(skills, labels) shaped like Taxonomy.skills_table() / labels_table()."""
    return _toy_tables()


@pytest.fixture
def fake_extract(toy_taxonomy: tuple[pa.Table, pa.Table]) -> Callable[[pa.Table], pa.Table]:
    return _fake_extractor(toy_taxonomy[1])


@pytest.fixture
def install_toy_taxonomy(
    toy_taxonomy: tuple[pa.Table, pa.Table],
) -> Callable[[duckdb.DuckDBPyConnection], str]:
    return lambda connection: _install_toy(connection, *toy_taxonomy)


@pytest.fixture
def extract_all(
    fake_extract: Callable[[pa.Table], pa.Table],
) -> Callable[[duckdb.DuckDBPyConnection], int]:
    def run(connection: duckdb.DuckDBPyConnection) -> int:
        documents = documents_for_extraction(connection)
        return replace_mentions(
            connection, fake_extract(documents), documents=documents, extracted_at=T1
        )

    return run


@pytest.fixture(scope="session")
def scored_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture files loaded, declared skills linked, mentions extracted, top_n = 50."""
    path = tmp_path_factory.mktemp("templates") / "scored.duckdb"
    skills, labels = _toy_tables()
    with connect(path) as connection:
        _build_empty(connection)
        load_postings(connection, FIXTURES / "postings.jsonl", run_id="r1", seen_at=T1)
        load_credentials(connection, FIXTURES / "credentials.jsonl", run_id="r1", seen_at=T1)
        _install_toy(connection, skills, labels)
        by_label = {row["preferred_label"]: row["skill_id"] for row in skills.to_pylist()}
        link_credential_skills(connection, by_label)
        documents = documents_for_extraction(connection)
        mentions = _fake_extractor(labels)(documents)
        replace_mentions(connection, mentions, documents=documents, extracted_at=T1)
        compute_scores(connection, top_n=50, computed_at=T1)
    return path


@pytest.fixture
def scored_con(scored_template: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A private copy of `scored_template`."""
    yield from _copy_of(scored_template, tmp_path)
