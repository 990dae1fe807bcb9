"""Sources compared: the facts of one measure and period, in one unit and scale.

A figure as written admits a range of values: "9.6 million" anything that rounds to it
(9.55 to 9.65 million); "more than 10 million" anything above 10 million; "nearly 16 million"
a little under 16 million; "about 5%" within a twentieth either side. Two facts agree when
their ranges meet. A disagreement is not an error (sources do disagree): it is shown, with
both values as written and both sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

from .numbers import SCALES
from .verify import FactBase, VerifiedFact

ABOUT = Fraction(1, 20)  # "about 5%": 4.75% to 5.25%, and what rounds to them
NEARLY = Fraction(1, 10)  # "nearly 16 million": from 14.4 million up to (not) 16 million
_DECIMALS = re.compile(r"\d[\d,]*(?:\.(\d+))?")


@dataclass(frozen=True)
class Range:
    """The values a figure admits, exactly, in its measure's unit; None is unbounded."""

    low: Fraction | None
    high: Fraction | None
    low_open: bool = False
    high_open: bool = False

    def meets(self, other: Range) -> bool:
        return _below(self.low, self.low_open, other.high, other.high_open) and _below(
            other.low, other.low_open, self.high, self.high_open
        )


def _below(low: Fraction | None, low_open: bool, high: Fraction | None, high_open: bool) -> bool:
    """Whether a range starting at ``low`` can meet one ending at ``high``."""
    if low is None or high is None:
        return True
    return low < high or (low == high and not (low_open or high_open))


def half_step(item: VerifiedFact) -> Fraction:
    """Half of the last digit the quote writes: 0.05 for "9.6", 0.5 for "16"; 0 for a number in
    words or a fraction, which are exact."""
    numeral = _DECIMALS.search(item.written or "")
    if numeral is None or "/" in (item.written or ""):
        return Fraction(0)
    return Fraction(1, 2 * 10 ** len(numeral.group(1) or ""))


def admitted(item: VerifiedFact, factor: Fraction) -> Range:
    """The range of values the fact's figure admits, times ``factor`` (into the measure's unit)."""
    fact = item.fact
    if fact.value is None:  # only facts with a value are compared
        return Range(None, None)
    scale = SCALES.get(fact.scale or "", 1) * factor
    value, step = fact.value * scale, half_step(item) * scale
    low, high = value - step, value + step
    match fact.qualifier:
        case "more than":
            return Range(value, None, low_open=True)
        case "at least":
            return Range(value, None)
        case "less than":
            return Range(None, value, high_open=True)
        case "up to":
            return Range(None, value)
        case "nearly":
            return Range(value - abs(value) * NEARLY, value, high_open=True)
        case "about":
            return Range(low - abs(value) * ABOUT, high + abs(value) * ABOUT)
        case _:
            return Range(low, high, high_open=step > 0)


@dataclass(frozen=True)
class Disagreement:
    """Two facts of one measure and period whose figures cannot both hold."""

    measure: str
    period: str
    first: VerifiedFact
    second: VerifiedFact

    def note(self, base: FactBase) -> str:
        def said(item: VerifiedFact) -> str:
            return f"{item.display_value} ({item.fact.id}, {base.sources[item.fact.seed].slug})"

        label = base.measures[self.measure].label
        return f"{label}, {self.period}: {said(self.first)} and {said(self.second)} disagree"


@dataclass(frozen=True)
class PeriodComparison:
    """The facts of one measure for one period, and which of them disagree."""

    measure: str
    period: str
    facts: tuple[VerifiedFact, ...]
    disagreements: tuple[Disagreement, ...]
    counted_differently: tuple[Disagreement, ...] = ()  # pairs whose figures differ, each by its own method

    def disagreeing_with(self, fact_id: str) -> tuple[VerifiedFact, ...]:
        """The facts of this period whose figures cannot hold with the fact's."""
        return self._paired(self.disagreements, fact_id)

    def counted_differently_from(self, fact_id: str) -> tuple[VerifiedFact, ...]:
        """The facts of this period whose figures differ from the fact's by another method."""
        return self._paired(self.counted_differently, fact_id)

    @staticmethod
    def _paired(pairs: tuple[Disagreement, ...], fact_id: str) -> tuple[VerifiedFact, ...]:
        found = []
        for pair in pairs:
            if pair.first.fact.id == fact_id:
                found.append(pair.second)
            elif pair.second.fact.id == fact_id:
                found.append(pair.first)
        return tuple(found)


def _methods_differ(pair: Disagreement) -> bool:
    """Two facts that name different methods count the measure differently: no disagreement."""
    first, second = pair.first.fact.method, pair.second.fact.method
    return first is not None and second is not None and first != second


def compare_measures(base: FactBase) -> dict[tuple[str, str], PeriodComparison]:
    """Every measure and period that two or more dated facts state, compared pair by pair."""
    units = base.unit_registry
    compared: dict[tuple[str, str], PeriodComparison] = {}
    for slug, items in base.by_measure.items():
        measure = base.measures.get(slug)
        if measure is None:
            continue
        by_period: dict[str, list[VerifiedFact]] = {}
        for item in items:
            if item.fact.period is not None and item.fact.value is not None:
                by_period.setdefault(item.fact.period.text, []).append(item)
        for period, dated in by_period.items():
            if len(dated) < 2:
                continue
            ranges = {}
            for item in dated:
                factor = units.factor(item.fact.unit or "", measure.unit)
                if factor is not None:  # verification refuses a unit that does not convert
                    ranges[item.fact.id] = admitted(item, factor)
            differing = [
                Disagreement(slug, period, a, b)
                for a, b in combinations(dated, 2)
                if a.fact.id in ranges and b.fact.id in ranges and not ranges[a.fact.id].meets(ranges[b.fact.id])
            ]
            counted_differently = tuple(pair for pair in differing if _methods_differ(pair))
            pairs = tuple(pair for pair in differing if not _methods_differ(pair))
            compared[slug, period] = PeriodComparison(slug, period, tuple(dated), pairs, counted_differently)
    return compared


# The comparisons of the last fact bases asked about, each kept with its base (so that its id is
# not reused while it is cached): a build compares once for all its pages.
_COMPARED: dict[int, tuple[FactBase, dict[tuple[str, str], PeriodComparison]]] = {}


def comparisons(base: FactBase) -> dict[tuple[str, str], PeriodComparison]:
    """Each measure and period two or more facts state: are they compatible? (Computed once per
    fact base.)"""
    cached = _COMPARED.get(id(base))
    if cached is None or cached[0] is not base:
        if len(_COMPARED) >= 4:
            _COMPARED.pop(next(iter(_COMPARED)))
        cached = _COMPARED[id(base)] = (base, compare_measures(base))
    return cached[1]


def disagreements(base: FactBase) -> list[Disagreement]:
    return [pair for comparison in comparisons(base).values() for pair in comparison.disagreements]
