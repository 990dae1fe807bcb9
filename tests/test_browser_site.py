"""What a reader sees, in a real browser, at desktop and phone widths."""

import pytest
from browser import DESKTOP, PHONE, RequestLog, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(params=[("desktop", DESKTOP), ("phone", PHONE)], ids=["desktop", "phone"])
def page(request, browser, site_url):
    name, viewport = request.param
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    tab.nqpf_viewport = name
    tab.nqpf_requests = RequestLog(tab, site_url)
    yield tab
    context.close()


def fits_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_home_shows_headline_figures_linked_to_facts(page, site_url):
    page.goto(site_url)
    assert page.locator("h1").first.inner_text().startswith("New quality productive forces")
    card = page.locator("a.nqpf-card", has_text="China produced 9.443 million new energy vehicles")
    assert card.count() == 1
    assert card.is_visible()
    assert card.get_attribute("href") == "sectors/new-energy-vehicles/#nev-production-2023"
    assert card.locator(".nqpf-card-value").inner_text() == "9.443 million units"
    assert card.locator(".nqpf-card-who").inner_text().startswith("According to “New quality productive forces")
    assert page.locator("a.nqpf-card").count() == 6
    assert fits_width(page)
    screenshot(page, f"home-{page.nqpf_viewport}")
    assert page.nqpf_requests.external == []


def test_sector_page_shows_a_fact_with_its_provenance(page, site_url):
    page.goto(site_url + "sectors/new-energy-vehicles/#nev-production-2023")
    card = page.locator("article#nev-production-2023")
    assert card.is_visible()
    assert card.locator(".nqpf-value").inner_text() == "9.443 million units"
    assert "according to “New quality productive forces drive" in card.locator(".nqpf-meta").inner_text()
    assert page.locator("figure.nqpf-chart svg").is_visible()
    assert page.locator("table.nqpf-chart-data td", has_text="more than 16 million units").count() == 1
    label_heights = page.eval_on_selector_all(
        "figure.nqpf-chart text", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert label_heights
    assert min(label_heights) >= 12, label_heights  # readable at 390 px too
    assert fits_width(page)
    screenshot(page, f"sector-{page.nqpf_viewport}")
    card.locator("a.nqpf-source-link").click()
    page.wait_for_load_state()
    assert "/sources/yang-nqpf-high-quality/#q-" in page.url
    anchor = page.url.rpartition("#")[2]
    target = page.locator(f"[id='{anchor}']")
    assert target.evaluate("e => e.tagName") == "MARK"
    assert "9.443 million units in 2023" in target.inner_text()
    assert target.is_visible()


def test_the_timeline_lists_years_and_a_year_reads_as_a_timeline(page, site_url):
    page.goto(site_url + "timeline/")
    years = [int(t) for t in page.locator("ul.nqpf-years a").all_inner_texts() if t.isdigit()]
    assert years == sorted(years)
    assert 2023 in years
    assert 2030 in years
    assert fits_width(page)
    page.locator("ul.nqpf-years a", has_text="2030").click()
    page.wait_for_load_state()
    assert page.url.endswith("/timeline/2030/")
    entry = page.locator("ol.nqpf-timeline li", has_text="carbon peak")
    assert entry.locator("time").get_attribute("datetime") == "2030"
    assert entry.locator(".nqpf-badge").inner_text().strip().lower() == "target"
    assert page.locator("a", has_text="China remains on track to reach its carbon peak").is_visible()
    assert fits_width(page)
    screenshot(page, f"timeline-{page.nqpf_viewport}")
    page.goto(site_url + "timeline/2023/")
    page.keyboard.press("Tab")  # the page's links are reachable by keyboard, in reading order
    assert page.locator("nav.nqpf-pager a[rel=next]").first.inner_text() == "2024"


def test_source_page_shows_metadata_and_highlighted_text(page, site_url):
    page.goto(site_url + "sources/hashmi-two-sessions-2025/")
    assert "11 March 2025" in page.locator("table.nqpf-metadata").inner_text()
    assert "not stated in the text" in page.locator("table.nqpf-metadata").inner_text()
    marks = page.locator("mark.nqpf-passage")
    assert marks.count() >= 4
    assert marks.first.is_visible()
    assert fits_width(page)
    screenshot(page, f"source-{page.nqpf_viewport}")


def test_the_fact_index_reads_on_a_phone_and_a_desktop(page, site_url):
    page.goto(site_url + "fact-index/?q=robot")
    page.wait_for_selector("#nqpf-search[data-ready='true']")
    assert page.locator("#nqpf-results li").count() >= 3
    assert not page.locator("#__search").is_checked()  # the theme's own search stays closed
    assert fits_width(page)
    screenshot(page, f"fact-index-{page.nqpf_viewport}")


def test_a_measure_page_charts_its_facts_readably_with_a_table_beside(page, site_url):
    page.goto(site_url + "measures/nev-production/")
    assert page.locator("h1").inner_text().startswith("New energy vehicle production in China")
    chart = page.locator("figure.nqpf-measure-chart svg")
    assert chart.is_visible()
    assert chart.locator("rect.nqpf-bound").count() == 1  # "more than 16 million" is drawn as a bound
    label_heights = chart.evaluate(
        "svg => [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height)"
    )
    assert min(label_heights) >= 12, label_heights  # readable at 390 px too
    boxes = chart.evaluate("svg => [...svg.querySelectorAll('a text')].map(t => t.getBoundingClientRect().right)")
    width = page.evaluate("document.documentElement.clientWidth")
    assert all(right <= width for right in boxes), (boxes, width)  # no value label runs off the screen
    rows = page.locator("table.nqpf-measure-facts tbody tr")
    assert rows.count() == 2
    assert "more than 16 million units" in rows.nth(1).inner_text()
    assert fits_width(page)
    screenshot(page, f"measure-{page.nqpf_viewport}")


TABLE_STYLES = """() => [...document.querySelectorAll('table.nqpf-chart-data, table.nqpf-metadata')].map(table => {
  const cell = table.querySelector('td');
  const style = getComputedStyle(cell);
  const header = table.querySelector('th');
  return {
    table: table.className,
    border: parseFloat(style.borderTopWidth),
    padding: parseFloat(style.paddingLeft),
    header: header ? getComputedStyle(header).fontWeight : null,
    ids: [...table.querySelectorAll('td a')].map(a => {
      const rects = [...a.getClientRects()];  // one rect per line the id takes
      const words = a.textContent.split('-');
      return rects.length <= words.length;   // it wraps only at its hyphens, if at all
    }),
  };
})"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize(
    "path", ["measures/nev-production/", "sectors/new-energy-vehicles/", "sources/yang-nqpf-high-quality/"]
)
def test_every_generated_table_is_styled_and_fits(page, site_url, path, scheme):
    """Material styles only tables without a class: each table the pipeline writes gets its own
    borders, padding and header row, in both palettes, and fits a phone without breaking an id."""
    page.goto(site_url + path)
    page.evaluate(f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    tables = page.evaluate(TABLE_STYLES)
    assert tables, path
    for table in tables:
        assert table["border"] >= 1, table
        assert table["padding"] >= 4, table
        assert int(table["header"] or 700) >= 600, table
        assert all(table["ids"]), table
    assert fits_width(page)
