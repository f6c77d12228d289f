"""The real `nightly` flow against the demo site on 127.0.0.1, into a temporary DuckDB file."""

from __future__ import annotations

import json
import re
import shutil
from importlib.resources import files
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.config import Config, CrawlConfig
from pipelines.demo import demo_sources, serve_demo
from pipelines.demo_build import DEMO_ORIGIN

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(Path(str(files("pipelines") / "demo_data")), root, dirs_exist_ok=True)
    return root


@pytest.fixture(scope="module")
def config(make_config, tmp_path_factory: pytest.TempPathFactory) -> Config:
    return make_config(
        tmp_path_factory.mktemp("run"), crawl=CrawlConfig(autothrottle=False, timeout_s=300)
    )


def _run(config: Config, site: Path, run_id: str):
    from pipelines.flows import nightly

    with serve_demo(site) as base_url:
        return nightly(config, demo_sources(base_url), run_id=run_id)


def _snapshot(db: Path, table: str, order: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        columns = [
            c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_name = ? "
                "order by ordinal_position", [table],
            ).fetchall()
            if c not in {"last_seen", "url"}
        ]  # fmt: skip
        return con.execute(f"select {', '.join(columns)} from {table} order by {order}").fetchall()


@pytest.fixture(scope="module")
def first_run(prefect_harness: None, config: Config, site: Path):
    return _run(config, site, "run-1")


def test_demo_run_loads_every_source(first_run, config: Config) -> None:
    assert not first_run.degraded, first_run.sources
    by_name = {s.name: s for s in first_run.sources}
    assert by_name["greenhouse:stripe"].items == 6
    assert by_name["demo-careers"].items == 140
    assert by_name["demo-courses"].items >= 10
    with duckdb.connect(str(config.warehouse.path), read_only=True) as con:
        assert con.execute("select count(*) from postings where active").fetchone() == (146,)
        kinds = dict(con.execute("select kind, count(*) from credentials group by kind").fetchall())
        assert {"course", "badge", "certificate", "specialization", "nanodegree"} <= set(kinds)
        stacks = con.execute(
            "select count(*) from credential_relations where relation_type = 'has_part' "
            "and target_key is not null"
        ).fetchone()[0]
        assert stacks >= 4
        mentions = con.execute("select count(*) from skill_mentions").fetchone()[0]
    assert mentions == first_run.mentions > 500
    assert (config.paths.exports_dir / "alignment.csv").is_file()


def test_known_skill_found_at_exact_offsets(first_run, config: Config) -> None:
    with duckdb.connect(str(config.warehouse.path), read_only=True) as con:
        key, title, description = con.execute(
            "select posting_key, title, description from postings where source_id = 'tech-1'"
        ).fetchone()
        rows = con.execute(
            "select m.start_char, m.end_char, m.surface, s.preferred_label from skill_mentions m "
            "join skills s using (skill_id) where m.doc_key = ? order by m.start_char",
            [key],
        ).fetchall()
    text = f"{title}\n{description}"
    expected_start = re.search(r"\bJavaScript\b", text).start()
    hit = [r for r in rows if r[0] == expected_start]
    assert hit, rows
    start, end, surface, label = hit[0]
    assert text[start:end] == surface == "JavaScript"
    assert label == "JavaScript"
    assert all(text[s:e] == surf for s, e, surf, _ in rows)


def test_credential_covering_more_demand_scores_higher(first_run, config: Config) -> None:
    with duckdb.connect(str(config.warehouse.path), read_only=True) as con:
        scores = dict(
            con.execute(
                "select c.title, a.coverage from mart_credential_alignment a "
                "join credentials c using (credential_key)"
            ).fetchall()
        )
        covered = {}
        for key, skill in con.execute(
            "select credential_key, skill_id from mart_credential_alignment a "
            "join int_credential_skills using (credential_key)"
        ).fetchall():
            covered.setdefault(key, set()).add(skill)
        demanded = {s for (s,) in con.execute(
            "select skill_id from mart_skill_demand where demanded"
        ).fetchall()}  # fmt: skip
        coverage = dict(
            con.execute("select credential_key, coverage from mart_credential_alignment").fetchall()
        )
    assert scores["Backend Development with Python and SQL"] > 0.0
    assert scores["Backend Development with Python and SQL"] > scores["Pastry Basics"]
    # Covering a superset of another credential's demanded skills never scores lower.
    for a, a_skills in covered.items():
        for b, b_skills in covered.items():
            if (b_skills & demanded) < (a_skills & demanded):
                assert coverage[a] > coverage[b]


def test_changed_extraction_settings_select_every_document_again(
    first_run, config: Config, tmp_path: Path
) -> None:
    from pipelines.partitions import extractor_id, write_partitions

    extraction = config.extraction
    db = config.warehouse.path

    def pending(min_score: float) -> int:
        extractor = extractor_id(
            min_score, semantic=extraction.semantic, overlay=extraction.overlay
        )
        paths = write_partitions(db, tmp_path, all_documents=False, rows=1000, extractor=extractor)
        return sum(pq.read_metadata(path).num_rows for path in paths)

    assert pending(extraction.min_score) == 0  # the run recorded its extractor
    with duckdb.connect(str(db), read_only=True) as con:
        active = con.execute(
            "select (select count(*) from postings where active)"
            " + (select count(*) from credentials where active)"
        ).fetchone()[0]
    assert pending(extraction.min_score + 0.05) == active > 0


def test_second_run_changes_only_last_seen_and_removed_posting_closes(
    first_run, config: Config, site: Path
) -> None:
    db = config.warehouse.path
    postings, credentials = (
        _snapshot(db, "postings", "posting_key"),
        _snapshot(db, "credentials", "credential_key"),
    )
    mentions = _snapshot(db, "skill_mentions", "doc_key, start_char, skill_id")
    second = _run(config, site, "run-2")
    assert second.documents_extracted == 0
    assert _snapshot(db, "postings", "posting_key") == postings
    assert _snapshot(db, "credentials", "credential_key") == credentials
    assert _snapshot(db, "skill_mentions", "doc_key, start_char, skill_id") == mentions

    # Remove one posting from the board and one page from the career-site sitemap.
    board = site / "greenhouse/v1/boards/stripe/jobs"
    payload = json.loads(board.read_text(encoding="utf-8"))
    removed = payload["jobs"].pop()
    board.write_text(json.dumps(payload), encoding="utf-8")
    sitemap = site / "careers/sitemap.xml"
    entry = f"  <url><loc>{DEMO_ORIGIN}/careers/jobs/7.html</loc></url>\n"
    assert entry in sitemap.read_text(encoding="utf-8")
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace(entry, ""), encoding="utf-8")
    page_7 = (site / "careers/jobs/7.html").read_text(encoding="utf-8")
    removed_page_id = re.search(r'"value": "([a-z]+-7)"', page_7).group(1)
    third = _run(config, site, "run-3")
    assert not third.degraded
    with duckdb.connect(str(db), read_only=True) as con:
        closed = con.execute(
            "select source_id from postings where not active order by source_id"
        ).fetchall()
        assert con.execute("select count(*) from postings").fetchone() == (146,)
    assert closed == sorted([(str(removed["id"]),), (removed_page_id,)])
