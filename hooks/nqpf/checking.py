"""Check a text against the fact base: each number it writes, read as the drafter reads a new
source (its unit and period, and the parts of its quantity: reading.py), gets a verdict.

- ``agrees``: a fact of the same measure and period states a compatible value (rounding as
  written, bounds, units and scales, as sources are compared);
- ``disagrees``: the facts of that measure and period all state incompatible values;
- ``no-figure-for-period``: the measure is known, but the base has no fact for that period
  (or the sentence names none);
- ``not-a-figure``: a year, an ordinal, a date, part of a name;
- ``unknown``: no measure of the base has every part the number's words state (the measures
  that agree with the parts it does state are named as candidates).

"agrees" and "disagrees" are the base speaking, so they are given only when every part of one
measure matched and the period is stated; each comes with the words that fixed each part. A
verdict says what the base's sources state, not whether the text is true.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .comparison import admitted
from .drafting import draft_every_number
from .exports import fact_record
from .loading import LoadedInputs
from .matching import match_parts
from .model import Fact, Source, read_period
from .numbers import NumberMention, format_number
from .reading import Stated, Vocabulary
from .units import UnitRegistry
from .verify import FactBase, SeedText, VerifiedFact

VERDICTS = ("agrees", "disagrees", "no-figure-for-period", "not-a-figure", "unknown")
TEXT_SLUG = "text-being-checked"  # the text's name while the drafter reads it; never stored


@dataclass(frozen=True)
class CheckedNumber:
    """One number of the text and what the base holds for it."""

    text: str  # as written
    start: int  # character offsets in the text
    end: int
    verdict: str
    value: str | None = None  # exact: "9.443", "2/3"
    scale: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    period: str | None = None
    measure: str | None = None
    facts: tuple[str, ...] = ()  # the facts the verdict rests on
    periods: tuple[str, ...] = ()  # for no-figure-for-period: the periods the base has
    parts: tuple[Stated, ...] = ()  # what its words state it measures, and which words
    candidates: tuple[str, ...] = ()  # for unknown: the measures it could be of

    def as_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "scale": self.scale,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "period": self.period,
            "measure": self.measure,
            "verdict": self.verdict,
            "facts": list(self.facts),
            "periods": list(self.periods),
            "parts": [part.as_json() for part in self.parts],
            "candidates": list(self.candidates),
        }


def _reading_inputs(inputs: LoadedInputs, text: str) -> LoadedInputs:
    """The base's inputs with the text as one more seed, which no fact quotes."""
    source = Source(TEXT_SLUG, "(checked text)", None, None, None, None, None, (), None, "(checked text)", 0, {})
    return dataclasses.replace(
        inputs,
        seed_texts={**inputs.seed_texts, TEXT_SLUG: text},
        sources={**inputs.sources, TEXT_SLUG: source},
    )


def _as_fact(record: dict[str, Any], mention: NumberMention) -> Fact:
    """The drafted record as a fact, valued as the text writes it (not through YAML's floats)."""
    return Fact(
        id=record["id"],
        claim=record["claim"],
        kind=record["kind"],
        sector=record["sector"],
        seed=TEXT_SLUG,
        quote=record["source"]["quote"],
        file="(checked text)",
        line=0,
        lines={},
        value=mention.value,
        scale=record.get("scale"),
        unit=record["unit"],
        qualifier=record.get("qualifier"),
        period=read_period(record["period"]) if "period" in record else None,
        measure=record.get("measure"),
    )


def _converts(units: UnitRegistry, unit: str) -> Callable[[str], bool]:
    return lambda to: units.factor(unit, to) is not None


