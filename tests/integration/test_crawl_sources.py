"""Every job-board API spider crawled for real against the local `site_server`, with paging.

All nine crawls run at once (subprocesses) against one set of routes; each test then checks
one source. Pages of Lever and USAJOBS are slices of the real fixtures, re-serialised.
Regenerate the golden files with SKILLSIGNAL_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from crawls import FIXTURES, Crawl, Job, assert_complete, check_golden, crawl_all

pytestmark = pytest.mark.integration

JSON = "application/json"
SR = FIXTURES / "smartrecruiters"
SR_IDS = ["743999912345001", "743999912345002", "743999912345003"]
API_KEY = "test-key-0f9c"


def _json(value: Any) -> tuple[int, str, str]:
    return (200, JSON, json.dumps(value))


def _lever_pages() -> dict[str, Any]:
    postings = json.loads((FIXTURES / "lever" / "leverdemo_postings.json").read_text("utf-8"))
    base = "/v0/postings/leverdemo?mode=json"
    return {
        f"{base}&skip=0&limit=4": _json(postings[:4]),
        f"{base}&skip=4&limit=4": _json(postings[4:]),
    }


def _usajobs_pages() -> dict[str, Any]:
    payload = json.loads((FIXTURES / "usajobs" / "search_it_2016.json").read_text("utf-8"))
    items = payload["SearchResult"]["SearchResultItems"]
    routes = {}
    for page, chunk in ((1, items[:5]), (2, items[5:])):
        body = json.loads(json.dumps(payload))
        body["SearchResult"]["SearchResultItems"] = chunk
        body["SearchResult"]["SearchResultCount"] = len(chunk)
        body["SearchResult"]["UserArea"]["NumberOfPages"] = "2"
        routes[f"/api/search?Keyword=IT+Specialist&Page={page}&ResultsPerPage=5"] = _json(body)
    return routes


def routes() -> dict[str, Any]:
    sr = "/v1/companies/AcmeAnalytics/postings"
    return {
        **_lever_pages(),
        **_usajobs_pages(),
        "/posting-api/job-board/ramp": FIXTURES / "ashby" / "ramp_job_board.json",
        f"{sr}?offset=0&limit=2": SR / "postings_offset_0.json",
        f"{sr}?offset=2&limit=2": SR / "postings_offset_2.json",
        **{f"{sr}/{posting}": SR / f"posting_{posting}.json" for posting in SR_IDS},
        "/api/v1/widget/accounts/huggingface": FIXTURES / "workable" / "huggingface_widget.json",
        "/api/offers/": FIXTURES / "recruitee" / "spring_offers_fr.json",
        "/api/remote-jobs": FIXTURES / "remotive" / "remote_jobs_subset.json",
        "/api/job-board-api?page=1": FIXTURES / "arbeitnow" / "job_board_page_1.json",
        "/api/job-board-api?page=2": FIXTURES / "arbeitnow" / "job_board_page_2.json",
        "/api": FIXTURES / "remoteok" / "api.json",
    }


@pytest.fixture(scope="module")
def runs(site_server, tmp_path_factory) -> dict[str, Crawl]:
    site_server.serve(routes())
    base = f"base_url={site_server.url}"
    jobs = [
        Job("lever", ("company=leverdemo", "employer=Lever Demo", "limit=4", base)),
        Job("ashby", ("org=ramp", "employer=Ramp", base)),
        Job("smartrecruiters", ("company=AcmeAnalytics", "limit=2", base)),
        Job("workable", ("account=huggingface", base)),
        Job("recruitee", ("company=spring", base)),
        Job("remotive", (base,)),
        Job("arbeitnow", (base,)),
        Job("remoteok", (base,)),
        Job(
            "usajobs",
            ("keyword=IT Specialist", "results_per_page=5", base),
            env=(("USAJOBS_API_KEY", API_KEY), ("USAJOBS_EMAIL", "crawler@example.org")),
        ),
    ]
    results = crawl_all(tmp_path_factory.mktemp("sources"), jobs)
    results["_requested"] = site_server.requested[:]  # type: ignore[assignment]
    results["_user_agents"] = site_server.user_agents[:]  # type: ignore[assignment]
    return results


COUNTS = {
    "lever": 6,
    "ashby": 6,
    "smartrecruiters": 3,
    "workable": 3,
    "recruitee": 2,
    "remotive": 2,
    "arbeitnow": 3,
    "remoteok": 2,
    "usajobs": 8,
}


@pytest.mark.parametrize("spider", sorted(COUNTS))
def test_source_crawls_completely_and_matches_golden(runs, spider, request):
    run = runs[spider]
    assert_complete(run)
    assert run.stats["item_scraped_count"] == COUNTS[spider]
    assert run.stats["skillsignal/jobs_listed"] == COUNTS[spider]
    assert all(item["dedupe_key"] for item in run.items if item["employer"])
    assert not any("127.0.0.1" in item["url"] for item in run.items)
    check_golden(request, spider, run.items)


def test_paging_requests(runs):
    requested = runs["_requested"]
    assert "/v0/postings/leverdemo?mode=json&skip=4&limit=4" in requested
    assert "/v1/companies/AcmeAnalytics/postings?offset=2&limit=2" in requested
    assert "/api/job-board-api?page=2" in requested
    assert "/api/search?Keyword=IT+Specialist&Page=2&ResultsPerPage=5" in requested
    assert sum("/postings/7439999" in target for target in requested) == 3  # one detail each


def test_lever_fields(runs):
    items = {item["source_id"][:8]: item for item in runs["lever"].items}
    amsterdam = items["c559265a"]
    assert amsterdam["source"] == "lever:leverdemo"
    assert amsterdam["employer"] == "Lever Demo"
    assert (amsterdam["country"], amsterdam["remote"], amsterdam["workplace_type"]) == (
        "NL",
        True,
        "REMOTE",
    )
    assert (amsterdam["salary_min"], amsterdam["salary_max"]) == (10000.0, 125000.0)
    assert (amsterdam["salary_currency"], amsterdam["salary_period"]) == ("USD", "YEAR")
    writer = items["33538a2f"]
    assert writer["date_posted"] == "2019-03-21T16:33:55Z"
    assert writer["employment_type"] == "FULL_TIME"
    assert "Qualifications\n- be smart\n- be very smart" in writer["description"]
    assert writer["language"] == "en"  # detected


def test_smartrecruiters_detail_fields(runs):
    items = {item["source_id"]: item for item in runs["smartrecruiters"].items}
    berlin = items["743999912345001"]
    assert berlin["employer"] == "Acme Analytics GmbH"
    assert (berlin["country"], berlin["workplace_type"], berlin["remote"]) == (
        "DE",
        "HYBRID",
        False,
    )
    assert berlin["date_posted"] == "2026-07-28T09:15:02Z"
    assert "- Run Airflow and dbt in production" in berlin["description"].splitlines()
    assert items["743999912345003"]["language"] == "de"


def test_board_fields(runs):
    (remotive,) = [i for i in runs["remotive"].items if i["source_id"] == "2091126"]
    assert (remotive["salary_min"], remotive["salary_max"], remotive["salary_currency"]) == (
        10000.0,
        20000.0,
        "USD",
    )
    assert remotive["country"] is None  # six countries
    assert remotive["date_posted"] == "2026-09-11T06:49:00Z"
    arbeitnow = {item["source_id"]: item for item in runs["arbeitnow"].items}
    berlin = arbeitnow["data-engineer-berlin-412871"]
    assert (berlin["country"], berlin["language"], berlin["date_posted"]) == (
        "DE",
        "de",
        "2026-07-28T09:15:02Z",
    )
    remoteok = {item["source_id"]: item for item in runs["remoteok"].items}
    assert remoteok["1130417"]["salary_max"] == 120000.0
    assert remoteok["1130388"]["salary_min"] is None  # 0 means unknown
    # The same job on SmartRecruiters and Arbeitnow shares a dedupe key.
    sr = {item["source_id"]: item for item in runs["smartrecruiters"].items}
    assert berlin["dedupe_key"] == sr["743999912345001"]["dedupe_key"]


def test_workable_recruitee_fields(runs):
    workable = {item["source_id"]: item for item in runs["workable"].items}
    assert workable["F4C096B22E"]["country"] == "FR"
    assert workable["F4C096B22E"]["employer"] == "Hugging Face"
    recruitee = {item["source_id"]: item for item in runs["recruitee"].items}
    lyon = recruitee["2693374"]
    assert (lyon["language"], lyon["workplace_type"], lyon["employment_type"]) == (
        "fr",
        "HYBRID",
        "INTERN",
    )
    assert lyon["date_posted"] == "2026-07-29T08:20:35Z"


def test_usajobs_credentials_are_sent_and_never_logged(runs):
    run = runs["usajobs"]
    first = {item["source_id"]: item for item in run.items}["441132200"]
    assert (first["salary_min"], first["salary_max"], first["salary_period"]) == (
        92166.0,
        161600.0,
        "YEAR",
    )
    assert first["valid_through"] == "2016-06-15T00:00:00Z"
    assert API_KEY not in run.log
    assert API_KEY not in json.dumps(run.stats)
    assert "crawler@example.org" in runs["_user_agents"]
