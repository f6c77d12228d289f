"""`skillsignal serve`: run the nightly schedule on one machine.

Prefect will not schedule flows on its temporary (ephemeral) API, so this starts a local
`prefect server` on the loopback interface, or uses one already running there (or the server
named by `$PREFECT_API_URL`), and serves the `nightly` deployment with the configured cron.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.config import Config
from pipelines.errors import PipelineError

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

logger = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 4200
DEPLOYMENT_NAME = "nightly"


def api_url(port: int = DEFAULT_PORT) -> str:
    """The API URL of a Prefect server on the loopback interface."""
    return f"http://{LOOPBACK}:{port}/api"


def is_healthy(url: str, timeout_s: float = 1.0) -> bool:
    """True when the Prefect API at ``url`` answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout_s) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def server_command(port: int = DEFAULT_PORT) -> list[str]:
    """The command that starts a Prefect server on the loopback interface."""
    return [sys.executable, "-m", "prefect", "server", "start", "--host", LOOPBACK,
            "--port", str(port)]  # fmt: skip


def start_server(port: int, log_path: Path, wait_s: float = 120.0) -> subprocess.Popen[bytes]:
    """Start `prefect server` (logging to ``log_path``) and wait until it is healthy.

    Raises:
        PipelineError: It did not become healthy within ``wait_s`` seconds.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        server = subprocess.Popen(server_command(port), stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if is_healthy(api_url(port)):
            return server
        if server.poll() is not None:
            break
        time.sleep(1.0)
    server.terminate()
    msg = f"prefect server on port {port} did not start; see {log_path}"
    raise PipelineError(msg)


def nightly_deployment(config: Config) -> RunnerDeployment:
    """The `nightly` deployment with the cron schedule and time zone of ``config.schedule``."""
    from prefect.schedules import Cron  # noqa: PLC0415 - after the Prefect environment is set

    from pipelines.flows import nightly  # noqa: PLC0415

    return nightly.to_deployment(
        name=DEPLOYMENT_NAME,
        schedules=[Cron(config.schedule.cron, timezone=config.schedule.timezone)],
        description="Crawl, load, extract, score and report (skillsignal.toml).",
    )


def serve_nightly(config: Config, port: int = DEFAULT_PORT) -> None:
    """Serve `nightly` on its schedule until interrupted, against a loopback Prefect server.

    Set `PREFECT_API_URL` to use a shared server instead; nothing is started then.
    """
    server = None
    if "PREFECT_API_URL" not in os.environ:
        url = api_url(port)
        if not is_healthy(url):
            log = Path(config.paths.data_dir) / "prefect-server.log"
            logger.warning("starting prefect server on %s (log: %s)", url, log)
            server = start_server(port, log)
        os.environ["PREFECT_API_URL"] = url
    try:
        from prefect import serve  # noqa: PLC0415 - after PREFECT_API_URL is set

        serve(nightly_deployment(config))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
