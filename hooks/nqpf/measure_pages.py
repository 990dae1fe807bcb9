"""Measure pages: one quantity across every source and period, at measures/<slug>/.

Each page gives the measure's label, definition, unit, place and kind of period; a chart over
periods, where a bound ("more than 16 million") is drawn as a bound, not as an exact bar, and
each bar links its fact; a table of every fact (the chart's text equivalent); and, where
sources disagree, their values side by side. schema.org ``StatisticalVariable`` and
``Observation`` markup describe the same data for machines.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .charts import chart_html, chart_paths, chart_png, chart_svg, in_unit
from .citations import Citation, cite_block, copy_block
from .comparison import comparisons
from .editions import EDITIONS
from .exports import measure_csv_path
from .markup import asset_href, esc, json_for_script, page_url, relative_href
from .model import STATISTICS, Measure
from .pages import (
    PAGE_SIZE,
    PICTURE_BARS,
    GeneratedPage,
    SiteOptions,
    absolute_url,
    according_to,
    chart_links,
    fact_href,
    front_matter,
    measure_chart,
    measure_src,
    measure_url,
    sector_src,
    source_label,
)
from .strings import marked
from .units import UnitRegistry
from .verify import FactBase, VerifiedFact

if TYPE_CHECKING:
    from .comparison import PeriodComparison

# What a measure page shows at most, so that it does not grow with the fact base: the rest is in
# the measure's CSV and in the fact index, filtered by the measure.
LISTED = PAGE_SIZE  # facts in the table, the latest
DISAGREEMENTS_SHOWN = 20  # periods whose sources disagree, the latest

PERIOD_KIND_LABELS = {
    "calendar-year": marked("a calendar year"),
    "fiscal-year": marked("a fiscal year"),
    "year-to-date": marked("the year to a date"),
    "quarter": marked("a quarter"),
    "month": marked("a month"),
    "span-of-years": marked("a span of years"),
    "cumulative": marked("a total to date"),
    "none": marked("no particular period"),
}


def facts_table(items: list[VerifiedFact], base: FactBase, src: str, options: SiteOptions) -> str:
    """Every fact of the measure: period, value as written, source, who says so, the fact."""
    t = options.t
    undated = t("no date given")
    rows = "".join(
        f"<tr><td>{esc(i.fact.period.label() if i.fact.period else undated)}</td>"
        f"<td>{esc(i.display_value)}</td><td>{esc(according_to(i, base, options.strings))}</td>"
        f'<td><a href="{esc(fact_href(i, base, src, options))}">{esc(i.fact.id)}</a></td></tr>'
        for i in items
    )
    every = esc(t("Every fact of this measure"))
    return (
        f'<div class="nqpf-table-wrap" role="region" aria-label="{every}" tabindex="0">'
        f'<table class="nqpf-chart-data nqpf-measure-facts"><caption>{every}</caption><thead><tr>'
        f'<th scope="col">{esc(t("Period"))}</th><th scope="col">{esc(t("Value"))}</th>'
        f'<th scope="col">{esc(t("According to"))}</th><th scope="col">{esc(t("Fact"))}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>\n"
    )


def disagreements_section(disagreeing: list[PeriodComparison], base: FactBase, src: str, options: SiteOptions) -> str:
    """Periods whose sources disagree (the latest first), each with the values side by side."""
    blocks = []
    for comparison in sorted(disagreeing, key=lambda c: c.period, reverse=True)[:DISAGREEMENTS_SHOWN]:
        first = comparison.facts[0].fact.period
        label = first.label() if first else comparison.period
        cells = "".join(
            "<li>"
            + options.strings.html(
                "{value}, according to {who} ({fact})",
                value=f"<strong>{esc(i.display_value)}</strong>",
                who=esc(according_to(i, base, options.strings)),
                fact=f'<a href="{esc(fact_href(i, base, src, options))}">{esc(i.fact.id)}</a>',
            )
            + "</li>"
            for i in comparison.facts[:LISTED]
        )
        blocks.append(
            f'<section class="nqpf-disagreement"><h3>{esc(label)}</h3>\n'
            f'<ul class="nqpf-side-by-side">{cells}</ul></section>'
        )
    if not blocks:
        return ""
    more = len(disagreeing) - len(blocks)
    t = options.t
    earlier = (
        t("And 1 earlier period: see the CSV.")
        if more == 1
        else t("And {count} earlier periods: see the CSV.", count=more)
    )
    return (
        f'<h2 id="where-sources-disagree">{esc(t("Where sources disagree"))}</h2>\n\n'
        + t(
            "These sources state values for the same period that cannot all hold, even allowing for "
            "rounding and for the bounds they write. The site shows each as its source's claim."
        )
        + "\n\n"
        + "\n".join(blocks)
        + (f"\n\n<p>{esc(earlier)}</p>" if more else "")
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
    # compact: the indented form goes through json's Python encoder, 5 times slower at 200 measures
    return f'<script type="application/ld+json">\n{json_for_script(data, compact=True)}\n</script>\n'


def measure_citation(measure: Measure, base: FactBase, options: SiteOptions) -> Citation:
    items = base.by_measure.get(measure.slug, [])
    sources = sorted({source_label(base.sources[i.fact.seed], options.strings) for i in items})
    note = options.t("Facts from {sources}", sources="; ".join(sources)) if sources else options.t("No facts yet")
    known = [d.changed for i in items if (d := base.history.of(i.fact.id))]
    url = measure_url(measure.slug, options)
    return Citation(
        f"nqpf-measure-{measure.slug}", measure.label, url, options.site_name, note, max(known, default=None)
    )


def measure_page(slug: str, base: FactBase, options: SiteOptions, disagreeing: list[PeriodComparison]) -> GeneratedPage:
    measure = base.measures[slug]
    src = measure_src(slug)
    units = base.unit_registry
    items = base.by_measure.get(slug, [])
    unit = units.units.get(measure.unit)
    sector = base.sectors.get(measure.sector)
    sector_href = relative_href(src, sector_src(measure.sector), options.directory_urls)
    sector_link = f'<a href="{esc(sector_href)}">{esc(sector.title)}</a>' if sector else esc(measure.sector)
    t = options.t
    period_kind = PERIOD_KIND_LABELS.get(measure.period)
    rows = (
        f'<tr><th scope="row">{esc(t("Unit"))}</th><td>{esc(unit.label if unit else measure.unit)}</td></tr>'
        f'<tr><th scope="row">{esc(t("Place"))}</th><td>{esc(measure.place)}</td></tr>'
        f'<tr><th scope="row">{esc(t("Period"))}</th>'
        f"<td>{esc(t(period_kind) if period_kind else measure.period)}</td></tr>"
        f'<tr><th scope="row">{esc(t("Sector"))}</th><td>{sector_link}</td></tr>'
        f'<tr><th scope="row">{esc(t("Facts"))}</th><td>{len(items)}</td></tr>'
    )
    chart = measure_chart(slug, base, src, options)
    chart_block = chart_html(chart, downloads=chart_links(slug, src, options)) if chart else ""
    if chart and options.site_url:  # an <iframe> needs the chart's full address
        snippet = embed_snippet(slug, measure.label, options, len(chart.rows))
        chart_block += copy_block(
            t("Embed this chart"),
            [("HTML", f'<pre class="nqpf-cite-text"><code>{esc(snippet)}</code></pre>')],
            strings=options.strings,
        )
    picture = {"image": absolute_url(options, chart_paths(slug)[1])} if chart and options.site_url else {}
    body = [
        # out of Material's index, which would grow with the measures (the measures page and the
        # fact index find them); its headings are HTML, so no table of contents points at a
        # navigation entry the page does not have
        front_matter(measure.label, description=measure.definition, search={"exclude": True}, **picture),
        f"# {esc(measure.label)}\n\n",
        f'<p class="nqpf-definition">{esc(measure.definition)}</p>\n\n',
        f'<table class="nqpf-metadata">{rows}</table>\n\n',
        cite_block(measure_citation(measure, base, options), options.strings) + "\n",
        disagreements_section(disagreeing, base, src, options),
        (f'<h2 id="over-time">{esc(t("Over time"))}</h2>\n\n' + chart_block + "\n") if chart_block else "",
        f'<h2 id="every-fact">{esc(t("Every fact"))}</h2>\n\n<div data-search-exclude>\n\n'
        + facts_table(items[-LISTED:], base, src, options)
        + _more_facts(src, slug, len(items) - LISTED, options)
        + _csv_link(src, slug, unit.label if unit else measure.unit, options)
        + "\n</div>\n\n",
        measure_jsonld(measure, items[-LISTED:], base, units),
    ]
    return GeneratedPage(src, measure.label, "".join(body))


def chart_files(base: FactBase, options: SiteOptions, cache: Path | None = None) -> list[tuple[str, str | bytes]]:
    """(path, content) of each published measure's chart as SVG and PNG (its latest PICTURE_BARS
    facts), for every measure with a dated fact: the pictures name the measure's page, where a
    reader finds every fact. ``cache``: a folder of pictures already drawn (see chart_png)."""
    files: list[tuple[str, str | bytes]] = []
    for slug, measure in base.measures.items():
        chart = None if measure.draft else measure_chart(slug, base, measure_src(slug), options, PICTURE_BARS)
        if chart is None:
            continue
        address = measure_url(slug, options)
        svg = chart_svg(chart, site_name=options.site_name, url=address)
        svg_path, png_path = chart_paths(slug)
        files += [(svg_path, svg), (png_path, chart_png(svg, cache))]
    return files


def embed_src(slug: str) -> str:
    """A measure's embed page, as if it were a page: its links are worked out from here."""
    return f"measures/{slug}/embed.md"


