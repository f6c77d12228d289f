"""Parse functions of the job-board APIs on the saved responses (real ones where we have them)."""

import pytest

from spiders.errors import PayloadError
from spiders.parsing.ashby import parse_job, parse_job_board
from spiders.parsing.lever import parse_postings
from spiders.parsing.recruitee import parse_offers
from spiders.parsing.remote_boards import parse_arbeitnow, parse_remoteok, parse_remotive
from spiders.parsing.smartrecruiters import list_page, parse_posting
from spiders.parsing.usajobs import parse_search
from spiders.parsing.workable import parse_account

CRAWLED = "2026-08-05T00:00:00Z"
KW = {"source": "s", "crawled_at": CRAWLED}


def test_lever_fields(fixture_json):
    postings = parse_postings(fixture_json("lever", "leverdemo_postings.json"), **KW)
    assert len(postings) == 6
    first = postings[0]
    assert (first.title, first.country, first.location) == (
        "AbelsonTaylor Writer",
        "US",
        "Arlington, TX",
    )
    assert (first.workplace_type, first.remote, first.employment_type) == (
        "HYBRID",
        False,
        "FULL_TIME",
    )
    assert first.url == "https://jobs.lever.co/leverdemo/33538a2f-d27d-4a96-8f05-fa4b0e4d940e"
    assert postings[4].salary_period == "YEAR"
    assert postings[3].location is None  # no location at all


def test_ashby_fields_and_unlisted_jobs(fixture_json):
    payload = fixture_json("ashby", "ramp_job_board.json")
    postings = parse_job_board(payload, **KW, employer="Ramp")
    assert [p.title for p in postings][:2] == [
        "Security Engineer, Cloud",
        "Mobile Engineer, Android",
    ]
    assert postings[0].country is None  # New York and Canada
    assert postings[3].country == "US"
    assert postings[0].description.startswith("About Ramp\n")
    payload["jobs"][0]["isListed"] = False
    assert len(parse_job_board(payload, **KW)) == 5


def test_ashby_compensation_summary():
    job = {
        "id": "1",
        "title": "T",
        "jobUrl": "https://jobs.ashbyhq.com/x/1",
        "compensation": {
            "summaryComponents": [
                {"compensationType": "EquityPercentage", "minValue": 0.1, "maxValue": 0.2},
                {
                    "compensationType": "Salary",
                    "interval": "1 YEAR",
                    "currencyCode": "usd",
                    "minValue": 150000,
                    "maxValue": 190000,
                },
            ]
        },
    }
    posting = parse_job(job, **KW)
    assert (posting.salary_min, posting.salary_max) == (150000, 190000)
    assert (posting.salary_currency, posting.salary_period) == ("USD", "YEAR")


def test_workable_and_recruitee(fixture_json):
    jobs = parse_account(fixture_json("workable", "huggingface_widget.json"), **KW)
    assert [(j.source_id, j.country, j.remote) for j in jobs] == [
        ("F4C096B22E", "FR", True),
        ("19A136F8E2", "US", True),
        ("0BD8C06DB3", "US", True),
    ]
    offers = parse_offers(fixture_json("recruitee", "spring_offers_fr.json"), **KW)
    assert [(o.language, o.employment_type, o.country) for o in offers] == [
        ("fr", "INTERN", "FR")
    ] * 2
    assert offers[0].date_posted == "2026-07-29T08:20:35Z"
    assert offers[0].salary_min is None


def test_remote_boards(fixture_json):
    remotive = parse_remotive(fixture_json("remotive", "remote_jobs_subset.json"), **KW)
    assert [(r.salary_min, r.salary_max, r.country) for r in remotive] == [
        (10000.0, 20000.0, None),
        (25000.0, 35000.0, None),
    ]
    page, next_url = parse_arbeitnow(fixture_json("arbeitnow", "job_board_page_1.json"), **KW)
    assert next_url == "https://www.arbeitnow.com/api/job-board-api?page=2"
    assert page[0].employment_type == "FULL_TIME"
    assert page[1].employment_type == "FULL_TIME,CONTRACTOR"
    assert parse_arbeitnow(fixture_json("arbeitnow", "job_board_page_2.json"), **KW)[1] is None
    remoteok = parse_remoteok(fixture_json("remoteok", "api.json"), **KW)
    assert [r.source_id for r in remoteok] == ["1130417", "1130388"]  # legal notice skipped
    assert remoteok[0].country == "DE"


def test_smartrecruiters_list_and_detail(fixture_json):
    ids, total = list_page(fixture_json("smartrecruiters", "postings_offset_0.json"))
    assert (ids, total) == (["743999912345001", "743999912345002"], 3)
    detail = parse_posting(fixture_json("smartrecruiters", "posting_743999912345002.json"), **KW)
    assert (detail.workplace_type, detail.remote, detail.country) == ("REMOTE", True, "DE")
    assert detail.description.splitlines()[0] == "Company Description"


def test_usajobs_pages_and_pay(fixture_json):
    postings, pages = parse_search(fixture_json("usajobs", "search_it_2016.json"), **KW)
    assert (len(postings), pages) == (8, 1)
    assert {p.country for p in postings} == {"US"}
    assert postings[0].date_posted == "2016-06-08T00:00:00Z"
    assert postings[0].description.startswith("Summary\n")


@pytest.mark.parametrize(
    ("parse", "payload"),
    [
        (parse_postings, {"jobs": []}),
        (parse_job_board, []),
        (parse_account, {"name": "x"}),
        (parse_offers, {"offers": None}),
        (parse_remotive, "oops"),
        (parse_search, {"SearchResult": {}}),
    ],
)
def test_wrong_shape_is_a_payload_error(parse, payload):
    with pytest.raises(PayloadError):
        parse(payload, **KW)
