import pytest
from pydantic import ValidationError

from spiders.errors import SpiderArgumentError
from spiders.params import GreenhouseParams, SiteParams
from spiders.sites.course_jsonld import CourseJsonldSpider
from spiders.sites.greenhouse import GreenhouseSpider
from spiders.sites.jobposting import JobpostingSpider


def test_greenhouse_defaults():
    spider = GreenhouseSpider(board="Stripe")
    assert spider.params == GreenhouseParams(board="stripe")
    assert spider.source == "greenhouse:stripe"
    assert spider.jobs_url == "https://boards-api.greenhouse.io/v1/boards/stripe/jobs?content=true"


def test_greenhouse_mirror_with_path_prefix_and_source():
    spider = GreenhouseSpider(
        board="stripe", base_url="http://127.0.0.1:8000/greenhouse/", source="gh:s"
    )
    assert spider.jobs_url == "http://127.0.0.1:8000/greenhouse/v1/boards/stripe/jobs?content=true"
    assert spider.source == "gh:s"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({}, "board"),
        ({"board": ""}, "board"),
        ({"board": "stripe/../x"}, "board"),
        ({"board": "has space"}, "board"),
        ({"board": "stripe", "base_url": "boards-api.greenhouse.io"}, "base_url"),
        ({"board": "stripe", "base_url": "ftp://example.org"}, "base_url"),
        ({"board": "stripe", "base_url": "https://x.org/?q=1"}, "base_url"),
        ({"board": "stripe", "source": "two words"}, "source"),
        ({"board": "stripe", "boards": "typo"}, "boards"),
    ],
)
def test_bad_greenhouse_args_fail_before_any_request(kwargs, field):
    with pytest.raises(SpiderArgumentError, match=f"for spider 'greenhouse': {field}") as excinfo:
        GreenhouseSpider(**kwargs)
    assert isinstance(excinfo.value.__cause__, ValidationError)
    assert excinfo.value.__cause__.errors()[0]["loc"] == (field,)


def test_site_defaults_use_host_without_port():
    spider = JobpostingSpider(url="https://careers.example.com:8443/sitemap.xml")
    assert spider.source == "jobposting:careers.example.com"
    assert spider.allowed_domains == ["careers.example.com"]


def test_site_mirror_keeps_source_of_the_original_host():
    spider = CourseJsonldSpider(
        url="https://courses.example.org/", base_url="http://127.0.0.1:8000"
    )
    assert spider.params == SiteParams(
        url="https://courses.example.org/", base_url="http://127.0.0.1:8000"
    )
    assert spider.source == "course_jsonld:courses.example.org"
    assert spider.allowed_domains == ["127.0.0.1"]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({}, "url"),
        ({"url": "courses.example.org"}, "url"),
        ({"url": "mailto:a@b.org"}, "url"),
        ({"url": "https://x.org:99999/"}, "url"),
        ({"url": "https://x.org/", "base_url": "http://127.0.0.1:8000/mirror"}, "base_url"),
        ({"url": "https://x.org/", "board": "stripe"}, "board"),
    ],
)
@pytest.mark.parametrize("spider_class", [CourseJsonldSpider, JobpostingSpider])
def test_bad_site_args_fail_before_any_request(spider_class, kwargs, field):
    with pytest.raises(ValueError, match=f"for spider '{spider_class.name}': {field}") as excinfo:
        spider_class(**kwargs)
    assert isinstance(excinfo.value, SpiderArgumentError)
    assert excinfo.value.__cause__.errors()[0]["loc"] == (field,)


def test_message_is_one_line_naming_every_bad_argument():
    with pytest.raises(SpiderArgumentError) as excinfo:
        GreenhouseSpider(board="bad board", boardz="1")
    assert str(excinfo.value) == (
        "invalid arguments for spider 'greenhouse': board='bad board': String should match "
        "pattern '^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$'; boardz='1': Extra inputs are not permitted"
    )