def embed_path(slug: str, directory_urls: bool) -> str:
    """Where the embed page is written: measures/<slug>/embed/index.html (or embed.html)."""
    address = page_url(embed_src(slug), directory_urls)
    return address + "index.html" if address.endswith("/") else address


FAVICON = "assets/nqpf/favicon.svg"
# The embed page's own styles: it loads nothing else, so that an <iframe> of it stays light.
EMBED_CSS = """
:root { color-scheme: light dark; --fg: #1a1a1a; --muted: #555; --bar: #3f51b5; --link: #303fa1; --bg: #fff; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e6; --muted: #b0b0b0; --bar: #7986cb; --link: #9fa8ff; --bg: #1e2129; }
}
body { margin: 0; padding: 12px 14px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg); }
a { color: var(--link); }
figure { margin: 0; }
.nqpf-chart-title { font-weight: 700; margin: 0 0 8px; }
ol.nqpf-bars { list-style: none; margin: 0; padding: 0; }
ol.nqpf-bars > li { display: grid; grid-template-columns: minmax(3.2rem, max-content) 1fr; gap: 10px;
  align-items: center; margin: 0 0 6px; }
.nqpf-bar-track { display: flex; align-items: center; gap: 6px; min-width: 0; }
.nqpf-bar { flex: none; height: 22px; min-width: 2px; background: var(--bar); }
.nqpf-bar.nqpf-bound { background: repeating-linear-gradient(45deg, var(--bar) 0 4px, transparent 4px 8px);
  outline: 2px dashed var(--bar); outline-offset: -2px; }
.nqpf-bar-value { font-weight: 700; }
.nqpf-gap, .nqpf-no-fact { color: var(--muted); font-style: italic; }
.nqpf-chart-note, .nqpf-chart-sources, .nqpf-embed-back { font-size: 13px; color: var(--muted); margin: 6px 0 0; }
.nqpf-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
""".strip()


