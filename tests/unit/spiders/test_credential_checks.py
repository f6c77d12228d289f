"""CredentialFieldsPipeline: the structured credential fields are checked, postings pass."""

import pytest
from scrapy.exceptions import DropItem
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from spiders.credential_checks import CredentialFieldsPipeline
from spiders.items import Credential, JobPosting
from spiders.parsing.credential_fields import declared_skill, relation


def _credential(**fields) -> Credential:
    return Credential(
        source="s", source_id="1", url="https://x/1", title="T", crawled_at="x", kind="course",
        **fields,
    )  # fmt: skip


@pytest.fixture
def pipeline() -> CredentialFieldsPipeline:
    return CredentialFieldsPipeline(MemoryStatsCollector(get_crawler()))


def test_well_formed_fields_pass(pipeline):
    item = _credential(
        declared_skills=[declared_skill("SQL", framework="ESCO", url="http://e/1")],
        relations=[relation("part_of", "s-1")],
        status="expired",
    )
    assert pipeline.process_item(item) is item
    posting = JobPosting(source="s", source_id="1", url="u", title="t", crawled_at="x")
    assert pipeline.process_item(posting) is posting


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"status": "paused"}, "status 'paused'"),
        ({"declared_skills": [{"name": None}]}, "declared skill"),
        ({"declared_skills": [{"name": "SQL", "level": 3}]}, "declared skill"),
        ({"relations": [{"type": "sibling", "target_source_id": "2"}]}, "relation type"),
        ({"relations": [{"type": "part_of", "target_source_id": ""}]}, "relation"),
    ],
)
def test_broken_fields_drop_the_record_with_a_reason(pipeline, fields, reason):
    with pytest.raises(DropItem, match=f"bad_value: {reason}"):
        pipeline.process_item(_credential(**fields))
    assert pipeline.stats.get_value("skillsignal/dropped/bad_value") == 1
