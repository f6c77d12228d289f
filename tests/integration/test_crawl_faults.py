"""Faults during real crawls against the local `site_server`: each is retried or refused with
a clear logged reason and a counted stat, and the rest of the crawl completes.

The eight crawls run at once, each against its own routes on the shared server (robots.txt
only disallows the Recruitee path). The 20 MB response is refused by the default
DOWNLOAD_MAXSIZE (10 MB), so no size setting is overridden.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from crawls import FIXTURES, Crawl, Job, crawl_all

pytestmark = pytest.mark.integration

JSON = "application/json"
LEVER = json.loads((FIXTURES / "lever" / "leverdemo_postings.json").read_text("utf-8"))
SR = FIXTURES / "smartrecruiters"
SR_LIST = "/v1/companies/AcmeAnalytics/postings"
SLOW_ID = "743999912345002"


def _usajobs_page(page: int) -> str:
    payload = json.loads((FIXTURES / "usajobs" / "search_it_2016.json").read_text("utf-8"))
    payload["SearchResult"]["UserArea"]["NumberOfPages"] = "2"
    return json.dumps(payload)


def routes(site_server) -> dict[str, Any]:
    route = site_server.Route
    lever = "/v0/postings/leverdemo?mode=json"
    return {
        "/robots.txt": "User-agent: *\nDisallow: /api/offers/\n",
        # 500 on the second page, then success.
        f"{lever}&skip=0&limit=4": (200, JSON, json.dumps(LEVER[:4])),
        f"{lever}&skip=4&limit=4": [
            (500, "text/html", "<h1>Internal error</h1>"),
            (200, JSON, json.dumps(LEVER[4:])),
        ],
        # 429 with Retry-After: 1, then success.
        "/api": [
            route(429, "text/plain", "slow down", {"Retry-After": "1"}),
            FIXTURES / "remoteok" / "api.json",
        ],
        # One posting detail never answers in time; the other two do.
        f"{SR_LIST}?offset=0&limit=100": (
            200,
            JSON,
            json.dumps(
                {
                    "offset": 0,
                    "limit": 100,
                    "totalFound": 3,
                    "content": [
                        json.loads((SR / "postings_offset_0.json").read_text("utf-8"))["content"][
                            0
                        ],
                        {"id": SLOW_ID},
                        json.loads((SR / "postings_offset_2.json").read_text("utf-8"))["content"][
                            0
                        ],
                    ],
                }
            ),
        ),
        f"{SR_LIST}/743999912345001": SR / "posting_743999912345001.json",
        f"{SR_LIST}/{SLOW_ID}": route(200, JSON, "{}", delay=3.0),
        f"{SR_LIST}/743999912345003": SR / "posting_743999912345003.json",
        # The body stops half-way.
        "/posting-api/job-board/ramp": (
            200,
            JSON,
            (FIXTURES / "ashby" / "ramp_job_board.json").read_bytes()[:5000],
        ),
        # A maintenance page instead of JSON.
        "/api/v1/widget/accounts/huggingface": (
            200,
            "text/html; charset=utf-8",
            "<html><body><h1>We'll be back soon</h1></body></html>",
        ),
        # Page 2 of USAJOBS is 20 MB.
        "/api/search?Keyword=python&Page=1&ResultsPerPage=250": (200, JSON, _usajobs_page(1)),
        "/api/search?Keyword=python&Page=2&ResultsPerPage=250": (200, JSON, b" " * (20 * 2**20)),
        # Disallowed by robots.txt.
        "/api/offers/": FIXTURES / "recruitee" / "spring_offers_fr.json",
        # Redirected to another domain.
        "/api/remote-jobs": route(302, "text/html", "", {"Location": "http://jobs.invalid/api"}),
    }


@pytest.fixture(scope="module")
def runs(site_server, tmp_path_factory) -> dict[str, Any]:
    site_server.serve(routes(site_server))
    base = f"base_url={site_server.url}"
    env = (("USAJOBS_API_KEY", "k"), ("USAJOBS_EMAIL", "crawler@example.org"))
    jobs = [
        Job("lever", ("company=leverdemo", "limit=4", base)),
        Job("remoteok", (base,)),
        Job(
            "smartrecruiters",
            ("company=AcmeAnalytics", base),
            settings=("DOWNLOAD_TIMEOUT=1", "RETRY_TIMES=1"),
        ),
        Job("ashby", ("org=ramp", base)),
        Job("workable", ("account=huggingface", base)),
        Job("usajobs", ("keyword=python", base), env=env),
        Job("recruitee", ("company=spring", base)),
        Job("remotive", (base,)),
    ]
    results: dict[str, Any] = crawl_all(tmp_path_factory.mktemp("faults"), jobs)
    results["_url"] = site_server.url
    results["_requested"] = list(zip(site_server.requested, site_server.requested_at, strict=True))
    return results


def errors(run: Crawl) -> list[str]:
    return [line for line in run.log.splitlines() if " ERROR: " in line]


def test_500_is_retried_then_succeeds(runs):
    run = runs["lever"]
    assert run.stats["retry/reason_count/500 Internal Server Error"] == 1
    assert run.stats["item_scraped_count"] == 6
    assert "log_count/ERROR" not in run.stats
    assert "before retrying" in run.log
    assert "500 Internal Server Error, backoff" in run.log


def test_429_waits_for_retry_after(runs):
    run = runs["remoteok"]
    times = [at for target, at in runs["_requested"] if target == "/api"]
    assert len(times) == 2
    assert times[1] - times[0] >= 1.0
    assert run.stats["skillsignal/retry/waited_seconds"] == 1.0
    assert "Waiting 1.0 s before retrying" in run.log
    assert "Retry-After" in run.log
    assert run.stats["item_scraped_count"] == 2


def test_timeout_is_logged_and_other_details_complete(runs):
    run = runs["smartrecruiters"]
    (error,) = errors(run)
    assert "could not fetch http://127.0.0.1:" in error
    assert f"/postings/{SLOW_ID}" in error
    assert "took longer than 1.0 seconds" in error
    assert run.stats["skillsignal/failed/timeout"] == 1
    assert run.stats["item_scraped_count"] == 2
    assert run.stats["finish_reason"] == "finished"


def test_truncated_json(runs):
    run = runs["ashby"]
    (error,) = errors(run)
    assert "[spiders.sites.ashby] ERROR: ashby:ramp: response from" in error
    assert "is not valid JSON (truncated)" in error
    assert run.stats["skillsignal/failed/truncated_json"] == 1


def test_html_error_page_instead_of_json(runs):
    run = runs["workable"]
    (error,) = errors(run)
    assert "is not valid JSON: Expecting value (char 0" in error
    assert "Content-Type text/html; charset=utf-8" in error
    assert run.stats["skillsignal/failed/not_json"] == 1


def test_20_mb_response_is_refused_by_default(runs):
    run = runs["usajobs"]
    assert run.stats["skillsignal/failed/too_large"] == 1
    assert "larger than download max size (10485760)" in run.log
    assert run.stats["item_scraped_count"] == 8  # page 1
    assert run.stats["finish_reason"] == "finished"


def test_robots_disallow_is_not_fetched(runs):
    run = runs["recruitee"]
    assert "/api/offers/" not in [target for target, _ in runs["_requested"]]
    assert run.stats["robotstxt/forbidden"] == 1
    assert run.stats["skillsignal/failed/robots"] == 1
    (error,) = errors(run)
    assert "not fetched" in error
    assert "Forbidden by robots.txt" in error


def test_redirect_off_domain_is_not_followed(runs):
    run = runs["remotive"]
    assert run.stats["skillsignal/failed/offsite"] == 1
    (error,) = errors(run)
    assert (
        f"not fetched {runs['_url']}/api/remote-jobs: Refused offsite redirect (HTTP 302)" in error
    )
    assert "to http://jobs.invalid/api: not in allowed_domains ['127.0.0.1']" in error
    assert run.stats["downloader/request_count"] == 2  # robots.txt and the redirecting URL
    assert run.stats["finish_reason"] == "finished"
