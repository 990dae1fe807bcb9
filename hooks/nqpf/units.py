"""Units: the registry's checks, the unit a quote writes next to a number, conversions.

facts/units.yml gives each unit one slug (ISO 4217 codes for money) and the spellings a quote
may use for it ("$", "US$", "U.S. dollars" for USD). A fact names its unit by slug, and
verification asks that the quote write one of that unit's spellings next to the number, so
that two facts in CNY are in the same currency whether their quotes say "RMB" or "yuan".
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from fractions import Fraction

from .model import PERCENT, Unit
from .numbers import CURRENCIES, NumberMention
from .problems import Problem

WORD_STARTS = re.compile(r"(?<!\S)\S")  # where each word after a number starts
# the unit is written before any of these; the stop of an initial ("U.S. dollars") ends nothing
CLAUSE_END = re.compile(r"[,;:()\[\]“”\"!?\n]|(?<!\b[A-Z])\.(?:\s|$)")
_PERCENT_SPELLING = re.compile(r"(?i:%|per\s?cent|pct|pc)\Z")  # how a percentage ends
_UNIT_WORDS_REACH = 3  # a unit is one of the first three words after the number ("45 new MOUs")


@functools.lru_cache(maxsize=1)
def _iso_4217_codes() -> frozenset[str]:
    import pycountry  # noqa: PLC0415 - only a registry with money units needs the ISO 4217 table

    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


@dataclass(frozen=True)
class WrittenUnit:
    """The unit a quote writes next to a number: the spelling as written and what it spells."""

    spelling: str
    units: tuple[str, ...]  # the slugs it is a spelling of; empty when the registry lacks it


class UnitRegistry:
    """The units of facts/units.yml, looked up by slug and by spelling."""

    def __init__(self, units: dict[str, Unit], *, spaced: bool = True):
        self.units = units
        by_spelling: dict[str, list[str]] = {}
        for unit in units.values():
            for spelling in unit.spellings:
                slugs = by_spelling.setdefault(spelling.lower(), [])
                if unit.slug not in slugs:
                    slugs.append(unit.slug)
        self.by_spelling = {spelling: tuple(slugs) for spelling, slugs in by_spelling.items()}
        words = sorted(self.by_spelling, key=len, reverse=True)  # longest first: "US dollars" before "US"
        # a spelling of a unit where a number's unit is written (the browser's checker reads it too)
        spellings = "|".join(re.escape(w) for w in words)
        after = "(?![\\w$])" if spaced else ""  # a language that runs its words on: 944.3万辆新车
        self.spellings_after = re.compile(f"(?i:{spellings}){after}" if words else "(?!)")
        self._converting: dict[tuple[str, str], bool] = {}

    def __contains__(self, slug: object) -> bool:
        return slug in self.units

    def spelled(self, spelling: str) -> tuple[str, ...]:
        """The units ``spelling`` may stand for: ("CNY",) for "RMB"; () for none."""
        return self.by_spelling.get(spelling.lower(), ())

    def written_next_to(
        self,
        text: str,
        mention: NumberMention,
        *,
        word_starts: re.Pattern[str] = WORD_STARTS,
        clause_end: re.Pattern[str] = CLAUSE_END,
    ) -> WrittenUnit | None:
        """The unit written with a number: its percent sign, its currency, a unit glued to it,
        or one of the first words after it ("9.443 million units", "45 new MOUs"); a language
        without spaces between words says where its words start (``word_starts``)."""
        if mention.percent:
            spelling = _PERCENT_SPELLING.search(mention.text)
            written = spelling.group(0) if spelling else "%"
            return WrittenUnit(written, self.spelled(written) or ((PERCENT,) if PERCENT in self else ()))
        if mention.currency:
            return WrittenUnit(mention.currency, self.spelled(mention.currency))
        if mention.unit:
            return WrittenUnit(mention.unit, self.spelled(mention.unit))
        reach = mention.end + 80
        end = clause_end.search(text, mention.end, reach)
        segment_end = end.start() if end else min(reach, len(text))
        for n, start in enumerate(word_starts.finditer(text, mention.end, segment_end)):
            if n == _UNIT_WORDS_REACH or text[start.start()].isdigit():
                break  # a unit after the next number is that number's
            found = self.spellings_after.match(text, start.start(), segment_end)
            if found:
                return WrittenUnit(found.group(0), self.spelled(found.group(0)))
        return None

    def suggestion(self, written: str) -> str:
        """What to write for a unit that is not a slug: the unit it spells, or close slugs."""
        spelled = self.spelled(written.strip())
        if spelled:
            return f"write unit: {spelled[0]}" if len(spelled) == 1 else f"write one of: {', '.join(spelled)}"
        close = difflib.get_close_matches(written, list(self.units), n=3)
        return f"did you mean {' or '.join(close)}?" if close else "see facts/units.yml, or add the unit there"

    def converts(self, from_unit: str, to_unit: str) -> bool:
        """Whether a value in ``from_unit`` converts to ``to_unit`` (asked for every measure of
        every number a text writes, so each pair is worked out once)."""
        key = (from_unit, to_unit)
        if key not in self._converting:
            self._converting[key] = self.factor(from_unit, to_unit) is not None
        return self._converting[key]

    def factor(self, from_unit: str, to_unit: str) -> Fraction | None:
        """What a value in ``from_unit`` is multiplied by to be in ``to_unit``; None when the two
        do not convert (two currencies, a count and a power)."""
        if from_unit == to_unit:
            return Fraction(1)
        source, target = self.units.get(from_unit), self.units.get(to_unit)
        if source is None or target is None:
            return None
        if source.kind == target.kind == "physical" and source.dimension == target.dimension:
            if source.factor and target.factor:  # a physical unit without one is refused on loading
                return source.factor / target.factor
            return None
        shares = {"share": Fraction(1), "percent": Fraction(1, 100)}
        if source.kind in shares and target.kind in shares:
            return shares[source.kind] / shares[target.kind]
        return None


def check_units(units: dict[str, Unit]) -> list[Problem]:
    """The registry's own rules: ISO 4217 money, a dimension and size for each physical unit,
    one percent unit, and the currency signs the number reader knows spelled by a unit."""
    problems: list[Problem] = []

    def problem(unit: Unit, name: str, message: str) -> None:
        problems.append(Problem(unit.file, unit.lines.get(name, unit.line), message, unit.slug, name))

    for unit in units.values():
        if unit.kind == "currency" and unit.slug not in _iso_4217_codes():
            problem(unit, "slug", f"'{unit.slug}' is not an ISO 4217 currency code (such as USD, CNY, PKR)")
        physical = unit.kind == "physical"
        for name in ("dimension", "factor"):
            given = getattr(unit, name) is not None
            if physical and not given:
                problem(unit, "kind", f"a physical unit needs its {name}")
            elif given and not physical:
                problem(unit, name, f"only a physical unit has a {name}; remove it")
    if units and PERCENT not in units:
        first = next(iter(units.values()))
        problems.append(
            Problem(first.file, 1, f"the registry needs the unit '{PERCENT}': the number reader marks percentages")
        )
    spelled = {spelling.lower() for unit in units.values() for spelling in unit.spellings}
    for sign, codes in CURRENCIES.items():
        if units and sign.lower() not in spelled and any(code in units for code in codes):
            unit = units[next(code for code in codes if code in units)]
            problem(unit, "spellings", f"add {sign!r}: the number reader reads it as this currency")
    return problems
