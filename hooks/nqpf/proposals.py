"""What a drafted fact proposes besides its number: the unit's slug, the measure (one the base
has, or a new one drafted beside the facts), and from the measure its sector, id and claim, so
that review is checking, not retyping.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .matching import Described, MeasureMatcher, measures_a_change, states_a_change
from .model import Fact, Measure, Period
from .numbers import NumberMention
from .units import UnitRegistry

_SUBJECT_STOP = re.compile(
    r"(?i)^(?:reached|rose|grew|increased|surged|stood|hit|totaled|totalled|exceeded|surpassed|topped|came|"
    r"amounted|accounted|fell|dropped|declined|jumped|climbed|was|were|is|are|has|have|had|be|been|to|at|by|of|"
    r"in|on|for|with|from|and|the|a|an|about|around|over|nearly|almost|more|than|less|some|up|down|"
    r"approximately|roughly|just|under|above|below|reaching|hitting|worth|valued|registered|recorded|saw|"
    r"stands|reaches|rises|grows|increase|rise|growth|an increase|year-on-year|surpassing|exceeding|topping|"
    r"will|would|could|may|might|should|exceed|surpass|top|reach|expected|projected|forecast|likely)$"
)
_LEADING = re.compile(r"(?i)^(?:and|while|whereas|but|with|as|meanwhile|additionally|also|in addition|moreover)\b\W*")
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_FISCAL = re.compile(r"(?i)\b(?:fiscal year|financial year|FY)\b")


@dataclass(frozen=True)
class Proposal:
    """A drafted fact's unit, measure, sector, id stem and claim."""

    unit: str
    measure: str
    sector: str
    id_stem: str
    claim: str
    new_measure: dict[str, Any] | None = None  # the measure record to draft, when none matched


def _slug(text: str, limit: int = 60) -> str:
    words = _SLUG_WORD.findall(text.lower().replace("’", "").replace("'", "").replace("&", " and "))
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "measure"


def subject(clause_before: str) -> str:
    """The words naming what a number counts, from the text before it: "China's R&D expenditure"
    of "In 2023, China's R&D expenditure was"."""
    text = " ".join(clause_before.replace("’", "'").split()).strip(" ,;:—–-(")
    text = re.split(r"(?i)\b(?:that|which|as|said|says)\s+", text)[-1]  # "experts project that China's output"
    text = _LEADING.sub("", text)
    text = re.sub(r"^(?:In|By|During|As of|Since)\s+(?:\w+\s+)?\d{4},?\s*", "", text)
    words = text.split()
    while words and (_SUBJECT_STOP.match(words[-1].strip(",.;:")) or re.search(r"\d", words[-1])):
        words.pop()
    while words and _SUBJECT_STOP.match(words[0].strip(",.;:")):
        words.pop(0)
    return " ".join(words[-7:]).strip(" ,;:")


