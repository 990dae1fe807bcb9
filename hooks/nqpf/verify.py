"""Verification against the seeds: every rule that keeps a wrong figure off the site.

Rules, each a function returning problems:
  1. a quote is a verbatim passage of its seed (whitespace and typographic quote marks aside);
  2. a value is a number written in its quote, at the same scale, in a unit the quote spells
     next to it and with the hedge ("over", "nearly") the quote writes; a period's year is
     written there too;
  3. ids are unique; sectors, seeds, speakers, units and measures exist, and a value's unit
     converts to its measure's;
  4. coverage: every number of every seed is captured by a fact, the seed's metadata or the
     ignore list;
  5. drafts (``draft: true``) are proposals: they count for coverage, never for readers, and
     the fact base is not valid while any is left.
"""

from __future__ import annotations

import bisect
import difflib
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .history import UNKNOWN, History
from .loading import LoadedInputs, ProjectPaths, load_inputs
from .model import PERCENT, Fact, IgnoredNumber, Measure, Sector, Source, Speaker, Term, Unit
from .numbers import NumberMention, describe, format_number, read_numbers
from .problems import FactsInvalid, Problem
from .units import UnitRegistry, check_units

_QUOTE_MARKS = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'}
)


_SQUEEZED_RE = re.compile(r"\s{2,}|^\s+")  # white space that normalising shortens


def normalise(text: str) -> str:
    """Text as quotes are compared: typographic quote marks plain, white space single."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


class SeedText:
    """A seed's text, searchable by normalised quote, answering with original offsets."""

    def __init__(self, text: str, read: Callable[[str], list[NumberMention]] = read_numbers):
        self.text = text
        self._read = read  # the number reader of the text's language (read_numbers: English)
        self.normalised = " ".join(text.split()).translate(_QUOTE_MARKS)
        # Normalising keeps every character in place except where white space is squeezed:
        # a run of 2+ characters (or any at the start). From each such place on, offsets in
        # ``text`` are ahead of those in ``normalised`` by a known shift.
        self._squeezed_at: list[int] = []
        self._shift: list[int] = []
        shift = 0
        for run in _SQUEEZED_RE.finditer(text):
            start, end = run.span()
            at = 0 if start == 0 else start - shift + 1  # where the next word starts, normalised
            shift += end - start - (start != 0)
            self._squeezed_at.append(at)
            self._shift.append(shift)

    def _original(self, at: int) -> int:
        """The offset in ``text`` of the character at ``at`` in the normalised text (not a gap)."""
        run = bisect.bisect_right(self._squeezed_at, at) - 1
        return at + (self._shift[run] if run >= 0 else 0)

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """Offsets (start, end) in the original text of every occurrence of ``quote``."""
        wanted = normalise(quote)  # starts and ends with a word's character, never a gap
        spans: list[tuple[int, int]] = []
        if not wanted:
            return spans
        at = self.normalised.find(wanted)
        while at >= 0:
            spans.append((self._original(at), self._original(at + len(wanted) - 1) + 1))
            at = self.normalised.find(wanted, at + 1)
        return spans

    def find(self, quote: str) -> tuple[int, int] | None:
        """Offsets (start, end) in the original text of the first occurrence of ``quote``."""
        spans = self.find_all(quote)
        return spans[0] if spans else None

    def line_at(self, offset: int) -> int:
        return self.text[:offset].count("\n") + 1

    @cached_property
    def numbers(self) -> list[NumberMention]:
        return self._read(self.text)

    @cached_property
    def _number_starts(self) -> list[int]:
        return [m.start for m in self.numbers]

    @cached_property
    def _number_ends(self) -> list[int]:
        return [m.end for m in self.numbers]

    def numbers_in(self, span: tuple[int, int]) -> list[NumberMention]:
        """The numbers written inside ``span``, in order (binary searches: seeds can be long;
        mentions never overlap, so their ends are in order too)."""
        first = bisect.bisect_left(self._number_starts, span[0])
        last = bisect.bisect_right(self._number_ends, span[1])
        return self.numbers[first:last]


@dataclass(frozen=True)
class VerifiedFact:
    """A fact that passed every rule, with where its quote stands in the seed."""

    fact: Fact
    start: int
    end: int
    written: str  # the value exactly as the quote writes it ("9.443 million"), or ""
    covers: tuple[int, ...] = ()  # offsets of the quote's numbers it captures (rule 4)
    shown: str = ""  # the figure for pages, as the quote writes it ("more than $35bn"), or ""

    @property
    def display_value(self) -> str:
        """The figure for people: as its quote writes it, else as the fact states it."""
        return self.shown or self.fact.display_value


