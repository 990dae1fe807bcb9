"""`make bench`: build synthetic projects of 100, 1,000 and 10,000 facts and measure them, and
one of 30,000 facts for what a reader downloads.

Prints a table and writes the same figures to build/bench.json. Figures, not tests: nothing
here passes or fails, except that the targets of issue #6 are shown met or missed.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "hooks"), str(REPO / "tests"), str(REPO / "bench")]

import evaluation  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/
from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/
from corpus import CorpusSize, write_corpus, write_report  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/
from test_lighthouse import PAGES, lighthouse, scores  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/

from nqpf.checking import check_data, check_text, check_with  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/
from nqpf.drafting import draft_seed  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/
from nqpf.edition_base import edition_base  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/
from nqpf.editions import EDITIONS  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/
from nqpf.loading import ProjectPaths, load_inputs  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/
from nqpf.pages import SiteOptions, nav, untranslated_page  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/
from nqpf.site_pages import every_page  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/
from nqpf.translations import build_editions  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/
from nqpf.verify import build_fact_base, verify  # noqa: E402 - imported once sys.path names hooks/, tests/ and bench/

SIZES = [CorpusSize(100, 5, 3), CorpusSize(1_000, 50, 10), CorpusSize(10_000, 500, 40)]
BYTES_ONLY = CorpusSize(30_000, 1_500, 40)  # built once, for what a reader downloads; not timed
FIRST_QUERY = "battery"  # a word about one fact in eight holds
ZH_FIRST_QUERY = "万辆"  # in the Chinese edition: "ten thousand vehicles", of one fact in five
WORK = REPO / "build" / "bench"
QUERIES = [
    "battery",
    "solar",
    "turbine output",
    "robot",
    "chip",
    "sensor",
    "vehicle",
    "grid",
    "port",
    "corridor",
    "farm",
    "seed",
    "cable",
    "satellite",
    "rail",
    "textile",
    "cement",
    "steel",
    "copper",
    "lithium",
    "hydrogen",
    "software",
    "cloud",
    "data",
    "million",
    "tonnes",
    "kilowatts",
    "yuan",
    "sets",
    "units",
    "2003",
    "2010",
    "2015",
    "2020",
    "2024",
    "reached",
    "grew",
    "rose",
    "stood",
    "generated",
    "sector",
    "speaker",
    "battery grid",
    "solar farm",
    "steel cement",
    "rail port",
    "12.3",
    "45",
    "cloud data",
    "copper cable",
]
MEASURE_BUILD = """
import json, resource, sys, time
from mkdocs.__main__ import cli
started = time.perf_counter()
try:
    cli.main(args=sys.argv[2:], standalone_mode=False)
