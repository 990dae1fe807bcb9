"""The offline bundle: opened from disk, no request leaves it; the zip is reproducible."""

import pytest
from browser import RequestLog
from conftest import ROOT, run_site_build
from test_browser_check import REPORT, check_in_page, command_line_verdicts
from test_check_engines import CHECKED_TEXTS

from nqpf.offline import write_zip


def test_no_page_names_the_cdn(offline_site):
    for page in offline_site.site.rglob("*.html"):
        assert "unpkg.com" not in page.read_text(encoding="utf-8"), page


def test_the_zip_is_reproducible_from_two_builds(offline_site, tmp_path):
    again = run_site_build(ROOT, tmp_path / "again", "--config-file", str(ROOT / "mkdocs.offline.yml"))
    assert again.returncode == 0, again.output
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    assert write_zip(offline_site.site, first) == write_zip(again.site, second) > 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.browser
def test_from_disk_navigation_and_both_searches_work_without_network(browser, unzipped):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests = RequestLog(page, unzipped.as_uri() + "/")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((unzipped / "index.html").as_uri())
    page.locator("a.nqpf-card").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(unzipped.as_uri())
    assert ".html#" in page.url
    page.goto((unzipped / "index.html").as_uri())
    search_box = page.locator("input[data-md-component='search-query']")
    search_box.click()
    search_box.press_sequentially("robotics", delay=30)
    result = page.locator(".md-search-result__item", has_text="Robotics")  # a page, by its title
    result.first.wait_for()  # Playwright's default wait, 30 s: Material's worker answers when it can
    assert result.count() >= 1
    search_box.fill("")
    search_box.press_sequentially("buffalo", delay=30)  # words of a fact: the fact index finds it
    offer = page.locator("a.nqpf-search-facts")
    offer.wait_for()  # drawn when the theme's search answers, which a busy host delays
    assert "buffalo" in offer.inner_text()
    offer.click()
    page.wait_for_selector("#nqpf-search[data-ready='true']")
    assert page.url.startswith(unzipped.as_uri())
    assert page.url.endswith("fact-index.html?q=buffalo")
    assert "buffalo-embryo-lab-capacity" in page.eval_on_selector_all(
        "#nqpf-results a", "els => els.map(e => e.getAttribute('href')).join(' ')"
    )
    page.goto((unzipped / "fact-index.html").as_uri() + "?q=robot")
    page.wait_for_selector("#nqpf-search[data-ready='true']")
    assert "industrial-robot-production-growth-2025" in page.eval_on_selector_all(
        "#nqpf-results a", "els => els.map(e => e.getAttribute('href')).join(' ')"
    )
    page.goto((unzipped / "sectors" / "new-energy-vehicles.html").as_uri())
    assert page.locator("figure.nqpf-chart .nqpf-bar").first.is_visible()
    picture = page.locator("figure.nqpf-chart").get_by_role("link", name="PNG").get_attribute("href")
    assert (unzipped / "sectors" / picture).resolve().is_file()  # the chart's pictures are in the bundle
    cite = page.locator("article#nev-production-2023 details.nqpf-cite")
    cite.locator("summary").click()  # its BibTeX and CSL-JSON load from disk as a script
    assert cite.locator("pre.nqpf-cite-text").first.inner_text().startswith("@misc{nqpf-nev-production-2023,")
    page.goto((unzipped / "timeline.html").as_uri())
    page.locator("ul.nqpf-years a", has_text="2023").click()
    page.wait_for_load_state()
    assert page.url.endswith("/timeline/2023.html")
    page.locator("ol.nqpf-timeline a", has_text="9.443 million").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/sectors/new-energy-vehicles.html#nev-production-2023")
    context.close()
    assert errors == []
    assert requests.external == []


@pytest.mark.browser
def test_checking_a_text_from_disk_gives_the_command_lines_verdicts_without_network(browser, unzipped, tmp_path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, offline=True)
    page = context.new_page()
    requests = RequestLog(page, unzipped.as_uri() + "/")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((unzipped / "index.html").as_uri())
    in_nav = page.locator("nav.md-nav a.md-nav__link", has_text="Check a text").first
    assert in_nav.get_attribute("href") == "check.html"
    page.goto((unzipped / "check.html").as_uri())
    for text in [*CHECKED_TEXTS, REPORT]:
        assert check_in_page(page, text) == command_line_verdicts(text, tmp_path), text
    link = page.locator("#nqpf-check-list a", has_text="(the fact)").first
    link.click()
    page.wait_for_load_state()
    assert page.url.startswith(unzipped.as_uri())
    assert ".html#" in page.url  # the fact's card, on disk
    context.close()
    assert errors == []
    assert requests.external == []
