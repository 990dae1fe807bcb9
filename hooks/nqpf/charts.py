"""A measure's facts as a chart: one set of plain data (``Chart``), drawn three ways.

- ``chart_html``: the chart on sector and measure pages, bars in HTML and CSS, so that its labels
  keep the page's text size on a phone and a screen reader reads it as a list; its data table,
  where a page has no other, is folded under it rather than printed twice.
- ``chart_svg``: the same chart as a standalone picture, with its title, unit, values, sources,
  the site's name and the measure's address written into it, to download or embed.
- ``chart_png``: that picture rendered at build time (vl-convert's resvg, with its own fonts, so
  the same SVG gives the same bytes).

One bar per dated fact in period order (sources one under another within a period). A bound
("more than 16 million") is hatched and marked with the way the value lies, never drawn as an
exact bar. A period missing between two charted ones is named as missing, never skipped silently.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import vl_convert

from .loading import keep
from .markup import esc
from .model import Measure, Period
from .numbers import SCALES
from .strings import ENGLISH, SiteStrings
from .units import UnitRegistry
from .verify import VerifiedFact, in_date_order

# A bound drawn as a bound: a mark before the value says which way the value lies.
BOUND_MARKS = {"more than": "▲", "at least": "▲", "nearly": "▼", "less than": "▼", "up to": "▼", "about": "≈"}
GAP_SPELLED_OUT = 3  # a longer run of missing periods is one row ("2016–2021")


def chart_paths(slug: str) -> tuple[str, str]:
    """Where a measure's chart is published as SVG and as PNG, from the site's root."""
    return f"data/charts/{slug}.svg", f"data/charts/{slug}.png"


def in_unit(item: VerifiedFact, measure: Measure, units: UnitRegistry) -> Fraction | None:
    """The fact's value with its scale applied, in the measure's unit (None: it has none)."""
    fact = item.fact
    factor = units.factor(fact.unit or "", measure.unit)
    if fact.value is None or factor is None:
        return None
    return fact.value * SCALES.get(fact.scale or "", 1) * factor


@dataclass(frozen=True)
class Bar:
    """One dated fact: its period, its value in the measure's unit and as written."""

    period: str
    value: Fraction
    shown: str  # as written, without its qualifier
    qualifier: str | None
    fact_id: str
    href: str
    source: str

    @property
    def mark(self) -> str:
        return BOUND_MARKS.get(self.qualifier or "", "")


@dataclass(frozen=True)
class Gap:
    """Periods between two charted ones for which the base has no fact."""

    periods: str


@dataclass(frozen=True)
class Chart:
    slug: str
    title: str
    unit: str
    rows: tuple[Bar | Gap, ...]
    sources: tuple[str, ...]  # in the order their facts are charted
    left_out: int  # earlier facts not drawn
    strings: SiteStrings = ENGLISH  # its words, in the edition's language

    @property
    def bars(self) -> list[Bar]:
        return [row for row in self.rows if isinstance(row, Bar)]

    @property
    def caption(self) -> str:
        return self.strings.t("{title} ({unit})", title=self.title, unit=self.unit)

    @property
    def legend(self) -> str:
        if not any(bar.mark for bar in self.bars):
            return ""
        return self.strings.t("A hatched bar is a bound: ▲ the value is above it, ▼ below it, ≈ about it.")

    @property
    def scope(self) -> str:
        return self.strings.t("The latest {count} facts.", count=len(self.bars)) if self.left_out else ""

    @property
    def sources_line(self) -> str:
        """ "Source: …" or "Sources: …", the sources joined."""
        joined = "; ".join(self.sources)
        if len(self.sources) == 1:
            return self.strings.t("Source: {source}", source=joined)
        return self.strings.t("Sources: {sources}", sources=joined)

    @property
    def no_fact(self) -> str:
        return self.strings.t("no fact in the base")


def chart_of(
    items: list[VerifiedFact],
    measure: Measure,
    units: UnitRegistry,
    href_of: Callable[[VerifiedFact], str],
    source_of: Callable[[VerifiedFact], str],
    *,
    latest: int | None = None,
    strings: SiteStrings = ENGLISH,
) -> Chart | None:
    """The chart of ``items`` in date order (``latest``: only that many, the latest), or None
    when none is dated with a value."""
    in_order = sorted(items, key=in_date_order)
    # the facts a bar can show: dated, with a value in a unit that converts to the measure's
    chartable = [
        i
        for i in in_order
        if i.fact.period and i.fact.value is not None and units.converts(i.fact.unit or "", measure.unit)
    ]
    if not chartable:
        return None
    left_out = max(0, len(chartable) - latest) if latest is not None else 0
    rows: list[Bar | Gap] = []
    previous: Period | None = None
    for item in chartable[left_out:]:  # a value only for the bars drawn: a long series has many
        value = in_unit(item, measure, units)
        assert value is not None  # its unit converts
        fact = item.fact
        assert fact.period is not None  # only dated facts are charted
        if previous is not None:
            rows += _gaps(previous, fact.period)
        previous = fact.period
        shown = item.display_value.removeprefix(fact.qualifier or "").strip()
        rows.append(Bar(fact.period.label(), value, shown, fact.qualifier, fact.id, href_of(item), source_of(item)))
    unit = units.units[measure.unit].label if measure.unit in units else measure.unit
    sources = tuple(dict.fromkeys(row.source for row in rows if isinstance(row, Bar)))
    return Chart(measure.slug, measure.label, unit, tuple(rows), sources, left_out, strings)