finally:
    with open(sys.argv[1], "w") as out:
        json.dump({"wall_s": time.perf_counter() - started,
                   "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}, out)
"""


def timed_build(project: Path, site: Path, timings: Path | None = None, edition: str = "") -> dict:
    """`mkdocs build` of ``project`` (``edition``: zh or ur; English when empty) in a fresh
    interpreter: wall time and peak memory."""
    report = project / "build-report.json"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_MKDOCS_2_WARNING": "1", "NQPF_EDITION": edition}
    if timings:
        env["NQPF_TIMINGS"] = str(timings)
    done = subprocess.run(
        [sys.executable, "-c", MEASURE_BUILD, str(report), "build", "-q", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"build of {project} failed:\n{done.stdout}{done.stderr}")
    return json.loads(report.read_text())


def commit(project: Path) -> None:
    """The project as a git repository with one commit (dated, so that every run builds the same)."""
    date = "2026-12-01T00:00:00+00:00"
    env = {
        **os.environ,
        **{
            f"GIT_{who}_{what}": value
            for who in ("AUTHOR", "COMMITTER")
            for what, value in (("NAME", "bench"), ("EMAIL", "bench@example.org"), ("DATE", date))
        },
    }
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "The corpus"]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def baseline_project(project: Path, target: Path, edition: str = "") -> Path:
    """The same pages as Markdown files, built by plain MkDocs: no hooks, no macros
    (``edition``: those of that edition, in its language, as the hooks make them)."""
    paths = ProjectPaths(project)
    base, _ = build_fact_base(paths)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    options = SiteOptions.of_config(config)  # as the real build's: the same Markdown, byte for byte
    if edition:
        texts = build_editions(paths, base)[edition]
        base = edition_base(base, texts)
        options = dataclasses.replace(options, language=edition, strings=texts.site_strings())
        config["theme"]["language"] = edition
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(project / "docs", target / "docs")
    shutil.copytree(project / "overrides", target / "overrides")  # the same theme templates
    if edition:  # the corpus's own pages are not translated: shown in English, marked
        for page in (target / "docs").glob("*.md"):
            page.write_text(untranslated_page(page.read_text(encoding="utf-8"), options), encoding="utf-8")
    for page in every_page(base, options):
        path = target / "docs" / page.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    config.pop("hooks")
    config.update(plugins=["search"], nav=nav(base, options.strings), strict=False)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return target


# Keystroke to results laid out: the input event is dispatched, the results rendered (ours once
# the shards a query needs are in; Material's when its worker answers), then layout is forced.
# Waiting for the next frame is left out: it depends on the display's refresh, not the search.
SEARCH_TIMES = """async ([queries, material]) => {
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const times = [];
  const box = document.querySelector(material ? "input[data-md-component='search-query']" : "#nqpf-query");
  const output = document.querySelector(material ? ".md-search-result__meta" : "#nqpf-status");
  box.focus();
  for (const query of queries) {
    const changed = new Promise(resolve => {
      const seen = new MutationObserver(() => { seen.disconnect(); resolve(); });
      seen.observe(output, {childList: true, characterData: true, subtree: true});
      setTimeout(() => { seen.disconnect(); resolve(); }, 2000);
    });
    const start = performance.now();
    box.value = query;
    box.dispatchEvent(new Event("input", {bubbles: true}));
    box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "a"}));
    await changed;
    void document.body.offsetHeight;
    times.push(performance.now() - start);
    box.value = "";
    box.dispatchEvent(new Event("input", {bubbles: true}));
    box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "a"}));
    await frame();
  }
  return times;
}"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def browser_figures(site: Path) -> dict:
    url, server = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            loads = []
            for _ in range(3):
                page.goto(url + "fact-index/")
                page.wait_for_function("window.NQPF_ANSWERS_MS !== undefined", timeout=60_000)
                loads.append(page.evaluate("window.NQPF_ANSWERS_MS"))
            # Typing starts once the page has settled, as a reader's would: at start-up Material's
            # search worker fetches and parses its own index, competing for this machine's 2 cores.
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(2000)
            ours = page.evaluate(SEARCH_TIMES, [QUERIES, False])  # each word's parts load on first use
            warm = page.evaluate(SEARCH_TIMES, [QUERIES, False])  # the same queries again: all loaded
            page.goto(url)
            page.locator("input[data-md-component='search-query']").click()
            page.wait_for_timeout(500)
            page.evaluate(SEARCH_TIMES, [QUERIES[:3], True])  # let the worker load its index
            material = page.evaluate(SEARCH_TIMES, [QUERIES, True])
            browser.close()
    finally:
        server.shutdown()
    return {
        "index_load_ms": round(sorted(loads)[1], 1),
        "search_p50_ms": round(percentile(ours, 0.5), 1),
        "search_p95_ms": round(percentile(ours, 0.95), 1),
        "search_warm_p95_ms": round(percentile(warm, 0.95), 1),
        "material_search_p95_ms": round(percentile(material, 0.95), 1),
    }


# Pagefind's first answer, as the fact index's: the results found and the first 10 of them
# loaded for display. `pagefind.search` loads the index chunks its words need; `data()` each
# result's fragment.
PAGEFIND_TIMES = """async (queries) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
  await pagefind.init();
  const times = [];
  for (const query of queries) {
    const start = performance.now();
    const search = await pagefind.search(query);
    await Promise.all(search.results.slice(0, 10).map(r => r.data()));
    times.push(performance.now() - start);
  }
  return times;
}"""


def _network_bytes(page) -> list[int]:
    """Bytes of every response the page and its workers receive (headers and body, as sent)."""
    received: list[int] = []

    def finished(request) -> None:
        sizes = request.sizes()
        received.append(sizes["responseHeadersSize"] + sizes["responseBodySize"])

    page.on("requestfinished", finished)
    return received


