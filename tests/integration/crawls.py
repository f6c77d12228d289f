"""Run `python -m scrapy crawl` in subprocesses from the repository root, several at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "spiders"
GOLDEN = REPO / "tests" / "golden" / "crawl"
# Quick crawls: no throttling, short retry waits.
FAST = ("AUTOTHROTTLE_ENABLED=False", "LOG_LEVEL=INFO", "RETRY_BACKOFF_BASE=0.05")


@dataclass
class Crawl:
    returncode: int
    items: list[dict[str, Any]]
    stats: dict[str, Any]
    log: str


@dataclass(frozen=True)
class Job:
    """One crawl to run: spider name, `-a` arguments, extra `-s` settings, environment."""

    spider: str
    args: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    name: str = ""


def _start(tmp_path: Path, job: Job) -> tuple[subprocess.Popen[str], Path, Path]:
    stem = job.name or job.spider
    out, stats = tmp_path / f"{stem}.jsonl", tmp_path / f"{stem}.stats.json"
    command = [sys.executable, "-m", "scrapy", "crawl", job.spider]
    for arg in job.args:
        command += ["-a", arg]
    command += ["-O", str(out), "-s", f"SKILLSIGNAL_STATS_FILE={stats}"]
    for setting in (*FAST, *job.settings):
        command += ["-s", setting]
    env = {**os.environ, **dict(job.env)}
    proc = subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    )
    return proc, out, stats


def _finish(proc: subprocess.Popen[str], out: Path, stats: Path) -> Crawl:
    _, log = proc.communicate(timeout=180)
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    return Crawl(
        proc.returncode,
        [json.loads(line) for line in lines],
        json.loads(stats.read_text(encoding="utf-8")) if stats.exists() else {},
        log,
    )


def crawl_all(tmp_path: Path, jobs: list[Job]) -> dict[str, Crawl]:
    """Run the crawls in parallel; results by job name (default: spider name)."""
    started = [(job.name or job.spider, _start(tmp_path, job)) for job in jobs]
    return {name: _finish(*running) for name, running in started}


def crawl(tmp_path: Path, spider: str, *args: str, settings: tuple[str, ...] = ()) -> Crawl:
    """Run one `scrapy crawl spider -a ...` and wait for it."""
    return crawl_all(tmp_path, [Job(spider, args, settings)])[spider]


def assert_complete(run: Crawl) -> None:
    assert run.returncode == 0, run.log
    assert run.stats["finish_reason"] == "finished"
    assert "log_count/ERROR" not in run.stats, run.log


def check_golden(request: pytest.FixtureRequest, name: str, items: list[dict[str, Any]]) -> None:
    """Compare items (sorted, without `crawled_at`) to tests/golden/crawl/<name>.jsonl."""
    rows = sorted(
        ({k: v for k, v in item.items() if k != "crawled_at"} for item in items),
        key=lambda row: (row["source"], row["source_id"]),
    )
    text = "".join(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n" for row in rows)
    path = GOLDEN / f"{name}.jsonl"
    update = request.config.getoption("--update-golden", default=False)
    if update or os.environ.get("SKILLSIGNAL_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
