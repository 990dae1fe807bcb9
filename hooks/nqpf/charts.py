"""A measure's facts as a chart, drawn at build time: the one chart of sector and measure pages.

Horizontal bars, one per dated fact in period order (sources one under another within a
period), readable on a phone. Values are compared in the measure's unit. A bound ("more than
16 million") is hatched and marked with the way the value lies, never drawn as an exact bar.
Each bar links its fact for the pointer; the SVG is hidden from screen readers, and a table of
the same values is its text equivalent.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from .markup import esc
from .model import Measure
from .numbers import SCALES
from .units import UnitRegistry
from .verify import VerifiedFact, in_date_order

# A bound drawn as a bound: a mark before the value says which way the value lies.
BOUND_MARKS = {"more than": "▲", "at least": "▲", "nearly": "▼", "less than": "▼", "up to": "▼", "about": "≈"}


def in_unit(item: VerifiedFact, measure: Measure, units: UnitRegistry) -> Fraction | None:
    """The fact's value with its scale applied, in the measure's unit (None: it has none)."""
    fact = item.fact
    factor = units.factor(fact.unit or "", measure.unit)
    if fact.value is None or factor is None:
        return None
    return fact.value * SCALES.get(fact.scale or "", 1) * factor


def measure_chart(
    items: list[VerifiedFact],
    measure: Measure,
    units: UnitRegistry,
    href_of: Callable[[VerifiedFact], str],
    *,
    latest: int | None = None,
    with_table: bool = False,
) -> str:
    """The chart of ``items``, in date order, or "" when none is dated with a value. ``latest``:
    draw only that many, the latest; ``with_table``: the values as a table after the chart (a
    measure page has its own table of every fact)."""
    in_order = sorted(items, key=in_date_order)
    dated = [(i, v) for i in in_order if i.fact.period and (v := in_unit(i, measure, units)) is not None]
    if not dated:
        return ""
    left_out = max(0, len(dated) - latest) if latest is not None else 0
    dated = dated[left_out:]
    top = float(max(abs(v) for _, v in dated)) or 1.0
    row, left, span, label_gap = 40, 90, 190, 8  # 18-unit text: about 12 px on a 390 px phone
    hatch = f"nqpf-hatch-{measure.slug}"  # one per chart: a sector page may hold several
    fill = f' style="fill:url(#{hatch})"'
    shapes, previous = [], None
    for n, (item, value) in enumerate(dated):
        y = 10 + n * row
        period = item.fact.period.label() if item.fact.period else ""
        if period != previous:  # a period's label once, beside its first bar
            shapes.append(f'<text x="0" y="{y + 21}">{esc(period)}</text>')
            previous = period
        width = max(2.0, round(span * abs(float(value)) / top, 1))
        bound = item.fact.qualifier in BOUND_MARKS
        mark = BOUND_MARKS.get(item.fact.qualifier or "", "")
        shown = item.display_value.removeprefix(item.fact.qualifier or "").strip()
        shapes.append(
            f'<a href="{esc(href_of(item))}" tabindex="-1">'
            f'<rect x="{left}" y="{y + 4}" width="{width}" height="{row - 12}" '
            f'class="{"nqpf-bar nqpf-bound" if bound else "nqpf-bar"}"{fill if bound else ""}></rect>'
            f'<text x="{left + width + label_gap}" y="{y + 21}">{esc(mark)}{esc(shown)}</text></a>'
        )
    height = 20 + len(dated) * row
    unit = units.units[measure.unit].label if measure.unit in units else measure.unit
    caption = f"{measure.label}, by period ({unit})"
    legend = (
        " A hatched bar is a bound: ▲ the value is above it, ▼ below it, ≈ about it."
        if any(i.fact.qualifier for i, _ in dated)
        else ""
    )
    latest_only = f", the latest {len(dated)} facts" if left_out else ""
    table = ""
    if with_table:
        rows = "".join(
            f"<tr><td>{esc(i.fact.period.label() if i.fact.period else '')}</td>"
            f'<td>{esc(i.display_value)}</td><td><a href="{esc(href_of(i))}">{esc(i.fact.id)}</a></td></tr>'
            for i, _ in dated
        )
        table = (
            f'<table class="nqpf-chart-data"><caption>{esc(caption)}: data</caption><thead><tr>'
            '<th scope="col">Period</th><th scope="col">Value</th><th scope="col">Fact</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>\n"
        )
    return (
        '<figure class="nqpf-chart nqpf-measure-chart">\n'
        f'<svg viewBox="0 0 520 {height}" role="img" aria-hidden="true" focusable="false">'
        f'<defs><pattern id="{hatch}" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="4" height="8" class="nqpf-hatch"></rect></pattern></defs>'
        f'<line x1="{left}" y1="4" x2="{left}" y2="{height - 6}" class="nqpf-axis"></line>'
        f"{''.join(shapes)}</svg>\n"
        f"<figcaption>{esc(caption)}{esc(latest_only)}.{esc(legend)} The table gives the values.</figcaption>\n"
        f"</figure>\n{table}"
    )