def in_date_order(item: VerifiedFact) -> tuple[bool, str] | tuple[bool, str, str]:
    """Sort key: by period (undated last), then by id, so every listing of facts agrees."""
    period = item.fact.period
    return (False, period.text, item.fact.id) if period else (True, item.fact.id)


@dataclass(frozen=True)
class FactBase:
    """The verified fact base: what the site, the index and the exports are built from."""

    facts: tuple[VerifiedFact, ...]  # reviewed facts only: what readers see
    sectors: dict[str, Sector]
    speakers: dict[str, Speaker]
    sources: dict[str, Source]
    seeds: dict[str, SeedText]
    ignored: tuple[IgnoredNumber, ...]
    drafts: tuple[VerifiedFact, ...] = ()  # machine drafts that verify; never shown
    measures: dict[str, Measure] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    vocabulary: dict[str, Term] = field(default_factory=dict)
    history: History = UNKNOWN  # when each fact was added and changed; set by the build

    @cached_property
    def unit_registry(self) -> UnitRegistry:
        return UnitRegistry(self.units)

    @cached_property
    def by_measure(self) -> dict[str, list[VerifiedFact]]:
        """Each measure's reviewed facts, in date order."""
        groups: dict[str, list[VerifiedFact]] = {}
        for item in sorted(self.facts, key=in_date_order):
            if item.fact.measure is not None:
                groups.setdefault(item.fact.measure, []).append(item)
        return groups

    @cached_property
    def by_id(self) -> dict[str, VerifiedFact]:
        return {item.fact.id: item for item in self.facts}

    def _grouped(self, key: str) -> dict[str, list[VerifiedFact]]:
        groups: dict[str, list[VerifiedFact]] = {}
        for item in self.facts:
            groups.setdefault(getattr(item.fact, key), []).append(item)
        return groups

    @cached_property
    def by_sector(self) -> dict[str, list[VerifiedFact]]:
        return self._grouped("sector")

    @cached_property
    def by_seed(self) -> dict[str, list[VerifiedFact]]:
        return self._grouped("seed")

    @cached_property
    def by_speaker(self) -> dict[str, list[VerifiedFact]]:
        return self._grouped("said_by")

    @cached_property
    def sector_positions(self) -> dict[str, int]:
        """Each fact's place among its sector's facts in date order (which page shows it)."""
        return {
            item.fact.id: n
            for items in self.by_sector.values()
            for n, item in enumerate(sorted(items, key=in_date_order))
        }


@dataclass(frozen=True)
class Coverage:
    """How many numbers written in the seeds are accounted for."""

    total: int
    covered: int
    uncovered: tuple[tuple[str, int, NumberMention], ...]  # (seed slug, line, mention)

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * self.covered / self.total


def matches_value(fact: Fact, mention: NumberMention) -> bool:
    """Rule 2: the quote writes this fact's value, at the fact's scale, as a percent iff the
    fact's unit is percent."""
    return (
        mention.date is None
        and mention.scale == fact.scale
        and mention.percent == (fact.unit == PERCENT)
        and mention.value == fact.value
    )  # last: comparing Fractions is the slow part


def _unit_problem(fact: Fact, mention: NumberMention, text: str, units: UnitRegistry) -> str | None:
    """Rule 2, the unit: the quote writes one of the fact's unit's spellings with the number."""
    if fact.unit not in units:
        return None  # rule 3 names the slug to write
    written = units.written_next_to(text, mention)
    if written is None:  # no unit written with the number ("exceeded 5 million by 2022"): none contradicted
        return None
    if fact.unit in written.units:
        return None
    if not written.units:
        return (
            f"the quote writes “{written.spelling}” with “{mention.text}”, which is no unit's spelling "
            f"in facts/units.yml: add it to the spellings of {fact.unit}, or of the unit it is"
        )
    choice = written.units[0] if len(written.units) == 1 else " or ".join(written.units)
    return f"the quote writes “{written.spelling}” with “{mention.text}”, a spelling of {choice}: write unit: {choice}"


