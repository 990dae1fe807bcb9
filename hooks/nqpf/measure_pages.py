"""Measure pages: one quantity across every source and period, at measures/<slug>/.

Each page gives the measure's label, definition, unit, place and kind of period; a chart over
periods, where a bound ("more than 16 million") is drawn as a bound, not as an exact bar, and
each bar links its fact; a table of every fact (the chart's text equivalent); and, where
sources disagree, their values side by side. schema.org ``StatisticalVariable`` and
``Observation`` markup describe the same data for machines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .charts import in_unit, measure_chart
from .comparison import comparisons
from .exports import json_for_script, measure_csv_path
from .markup import asset_href, esc, relative_href
from .model import Measure
from .pages import (
    PAGE_SIZE,
    GeneratedPage,
    SiteOptions,
    according_to,
    fact_href,
    front_matter,
    measure_src,
    sector_src,
    source_label,
)
from .units import UnitRegistry
from .verify import FactBase, VerifiedFact

if TYPE_CHECKING:
    from .comparison import PeriodComparison

# What a measure page shows at most, so that it does not grow with the fact base: the rest is in
# the measure's CSV and in the fact index, filtered by the measure.
CHART_BARS = 40  # the latest dated facts
LISTED = PAGE_SIZE  # facts in the table, the latest
DISAGREEMENTS_SHOWN = 20  # periods whose sources disagree, the latest

PERIOD_KIND_LABELS = {
    "calendar-year": "a calendar year",
    "fiscal-year": "a fiscal year",
    "year-to-date": "the year to a date",
    "cumulative": "a total to date",
    "none": "no particular period",
}


def facts_table(items: list[VerifiedFact], base: FactBase, src: str, options: SiteOptions) -> str:
    """Every fact of the measure: period, value as written, source, who says so, the fact."""
    rows = "".join(
        f"<tr><td>{esc(i.fact.period.label() if i.fact.period else 'no date given')}</td>"
        f"<td>{esc(i.display_value)}</td><td>{esc(according_to(i, base))}</td>"
        f'<td><a href="{esc(fact_href(i, base, src, options))}">{esc(i.fact.id)}</a></td></tr>'
        for i in items
    )
    return (
        '<div class="nqpf-table-wrap" role="region" aria-label="Every fact of this measure" tabindex="0">'
        '<table class="nqpf-chart-data nqpf-measure-facts"><caption>Every fact of this measure</caption><thead><tr>'
        '<th scope="col">Period</th><th scope="col">Value as written</th><th scope="col">According to</th>'
        '<th scope="col">Fact</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>\n"
    )


def disagreements_section(disagreeing: list[PeriodComparison], base: FactBase, src: str, options: SiteOptions) -> str:
    """Periods whose sources disagree (the latest first), each with the values side by side."""
    blocks = []
    for comparison in sorted(disagreeing, key=lambda c: c.period, reverse=True)[:DISAGREEMENTS_SHOWN]:
        first = comparison.facts[0].fact.period
        label = first.label() if first else comparison.period
        cells = "".join(
            f"<li><strong>{esc(i.display_value)}</strong>, according to {esc(according_to(i, base))} "
            f'(<a href="{esc(fact_href(i, base, src, options))}">{esc(i.fact.id)}</a>)</li>'
            for i in comparison.facts[:LISTED]
        )
        blocks.append(
            f'<section class="nqpf-disagreement"><h3>{esc(label)}</h3>\n'
            f'<ul class="nqpf-side-by-side">{cells}</ul></section>'
        )
    if not blocks:
        return ""
    more = len(disagreeing) - len(blocks)
    return (
        '<h2 id="where-sources-disagree">Where sources disagree</h2>\n\n'
        "These sources state values for the same period that cannot all hold, even allowing for "
        "rounding and for the bounds they write. The site shows each as its source's claim.\n\n"
        + "\n".join(blocks)
        + (f"\n\n<p>And {more} earlier period{'s' if more != 1 else ''}: see the CSV.</p>" if more else "")
        + "\n\n"
    )


def disagreeing_periods(base: FactBase) -> dict[str, list[PeriodComparison]]:
    """Per measure, the periods whose sources disagree."""
    found: dict[str, list[PeriodComparison]] = {}
    for (slug, _), comparison in comparisons(base).items():
        if comparison.disagreements:
            found.setdefault(slug, []).append(comparison)
    return found


def measure_jsonld(measure: Measure, items: list[VerifiedFact], base: FactBase, units: UnitRegistry) -> str:
    """schema.org StatisticalVariable and one Observation per dated fact, as a <script> element."""
    unit = units.units.get(measure.unit)
    observations: list[dict[str, Any]] = []
    for item in items:
        value = in_unit(item, measure, units)
        if value is None or item.fact.period is None:
            continue
        observations.append(
            {
                "@type": "Observation",
                "variableMeasured": measure.label,
                "observationDate": item.fact.period.text,
                "value": float(value),
                "unitText": unit.label if unit else measure.unit,
                "measurementQualifier": item.fact.qualifier or "as stated",
                "observationAbout": {"@type": "Place", "name": measure.place},
                "description": item.fact.claim,
                "isBasedOn": source_label(base.sources[item.fact.seed]),
            }
        )
    data = {
        "@context": "https://schema.org",
        "@type": "StatisticalVariable",
        "name": measure.label,
        "description": measure.definition,
        "measuredProperty": measure.label,
        "unitText": unit.label if unit else measure.unit,
        "populationType": measure.place,
        "observation": observations,
    }
    return f'<script type="application/ld+json">\n{json_for_script(data)}\n</script>\n'


def measure_page(slug: str, base: FactBase, options: SiteOptions, disagreeing: list[PeriodComparison]) -> GeneratedPage:
    measure = base.measures[slug]
    src = measure_src(slug)
    units = base.unit_registry
    items = base.by_measure.get(slug, [])
    unit = units.units.get(measure.unit)
    sector = base.sectors.get(measure.sector)
    sector_href = relative_href(src, sector_src(measure.sector), options.directory_urls)
    sector_link = f'<a href="{esc(sector_href)}">{esc(sector.title)}</a>' if sector else esc(measure.sector)
    rows = (
        f'<tr><th scope="row">Unit</th><td>{esc(unit.label if unit else measure.unit)}</td></tr>'
        f'<tr><th scope="row">Place</th><td>{esc(measure.place)}</td></tr>'
        f'<tr><th scope="row">Period</th><td>{esc(PERIOD_KIND_LABELS.get(measure.period, measure.period))}</td></tr>'
        f'<tr><th scope="row">Sector</th><td>{sector_link}</td></tr>'
        f'<tr><th scope="row">Facts</th><td>{len(items)}</td></tr>'
    )
    chart = measure_chart(items, measure, units, lambda item: fact_href(item, base, src, options), latest=CHART_BARS)
    body = [
        # out of Material's index, which would grow with the measures (the measures page and the
        # fact index find them); its headings are HTML, so no table of contents points at a
        # navigation entry the page does not have
        front_matter(measure.label, description=measure.definition, search={"exclude": True}),
        f"# {esc(measure.label)}\n\n",
        f'<p class="nqpf-definition">{esc(measure.definition)}</p>\n\n',
        f'<table class="nqpf-metadata">{rows}</table>\n\n',
        disagreements_section(disagreeing, base, src, options),
        ('<h2 id="over-time">Over time</h2>\n\n' + chart + "\n") if chart else "",
        '<h2 id="every-fact">Every fact</h2>\n\n<div data-search-exclude>\n\n'
        + facts_table(items[-LISTED:], base, src, options)
        + _more_facts(src, slug, len(items) - LISTED, options)
        + _csv_link(src, slug, unit.label if unit else measure.unit, options)
        + "\n</div>\n\n",
        measure_jsonld(measure, items[-LISTED:], base, units),
    ]
    return GeneratedPage(src, measure.label, "".join(body))


def _more_facts(src: str, slug: str, more: int, options: SiteOptions) -> str:
    if more <= 0:
        return ""
    index = relative_href(src, "fact-index.md", options.directory_urls)
    return (
        f'<p>The table shows the latest {LISTED} facts; <a href="{esc(index)}?measure={esc(slug)}">all of them, '
        f"{LISTED + more}, are in the fact index</a> and in the CSV.</p>"
    )


def _csv_link(src: str, slug: str, unit_label: str, options: SiteOptions) -> str:
    href = asset_href(src, measure_csv_path(slug), options.directory_urls)
    return (
        f'<p><a href="{esc(href)}" download>Download this measure as CSV</a> '
        f"(one row per fact, each value in {esc(unit_label)})</p>"
    )


def measures_index(base: FactBase, options: SiteOptions) -> GeneratedPage:
    src = "measures/index.md"
    rows = []
    disagreeing = disagreeing_periods(base)
    for slug, measure in sorted(base.measures.items(), key=lambda kv: kv[1].label.lower()):
        if measure.draft:
            continue
        count = len(base.by_measure.get(slug, []))
        disagree = len(disagreeing.get(slug, []))
        note = f", sources disagree on {disagree} period{'s' if disagree != 1 else ''}" if disagree else ""
        rows.append(
            f'<li><a href="{esc(relative_href(src, measure_src(slug), options.directory_urls))}">'
            f'{esc(measure.label)}</a> <span class="nqpf-count">({count} fact{"s" if count != 1 else ""}{note})</span>'
            f"<br>{esc(measure.definition)}</li>"
        )
    intro = (
        "Each measure is one quantity of one place, in one unit, across every source and period: "
        "its page charts the values, lists every fact, and shows where sources disagree.\n\n"
    )
    rows_html = "\n".join(rows)
    body = f'<ul class="nqpf-measure-list" data-search-exclude>\n{rows_html}\n</ul>\n' if rows else "No measures yet.\n"
    return GeneratedPage(src, "Measures", front_matter("Measures") + "# Measures\n\n" + intro + body)


def measure_pages(base: FactBase, options: SiteOptions) -> list[GeneratedPage]:
    disagreeing = disagreeing_periods(base)
    return [
        measures_index(base, options),
        *(measure_page(s, base, options, disagreeing.get(s, [])) for s, m in base.measures.items() if not m.draft),
    ]
