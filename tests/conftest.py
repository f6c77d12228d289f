"""Test-wide settings: Prefect offline and quiet, state in a temporary folder."""

import os
import tempfile
from pathlib import Path

import pytest

# Before anything imports Prefect: no telemetry, no user's ~/.prefect.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="skillsignal-prefect-"))
# Compiled extraction pipelines go to a folder of this test session, not the user's cache.
os.environ.setdefault("SKILLSIGNAL_CACHE_DIR", tempfile.mkdtemp(prefix="skillsignal-cache-"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test harness (a temporary API server, ~20 s to start) for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def prefect_api_url(prefect_harness: None) -> str:
    """The harness's API URL, for subprocesses that should report to it."""
    from prefect.settings import PREFECT_API_URL

    return str(PREFECT_API_URL.value())


def _posting(source: str, number: int) -> dict[str, object]:
    return {
        "record_type": "posting", "source": source, "source_id": f"{source}-{number}",
        "url": f"https://jobs.example.com/{source}/{number}", "title": f"Data engineer {number}",
        "employer": "Example", "location": None, "country": None, "remote": None,
        "employment_type": None, "date_posted": None, "valid_through": None, "salary_min": None,
        "salary_max": None, "salary_currency": None, "salary_period": None, "language": "en",
        "description": "Python, SQL and Docker. " * 20, "crawled_at": "2026-07-30T00:00:00Z",
    }  # fmt: skip


@pytest.fixture
def synthetic_crawl(tmp_path_factory: pytest.TempPathFactory):
    """Write a complete crawl of `count` synthetic postings of `source`; return its folder."""
    import json

    from pipelines.crawl import CrawlResult, write_manifest

    def write(source: str, count: int) -> Path:
        folder = tmp_path_factory.mktemp(f"crawl-{source}")
        items = folder / f"{source}.jsonl"
        with items.open("w", encoding="utf-8") as out:
            for number in range(count):
                out.write(json.dumps(_posting(source, number)) + "\n")
        stats = {"finish_reason": "finished", "item_scraped_count": count}
        result = CrawlResult(source, "jobposting", items, folder / f"{source}.log", stats, 0, None)
        write_manifest([result], folder)
        return folder

    return write


@pytest.fixture(scope="session")
def make_config():
    """Build a config whose warehouse, data and exports live in a folder, with no sources."""
    from pipelines.config import Config, ExtractionConfig, PathsConfig, WarehouseConfig

    def make(work: Path, **sections: object) -> Config:
        # Flow tests use exact matching: the semantic linker costs ~10 s per process and is
        # tested through `skillsignal extract` (tests/integration/test_cli_extract.py).
        sections.setdefault("extraction", ExtractionConfig(semantic=False))
        return Config(
            warehouse=WarehouseConfig(path=work / "wh.duckdb"),
            paths=PathsConfig(data_dir=work / "data", exports_dir=work / "exports"),
            **sections,
        )

    return make


@pytest.fixture
def tmp_config(make_config, tmp_path: Path):
    """A config whose warehouse, data and exports live in tmp_path, with no sources."""
    return make_config(tmp_path)
