"""A real `mkdocs build --strict` of the project, and what it must produce."""

import csv
import json
import os
import re
from html import unescape

from conftest import ROOT, run_build, run_site_build, timings_path
from html_tools import page_for_url, read_page

from nqpf.markup import esc
from nqpf.numbers import SCALES
from nqpf.pages import passage_id, source_label

FIELDS = {"id", "kind", "claim", "value", "unit", "period", "sector", "seed", "quote", "said_by", "url"}


def test_strict_build_passes_without_warnings(built_site):
    assert "WARNING" not in built_site.output
    assert (built_site.site / "index.html").is_file()


def test_exports_hold_every_fact_with_the_required_fields(built_site, fact_base):
    records = json.loads((built_site.site / "facts.json").read_text(encoding="utf-8"))
    assert isinstance(records, list)
    assert len(records) == len(fact_base.facts)
    assert all(set(record) >= FIELDS for record in records)
    with (built_site.site / "facts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert set(rows[0]) >= FIELDS
    assert [row["id"] for row in rows] == [record["id"] for record in records]
    nev = next(r for r in records if r["id"] == "nev-production-2023")
    assert (nev["value"], nev["scale"], nev["number"], nev["value_as_written"]) == (
        9.443,
        "million",
        9443000,
        "9.443 million",
    )
    assert nev["url"] == "sectors/new-energy-vehicles/#nev-production-2023"
    assert (nev["measure"], nev["measure_label"]) == ("nev-production", "New energy vehicle production in China")


def test_a_build_in_one_process_writes_the_same_bytes_as_one_that_forks(built_site, tmp_path):
    forked = json.loads(timings_path(built_site.site).read_text())["forked"]
    if len(os.sched_getaffinity(0)) > 1:  # a fork helps only with a second core
        assert forked == 1.0, "the suite's build should make half its outputs in a child"
    alone = run_site_build(ROOT, tmp_path / "site", env={"NQPF_JOBS": "1"})
    assert alone.returncode == 0, alone.output
    assert json.loads(timings_path(alone.site).read_text())["forked"] == 0.0

    def files(site):
        return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}

    first, second = files(built_site.site), files(alone.site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_every_fact_url_resolves_to_an_element_with_its_id(built_site):
    records = json.loads((built_site.site / "facts.json").read_text(encoding="utf-8"))
    for record in records:
        url, _, anchor = record["url"].partition("#")
        page = read_page(page_for_url(built_site.site, url))
        assert page.ids.get(anchor) == "article", record["id"]


def test_every_fact_is_on_exactly_one_sector_page(built_site, fact_base):
    seen: dict[str, int] = {}
    for page_path in (built_site.site / "sectors").rglob("index.html"):
        for element_id, tag in read_page(page_path).ids.items():
            if tag == "article":
                seen[element_id] = seen.get(element_id, 0) + 1
    assert seen == {item.fact.id: 1 for item in fact_base.facts}


def test_the_timeline_pages_link_every_event_and_target(built_site, fact_base):
    linked = set()
    for path in (built_site.site / "timeline").rglob("index.html"):
        linked |= {href.rpartition("#")[2] for href in read_page(path).hrefs if "sectors/" in href}
    wanted = {i.fact.id for i in fact_base.facts if i.fact.kind in ("event", "target")}
    assert wanted
    assert wanted <= linked


def test_source_pages_mark_each_cited_passage_and_fact_links_land_on_it(built_site, fact_base):
    for slug in fact_base.sources:
        page = read_page(built_site.site / "sources" / slug / "index.html")
        quotes = {i.fact.quote for i in fact_base.facts if i.fact.seed == slug}
        for quote in quotes:
            anchor = passage_id(quote)
            assert anchor in page.ids, (slug, quote)
            assert page.ids[anchor] in ("mark", "span")
        marked = " ".join(mark["text"] for mark in page.marks)
        for quote in quotes:
            first_words = " ".join(quote.split()[:3]).replace("’", "'")
            assert first_words in marked.replace("’", "'"), quote
    for item in fact_base.facts:
        sector_page = read_page(built_site.site / "sectors" / item.fact.sector / "index.html")
        target = f"../../sources/{item.fact.seed}/#{passage_id(item.fact.quote)}"
        assert target in sector_page.hrefs, item.fact.id


def test_no_inline_event_handlers_in_generated_html(built_site):
    for page_path in built_site.site.rglob("*.html"):
        assert read_page(page_path).event_handlers == [], page_path


def test_a_failed_build_leaves_the_previous_site_as_it_was(project_copy, tmp_path):
    site = tmp_path / "site"
    assert run_build(project_copy, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    facts = project_copy / "facts" / "robotics.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("value: 28", "value: 29"), encoding="utf-8")
    failed = run_build(project_copy, site)
    assert failed.returncode != 0
    assert "facts/robotics.yml:" in failed.output
    assert "industrial-robot-production-growth-2025: value:" in failed.output
    assert "Traceback" not in failed.output
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_an_unknown_fact_macro_fails_the_build_naming_page_and_line(project_copy, tmp_path):
    page = project_copy / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + '\nSee {{ fact("no-such-fact") }}.\n', encoding="utf-8")
    failed = run_build(project_copy, tmp_path / "site")
    assert failed.returncode != 0
    lines = page.read_text(encoding="utf-8").count("\n")
    assert f"docs/about.md:{lines}:" in failed.output
    assert "Traceback" not in failed.output


HOSTILE = "<script>alert(1)</script> {{ config.site_name }} {% raw %} <img src=x onerror=alert(2)> *b*"


def test_hostile_text_in_a_fact_is_escaped_and_never_evaluated(project_copy, tmp_path):
    facts = project_copy / "facts" / "space.yml"
    text = facts.read_text(encoding="utf-8").replace(
        "claim: Pakistan's first astronauts are set to join a Chinese space mission.", f"claim: '{HOSTILE}'"
    )
    facts.write_text(text, encoding="utf-8")
    for edition in ("zh", "ur"):  # the claim's translations no longer write its numbers: left out
        (project_copy / "translations" / edition / "space.yml").write_text("[]\n", encoding="utf-8")
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.output
    html = (tmp_path / "site" / "sectors" / "space" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    claim = re.search(r'<p class="nqpf-claim">(.*?)</p>', html).group(1)
    assert unescape(claim) == HOSTILE  # shown literally: not rendered by Jinja nor Markdown
    parts = [p.read_text(encoding="utf-8") for p in (tmp_path / "site" / "assets" / "nqpf" / "fact-index").glob("*.js")]
    assert not any("<script>" in part for part in parts)
    assert any("\\u003cscript\\u003e" in part for part in parts)  # the claim, escaped for a script


def test_materials_search_indexes_what_pages_are_not_every_fact(built_site, fact_base):
    """Material's index (fetched whole when its search starts) holds titles, headings and
    introductions; fact cards, timelines and source texts are left to the fact index."""
    docs = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(f"{d['title']} {d['text']}" for d in docs)
    assert "Robotics" in text
    assert "Timeline" in text
    for item in fact_base.facts:
        assert item.fact.quote not in text, item.fact.id
    assert "buffalo embryo" not in text


def test_sources_without_a_title_are_named_by_the_sites_label_marked_untitled(built_site):
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert "Report on remarks by Tanvir A. Bhatti (untitled)" in home
    assert "an untitled text (000_6a61c59047892a2e.txt)" not in home
    source = (built_site.site / "sources" / "bhatti-chengdu-nqpf" / "index.html").read_text(encoding="utf-8")
    assert "<title>Report on remarks by Tanvir A. Bhatti (untitled)" in source


def test_a_chart_is_captioned_by_its_registered_measure(built_site):
    page = (built_site.site / "sectors" / "new-energy-vehicles" / "index.html").read_text(encoding="utf-8")
    assert '<figcaption class="nqpf-chart-title">New energy vehicle production in China (vehicles)' in page


def test_every_measure_with_a_dated_fact_has_its_chart_as_svg_and_png_with_the_facts_values(built_site, fact_base):
    from test_charts import read_back  # noqa: PLC0415 - the same reader as the unit tests

    charts = built_site.site / "data" / "charts"
    dated = {i.fact.measure for i in fact_base.facts if i.fact.measure and i.fact.period and i.fact.value is not None}
    dated = {slug for slug in dated if not fact_base.measures[slug].draft}
    assert {p.stem for p in charts.glob("*.svg")} == dated
    assert {p.stem for p in charts.glob("*.png")} == dated
    for slug in dated:
        svg = (charts / f"{slug}.svg").read_text(encoding="utf-8")
        facts = [i.fact for i in fact_base.by_measure[slug] if i.fact.period and i.fact.value is not None]
        # each value as the picture writes it (as its source wrote it, with its scale) is the fact's
        assert read_back(svg) == {f.id: f.value * SCALES.get(f.scale or "", 1) for f in facts[-40:]}, slug
        assert f"https://nqpf-facts.github.io/nqpf-facts/measures/{slug}/" in svg
        sources = {source_label(fact_base.sources[f.seed]) for f in facts}
        assert all(esc(source) in svg for source in sources), slug
    measure = (built_site.site / "measures" / "nev-production" / "index.html").read_text(encoding="utf-8")
    assert (
        '<meta property="og:image" content="https://nqpf-facts.github.io/nqpf-facts/data/charts/nev-production.png">'
        in measure
    )


def test_the_header_search_shows_a_sectors_title_and_description_apart(built_site):
    index = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sectors = next(doc["text"] for doc in index["docs"] if doc["location"] == "sectors/")
    assert re.search(r"Economy and growth \(\d+ facts\) <p>Output, growth rates", sectors), sectors[:200]


def test_each_sector_pages_citations_are_in_its_part_and_parse(built_site, fact_base):
    from pybtex.database import parse_string  # noqa: PLC0415 - a test dependency only

    parts = built_site.site / "assets" / "nqpf" / "cite"
    for slug in fact_base.sectors:
        script = (parts / f"sectors-{slug}.js").read_text(encoding="utf-8")
        name, payload = re.fullmatch(r'window\.NQPF_CITE_PART\("([^"]+)", (.*)\);\n', script, re.S).groups()
        assert name == f"sectors-{slug}"
        citations = json.loads(payload)
        assert set(citations) == {f"nqpf-{i.fact.id}" for i in fact_base.by_sector.get(slug, [])}
        for key, formats in citations.items():
            entry = parse_string(formats["BibTeX"], "bibtex").entries[key]
            assert entry.fields["url"].endswith(f"sectors/{slug}/#{key.removeprefix('nqpf-')}")
            assert json.loads(formats["CSL-JSON"])[0]["id"] == key
    page = (built_site.site / "sectors" / "new-energy-vehicles" / "index.html").read_text(encoding="utf-8")
    assert "@misc" not in page  # in the part, loaded when a reader opens a citation
    assert 'data-part="../../assets/nqpf/cite/sectors-new-energy-vehicles.js"' in page