def _reading_problems(fact: Fact, mention: NumberMention, text: str, units: UnitRegistry) -> list[tuple[str, str]]:
    """Rule 2, continued: the fact reads the number's unit and hedge as the quote writes them."""
    problems = []
    if (unit := _unit_problem(fact, mention, text, units)) is not None:
        problems.append(("unit", unit))
    if fact.qualifier != mention.hedge:
        if mention.hedge is None:
            problems.append(
                (
                    "qualifier",
                    f"{fact.qualifier}, but the quote hedges nothing before “{mention.text}”: remove the qualifier",
                )
            )
        elif fact.qualifier is None:
            problems.append(
                (
                    "qualifier",
                    f"is missing: the quote says “{mention.hedge_words} "
                    f"{mention.text}”: add qualifier: {mention.hedge}",
                )
            )
        else:
            problems.append(
                (
                    "qualifier",
                    f"{fact.qualifier}, but the quote says “{mention.hedge_words} "
                    f"{mention.text}”: write qualifier: {mention.hedge}",
                )
            )
    return problems


def shown_as_written(fact: Fact, mention: NumberMention, text: str, units: UnitRegistry) -> str:
    """The figure as its quote writes it, for pages: "more than $35bn", "Rs 5 crore", "four wind farms"."""
    number = format_number(mention.value) if mention.ordinal else " ".join(mention.text.split())
    in_text = mention.percent or mention.currency or mention.unit  # the mention's text holds its unit
    after = None if in_text else units.written_next_to(text, mention)
    return " ".join(filter(None, (fact.qualifier, number, " ".join(after.spelling.split()) if after else None)))


def verify_fact(fact: Fact, seed: SeedText, units: UnitRegistry) -> tuple[VerifiedFact | None, list[Problem]]:
    """Rules 1 and 2 for one fact against its seed."""

    def problem(field: str, message: str) -> Problem:
        return Problem(fact.file, fact.line_of(field), message, fact.id, field)

    span = seed.find(fact.quote)
    if span is None:
        return None, [
            problem(
                "source.quote",
                f"the quote is not in seed '{fact.seed}': "
                f"{_excerpt(fact.quote)} (copy the passage exactly; only spaces and "
                "curly quote marks may differ)",
            )
        ]
    mentions = seed.numbers_in(span)
    problems: list[Problem] = []
    written = shown = ""
    if fact.value is not None:
        misread: list[tuple[str, str]] | None = None  # what is wrong with the first match
        for mention in mentions:
            if matches_value(fact, mention):
                reading = _reading_problems(fact, mention, seed.text, units)
                if not reading:
                    written, shown = mention.text, shown_as_written(fact, mention, seed.text, units)
                    break
                if misread is None:
                    misread = reading
        else:
            # the value written, but as a percentage where the fact's unit is not one (or the reverse)
            written_as = next(
                (
                    m
                    for m in mentions
                    if m.date is None
                    and m.scale == fact.scale
                    and m.value == fact.value
                    and m.percent != (fact.unit == PERCENT)
                ),
                None,
            )
            if misread:  # the value is written, but not as the fact reads it
                problems = [problem(name, message) for name, message in misread]
            elif written_as is not None:
                problems.append(
                    problem(
                        "unit",
                        f"the quote writes “{written_as.text}”, a percentage: write unit: {PERCENT}"
                        if written_as.percent
                        else f"the quote writes “{written_as.text}”, not a percentage: write the unit it is in",
                    )
                )
            else:
                problems.append(
                    problem(
                        "value",
                        f"{fact.display_value} is not written in the quote "
                        f"{_excerpt(fact.quote)} (numbers there: {describe(mentions)})",
                    )
                )
    for number in fact.qualifying_numbers:
        if not any(m.value == number for m in mentions):
            problems.append(
                problem(
                    "qualifying_numbers", f"{number} is not written in the quote (numbers there: {describe(mentions)})"
                )
            )
    if fact.period is not None and not any(m.year == fact.period.year for m in mentions):
        problems.append(
            problem(
                "period",
                f"the year {fact.period.year} is not written in the quote; "
                "quote the words that date the fact, or leave period out",
            )
        )
    if problems:
        return None, problems
    covers = tuple(m.start for m in mentions if _accounts_for(fact, m))
    return VerifiedFact(fact, span[0], span[1], written, covers, shown), []


