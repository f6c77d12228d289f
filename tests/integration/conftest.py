"""Integration fixtures: a local HTTP server for crawls and end-to-end runs.

`site_server` (session scope) is a `ThreadingHTTPServer` on 127.0.0.1 with an ephemeral
port, running in a daemon thread. Tests tell it what to serve:

    def test_something(site_server):
        site_server.serve({
            "/robots.txt": "User-agent: *\\nDisallow:\\n",             # str -> text/plain
            "/sitemap.xml": FIXTURES / "sitemap.xml",                 # Path -> file, type by suffix
            "/api?x=1": (200, "application/json", b"{}"),             # (status, type, body)
            "/gone": (404, "text/html", "<h1>Not found</h1>"),
            "/moved": site_server.Route(301, "text/html", "", {"Location": "/new"}),
            "/flaky": [(500, "text/plain", "oops"), "ok"],            # list -> served in turn
            "/slow": site_server.Route(200, "text/plain", "late", delay=3.0),
        })
        url = site_server.url + "/sitemap.xml"                        # http://127.0.0.1:PORT
        ...
        assert "/sitemap.xml" in site_server.requested

API:
- `url`: `http://127.0.0.1:<port>`; `host`, `port`.
- `serve(routes, root=None)`: replace all routes (and forget earlier requests). Keys are
  paths, optionally with a query string: a request first matches `path?query`, then `path`.
  Values: a `(status, content_type, body)` tuple, `site_server.Route(status, content_type,
  body, headers, delay)`, `bytes`, `str` (text/plain), or a `Path` to a file (content type
  from the suffix); or a list of those, served one per request in turn, the last one
  repeating. `delay` makes the server wait that many seconds before answering. `body` is
  `bytes` or `str` (sent as UTF-8). `root`: a directory whose files are
  served for paths without a route (no `..` escapes).
- Anything else gets `404 text/html`.
- `requested`: list of request targets (`path?query`) received since the last `serve`.
- `user_agents`: the `User-Agent` header of each of those requests.
- `requested_at`: `time.monotonic()` of each of those requests.
- `conditional`: `(path?query, If-None-Match, If-Modified-Since)` of each of those requests.
- A `Route` with `etag=` and/or `last_modified=` sends them as `ETag` / `Last-Modified` and
  answers `304 Not Modified` (no body) to a request whose `If-None-Match` equals the ETag or,
  without one, whose `If-Modified-Since` equals `last_modified`.

Call `serve` at the start of each test; the server is shared by the whole session.
"""

from __future__ import annotations

import contextlib
import mimetypes
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".jsonl": "application/x-ndjson",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/gzip",
}


@dataclass(frozen=True)
class Route:
    """One canned response."""

    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    body: bytes | str = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    etag: str | None = None
    last_modified: str | None = None

    def not_modified(self, if_none_match: str | None, if_modified_since: str | None) -> bool:
        if self.etag and if_none_match:
            return if_none_match == self.etag
        return bool(self.last_modified and if_modified_since == self.last_modified)

    def payload(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


def _content_type(path: Path) -> str:
    return (
        _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    )


RouteValue = Route | tuple[int, str, bytes | str] | bytes | str | Path
RoutesValue = RouteValue | list[RouteValue]


def _as_route(value: RouteValue) -> Route:
    if isinstance(value, Route):
        return value
    if isinstance(value, tuple):
        return Route(*value)
    if isinstance(value, Path):
        return Route(200, _content_type(value), value.read_bytes())
    if isinstance(value, bytes):
        return Route(200, "application/octet-stream", value)
    return Route(200, "text/plain; charset=utf-8", value)


_NOT_FOUND = Route(404, "text/html; charset=utf-8", "<html><body><h1>Not Found</h1></body></html>")


class SiteServer:
    """A local HTTP server whose responses each test sets with `serve`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._routes: dict[str, list[Route]] = {}
        self._root: Path | None = None
        self.requested: list[str] = []
        self.user_agents: list[str] = []
        self.requested_at: list[float] = []
        self.conditional: list[tuple[str, str | None, str | None]] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self.host, self.port = self._httpd.server_address[:2]
        self.url = f"http://{self.host}:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    Route = Route

    def serve(self, routes: Mapping[str, RoutesValue], root: Path | None = None) -> None:
        """Serve `routes` (and files under `root`) from now on; see the module docstring."""
        with self._lock:
            self._routes = {
                key: [_as_route(item) for item in value]
                if isinstance(value, list)
                else [_as_route(value)]
                for key, value in routes.items()
            }
            self._root = root.resolve() if root else None
            self.requested = []
            self.user_agents = []
            self.requested_at = []
            self.conditional = []

    def _lookup(self, target: str) -> Route:
        with self._lock:
            self.requested.append(target)
            self.requested_at.append(time.monotonic())
            path = urlsplit(target).path
            key = target if target in self._routes else path
            turns = self._routes.get(key)
            route = turns.pop(0) if turns and len(turns) > 1 else (turns[0] if turns else None)
            root = self._root
        if route is not None:
            return route
        if root is not None:
            candidate = (root / unquote(path).lstrip("/")).resolve()
            if candidate.is_file() and candidate.is_relative_to(root):
                return _as_route(candidate)
        return _NOT_FOUND

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _respond(self, *, with_body: bool) -> None:
                route = server._lookup(self.path)
                if route.delay:
                    time.sleep(route.delay)
                match, since = (
                    self.headers.get("If-None-Match"),
                    self.headers.get("If-Modified-Since"),
                )
                with server._lock:
                    server.user_agents.append(self.headers.get("User-Agent", ""))
                    server.conditional.append((self.path, match, since))
                unchanged = route.not_modified(match, since)
                body = b"" if unchanged else route.payload()
                self.send_response(304 if unchanged else route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                self.end_headers()
                if with_body:
                    # The client may have given up (timeout and size-limit tests).
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        self.wfile.write(body)

            def do_GET(self) -> None:
                self._respond(with_body=True)

            def do_HEAD(self) -> None:
                self._respond(with_body=False)

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep pytest output clean; see `requested`

        return Handler

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture(scope="session")
def site_server() -> Iterator[SiteServer]:
    """The session's local HTTP server (see the module docstring for its API)."""
    server = SiteServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
