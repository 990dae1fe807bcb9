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

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from .comparison import Range, admitted
from .exports import fact_records
from .loading import LoadedInputs
from .localised_numbers import read_numbers_in
from .matching import match_parts
from .model import Fact, Measure, Period
from .numbers import NumberMention, format_number
from .proposals import Proposer, following_in
from .reading import (
    NumberReading,
    Stated,
    TextReader,
    Vocabulary,
    most_named_place,
    read_sentence,
    sentences,
    written_unit_words,
)
from .reading_languages import text_language
from .reading_rules import ENGLISH, ReadingRules
from .units import UnitRegistry
from .verify import FactBase, SeedText, VerifiedFact

VERDICTS = ("agrees", "disagrees", "no-figure-for-period", "not-a-figure", "unknown")


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


@dataclass(frozen=True)
class FactRow:
    """A fact of a measure and period as the checker compares it (the browser's engine loads the
    same rows): the range its figure admits in the measure's unit, its value as written, its
    source and its permalink."""

    id: str
    value: str
    according: str
    url: str
    admits: Range

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "value": self.value,
            "according": self.according,
            "url": self.url,
            "low": fraction_text(self.admits.low),
            "high": fraction_text(self.admits.high),
            "lowOpen": self.admits.low_open,
            "highOpen": self.admits.high_open,
        }

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> FactRow:
        admits = Range(_bound(row["low"]), _bound(row["high"]), row["lowOpen"], row["highOpen"])
        return cls(row["id"], row["value"], row["according"], row["url"], admits)


def fraction_text(value: Fraction | None) -> str | None:
    """An exact value as "n/d", for JSON."""
    return None if value is None else f"{value.numerator}/{value.denominator}"


def _bound(written: str | None) -> Fraction | None:
    return None if written is None else Fraction(written)


@dataclass(frozen=True)
class CheckLanguage:
    """What reading a text of another language needs: its rules, and the vocabulary's and the
    units' spellings in it (translations/<code>/vocabulary.yml and units.yml)."""

    rules: ReadingRules
    vocabulary: Vocabulary
    units: UnitRegistry


@dataclass(frozen=True)
class CheckData:
    """What checking a text needs of the base: its measures, units and vocabulary, and for each
    reviewed measure and period its facts' rows (not the verified base itself, which takes far
    longer to load than to check against)."""

    measures: dict[str, Measure]
    units: UnitRegistry
    vocabulary: Vocabulary
    rows: dict[tuple[str, str], tuple[FactRow, ...]]
    languages: Mapping[str, CheckLanguage] = field(default_factory=dict)  # by code: "zh", "ur"

    @functools.cached_property
    def periods(self) -> dict[str, tuple[str, ...]]:
        """For each measure, the periods the base has a figure for."""
        found: dict[str, set[str]] = {}
        for slug, period in self.rows:
            found.setdefault(slug, set()).add(period)
        return {slug: tuple(sorted(periods)) for slug, periods in found.items()}

    @functools.cached_property
    def row_of(self) -> dict[str, FactRow]:
        return {row.id: row for rows in self.rows.values() for row in rows}


def fact_rows(
    base: FactBase, records: list[dict[str, Any]] | None = None
) -> dict[tuple[str, str], tuple[FactRow, ...]]:
    """Each reviewed measure and period, and its facts' rows (``records``: the facts' export
    records, when they are made already)."""
    units = base.unit_registry
    by_id = {record["id"]: record for record in (records if records is not None else fact_records(base))}
    rows: dict[tuple[str, str], list[FactRow]] = {}
    for slug, items in base.by_measure.items():
        measure = base.measures.get(slug)
        if measure is None or measure.draft:
            continue
        for item in items:
            if item.fact.period is None or item.fact.value is None:
                continue
            admits = admitted(item, units.factor(item.fact.unit or "", measure.unit) or Fraction(1))
            record = by_id[item.fact.id]
            row = FactRow(item.fact.id, item.display_value, record["according_to"], record["url"], admits)
            rows.setdefault((slug, item.fact.period.text), []).append(row)
    return {key: tuple(found) for key, found in rows.items()}


def check_data(base: FactBase) -> CheckData:
    return CheckData(base.measures, base.unit_registry, Vocabulary(base.vocabulary), fact_rows(base))


def check_text(text: str, inputs: LoadedInputs, base: FactBase) -> list[CheckedNumber]:
    """A verdict for every number ``text`` writes, in order (``inputs``: what the base was
    verified from; its registries are the base's)."""
    del inputs  # the verified base carries its registries
    return check_with(text, check_data(base))


def languages_read(data: CheckData) -> tuple[str, ...]:
    """The languages ``data`` reads texts in: English, and those it has the words of."""
    return ("en", *data.languages)