def check_references(inputs: LoadedInputs) -> list[Problem]:
    """Rule 3: unique ids; every sector, seed, speaker, unit and measure a fact names exists,
    and its unit converts to its measure's; the units registry keeps its own rules."""
    units = inputs.unit_registry
    problems: list[Problem] = check_units(inputs.units)
    first_place: dict[str, str] = {}
    for fact in inputs.facts:
        here = f"{fact.file}:{fact.line}"
        if first_place.setdefault(fact.id, here) != here:
            problems.append(
                Problem(
                    fact.file,
                    fact.line_of("id"),
                    f"this id is already used at {first_place[fact.id]}; ids must be unique",
                    fact.id,
                    "id",
                )
            )
    for fact in inputs.facts:
        for name, value, known, where in (
            ("sector", fact.sector, inputs.sectors, "facts/sectors.yml"),
            ("source.seed", fact.seed, inputs.sources, "seeds/sources.yml"),
            ("said_by", fact.said_by, inputs.speakers, "facts/speakers.yml"),
            ("measure", fact.measure, inputs.measures, "facts/measures.yml"),
            ("unit", fact.unit, inputs.units, "facts/units.yml"),
        ):
            if value is not None and value not in known:
                hint = _hint(name, value, known, units)
                problems.append(
                    Problem(fact.file, fact.line_of(name), f"'{value}' is not in {where} ({hint})", fact.id, name)
                )
        measure = inputs.measures.get(fact.measure or "")
        if (
            measure
            and fact.unit
            and fact.unit in units
            and measure.unit in units
            and units.factor(fact.unit, measure.unit) is None
        ):
            problems.append(
                Problem(
                    fact.file,
                    fact.line_of("unit"),
                    f"the measure '{measure.slug}' is in {measure.unit}, and a value in {fact.unit} does not "
                    "convert to it: name a measure in this unit",
                    fact.id,
                    "unit",
                )
            )
    for measure in inputs.measures.values():
        for name, value, known, where in (
            ("unit", measure.unit, inputs.units, "facts/units.yml"),
            ("sector", measure.sector, inputs.sectors, "facts/sectors.yml"),
        ):
            if value not in known:
                hint = _hint(name, value, known, units)
                problems.append(
                    Problem(
                        measure.file, measure.line_of(name), f"'{value}' is not in {where} ({hint})", measure.slug, name
                    )
                )
    return problems + check_vocabulary(inputs)


def check_vocabulary(inputs: LoadedInputs) -> list[Problem]:
    """Each part a measure names is in facts/vocabulary.yml as that part; a spelling names one
    entry; and two reviewed measures of one unit never have the same parts (one quantity, one
    measure). A measure without a subject has no parts: no text is ever read as one of its
    numbers. A project without a vocabulary has measures without parts."""
    vocabulary = inputs.vocabulary
    if not vocabulary:
        return []
    problems: list[Problem] = []

    slugs_of: dict[str, list[str]] = {}  # a part -> its entries' slugs, sorted
    for slug in sorted(vocabulary):
        slugs_of.setdefault(vocabulary[slug].part, []).append(slug)

    def known(part: str) -> list[str]:
        return slugs_of.get(part, [])

    spelled: dict[str, str] = {}
    for term in vocabulary.values():
        for spelling in term.spellings:
            other = spelled.setdefault(spelling.lower(), term.slug)
            if other != term.slug:
                problems.append(
                    Problem(
                        term.file,
                        term.line_of("spellings"),
                        f"'{spelling}' already spells '{other}': a spelling names one entry",
                        term.slug,
                        "spellings",
                    )
                )
        for part, slug in term.implies.items():
            if part != "statistic" and slug not in known("subject" if part == "whole" else part):
                problems.append(
                    Problem(
                        term.file,
                        term.line_of("implies"),
                        f"'{slug}' is not a {part} of the vocabulary",
                        term.slug,
                        "implies",
                    )
                )
        for slug in term.narrows:
            if slug not in known(term.part):
                problems.append(
                    Problem(
                        term.file,
                        term.line_of("narrows"),
                        f"'{slug}' is not a {term.part} of the vocabulary",
                        term.slug,
                        "narrows",
                    )
                )
    places = {term.label: slug for slug, term in vocabulary.items() if term.part == "place"}
    seen: dict[tuple[object, ...], Measure] = {}
    for measure in inputs.measures.values():
        named = (
            ("subject", measure.subject, "subject"),
            ("property", measure.property, "property"),
            ("whole", measure.whole, "subject"),
            ("constraint", measure.constraint, "constraint"),
        )
        for name, value, part in named:
            if value is not None and value not in known(part):
                problems.append(
                    Problem(
                        measure.file,
                        measure.line_of(name),
                        f"'{value}' is not a {part} in facts/vocabulary.yml ({_closest(value, known(part), part)})",
                        measure.slug,
                        name,
                    )
                )
        if measure.place not in places:
            problems.append(
                Problem(
                    measure.file,
                    measure.line_of("place"),
                    f"'{measure.place}' is not a place in facts/vocabulary.yml "
                    f"({_closest(measure.place, sorted(places), 'place')})",
                    measure.slug,
                    "place",
                )
            )
        if measure.draft or measure.subject is None:  # a measure without parts is matched by nothing
            continue
        unit = inputs.units.get(measure.unit)
        key = (*measure.parts().values(), unit.dimension if unit and unit.dimension else measure.unit)
        if key in seen:
            problems.append(
                Problem(
                    measure.file,
                    measure.line,
                    f"has the same parts and unit as '{seen[key].slug}': one quantity is one measure "
                    "(merge them, or give one a part that tells them apart)",
                    measure.slug,
                    "slug",
                )
            )
        seen.setdefault(key, measure)
    return problems


