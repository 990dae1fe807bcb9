"""The fact index in a real browser, over http:// and from file://."""

from collections import Counter
from urllib.parse import urlencode

import pytest
from bench_path import CorpusSize, write_corpus
from browser import RequestLog, screenshot, serve
from conftest import ROOT, run_build

from nqpf.loading import ProjectPaths
from nqpf.search import FACET_SHOWN, FACETS, facet_values, search_document, term_counts, term_weights
from nqpf.verify import build_fact_base

pytestmark = pytest.mark.browser


@pytest.fixture(params=["http", "file"])
def index_url(request, site_url, offline_site):
    """(prefix every request must start with, fact index URL): the site over http, the
    offline build from disk."""
    if request.param == "http":
        return site_url, site_url + "fact-index/"
    return offline_site.site.as_uri() + "/", (offline_site.site / "fact-index.html").as_uri()


@pytest.fixture
def tab(browser, index_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.nqpf_requests = RequestLog(page, index_url[0])
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def open_index(tab, url, query=""):
    tab.goto(url + query)
    tab.wait_for_selector("#nqpf-search[data-ready='true']")


def result_ids(tab):
    """The results shown, once the page has answered (it may load parts of the index first)."""
    tab.wait_for_selector("#nqpf-search:not([data-busy])", state="attached")
    return [
        href.rpartition("#")[2]
        for href in tab.eval_on_selector_all(
            "#nqpf-results a.nqpf-result-link", "els => els.map(e => e.getAttribute('href'))"
        )
    ]


def test_typing_robot_lists_the_industrial_robot_fact(tab, index_url):
    open_index(tab, index_url[1])
    tab.fill("#nqpf-query", "robot")
    ids = result_ids(tab)
    assert "industrial-robot-production-growth-2025" in ids
    assert "service-robot-production-2023" in ids
    assert "pakistan-population" not in ids
    assert tab.locator("#nqpf-results mark", has_text="robot").count() >= 1
    assert tab.locator("#nqpf-status").inner_text() == f"{len(ids)} facts found."
    tab.wait_for_function("location.search.includes('q=robot')")  # written when typing pauses
    screenshot(tab, f"fact-index-{index_url[1].split(':')[0]}")
    assert tab.nqpf_requests.external == []


def test_a_one_word_query_draws_its_first_results_after_one_fetch(tab, index_url):
    """The rows of a term's best facts travel with the term: no row shard waits behind it."""
    open_index(tab, index_url[1])
    before = len(tab.nqpf_requests.urls)
    tab.fill("#nqpf-query", "pakistan")
    assert len(result_ids(tab)) == 10  # the first ten of more
    parts = [url.rpartition("/")[2] for url in tab.nqpf_requests.urls[before:] if "/fact-index/" in url]
    assert any(part.startswith("t") for part in parts)
    assert not any(part.startswith("r") for part in parts), parts


COUNT_2023 = "(document.querySelector('#nqpf-facet-year option[value=\"2023\"]') || {dataset: {}}).dataset.count"


def in_2023(fact_base, ids):
    return sum(1 for i in ids if (p := fact_base.by_id[i].fact.period) and p.year == 2023)


def test_a_facet_narrows_the_list_and_counts_right(tab, index_url, fact_base):
    open_index(tab, index_url[1])
    tab.fill("#nqpf-query", "robot")
    all_ids = result_ids(tab)
    expected = in_2023(fact_base, all_ids)
    tab.wait_for_function(f"{COUNT_2023} === '{expected}'")  # counts follow when the page is idle
    tab.select_option("#nqpf-facet-year", "2023")
    tab.wait_for_function("location.search.includes('year=2023')")
    narrowed = result_ids(tab)
    assert len(narrowed) == expected
    assert 0 < expected < len(all_ids)
    assert "industrial-robot-production-growth-2025" not in narrowed
    assert "year=2023" in tab.url


def test_facet_counts_are_shown_at_once_when_a_facet_gets_focus(tab, index_url, fact_base):
    tab.add_init_script("window.requestIdleCallback = function () { return 0; };")  # never idle
    open_index(tab, index_url[1])
    tab.fill("#nqpf-query", "robot")
    expected = in_2023(fact_base, result_ids(tab))
    assert expected > 0
    assert tab.evaluate(COUNT_2023) is None  # not shown yet
    tab.focus("#nqpf-facet-year")  # the facets load now, and their counts show at once: no idle time
    tab.wait_for_function(f"{COUNT_2023} === '{expected}'")


def test_the_url_restores_the_state_and_back_works(tab, index_url):
    open_index(tab, index_url[1], "?q=robot&sector=robotics")
    assert "q=robot" in tab.url
    assert "sector=robotics" in tab.url
    assert not tab.locator("#__search").is_checked()  # the theme's search stays closed
    assert tab.input_value("#nqpf-query") == "robot"
    assert tab.input_value("#nqpf-facet-sector") == "robotics"
    ids = result_ids(tab)
    assert "industrial-robot-production-growth-2025" in ids
    assert all(i in ids for i in ("service-robot-production-2023", "service-robot-production-growth-2023"))
    tab.select_option("#nqpf-facet-year", "2025")
    tab.wait_for_function("location.search.includes('year=2025')")
    assert result_ids(tab) == ["industrial-robot-production-growth-2025"]
    tab.go_back()
    tab.wait_for_function("!location.search.includes('year=')")
    assert tab.input_value("#nqpf-facet-year") == ""
    assert len(result_ids(tab)) == len(ids)


def test_value_as_written_and_speaker_find_facts(tab, index_url):
    open_index(tab, index_url[1], "?q=9.443")
    assert result_ids(tab)[0] == "nev-production-2023"
    tab.fill("#nqpf-query", "Hashmi")
    assert "pakistan-population" in result_ids(tab)
    tab.fill("#nqpf-query", "zzzz-no-such-thing")
    assert result_ids(tab) == []
    assert tab.locator("#nqpf-status").inner_text().startswith("No facts match")


def test_keyboard_slash_arrows_and_enter(tab, index_url):
    open_index(tab, index_url[1])
    tab.locator("h1").click()
    tab.keyboard.press("/")
    assert tab.evaluate("document.activeElement.id") == "nqpf-query"
    tab.keyboard.type("robot")
    result_ids(tab)
    tab.keyboard.press("ArrowDown")
    first = tab.evaluate("document.activeElement.getAttribute('href')")
    assert first
    assert first.endswith("#" + result_ids(tab)[0])
    tab.keyboard.press("ArrowDown")
    second = tab.evaluate("document.activeElement.getAttribute('href')")
    assert second != first
    tab.keyboard.press("ArrowUp")
    assert tab.evaluate("document.activeElement.getAttribute('href')") == first
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    fact_id = first.rpartition("#")[2]
    assert tab.url.endswith(f"/sectors/robotics{'.html' if tab.url.startswith('file:') else '/'}#{fact_id}")
    assert tab.locator(f"article#{fact_id}").is_visible()


def test_ten_results_come_first_and_show_more_draws_the_rest(tab, index_url, fact_base):
    open_index(tab, index_url[1])
    assert len(result_ids(tab)) == 10
    more = tab.locator("button.nqpf-more")
    left = len(fact_base.facts) - 10
    assert more.inner_text() == f"Show {min(left, 100)} more of {left}"
    # Twice in one go: the rows load once and are drawn once. (A double click could land its
    # second click on a result link once the rows are drawn and the button hidden.)
    more.evaluate("button => { button.click(); button.click(); }")
    tab.wait_for_function(f"document.querySelectorAll('#nqpf-results li').length === {len(fact_base.facts)}")
    ids = result_ids(tab)
    assert ids == [item.fact.id for item in fact_base.facts]
    assert more.is_hidden()


def test_the_measure_facet_and_a_measure_label_find_the_measure_facts(tab, index_url, fact_base):
    wanted = sorted(i.fact.id for i in fact_base.by_measure["nev-production"])
    open_index(tab, index_url[1], "?measure=nev-production")
    assert sorted(result_ids(tab)) == wanted
    open_index(tab, index_url[1])
    tab.fill("#nqpf-query", "New energy vehicle production in China")  # the measure's label
    assert set(wanted) <= set(result_ids(tab))


FACET_COUNTS = """() => Object.fromEntries(Array.from(document.querySelectorAll('select[data-facet]')).map(select =>
  [select.dataset.facet, Object.fromEntries(Array.from(select.options).filter(o => o.dataset.count !== undefined)
    .map(o => [o.value, Number(o.dataset.count)]))]))"""


def python_facet_counts(base, query: str, chosen: dict[str, str]) -> dict[str, dict[str, int]]:
    """What each facet lists for a query, computed here: every word must match a term by its
    stem or as the start of a longer term; each facet counts the matches that meet the other
    facets' choices, and lists its FACET_SHOWN most frequent values (ties in value order) and
    the chosen one."""
    weights = term_weights([search_document(item, base) for item in base.facts])
    matched = set(range(len(base.facts)))
    for word in query.split():
        for stem in term_counts(word):
            matched &= {at for term, posting in weights.items() if term.startswith(stem) for at in posting}
    values = [facet_values(item) for item in base.facts]
    listed = {}
    for name in FACETS:
        others = {k: v for k, v in chosen.items() if k != name}
        counts = Counter(
            values[at][name]
            for at in matched
            if values[at][name] and all(values[at][k] == v for k, v in others.items())
        )
        top = sorted(counts, key=lambda v: (-counts[v], v))[:FACET_SHOWN]
        if chosen.get(name) and chosen[name] not in top:
            top.append(chosen[name])
        listed[name] = {value: counts[value] for value in top}
    return listed


def page_facet_counts(tab, url: str) -> dict[str, dict[str, int]]:
    open_index(tab, url)
    tab.wait_for_function("document.getElementById('nqpf-search').dataset.facets === 'shown'")
    return tab.evaluate(FACET_COUNTS)


@pytest.mark.parametrize(
    ("query", "chosen"),
    [
        ("robot", {}),
        ("china", {"year": "2023"}),
        ("pakistan", {"sector": "cpec-investment", "kind": "figure"}),
        ("", {}),
        ("", {"sector": "robotics"}),
        ("", {"year": "2025", "kind": "figure"}),
    ],
)
def test_facet_counts_are_pythons_for_the_same_query(tab, index_url, fact_base, query, chosen):
    address = "?" + urlencode({"q": query, **chosen}) if query or chosen else ""
    assert page_facet_counts(tab, index_url[1] + address) == python_facet_counts(fact_base, query, chosen)


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory):
    """A generated base of 3,000 facts (the benchmark's corpus), built and served."""
    folder = tmp_path_factory.mktemp("generated")
    project = write_corpus(folder / "project", CorpusSize(facts=3_000, seeds=20, sectors=12), ROOT)
    result = run_build(project, folder / "site")
    assert result.returncode == 0, result.output
    url, server = serve(result.site)
    yield url, build_fact_base(ProjectPaths(project))[0], result.site
    server.shutdown()


