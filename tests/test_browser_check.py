"""The "Check a text" page (/check/) in Chromium: the command line's verdicts for the same texts,
no request carrying the text, pasted markup shown as text, keyboard-only use, and axe, the Nu
HTML Checker and Lighthouse's accessibility audit with a result on the page. (From the offline
bundle on disk: tests/test_offline.py.)"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, PHONE, screenshot, unavailable
from conftest import ROOT, nqpf
from test_accessibility import AXE
from test_check_engines import CHECKED_TEXTS
from test_html_validity import check as nu_check
from test_html_validity import known

pytestmark = pytest.mark.browser

RESULT = """() => Array.from(document.querySelectorAll('#nqpf-check-marked mark')).map(m =>
  [m.textContent, m.dataset.verdict, m.dataset.facts ? m.dataset.facts.split(' ') : []])"""
REPORT = (
    "China's new energy vehicle production reached 9.59 million units in 2023, the industry body said. "
    "In 2023, China's R&D expenditure was 3.33 trillion yuan. The 3rd forum signed 12 MOUs."
)


def command_line_verdicts(text: str, tmp_path: Path) -> list[list]:
    """What `nqpf check-text FILE --format json` says of ``text``: (as written, verdict, facts)."""
    file = tmp_path / "text.txt"
    file.write_text(text, encoding="utf-8")
    done = nqpf("check-text", str(file), "--format", "json")
    assert done.returncode == 0, done.stderr
    return [[n["text"], n["verdict"], n["facts"]] for n in json.loads(done.stdout)]


def check_in_page(page, text: str) -> list[list]:
    """Paste ``text``, press Check, and read the marks the page draws."""
    page.evaluate("() => { document.getElementById('nqpf-check-status').textContent = ''; }")
    page.fill("#nqpf-check-text", text)
    page.click("#nqpf-check-button")
    page.wait_for_function(
        "() => /^(Checked|The text writes)/.test(document.getElementById('nqpf-check-status').textContent)"
    )
    return page.evaluate(RESULT)


@pytest.fixture
def check_page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + "check/")
    yield page
    context.close()
    assert errors == []


def test_the_page_gives_the_command_lines_verdicts_over_http(check_page, tmp_path):
    seen = set()
    for text in [*CHECKED_TEXTS, REPORT]:
        expected = command_line_verdicts(text, tmp_path)
        assert check_in_page(check_page, text) == expected, text
        seen |= {verdict for _, verdict, _ in expected}
    assert seen == {"agrees", "disagrees", "no-figure-for-period", "not-a-figure", "unknown"}
    listed = check_page.locator("#nqpf-check-list > li")
    assert listed.count() == len(command_line_verdicts(REPORT, tmp_path))
    first = listed.first  # "9.59 million" disagrees: the base's value, its source, its fact, its measure
    assert "9.443 million" in first.inner_text()
    assert "according to" in first.inner_text()
    hrefs = [a.get_attribute("href") for a in first.locator("a").all()]
    assert any("measures/nev-production/" in h for h in hrefs)
    assert any("#nev-production-2023" in h for h in hrefs)
    screenshot(check_page, "check-a-text")


def test_no_request_made_while_checking_carries_the_text(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "check/")
    page.wait_for_load_state("networkidle")
    requests = []

    def record(request) -> None:  # a function, not a bound method: Playwright marks its handlers
        requests.append(request)

    page.on("request", record)
    marker = "Quixotically"  # a word of the text that no file of the site is named by
    text = f"{marker} said China's new energy vehicle production reached 9.59 million units in 2023."
    verdicts = check_in_page(page, text)
    assert [v for _, v, _ in verdicts] == ["disagrees", "not-a-figure"]
    assert requests, "checking loads the base's data"
    for request in requests:
        assert request.method == "GET"
        assert request.post_data is None
        assert request.url.startswith(site_url + "assets/nqpf/"), request.url
        assert marker.lower() not in request.url.lower()
        assert "9.59" not in request.url
    names = {r.url.removeprefix(site_url) for r in requests}
    assert "assets/nqpf/check/facts/nev-production/2023.js" in names  # only the measure and period it needs
    assert not any("/facts/" in n and "nev-production/2023" not in n for n in names)
    context.close()


def test_pasted_markup_is_shown_as_text_and_never_runs(check_page):
    text = (
        '<img src="x" onerror="window.pwned = 1"> China\'s new energy vehicle production reached '
        "9.59 million units in 2023. <script>window.pwned = 2</script><b>bold</b>"
    )
    verdicts = check_in_page(check_page, text)
    assert ["9.59 million", "disagrees", ["nev-production-2023"]] in verdicts
    assert check_page.evaluate("() => window.pwned") is None
    marked = check_page.locator("#nqpf-check-marked")
    assert marked.locator("img, script, b").count() == 0
    shown = check_page.evaluate(
        """() => { const copy = document.getElementById('nqpf-check-marked').cloneNode(true);
          copy.querySelectorAll('.nqpf-check-ref').forEach(ref => ref.remove()); return copy.textContent; }"""
    )
    assert shown == text  # every character as pasted, the numbers' links to the list aside
    assert check_page.locator("#nqpf-check-list img, #nqpf-check-list script").count() == 0


def test_keyboard_only_use_checks_a_text_and_reaches_each_number(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "check/")
    for _ in range(60):  # from the top of the page, Tab until the text area has the focus
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "nqpf-check-text":
            break
    else:
        pytest.fail("Tab never reached the text area")
    page.keyboard.insert_text(REPORT)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "nqpf-check-button"
    page.keyboard.press("Enter")
    page.wait_for_selector("#nqpf-check-result:not([hidden])")
    page.wait_for_function("() => document.activeElement.id === 'nqpf-check-heading'")  # the result, announced
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "number 1: disagrees"
    page.keyboard.press("Enter")
    assert page.url.endswith("#nqpf-check-n1")
    assert "9.59 million" in page.locator("#nqpf-check-n1").inner_text()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_with_a_result_shown(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "check/")
    check_in_page(page, REPORT + " It rose 8.1% in 2024, and some 45 MOUs were signed.")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']})")
    context.close()
    serious = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    assert serious == [], "\n".join(serious)


def test_the_nu_html_checker_finds_no_error_with_a_result_shown(check_page, tmp_path):
    check_in_page(check_page, REPORT + ' <img src=x onerror="alert(1)"> 5 & 6 < 7')
    html = tmp_path / "check-with-result.html"
    html.write_text(check_page.content(), encoding="utf-8")
    errors = [f"{m.get('lastLine')}: {m['message']}" for m in nu_check([html]) if not known(m)]
    assert errors == [], "\n".join(errors)


FLOW = ROOT / "tests" / "lighthouse_check_flow.mjs"


def test_lighthouse_accessibility_is_100_with_a_result_shown(site_url, tmp_path):
    """A Lighthouse user flow: open /check/, check a text, and audit the page as it then is."""
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    text = tmp_path / "text.txt"
    text.write_text(REPORT, encoding="utf-8")
    done = subprocess.run(
        ["node", str(FLOW), site_url + "check/", str(text), json.dumps(CHROMIUM_ARGS)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    steps = json.loads(done.stdout)
    assert [step["mode"] for step in steps] == ["navigation", "snapshot"]
    assert steps[1]["marks"] >= 3  # the audit saw the result
    for step in steps:
        assert step["failing"] == [], step
        assert step["scores"]["accessibility"] == 1, step


def test_a_measure_without_dated_figures_is_said_so(check_page, tmp_path):
    text = "China's R&D intensity was 2.68 percent in 2024."
    expected = command_line_verdicts(text, tmp_path)
    assert check_in_page(check_page, text) == expected
    assert ["2.68 percent", "no-figure-for-period", []] in expected
    assert "The base has no dated figure of this measure." in check_page.locator("#nqpf-check-list").inner_text()


RESPECTIVELY = (
    "China's NEV production and sales reached 9.59 million and 9.49 million units in 2023, "
    "up 35.8 percent and 37.9 percent year on year, respectively."
)


def test_each_number_shows_the_words_that_fixed_each_part_and_what_it_could_be(check_page, tmp_path):
    """The page says, as the command line does, which words stated each part: the 2nd of a
    respectively-list is sales, not production; an unknown number names its candidates."""
    assert check_in_page(check_page, RESPECTIVELY) == command_line_verdicts(RESPECTIVELY, tmp_path)
    items = check_page.locator("#nqpf-check-list > li")
    production, sales = items.nth(0), items.nth(1)
    assert production.locator("[data-part=property]").inner_text() == (
        "property: production ← “production” (1st of “production and sales” … respectively)"
    )
    assert sales.locator("[data-part=property]").inner_text() == (
        "property: sales ← “sales” (2nd of “production and sales” … respectively)"
    )
    assert sales.locator("[data-part=subject]").inner_text() == (
        "subject: new energy vehicles ← “NEV” (from the number before it)"
    )
    assert production.get_attribute("data-verdict") == "disagrees"  # 9.59 against the NBS's 9.443 million
    assert sales.get_attribute("data-verdict") == "unknown"  # the base has no NEV sales
    unsure = "China's NEVs hit 9.59 million units in 2023."  # produced? sold? exported?
    assert check_in_page(check_page, unsure) == command_line_verdicts(unsure, tmp_path)
    could = check_page.locator("#nqpf-check-list > li").first.get_by_text("It could be:")
    assert "New energy vehicle production in China" in could.inner_text()
    assert could.locator("a").first.get_attribute("href").endswith("measures/nev-production/")


def test_marks_keep_their_number_on_one_line_and_verdicts_are_worded_one_way(browser, site_url, tmp_path):
    """At 390 px "16.6 million" stays on one line, and "no figure for that period" is said the
    same way in the list, the status line and the page's text."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "check/")
    text = "China's R&D expenditure exceeded 3.6 trillion yuan in 2024, and it had grown a lot " * 3
    verdicts = check_in_page(page, text)
    assert verdicts == command_line_verdicts(text, tmp_path)
    lines = page.evaluate(
        "() => [...document.querySelectorAll('#nqpf-check-marked mark')].map(m => m.getClientRects().length)"
    )
    assert lines, lines
    assert all(n == 1 for n in lines), lines
    status = page.locator("#nqpf-check-status").inner_text()
    assert "have no figure for that period" in status
    assert page.locator("#nqpf-check-list > li strong").first.inner_text() == "no figure for that period"
    assert "no figure for that period" in page.locator("article").first.inner_text()
    context.close()
