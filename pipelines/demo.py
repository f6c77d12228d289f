"""The demo site: a local HTTP server on 127.0.0.1 serving the bundled sample responses.

`skillsignal run --demo` points every source at it, so the whole product runs with no network.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import as_file, files
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pipelines.config import SourceConfig
from pipelines.demo_build import DEMO_ORIGIN

logger = logging.getLogger(__name__)

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    "": "application/json",  # API paths such as /v1/boards/stripe/jobs
}


def _handler_for(root: Path) -> type[BaseHTTPRequestHandler]:
    class DemoHandler(BaseHTTPRequestHandler):
        server_version = "skillsignal-demo"

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path).lstrip("/")
            target = (root / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(root) or not target.is_file():
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            body = target.read_bytes()
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", _TYPES.get(target.suffix, "application/octet-stream"))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            logger.debug("demo server: " + format, *args)  # noqa: G003

    return DemoHandler


@contextmanager
def serve_demo(root: Path | None = None) -> Iterator[str]:
    """Serve `root` (default: the bundled demo data) on an ephemeral port; yield its base URL."""
    with as_file(files("pipelines") / "demo_data") as bundled:
        folder = (root or bundled).resolve()
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(folder))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        host, port = server.server_address[:2]
        try:
            yield f"http://{host}:{port}"
        finally:
            server.shutdown()
            server.server_close()


def demo_sources(base_url: str) -> list[SourceConfig]:
    """The sources of the demo run, all pointed at the demo server at `base_url`."""
    return [
        SourceConfig(
            name="greenhouse:stripe",
            kind="greenhouse",
            args={"board": "stripe", "base_url": f"{base_url}/greenhouse"},
        ),
        SourceConfig(
            name="demo-careers",
            kind="jobposting",
            args={"url": f"{DEMO_ORIGIN}/careers/sitemap.xml", "base_url": base_url},
        ),
        SourceConfig(
            name="demo-courses",
            kind="course_jsonld",
            args={"url": f"{DEMO_ORIGIN}/courses/sitemap.xml", "base_url": base_url},
        ),
        SourceConfig(
            name="coursera:catalog", kind="coursera", args={"base_url": f"{base_url}/coursera"}
        ),
        SourceConfig(
            name="udacity:catalog", kind="udacity", args={"base_url": f"{base_url}/udacity"}
        ),
        SourceConfig(
            name="credly:demo-cloud",
            kind="credly",
            args={"organization": "demo-cloud", "base_url": f"{base_url}/credly"},
        ),
        SourceConfig(
            name="demo-badges",
            kind="openbadges",
            args={"url": f"{DEMO_ORIGIN}/badges/index.json", "base_url": base_url},
        ),
        SourceConfig(
            name="demo-ctdl",
            kind="ctdl",
            args={"url": f"{DEMO_ORIGIN}/ctdl/search.json", "base_url": base_url},
        ),
    ]
