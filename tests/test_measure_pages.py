"""Measure pages and the measures index, as plain functions."""

import re
from html import unescape

from nqpf.measure_pages import chart_files, embed_pages, embed_snippet, measures_index
from nqpf.pages import SiteOptions


def test_the_measures_index_groups_by_sector_with_each_latest_value_period_and_count(fact_base):
    html = measures_index(fact_base, SiteOptions()).markdown
    headings = re.findall(r'<h2 id="([^"]+)">', html)
    assert headings == [s for s in fact_base.sectors if any(m.sector == s for m in fact_base.measures.values())]
    nev = html[html.index('<h2 id="new-energy-vehicles">') :]
    nev = nev[: nev.index("</table>")]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", nev)
    # a subject's level and its growth side by side, the level first
    assert [unescape(re.search(r">([^<]+)</a>", row)[1]) for row in rows] == [
        "New energy vehicle production in China",
        "Growth of China's new energy vehicle production",
    ]
    assert ">more than 16 million units</a></td><td>2025</td><td>2</td>" in rows[0]
    assert 'href="../sectors/new-energy-vehicles/&#35;nev-production-2025"' in rows[0]
    assert 'title="According to Report on remarks by Tanvir A. Bhatti (untitled)"' in rows[0]
    assert "<td>no date given</td>" in html  # a value with no period says so, and invents none


def test_chart_files_are_written_for_every_published_measure_with_a_dated_value(fact_base):
    files = dict(chart_files(fact_base, SiteOptions(site_url="https://example.org/", site_name="NQPF Facts")))
    assert "data/charts/nev-production.svg" in files
    assert files["data/charts/nev-production.png"][:4] == b"\x89PNG"
    assert "NQPF Facts: https://example.org/measures/nev-production/" in files["data/charts/nev-production.svg"]
    undated = {m for m in fact_base.measures if not any(i.fact.period for i in fact_base.by_measure.get(m, []))}
    assert undated
    assert not any(f"data/charts/{m}.svg" in files for m in undated)


def test_an_embed_page_is_the_chart_its_sources_and_a_link_back_and_nothing_else(fact_base):
    options = SiteOptions(site_url="https://example.org/facts/", site_name="NQPF Facts")
    pages = dict(embed_pages(fact_base, options))
    assert set(pages) == {
        p.replace("data/charts/", "measures/").replace(".svg", "/embed/index.html")
        for p, _ in chart_files(fact_base, options)
        if p.endswith(".svg")
    }
    page = pages["measures/nev-production/embed/index.html"]
    assert '<figure class="nqpf-chart nqpf-measure-chart"' in page
    assert "Sources: " in page
    assert '<a href="../">New energy vehicle production in China: every fact and its source, on NQPF Facts</a>' in page
    assert 'href="../../../sectors/new-energy-vehicles/&#35;nev-production-2023"' in page
    assert '<base target="_top">' in page  # a followed link leaves the frame
    assert "<script" not in page
    assert 'rel="stylesheet"' not in page
    assert len(page.encode()) < 8_000
    offline = dict(embed_pages(fact_base, SiteOptions(directory_urls=False, site_name="NQPF Facts")))
    assert 'href="../nev-production.html"' in offline["measures/nev-production/embed.html"]


def test_the_embed_snippet_is_escaped_for_the_page_it_is_pasted_into():
    snippet = embed_snippet("x", 'A "quoted" <label>', SiteOptions(site_url="https://example.org/"), rows=3)
    assert snippet.startswith(
        '<iframe src="https://example.org/measures/x/embed/" title="A &quot;quoted&quot; &lt;label&gt;"'
    )
    assert 'height="238"' in snippet
