"""A hand-built warehouse with known counts for the demand, alignment and stack tests.

as_of = 2026-07-31. Postings (key: date, skills; * = closed):
  p1 07-30 python sql    p7 = p1 on another board (same dedupe_key)
  p2 07-29 python sql    p13 = p2 re-posted in the same source (same text, new id)
  p3 07-28 python docker
  p4 07-27 python
  p5 07-20 sql excel
  p6 07-15 python; "communication" only in its equal-opportunity paragraph
  p11* 07-10 docker
  p8 06-20 python   p9 06-15 sql   p10 06-10 excel   p12 06-05 python
Current demand (10 active canonical postings): python 7, sql 4, excel 2, docker 1.
30-day window: 7 postings (p1-p6, p11), previous 30 days: 4 (p8, p9, p10, p12).
Hierarchy: postgresql -> sql -> group:databases. top_n = 4, min_support = 2,
emerging_max_base_share = 0.4. Credentials (hours, price): c_top declares python + sql (40, 100);
c_rare declares docker + excel (10, 300); c_pg declares postgresql (5, 0); c_ext has python
extracted only (20, 50).
"""

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from warehouse import apply_migrations, apply_views, connect

AS_OF = date(2026, 7, 31)
T0 = datetime(2026, 7, 31, 6, 0)
VERSION = "toy:1"
SKILLS = {
    "toy:python": "Python",
    "toy:sql": "SQL",
    "toy:postgresql": "PostgreSQL",
    "toy:docker": "Docker",
    "toy:excel": "Excel",
    "toy:communication": "communication",
}
# key, source, title, day, dedupe_key, active, [(skill, section)]
POSTINGS = [
    ("p1", "a", "Data Engineer", "2026-07-30", "d1", True, [("python", None), ("sql", None)]),
    ("p7", "b", "Data Engineer", "2026-07-30", "d1", True, [("python", None), ("sql", None)]),
    ("p2", "a", "Data Analyst", "2026-07-29", None, True, [("python", None), ("sql", None)]),
    ("p13", "a", "Data Analyst", "2026-07-29", None, True, [("python", None), ("sql", None)]),
    ("p3", "a", "Platform Eng", "2026-07-28", None, True, [("python", None), ("docker", None)]),
    ("p4", "a", "Python Developer", "2026-07-27", None, True, [("python", "requirements")]),
    ("p5", "a", "Analyst", "2026-07-20", None, True, [("sql", None), ("excel", None)]),
    ("p6", "a", "<script>alert(1)</script> Engineer", "2026-07-15", None, True,
     [("python", "requirements"), ("communication", "equal_opportunity")]),
    ("p11", "a", "Ops", "2026-07-10", None, False, [("docker", None)]),
    ("p8", "a", "Dev 8", "2026-06-20", None, True, [("python", None)]),
    ("p9", "a", "Dev 9", "2026-06-15", None, True, [("sql", None)]),
    ("p10", "a", "Dev 10", "2026-06-10", None, True, [("excel", None)]),
    ("p12", "a", "Dev 12", "2026-06-05", None, True, [("python", None)]),
]  # fmt: skip
# key, title, hours, price, declared skills, extracted skills
CREDENTIALS = [
    ("c_top", "Python and SQL Bootcamp", 40.0, 100.0, ["python", "sql"], []),
    ("c_rare", "Docker and Excel", 10.0, 300.0, ["docker", "excel"], []),
    ("c_pg", "PostgreSQL course", 5.0, 0.0, ["postgresql"], []),
    ("c_ext", "Programming basics", 20.0, 50.0, [], ["python"]),
]


_TEMPLATE: list[Path] = []


@contextmanager
def open_copy(
    factory: pytest.TempPathFactory, tmp_path: Path
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A private copy of the warehouse (built once per session into a template file)."""
    if not _TEMPLATE:
        path = factory.mktemp("analysis") / "analysis.duckdb"
        with connect(path) as connection:
            build(connection)
        _TEMPLATE.append(path)
    copy = tmp_path / "analysis.duckdb"
    shutil.copyfile(_TEMPLATE[0], copy)
    with connect(copy) as connection:
        yield connection


def build(con: duckdb.DuckDBPyConnection) -> None:
    """Migrate, insert the rows above, set the constants and apply the views."""
    apply_migrations(con)
    con.execute(
        "insert into taxonomy_versions values (?, 'toy', '1', null, 'c0ffee', ?, true)",
        [VERSION, T0],
    )
    con.executemany(
        "insert into skills values (?, ?, null, 'skill/competence', 'toy', ?)",
        [[skill_id, label, VERSION] for skill_id, label in SKILLS.items()],
    )
    con.execute(
        "insert into taxonomy_imports values ('esco:t', 'esco', 't', 'x', ?, 6, 0, null)", [T0]
    )
    con.executemany(
        "insert into taxonomy_relations values ('esco:t', ?, ?, 'broader')",
        [["toy:postgresql", "toy:sql"], ["toy:sql", "group:databases"]],
    )
    con.execute(
        "insert into taxonomy_concepts values ('esco:t', 'group:databases', 'skill_group', "
        "'databases', 'S5.6', [], null, null)"
    )
    for key, source, title, day, dedupe, active, mentions in POSTINGS:
        _posting(con, key, source, title, day, dedupe, active)
        for skill, section in mentions:
            _mention(con, "posting", key, skill, section, f"h-{key}")
    for key, title, hours, price, declared, extracted in CREDENTIALS:
        con.execute(
            "insert into credentials (credential_key, source, source_id, kind, title, url, "
            "description, hours, price, content_hash, first_seen, last_seen, active) "
            "values (?, 'cat', ?, 'course', ?, 'https://c.example/' || ?, '', ?, ?, ?, ?, ?, true)",
            [key, key, title, key, hours, price, f"h-{key}", T0, T0],
        )
        for position, skill in enumerate(declared):
            con.execute(
                "insert into credential_skills (credential_key, position, name, skill_id, method) "
                "values (?, ?, ?, ?, 'label')",
                [key, position, skill, f"toy:{skill}"],
            )
        for skill in extracted:
            _mention(con, "credential", key, skill, None, f"h-{key}")
    con.execute("update analysis_settings set min_support = 2, emerging_max_base_share = 0.4")
    con.execute("update scoring_settings set top_n = 4")
    apply_views(con)


def _posting(con, key, source, title, day, dedupe, active):
    con.execute(
        "insert into postings (posting_key, source, source_id, url, title, employer, country, "
        "date_posted, description, dedupe_key, content_hash, first_seen, last_seen, active) "
        "values (?, ?, ?, 'https://j.example/' || ?, ?, 'Acme', 'DE', ?, 'text', ?, ?, ?, ?, ?)",
        [key, source, key, key, title, day, dedupe, f"h-{key}", T0, T0, active],
    )


def _mention(con, kind, key, skill, section, content_hash):
    con.execute(
        "insert into skill_mentions (doc_kind, doc_key, skill_id, start_char, end_char, surface, "
        "method, confidence, taxonomy_version, content_hash, extracted_at, section) "
        "values (?, ?, ?, 0, 1, ?, 'fake', 1.0, ?, ?, ?, ?)",
        [kind, key, f"toy:{skill}", skill, VERSION, content_hash, T0, section],
    )