WARM_UP = "start"  # each engine's first search, before the timed ones: a word no query holds


def _engines_once(browser, url: str) -> dict:
    """One round of pagefind_comparison: each engine in a new page (a new context: nothing
    cached), started the same way, then the queries cold and warm."""
    page = browser.new_page()
    received = _network_bytes(page)
    page.goto(url + "fact-index/")
    page.wait_for_function("window.NQPF_ANSWERS_MS !== undefined", timeout=60_000)
    page.wait_for_load_state("networkidle")
    page.evaluate(SEARCH_TIMES, [[WARM_UP], False])  # as Pagefind's below: one search, then a pause
    page.wait_for_timeout(1000)
    before = sum(received)
    ours = page.evaluate(SEARCH_TIMES, [QUERIES, False])
    page.wait_for_timeout(1000)  # parts asked for by the last queries may still arrive
    ours_bytes = sum(received) - before
    ours_warm = page.evaluate(SEARCH_TIMES, [QUERIES, False])
    page.close()
    page = browser.new_page()
    received = _network_bytes(page)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate(PAGEFIND_TIMES, [WARM_UP])  # start-up: its entry files and its wasm
    page.wait_for_timeout(1000)
    before = sum(received)
    theirs = page.evaluate(PAGEFIND_TIMES, QUERIES)
    page.wait_for_timeout(1000)
    theirs_bytes = sum(received) - before
    theirs_warm = page.evaluate(PAGEFIND_TIMES, QUERIES)
    page.close()
    return {
        "cold_p50_ms": percentile(ours, 0.5),
        "cold_p95_ms": percentile(ours, 0.95),
        "warm_p95_ms": percentile(ours_warm, 0.95),
        "query_bytes": ours_bytes,
        "pagefind_cold_p50_ms": percentile(theirs, 0.5),
        "pagefind_cold_p95_ms": percentile(theirs, 0.95),
        "pagefind_warm_p95_ms": percentile(theirs_warm, 0.95),
        "pagefind_query_bytes": theirs_bytes,
    }