def _closest(value: str, known: list[str], part: str) -> str:
    close = difflib.get_close_matches(value, known, n=3, cutoff=0.5)
    return f"did you mean {' or '.join(close)}?" if close else f"add it there as a {part}, with its spellings"


def _hint(name: str, value: str, known: Mapping[str, object], units: UnitRegistry) -> str:
    """What to write instead of an unknown slug: for a unit, the one its spelling names; for a
    measure, the closest slugs (there are many); else every known slug."""
    if name == "unit":
        return units.suggestion(value)
    if name == "measure":
        close = difflib.get_close_matches(value, list(known), n=3, cutoff=0.5)
        return f"did you mean {' or '.join(close)}?" if close else "add it there, or name one listed there"
    return f"known: {', '.join(sorted(known)) or 'none'}"


def _excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1]}…”"


def _ignored_spans(
    inputs: LoadedInputs, seeds: dict[str, SeedText], problems: list[Problem]
) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {slug: [] for slug in seeds}
    for item in inputs.ignored:
        seed = seeds.get(item.seed)
        if seed is None:
            problems.append(
                Problem(
                    item.file,
                    item.lines["seed"],
                    f"'{item.seed}' is not in seeds/sources.yml",
                    field="seed",
                )
            )
            continue
        found = seed.find_all(item.quote)
        if not found:
            problems.append(
                Problem(
                    item.file,
                    item.lines["quote"],
                    f"{_excerpt(item.quote)} is not in seed '{item.seed}'",
                    field="quote",
                )
            )
        elif not seed.numbers_in(found[0]):
            problems.append(
                Problem(
                    item.file,
                    item.lines["quote"],
                    "this passage holds no number; remove the entry",
                    field="quote",
                )
            )
        spans[item.seed] += found
    for slug, seed in seeds.items():  # a source whose text could not be read is reported already
        source = inputs.sources[slug]
        for evidence in source.evidence:
            found = seed.find_all(evidence)
            if not found:
                problems.append(
                    Problem(
                        source.file,
                        source.lines["evidence"],
                        f"{_excerpt(evidence)} is not in seeds/{source.file_name}",
                        slug,
                        "evidence",
                    )
                )
            spans[slug] += found
    return spans


def _accounts_for(fact: Fact, mention: NumberMention) -> bool:
    """Whether a fact quoting ``mention`` captures it: as its value, its year or a qualifier."""
    return (
        (fact.value is not None and matches_value(fact, mention))
        or (fact.period is not None and mention.year == fact.period.year)
        or mention.value in fact.qualifying_numbers
    )


def measure_coverage(
    facts: tuple[VerifiedFact, ...], seeds: dict[str, SeedText], excused: dict[str, list[tuple[int, int]]]
) -> Coverage:
    """Rule 4: which numbers of the seeds no fact, metadata or ignore entry accounts for."""
    accounted = {(item.fact.seed, offset) for item in facts for offset in item.covers}  # (seed, offset)
    for slug, spans in excused.items():
        for span in spans:
            accounted.update((slug, mention.start) for mention in seeds[slug].numbers_in(span))
    total, uncovered = 0, []
    for slug, seed in sorted(seeds.items()):
        total += len(seed.numbers)
        uncovered += [(slug, seed.line_at(m.start), m) for m in seed.numbers if (slug, m.start) not in accounted]
    return Coverage(total=total, covered=total - len(uncovered), uncovered=tuple(uncovered))


