"""Lighthouse (npm lighthouse, Debian's Chromium, mobile settings) on the built site, served
locally with gzip as a web server would.

Every page type scores 100 for accessibility, best practices and SEO, and keeps within the
performance budgets below. The performance *score* is not tested: Lighthouse times the page's
work on this machine, so a slower or busier host scores lower for the same page (97-99 here,
87-92 on a machine 3.7x slower). `make bench` prints it, beside Lighthouse's own measure of
the host's speed. The budgets count what the pages control (bytes, requests, elements), which
is the same on any host.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import struct
import subprocess
import urllib.request
import zlib
from dataclasses import dataclass

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, serve, unavailable
from conftest import ROOT, copy_project, run_build

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = [
    "",
    "sectors/new-energy-vehicles/",
    "timeline/2023/",
    "sources/yang-nqpf-high-quality/",
    "fact-index/?q=robot",
    "measures/",
    "measures/nev-production/",
    "measures/nev-production/embed/",
    "check/",
]
# In the other editions, the page types whose words and layout are the editions' own: the home
# page (a hand-written page, translated), a sector page and a measure page (right to left in Urdu).
EDITION_PAGES = [
    f"{code}/{path}"
    for code in ("zh", "ur")
    for path in ("", "sectors/new-energy-vehicles/", "measures/nev-production/")
]
KB = 1000

pytestmark = pytest.mark.browser


def lighthouse(url: str) -> dict:
    """Lighthouse's report on a page (mobile: its default form factor and throttling)."""
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    assert LIGHTHOUSE.exists(), "run `npm ci` (make test does)"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    done = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--quiet",
            f"--chrome-flags={flags}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        capture_output=True,
        text=True,
        timeout=600,  # a run takes 15-40 s; a busy host may take several times that
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def scores(report: dict) -> dict[str, int]:
    """The category scores, 0-100."""
    return {name: round(category["score"] * 100) for name, category in report["categories"].items()}


@dataclass(frozen=True)
class Budget:
    """A limit on something a page controls, read from a Lighthouse report."""

    name: str
    limit: int
    unit: str  # "bytes", "requests" or "elements"

    def measure(self, report: dict) -> int:
        return MEASURES[self.name](report["audits"])


def _summary(audits: dict, resource_type: str, key: str) -> int:
    return next(i[key] for i in audits["resource-summary"]["details"]["items"] if i["resourceType"] == resource_type)


def _items(audits: dict, audit: str) -> list[dict]:
    return audits[audit]["details"].get("items", [])


MEASURES = {
    "total bytes": lambda a: _summary(a, "total", "transferSize"),
    "script bytes": lambda a: _summary(a, "script", "transferSize"),
    "stylesheet bytes": lambda a: _summary(a, "stylesheet", "transferSize"),
    "document bytes": lambda a: _summary(a, "document", "transferSize"),
    "font bytes": lambda a: _summary(a, "font", "transferSize"),
    "requests": lambda a: _summary(a, "total", "requestCount"),
    "third-party requests": lambda a: _summary(a, "third-party", "requestCount"),
    # Which requests Lighthouse lists as render-blocking can shrink on a busy host (one that
    # finishes after the first paint is left out), never grow beyond the page's head.
    "render-blocking requests": lambda a: len(_items(a, "render-blocking-insight")),
    "render-blocking bytes": lambda a: sum(i["totalBytes"] for i in _items(a, "render-blocking-insight")),
    "DOM elements": lambda a: int(a["dom-size-insight"]["numericValue"]),
    "unused JavaScript bytes": lambda a: int(a["unused-javascript"]["details"].get("overallSavingsBytes", 0)),
    "unused CSS bytes": lambda a: int(a["unused-css-rules"]["details"].get("overallSavingsBytes", 0)),
    "largest image bytes": lambda a: max(
        (i.get("transferSize", 0) for i in _items(a, "network-requests") if i.get("resourceType") == "Image"),
        default=0,
    ),
}

# Set from the five page types on 2026-12-02 (largest of them in brackets), with room to spare.
BUDGETS = (
    Budget("total bytes", 200 * KB, "bytes"),  # (118 KB: the fact index with a query)
    Budget("script bytes", 120 * KB, "bytes"),  # (80 KB)
    Budget("stylesheet bytes", 40 * KB, "bytes"),  # (27 KB: Material's, and ours)
    Budget("document bytes", 30 * KB, "bytes"),  # (8.5 KB: a source page)
    Budget("font bytes", 0, "bytes"),  # (none: the reader's own fonts; the site works offline)
    Budget("requests", 30, "requests"),  # (19)
    Budget("third-party requests", 0, "requests"),  # (none: nothing leaves the site)
    Budget("render-blocking requests", 8, "requests"),  # (7: three stylesheets, four small scripts)
    Budget("render-blocking bytes", 80 * KB, "bytes"),  # (64 KB)
    Budget("DOM elements", 800, "elements"),  # (297)
    Budget("unused JavaScript bytes", 20 * KB, "bytes"),  # (0)
    Budget("unused CSS bytes", 25 * KB, "bytes"),  # (17.5 KB, most of it Material's stylesheet)
    Budget("largest image bytes", 30 * KB, "bytes"),  # (no images)
)


