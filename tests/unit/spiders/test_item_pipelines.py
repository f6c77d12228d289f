import pytest
from scrapy.exceptions import DropItem
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from spiders.item_pipelines import ValidatePipeline
from spiders.items import Credential, JobPosting

CRAWLED = "2026-08-05T00:00:00Z"


@pytest.fixture
def pipeline() -> ValidatePipeline:
    return ValidatePipeline.from_crawler(get_crawler())


def _posting(**changes) -> JobPosting:
    fields = {
        "source": "s",
        "source_id": "1",
        "url": "https://x/1",
        "title": "T",
        "crawled_at": CRAWLED,
    }
    return JobPosting(**{**fields, **changes})


def _credential(**changes) -> Credential:
    fields = {"source": "c", "source_id": "https://c/1", "url": "https://c/1", "title": "C",
              "crawled_at": CRAWLED, "kind": "course"}  # fmt: skip
    return Credential(**{**fields, **changes})


def _dropped(pipeline: ValidatePipeline, item: object) -> str:
    with pytest.raises(DropItem) as excinfo:
        pipeline.process_item(item)
    return str(excinfo.value)


def test_valid_items_pass_and_whitespace_is_collapsed(pipeline):
    posting = pipeline.process_item(_posting(title="  Data \n Engineer ", employer=" ACME\tCorp "))
    assert (posting.title, posting.employer) == ("Data Engineer", "ACME Corp")
    credential = pipeline.process_item(_credential(provider="  "))
    assert credential.provider is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"title": ""}, "missing_title"),
        ({"title": " \n "}, "missing_title"),
        ({"source_id": ""}, "missing_source_id"),
        ({"url": ""}, "missing_url"),
        ({"remote": "yes"}, "bad_type"),
        ({"salary_min": "100"}, "bad_type"),
        ({"title": None}, "bad_type"),
        ({"country": "Germany"}, "bad_value"),
        ({"salary_currency": "eur"}, "bad_value"),
        ({"salary_period": "FORTNIGHT"}, "bad_value"),
    ],
)
def test_bad_postings_are_dropped_with_a_reason_and_a_stat(pipeline, changes, reason):
    assert _dropped(pipeline, _posting(**changes)).startswith(f"{reason}: ")
    assert pipeline.stats.get_value(f"skillsignal/dropped/{reason}") == 1


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"kind": "mooc"}, "unknown_kind"),
        ({"skills": ["SQL", 3]}, "bad_type"),
        ({"skills": "SQL"}, "bad_type"),
        ({"hours": True}, "bad_type"),
        ({"currency": "£"}, "bad_value"),
    ],
)
def test_bad_credentials_are_dropped(pipeline, changes, reason):
    assert _dropped(pipeline, _credential(**changes)).startswith(f"{reason}: ")


def test_integer_amounts_become_floats(pipeline):
    posting = pipeline.process_item(_posting(salary_min=50000, salary_max=60000))
    assert (posting.salary_min, posting.salary_max) == (50000.0, 60000.0)
    assert isinstance(posting.salary_min, float)


def test_second_occurrence_of_source_and_id_is_a_duplicate(pipeline):
    pipeline.process_item(_posting())
    pipeline.process_item(_posting(source="other"))
    assert _dropped(pipeline, _posting(title="Changed")) == "duplicate: s 1"
    assert pipeline.stats.get_value("skillsignal/dropped/duplicate") == 1


def test_duplicates_are_logged_at_info_not_warning(pipeline):
    pipeline.process_item(_posting())
    with pytest.raises(DropItem) as excinfo:
        pipeline.process_item(_posting())
    assert excinfo.value.log_level == "INFO"


def test_other_objects_are_unknown_items(pipeline):
    assert _dropped(pipeline, {"title": "dict"}) == "unknown_item: dict"


def test_stats_collector_is_the_crawlers():
    crawler = get_crawler()
    assert isinstance(ValidatePipeline.from_crawler(crawler).stats, type(crawler.stats))
    assert isinstance(crawler.stats, MemoryStatsCollector)