def check_with(text: str, data: CheckData, language: str | None = None) -> list[CheckedNumber]:
    """A verdict for every number ``text`` writes, in order: each number read as the drafter
    reads a new source (reading.py), its unit as the proposer finds it, its measure by its parts.
    ``language``: "en", "zh" or "ur" (None: the one whose letters the text writes most)."""
    code = language or text_language(text)
    if language is None and code not in languages_read(data):
        code = "en"  # letters of a language it has no words for: read as English, as the page does
    if code not in languages_read(data):
        raise ValueError(f"texts in {code!r} are not read: the languages read are {', '.join(languages_read(data))}")
    if code == "en":
        rules, units, vocabulary = ENGLISH, data.units, data.vocabulary
        seed = SeedText(text)
    else:
        other = data.languages[code]
        rules, units, vocabulary = other.rules, other.units, other.vocabulary
        seed = SeedText(text, functools.partial(read_numbers_in, language=code))
    reader = TextReader(text, vocabulary, default_place=most_named_place(vocabulary, text), rules=rules)
    proposer = Proposer(data.measures, units, vocabulary, lambda _: "", learns=False, rules=rules)
    reviewed = {slug: m for slug, m in data.measures.items() if not m.draft}
    figures: dict[int, tuple[str, Period | None, NumberReading]] = {}  # start -> unit, period, parts
    for sentence in sentences(text, rules):
        mentions = seed.numbers_in(sentence)
        if not mentions:
            continue
        read = read_sentence(text, sentence, mentions, rules)
        found, _ = read.figures()
        for mention, parts in zip(found, proposer.read(reader, sentence, found, mentions, read.period), strict=True):
            written = proposer.unit(text, mention, parts, following_in(mentions, mention))
            figures[mention.start] = (written or written_unit_words(text, mention, rules), read.period, parts)
    return [_verdict(mention, figures.get(mention.start), data, reviewed, units) for mention in seed.numbers]


def _verdict(
    mention: NumberMention,
    figure: tuple[str, Period | None, NumberReading] | None,
    data: CheckData,
    reviewed: dict[str, Measure],
    units: UnitRegistry,
) -> CheckedNumber:
    if figure is None:
        return CheckedNumber(mention.text, mention.start, mention.end, "not-a-figure")
    unit, period, parts = figure
    number = functools.partial(
        CheckedNumber,
        mention.text,
        mention.start,
        mention.end,
        value=format_number(mention.value),
        scale=mention.scale,
        unit=unit,
        qualifier=mention.hedge,
        period=period.text if period else None,
        parts=parts.stated,
    )
    match = match_parts(parts, reviewed, data.vocabulary.place_of_label, units, unit)
    if match.measure is None:
        return number(verdict="unknown", candidates=match.candidates)
    measure = reviewed[match.measure]
    same = data.rows.get((measure.slug, period.text), ()) if period else ()
    if not same:
        return number(verdict="no-figure-for-period", measure=measure.slug, periods=data.periods.get(measure.slug, ()))
    written = Fact(
        id="(checked)", claim="", kind="figure", sector="", seed="", quote="", file="", line=0, lines={},
        value=mention.value, scale=None if mention.scale_size else mention.scale, unit=unit, qualifier=mention.hedge,
    )  # fmt: skip
    text_range = admitted(
        VerifiedFact(written, mention.start, mention.end, mention.text),  # this number, as written
        (units.factor(unit, measure.unit) or Fraction(1)) * (mention.scale_size or 1),  # 万, لاکھ: another language's
    )
    agreeing = tuple(row.id for row in same if row.admits.meets(text_range))
    verdict, facts = ("agrees", agreeing) if agreeing else ("disagrees", tuple(row.id for row in same))
    return number(verdict=verdict, measure=measure.slug, facts=facts)


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


def human_report(text: str, checked: list[CheckedNumber], data: CheckData, site_url: str | None) -> str:
    """The verdicts for people: each number in its sentence, the words that fixed each part of
    what it measures, and the facts behind the verdict."""
    terms = {slug: term.label for slug, term in data.vocabulary.terms.items()}
    lines = []
    root = (site_url or "").rstrip("/") + "/" if site_url else ""
    for number in checked:
        if number.verdict == "not-a-figure":
            lines.append(f"“{number.text}” (character {number.start}): not a figure")
            continue
        left = text.rfind("\n", 0, number.start) + 1
        right = text.find("\n", number.end)
        sentence = " ".join(text[left : right if right >= 0 else len(text)].split())
        label = data.measures[number.measure].label if number.measure in data.measures else "no known measure"
        head = f"“{number.text}” (character {number.start}): {number.verdict}"
        details = [f"  measure: {label}" + (f", {number.period}" if number.period else ", no period in its sentence")]
        if number.candidates:
            shown = ", ".join(data.measures[c].label for c in number.candidates if c in data.measures)
            details.append(f"  could be: {shown}")
        details += [f"  {line}" for line in explained(number.parts, terms)]
        for fact_id in number.facts:
            row = data.row_of[fact_id]
            details.append(f"  {row.value}, according to {row.according}: {root}{row.url}")
        if number.periods:
            details.append(f"  the base has: {', '.join(number.periods)}")
        lines += [head, f"  in: {sentence[:200]}", *details]
    counts = {v: sum(n.verdict == v for n in checked) for v in VERDICTS}
    lines.append(", ".join(f"{n} {v}" for v, n in counts.items() if n) or "no numbers")
    return "\n".join(lines)


def rows_json(rows: dict[tuple[str, str], tuple[FactRow, ...]]) -> dict[str, list[dict[str, Any]]]:
    """The rows as JSON: "<measure> <period>" -> rows (the command line's cache)."""
    return {f"{slug} {period}": [row.as_json() for row in found] for (slug, period), found in rows.items()}


def rows_from_json(data: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, str], tuple[FactRow, ...]]:
    rows: dict[tuple[str, str], tuple[FactRow, ...]] = {}
    for key, found in data.items():
        slug, period = key.split(" ")
        rows[slug, period] = tuple(FactRow.from_json(row) for row in found)
    return rows
