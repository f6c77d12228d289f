"""`scrapy crawl` in a subprocess against the local `site_server`, compared to golden JSONL.

Regenerate the golden files with `pytest --update-golden` (or SKILLSIGNAL_UPDATE_GOLDEN=1)
and review the diff.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from crawls import FIXTURES, REPO, assert_complete, check_golden, crawl

pytestmark = pytest.mark.integration

PAGES = FIXTURES / "jsonld"
COURSES = FIXTURES / "sites" / "courses"
CAREERS = FIXTURES / "sites" / "careers"
USER_AGENT = "skillsignal/0.1 (+https://github.com/skillsignal/skillsignal)"


def test_greenhouse_board(site_server, tmp_path: Path, request: pytest.FixtureRequest):
    site_server.serve(
        {
            "/v1/boards/stripe/jobs?content=true": FIXTURES
            / "greenhouse"
            / "stripe_jobs_content.json"
        }
    )
    run = crawl(tmp_path, "greenhouse", "board=stripe", f"base_url={site_server.url}")
    assert_complete(run)
    assert run.stats["item_scraped_count"] == 6
    assert run.stats["skillsignal/jobs_listed"] == 6
    assert [item["source_id"] for item in run.items] == [
        "8023928", "8077887", "8042978", "7789539", "7893199", "7993151",
    ]  # fmt: skip
    first = run.items[0]
    assert list(first)[:3] == ["record_type", "source", "source_id"]
    assert (first["record_type"], first["source"], first["date_posted"]) == (
        "posting",
        "greenhouse:stripe",
        "2026-07-30T10:59:38Z",
    )
    assert first["crawled_at"].endswith("Z")
    assert site_server.requested == ["/robots.txt", "/v1/boards/stripe/jobs?content=true"]
    assert set(site_server.user_agents) == {USER_AGENT}
    check_golden(request, "greenhouse", run.items)


def course_site() -> dict[str, Any]:
    sitemap = (COURSES / "sitemaps" / "credentials.xml").read_bytes()
    return {
        "/robots.txt": COURSES / "robots.txt",
        "/sitemap_index.xml": COURSES / "sitemap_index.xml",
        "/sitemaps/courses.xml": COURSES / "sitemaps" / "courses.xml",
        "/sitemaps/credentials.xml.gz": (200, "application/gzip", gzip.compress(sitemap)),
        "/courses/data-scientists-toolbox": PAGES / "course_eg-0332.html",
        "/courses/hnc-accounting/": PAGES / "course_eg-0333.html",
        "/courses/basic-proofreading": PAGES / "course_eg-0334.html",
        "/courses/hnc-accounting-award": PAGES / "course_eg-0335.html",
        "/courses/basic-proofreading-certificate": PAGES / "course_eg-0336.html",
        "/courses/data-scientists-toolbox-jhu": PAGES / "course_eg-0337.html",
        "/courses/physics": PAGES / "course_eg-0338.html",
        "/catalogue/sql-and-analytics": PAGES / "course_catalogue.html",
        "/about": COURSES / "about.html",
        "/private/draft-course": PAGES / "course_eg-0338.html",  # disallowed by robots.txt
        "/credentials/hnc-facilities-management": PAGES / "credential_eg-0259.html",
        "/credentials/certified-safety-professional": PAGES / "credential_eg-0260.html",
        "/occupations/research-scientist": PAGES / "credential_eg-0261.html",
    }


def test_course_site_from_root_through_robots_and_sitemap_index(
    site_server, tmp_path: Path, request: pytest.FixtureRequest
):
    site_server.serve(course_site())
    run = crawl(
        tmp_path,
        "course_jsonld",
        "url=https://courses.example.org/",
        f"base_url={site_server.url}",
    )
    assert_complete(run)
    stats = run.stats
    assert stats["item_scraped_count"] == 11
    assert stats["skillsignal/dropped/missing_title"] == 1  # schema.org eg-0332 has no name
    assert stats["skillsignal/pages_without_items"] == 2  # /about, the Occupation page
    assert stats["skillsignal/pages_gone"] == 1  # /courses/retired: 404
    assert stats["skillsignal/offsite_urls"] == 1  # partner.example.net
    assert stats["robotstxt/forbidden"] == 1  # /private/
    assert "/private/draft-course" not in site_server.requested
    assert {item["source"] for item in run.items} == {"course_jsonld:courses.example.org"}
    assert not any(site_server.url in item["url"] for item in run.items)
    check_golden(request, "course_jsonld", run.items)


def careers_site() -> dict[str, Any]:
    return {
        "/robots.txt": CAREERS / "robots.txt",
        "/sitemap.xml": CAREERS / "sitemap.xml",
        "/jobs/junior-software-developer": PAGES / "jobposting_eg-0281.html",
        "/jobs/electrician": PAGES / "jobposting_eg-0283.html",
        "/jobs/stone-mason": PAGES / "jobposting_eg-0284.html",
        "/jobs/data-engineer": PAGES / "jobposting_full.html",
        "/jobs/support-engineer-remote": PAGES / "jobposting_remote.html",
        "/jobs/warehouse": PAGES / "jobposting_malformed.html",
    }


def test_jobposting_site_from_sitemap(site_server, tmp_path: Path, request: pytest.FixtureRequest):
    site_server.serve(careers_site())
    run = crawl(
        tmp_path,
        "jobposting",
        "url=https://careers.example.com/sitemap.xml",
        f"base_url={site_server.url}",
    )
    assert_complete(run)
    assert run.stats["item_scraped_count"] == 7
    assert run.stats["skillsignal/jsonld_errors"] == 1
    assert "Malformed JSON-LD on " in run.log
    assert "/jobs/warehouse: block 1: Expecting property name" in run.log
    check_golden(request, "jobposting", run.items)


def test_jobposting_single_page(site_server, tmp_path: Path):
    site_server.serve(careers_site())
    page = f"{site_server.url}/jobs/data-engineer"
    run = crawl(tmp_path, "jobposting", f"url={page}", "source=acme-careers")
    assert_complete(run)
    (item,) = run.items
    assert (item["source"], item["source_id"], item["url"]) == (
        "acme-careers",
        "DE-2026-0147",
        page,
    )
    assert (item["salary_min"], item["salary_max"], item["salary_period"]) == (
        65000.0,
        80000.0,
        "YEAR",
    )


@pytest.mark.parametrize(
    ("spider", "args", "routes", "message"),
    [
        (
            "greenhouse",
            ["board=stripe"],
            {
                "/v1/boards/stripe/jobs": (
                    200,
                    "application/json",
                    (FIXTURES / "greenhouse" / "stripe_jobs_content.json").read_bytes()[:4000],
                )
            },
            "[spiders.sites.greenhouse] ERROR: Greenhouse board stripe: response from "
            "{url}/v1/boards/stripe/jobs?content=true is not valid JSON (truncated)",
        ),
        (
            "greenhouse",
            ["board=nosuchboard"],
            {},
            "[spiders.sites.greenhouse] ERROR: Greenhouse board nosuchboard: "
            "HTTP 404 from {url}/v1/boards/nosuchboard/jobs?content=true (unknown board?)",
        ),
        (
            "course_jsonld",
            ["url=https://courses.example.org/sitemap.xml"],
            {},
            "[spiders.jsonld_site] ERROR: HTTP 404 for start {url}/sitemap.xml",
        ),
    ],
    ids=["greenhouse-truncated-json", "greenhouse-404", "sitemap-404"],
)
def test_broken_source_is_a_logged_error_and_a_clean_exit(
    site_server, tmp_path: Path, spider, args, routes, message
):
    site_server.serve(routes)
    run = crawl(tmp_path, spider, *args, f"base_url={site_server.url}")
    assert run.returncode == 0
    assert run.items == []
    assert run.stats["finish_reason"] == "finished"
    assert run.stats["log_count/ERROR"] == 1  # so the crawl does not count as complete
    (error,) = [line for line in run.log.splitlines() if " ERROR: " in line]
    assert message.format(url=site_server.url) in error


def test_bad_argument_fails_before_any_request(site_server, tmp_path: Path):
    site_server.serve({})
    command = [sys.executable, "-m", "scrapy", "crawl", "greenhouse", "-a", "board=no such board"]
    proc = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode != 0
    assert (
        proc.stderr.strip()
        .splitlines()[-1]
        .startswith(
            "spiders.errors.SpiderArgumentError: invalid arguments for spider 'greenhouse': board="
        )
    )
    assert site_server.requested == []
