"""Run one spider as a subprocess and collect what it wrote.

Scrapy runs in its own process (`python -m scrapy crawl`): its reactor cannot restart inside one
process, and this keeps Prefect's event loop and Scrapy's apart. A failing or hanging spider
costs only its own source.

Incremental crawls: every spider reads the validators (ETag / Last-Modified) of the last
*loaded* crawl of its source from `data/state/<source>.json` (`-a state_file=`) and writes this
crawl's next to its output (`-a state_out=data/crawls/<run>/<source>.state.json`).
`adopt_crawl_state` moves those into `data/state/` once the run is published, so a crawl that
never reached the warehouse cannot turn into `304 Not Modified` answers next time.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from pipelines.config import CrawlConfig, SourceConfig
from pipelines.errors import CrawlError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CrawlResult:
    """What one spider run produced."""

    source: str
    kind: str
    items_path: Path
    log_path: Path
    stats: dict[str, object]
    returncode: int
    error: str | None

    @property
    def complete(self) -> bool:
        """True when the source was crawled to the end without errors (absent postings close)."""
        return (
            self.error is None
            and self.stats.get("finish_reason") == "finished"
            and not self.stats.get("log_count/ERROR")
        )

    @property
    def items(self) -> int:
        """Items the spider wrote."""
        value = self.stats.get("item_scraped_count", 0)
        return value if isinstance(value, int) else 0

    @property
    def state_path(self) -> Path:
        """Where the spider wrote this crawl's page validators (`<source>.state.json`)."""
        return self.items_path.with_suffix(".state.json")


def state_dir_for(out_dir: Path) -> Path | None:
    """`data/state` for a crawl folder `data/crawls/<run id>`, else `None` (no incremental state).

    Example:
        >>> state_dir_for(Path("data/crawls/r1")).as_posix()
        'data/state'
    """
    return out_dir.parent.parent / "state" if out_dir.parent.name == "crawls" else None


def spider_command(
    source: SourceConfig, out_dir: Path, crawl: CrawlConfig, state_dir: Path | None = None
) -> list[str]:
    """The `scrapy crawl` command line for `source`, writing into `out_dir`.

    With `state_dir`, the spider reads `<state_dir>/<source>.json` and writes its new state to
    `<out_dir>/<source>.state.json` (an explicit `state_file` / `state_out` argument wins).
    """
    stem = source_file_stem(source.name)
    command = [sys.executable, "-m", "scrapy", "crawl", source.kind, "-a", f"source={source.name}"]
    args = dict(source.args)
    if state_dir is not None:
        args.setdefault("state_file", str(state_dir / f"{stem}.json"))
        args.setdefault("state_out", str(out_dir / f"{stem}.state.json"))
    for key, value in sorted(args.items()):
        command += ["-a", f"{key}={value}"]
    command += [
        "-O", str(out_dir / f"{stem}.jsonl"),
        "-s", f"SKILLSIGNAL_STATS_FILE={out_dir / f'{stem}.stats.json'}",
        "-s", f"LOG_FILE={out_dir / f'{stem}.log'}",
        "-s", f"LOG_LEVEL={crawl.log_level}",
        "-s", f"USER_AGENT={crawl.user_agent}",
        "-s", f"AUTOTHROTTLE_ENABLED={crawl.autothrottle}",
        "-s", f"CLOSESPIDER_PAGECOUNT={crawl.max_pages}",
    ]  # fmt: skip
    return command


def source_file_stem(name: str) -> str:
    """A file-name-safe form of a source name: 'greenhouse:stripe' -> 'greenhouse_stripe'."""
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)