@pytest.mark.parametrize(
    ("query", "chosen"),
    [
        ("battery", {}),
        ("output", {}),  # in every fact: its counts come with its head
        ("output", {"year": "2015"}),  # a facet chosen: its whole shard
        ("solar farm", {"year": "2015"}),
        ("", {"sector": "sector-ba"}),
        ("", {}),
    ],
)
def test_facet_counts_are_pythons_on_a_larger_base(browser, generated_site, query, chosen):
    url, base, _ = generated_site
    context = browser.new_context()
    tab = context.new_page()
    address = "?" + urlencode({"q": query, **chosen}) if query or chosen else ""
    shown = page_facet_counts(tab, url + "fact-index/" + address)
    context.close()
    expected = python_facet_counts(base, query, chosen)
    assert shown == expected
    assert sum(len(values) for values in expected.values()) >= 10  # many values listed: a real comparison


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_a_common_words_first_answer_comes_from_its_head_and_show_more_from_its_whole_shard(
    browser, generated_site, scheme
):
    """The word "output" is in every generated fact: its shard is a head, which draws the first
    ten and the count in one fetch; "Show more" loads the whole shard and goes on in the same
    order, once however often it is clicked. Over http, and from disk (file://)."""
    url, base, site = generated_site
    if scheme == "file":
        url = site.as_uri() + "/"
    (term,) = term_counts("output")
    posting = term_weights([search_document(item, base) for item in base.facts])[term]
    ranked = [base.facts[at].fact.id for at in sorted(posting, key=lambda at: (-round(posting[at] * 100), at))]
    context = browser.new_context()
    tab = context.new_page()
    requests = RequestLog(tab, url)
    open_index(tab, url + ("fact-index/index.html" if scheme == "file" else "fact-index/"))
    before = len(requests.urls)
    tab.fill("#nqpf-query", "output")
    assert result_ids(tab) == ranked[:10]
    assert tab.locator("#nqpf-status").inner_text() == f"{len(base.facts)} facts found."
    parts = [u.rpartition("/")[2] for u in requests.urls[before:] if "/fact-index/" in u]
    assert len([p for p in parts if p.startswith("t")]) == 1
    assert not [p for p in parts if p.endswith("-all.js") or p.startswith("r")], parts
    more = tab.locator("button.nqpf-more")
    assert more.inner_text() == f"Show 100 more of {len(base.facts) - 10}"
    more.evaluate("button => { button.click(); button.click(); }")  # the whole shard loads once, drawn once
    tab.wait_for_function("document.querySelectorAll('#nqpf-results li').length >= 110")
    tab.wait_for_timeout(300)
    assert result_ids(tab) == ranked[:110]
    assert more.inner_text() == f"Show 100 more of {len(base.facts) - 110}"
    assert any(u.endswith("-all.js") for u in requests.urls[before:])
    context.close()
