"""First vs second nightly run over unchanged sources (the demo site on 127.0.0.1).

Usage: python bench/incremental_run.py [--keep DIR]

Both runs go through the real `nightly` flow in one process (Prefect's temporary API starts
before the first). The second run crawls and loads again but re-extracts nothing.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="work in DIR and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="skillsignal-bench-"))
    from pipelines.settings import apply_prefect_defaults

    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
    apply_prefect_defaults(work / ".prefect")
    from pipelines.config import Config, CrawlConfig, PathsConfig, WarehouseConfig
    from pipelines.demo import demo_sources, serve_demo
    from pipelines.flows import nightly

    config = Config(
        warehouse=WarehouseConfig(path=work / "wh.duckdb"),
        paths=PathsConfig(data_dir=work / "data", exports_dir=work / "exports"),
        crawl=CrawlConfig(autothrottle=False),
    )
    rows = []
    with serve_demo() as base_url:
        for run_id in ("first", "second"):
            started = time.perf_counter()
            summary = nightly(config, demo_sources(base_url), run_id=run_id)
            rows.append((run_id, time.perf_counter() - started, summary))
    import warehouse

    with warehouse.connect(config.warehouse.path, read_only=True) as con:
        _, runs = warehouse.list_pipeline_runs(con)
    stages = {row[0]: row[7] for row in runs}
    print(f"{'run':<8}{'wall s':>8}{'documents extracted':>22}{'mentions':>10}")
    for run_id, seconds, summary in rows:
        print(f"{run_id:<8}{seconds:>8.1f}{summary.documents_extracted:>22}{summary.mentions:>10}")
    for run_id, _, _ in rows:
        print(f"{run_id} stages: {stages[run_id]}")
    first, second = rows[0][1], rows[1][1]
    print(f"second run: {second / first:.0%} of the first run's time")


if __name__ == "__main__":
    main()
