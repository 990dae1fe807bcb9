"""A measure's chart: one bar per dated fact in date order, bounds as bounds, missing periods
named; drawn for the page (HTML), as a standalone SVG and as a PNG."""

import re
import struct
import xml.etree.ElementTree as ET
from fractions import Fraction

import pytest

from nqpf.charts import Bar, Gap, chart_html, chart_of, chart_png, chart_svg
from nqpf.model import Period
from nqpf.numbers import SCALES, read_numbers

SVG = "{http://www.w3.org/2000/svg}"


def nev_chart(fact_base, items=None, **options):
    nev = items if items is not None else [i for i in fact_base.facts if i.fact.measure == "nev-production"]
    return chart_of(
        nev,
        fact_base.measures["nev-production"],
        fact_base.unit_registry,
        lambda i: f"#{i.fact.id}",
        lambda i: f"source of {i.fact.seed}",
        **options,
    )


def test_a_chart_has_one_bar_per_dated_fact_in_date_order_and_names_the_missing_year(fact_base):
    nev = [i for i in fact_base.facts if i.fact.measure == "nev-production" and i.fact.period]
    undated = next(i for i in fact_base.facts if i.fact.measure and not i.fact.period)
    chart = nev_chart(fact_base, [*reversed(nev), undated])
    assert [bar.period for bar in chart.bars] == ["2023", "2025"]  # the undated fact has no bar
    assert chart.rows[1] == Gap("2024")  # never a silent jump from 2023 to 2025
    assert chart.bars[0].value == Fraction(9_443_000)
    assert [bar.mark for bar in chart.bars] == ["", "▲"]  # "more than 16 million" is a bound
    assert chart.sources == tuple(dict.fromkeys(f"source of {i.fact.seed}" for i in nev))
    assert nev_chart(fact_base, [undated]) is None
    latest = nev_chart(fact_base, latest=1)
    assert [bar.period for bar in latest.bars] == ["2025"]
    assert latest.scope == "The latest 1 facts."


def bar(period: str) -> Bar:
    return Bar(period, Fraction(1), "1", None, f"f-{period}", "#", "s")


@pytest.mark.parametrize(
    ("before", "after", "gaps"),
    [
        ("2020", "2021", []),
        ("2020", "2023", ["2021", "2022"]),
        ("2010", "2020", ["2011–2019"]),  # a long run is one row
        ("2025-11", "2026-02", ["December 2025", "January 2026"]),
        ("2025-01", "2025-08", ["February 2025–July 2025"]),
        ("2025", "2025-06", []),  # different precisions: nothing is said to be missing
        ("2025-03-01", "2025-03-09", []),
    ],
)
def test_the_periods_missing_between_two_are_named(before, after, gaps):
    from nqpf.charts import _gaps  # noqa: PLC0415 - the rule itself, on periods no fact base holds

    assert [gap.periods for gap in _gaps(Period(before), Period(after))] == gaps


def test_the_page_chart_is_a_list_of_bars_with_sources_pictures_and_its_data_folded(fact_base):
    chart = nev_chart(fact_base)
    html = chart_html(chart, downloads=("a.svg", "a.png"), with_table=True)
    assert len(re.findall(r'<span class="nqpf-bar( nqpf-bound)?" style', html)) == 2
    assert html.count("nqpf-bar nqpf-bound") == 1
    # the bound is read out in words, its mark only seen
    assert '<span aria-hidden="true">▲</span><span class="nqpf-visually-hidden">more than </span>16 million' in html
    assert "no fact in the base" in html
    assert "Sources: source of " in html
    assert 'href="a.svg" download>SVG</a> · <a href="a.png" download>PNG</a>' in html
    assert re.search(r"<details class=\"nqpf-chart-table\">.*<table class=\"nqpf-chart-data\">", html, re.S)
    assert "<table" not in chart_html(chart)  # a measure page has its own table of every fact
    widths = [float(w) for w in re.findall(r'style="width:([\d.]+)%"', html)]
    assert max(widths) == 55.0
    assert widths[0] == pytest.approx(55 * 9.443 / 16, abs=0.1)


def read_back(svg: str) -> dict[str, Fraction]:
    """What the picture writes of each bar, read as a reader would: fact id -> value."""
    root = ET.fromstring(svg.encode())
    values = {}
    for title in root.iter(f"{SVG}title"):
        found = re.fullmatch(r"(?P<period>[^:]+): (?P<value>.+) \((?P<fact>[a-z0-9-]+)\)", title.text or "")
        if found:
            (number,) = read_numbers(found["value"])
            values[found["fact"]] = number.value * SCALES.get(number.scale or "", 1)
    return values


def test_the_standalone_svg_names_title_unit_sources_site_and_address_and_its_values_are_the_facts(fact_base):
    chart = nev_chart(fact_base)
    svg = chart_svg(chart, site_name="NQPF Facts", url="https://example.org/measures/nev-production/")
    root = ET.fromstring(svg.encode())  # well-formed XML
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "New energy vehicle production in China (vehicles)"
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "source of " in texts
    assert "NQPF Facts: https://example.org/measures/nev-production/" in texts
    assert "2024" in texts
    assert "no fact in the base" in texts
    facts = {i.fact.id: i.fact for i in fact_base.facts if i.fact.measure == "nev-production"}
    assert read_back(svg) == {f: fact.value * SCALES.get(fact.scale or "", 1) for f, fact in facts.items()}


def test_hostile_text_in_a_chart_stays_text(fact_base):
    chart = nev_chart(fact_base)
    hostile = chart.__class__(chart.slug, "</title><script>alert(1)</script>", "u&", chart.rows, ("<b>",), 0)
    svg = chart_svg(hostile, site_name="<i>", url="x")
    root = ET.fromstring(svg.encode())
    assert root.find(f"{SVG}title").text.startswith("</title><script>")
    assert not list(root.iter(f"{SVG}script"))
    assert "<script>" not in chart_html(hostile)


def test_the_png_is_the_svg_drawn_twice_as_large_and_the_same_bytes_each_time(fact_base):
    svg = chart_svg(nev_chart(fact_base), site_name="NQPF Facts", url="x")
    png = chart_png(svg)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    root = ET.fromstring(svg.encode())
    assert (width, height) == (2 * int(root.get("width")), 2 * int(root.get("height")))
    assert chart_png(svg) == png
