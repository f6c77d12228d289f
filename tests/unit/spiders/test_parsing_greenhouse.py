import pytest

from spiders.errors import PayloadError
from spiders.items import JobPosting
from spiders.parsing.greenhouse import parse_job, parse_jobs

SOURCE = "greenhouse:stripe"
CRAWLED = "2026-08-05T00:00:00Z"


@pytest.fixture
def postings(fixture_json) -> list[JobPosting]:
    payload = fixture_json("greenhouse", "stripe_jobs_content.json")
    return parse_jobs(payload, source=SOURCE, crawled_at=CRAWLED)


def test_every_job_becomes_a_posting_in_order(postings):
    assert [p.source_id for p in postings] == [
        "8023928", "8077887", "8042978", "7789539", "7893199", "7993151",
    ]  # fmt: skip
    assert {p.source for p in postings} == {SOURCE}
    assert {p.employer for p in postings} == {"Stripe"}
    assert {p.crawled_at for p in postings} == {CRAWLED}


def test_london_posting_fields_exactly(postings):
    london = postings[0]
    assert london == JobPosting(
        source=SOURCE,
        source_id="8023928",
        url="https://stripe.com/jobs/search?gh_jid=8023928",
        title="Account Executive, Bridge",
        employer="Stripe",
        location="London",
        country="GB",
        remote=None,
        employment_type=None,
        date_posted="2026-07-30T10:59:38Z",
        valid_through=None,
        language="en",
        description=london.description,
        crawled_at=CRAWLED,
    )
    assert london.record_type == "posting"


def test_description_has_headings_and_list_items_as_lines(postings):
    lines = postings[0].description.splitlines()
    assert lines[:3] == ["Who we are", "About Stripe", lines[2]]
    assert lines[2].startswith("Stripe is a financial infrastructure platform for businesses. Mil")
    assert "What you\u2019ll do" in lines  # &amp;rsquo; unescaped twice over
    assert "- Own the full sales cycle with fintechs & marketplaces across EMEA" in lines
    assert "" not in lines


def test_trailing_space_in_title_is_stripped(postings):
    assert postings[1].title == "Account Executive, Bridge"


def test_dates_are_first_published_in_utc(postings):
    assert [p.date_posted for p in postings] == [
        "2026-07-30T10:59:38Z",
        "2026-07-22T17:15:53Z",
        "2026-07-02T07:24:50Z",
        "2026-04-17T04:47:42Z",
        "2026-05-06T08:59:55Z",
        "2026-06-09T17:38:22Z",
    ]


def test_country_comes_from_office_locations_when_they_agree(postings):
    assert [p.country for p in postings] == ["GB", "US", "JP", "JP", "SG", "US"]


def test_remote_only_when_location_or_title_says_so(postings):
    assert [p.remote for p in postings] == [None, None, None, None, None, True]


def test_script_in_content_is_dropped_and_utf8_kept(postings):
    assert "trackView" not in postings[4].description
    assert postings[2].description.splitlines()[0] == "職務内容"
    assert postings[2].language == "ja"


def test_list_without_content_gives_empty_descriptions(fixture_json):
    payload = fixture_json("greenhouse", "stripe_jobs_list.json")
    postings = parse_jobs(payload, source=SOURCE, crawled_at=CRAWLED)
    assert len(postings) == 6
    assert {p.description for p in postings} == {""}
    # Without offices the country comes from location.name, only when unambiguous.
    assert [p.country for p in postings] == ["GB", None, "JP", "JP", "SG", "US"]


def test_updated_at_is_the_fallback_date():
    job = {
        "id": 1,
        "title": "T",
        "absolute_url": "https://x/1",
        "updated_at": "2016-01-14T10:55:28-05:00",
    }
    assert parse_job(job, source="s", crawled_at=CRAWLED).date_posted == "2016-01-14T15:55:28Z"


def test_employment_type_comes_from_metadata():
    job = {
        "id": 2,
        "title": "T",
        "absolute_url": "https://x/2",
        "metadata": [
            {"id": 1, "name": "Cost center", "value": "R&D", "value_type": "short_text"},
            {
                "id": 2,
                "name": "Employment Type",
                "value": "Full-time",
                "value_type": "single_select",
            },
        ],
    }
    assert parse_job(job, source="s", crawled_at=CRAWLED).employment_type == "FULL_TIME"


def test_offices_in_two_countries_give_no_country():
    job = {
        "id": 3,
        "title": "Engineer",
        "absolute_url": "https://x/3",
        "location": {"name": "London or Berlin"},
        "offices": [
            {"name": "London", "location": "London, United Kingdom"},
            {"name": "Berlin", "location": "Berlin, Germany"},
        ],
    }
    assert parse_job(job, source="s", crawled_at=CRAWLED).country is None


def test_missing_required_fields_become_empty_strings_for_the_pipeline():
    posting = parse_job({"location": {"name": "Remote"}}, source="s", crawled_at=CRAWLED)
    assert (posting.source_id, posting.url, posting.title) == ("", "", "")
    assert posting.remote is True


@pytest.mark.parametrize("payload", [{}, {"jobs": None}, {"meta": {"total": 0}}, []])
def test_payload_without_jobs_list_raises(payload):
    with pytest.raises(PayloadError, match="'jobs' list"):
        parse_jobs(payload, source="s", crawled_at=CRAWLED)


def test_empty_board_gives_no_postings():
    assert parse_jobs({"jobs": [], "meta": {"total": 0}}, source="s", crawled_at=CRAWLED) == []
