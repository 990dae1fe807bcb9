"""The offline bundle: opened from disk, no request leaves it; the zip is reproducible."""

import pytest

from browser import RequestLog
from nqpf.offline import write_zip


def test_no_page_names_the_cdn(offline_site):
    for page in offline_site.site.rglob("*.html"):
        assert "unpkg.com" not in page.read_text(encoding="utf-8"), page


def test_the_zip_is_reproducible(offline_site, tmp_path):
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    assert write_zip(offline_site.site, first) == write_zip(offline_site.site, second) > 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.browser
def test_from_disk_navigation_and_material_search_work_without_network(browser, offline_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests = RequestLog(page, offline_site.site.as_uri() + "/")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_site.site / "index.html").as_uri())
    page.locator("a.nqpf-ref").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(offline_site.site.as_uri()) and ".html#" in page.url
    page.goto((offline_site.site / "index.html").as_uri())
    search_box = page.locator("input[data-md-component='search-query']")
    search_box.click()
    search_box.press_sequentially("buffalo", delay=30)
    result = page.locator(".md-search-result__item", has_text="buffalo")
    result.first.wait_for(timeout=10000)
    assert result.count() >= 1
    context.close()
    assert errors == []
    assert requests.external == []