def embed_pages(base: FactBase, options: SiteOptions) -> list[tuple[str, str]]:
    """(path, HTML) of each charted measure's embed page: its chart, sources and a link back,
    nothing else (no theme, no script), to show in an <iframe>."""
    pages = []
    for slug, measure in base.measures.items():
        src = embed_src(slug)
        chart = None if measure.draft else measure_chart(slug, base, src, options)
        if chart is None:
            continue
        back = relative_href(src, measure_src(slug), options.directory_urls)
        canonical = measure_url(slug, options)
        direction = EDITIONS[options.language].direction if options.language in EDITIONS else "ltr"
        html = (
            f'<!DOCTYPE html>\n<html lang="{esc(options.language)}" dir="{direction}">\n'
            '<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f"<title>{esc(measure.label)}: {esc(options.site_name)}</title>\n"
            f'<meta name="description" content="{esc(measure.definition)}">\n'
            + (f'<link rel="canonical" href="{esc(canonical)}">\n' if options.site_url else "")
            + f'<link rel="icon" href="{esc(asset_href(src, FAVICON, options.directory_urls))}">\n'
            + '<base target="_top">\n'  # a link opens in the page that embeds the chart, not in its frame
            f"<style>{EMBED_CSS}</style>\n</head>\n<body>\n<main>\n"
            + chart_html(chart)
            + f'<p class="nqpf-embed-back"><a href="{esc(back)}">'
            + esc(
                options.t("{label}: every fact and its source, on {site}", label=measure.label, site=options.site_name)
            )
            + "</a></p>\n</main>\n</body>\n</html>\n"
        )
        pages.append((embed_path(slug, options.directory_urls), html))
    return pages


def embed_snippet(slug: str, label: str, options: SiteOptions, rows: int) -> str:
    """The <iframe> a reader pastes into their page, sized for the chart."""
    address = absolute_url(options, page_url(embed_src(slug), options.directory_urls))
    height = 130 + 36 * rows
    return (
        f'<iframe src="{html.escape(address)}" title="{html.escape(label)}" width="100%" height="{height}" '
        'style="border:0" loading="lazy"></iframe>'
    )


def _more_facts(src: str, slug: str, more: int, options: SiteOptions) -> str:
    if more <= 0:
        return ""
    index = relative_href(src, "fact-index.md", options.directory_urls)
    return (
        "<p>"
        + options.strings.html(
            "The table shows the latest {count} facts; {link} and in the CSV.",
            count=str(LISTED),
            link=f'<a href="{esc(index)}?measure={esc(slug)}">'
            + esc(options.t("all of them, {total}, are in the fact index", total=LISTED + more))
            + "</a>",
        )
        + "</p>"
    )