@dataclass
class Proposer:
    """Proposals for the numbers of one text, in order: a measure drafted for one number is
    there for the next (the same quantity in another year)."""

    measures: dict[str, Measure]
    units: UnitRegistry
    facts: tuple[Fact, ...]
    sector_of: Callable[[str], str]
    text_place: str  # the place the text as a whole is about, when a sentence names none
    learns: bool = True  # a measure drafted here is matched by the text's later numbers
    drafted: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.measures = dict(self.measures)
        self.matcher = MeasureMatcher(self.measures, self.units, self.facts)

    def unit(self, text: str, mention: NumberMention, described: Described) -> str | None:
        """The slug of the unit written with the number: the one a spelling names, or among
        several ("units": vehicles or sets) the one of the best measure."""
        written = self.units.written_next_to(text, mention)
        if written is None or not written.units:
            return None
        if len(written.units) == 1:
            return written.units[0]
        best = [m for m in self.matcher.ranked(None, described) if self.measures[m.slug].unit in written.units]
        return self.measures[best[0].slug].unit if best and best[0].score > 0 else written.units[0]

    def propose(
        self,
        text: str,
        *,
        mention: NumberMention,
        described: Described,
        clause_before: str,
        period: Period | None,
        kind: str,
        converts: str | None = None,
    ) -> Proposal | None:
        """The proposal for a number; None when the text writes no unit the registry knows.
        ``converts``: the measure of the amount this one converts ("3.6 trillion yuan (about
        500 billion U.S. dollars)"), which it measures in another unit."""
        unit = self.unit(text, mention, described)
        if unit is None:
            return None
        match = None if converts else self.matcher.best(unit, described)
        new_measure = None
        converted_label = (
            f"{self.measures[converts].label} in {self.units.units[unit].label}" if converts in self.measures else None
        )
        same = [m for m in self.measures.values() if converted_label and m.label == converted_label]
        if same:
            measure = same[0]
        elif match is not None:
            measure = self.measures[match.slug]
        elif converted_label:
            measure, new_measure = self._new_measure(
                unit, described, converted_label, period=period, target=kind == "target", label=converted_label
            )
        else:
            measure, new_measure = self._new_measure(
                unit, described, clause_before, period=period, target=kind == "target"
            )
        written = self.units.written_next_to(text, mention)
        in_text = mention.percent or mention.currency or mention.unit
        shown = " ".join(
            filter(
                None,
                (mention.hedge, " ".join(mention.text.split()), None if in_text or not written else written.spelling),
            )
        )
        when = f" in {period.label()}" if period else ""
        targeted = kind != "target" or re.search(r"(?i)target|forecast|goal", measure.label)
        claim = f"{measure.label if targeted else 'Target for ' + _lower_first(measure.label)}{when}: {shown}"
        stem = measure.slug + (f"-{period.text}" if period else "")
        return Proposal(unit, measure.slug, measure.sector, stem, claim, new_measure)

    def _new_measure(
        self,
        unit: str,
        described: Described,
        clause_before: str,
        *,
        period: Period | None,
        target: bool,
        label: str | None = None,
    ) -> tuple[Measure, dict[str, Any]]:
        unit_kind = self.units.units[unit].kind
        named = label or subject(clause_before)
        if not named and unit_kind == "percentage-points":  # "up 0.1 percentage points": of the share before
            levels = [
                m
                for m in self.matcher.ranked(None, described)
                if self.units.units[self.measures[m.slug].unit].kind == "percent"
                and not measures_a_change(self.measures[m.slug].label)
            ]
            named = f"Change in {_lower_first(self.measures[levels[0].slug].label)}" if levels else ""
        named = named or self.units.units[unit].label
        label = named[0].upper() + named[1:]
        if unit_kind == "percent" and states_a_change(described.clause) and not re.search(r"(?i)growth", label):
            label = f"Growth of {_lower_first(label)}"
        if target and not re.search(r"(?i)target|forecast|goal", label):
            label = f"{label} (target or forecast)"
        label = label[:110]
        slug = base = _slug(label)
        n = 2
        while slug in self.measures:
            slug, n = f"{base}-{n}", n + 1
        sentence = described.sentence.lower()
        place = next(
            (
                name
                for name, words in (("China", ("china", "chinese")), ("Pakistan", ("pakistan",)))
                if any(w in sentence for w in words)
            ),
            self.text_place,
        )
        period_kind = "fiscal-year" if _FISCAL.search(described.sentence) else ("calendar-year" if period else "none")
        sector = self.sector_of(f"{label} {described.sentence}")
        record: dict[str, Any] = {
            "slug": slug,
            "draft": True,
            "label": re.sub(r"[^\w .,'’&()/:;+\-–]", "", label) or "Measure",
            "unit": unit,
            "definition": f"{label}, in {self.units.units[unit].label} (proposed from the text: say what is counted).",
            "place": place,
            "period": period_kind,
            "sector": sector,
        }
        measure = Measure(
            slug=slug,
            label=record["label"],
            unit=unit,
            definition=record["definition"],
            place=place,
            period=period_kind,
            sector=sector,
            file="(draft)",
            line=0,
            draft=True,
        )
        self.drafted.append(record)
        if self.learns:
            self.measures[slug] = measure
            self.matcher.add(measure)
        return measure, record


def converted_amount(text: str, previous: NumberMention | None, mention: NumberMention) -> bool:
    """Whether ``mention`` converts the amount before it: "3.6 trillion yuan (about 500 billion"."""
    return previous is not None and _CONVERSION.fullmatch(text, previous.end, mention.start) is not None


_CONVERSION = re.compile(r"\s*[^\W\d]*(?:\s+[^\W\d.]+){0,3}\s*\(\s*(?:[A-Za-z]+\s+){0,2}")


def _lower_first(text: str) -> str:
    """ "China's GDP" stays; "Growth of ..." becomes "growth of ..." after "Target for"."""
    return (
        text
        if text[:2].isupper() or text.split(maxsplit=1)[0] in ("China's", "Pakistan's", "China", "Pakistan")
        else text[:1].lower() + text[1:]
    )
