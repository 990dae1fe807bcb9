"""Browser fixtures: Debian's Chromium driven by Playwright, and the built site served locally.

Set NQPF_REQUIRE_BROWSER=1 (CI does) to turn a browser that cannot start into a failure
instead of a skip.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def unavailable(reason: str):
    if os.environ.get("NQPF_REQUIRE_BROWSER"):
        pytest.fail(f"browser test cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415 - a missing playwright skips, never fails to import
    except ImportError as error:
        unavailable(f"playwright is not installed ({error})")
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Exception as error:
            unavailable(f"Chromium did not start: {error}")
        yield instance
        instance.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class _GzipHandler(_QuietHandler):
    """Text files gzipped for clients that accept it, as a real web server sends them."""

    TEXT = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".csv")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the parent redirects a folder to its slashed URL
            path = path / "index.html"
        if not ("gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in self.TEXT and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, *, compressed: bool = False):
    """Serve ``directory`` on a free loopback port; returns (base_url, server). ``compressed``:
    gzip text files, as a production web server does."""
    handler = functools.partial(_GzipHandler if compressed else _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


class RequestLog:
    """Every request a page makes; ``external`` lists those that leave the machine."""

    def __init__(self, page, allowed_prefix: str):
        self.urls: list[str] = []
        self.allowed_prefix = allowed_prefix
        page.on("request", lambda request: self.urls.append(request.url))

    @property
    def external(self) -> list[str]:
        return [
            u
            for u in self.urls
            if not (
                u.startswith(self.allowed_prefix)
                or u.startswith("data:")
                or u.startswith("blob:")
                or u.startswith("about:")
            )
        ]


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)
