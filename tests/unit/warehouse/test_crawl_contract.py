"""The spiders' golden crawl output loads without problems (docs/architecture.md section 1).

This keeps the two sides of the JSONL contract in step: a field the spiders rename or retype
shows up here as a LoadProblem.
"""

from datetime import datetime
from pathlib import Path

import pytest

from warehouse import load_credentials, load_postings

GOLDEN_CRAWLS = sorted((Path(__file__).parents[2] / "golden" / "crawl").glob("*.jsonl"))
T1 = datetime(2026, 7, 30, 6, 0)


@pytest.mark.parametrize("path", GOLDEN_CRAWLS, ids=[path.stem for path in GOLDEN_CRAWLS])
def test_golden_crawl_loads_cleanly(con, path):
    postings = load_postings(con, path, run_id="golden", seen_at=T1)
    credentials = load_credentials(con, path, run_id="golden", seen_at=T1)
    assert postings.problems == ()
    assert credentials.problems == ()
    assert postings.inserted + credentials.inserted > 0
    again = load_postings(con, path, run_id="golden-2", seen_at=T1)
    assert again.unchanged == postings.inserted
