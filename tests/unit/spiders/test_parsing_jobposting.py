from spiders.items import JobPosting
from spiders.parsing.jobposting import posting_from_jobposting
from spiders.parsing.jsonld import find_typed, jsonld_blocks

SOURCE = "jobposting:careers.example.com"
CRAWLED = "2026-08-05T00:00:00Z"


def _postings(html: str, page_url: str) -> list[JobPosting]:
    objects, _ = jsonld_blocks(html)
    return [
        posting_from_jobposting(obj, page_url=page_url, source=SOURCE, crawled_at=CRAWLED)
        for obj in find_typed(objects, {"JobPosting"})
    ]


def test_schemaorg_minimal_example_uses_page_url_as_id(fixture_text):
    page = "https://careers.example.com/jobs/junior-software-developer"
    (posting,) = _postings(fixture_text("jsonld", "jobposting_eg-0281.html"), page)
    assert posting == JobPosting(
        source=SOURCE,
        source_id=page,
        url=page,
        title="Junior software developer",
        employer="ACME Corp.",
        crawled_at=CRAWLED,
    )


def test_full_posting_fields_exactly(fixture_text):
    page = "https://careers.example.com/jobs/data-engineer"
    (posting,) = _postings(fixture_text("jsonld", "jobposting_full.html"), page)
    assert posting == JobPosting(
        source=SOURCE,
        source_id="DE-2026-0147",
        url=page,
        title="Data Engineer (m/f/d)",
        employer="Example Analytics GmbH",
        location="Berlin, DE; München, Bayern, Germany",
        country="DE",
        remote=None,
        employment_type="FULL_TIME,PART_TIME",
        date_posted="2026-07-01T07:30:00Z",
        valid_through="2026-09-30T21:59:00Z",
        salary_min=65000.0,
        salary_max=80000.0,
        salary_currency="EUR",
        salary_period="YEAR",
        language=None,
        description=(
            "We build the data platform behind Example Analytics.\n"
            "Your tasks\n"
            "- Design batch & streaming pipelines in Python and SQL\n"
            "- Run dbt models on DuckDB and Snowflake\n"
            "Your profile\n"
            "- 3+ years with Apache Airflow or Prefect\n"
            "- Good German and English"
        ),
        crawled_at=CRAWLED,
    )


def test_remote_posting_in_graph_main_entity(fixture_text):
    page = "https://careers.example.com/jobs/support-engineer-remote"
    (posting,) = _postings(fixture_text("jsonld", "jobposting_remote.html"), page)
    assert posting.source_id == "SE-88"
    assert posting.url == "https://careers.example.com/jobs/support-engineer-remote"
    assert posting.remote is True
    assert posting.employer == "Example Software Inc."
    assert posting.employment_type == "CONTRACTOR"
    assert posting.date_posted == "2026-07-15"
    assert (posting.salary_min, posting.salary_max) == (45.5, 45.5)
    assert (posting.salary_currency, posting.salary_period) == ("USD", "HOUR")
    assert posting.location is None
    assert posting.country is None  # applicantLocationRequirements is not the job's place
    assert (
        posting.description
        == "Help customers fix their integrations.\n- Answer tickets\n- Write runbooks"
    )


def test_malformed_block_does_not_lose_the_good_ones(fixture_text):
    page = "https://careers.example.com/jobs/warehouse"
    postings = _postings(fixture_text("jsonld", "jobposting_malformed.html"), page)
    assert [(p.source_id, p.title, p.date_posted) for p in postings] == [
        ("WH-1", "Forklift driver", "2026-06-30"),
        ("WH-3", "Picker and packer", None),
    ]


def _one(obj: dict) -> JobPosting:
    return posting_from_jobposting(
        {"@type": "JobPosting", "title": "T", **obj},
        page_url="https://x.example/p",
        source="s",
        crawled_at=CRAWLED,
    )


def test_salary_as_plain_number_and_unknown_unit():
    posting = _one({"baseSalary": {"@type": "MonetaryAmount", "currency": "GBP", "value": 30000}})
    assert (posting.salary_min, posting.salary_max, posting.salary_period) == (
        30000.0,
        30000.0,
        None,
    )
    posting = _one(
        {"baseSalary": {"currency": "GBP", "value": {"minValue": 20, "unitText": "fortnight"}}}
    )
    assert (posting.salary_min, posting.salary_max, posting.salary_period) == (20.0, None, None)


def test_bad_currency_and_unparseable_amounts_become_null():
    posting = _one({"baseSalary": {"currency": "£", "value": {"value": "competitive"}}})
    assert (posting.salary_min, posting.salary_currency) == (None, None)


def test_identifier_as_string_or_number_and_relative_url():
    assert _one({"identifier": 42}).source_id == "42"
    posting = _one({"url": "/jobs/7", "identifier": {"@type": "PropertyValue", "value": " "}})
    assert (posting.url, posting.source_id) == (
        "https://x.example/jobs/7",
        "https://x.example/jobs/7",
    )


def test_locations_in_different_countries_give_no_country():
    posting = _one(
        {
            "jobLocation": [
                {"@type": "Place", "address": {"addressLocality": "Paris", "addressCountry": "FR"}},
                {"@type": "Place", "address": {"addressLocality": "Lyon", "addressCountry": "FR"}},
                {
                    "@type": "Place",
                    "address": {"addressLocality": "Geneva", "addressCountry": "CH"},
                },
            ]
        }
    )
    assert posting.location == "Paris, FR; Lyon, FR; Geneva, CH"
    assert posting.country is None


def test_country_from_alpha3_code_and_name_without_code():
    posting = _one(
        {"jobLocation": {"address": {"addressLocality": "Leeds", "addressCountry": "GBR"}}}
    )
    assert posting.country == "GB"
    posting = _one({"jobLocation": {"address": {"addressLocality": "Tokyo"}}})
    assert posting.country == "JP"  # from the small city table
    posting = _one({"jobLocation": {"address": "Springfield"}})
    assert (posting.location, posting.country) == ("Springfield", None)


def test_naive_timestamp_keeps_only_its_date():
    assert _one({"datePosted": "2026-07-01T09:30:00"}).date_posted == "2026-07-01"


def test_remote_in_title_without_job_location_type():
    assert _one({"title": "Remote Data Analyst"}).remote is True
    assert _one({"title": "Data Analyst"}).remote is None