def pagefind_comparison(site: Path, rounds: int = 3) -> dict:
    """The fact index beside Pagefind 1.5 (the static search a site would add), on one site, one
    server (gzip), one browser and the same 50 queries: cold (each query's first time) p50 and
    p95, warm p95, and the bytes the queries fetch after each engine has started. Each engine
    starts the same way: its page loaded, one search for WARM_UP, a second's pause. Each figure
    is the median of ``rounds`` rounds: a p95 of 50 queries is their third slowest, which one
    hiccup of this shared machine can move."""
    done = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site)], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"pagefind failed:\n{done.stdout}{done.stderr}")
    url, server = serve(site, compressed=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            figures = [_engines_once(browser, url) for _ in range(rounds)]
            browser.close()
    finally:
        server.shutdown()
    return {name: round(statistics.median(f[name] for f in figures), 1) for name in figures[0]} | {
        "rounds": [{name: round(value, 1) for name, value in f.items()} for f in figures]
    }


def run(size: CorpusSize, repeats: int = 5) -> dict:
    """Figures for one size. Builds run ``repeats`` times, real and baseline in turn, and each
    timing is the fastest of its runs: this shared 2-core machine's speed varies by up to 50%
    from one minute to the next, and the fastest run is the one least disturbed (as timeit
    advises). Both sides are measured the same way."""
    folder = WORK / str(size.facts)
    project = write_corpus(folder / "project", size, REPO)
    commit(project)  # a repository, as a real project is: its pages date each fact, its feeds list them
    baseline = baseline_project(project, folder / "baseline")
    timings = folder / "timings.json"
    real_runs, hook_runs, baseline_runs = [], [], []
    # the other editions, each built as `make site` builds it, against plain MkDocs building its pages
    others = {code: baseline_project(project, folder / f"baseline-{code}", code) for code in EDITIONS}
    edition_hooks: dict[str, list[dict]] = {code: [] for code in EDITIONS}
    edition_baseline: dict[str, list[dict]] = {code: [] for code in EDITIONS}
    for _ in range(repeats):
        real_runs.append(timed_build(project, folder / "site", timings))
        hook_runs.append(json.loads(timings.read_text()))
        baseline_runs.append(timed_build(baseline, folder / "baseline-site"))
        for code, other in others.items():
            timed_build(project, folder / "site" / code, timings, code)
            edition_hooks[code].append(json.loads(timings.read_text()))
            edition_baseline[code].append(timed_build(other, folder / f"baseline-site-{code}"))
    data = (
        b"".join(p.read_bytes() for p in sorted((folder / "site" / "assets" / "nqpf").glob("fact-index*/*.js")))
        + (folder / "site" / "assets" / "nqpf" / "fact-index-data.js").read_bytes()
    )
    return {
        "facts": size.facts,
        "seeds": size.seeds,
        "build_s": round(min(r["wall_s"] for r in real_runs), 2),
        "baseline_build_s": round(min(r["wall_s"] for r in baseline_runs), 2),
        "hooks_s": round(min(_hooks(h) for h in hook_runs), 2),
        # the three editions: the hooks of the three builds, against plain MkDocs building the same three
        "editions_hooks_s": round(
            min(_hooks(h) for h in hook_runs) + sum(min(map(_hooks, edition_hooks[c])) for c in EDITIONS), 2
        ),
        "editions_baseline_s": round(
            min(r["wall_s"] for r in baseline_runs)
            + sum(min(r["wall_s"] for r in edition_baseline[c]) for c in EDITIONS),
            2,
        ),
        "translations_s": round(min(h.get("translations_s", 0.0) for h in hook_runs), 2),
        # CPU seconds of the hooks, the forked child's included: what the wall time would be on one core
        "hooks_cpu_s": round(min(h["cpu_s"] for h in hook_runs), 2),
        "verify_s": round(min(h["verify_s"] for h in hook_runs), 3),
        "compare_s": round(min(h["compare_s"] for h in hook_runs), 3),
        "index_bytes": len(data),
        "index_gzip_bytes": len(gzip.compress(data, 6)),
        **browser_figures(folder / "site"),
        "peak_rss_mb": round(max(r["peak_rss_mb"] for r in real_runs), 1),
        **reader_bytes(folder / "site"),
    }


def _hooks(timings: dict) -> float:
    """The seconds a build spent in the hooks."""
    return float(timings["config_s"] + timings["pages_s"] + timings["outputs_s"])


def reader_bytes(site: Path) -> dict:
    """What a reader downloads: the largest page, and the bytes Chromium's network log counts
    from opening the fact index (with a query) to its first results, served with gzip; and the
    same first search in the Chinese edition, by a pair of characters one fact in five holds."""
    return {
        "max_html_bytes": max(p.stat().st_size for p in site.rglob("*.html")),
        "first_search_bytes": first_search_bytes(site, FIRST_QUERY),
        "zh_first_search_bytes": first_search_bytes(site / "zh", ZH_FIRST_QUERY) if (site / "zh").is_dir() else None,
        "index_page_bytes": index_page_bytes(site),
        **check_page_bytes(site),
    }


def first_search_bytes(site: Path, query: str) -> int:
    """The bytes from opening the fact index with ``query`` to its first results, served with gzip."""
    url, server = serve(site, compressed=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            network = page.context.new_cdp_session(page)
            network.send("Network.enable")
            sent: dict[str, float] = {}  # request id -> when it was sent (ms since the epoch)
            received: dict[str, int] = {}  # request id -> bytes over the wire (headers and body)
            network.on(
                "Network.requestWillBeSent", lambda event: sent.setdefault(event["requestId"], event["wallTime"] * 1000)
            )
            network.on(
                "Network.loadingFinished",
                lambda event: received.__setitem__(event["requestId"], event["encodedDataLength"]),
            )
            page.goto(f"{url}fact-index/?q={query}")
            page.wait_for_function("window.NQPF_ANSWERS_MS !== undefined", timeout=60_000)
            answered = page.evaluate("performance.timeOrigin + window.NQPF_ANSWERS_MS")
            page.wait_for_timeout(1000)  # requests sent before the answer may still be arriving
            # what was asked for up to the first answer; what the page fetches later (the facets,
            # when idle) is not part of it
            first_search = sum(size for request, size in received.items() if sent.get(request, 0) <= answered)
            assert page.locator("#nqpf-results li").count() > 0, "the first search found nothing"
            browser.close()
    finally:
        server.shutdown()
    return first_search


@contextmanager
def opened_page(site: Path, *, compressed: bool = False) -> Iterator[tuple[str, Any, Callable[[], int]]]:
    """A Chromium page beside ``site`` served locally: (the site's URL, the page, a function
    giving the body bytes of every request the page has completed so far)."""
    url, server = serve(site, compressed=compressed)
    finished: list = []

    def record(request) -> None:  # a function, not a bound method: Playwright marks its handlers
        finished.append(request)

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("requestfinished", record)
            yield url, page, lambda: sum(r.sizes()["responseBodySize"] for r in finished)
            browser.close()
    finally:
        server.shutdown()


def index_page_bytes(site: Path) -> int:
    """Everything the fact index fetches (decompressed: served without gzip) from opening it
    with a query until the network is idle."""
    with opened_page(site) as (url, page, fetched):
        page.goto(f"{url}fact-index/?q={FIRST_QUERY}")
        page.wait_for_function("window.NQPF_ANSWERS_MS !== undefined", timeout=60_000)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(2500)  # the facets' counts are drawn when the page is idle
        page.wait_for_load_state("networkidle")
        return fetched()


# Press Check and wait for the verdicts: milliseconds, as the page's clock counts them.
TIMED_CHECK = """async () => {
  const status = document.getElementById('nqpf-check-status');
  status.textContent = '';
  const done = new Promise(resolve => new MutationObserver((_, observer) => {
    if (/^(Checked|The text writes)/.test(status.textContent)) { observer.disconnect(); resolve(); }
  }).observe(status, {childList: true, characterData: true, subtree: true}));
  const started = performance.now();
  document.getElementById('nqpf-check-button').click();
  await done;
  return performance.now() - started;
}"""


def check_page_bytes(site: Path) -> dict:
    """What "Check a text" downloads (decompressed: served without gzip) from opening it until
    the network is idle, and what checking the generated 1,000-word report then adds."""
    with opened_page(site) as (url, page, fetched):
        page.goto(f"{url}check/")
        page.wait_for_load_state("networkidle")
        before = fetched()
        page.fill("#nqpf-check-text", write_report(1_000))
        page.evaluate(TIMED_CHECK)
        page.wait_for_load_state("networkidle")
        return {"check_page_bytes": before, "first_check_bytes": fetched() - before}


def check_figures(folder: Path, repeats: int = 5) -> dict:
    """The time to check a generated 1,000-word report: in the browser (the first check, which
    loads the checker's data, and the median of ``repeats`` more) and on the command line (the
    check alone, fastest of ``repeats``; and the whole `nqpf check-text` process, which loads
    and verifies the fact base first)."""
    report = write_report(1_000)
    with opened_page(folder / "site", compressed=True) as (url, page, _):
        page.goto(f"{url}check/")
        page.wait_for_load_state("networkidle")
        page.fill("#nqpf-check-text", report)
        first = page.evaluate(TIMED_CHECK)
        again = sorted(page.evaluate(TIMED_CHECK) for _ in range(repeats))
        numbers = page.locator("#nqpf-check-marked mark").count()
    paths = ProjectPaths(folder / "project")
    base = build_fact_base(paths)[0]
    started = time.perf_counter()
    data = check_data(base)  # what the command keeps in build/check-text.json
    rows_s = time.perf_counter() - started
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        checked = check_with(report, data)
        seconds.append(time.perf_counter() - started)
    text = folder / "report.txt"
    text.write_text(report, encoding="utf-8")
    (paths.root / "build" / "check-text.json").unlink(missing_ok=True)
    command = []
    for _ in range(1 + repeats):  # the first verifies the base and keeps its rows; the others use them
        started = time.perf_counter()
        subprocess.run(
            [str(REPO / ".venv" / "bin" / "nqpf"), "--root", str(paths.root), "check-text", str(text)],
            capture_output=True,
            check=True,
        )
        command.append(time.perf_counter() - started)
    return {
        "words": len(report.split()),
        "numbers": numbers,
        "command_line_numbers": len(checked),
        "browser_first_check_ms": round(first),
        "browser_check_ms": round(again[repeats // 2]),
        "check_text_ms": round(min(seconds) * 1000),
        "check_rows_ms": round(rows_s * 1000),
        "check_text_command_first_s": round(command[0], 2),
        "check_text_command_s": round(sorted(command[1:])[repeats // 2], 2),
    }


def evaluation_figures() -> dict:
    """The text checker scored on the evaluation set (tests/evaluation/numbers.yml)."""
    inputs, problems = load_inputs(ProjectPaths(REPO))
    base = verify(inputs, problems)[0]
    found = evaluation.score(evaluation.entries(), lambda text: [n.as_json() for n in check_text(text, inputs, base)])
    return {
        "numbers": found.numbers,
        "wrong_verdicts": len(found.wrong_verdicts),
        "precision": round(found.precision, 4),
        "named": found.named,
        "recall": round(found.recall, 4),
        "of_the_base": found.of_the_base,
    }


def lighthouse_performance(site: Path, pages: dict[str, str], runs: int = 3) -> dict:
    """Lighthouse's performance score (mobile) for each page of ``site`` served with gzip: the
    median of ``runs``, beside Lighthouse's ``benchmarkIndex`` (its measure of this host's
    speed; the score falls on a slower or busier host). A figure, never a test's verdict."""
    url, server = serve(site, compressed=True)
    figures: dict[str, int | float] = {}
    speeds: list[float] = []
    try:
        for name, path in pages.items():
            reports = [lighthouse(url + path) for _ in range(runs)]
            figures[f"lighthouse_{name}"] = sorted(scores(r)["performance"] for r in reports)[runs // 2]
            speeds += [r["environment"]["benchmarkIndex"] for r in reports]
    finally:
        server.shutdown()
    figures["lighthouse_benchmark_index"] = round(sorted(speeds)[len(speeds) // 2])
    return figures


def real_site_lighthouse() -> dict:
    """The performance score of the real site's page types (the ones tests/test_lighthouse.py
    judges by their budgets), median of three runs each."""
    site = WORK / "real-site"
    done = subprocess.run(
        [str(REPO / ".venv" / "bin" / "mkdocs"), "build", "-q", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"build of the real site failed:\n{done.stdout}{done.stderr}")
    return lighthouse_performance(
        site, {(path.split("?")[0].strip("/").replace("/", "_") or "home"): path for path in PAGES}
    )


def bytes_only(size: CorpusSize) -> dict:
    """A corpus built once, for byte figures only (no timings)."""
    folder = WORK / str(size.facts)
    project = write_corpus(folder / "project", size, REPO)
    build = timed_build(project, folder / "site")
    timed_build(project, folder / "site" / "zh", edition="zh")  # for the Chinese edition's first search
    return {
        "facts": size.facts,
        "seeds": size.seeds,
        "build_s": round(build["wall_s"], 2),
        "peak_rss_mb": round(build["peak_rss_mb"], 1),
        **reader_bytes(folder / "site"),
    }


def drafter_figures(repeats: int = 5) -> dict:
    """The drafter on a generated 2,000-word report added to the real project: the fastest of
    ``repeats`` runs (verification of the whole project included, as `nqpf draft` does it)."""
    project = WORK / "drafter"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(REPO / "facts", project / "facts")
    shutil.copytree(REPO / "seeds", project / "seeds")
    report = write_report(2_000)
    (project / "seeds" / "099_0000000000000000.txt").write_text(report, encoding="utf-8")
    with (project / "seeds" / "sources.yml").open("a", encoding="utf-8") as out:
        out.write(
            "\n- slug: bench-report\n  file: 099_0000000000000000.txt\n  title: null\n  outlet: null\n"
            "  author: null\n  date: null\n  place: null\n"
        )
    inputs, _ = load_inputs(ProjectPaths(project))
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        drafts = draft_seed(inputs, "bench-report")
        seconds.append(time.perf_counter() - started)
    return {
        "words": len(report.split()),
        "drafted_facts": len(drafts.facts),
        "drafted_ignores": len(drafts.ignored),
        "draft_s": round(min(seconds), 3),
    }


def main() -> None:
    started = time.perf_counter()
    drafter = drafter_figures()
    print(
        f"  drafter: {drafter['words']:,} words, {drafter['drafted_facts']} facts and "
        f"{drafter['drafted_ignores']} ignore entries drafted in {drafter['draft_s']} s",
        flush=True,
    )
    runs = []
    for size in SIZES:
        runs.append(run(size))
        print(f"  {size.facts:>6} facts done ({time.perf_counter() - started:.0f} s)", flush=True)
    largest = bytes_only(BYTES_ONLY)
    print(f"  {BYTES_ONLY.facts:>6} facts done, bytes only ({time.perf_counter() - started:.0f} s)", flush=True)
    (REPO / "build").mkdir(exist_ok=True)
    (REPO / "build" / "bench.json").write_text(
        json.dumps({"runs": runs, "bytes_only": largest, "drafter": drafter}, indent=1) + "\n"
    )
    keys = list(runs[0])
    print(" | ".join(keys))
    for row in [*runs, largest]:
        print(" | ".join(str(row.get(k, "")) for k in keys))
    last = runs[-1]
    at_1000 = next(r for r in runs if r["facts"] == 1_000)
    anchor = pagefind_comparison(WORK / str(last["facts"]) / "site")
    print(
        "Fact index against Pagefind at 10,000 facts (50 queries, medians of 3 rounds): "
        f"cold p50 {anchor['cold_p50_ms']} ms vs {anchor['pagefind_cold_p50_ms']} ms, "
        f"cold p95 {anchor['cold_p95_ms']} ms vs {anchor['pagefind_cold_p95_ms']} ms "
        f"(x{anchor['cold_p95_ms'] / anchor['pagefind_cold_p95_ms']:.2f}), "
        f"warm p95 {anchor['warm_p95_ms']} ms vs {anchor['pagefind_warm_p95_ms']} ms "
        f"(x{anchor['warm_p95_ms'] / anchor['pagefind_warm_p95_ms']:.2f}), "
        f"bytes {anchor['query_bytes']:,} vs {anchor['pagefind_query_bytes']:,} "
        f"(x{anchor['query_bytes'] / anchor['pagefind_query_bytes']:.2f})",
        flush=True,
    )
    checking = check_figures(WORK / str(last["facts"]))
    print(
        f"Checking a {checking['words']:,}-word report ({checking['numbers']} numbers) at 10,000 facts: "
        f"in the browser {checking['browser_first_check_ms']} ms the first time (loading the checker's data), "
        f"then {checking['browser_check_ms']} ms; check_with {checking['check_text_ms']} ms on the rows "
        f"(made in {checking['check_rows_ms']} ms); "
        f"the whole `nqpf check-text` command {checking['check_text_command_first_s']} s the first time "
        f"(verifying the base), then {checking['check_text_command_s']} s",
        flush=True,
    )
    scored = evaluation_figures()
    print(
        f"Evaluation set: {scored['numbers']} numbers; {scored['wrong_verdicts']} decisive verdicts on a wrong "
        f"measure or period; measure precision {scored['precision']:.1%} of {scored['named']} named, "
        f"recall {scored['recall']:.1%} of {scored['of_the_base']}",
        flush=True,
    )
    at_scale = lighthouse_performance(
        WORK / str(last["facts"]) / "site",
        {"timeline": "timeline/2015/", "sector": "sectors/sector-aa/", "fact_index": f"fact-index/?q={FIRST_QUERY}"},
    )
    print(
        "Lighthouse performance at 10,000 facts (median of 3): "
        + ", ".join(f"{k[11:]} {v}" for k, v in at_scale.items())
    )
    real = real_site_lighthouse()
    print(
        "Lighthouse performance of the real site (median of 3): " + ", ".join(f"{k[11:]} {v}" for k, v in real.items())
    )
    last.update(at_scale)
    (REPO / "build" / "bench.json").write_text(
        json.dumps(
            {
                "runs": runs,
                "bytes_only": largest,
                "drafter": drafter,
                "real_site": real,
                "pagefind": anchor,
                "checking": checking,
                "evaluation": scored,
            },
            indent=1,
        )
        + "\n"
    )
    performance = [v for k, v in at_scale.items() if k != "lighthouse_benchmark_index"]
    targets = [
        ("hooks_s <= 0.25 x baseline_build_s", last["hooks_s"] <= 0.25 * last["baseline_build_s"]),
        (
            "editions_hooks_s <= 0.25 x editions_baseline_s (three editions)",
            last["editions_hooks_s"] <= 0.25 * last["editions_baseline_s"],
        ),
        (
            "Lighthouse performance >= 97 on every page type of the real site (a host of benchmarkIndex >= 2,000)",
            real["lighthouse_benchmark_index"] < 2000
            or all(v >= 97 for k, v in real.items() if k != "lighthouse_benchmark_index"),
        ),
        ("verify_s <= 1.0", last["verify_s"] <= 1.0),
        (
            "search_p95_ms <= 16 and < material",
            last["search_p95_ms"] <= 16 and last["search_p95_ms"] < last["material_search_p95_ms"],
        ),
        ("index_load_ms <= 300", last["index_load_ms"] <= 300),
        ("search_warm_p95_ms <= 16 (the queries again, their parts loaded)", last["search_warm_p95_ms"] <= 16),
        ("drafter on 2,000 words < 1 s", drafter["draft_s"] < 1.0),
        ("max_html_bytes <= 400 KB at 30,000 facts", largest["max_html_bytes"] <= 400_000),
        (
            "first_search_bytes at 30,000 <= 1.2 x at 1,000",
            largest["first_search_bytes"] <= 1.2 * at_1000["first_search_bytes"],
        ),
        (
            "the Chinese edition's first_search_bytes at 30,000 <= 1.2 x at 1,000",
            largest["zh_first_search_bytes"] <= 1.2 * at_1000["zh_first_search_bytes"],
        ),
        (
            "index page bytes (with a query, to network idle, no gzip) at 30,000 <= 1.2 x at 1,000",
            largest["index_page_bytes"] <= 1.2 * at_1000["index_page_bytes"],
        ),
        (
            "Lighthouse performance >= 95 on the fact index with a query at 10,000 facts (median of 3)",
            at_scale["lighthouse_fact_index"] >= 95,
        ),
        (
            "check page bytes before the first check at 30,000 <= 1.2 x at 1,000",
            largest["check_page_bytes"] <= 1.2 * at_1000["check_page_bytes"],
        ),
        ("checking a 1,000-word report in the browser <= 50 ms", checking["browser_check_ms"] <= 50),
        ("the whole `nqpf check-text` command on it <= 0.5 s (its base kept)", checking["check_text_command_s"] <= 0.5),
        ("no decisive verdict on a wrong measure or period", scored["wrong_verdicts"] == 0),
        ("measure precision >= 97%, recall >= 85%", scored["precision"] >= 0.97 and scored["recall"] >= 0.85),
        (
            "the browser and the command line find as many numbers",
            checking["numbers"] == checking["command_line_numbers"],
        ),
        ("cold p95 <= 0.35 x Pagefind's", anchor["cold_p95_ms"] <= 0.35 * anchor["pagefind_cold_p95_ms"]),
        ("warm p95 <= 0.1 x Pagefind's", anchor["warm_p95_ms"] <= 0.1 * anchor["pagefind_warm_p95_ms"]),
        ("bytes for the 50 queries <= 0.5 x Pagefind's", anchor["query_bytes"] <= 0.5 * anchor["pagefind_query_bytes"]),
        (
            "Lighthouse performance >= 90 at 10,000 facts (timeline, sector, fact index; median of 3)",
            min(performance) >= 90,
        ),
    ]
    for name, met in targets:
        print(f"{'met   ' if met else 'MISSED'} {name}")
    hooks, cpu, baseline = last["hooks_s"], last["hooks_cpu_s"], last["baseline_build_s"]
    print(f"hooks at 10,000 facts: {hooks / baseline:.2f} x plain MkDocs in wall time, {cpu / baseline:.2f} x in CPU")
    print(
        f"three editions at 10,000 facts: hooks {last['editions_hooks_s']} s against plain MkDocs' "
        f"{last['editions_baseline_s']} s building the same three "
        f"(x{last['editions_hooks_s'] / last['editions_baseline_s']:.2f}); the English build's check of every "
        f"edition {last['translations_s']} s"
    )
    print(f"total {time.perf_counter() - started:.0f} s; figures in build/bench.json")


if __name__ == "__main__":
    main()