def _gaps(before: Period, after: Period) -> list[Gap]:
    """The years (or months) strictly between two periods of the same precision."""
    if before.precision != after.precision or before.precision == "day":
        return []
    if before.precision == "year":
        missing = [str(year) for year in range(before.year + 1, after.year)]
    else:
        first = before.year * 12 + int(before.text[5:7])
        last = after.year * 12 + int(after.text[5:7])
        missing = [Period(f"{(n - 1) // 12}-{(n - 1) % 12 + 1:02d}").label() for n in range(first + 1, last)]
    if len(missing) > GAP_SPELLED_OUT:
        return [Gap(f"{missing[0]}–{missing[-1]}")]
    return [Gap(period) for period in missing]


BAR_SHARE = 55  # the longest bar takes this share of its row (in %), leaving room for its label


def _share(value: Fraction, top: Fraction) -> float:
    return round(BAR_SHARE * abs(float(value)) / float(top), 1) if top else float(BAR_SHARE)


def chart_html(chart: Chart, *, downloads: tuple[str, str] | None = None, with_table: bool = False) -> str:
    """The chart for a page: a list of bars, its sources, links to the pictures and (``with_table``)
    its data as a table folded under it."""
    top = max(abs(bar.value) for bar in chart.bars)
    rows = []
    for row in chart.rows:
        if isinstance(row, Gap):
            rows.append(
                f'<li class="nqpf-gap"><span class="nqpf-bar-period">{esc(row.periods)}</span>'
                f'<span class="nqpf-bar-track"><span class="nqpf-no-fact">{esc(chart.no_fact)}</span></span></li>'
            )
            continue
        bound = " nqpf-bound" if row.mark else ""
        said = f'<span class="nqpf-visually-hidden">{esc(row.qualifier)} </span>' if row.qualifier else ""
        mark = f'<span aria-hidden="true">{esc(row.mark)}</span>' if row.mark else ""
        rows.append(
            f'<li><span class="nqpf-bar-period">{esc(row.period)}</span><span class="nqpf-bar-track">'
            f'<span class="nqpf-bar{bound}" style="width:{_share(row.value, top)}%"></span>'
            f'<a class="nqpf-bar-value" href="{esc(row.href)}">{mark}{said}{esc(row.shown)}</a></span></li>'
        )
    notes = " ".join(note for note in (chart.scope, chart.legend) if note)
    pictures = ""
    if downloads:
        svg, png = downloads
        download = esc(chart.strings.t("Download chart:"))
        pictures = (
            f'<p class="nqpf-chart-downloads">{download} <a href="{esc(svg)}" download>SVG</a> · '
            f'<a href="{esc(png)}" download>PNG</a></p>'
        )
    figure = (
        f'<figure class="nqpf-chart nqpf-measure-chart" id="chart-{esc(chart.slug)}">\n'
        f'<figcaption class="nqpf-chart-title">{esc(chart.caption)}</figcaption>\n'
        f'<ol class="nqpf-bars">{"".join(rows)}</ol>\n'
        + (f'<p class="nqpf-chart-note">{esc(notes)}</p>\n' if notes else "")
        + f'<p class="nqpf-chart-sources">{esc(chart.sources_line)}</p>\n'
        + pictures
        + "</figure>\n"
    )
    return figure + (_data_table(chart) if with_table else "")


def _data_table(chart: Chart) -> str:
    rows = "".join(
        f"<tr><td>{esc(bar.period)}</td><td>{esc(f'{bar.qualifier} ' if bar.qualifier else '')}{esc(bar.shown)}</td>"
        f'<td><a href="{esc(bar.href)}">{esc(bar.fact_id)}</a></td></tr>'
        for bar in chart.bars
    )
    t = chart.strings.t
    return (
        f'<details class="nqpf-chart-table"><summary>{esc(t("{title}: the data as a table", title=chart.title))}'
        "</summary>\n"
        f'<table class="nqpf-chart-data"><caption>{esc(chart.caption)}</caption><thead><tr>'
        f'<th scope="col">{esc(t("Period"))}</th><th scope="col">{esc(t("Value"))}</th>'
        f'<th scope="col">{esc(t("Fact"))}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>\n"
    )


