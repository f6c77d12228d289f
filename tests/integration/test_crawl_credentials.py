"""Catalogue spiders crawled for real (`python -m scrapy crawl`, in parallel) against `site_server`.

Real responses where they exist (Open Badges 2.0/3.0, CTDL, Coursera `linked` courses), the
constructed ones otherwise (see tests/fixtures/spiders/PROVENANCE.md). Also the faults: an
expired and a revoked badge, a credential without skills, CTDL with unknown properties and a
JSON-LD block with a syntax error each give a logged reason, and nothing else is lost.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from crawls import FIXTURES, Crawl, Job, assert_complete, check_golden, crawl_all

from spiders.parsing.coursera import COURSE_FIELDS

pytestmark = pytest.mark.integration

ESCO = "http://data.europa.eu/esco/skill/"
GRAPH = "/graph/ce-5d1c2a44-0c1e-4a51-9e0e-1b2a3c4d5e6f"
OB, CTDL = FIXTURES / "openbadges", FIXTURES / "ctdl"


def _coursera(start: int) -> str:
    query = {"start": start, "limit": 2, "fields": COURSE_FIELDS, "includes": "partnerIds"}
    return f"/coursera/api/courses.v1?{urlencode(query)}"


ROUTES = {
    _coursera(0): FIXTURES / "coursera" / "courses_page1.json",
    _coursera(2): FIXTURES / "coursera" / "courses_page2.json",
    "/coursera/api/onDemandSpecializations.v1": FIXTURES / "coursera" / "specializations.json",
    "/udacity/public-api/v1/courses": FIXTURES / "udacity" / "catalog.json",
    "/credly/v1/organizations/example-cloud/badge_templates?page=1": FIXTURES
    / "credly"
    / "badge_templates_p1.json",
    "/credly/v1/organizations/example-cloud/badge_templates?page=2": FIXTURES
    / "credly"
    / "badge_templates_p2.json",
    "/badges.json": OB / "badges.json",
    "/badgeclass1.json": OB / "badgeclass1.json",
    "/robotics-badge.json": OB / "robotics-badge.json",
    "/badges/python-analyst.json": OB / "badge-aligned.json",
    "/credentials/3732.json": OB / "complete.json",
    "/credentials/expired.json": OB / "simple-err-expired.json",
    "/assertions/123.json": OB / "assertion-revoked.json",
    "/issuer1.json": OB / "issuer1.json",
    GRAPH: CTDL / "graph_microcredential.json",
    "/assistant/search/ctdl": CTDL / "search_result.json",
    "/ctdl/cer-credential.json": CTDL / "cer-credential_sample.json",
    "/sitemap.xml": FIXTURES / "sites" / "programs" / "sitemap.xml",
    "/micromasters/data-science": FIXTURES / "sites" / "programs" / "micromasters.html",
    "/courses/probability": FIXTURES / "sites" / "programs" / "probability.html",
}


@pytest.fixture(scope="module")
def runs(site_server, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Crawl]:
    """Every catalogue crawl, run at once against one set of routes."""
    site_server.serve(ROUTES)
    base = site_server.url
    jobs = [
        Job("coursera", (f"base_url={base}/coursera", "limit=2")),
        Job("udacity", (f"base_url={base}/udacity",)),
        Job("credly", ("organization=example-cloud", f"base_url={base}/credly")),
        Job("openbadges", ("url=https://example.org/badges.json", f"base_url={base}")),
        Job("ctdl", (f"url=https://credentialengineregistry.org{GRAPH}", f"base_url={base}")),
        Job(
            "ctdl",
            ("url=https://apps.credentialengine.org/assistant/search/ctdl", f"base_url={base}"),
            name="ctdl_search",
        ),
        Job(
            "ctdl",
            ("url=https://www.nocti.org/ctdl/cer-credential.json", f"base_url={base}"),
            name="ctdl_sample",
        ),
        Job("course_jsonld", ("url=https://programs.example.edu/sitemap.xml", f"base_url={base}")),
    ]
    return crawl_all(tmp_path_factory.mktemp("catalogues"), jobs)


def _by_id(run: Crawl) -> dict[str, dict[str, Any]]:
    return {item["source_id"]: item for item in run.items}


def _relations(item: dict[str, Any]) -> set[tuple[str, str]]:
    return {(rel["type"], rel["target_source_id"]) for rel in item["relations"]}


def test_coursera_pages_courses_and_stacks_specializations(runs):
    run = runs["coursera"]
    assert_complete(run)
    items = _by_id(run)
    real_ids = {"0w0JAG9JEeSp0iIAC12Jpw", "7dkr2RYxEeaoTBLuQ4vt6Q", "guqOkAKDEeaG2A4kH1tj-w"}
    assert set(items) == {"c-sql-101", "c-py-101", "c-career-101", "s-ml", "s-data-pc"} | real_ids
    spec = items["s-ml"]
    assert (spec["kind"], spec["provider"]) == ("specialization", "Stanford University")
    assert _relations(spec) == {("has_part", cid) for cid in real_ids}
    assert items["7dkr2RYxEeaoTBLuQ4vt6Q"]["url"] == "https://www.coursera.org/learn/nlp"
    assert _relations(items["7dkr2RYxEeaoTBLuQ4vt6Q"]) == {("part_of", "s-ml")}
    cert = items["s-data-pc"]
    assert cert["kind"] == "professional_certificate"
    assert cert["url"] == "https://www.coursera.org/professional-certificates/data-analyst"
    assert cert["skills"] == ["SQL", "Python Programming", "Data Analysis"]
    sql = items["c-sql-101"]
    assert (sql["skills"], sql["language"], sql["description"]) == (
        ["SQL", "Data Analysis"],
        "en",
        "Write SQL queries against real data.",
    )
    assert _relations(sql) == {("part_of", "s-data-pc")}
    assert items["c-career-101"]["skills"] == []
    assert "learn/career-planning declares no skills" in run.log
    assert run.stats["skillsignal/coursera/courses.v1/pages"] == 2


def test_udacity_catalog_gives_nanodegrees_and_courses(runs):
    run = runs["udacity"]
    assert_complete(run)
    items = _by_id(run)
    degree = items["nd002"]
    assert (degree["kind"], degree["duration"], degree["provider"]) == (
        "nanodegree",
        "4 months",
        "Udacity",
    )
    assert degree["skills"] == ["SQL", "Python", "Data Visualization", "Statistics"]
    assert (items["ud170"]["hours"], items["ud170"]["skills"]) == (30.0, [])


def test_credly_templates_with_skills_alignments_and_archived_state(runs):
    run = runs["credly"]
    assert_complete(run)
    items = _by_id(run)
    assert set(items) == {"bt-1", "bt-2", "bt-3"}
    first = items["bt-1"]
    assert first["source"] == "credly:example-cloud"
    assert first["skills"] == ["SQL", "Data Analytics", "Cloud Computing"]
    assert first["declared_skills"][0]["url"] is None  # the skill name; alignment deduplicated
    assert items["bt-2"]["kind"] == "certificate"
    assert items["bt-3"]["status"] == "expired"
    assert "template state 'archived'" in run.log


def test_openbadges_list_of_badges_credentials_and_assertions(runs):
    run = runs["openbadges"]
    assert_complete(run)  # the robotics badge's issuer is a 404: a WARNING, not an ERROR
    items = _by_id(run)
    assert set(items) == {
        "http://example.org/badgeclass1",
        "https://example.org/robotics-badge.json",
        "https://example.org/badges/python-analyst.json",
        "https://1edtech.edu/achievements/degree",
        "https://example.com/achievements/21st-century-skills/teamwork",
        "https://example.org/badges/data-wrangler.json",
    }
    assert items["http://example.org/badgeclass1"]["issuer"] == "Example Issuer"  # fetched
    robotics = items["https://example.org/robotics-badge.json"]
    assert (robotics["issuer"], robotics["skills"]) == (None, [])
    assert "issuer profile" in run.log
    assert "badge kept without issuer name" in run.log
    aligned = items["https://example.org/badges/python-analyst.json"]
    assert [s["framework"] for s in aligned["declared_skills"]] == [
        "ESCO",
        "O*NET-SOC",
        "Lightcast Open Skills",
    ]
    assert aligned["declared_skills"][0]["url"] == ESCO + "ccd0a1d9-afda-43d9-b901-96344886e14d"
    degree = items["https://1edtech.edu/achievements/degree"]
    assert (degree["kind"], degree["issuer"], degree["status"]) == (
        "other",
        "1EdTech University",
        "active",
    )
    assert degree["declared_skills"][0] == {
        "name": "1EdTech University Degree",
        "framework": "1EdTech University Program and Course Catalog",
        "code": "degree",
        "url": "https://1edtech.edu/catalog/degree",
    }
    expired = items["https://example.com/achievements/21st-century-skills/teamwork"]
    assert expired["status"] == "expired"
    assert "valid until 2010-01-01T00:00:00Z" in run.log
    revoked = items["https://example.org/badges/data-wrangler.json"]
    assert revoked["status"] == "revoked"
    assert "revoked: Issued in error" in run.log
    assert run.stats["skillsignal/credentials_expired"] == 1
    assert run.stats["skillsignal/credentials_revoked"] == 1


def test_ctdl_graph_with_competencies_relations_and_unknown_properties(runs):
    run = runs["ctdl"]
    assert_complete(run)
    (item,) = run.items
    assert (item["kind"], item["title"], item["provider"]) == (
        "educator_microcredential",  # a MicroCredential "for teachers"
        "Data Literacy in the Classroom",
        "Example Educators Network",
    )
    assert (item["hours"], item["duration"], item["price"], item["currency"]) == (
        15.0,
        "PT15H",
        25.0,
        "USD",
    )
    assert item["skills"] == ["teach digital literacy", "perform data analysis"]
    assert item["declared_skills"][0]["url"] == ESCO + "c8fa4313-80b0-4f37-8b1b-1739707bc362"
    assert _relations(item) == {
        ("prerequisite", "https://credentialengineregistry.org/resources/ce-b4d9e000-0000-4000-8000-000000000002"),
        ("part_of", "https://credentialengineregistry.org/resources/ce-a11ce000-0000-4000-8000-000000000003"),
    }  # fmt: skip
    assert "unknown properties, ignored: acme:internalRating, legacyCode" in run.log


def test_ctdl_search_result_and_old_sample_are_read(runs):
    search, sample = runs["ctdl_search"], runs["ctdl_sample"]
    assert_complete(search)
    assert_complete(sample)
    items = _by_id(search)
    cert = items["ce-1A4AB486-8212-4708-B7D5-C5167FDD2B47"]
    assert (cert["kind"], cert["duration"], cert["language"]) == ("certificate", "P2Y", "en")
    lopp = items["ce-38A1CF5C-798E-469B-88AC-87231D5AE1C2"]
    assert (lopp["kind"], lopp["price"], lopp["currency"]) == ("course", 1640.0, "USD")
    (old,) = sample.items
    assert old["title"] == "21st Century Skills for Workplace Success"
    assert old["url"].startswith("http://www.nocti.org/PDFs/JobReady/")


def test_course_jsonld_micromasters_stack_despite_a_broken_block(runs):
    run = runs["course_jsonld"]
    assert_complete(run)
    items = _by_id(run)
    program = items["https://programs.example.edu/micromasters/data-science"]
    assert (program["kind"], program["price"], program["currency"]) == (
        "micromasters",
        1350.0,
        "USD",
    )
    assert _relations(program) == {
        ("has_part", "https://programs.example.edu/courses/probability"),
        ("has_part", "https://programs.example.edu/courses/machine-learning"),
    }
    assert program["declared_skills"][0]["framework"] == "ESCO"
    course = items["https://programs.example.edu/courses/probability"]
    assert _relations(course) == {("part_of", program["source_id"])}
    coach = items["https://programs.example.edu/educators/data-coach"]
    assert coach["kind"] == "educator_microcredential"
    assert "Malformed JSON-LD on" in run.log
    assert "block 0" in run.log
    assert run.stats["skillsignal/jsonld_errors"] == 1


@pytest.mark.parametrize(
    "name", ["coursera", "udacity", "credly", "openbadges", "ctdl", "ctdl_search", "ctdl_sample"]
)
def test_output_matches_golden(runs, request: pytest.FixtureRequest, name: str):
    check_golden(request, name, runs[name].items)


def test_programs_output_matches_golden(runs, request: pytest.FixtureRequest):
    check_golden(request, "course_programs", runs["course_jsonld"].items)
