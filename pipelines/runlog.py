"""Run records: time each stage of a run, count what it did, and write it to the warehouse."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from time import perf_counter
from typing import Any

import duckdb

import warehouse

logger = logging.getLogger(__name__)


def new_run_id(now: datetime | None = None) -> str:
    """A sortable run id from the start time, e.g. ``20260730T020000Z``."""
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")


@dataclass
class RunLog:
    """What a run did so far: its stages (with counts, durations, errors) and its problems."""

    run_id: str
    flow: str
    parameters: Mapping[str, Any] = field(default_factory=dict)
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    stages: list[warehouse.StageRecord] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @contextmanager
    def stage(self, name: str) -> Iterator[dict[str, int]]:
        """Time the block as stage ``name``; the yielded dict collects its counts."""
        counts: dict[str, int] = {}
        started, clock = datetime.now(UTC), perf_counter()
        error: str | None = None
        try:
            yield counts
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            self.errors.append(f"{name}: {error}")
            raise
        finally:
            duration = perf_counter() - clock
            self.stages.append(warehouse.StageRecord(name, started, duration, counts, error))
            logger.info("stage %s: %.1f s %s", name, duration, counts)

    def counts(self, stage: str) -> dict[str, int]:
        """The counts recorded for ``stage`` (empty when it did not run)."""
        found = [s for s in self.stages if s.stage == stage]
        return dict(found[-1].counts) if found else {}

    def record(self, con: duckdb.DuckDBPyConnection, status: str) -> None:
        """Write the run into the warehouse open on ``con``."""
        warehouse.record_pipeline_run(
            con,
            warehouse.PipelineRun(
                run_id=self.run_id, flow=self.flow, status=status, started_at=self.started_at,
                finished_at=datetime.now(UTC), parameters=self.parameters,
                taxonomy_version=warehouse.current_taxonomy_version(con), errors=self.errors,
                stages=self.stages,
            ),
        )  # fmt: skip