def check_text(text: str, inputs: LoadedInputs, base: FactBase) -> list[CheckedNumber]:
    """A verdict for every number ``text`` writes, in order."""
    reading = _reading_inputs(inputs, text)
    drafts = draft_every_number(reading, TEXT_SLUG)
    seed = SeedText(text)
    units = base.unit_registry
    drafted = {
        at: (record, parts)
        for at, record, parts in zip(drafts.at, drafts.facts, drafts.readings, strict=True)
        if at >= 0 and parts is not None
    }
    reviewed = {slug: m for slug, m in base.measures.items() if not m.draft}
    places = Vocabulary(inputs.vocabulary).place_of_label
    checked = []
    for mention in seed.numbers:
        if mention.start not in drafted:
            checked.append(CheckedNumber(mention.text, mention.start, mention.end, "not-a-figure"))
            continue
        record, parts = drafted[mention.start]
        fact = _as_fact(record, mention)
        number = functools.partial(
            CheckedNumber,
            mention.text,
            mention.start,
            mention.end,
            value=format_number(fact.value) if fact.value is not None else None,
            scale=fact.scale,
            unit=fact.unit,
            qualifier=fact.qualifier,
            period=fact.period.text if fact.period else None,
            parts=parts.stated,
        )
        match = match_parts(parts, reviewed, places, _converts(units, fact.unit or ""))
        if match.measure is None:
            checked.append(number(verdict="unknown", candidates=match.candidates))
            continue
        measure = reviewed[match.measure]
        ours = [i for i in base.by_measure.get(measure.slug, []) if i.fact.value is not None]
        same = [i for i in ours if fact.period and i.fact.period and i.fact.period.text == fact.period.text]
        if not same:
            periods = tuple(sorted({i.fact.period.text for i in ours if i.fact.period}))
            checked.append(number(verdict="no-figure-for-period", measure=measure.slug, periods=periods))
            continue
        written = VerifiedFact(fact, mention.start, mention.end, mention.text)  # this number, as written
        text_range = admitted(written, units.factor(fact.unit or "", measure.unit) or Fraction(1))
        agreeing = tuple(
            i.fact.id
            for i in same
            if admitted(i, units.factor(i.fact.unit or "", measure.unit) or Fraction(1)).meets(text_range)
        )
        verdict, facts = ("agrees", agreeing) if agreeing else ("disagrees", tuple(i.fact.id for i in same))
        checked.append(number(verdict=verdict, measure=measure.slug, facts=facts))
    return checked


def explained(parts: tuple[Stated, ...], labels: dict[str, str]) -> list[str]:
    """Each part and the words that fixed it: property ← “sales” (2nd of “production and sales”
    … respectively)."""
    lines = []
    for part in parts:
        shown = labels.get(part.value, part.value)
        words = f" ← “{part.words}”" if part.words else ""
        how = f" ({part.how})" if part.how else ""
        lines.append(f"{part.part}: {shown}{words}{how}")
    return lines


def human_report(
    text: str, checked: list[CheckedNumber], base: FactBase, site_url: str | None, terms: dict[str, str] | None = None
) -> str:
    """The verdicts for people: each number in its sentence, the words that fixed each part of
    what it measures, and the facts behind the verdict. ``terms``: labels of vocabulary slugs."""
    terms = terms or {}
    lines = []
    root = (site_url or "").rstrip("/") + "/" if site_url else ""
    for number in checked:
        if number.verdict == "not-a-figure":
            lines.append(f"“{number.text}” (character {number.start}): not a figure")
            continue
        left = text.rfind("\n", 0, number.start) + 1
        right = text.find("\n", number.end)
        sentence = " ".join(text[left : right if right >= 0 else len(text)].split())
        label = base.measures[number.measure].label if number.measure in base.measures else "no known measure"
        head = f"“{number.text}” (character {number.start}): {number.verdict}"
        details = [f"  measure: {label}" + (f", {number.period}" if number.period else ", no period in its sentence")]
        if number.candidates:
            shown = ", ".join(base.measures[c].label for c in number.candidates if c in base.measures)
            details.append(f"  could be: {shown}")
        details += [f"  {line}" for line in explained(number.parts, terms)]
        for fact_id in number.facts:
            item = base.by_id[fact_id]
            record = fact_record(item, base)
            details.append(f"  {item.display_value}, according to {record['according_to']}: {root}{record['url']}")
        if number.periods:
            details.append(f"  the base has: {', '.join(number.periods)}")
        lines += [head, f"  in: {sentence[:200]}", *details]
    counts = {v: sum(n.verdict == v for n in checked) for v in VERDICTS}
    lines.append(", ".join(f"{n} {v}" for v, n in counts.items() if n) or "no numbers")
    return "\n".join(lines)
