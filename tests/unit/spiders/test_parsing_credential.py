import pytest

from spiders.items import Credential
from spiders.parsing.credential import CREDENTIAL_TYPES, credential_from_jsonld
from spiders.parsing.credential_fields import skill_names
from spiders.parsing.jsonld import find_typed, jsonld_blocks

SOURCE = "course_jsonld:courses.example.org"
CRAWLED = "2026-08-05T00:00:00Z"


def _credentials(html: str, page_url: str) -> list[Credential]:
    objects, _ = jsonld_blocks(html)
    return [
        credential_from_jsonld(obj, page_url=page_url, source=SOURCE, crawled_at=CRAWLED)
        for obj in find_typed(objects, set(CREDENTIAL_TYPES))
    ]


def _from_page(
    fixture_text, name: str, page_url: str = "https://courses.example.org/c/"
) -> Credential:
    (credential,) = _credentials(fixture_text("jsonld", name), page_url)
    return credential


def test_course_with_provider_and_instance_offer(fixture_text):
    page = "https://courses.example.org/courses/data-scientists-toolbox-jhu"
    assert _from_page(fixture_text, "course_eg-0337.html", page) == Credential(
        source=SOURCE,
        source_id=page,
        url=page,
        title="The Data Scientist's Toolbox",
        description="",
        language=None,
        crawled_at=CRAWLED,
        provider="Johns Hopkins University",
        kind="course",
        level=None,
        hours=None,
        price=0.0,
        currency=None,
        skills=[],
    )


def test_first_course_instance_offer_gives_price(fixture_text):
    credential = _from_page(fixture_text, "course_eg-0334.html")
    assert (credential.title, credential.price, credential.currency) == (
        "Basic Proofreading",
        395.0,
        "GBP",
    )
    assert credential.description == (
        "The distance learning training course that takes you from complete beginner to PQB "
        "qualified proofreader in one step."
    )


def test_relative_id_resolves_against_the_page(fixture_text):
    page = "https://courses.example.org/courses/hnc-accounting/"
    credential = _from_page(fixture_text, "course_eg-0333.html", page)
    assert (credential.source_id, credential.url) == (page, page)


def test_course_without_name_has_empty_title(fixture_text):
    credential = _from_page(fixture_text, "course_eg-0332.html")
    assert credential.title == ""
    assert credential.description.startswith("In this course you will get an introduction")


def test_credential_with_category_level_and_competency(fixture_text):
    credential = _from_page(fixture_text, "credential_eg-0259.html")
    assert credential.title == "HNC Facilities Management"
    assert credential.kind == "certificate"  # "Higher National Certificate"
    assert credential.level == "SCQF Level 7"
    assert credential.skills == [
        "Understand facilities management and its place in the organisation"
    ]
    assert "\u2018hard\u2019 and \u2018soft\u2019 services" in credential.description


def test_certification_with_its_own_url(fixture_text):
    credential = _from_page(fixture_text, "credential_eg-0260.html")
    assert (credential.kind, credential.url, credential.source_id) == (
        "certificate",
        "https://www.bcsp.org/CSP",
        "https://www.bcsp.org/CSP",
    )


def test_catalogue_graph_gives_programme_course_and_badge(fixture_text):
    page = "https://courses.example.org/catalogue/sql-and-analytics"
    bootcamp, course, badge = _credentials(fixture_text("jsonld", "course_catalogue.html"), page)
    assert bootcamp == Credential(
        source=SOURCE,
        source_id="https://courses.example.org/programs/data-analytics-bootcamp",
        url="https://courses.example.org/programs/data-analytics-bootcamp",
        title="Data Analytics Bootcamp",
        description="Twelve weeks, full time, with a capstone project.",
        language="en",
        crawled_at=CRAWLED,
        provider="Example Academy",
        kind="bootcamp",
        level=None,
        hours=None,  # timeToComplete P12W is calendar time, not effort
        price=7900.0,
        currency="GBP",
        skills=["SQL", "Python", "Tableau"],
        declared_skills=skill_names(["SQL", "Python", "Tableau"]),
    )
    assert course == Credential(
        source=SOURCE,
        source_id="https://courses.example.org/courses/sql-for-data-analysis",
        url="https://courses.example.org/courses/sql-for-data-analysis",
        title="SQL for Data Analysis",
        description="Query real data sets.\n- SELECT, JOIN & GROUP BY\n- Window functions",
        language="en",
        crawled_at=CRAWLED,
        provider="Example Academy",  # whitespace tidied by text_of
        kind="course",
        level="beginner",
        hours=20.5,
        price=49.0,
        currency="GBP",
        skills=["SQL", "Data visualisation", "Relational databases"],
        declared_skills=skill_names(["SQL", "Data visualisation", "Relational databases"]),
    )
    assert (badge.kind, badge.provider, badge.source_id) == (
        "badge",
        "Example Data Council",
        "https://courses.example.org/badges/sql-practitioner",
    )
    assert badge.skills == ["Write analytical SQL queries", "Explain query plans"]


def _one(obj: dict) -> Credential:
    return credential_from_jsonld(
        {"name": "N", **obj}, page_url="https://c.example/p", source="s", crawled_at=CRAWLED
    )


@pytest.mark.parametrize(
    ("obj", "kind"),
    [
        ({"@type": "EducationalOccupationalProgram"}, "other"),
        (
            {"@type": "EducationalOccupationalProgram", "name": "Data Analyst Nanodegree"},
            "nanodegree",
        ),
        (
            {"@type": "EducationalOccupationalProgram", "name": "Deep Learning Specialization"},
            "specialization",
        ),
        (
            {"@type": "EducationalOccupationalProgram", "programType": "Professional Certificate"},
            "professional_certificate",
        ),
        ({"@type": "EducationalOccupationalCredential"}, "certificate"),
        ({"@type": "EducationalOccupationalCredential", "credentialCategory": "badge"}, "badge"),
        ({"@type": "schema:Course", "name": "Bootcamp prep"}, "course"),
    ],
)
def test_kind_rules(obj, kind):
    assert _one(obj).kind == kind


def test_hours_from_course_workload_when_no_time_required():
    credential = _one({"@type": "Course", "hasCourseInstance": {"courseWorkload": "PT6H"}})
    assert credential.hours == 6.0
    assert _one({"@type": "Course", "timeRequired": "P3W"}).hours is None


def test_offered_by_is_the_last_resort_provider():
    credential = _one(
        {"@type": "Course", "offers": {"offeredBy": {"name": "Coursera"}, "price": "0"}}
    )
    assert (credential.provider, credential.price) == ("Coursera", 0.0)
