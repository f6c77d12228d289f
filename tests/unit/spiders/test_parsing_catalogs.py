"""Catalogue parsers on saved responses: Coursera, Udacity, Credly, Open Badges, CTDL."""

import pytest

from spiders.errors import PayloadError
from spiders.parsing import coursera, credly, ctdl, openbadges, udacity

CRAWLED = "2026-07-30T07:00:00Z"


def test_real_coursera_envelope_with_linked_courses(fixture_json):
    envelope = coursera.parse_envelope(
        fixture_json("coursera", "memberships_linked_courses_v1.json")
    )
    assert (envelope.elements, envelope.next_start, envelope.total) == ([], None, None)
    courses = [
        coursera.course_record(c, partners={}, source="coursera:catalog", crawled_at=CRAWLED)
        for c in envelope.linked["courses.v1"]
    ]
    assert [(c.title, c.url) for c in courses][1] == (
        "Natural Language Processing",
        "https://www.coursera.org/learn/nlp",
    )
    assert all(c.kind == "course" and c.relations == [] for c in courses)


@pytest.mark.parametrize("payload", [{}, [], {"elements": None}, "x"])
def test_coursera_payload_without_elements_is_an_error(payload):
    with pytest.raises(PayloadError, match="elements"):
        coursera.parse_envelope(payload)


def test_udacity_payload_without_lists_is_an_error():
    with pytest.raises(PayloadError):
        udacity.parse_catalog({"tracks": []}, source="u", crawled_at=CRAWLED)


def test_credly_last_page_has_no_next(fixture_json):
    page = credly.parse_page(fixture_json("credly", "badge_templates_p2.json"))
    assert (len(page.templates), page.next_page) == (1, None)
    record, reason = credly.template_record(
        page.templates[0], organization="example-cloud", source="credly:x", crawled_at=CRAWLED
    )
    assert (record.status, reason) == ("expired", "template state 'archived'")
    assert record.url == "https://www.credly.com/org/example-cloud/badge/legacy-storage-specialist"


def test_open_badges_3_credential_gives_its_achievement(fixture_json):
    found = openbadges.find_badge(fixture_json("openbadges", "complete.json"))
    assert (found.issuer, found.status) == ("1EdTech University", "active")
    record = openbadges.badge_record(found, page_url="https://x/c", source="ob", crawled_at=CRAWLED)
    assert record.skills == ["1EdTech University Degree"]  # both alignments name it; kept once
    assert len(record.declared_skills) == 1


def test_expired_open_badges_3_credential(fixture_json):
    found = openbadges.find_badge(fixture_json("openbadges", "simple-err-expired.json"))
    assert (found.status, found.reason) == ("expired", "valid until 2010-01-01T00:00:00Z")


def test_revoked_assertion_keeps_its_embedded_badge(fixture_json):
    found = openbadges.find_badge(fixture_json("openbadges", "assertion-revoked.json"))
    assert (found.status, found.reason, found.issuer) == (
        "revoked",
        "revoked: Issued in error",
        "Example Issuer",
    )


def test_issuer_profile_is_not_a_badge(fixture_json):
    assert openbadges.find_badge(fixture_json("openbadges", "issuer1.json")) is None
    assert openbadges.types_of(fixture_json("openbadges", "issuer1.json")) == {"Issuer"}


def test_ctdl_search_result_unwraps_decoded_resources(fixture_json):
    objects = ctdl.resources(fixture_json("ctdl", "search_result.json"))
    assert [sorted(ctdl.types_of(o)) for o in objects] == [
        ["Certification"],
        ["LearningOpportunityProfile"],
    ]


def test_ctdl_real_resources_have_no_unknown_properties(fixture_json):
    for name in ("credential_certification_3_import.json", "cer-credential_sample.json"):
        assert ctdl.unknown_properties(fixture_json("ctdl", name)) == []


def test_ctdl_record_of_a_real_certification(fixture_json):
    obj = fixture_json("ctdl", "credential_certification_3_import.json")
    record, reason = ctdl.ctdl_record(
        obj, graph=ctdl.Graph.of([obj]), page_url="https://r/x", source="ctdl", crawled_at=CRAWLED
    )
    assert (record.kind, record.status, reason) == ("certificate", "active", None)
    assert record.url == "http://www.nbcot.org/certificants"
    assert record.skills == []  # it teaches nothing it names; subjects are not skills
