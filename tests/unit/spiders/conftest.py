"""Fixtures of the spider unit tests: saved responses under tests/fixtures/spiders/."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "spiders"


@pytest.fixture
def fixture_text() -> Callable[..., str]:
    """Read a fixture file as text: `fixture_text("jsonld", "course_eg-0338.html")`."""

    def read(*parts: str) -> str:
        return FIXTURES.joinpath(*parts).read_text(encoding="utf-8")

    return read


@pytest.fixture
def fixture_json() -> Callable[..., Any]:
    """Read and decode a JSON fixture: `fixture_json("greenhouse", "stripe_jobs_list.json")`."""

    def read(*parts: str) -> Any:
        return json.loads(FIXTURES.joinpath(*parts).read_text(encoding="utf-8"))

    return read