def run_spider(source: SourceConfig, out_dir: Path, crawl: CrawlConfig) -> CrawlResult:
    """Crawl `source` into `out_dir`; never raises for a failing site, reports it instead.

    A crawl into `data/crawls/<run id>` is incremental (`state_dir_for`).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = source_file_stem(source.name)
    (out_dir / f"{stem}.state.json").unlink(missing_ok=True)
    items_path, log_path = out_dir / f"{stem}.jsonl", out_dir / f"{stem}.log"
    stats_path = out_dir / f"{stem}.stats.json"
    stats_path.unlink(missing_ok=True)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings"}
    error: str | None = None
    try:
        proc = subprocess.run(  # noqa: S603 - our own interpreter, arguments as a list
            spider_command(source, out_dir, crawl, state_dir_for(out_dir)),
            env=env,
            capture_output=True,
            text=True,
            timeout=crawl.timeout_s,
            check=False,
        )
        returncode = proc.returncode
        if returncode != 0:
            tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            error = f"spider exited with code {returncode}: {tail} (log: {log_path})"
    except subprocess.TimeoutExpired:
        returncode = -1
        error = f"crawl stopped after the {crawl.timeout_s} s timeout (log: {log_path})"
    stats: dict[str, object] = {}
    if stats_path.is_file():
        stats = json.loads(stats_path.read_text(encoding="utf-8"))
    elif error is None:
        error = f"spider wrote no stats file (log: {log_path})"
    errors_logged = stats.get("log_count/ERROR")
    if error is None and errors_logged and not stats.get("item_scraped_count"):
        error = f"no items, {errors_logged} error(s) logged (log: {log_path})"
    if not items_path.exists():
        items_path.touch()
    result = CrawlResult(source.name, source.kind, items_path, log_path, stats, returncode, error)
    logger.info(
        "crawled %s: %d items, complete=%s, error=%s", source.name, result.items,
        result.complete, error,
    )  # fmt: skip
    return result


class CrawlFailed(CrawlError):
    """A source's crawl failed; carries its `CrawlResult` (raised so that Prefect retries it)."""

    def __init__(self, result: CrawlResult) -> None:
        super().__init__(result)
        self.result = result

    def __str__(self) -> str:
        return f"{self.result.source}: {self.result.error}"


def failed_result(source: SourceConfig, out_dir: Path, error: str) -> CrawlResult:
    """The result of a crawl that ended without one (e.g. stopped by the task timeout)."""
    stem = source_file_stem(source.name)
    items_path = out_dir / f"{stem}.jsonl"
    out_dir.mkdir(parents=True, exist_ok=True)
    items_path.touch()
    return CrawlResult(source.name, source.kind, items_path, out_dir / f"{stem}.log", {}, -1, error)


def adopt_crawl_state(results: list[CrawlResult], state_dir: Path) -> list[Path]:
    """Make the validators of loaded crawls the next crawl's state (`data/state/<source>.json`).

    Call it once the crawls in ``results`` are loaded and published; a result without a state
    file (a failed or non-incremental crawl) keeps the previous state.

    Returns:
        The state files replaced.
    """
    adopted = []
    state_dir.mkdir(parents=True, exist_ok=True)
    for result in results:
        if result.state_path.is_file():
            target = state_dir / f"{source_file_stem(result.source)}.json"
            partial = target.with_name(target.name + ".part")
            shutil.copyfile(result.state_path, partial)
            adopted.append(partial.replace(target))
    if adopted:
        logger.info("adopted the crawl state of %d source(s) into %s", len(adopted), state_dir)
    return adopted


MANIFEST_NAME = "crawl.json"


def write_manifest(results: list[CrawlResult], crawl_dir: Path) -> Path:
    """Record a crawl's results beside its files, so `skillsignal load` can load them later."""
    path = crawl_dir / MANIFEST_NAME
    crawl_dir.mkdir(parents=True, exist_ok=True)
    rows = [{**asdict(r), "items_path": str(r.items_path), "log_path": str(r.log_path)}
            for r in results]  # fmt: skip
    path.write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")
    return path


def read_manifest(crawl_dir: Path) -> list[CrawlResult]:
    """The results recorded by `write_manifest` in ``crawl_dir``.

    Raises:
        CrawlError: No crawl manifest in ``crawl_dir``.
    """
    path = crawl_dir / MANIFEST_NAME
    if not path.is_file():
        msg = f"{crawl_dir}: no {MANIFEST_NAME}; run `skillsignal crawl` first"
        raise CrawlError(msg)
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [
        replace(CrawlResult(**row), items_path=Path(row["items_path"]),
                log_path=Path(row["log_path"]))
        for row in rows
    ]  # fmt: skip


def latest_crawl_dir(data_dir: Path) -> Path:
    """The newest `data/crawls/<run id>` folder holding a manifest.

    Raises:
        CrawlError: There is none.
    """
    found = sorted(
        (data_dir / "crawls").glob(f"*/{MANIFEST_NAME}"), key=lambda p: p.stat().st_mtime
    )
    if not found:
        msg = f"no crawl in {data_dir / 'crawls'}; run `skillsignal crawl` first"
        raise CrawlError(msg)
    return found[-1].parent
