"""Page generation, as plain functions: links, labels, the report link and its issue form."""

import itertools
import posixpath
import re
from html import unescape
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import yaml
from conftest import ROOT

from nqpf import pages
from nqpf.markup import _relative_path, esc, relative_href
from nqpf.model import Period
from nqpf.pages import (
    NAV_SOURCES_MAX,
    SiteOptions,
    fact_card,
    fact_href,
    nav,
    passage_id,
    report_href,
    sector_pages,
    timeline_pages,
)


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
        "&#60;a href=&#34;x&#34;&#62;&#123;&#123; y &#125;&#125; &#42;z&#42; &#95;w&#95;&#60;/a&#62;"
    )


def test_report_link_prefills_the_issue_form(fact_base):
    item = fact_base.by_id["nev-production-2023"]
    href = report_href(item, SiteOptions(repo_url="https://github.com/o/r"))
    parts = urlsplit(href)
    assert parts.path == "/o/r/issues/new"
    query = parse_qs(parts.query)
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / query["template"][0]).read_text(encoding="utf-8"))
    field_ids = {field.get("id") for field in form["body"]}
    assert query["fact-id"] == ["nev-production-2023"]
    assert "fact-id" in field_ids


def test_a_card_says_whose_claim_it_is(fact_base):
    card = unescape(fact_card(fact_base.by_id["pakistan-population"], fact_base, SiteOptions(), "sectors/people.md"))
    assert "according to Khalil Hashmi, Pakistan's Ambassador to China" in card
    assert 'href="../../sources/hashmi-third-plenum/#q-' in card


def test_the_timeline_is_an_index_of_years_and_a_page_per_year(fact_base):
    index, *years = timeline_pages(fact_base, SiteOptions())
    assert index.src_uri == "timeline.md"
    listed = [int(y) for y in re.findall(r'href="(\d{4})/"', index.markdown)]
    assert listed == sorted(listed)
    assert 2023 in listed
    assert 2030 in listed
    assert [p.src_uri for p in years] == [*(f"timeline/{y}.md" for y in listed), "timeline/undated.md"]
    page_2023 = next(p for p in years if p.src_uri == "timeline/2023.md").markdown
    dated = re.findall(r'<time datetime="([\d-]+)"', page_2023)
    assert dated == sorted(dated)
    assert all(d.startswith("2023") for d in dated)
    assert "third-plenum-concluded" in years[-1].markdown
    page_2024 = next(p for p in years if p.src_uri == "timeline/2024.md").markdown
    assert '<a href="../" rel="up">All years</a> · <a href="../2023/" rel="prev">2023</a> · ' in page_2024
    assert 'rel="prev"' not in page_2023
    assert '<a href="../2024/" rel="next">2024</a>' in page_2023
    ids = {i.fact.id for i in fact_base.facts if i.fact.period or i.fact.kind in ("event", "target")}
    assert {i for p in years for i in re.findall(r'&#35;([a-z0-9-]+)"', p.markdown)} == ids


def test_long_years_and_sectors_come_in_parts_and_links_find_each_fact(fact_base, monkeypatch):
    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    nev = sector_pages("new-energy-vehicles", fact_base, SiteOptions())
    facts = fact_base.by_sector["new-energy-vehicles"]
    assert [p.src_uri for p in nev] == [
        "sectors/new-energy-vehicles.md",
        *(f"sectors/new-energy-vehicles/{n}.md" for n in range(2, len(nev) + 1)),
    ]
    assert len(nev) == (len(facts) + 1) // 2
    on_page = {i: p.src_uri for p in nev for i in re.findall(r'<article [^>]*id="([^"]+)"', p.markdown)}
    assert sorted(on_page) == sorted(f.fact.id for f in facts)
    for item in facts:  # a link from the home page lands on the part that shows the fact
        expected = on_page[item.fact.id].removesuffix(".md")
        assert fact_href(item, fact_base, "index.md", SiteOptions()) == f"{expected}/#{item.fact.id}"
    assert 'Part <span aria-current="page">1</span> · <a href="2/">2</a>' in nev[0].markdown
    assert '<a href="../">1</a> · <span aria-current="page">2</span>' in nev[1].markdown
    parts_2023 = [p for p in timeline_pages(fact_base, SiteOptions()) if p.src_uri.startswith("timeline/2023")]
    assert [p.src_uri for p in parts_2023][:2] == ["timeline/2023.md", "timeline/2023-2.md"]
    assert all(p.markdown.count('<li class="nqpf-timeline-entry') <= 2 for p in parts_2023)


def test_the_nav_lists_sources_one_by_one_only_while_they_are_few(fact_base):
    def sources_entry(base):
        return next(item["Sources"] for item in nav(base) if "Sources" in item)

    assert len(sources_entry(fact_base)) == 1 + len(fact_base.sources)  # the index, then each source
    one = next(iter(fact_base.sources.values()))
    many = SimpleNamespace(sectors=fact_base.sectors, sources={f"s{n}": one for n in range(NAV_SOURCES_MAX + 1)})
    assert sources_entry(many) == ["sources/index.md"]


def test_relative_paths_agree_with_posixpath_relpath():
    paths = [
        "",
        "a",
        "a/b",
        "a/b/c",
        "b",
        "a/c",
        "sectors/ai",
        "sectors/ai/",
        "sources/x",
        "index.html",
        "sectors/ai.html",
        "x/y/z/",
    ]
    for target, start in itertools.product(paths, [p.rstrip("/") for p in paths]):
        assert _relative_path(target, start) == posixpath.relpath(target or ".", start or "."), (target, start)


def test_who_claims_a_fact_is_never_a_bracket_inside_a_bracket_and_a_permalink_says_so(fact_base):
    """An untitled source's name ends "(untitled)": who claims a fact follows a dash, not another
    bracket; a card's permalink reads "Permalink", not a bare "#"."""
    untitled = next(
        item for item in fact_base.facts if fact_base.sources[item.fact.seed].title is None and not item.fact.said_by
    )
    card = unescape(fact_card(untitled, fact_base, SiteOptions(), "sectors/x.md"))
    assert ">Permalink</a>" in card
    assert ">#</a>" not in card
    for page in [
        *timeline_pages(fact_base, SiteOptions()),
        *sector_pages(untitled.fact.sector, fact_base, SiteOptions()),
    ]:
        text = unescape(page.markdown)
        assert "(untitled))" not in text, page.src_uri
        assert not re.search(r"\(according to [^)]*\(untitled", text), page.src_uri
    assert any(
        "— according to" in unescape(p.markdown) and "(untitled)" in unescape(p.markdown)
        for p in timeline_pages(fact_base, SiteOptions())
    )
