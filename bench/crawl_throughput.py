"""Crawl throughput against a local server: API pages (lever) and JSON-LD pages (jobposting).

Usage: `python bench/crawl_throughput.py [--api-pages 40] [--page-size 50] [--jsonld-pages 1000]`

For each kind it serves generated pages from a stdlib HTTP server on 127.0.0.1, runs
`python -m scrapy crawl ...` in a subprocess (AutoThrottle off, LOG_LEVEL=WARNING, 16
concurrent requests per domain), and prints pages/s and items/s over Scrapy's own
`elapsed_time_seconds` (process start-up excluded, reported apart). It then times, in this
process, the same work without Scrapy on the same payloads: JSON/HTML decoding plus the pure
parse functions ("parse"), and the item pipelines (validation, language detection, dedupe
key: "enrich"). What is left of the crawl time is Scrapy overhead (scheduling, downloading,
middlewares, feed export) plus the server sharing the two cores.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from scrapy.utils.test import get_crawler

from spiders.item_pipelines import EnrichPipeline, ValidatePipeline
from spiders.parsing.jobposting import posting_from_jobposting
from spiders.parsing.jsonld import find_typed, jsonld_blocks
from spiders.parsing.lever import parse_postings

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "spiders"
SITE = "https://careers.example.com"


def api_pages(pages: int, size: int) -> dict[str, bytes]:
    """Lever pages of `size` postings (the six real ones, with new ids), the last one short."""
    real = json.loads((FIXTURES / "lever" / "leverdemo_postings.json").read_text("utf-8"))
    routes = {}
    for page in range(pages):
        count = size if page < pages - 1 else size - 1
        postings = []
        for n in range(count):
            posting = dict(real[n % len(real)])
            posting["id"] = f"bench-{page}-{n}"
            posting["hostedUrl"] = f"https://jobs.lever.co/bench/bench-{page}-{n}"
            postings.append(posting)
        path = f"/v0/postings/bench?mode=json&skip={page * size}&limit={size}"
        routes[path] = json.dumps(postings).encode()
    return routes


def jsonld_pages(pages: int) -> dict[str, bytes]:
    """A sitemap and `pages` career pages with one JobPosting each (from a fixture page)."""
    template = (FIXTURES / "jsonld" / "jobposting_full.html").read_text("utf-8")
    routes = {}
    urls = []
    for n in range(pages):
        path = f"/jobs/{n}"
        routes[path] = template.replace("DE-2026-0147", f"DE-2026-{n:05d}").encode()
        urls.append(f"<url><loc>{SITE}{path}</loc></url>")
    routes["/sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(urls) + "</urlset>"
    ).encode()
    return routes


def serve(routes: dict[str, bytes]) -> ThreadingHTTPServer:
    """Start a server for `routes` in a daemon thread (404 for anything else)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = routes.get(self.path)
            self.send_response(200 if body is not None else 404)
            kind = "application/json" if self.path.startswith("/v0") else "text/html"
            self.send_header("Content-Type", "application/xml" if "sitemap" in self.path else kind)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def crawl(spider: str, args: list[str], workdir: Path) -> tuple[float, dict[str, object]]:
    """Run one crawl; return the process wall time and its stats."""
    stats = workdir / f"{spider}.stats.json"
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-O", str(workdir / "out.jsonl")]
    for arg in args:
        command += ["-a", arg]
    for setting in (
        f"SKILLSIGNAL_STATS_FILE={stats}",
        "AUTOTHROTTLE_ENABLED=False",
        "LOG_LEVEL=WARNING",
        "CONCURRENT_REQUESTS=16",
        "CONCURRENT_REQUESTS_PER_DOMAIN=16",
    ):
        command += ["-s", setting]
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - started, json.loads(stats.read_text("utf-8"))


def enrich_seconds(items: list[object]) -> float:
    """Time the item pipelines (validation, language, dedupe key) on parsed items."""
    crawler = get_crawler()
    validate, enrich = ValidatePipeline.from_crawler(crawler), EnrichPipeline.from_crawler(crawler)
    started = time.perf_counter()
    for item in items:
        enrich.process_item(validate.process_item(item))
    return time.perf_counter() - started


def parse_api(routes: dict[str, bytes]) -> tuple[float, list[object]]:
    """Time json.loads + parse_postings over the API pages."""
    started = time.perf_counter()
    items: list[object] = []
    for body in routes.values():
        items += parse_postings(json.loads(body), source="lever:bench", crawled_at="t")
    return time.perf_counter() - started, items


def parse_jsonld(routes: dict[str, bytes]) -> tuple[float, list[object]]:
    """Time JSON-LD extraction + posting_from_jobposting over the career pages."""
    started = time.perf_counter()
    items: list[object] = []
    for path, body in routes.items():
        if path.startswith("/jobs/"):
            objects, _ = jsonld_blocks(body.decode("utf-8"))
            for obj in find_typed(objects, {"JobPosting"}):
                items.append(
                    posting_from_jobposting(
                        obj, page_url=f"{SITE}{path}", source="jobposting:bench", crawled_at="t"
                    )
                )
    return time.perf_counter() - started, items


def report(name: str, routes: dict[str, bytes], run: tuple[float, dict], parsed: tuple) -> None:
    """Print one kind's figures."""
    wall, stats = run
    elapsed = float(stats["elapsed_time_seconds"])  # type: ignore[arg-type]
    pages = int(stats.get("response_received_count", 0))  # type: ignore[call-overload]
    items = int(stats.get("item_scraped_count", 0))  # type: ignore[call-overload]
    parse_s, parsed_items = parsed
    enrich_s = enrich_seconds(parsed_items)
    mb = sum(len(body) for body in routes.values()) / 2**20
    print(f"{name}: {pages} responses ({mb:.1f} MB), {items} items")
    print(
        f"  crawl {elapsed:.2f} s (+{wall - elapsed:.2f} s process start-up): "
        f"{pages / elapsed:.0f} pages/s, {items / elapsed:.0f} items/s"
    )
    rest = max(0.0, elapsed - parse_s - enrich_s)
    print(
        f"  parse {parse_s:.2f} s ({parse_s / elapsed:.0%}), enrich {enrich_s:.2f} s "
        f"({enrich_s / elapsed:.0%}), Scrapy and server {rest:.2f} s ({rest / elapsed:.0%})"
    )


def main() -> None:
    """Run both benchmarks and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api-pages", type=int, default=40)
    parser.add_argument("--page-size", type=int, default=50)
    parser.add_argument("--jsonld-pages", type=int, default=1000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        api = api_pages(options.api_pages, options.page_size)
        server = serve(api)
        base = f"base_url=http://127.0.0.1:{server.server_address[1]}"
        args = ["company=bench", f"limit={options.page_size}", base]
        run = crawl("lever", args, workdir)
        server.shutdown()
        report("API pages (lever)", api, run, parse_api(api))
        pages = jsonld_pages(options.jsonld_pages)
        server = serve(pages)
        base = f"base_url=http://127.0.0.1:{server.server_address[1]}"
        run = crawl("jobposting", [f"url={SITE}/sitemap.xml", base], workdir)
        server.shutdown()
        report("JSON-LD pages (jobposting)", pages, run, parse_jsonld(pages))


if __name__ == "__main__":
    main()
