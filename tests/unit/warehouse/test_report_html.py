"""The self-contained HTML report: charts inline, every text escaped, renders in Chromium."""

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from analysis_warehouse import AS_OF, open_copy

from warehouse import render_report

CHROMIUM = shutil.which("chromium") or shutil.which("/usr/bin/chromium")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    with open_copy(tmp_path_factory, folder) as con:
        return render_report(con, folder / "report.html", as_of=AS_OF.isoformat())


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs


def test_report_is_self_contained_with_inline_svg_charts(report):
    page = report.read_text(encoding="utf-8")
    parser = Tags()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "link" not in parser.tags
    assert parser.tags.count("svg") == 3  # top skills, trends, heatmap
    assert not [v for k, v in parser.attrs if k in {"src", "href"} and v]
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", page)
    for heading in ("Most demanded skills", "Trends", "Credential x skill coverage", "Top gaps"):
        assert heading in page


def test_script_in_a_posting_title_shows_as_text(report):
    page = report.read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Engineer" in page


# Flags as for any headless Chromium here: no sandbox as root, no background connections to
# Google's hosts (the network is closed and they are refused many at a time).
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture
def chromium(tmp_path):
    if CHROMIUM is None:
        if os.environ.get("SKILLSIGNAL_REQUIRE_CHROMIUM"):
            pytest.fail("SKILLSIGNAL_REQUIRE_CHROMIUM is set but no chromium is installed")
        pytest.skip("no /usr/bin/chromium on this machine (.ci/run installs Debian's chromium)")

    def run(*args: str) -> str:
        profile = tmp_path / "profile"
        done = subprocess.run(
            [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
            check=True, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        return done.stdout

    return run


def test_report_renders_in_headless_chromium(report, tmp_path, chromium):
    shot = tmp_path / "report.png"
    chromium(f"--screenshot={shot}", "--window-size=1000,2000", report.as_uri())
    # A blank 1000x2000 page compresses to a few kB; charts and tables take far more.
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000


def test_rendered_dom_shows_the_script_title_as_text(report, chromium):
    dom = chromium("--dump-dom", report.as_uri())
    parser = Tags()
    parser.feed(dom)
    assert "script" not in parser.tags
    assert parser.tags.count("svg") == 3
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Engineer" in dom
