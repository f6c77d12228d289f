import pytest

from spiders.mirror import Mirror


@pytest.fixture
def mirror() -> Mirror:
    return Mirror.of("https://courses.example.org/sitemap.xml", "http://127.0.0.1:8000")


def test_site_urls_are_fetched_from_the_mirror_keeping_path_and_query(mirror):
    assert (
        mirror.to_fetch("https://courses.example.org/c/1?x=2#f")
        == "http://127.0.0.1:8000/c/1?x=2#f"
    )
    assert mirror.to_fetch("http://COURSES.example.org") == "http://127.0.0.1:8000/"


def test_mirror_urls_stay_and_other_hosts_are_off_site(mirror):
    assert mirror.to_fetch("http://127.0.0.1:8000/a") == "http://127.0.0.1:8000/a"
    assert mirror.to_fetch("https://cdn.example.net/a") is None
    assert mirror.to_fetch("http://127.0.0.1:9999/a") is None


def test_fetched_urls_map_back_to_the_site(mirror):
    assert (
        mirror.to_canonical("http://127.0.0.1:8000/c/1?x=2")
        == "https://courses.example.org/c/1?x=2"
    )
    assert mirror.to_canonical("https://www.bcsp.org/CSP") == "https://www.bcsp.org/CSP"


def test_without_mirror_urls_are_unchanged():
    plain = Mirror.of("https://courses.example.org/", None)
    assert plain.to_fetch("https://courses.example.org/a") == "https://courses.example.org/a"
    assert plain.to_fetch("https://other.example.org/a") is None
    assert plain.to_canonical("https://courses.example.org/a") == "https://courses.example.org/a"
    assert (plain.site_host, plain.fetch_host) == ("courses.example.org", "courses.example.org")
