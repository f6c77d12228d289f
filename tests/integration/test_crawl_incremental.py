"""Incremental crawls: ETag / Last-Modified state, 304 -> `unchanged` records -> warehouse.

Two real `scrapy crawl jobposting` runs against `site_server`, each loaded into a warehouse as
a complete crawl. The second sends the validators of the first; pages answering 304 give
`unchanged` records, their postings stay open with last_seen moved, a changed page is parsed
again, and a page the sitemap no longer lists is closed.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from crawls import FIXTURES, assert_complete, crawl

import warehouse

pytestmark = pytest.mark.integration

PAGES = FIXTURES / "jsonld"
CAREERS = FIXTURES / "sites" / "careers"
SITE = "https://careers.example.com"
MODIFIED = "Wed, 29 Jul 2026 10:00:00 GMT"


def _sitemap(*slugs: str) -> tuple[int, str, str]:
    urls = "".join(f"<url><loc>{SITE}/jobs/{slug}</loc></url>" for slug in slugs)
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    )
    return (200, "application/xml", body)


def _routes(site_server, *, stone_mason_etag: str, sitemap: tuple[int, str, str]) -> dict:
    def page(path: Path, **validators: str):
        return site_server.Route(200, "text/html; charset=utf-8", path.read_bytes(), **validators)

    return {
        "/robots.txt": CAREERS / "robots.txt",
        "/sitemap.xml": sitemap,
        "/jobs/data-engineer": page(PAGES / "jobposting_full.html", etag='"de-1"'),
        "/jobs/junior-software-developer": page(
            PAGES / "jobposting_eg-0281.html", last_modified=MODIFIED
        ),
        "/jobs/electrician": PAGES / "jobposting_eg-0283.html",  # no validators: always fetched
        "/jobs/stone-mason": page(PAGES / "jobposting_eg-0284.html", etag=stone_mason_etag),
        "/jobs/support-engineer-remote": page(PAGES / "jobposting_remote.html", etag='"se-1"'),
        "/jobs/warehouse": page(PAGES / "jobposting_malformed.html", etag='"wh-1"'),
    }


ALL = (
    "junior-software-developer", "electrician", "stone-mason", "data-engineer",
    "support-engineer-remote", "warehouse",
)  # fmt: skip


def _load(con, tmp_path: Path, run, run_id: str, seen_at: datetime) -> warehouse.LoadStats:
    path = tmp_path / f"{run_id}.jsonl"
    path.write_text("".join(json.dumps(item) + "\n" for item in run.items), encoding="utf-8")
    return warehouse.load_postings(
        con, path, run_id=run_id, seen_at=seen_at, complete_sources={"acme"}
    )


def test_second_crawl_sends_validators_and_keeps_unchanged_postings(site_server, tmp_path: Path):
    state = tmp_path / "state" / "acme.json"
    args = (f"url={SITE}/sitemap.xml", f"base_url={site_server.url}", "source=acme")
    site_server.serve(_routes(site_server, stone_mason_etag='"sm-1"', sitemap=_sitemap(*ALL)))
    first = crawl(tmp_path / "1", "jobposting", *args, f"state_file={state}")
    assert_complete(first)
    assert len(first.items) == 7
    assert all(v is None and s is None for _, v, s in site_server.conditional)
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert (saved["version"], saved["source"]) == (1, "acme")
    assert saved["pages"][f"{SITE}/jobs/warehouse"] == {
        "etag": '"wh-1"', "last_modified": None, "source_ids": ["WH-1", "WH-3"],
    }  # fmt: skip
    assert saved["pages"][f"{SITE}/jobs/junior-software-developer"]["last_modified"] == MODIFIED
    assert f"{SITE}/jobs/electrician" not in saved["pages"]  # no validators
    assert first.stats["skillsignal/incremental/pages_remembered"] == 5

    # Night 2: stone-mason changed (new ETag), support-engineer-remote is no longer listed.
    listed = [slug for slug in ALL if slug != "support-engineer-remote"]
    site_server.serve(_routes(site_server, stone_mason_etag='"sm-2"', sitemap=_sitemap(*listed)))
    second = crawl(tmp_path / "2", "jobposting", *args, f"state_file={state}")
    assert_complete(second)
    sent = {path: (match, since) for path, match, since in site_server.conditional}
    assert sent["/jobs/data-engineer"] == ('"de-1"', None)
    assert sent["/jobs/junior-software-developer"] == (None, MODIFIED)
    assert sent["/jobs/stone-mason"] == ('"sm-1"', None)
    assert sent["/jobs/electrician"] == (None, None)
    postings = [i for i in second.items if i["record_type"] == "posting"]
    unchanged = [i for i in second.items if i["record_type"] == "unchanged"]
    assert sorted(i["url"] for i in postings) == [f"{SITE}/jobs/{p}" for p in ALL[1:3]]
    assert sorted(i["source_id"] for i in unchanged) == sorted(
        ["DE-2026-0147", f"{SITE}/jobs/junior-software-developer", "WH-1", "WH-3"]
    )
    assert {i["source"] for i in unchanged} == {"acme"}
    assert second.stats["skillsignal/incremental/not_modified"] == 3
    assert second.stats["skillsignal/incremental/conditional"] == 4
    assert "skillsignal/pages_without_items" not in second.stats
    renewed = json.loads(state.read_text(encoding="utf-8"))["pages"]
    assert renewed[f"{SITE}/jobs/stone-mason"]["etag"] == '"sm-2"'
    assert renewed[f"{SITE}/jobs/data-engineer"]["source_ids"] == ["DE-2026-0147"]

    t1, t2 = datetime(2026, 7, 30, 2), datetime(2026, 7, 31, 2)
    with warehouse.connect(":memory:") as con:
        warehouse.apply_migrations(con)
        loaded = _load(con, tmp_path, first, "r1", t1)
        assert loaded.inserted == 7
        again = _load(con, tmp_path, second, "r2", t2)
        assert (again.inserted, again.updated, again.not_modified, again.closed) == (0, 0, 4, 1)
        assert again.problems == ()
        rows = con.sql(
            "select source_id, active, first_seen, last_seen from postings order by source_id"
        ).fetchall()
    state_of = {sid: (active, first, last) for sid, active, first, last in rows}
    assert state_of["DE-2026-0147"] == (True, t1, t2)  # 304: kept open, last_seen moved
    assert state_of["WH-3"] == (True, t1, t2)
    assert state_of[f"{SITE}/jobs/stone-mason"] == (True, t1, t2)  # fetched again, same content
    assert state_of["SE-88"] == (False, t1, t1)  # no longer listed: closed


def test_state_for_another_source_is_ignored(site_server, tmp_path: Path):
    state = tmp_path / "acme.json"
    state.write_text(
        json.dumps({"version": 1, "source": "other", "pages": {
            f"{SITE}/jobs/data-engineer": {"etag": '"de-1"', "source_ids": ["X"]}}}),
        encoding="utf-8",
    )  # fmt: skip
    site_server.serve(_routes(site_server, stone_mason_etag='"sm-1"', sitemap=_sitemap(*ALL)))
    run = crawl(
        tmp_path, "jobposting", f"url={SITE}/jobs/data-engineer", f"base_url={site_server.url}",
        "source=acme", f"state_file={state}",
    )  # fmt: skip
    assert_complete(run)
    assert [i["record_type"] for i in run.items] == ["posting"]
    assert "Ignoring state file" in run.log
