"""Page generation, as plain functions: links, labels, the report link and its issue form."""

import itertools
import posixpath
from html import unescape
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import yaml

from conftest import ROOT
from nqpf.markup import _relative_path, esc, relative_href
from nqpf.model import Period
from nqpf.pages import NAV_SOURCES_MAX, SiteOptions, fact_card, nav, passage_id, report_href, timeline_page


def test_relative_links_work_with_and_without_directory_urls():
    assert relative_href("index.md", "sectors/robotics.md", True, "x") == "sectors/robotics/#x"
    assert relative_href("sectors/robotics.md", "sources/a.md", True, "q") == "../../sources/a/#q"
    assert relative_href("sectors/robotics.md", "sources/a.md", False, "q") == "../sources/a.html#q"
    assert relative_href("sectors/robotics.md", "index.md", False) == "../index.html"
    assert relative_href("timeline.md", "timeline.md", True, "y") == "#y"


def test_periods_are_shown_only_as_precise_as_given():
    assert [Period(t).label() for t in ("2023", "2025-03", "2025-03-11")] == ["2023", "March 2025", "11 March 2025"]


def test_passage_ids_ignore_quote_typography():
    assert passage_id("it’s  done") == passage_id("it's done") != passage_id("it is done")


def test_esc_makes_markdown_jinja_and_html_inert():
    assert esc('<a href="x">{{ y }} *z* _w_</a>') == (
        "&#60;a href=&#34;x&#34;&#62;&#123;&#123; y &#125;&#125; &#42;z&#42; &#95;w&#95;&#60;/a&#62;")


def test_report_link_prefills_the_issue_form(fact_base):
    item = fact_base.by_id["nev-production-2023"]
    href = report_href(item, SiteOptions(repo_url="https://github.com/o/r"))
    parts = urlsplit(href)
    assert parts.path == "/o/r/issues/new"
    query = parse_qs(parts.query)
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / query["template"][0]).read_text(encoding="utf-8"))
    field_ids = {field.get("id") for field in form["body"]}
    assert query["fact-id"] == ["nev-production-2023"] and "fact-id" in field_ids


def test_a_card_says_whose_claim_it_is(fact_base):
    card = unescape(fact_card(fact_base.by_id["pakistan-population"], fact_base, SiteOptions(),
                              "sectors/people.md"))
    assert "according to Khalil Hashmi, Pakistan's Ambassador to China" in card
    assert 'href="../../sources/hashmi-third-plenum/#q-' in card


def test_timeline_groups_years_in_order_and_lists_undated_events(fact_base):
    page = timeline_page(fact_base, SiteOptions()).markdown
    years = [int(line[3:]) for line in page.splitlines() if line.startswith("## ") and line[3:].isdigit()]
    assert years == sorted(years)
    assert page.index("## Undated events and targets") > page.index(f"## {years[-1]}")
    assert "third-plenum-concluded" in page.split("## Undated events and targets")[1]


def test_the_nav_lists_sources_one_by_one_only_while_they_are_few(fact_base):
    def sources_entry(base):
        return next(item["Sources"] for item in nav(base) if "Sources" in item)

    assert len(sources_entry(fact_base)) == 1 + len(fact_base.sources)  # the index, then each source
    one = next(iter(fact_base.sources.values()))
    many = SimpleNamespace(sectors=fact_base.sectors,
                           sources={f"s{n}": one for n in range(NAV_SOURCES_MAX + 1)})
    assert sources_entry(many) == ["sources/index.md"]


def test_relative_paths_agree_with_posixpath_relpath():
    paths = ["", "a", "a/b", "a/b/c", "b", "a/c", "sectors/ai", "sectors/ai/", "sources/x",
             "index.html", "sectors/ai.html", "x/y/z/"]
    for target, start in itertools.product(paths, [p.rstrip("/") for p in paths]):
        assert _relative_path(target, start) == posixpath.relpath(target or ".", start or "."), (target, start)