def _csv_link(src: str, slug: str, unit_label: str, options: SiteOptions) -> str:
    href = asset_href(src, measure_csv_path(slug), options.directory_urls)
    return (
        f'<p><a href="{esc(href)}" download>{esc(options.t("Download this measure as CSV"))}</a> '
        f"{esc(options.t('(one row per fact, each value in {unit})', unit=unit_label))}</p>"
    )


def _related_first(measure: Measure) -> tuple[str, int, str]:
    """Measures of one subject side by side, its level first, then its changes and shares."""
    statistic = STATISTICS.index(measure.statistic) if measure.statistic in STATISTICS else len(STATISTICS)
    return ((measure.subject or measure.label).lower(), statistic, measure.label.lower())


def _latest_value(items: list[VerifiedFact], base: FactBase, src: str, options: SiteOptions) -> tuple[str, str]:
    """A measure's latest value (of a dated fact if it has one), linked to its fact, and its period:
    cells of the index."""
    valued = [i for i in items if i.fact.value is not None]
    latest = next((i for i in reversed(valued) if i.fact.period), valued[-1] if valued else None)
    if latest is None:
        return f'<span class="nqpf-unknown">{esc(options.t("no value"))}</span>', ""
    href = fact_href(latest, base, src, options)
    who = options.t("According to {who}", who=according_to(latest, base, options.strings))
    value = f'<a href="{esc(href)}" title="{esc(who)}">{esc(latest.display_value)}</a>'
    period = latest.fact.period.label() if latest.fact.period else options.t("no date given")
    return value, esc(period)


def measures_index(base: FactBase, options: SiteOptions) -> GeneratedPage:
    """Every published measure, grouped by sector, with its latest value, period and facts."""
    src = "measures/index.md"
    disagreeing = disagreeing_periods(base)
    by_sector: dict[str, list[Measure]] = {}
    for measure in base.measures.values():
        if not measure.draft:
            by_sector.setdefault(measure.sector, []).append(measure)
    sections = []
    for sector_slug in [*base.sectors, *sorted(by_sector.keys() - base.sectors.keys())]:
        measures = sorted(by_sector.get(sector_slug, []), key=_related_first)
        if not measures:
            continue
        title = base.sectors[sector_slug].title if sector_slug in base.sectors else sector_slug
        rows = []
        for measure in measures:
            items = base.by_measure.get(measure.slug, [])
            value, period = _latest_value(items, base, src, options)
            disagree = len(disagreeing.get(measure.slug, []))
            on = (
                options.t("sources disagree on 1 period")
                if disagree == 1
                else options.t("sources disagree on {count} periods", count=disagree)
            )
            note = f'<br><span class="nqpf-count">{esc(on)}</span>' if disagree else ""
            href = relative_href(src, measure_src(measure.slug), options.directory_urls)
            rows.append(
                f'<tr><th scope="row"><a href="{esc(href)}">{esc(measure.label)}</a>{note}</th>'
                f"<td>{value}</td><td>{period}</td><td>{len(items)}</td></tr>"
            )
        t = options.t
        sections.append(
            f'<h2 id="{esc(sector_slug)}">{esc(title)}</h2>\n\n'
            # a <section>, not a <div>: Material's search ends an excluded <div> at the first </div> inside it
            f'<section class="nqpf-table-wrap" aria-label="{esc(t("Measures: {sector}", sector=title))}" tabindex="0">'
            f'<table class="nqpf-chart-data nqpf-measures"><thead><tr><th scope="col">{esc(t("Measure"))}</th>'
            f'<th scope="col">{esc(t("Latest value"))}</th><th scope="col">{esc(t("Period"))}</th>'
            f'<th scope="col">{esc(t("Facts"))}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></section>\n\n"
        )
    intro = options.t(
        "Each measure is one quantity of one place, in one unit, across every source and period: "
        "its page charts the values, lists every fact, and shows where sources disagree. Here they "
        "are by sector, each with its latest value (follow it to the fact and its source)."
    )
    body = (
        "<div data-search-exclude>\n\n" + "".join(sections) + "</div>\n"
        if sections
        else options.t("No measures yet.") + "\n"
    )
    title = options.t("Measures")
    return GeneratedPage(src, title, front_matter(title) + f"# {title}\n\n" + intro + "\n\n" + body)


def measure_pages(base: FactBase, options: SiteOptions) -> list[GeneratedPage]:
    disagreeing = disagreeing_periods(base)
    return [
        measures_index(base, options),
        *(measure_page(s, base, options, disagreeing.get(s, [])) for s, m in base.measures.items() if not m.draft),
    ]