# A measure's embed page: the page itself and its icon (3 KB on 2026-12-04), no script or stylesheet.
EMBED_BYTES = 10 * KB
EMBED_REQUESTS = 2


def over_budget(report: dict) -> list[str]:
    """Each budget the page exceeds, named, with its figure and its limit."""
    overruns = []
    for budget in BUDGETS:
        figure = budget.measure(report)
        if figure > budget.limit:
            overruns.append(f"{budget.name}: {figure:,} {budget.unit}, over the budget of {budget.limit:,}")
    return overruns


def assert_good_on_a_phone(report: dict) -> None:
    got = scores(report)
    assert (got["accessibility"], got["best-practices"], got["seo"]) == (100, 100, 100), got
    overruns = over_budget(report)
    assert not overruns, f"{report['finalDisplayedUrl']} is over its performance budgets: " + "; ".join(overruns)


@pytest.fixture(scope="module")
def gzip_site(built_site):
    url, server = serve(built_site.site, compressed=True)
    yield url
    server.shutdown()


@pytest.mark.parametrize("path", [*PAGES, *EDITION_PAGES], ids=lambda p: p or "home")
def test_every_page_type_scores_100_and_keeps_its_budgets_on_a_phone(gzip_site, path):
    report = lighthouse(gzip_site + path)
    assert_good_on_a_phone(report)
    if path.endswith("/embed/"):  # light enough for an <iframe> in someone else's page
        assert MEASURES["total bytes"](report["audits"]) <= EMBED_BYTES
        assert MEASURES["requests"](report["audits"]) <= EMBED_REQUESTS


def noise_png(width: int, height: int) -> bytes:
    """A PNG of random pixels, stored uncompressed: ``3 * width * height`` bytes and more."""
    pixels = random.Random(7).randbytes(3 * width)
    raw = b"".join(b"\0" + pixels for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b"")


def test_a_page_over_a_budget_fails_naming_that_budget(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "banner.png").write_bytes(noise_png(160, 100))  # 48 KB: over 30 KB, under the rest
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + '\n![A banner](banner.png){ width="160" height="100" }\n')
    for edition in ("zh", "ur"):  # their about pages no longer write its numbers: left untranslated
        (project / "translations" / edition / "pages" / "about.md").unlink()
    built = run_build(project, tmp_path / "site")
    assert built.returncode == 0, built.output
    url, server = serve(built.site, compressed=True)
    try:
        report = lighthouse(url + "about/")
    finally:
        server.shutdown()
    with pytest.raises(AssertionError) as failure:
        assert_good_on_a_phone(report)
    assert "largest image bytes: 48," in str(failure.value)
    assert [o.split(":")[0] for o in over_budget(report)] == ["largest image bytes"]


def test_the_site_is_served_gzipped_as_a_web_server_would(gzip_site):
    request = urllib.request.Request(gzip_site + "fact-index/", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert b"nqpf-search" in gzip.decompress(response.read())


def test_the_budgets_read_what_lighthouse_reports():
    """Each budget's figure comes from the report's own audits (a made-up report of a page)."""
    report = {
        "finalDisplayedUrl": "http://x/",
        "categories": {n: {"score": 1} for n in ("performance", "accessibility", "best-practices", "seo")},
        "audits": {
            "resource-summary": {
                "details": {
                    "items": [
                        {"resourceType": kind, "requestCount": count, "transferSize": size}
                        for kind, count, size in (
                            ("total", 31, 250_000),
                            ("script", 5, 100_000),
                            ("stylesheet", 2, 20_000),
                            ("document", 1, 5_000),
                            ("font", 1, 10),
                            ("third-party", 1, 10),
                        )
                    ]
                }
            },
            "render-blocking-insight": {"details": {"items": [{"totalBytes": 50_000}, {"totalBytes": 40_000}]}},
            "dom-size-insight": {"numericValue": 900},
            "unused-javascript": {"details": {"overallSavingsBytes": 21_000}},
            "unused-css-rules": {"details": {}},
            "network-requests": {"details": {"items": [{"resourceType": "Image", "transferSize": 31_000}]}},
        },
    }
    assert [o.split(":")[0] for o in over_budget(report)] == [
        "total bytes",
        "font bytes",
        "requests",
        "third-party requests",
        "render-blocking bytes",
        "DOM elements",
        "unused JavaScript bytes",
        "largest image bytes",
    ]
    assert "total bytes: 250,000 bytes, over the budget of 200,000" in over_budget(report)