def verify(inputs: LoadedInputs, problems: list[Problem]) -> tuple[FactBase, Coverage]:
    """Apply every rule; add what fails to ``problems`` and return what passed."""
    seeds = {slug: SeedText(text) for slug, text in inputs.seed_texts.items()}
    units = inputs.unit_registry
    problems += check_references(inputs)
    verified: list[VerifiedFact] = []
    reported: dict[str, list[tuple[int, int]]] = {slug: [] for slug in seeds}
    for fact in inputs.facts:
        if fact.seed in seeds:
            item, found = verify_fact(fact, seeds[fact.seed], units)
            problems += found
            if item:
                verified.append(item)
            elif span := seeds[fact.seed].find(fact.quote):
                reported[fact.seed].append(span)  # its numbers already have an error above
    excused = _ignored_spans(inputs, seeds, problems)
    coverage = measure_coverage(tuple(verified), seeds, excused)
    for slug, line, mention in coverage.uncovered:
        if any(s <= mention.start and mention.end <= e for s, e in reported[slug]):
            continue
        source = inputs.sources[slug]
        problems.append(
            Problem(
                f"seeds/{source.file_name}",
                line,
                f"the number “{mention.text}” is not captured by any fact; add a fact "
                "quoting it, or list it in facts/ignored-numbers.yml with a reason",
            )
        )
    problems += _drafts_to_review(inputs)
    base = FactBase(
        facts=tuple(item for item in verified if not item.fact.draft),
        sectors=inputs.sectors,
        speakers=inputs.speakers,
        sources=inputs.sources,
        seeds=seeds,
        ignored=inputs.ignored,
        drafts=tuple(item for item in verified if item.fact.draft),
        measures=inputs.measures,
        units=inputs.units,
        vocabulary=inputs.vocabulary,
    )
    return base, coverage


def _drafts_to_review(inputs: LoadedInputs) -> list[Problem]:
    """Rule 5: drafts never reach readers; one problem per file that still holds any."""
    facts: dict[str, list[Fact]] = {}
    for fact in inputs.facts:
        if fact.draft:
            facts.setdefault(fact.file, []).append(fact)
    ignored: dict[str, list[IgnoredNumber]] = {}
    for item in inputs.ignored:
        if item.draft:
            ignored.setdefault(item.file, []).append(item)
    problems = [
        Problem(
            file,
            drafts[0].line,
            f"{len(drafts)} draft{'s' if len(drafts) > 1 else ''} to "
            f"review (ids {', '.join(d.id for d in drafts)}): check each against its quote, "
            "edit the claim, then delete its draft: true line",
        )
        for file, drafts in facts.items()
    ]
    measures: dict[str, list[Measure]] = {}
    for measure in inputs.measures.values():
        if measure.draft:
            measures.setdefault(measure.file, []).append(measure)
    problems += [
        Problem(
            file,
            drafted[0].line,
            f"{len(drafted)} drafted measure{'s' if len(drafted) > 1 else ''} to review "
            f"({', '.join(m.slug for m in drafted)}): check each and write its definition, then delete "
            "its draft: true line",
        )
        for file, drafted in measures.items()
    ]
    problems += [
        Problem(
            file,
            entries[0].line,
            f"{len(entries)} drafted ignore entr"
            f"{'ies' if len(entries) > 1 else 'y'} to review (lines "
            f"{', '.join(str(e.line) for e in entries)}): check that each passage holds no "
            "figure and that its reason is right, then delete its draft: true line",
        )
        for file, entries in ignored.items()
    ]
    return problems


def build_fact_base(paths: ProjectPaths, timings: dict[str, float] | None = None) -> tuple[FactBase, Coverage]:
    """Load and verify a project; raise FactsInvalid listing every problem, if any.

    ``timings``, when given, receives the seconds spent loading and verifying.
    """
    started = time.perf_counter()
    inputs, problems = load_inputs(paths)
    loaded = time.perf_counter()
    base, coverage = verify(inputs, problems)
    if timings is not None:
        timings.update(load_s=loaded - started, verify_s=time.perf_counter() - loaded)
    if problems:
        raise FactsInvalid(problems)
    return base, coverage
