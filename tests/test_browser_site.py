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
    chart = page.locator("figure.nqpf-chart")
    assert chart.is_visible()
    assert chart.locator("li", has_text="2024").inner_text().endswith("no fact in the base")
    sizes = chart_label_sizes(chart)
    assert sizes
    assert min(sizes) >= 14  # readable at 390 px too
    data = page.locator("details.nqpf-chart-table")
    assert not data.locator("table").is_visible()  # the values are not printed twice
    data.locator("summary").click()
    assert data.locator("table.nqpf-chart-data td", has_text="more than 16 million units").count() == 1
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


def chart_label_sizes(chart) -> list[float]:
    """The font size, in CSS px, of every piece of text in a chart."""
    return chart.evaluate(
        "figure => [...figure.querySelectorAll('li span, li a, figcaption, p')]"
        ".filter(e => e.textContent.trim()).map(e => parseFloat(getComputedStyle(e).fontSize))"
    )


def test_a_measure_page_charts_its_facts_readably_with_a_table_beside(page, site_url):
    page.goto(site_url + "measures/nev-production/")
    assert page.locator("h1").inner_text().startswith("New energy vehicle production in China")
    chart = page.locator("figure.nqpf-measure-chart")
    assert chart.is_visible()
    bars = chart.locator(".nqpf-bar")
    assert bars.count() == 2
    assert chart.locator(".nqpf-bar.nqpf-bound").count() == 1  # "more than 16 million" is drawn as a bound
    widths = bars.evaluate_all("bars => bars.map(b => b.getBoundingClientRect().width)")
    assert widths[0] / widths[1] == pytest.approx(9.443 / 16, rel=0.02)  # bars are to scale
    assert min(chart_label_sizes(chart)) >= 14  # readable at 390 px too
    assert "Sources: “New quality productive forces" in chart.locator(".nqpf-chart-sources").inner_text()
    width = page.evaluate("document.documentElement.clientWidth")
    rights = chart.locator("a.nqpf-bar-value").evaluate_all("els => els.map(e => e.getBoundingClientRect().right)")
    assert all(right <= width for right in rights), (rights, width)  # no value label runs off the screen
    for picture in ("SVG", "PNG"):
        href = chart.get_by_role("link", name=picture).get_attribute("href")
        assert page.request.get(site_url + "measures/nev-production/" + href).ok, href
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
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    tables = page.evaluate(TABLE_STYLES)
    assert tables, path
    for table in tables:
        assert table["border"] >= 1, table
        assert table["padding"] >= 4, table
        assert int(table["header"] or 700) >= 600, table
        assert all(table["ids"]), table
    assert fits_width(page)


def test_the_home_page_shows_the_navigation_and_its_ways_in_above_the_fold(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(site_url)
    assert page.locator("nav.md-nav--primary").first.is_visible()  # the menu, on a desktop's first screen
    fold = DESKTOP["height"]
    for target in (
        page.get_by_role("searchbox", name="Search the facts"),
        page.get_by_role("link", name="Check a text", exact=True).first,
        page.get_by_role("link", name="Browse measures"),
        page.locator("ul.nqpf-latest li").first,
    ):
        box = target.bounding_box()
        assert box is not None
        assert box["y"] + box["height"] <= fold, target
    page.get_by_role("searchbox", name="Search the facts").fill("robot")
    page.get_by_role("button", name="Search", exact=True).click()  # a plain form: the fact index takes over
    page.wait_for_selector("#nqpf-search[data-ready='true']")
    assert page.url.endswith("fact-index/?q=robot")
    assert page.locator("#nqpf-results li").count() >= 3
    context.close()


def test_the_fact_index_on_a_touch_phone_folds_its_filters_and_hides_keyboard_hints(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "fact-index/?q=robot")
    page.wait_for_selector("#nqpf-search[data-ready='true']")
    assert not page.locator(".nqpf-keyboard-hint").is_visible()  # "Press /" means nothing on a touch screen
    assert not page.locator("#nqpf-facet-year").is_visible()
    first = page.locator("#nqpf-results li").first.bounding_box()
    assert first["y"] + first["height"] <= PHONE["height"]  # the first result on the first screen
    page.get_by_text("Filters", exact=True).click()
    year = page.locator("#nqpf-facet-year")
    assert year.is_visible()
    width = year.bounding_box()["width"]
    page.fill("#nqpf-query", "robot production 2025")
    page.wait_for_function("document.querySelector('#nqpf-status').textContent.includes('found')")
    assert year.bounding_box()["width"] == width  # a filter does not resize as one types
    context.close()
    wide = browser.new_context(viewport=DESKTOP)
    page = wide.new_page()
    page.goto(site_url + "fact-index/?q=robot")
    page.wait_for_selector("#nqpf-search[data-ready='true']")
    assert page.locator("#nqpf-facet-year").is_visible()  # open on a desktop
    assert page.locator(".nqpf-keyboard-hint").is_visible()
    wide.close()


CHECKED_TEXT = (
    "China produced 9.443 million new energy vehicles in 2023, and its industrial robot production grew 28% in 2025."
)
SCREENS = {
    "home": "",
    "measures": "measures/",
    "measure": "measures/nev-production/",
    "sector": "sectors/new-energy-vehicles/",
    "fact-index": "fact-index/?q=robot",
    "check": "check/",
}


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("name", list(SCREENS))
def test_screenshots_of_every_page_type_in_both_palettes_and_widths_fit_a_phone(browser, site_url, name, scheme):
    """Kept as test artifacts (test-artifacts/screen-*.png) for a person to look at."""
    for width, viewport in (("1280", DESKTOP), ("390", PHONE)):
        context = browser.new_context(viewport=viewport, color_scheme="dark" if scheme == "slate" else "light")
        page = context.new_page()
        page.goto(site_url + SCREENS[name])
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        if name == "fact-index":
            page.wait_for_selector("#nqpf-search[data-ready='true']")
        if name == "check":
            page.fill("#nqpf-check-text", CHECKED_TEXT)
            page.click("#nqpf-check-button")
            page.wait_for_selector("#nqpf-check-result:not([hidden])")
        assert fits_width(page), (name, width)
        screenshot(page, f"screen-{name}-{width}-{'dark' if scheme == 'slate' else 'light'}")
        context.close()


def test_cite_fills_in_the_readers_date_and_copies_a_fact_and_its_permalink(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + "sectors/new-energy-vehicles/")
    today = page.evaluate("() => new Date().toLocaleDateString('en-CA')")  # YYYY-MM-DD, the reader's day
    card = page.locator("article#nev-production-2023")
    card.locator("details.nqpf-cite summary").click()
    bibtex = card.locator("pre.nqpf-cite-text").first
    assert f"urldate = {{{today}}}" in bibtex.inner_text()
    assert "YYYY-MM-DD" not in card.locator("details.nqpf-cite").inner_text()
    card.locator("details.nqpf-cite button", has_text="Copy").nth(1).click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith("@misc{nqpf-nev-production-2023,")
    assert "url = {https://nqpf-facts.github.io/nqpf-facts/sectors/new-energy-vehicles/#nev-production-2023}" in copied
    card.get_by_role("button", name="Copy link").click()
    assert (
        page.evaluate("() => navigator.clipboard.readText()")
        == site_url + "sectors/new-energy-vehicles/#nev-production-2023"
    )
    assert fits_width(page)  # an open citation wraps on a phone
    context.close()