# The standalone picture: fixed sizes, in px, at which the PNG is drawn (twice over).
_WIDTH, _PAD, _ROW, _PERIOD_W, _BAR_SPAN = 720, 24, 34, 150, 330
_FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
_WRAP = 92  # characters a line of the footer holds at 13 px


def chart_svg(chart: Chart, *, site_name: str, url: str) -> str:
    """The chart as a standalone SVG document: title, unit, each value as written, a hatched bar
    for a bound, its sources, the site and the measure's address. Every colour is written in, so
    it reads the same on any background once saved."""
    top = max(abs(bar.value) for bar in chart.bars)
    y = _PAD + 22
    parts = [f'<text x="{_PAD}" y="{y}" class="title">{esc(chart.title)}</text>']
    y += 24
    parts.append(f'<text x="{_PAD}" y="{y}" class="small">{esc(chart.unit)}</text>')
    y += 16
    left = _PAD + _PERIOD_W
    for row in chart.rows:
        middle = y + _ROW // 2 + 5
        if isinstance(row, Gap):
            parts.append(
                f'<text x="{_PAD}" y="{middle}" class="muted">{esc(row.periods)}</text>'
                f'<text x="{left}" y="{middle}" class="muted">{esc(chart.no_fact)}</text>'
            )
        else:
            width = max(2.0, round(_BAR_SPAN * abs(float(row.value)) / float(top), 1)) if top else 2.0
            fill = 'fill="url(#hatch)" stroke="#3f51b5" stroke-width="2"' if row.mark else 'fill="#3f51b5"'
            said = f"{row.qualifier} " if row.qualifier else ""
            parts.append(
                f'<text x="{_PAD}" y="{middle}">{esc(row.period)}</text>'
                f'<rect x="{left}" y="{y + 5}" width="{width}" height="{_ROW - 10}" {fill}>'
                f"<title>{esc(row.period)}: {esc(said)}{esc(row.shown)} ({esc(row.fact_id)})</title></rect>"
                f'<text x="{left + width + 8}" y="{middle}" class="value">{esc(row.mark)}{esc(row.shown)}</text>'
            )
        y += _ROW
    y += 12
    footer = [
        *(note for note in (chart.scope, chart.legend) if note),
        chart.sources_line,
        f"{site_name}: {url}",
    ]
    lines = [
        line for note in footer for line in textwrap.wrap(note, _WRAP, break_long_words=False, break_on_hyphens=False)
    ]
    for line in lines:
        y += 18
        parts.append(f'<text x="{_PAD}" y="{y}" class="small">{esc(line)}</text>')
    height = y + _PAD
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" role="img" aria-labelledby="t">\n'
        f'<title id="t">{esc(chart.caption)}</title>\n'
        f"<desc>{esc(_description(chart))}</desc>\n"
        "<defs>"
        '<pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="4" height="8" fill="#3f51b5"/></pattern>'
        f"<style>text{{font-family:{_FONT};font-size:15px;fill:#1a1a1a}}"
        ".title{font-size:20px;font-weight:bold}.small{font-size:13px;fill:#444}"
        ".muted{fill:#666;font-style:italic}.value{font-weight:bold}</style></defs>\n"
        f'<rect width="{_WIDTH}" height="{height}" fill="#ffffff"/>\n' + "\n".join(parts) + "\n</svg>\n"
    )


def _description(chart: Chart) -> str:
    values = "; ".join(
        f"{row.periods}: {chart.no_fact}"
        if isinstance(row, Gap)
        else f"{row.period}: {row.qualifier or ''} {row.shown}"
        for row in chart.rows
    ).replace(":  ", ": ")
    return f"{values}. {chart.sources_line}"


# Which renderer drew a cached picture: a new version draws anew.
RENDERER = f"vl-convert-python {importlib.metadata.version('vl-convert-python')}"


def chart_png(svg: str, cache: Path | None = None) -> bytes:
    """The SVG as a PNG at twice its size, for pages that want a picture (og:image, slides).

    Drawing takes 10-40 ms a chart; with ``cache`` (a folder), a picture already drawn from the
    same SVG by the same renderer is read back instead: the same bytes, since drawing is
    deterministic. Rebuilds draw only the charts whose facts changed."""
    path = cache / f"{hashlib.sha256((RENDERER + svg).encode()).hexdigest()}.png" if cache else None
    if path is not None and path.is_file():
        return path.read_bytes()
    png = bytes(vl_convert.svg_to_png(svg, scale=2))
    if path is not None:
        keep(path, png)
    return png
