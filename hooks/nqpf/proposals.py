"""What a drafted fact proposes besides its number: the unit's slug, the measure (one the base
has, or a new one drafted beside the facts), and from the measure its sector, id and claim, so
that review is checking, not retyping.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .matching import PartsMatch, match_parts
from .model import Measure, Period
from .numbers import NumberMention
from .reading import COMPANY, Figure, NumberReading, TextReader, Vocabulary
from .reading_rules import ENGLISH, STOP_WORDS, ReadingRules
from .units import UnitRegistry, WrittenUnit

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
# Words that name nothing: a drafted measure is never called "this", "edged" or "percent".
_NOT_A_NAME = STOP_WORDS | {"measure", "percent", "edged", "units", "unit", "per-cent", "pct"}


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


# How a drafted measure that is a change of a quantity is named, from the quantity's name.
_CHANGE_LABELS = {
    "change": "Growth of {}",
    "change-in-points": "Change in {}",
    "change-amount": "Increase in {}",
    "month-on-month-change": "Month-on-month change of {}",
    "average-annual-change": "Average annual growth of {}",
    "ratio": "{} (ratio)",
}


@dataclass
class Proposer:
    """Proposals for the numbers of one text, in order: a measure drafted for one number is
    there for the next (the same quantity in another year) when ``learns``."""

    measures: dict[str, Measure]
    units: UnitRegistry
    vocabulary: Vocabulary
    sector_of: Callable[[str], str]
    learns: bool = True  # a measure drafted here is matched by the text's later numbers
    rules: ReadingRules = ENGLISH  # the language the text is read in
    drafted: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.measures = dict(self.measures)

    def match(self, reading: NumberReading, unit: str | None) -> PartsMatch:
        """The measure the reading's parts match, for a number in ``unit`` (any unit: None)."""
        return match_parts(reading, self.measures, self.vocabulary.place_of_label, self.units, unit)

    def written(self, text: str, mention: NumberMention, following: NumberMention | None) -> WrittenUnit | None:
        """The unit written with a number, or with the number its list goes on to ("12.9
        million and 12.87 million units")."""
        rules = self.rules
        starts, end = rules.word_starts, rules.unit_clause_end
        written = self.units.written_next_to(text, mention, word_starts=starts, clause_end=end)
        if (
            written is None
            and following is not None
            and rules.list_to_next.fullmatch(text, mention.end, following.start)
        ):
            return self.units.written_next_to(text, following, word_starts=starts, clause_end=end)
        return written

    def read(
        self,
        reader: TextReader,
        sentence: tuple[int, int],
        figures: list[NumberMention],
        mentions: list[NumberMention],
        period: Period | None,
    ) -> list[NumberReading]:
        """What each figure of a sentence measures (``mentions``: every number the sentence
        writes): the reader is told the kind of unit written with each figure."""
        shown = [Figure(m.start, m.end, self.unit_kind(reader.text, m, following_in(mentions, m))) for m in figures]
        return [reader.read(sentence, shown, n, period) for n in range(len(shown))]

    def unit_kind(self, text: str, mention: NumberMention, following: NumberMention | None) -> str | None:
        """The kind of the unit written with a number (percent, currency, count...), if any."""
        written = self.written(text, mention, following)
        return self.units.units[written.units[0]].kind if written is not None and written.units else None

    def unit(
        self, text: str, mention: NumberMention, reading: NumberReading, following: NumberMention | None = None
    ) -> str | None:
        """The slug of the unit written with the number: the one a spelling names, or among
        several ("units": vehicles or sets) the one of the measure its parts match."""
        written = self.written(text, mention, following)
        if written is None or not written.units:
            return None
        if len(written.units) == 1:
            return written.units[0]
        for candidate in self.match(reading, None).candidates:
            if self.measures[candidate].unit in written.units:
                return self.measures[candidate].unit
        return written.units[0]

    def propose(
        self,
        text: str,
        *,
        mention: NumberMention,
        reading: NumberReading,
        sentence: str,
        clause_before: str,
        period: Period | None,
        kind: str,
        converts: str | None = None,
        following: NumberMention | None = None,
    ) -> Proposal | None:
        """The proposal for a number; None when the text writes no unit the registry knows. An
        existing measure only when every part matches; else a new one drafted from the parts the
        text states. ``converts``: the measure of the amount this one converts ("3.6 trillion
        yuan (about 500 billion U.S. dollars)"), which it measures in another unit."""
        unit = self.unit(text, mention, reading, following)
        if unit is None:
            return None
        match = self.match(reading, unit)
        new_measure = None
        converted_label = (
            f"{self.measures[converts].label} in {self.units.units[unit].label}" if converts in self.measures else None
        )
        same = [m for m in self.measures.values() if converted_label and m.label == converted_label]
        if match.measure is not None:
            measure = self.measures[match.measure]
        elif same:
            measure = same[0]
        else:
            measure, new_measure = self._new_measure(
                unit, reading, sentence, clause_before, period=period, target=kind == "target", label=converted_label
            )
        written = self.written(text, mention, following)
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

    def _parts_label(self, reading: NumberReading, place: str) -> str | None:
        """A measure's label from the parts its text states: "Growth of China's new energy vehicle
        exports"; None without a subject."""
        terms = self.vocabulary.terms
        parts = reading.parts()
        if parts["subject"] not in terms:
            return None
        statistic = str(parts["statistic"])
        if statistic in _CHANGE_LABELS:
            # a change of a quantity the base has: named by it ("Change in China's R&D intensity")
            same = ("subject", "property", "whole", "constraint")
            level = next(
                (
                    m
                    for m in self.measures.values()
                    if not m.draft
                    and m.statistic in ("level", "share")
                    and all(m.parts()[name] == parts[name] for name in same)
                    and self.vocabulary.place_of_label.get(m.place) in reading.place_slugs
                ),
                None,
            )
            if level is not None:
                return _upper_first(_CHANGE_LABELS[statistic].format(_lower_first(level.label)))
        base = terms[str(parts["subject"])].label
        if parts["property"] in terms:
            base = f"{base} {terms[str(parts['property'])].label}"
        base = f"{place}'s {base}" if place else base
        whole = terms[str(parts["whole"])].label if parts["whole"] in terms else None
        if statistic == "share" or (statistic == "change-in-points" and whole):
            base = f"{base} as a share of {whole or 'a whole'}"
        if statistic in _CHANGE_LABELS:
            points = ", in percentage points" if statistic == "change-in-points" else ""
            base = _CHANGE_LABELS[statistic].format(_lower_first(base)) + points
        if parts["constraint"] in terms and parts["constraint"] != "target":
            base = f"{base} ({terms[str(parts['constraint'])].label})"
        return _upper_first(base)

    def _new_measure(
        self,
        unit: str,
        reading: NumberReading,
        sentence: str,
        clause_before: str,
        *,
        period: Period | None,
        target: bool,
        label: str | None = None,
    ) -> tuple[Measure, dict[str, Any]]:
        terms = self.vocabulary.terms
        place_slug = reading.part("place")
        place = (
            terms[place_slug].label
            if place_slug in terms
            else next((s.words for s in reading.stated if s.part == "place" and s.value == COMPANY), "")
        )
        named = label or self._parts_label(reading, place) or subject(clause_before)
        if not named or _slug(named) in _NOT_A_NAME:  # "this", "edged", "percent": no name at all
            named = f"Unnamed quantity in {self.units.units[unit].label}"
        label = _upper_first(named)
        unit_kind = self.units.units[unit].kind
        if reading.part("subject") is None and unit_kind == "percent" and reading.part("statistic") == "change":
            label = label if re.search(r"(?i)growth", label) else f"Growth of {_lower_first(label)}"
        if target and not re.search(r"(?i)target|forecast|goal", label):
            label = f"{label} (target or forecast)"
        label = re.sub(r"[^\w .,'’&()/:;+\-–]", "", label[:110]) or "Measure"
        slug = base = _slug(label)
        n = 2
        while slug in self.measures:
            slug, n = f"{base}-{n}", n + 1
        period_kind = reading.part("period kind") or ("calendar-year" if period else "none")
        sector = self.sector_of(f"{label} {sentence}")
        record: dict[str, Any] = {
            "slug": slug,
            "draft": True,
            "label": label,
            "unit": unit,
            "definition": f"{label}, in {self.units.units[unit].label} (proposed from the text: say what is counted).",
            "place": place or "(the place it is of)",
            "period": period_kind,
            "sector": sector,
        }
        parts: dict[str, str] = {
            name: str(reading.part(name))
            for name in ("subject", "property", "statistic", "whole", "constraint")
            if reading.part(name) is not None and (name == "statistic" or reading.part(name) in terms)
        }
        if "subject" not in parts:
            parts = {}  # no parts without a subject: the reviewer names them
        record.update(parts)
        measure = Measure(
            slug=slug,
            label=label,
            unit=unit,
            definition=record["definition"],
            place=record["place"],
            period=period_kind,
            sector=sector,
            file="(draft)",
            line=0,
            draft=True,
            subject=parts.get("subject"),
            property=parts.get("property"),
            statistic=parts.get("statistic", "level"),
            whole=parts.get("whole"),
            constraint=parts.get("constraint"),
        )
        self.drafted.append(record)
        if self.learns:
            self.measures[slug] = measure
        return measure, record


def following_in(mentions: list[NumberMention], mention: NumberMention) -> NumberMention | None:
    """The number just after ``mention`` among a sentence's ``mentions``, if any."""
    return next((m for m in mentions if m.start >= mention.end), None)


def converted_amount(text: str, previous: NumberMention | None, mention: NumberMention) -> bool:
    """Whether ``mention`` converts the amount before it: "3.6 trillion yuan (about 500 billion"."""
    return previous is not None and _CONVERSION.fullmatch(text, previous.end, mention.start) is not None


_CONVERSION = re.compile(r"\s*[^\W\d]*(?:\s+[^\W\d.]+){0,3}\s*\(\s*(?:[A-Za-z]+\s+){0,2}")


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """ "China's GDP" stays; "Growth of ..." becomes "growth of ..." after "Target for"."""
    return (
        text
        if text[:2].isupper() or text.split(maxsplit=1)[0] in ("China's", "Pakistan's", "China", "Pakistan")
        else text[:1].lower() + text[1:]
    )
