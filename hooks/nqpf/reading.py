"""Reading a text: its sentences and paragraphs, the dates it writes, and for each number the
parts of the quantity its words state, each with the words that state them. One reader below
both the drafter and the text checker (and written out as data for the browser's engine).

A number's parts (Data Commons' statistical variables: a quantity is its parts):
- ``subject``: what is counted (new energy vehicles, R&D, GDP);
- ``property``: what of it (production, sales, exports; none for the subject itself);
- ``statistic``: the level, a change (in percent, in points, as an amount, month on month), a
  share of a ``whole``, an average annual change, a ratio;
- ``constraint``: a narrower kind (basic research only, a target);
- ``place``: the places its clause names (a company's figure is not its country's);
- ``period kind``: a year, a month, a quarter, the year to date, a span of years, a total to date.
Each is read from the number's clause first; the sentence before it, the paragraph and the
headline fill a subject or a place the clause leaves unstated, and never overrule one it states.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Period, Term, read_period
from .numbers import NumberMention
from .reading_rules import (
    _FISCAL_PAIR,
    _FISCAL_YEAR,
    _INITIAL,
    _LINE,
    _NAME_HEADS,
    _NEXT_WORD,
    _PHONE_CUE,
    _PHONE_RE,
    _POSSESSIVE,
    _POSSESSIVES,
    _SCALE_ORDINALS,
    _SPAN_OF_YEARS_END,
    _TIME_RE,
    _WORD_AT_STOP,
    _WORD_RE,
    BLANK_LINE,
    ENGLISH,
    ReadingRules,
)

PARTS = ("subject", "property", "statistic", "whole", "constraint", "place", "period kind")
COMPANY = "company"  # the place of a figure a company's words state: no measure of the base is one's


@dataclass(frozen=True)
class DateExpression:
    """A date written in words in a sentence: its span, and the period it states (if a year)."""

    start: int
    end: int
    period: Period | None
    label: str


def sentences(text: str, rules: ReadingRules = ENGLISH) -> list[tuple[int, int]]:
    """(start, end) of every sentence of ``text``. A line break ends a sentence unless it only
    wraps one: the line before it has no closing stop and is not a headline."""
    spans: list[tuple[int, int]] = []
    for paragraph in paragraphs(text, rules):
        start = paragraph[0]
        for stop in rules.sentence_end.finditer(text, *paragraph):
            word = _WORD_AT_STOP.search(text[start : stop.start() + 1])
            before = word.group(1) if word else ""
            if before.rstrip(".") in rules.abbreviations or _INITIAL.fullmatch(before):
                continue  # "Sept. 29", "U.S. dollars", "Tanvir A. Bhatti"
            spans.append((start, stop.end()))
            start = stop.end()
        spans.append((start, paragraph[1]))
    stripped = []
    for start, end in spans:
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            stripped.append((start + lead, start + len(chunk.rstrip())))
    return stripped


def paragraphs(text: str, rules: ReadingRules = ENGLISH) -> list[tuple[int, int]]:
    """Runs of lines that belong together: a line continues the one before when that line is
    wrapped (no closing stop, not a headline) and no blank line parts them."""
    runs: list[list[int]] = []
    for line in _LINE.finditer(text):
        if not line.group(0).strip():
            continue
        if runs and text.count("\n", runs[-1][1], line.start()) < 2 and _wraps(text[runs[-1][0] : runs[-1][1]], rules):
            runs[-1][1] = line.end()
        else:
            runs.append([line.start(), line.end()])
    return [(start, end) for start, end in runs]


def _wraps(line: str, rules: ReadingRules) -> bool:
    """Whether a line ends mid-sentence, so that the next line continues it."""
    last = line.rstrip().splitlines()[-1] if line.strip() else ""
    if not rules.lines_wrap or not last or last[-1] in rules.line_stops:
        return False
    words = [w for w in rules.headline_word.findall(last) if w.lower() not in rules.stop_words]
    capitalised = sum(w[0].isupper() for w in words)
    return not (words and capitalised >= 0.6 * len(words))  # a headline stands alone


def date_expressions(text: str, start: int, end: int, rules: ReadingRules = ENGLISH) -> list[DateExpression]:
    """The dates written in words between ``start`` and ``end``, with the period each states."""
    found = []
    for match in rules.date.finditer(text, start, end):
        groups = match.groupdict()  # a language writes its dates in some of these ways
        month = _month(groups.get("month") or groups["month2"], rules)  # every language's dates name a month
        day = groups.get("day") or groups.get("day2")
        year = groups.get("year") or groups.get("year2") or groups.get("year3")
        period = None
        if year and 1800 <= int(year) <= 2199:
            written = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
            try:
                period = read_period(written)  # the model's own reading: a drafted period loads
            except ValueError:
                period = None
        found.append(DateExpression(match.start(), match.end(), period, match.group(0).strip(" ,")))
    return found


def _month(written: str, rules: ReadingRules) -> int:
    """A month as written: its name, or its number (11月)."""
    return rules.months[written] if written in rules.months else int(written)


# ---- what each number of a sentence is: a year, part of a date, no figure, or a figure


def plain_number(mention: NumberMention) -> bool:
    return not (mention.scale or mention.percent or mention.currency or mention.unit)


def is_year(text: str, mention: NumberMention, rules: ReadingRules = ENGLISH) -> bool:
    """A year written as such ("in 2023", "2023-24", "FY2019"), not a count of 2,000 things."""
    if mention.year is None:
        return False
    if mention.date or (_FISCAL_YEAR.fullmatch(mention.text) and not mention.text.isdigit()):
        return True  # a date, or a fiscal year
    if len(mention.text) != 4:
        return False
    after = text[mention.end : mention.end + 20]
    if _SPAN_OF_YEARS_END.search(text[max(0, mention.start - 5) : mention.start]):
        return True  # the end of a span of years: "2021-2024"
    following = rules.following_word.match(after)
    preceding = rules.preceding_word.search(text[max(0, mention.start - 20) : mention.start])
    if preceding and preceding.group(1).lower() in rules.before_a_year:
        return True
    return following is None or following.group(1) in rules.after_a_year


def single_year(text: str, mentions: list[NumberMention], rules: ReadingRules = ENGLISH) -> Period | None:
    """The one year a sentence states (as a year, not a count), if it states exactly one."""
    years = {m.year for m in mentions if is_year(text, m, rules)}
    return Period(str(years.pop())) if len(years) == 1 else None


def ignore_reason(
    text: str, mention: NumberMention, sentence: tuple[int, int], rules: ReadingRules = ENGLISH
) -> tuple[str, str] | None:
    """(passage, reason) when ``mention`` is not a figure; None when it may be one."""
    start, end = mention.start, mention.end
    before, after = text[max(sentence[0], start - 40) : start], text[end : min(sentence[1], end + 40)]
    words_before = _WORD_RE.findall(before)
    time = _TIME_RE.search(text, max(0, start - 3), min(len(text), end + 10))
    if time and time.start() <= start and end <= time.end():
        return time.group(0), "A time of day, not a figure."
    phone = _PHONE_RE.search(text, max(0, start - 12), min(len(text), end + 12))
    if (phone and phone.start() <= start and end <= phone.end()) or _PHONE_CUE.search(before):
        return (phone.group(0) if phone else passage(text, start, end, 1, 0)), "A telephone number."
    if mention.text.lower() == "one" and rules.one_of.match(after):
        return passage(text, start, end, 0, 3), '"One of", not a figure.'
    if not mention.scale and not mention.percent and rules.parties_after.match(after):
        return passage(text, start, end, 1, 1), "Counts the parties (the two countries), not a figure."
    next_word = _NEXT_WORD.match(after)
    if mention.ordinal or rules.ordinal_after.match(text, end):
        return passage(text, start, end, 1, 2), "An ordinal, not a figure."
    if rules.fiscal_before.search(before) and plain_number(mention):
        return passage(text, start, end, 2, 0), "The name of a fiscal year, not a figure."
    if plain_number(mention) and rules.ago_after.match(after):
        return passage(text, start, end, 0, 2), "A duration that only dates something, not a figure."
    if next_word and next_word.group(1).lower().endswith(_SCALE_ORDINALS):
        return passage(text, start, end, 0, 1), "An ordinal, not a figure."
    plain = plain_number(mention)
    if plain and rules.known_names.match(text, start):
        return passage(text, start, end, 0, 1), "Part of a name, not a figure."
    at_sentence_start = start == sentence[0] or not text[sentence[0] : start].strip(" “\"‘'(")
    if plain and mention.text[:1].isupper() and not at_sentence_start:
        return name_around(text, start, end, sentence[0]), "Part of a name, not a figure."
    if (
        plain
        and words_before
        and (words_before[-1] in _NAME_HEADS or before.endswith("-"))
        and (before.endswith((" ", "-")) and words_before[-1][:1].isupper())
    ):
        return name_around(text, start, end, sentence[0]), "Part of a name, not a figure."
    return None


def defines_a_figure(text: str, mention: NumberMention, rules: ReadingRules = ENGLISH) -> bool:
    """ "first eight months", "under 30 years of age", "five-minute": a number that says which
    figure, not how much."""
    before = text[max(0, mention.start - 25) : mention.start]
    after = text[mention.end : mention.end + 20]
    if not plain_number(mention):
        return False
    return bool(rules.span_after.match(after) and (rules.defining_before.search(before) or after.startswith("-")))


def name_around(text: str, start: int, end: int, sentence_start: int) -> str:
    """The capitalised words around a number in a name: "CPEC Phase One", "Five Corridors"
    (a sentence's first word is capitalised anyway: it joins only as an acronym or "Phase")."""
    left = start
    while found := re.search(r"[A-Z][\w’'.-]*[ -]\Z", text[max(sentence_start, left - 30) : left]):
        word = found.group(0).strip(" -")
        if left - len(found.group(0)) == sentence_start and not (word.isupper() or word in _NAME_HEADS):
            break
        left -= len(found.group(0))
    right = end
    while found := re.match(r"[ -][A-Z0-9][\w’'-]*", text[right : right + 30]):
        right += len(found.group(0))
    name = " ".join(text[left:right].split())
    return name if len(name) <= 80 else " ".join(text[start:end].split())


def passage(text: str, start: int, end: int, words_before: int, words_after: int) -> str:
    """A short verbatim passage around a number, for an ignore entry (at most 80 characters)."""
    left = start
    for _ in range(words_before):
        found = re.search(r"[\w’'.-]+\s+\Z", text[max(0, left - 30) : left])
        if not found:
            break
        left -= len(found.group(0))
    right = end
    for _ in range(words_after):
        found = re.match(r"\s+[\w’'-]+", text[right : right + 30])
        if not found:
            break
        right += len(found.group(0))
    passage = " ".join(text[left:right].split())
    return passage if len(passage) <= 80 else " ".join(text[start:end].split())


def written_unit_words(text: str, mention: NumberMention, rules: ReadingRules = ENGLISH) -> str:
    """The words written as a number's unit when the registry knows none: "tonnes of cargo"."""
    if mention.percent:
        return "%"
    if mention.currency_units:
        return mention.currency_units[0]
    if mention.unit:
        return mention.unit
    after = text[mention.end : mention.end + 80]
    words: list[str] = []
    for written in rules.unit_word.findall(rules.unit_words_end.split(after, maxsplit=1)[0]):
        word = written.strip("-’'")
        word = word if word.count(".") > 1 else word.rstrip(".")  # "U.S." keeps its stops
        if not word or word[0].isdigit():
            break
        if words == ["of"] and word.lower() in _POSSESSIVES:
            continue  # "2/3 of our GDP" counts GDP
        if words and (word.lower() in rules.stop_words or word.lower() in rules.verbs or word.endswith("ing")):
            break
        if not words and word.lower() in rules.stop_words - {"of"}:
            break
        words.append(word)
        if len(words) == 3:
            break
    if words and words[0].lower() == "of":
        words = words[:2]
    unit = " ".join(words)
    return unit if unit and unit.lower() != "of" and len(unit) <= 40 else "units"


@dataclass(frozen=True)
class SentenceNumbers:
    """What each number of one sentence is: the years that date it (and its period, when it
    states exactly one), the days of its dates, the numbers that are no figure (with the passage
    and reason an ignore entry gives), those that only say which figure ("the first eight
    months"), and so the figures."""

    mentions: tuple[NumberMention, ...]
    dates: tuple[DateExpression, ...]
    date_of: dict[int, DateExpression]  # a number's start -> the date written in words it is part of
    years: tuple[NumberMention, ...]
    days: tuple[tuple[NumberMention, DateExpression], ...]
    datings: tuple[Period, ...]  # the periods its years and dates state ("from 2023" states none)
    compared: tuple[NumberMention, ...]  # years a change is compared with: "up 0.1 points from 2023"
    period: Period | None
    ignored: dict[int, tuple[str, str]]  # a number's start -> (passage, reason): no figure
    defining: frozenset[int]  # starts of the numbers that say which figure, not how much

    def figures(self, among: set[int] | None = None) -> tuple[list[NumberMention], list[NumberMention]]:
        """(figures, numbers that define them) among the numbers starting at ``among`` (all: None);
        numbers with nothing to define are the figures."""
        figures: list[NumberMention] = []
        defining: list[NumberMention] = []
        for mention in self.mentions:
            if among is not None and mention.start not in among:
                continue
            if mention in self.years or mention.start in self.date_of or mention.start in self.ignored:
                continue
            (defining if mention.start in self.defining else figures).append(mention)
        return (defining, []) if not figures else (figures, defining)


def read_sentence(
    text: str, sentence: tuple[int, int], mentions: list[NumberMention], rules: ReadingRules = ENGLISH
) -> SentenceNumbers:
    """What each number of ``sentence`` is (``mentions``: the numbers written in it)."""
    dates = date_expressions(text, *sentence, rules)
    date_of = {m.start: d for m in mentions for d in dates if d.start <= m.start and m.end <= d.end}
    years: list[NumberMention] = []
    days: list[tuple[NumberMention, DateExpression]] = []
    datings: list[Period] = []
    compared: list[NumberMention] = []
    for m in mentions:
        date = date_of.get(m.start)
        if date is None and is_year(text, m, rules):
            years.append(m)
            base_before = rules.compared_before.search(text, max(sentence[0], m.start - 20), m.start)
            if base_before or rules.compared_after.match(text, m.end):
                compared.append(m)  # "up 0.1 points from 2023": the base of a change, not its period
            else:
                datings.append(Period(m.date) if m.date else Period(str(m.year)))
        elif date is not None and date.period and m.value == date.period.year:
            years.append(m)
            datings.append(date.period)
        elif date is not None:
            days.append((m, date))
    distinct = {period.year for period in datings}
    period = max(datings, key=lambda p: len(p.text)) if len(distinct) == 1 else None
    ignored: dict[int, tuple[str, str]] = {}
    defining: set[int] = set()
    for mention in mentions:
        if mention in years or mention.start in date_of:
            continue
        reason = ignore_reason(text, mention, sentence, rules)
        if reason:
            ignored[mention.start] = reason
        elif defines_a_figure(text, mention, rules):
            defining.add(mention.start)
    return SentenceNumbers(
        tuple(mentions),
        tuple(dates),
        date_of,
        tuple(years),
        tuple(days),
        tuple(datings),
        tuple(compared),
        period,
        ignored,
        frozenset(defining),
    )


# ---- the parts of a number's quantity


@dataclass(frozen=True)
class Found:
    """One spelling of the vocabulary written in a text."""

    slug: str
    part: str
    start: int
    end: int
    words: str


@dataclass(frozen=True)
class Stated:
    """One part of a number's quantity and the words of the text that state it."""

    part: str  # one of PARTS
    value: str  # a slug of the vocabulary, a statistic, a period kind, or "company"
    words: str  # as written ("" when nothing is written: a level, unstated)
    start: int = -1  # where the words are in the text (-1: nowhere)
    end: int = -1
    how: str = ""  # "", "2nd of “production and sales” … respectively", "from the sentence before"

    def as_json(self) -> dict[str, object]:
        return {"part": self.part, "value": self.value, "words": self.words, "start": self.start, "how": self.how}


@dataclass(frozen=True)
class NumberReading:
    """What a number's words say it measures: each part, with the words that state it."""

    stated: tuple[Stated, ...]
    places: tuple[Stated, ...] = ()  # every place its clause (or what fills it) names

    @property
    def place_slugs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(place.value for place in self.places))

    def part(self, name: str) -> str | None:
        return next((s.value for s in self.stated if s.part == name), None)

    def parts(self) -> dict[str, str | None]:
        return {name: self.part(name) for name in PARTS}


def _spelled(spelling: str) -> str:
    """A spelling as a pattern: any run of spaces for a space, either apostrophe for one."""
    return r"\s+".join(re.sub("['’]", "['’]", re.escape(word)) for word in spelling.split())


_CAPITALS = re.compile(r"[A-Z][A-Z&.]*[A-Z.]")  # "GDP", "US", "U.S.", "R&D": spelled in capitals only


def place_of_label(terms: Mapping[str, Term]) -> dict[str, str]:
    """The slug of each place by its label: a measure names its place by the label ("China")."""
    return {term.label: slug for slug, term in terms.items() if term.part == "place"}


class Vocabulary:
    """The vocabulary's spellings, found in a text in one pass (the longest spelling first)."""

    def __init__(self, terms: Mapping[str, Term], *, spaced: bool = True):
        self.terms = dict(terms)
        self.spellings: dict[str, tuple[str, str | None]] = {}  # lower-case spelling -> (slug, exact case)
        for term in terms.values():
            for spelling in term.spellings:
                self.spellings[spelling.lower()] = (term.slug, spelling if _CAPITALS.fullmatch(spelling) else None)
        ordered = sorted(self.spellings, key=lambda s: (-len(s), s))
        either = "|".join(_spelled(s) for s in ordered)
        if not ordered:
            self.pattern = re.compile(r"(?!)")
        elif spaced:
            self.pattern = re.compile(rf"(?i)(?<![\w&-])(?:{either})(?:['’]s)?(?![\w&-])")
        else:  # words run on (Chinese): a spelling is found wherever it is written, the longest first
            self.pattern = re.compile(rf"(?i)(?:{either})")
        self.place_of_label = place_of_label(terms)

    def found(self, text: str) -> list[Found]:
        """Every spelling the text writes, in order."""
        found = []
        for match in self.pattern.finditer(text):
            written = match.group(0)
            core = _POSSESSIVE.sub("", written)
            key = " ".join(core.split()).lower().replace("’", "'")
            entry = self.spellings.get(key) or self.spellings.get(" ".join(written.split()).lower().replace("’", "'"))
            if entry is None:
                continue
            slug, exact = entry
            if exact is not None and " ".join(core.split()) != exact and " ".join(written.split()) != exact:
                continue  # "us" is not the United States
            found.append(Found(slug, self.terms[slug].part, match.start(), match.end(), written))
        return found


@dataclass(frozen=True)
class Figure:
    """A number of a sentence that states a figure, as the reader is given it."""

    start: int
    end: int
    unit_kind: str | None  # the kind of its unit in facts/units.yml: percent, currency, count...


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


class TextReader:
    """Reads the parts of every figure of one text: the vocabulary's spellings are found once."""

    def __init__(
        self,
        text: str,
        vocabulary: Vocabulary,
        *,
        default_place: str | None = None,
        dated: int | None = None,
        rules: ReadingRules = ENGLISH,
    ):
        self.text = text
        self.vocabulary = vocabulary
        self.rules = rules
        self.found = vocabulary.found(text)
        self.paragraphs = paragraphs(text, rules)
        self.sentences = sentences(text, rules)
        first = next((line for line in _LINE.finditer(text) if line.group(0).strip()), None)
        # a headline fills what a paragraph leaves unstated: a first line that ends as a sentence
        # ends and runs straight on to the next line is only the text's first sentence
        headline = first is not None and (
            not rules.sentence_stop_at_end.search(first.group(0)) or BLANK_LINE.match(text, first.end()) is not None
        )
        self.headline = (first.start(), first.end()) if first is not None and headline else (0, 0)
        self.default_place = default_place
        self.dated = dated
        self.readings: dict[int, NumberReading] = {}  # a figure's start -> its reading

    # ---- where

    def _in(self, start: int, end: int, part: str | None = None) -> list[Found]:
        return [f for f in self.found if start <= f.start and f.end <= end and (part is None or f.part == part)]

    def clause(self, sentence: tuple[int, int], figure: Figure, previous: Figure | None) -> tuple[int, int]:
        """The clause of the sentence around a figure: after the last break before it (and after
        the figure before it), up to the first break after it."""
        start = sentence[0]
        for found in self.rules.clause_break.finditer(self.text, sentence[0], figure.start):
            start = found.end()
        if previous is not None and previous.end > start:
            start = previous.end
        end_at = self.rules.clause_end.search(self.text, figure.end, sentence[1])
        return start, end_at.start() if end_at else sentence[1]

    # ---- the parts

    def read(
        self, sentence: tuple[int, int], figures: Sequence[Figure], index: int, period: Period | None
    ) -> NumberReading:
        """The parts of ``figures[index]``, a figure of ``sentence`` (its figures in order)."""
        figure = figures[index]
        previous = figures[index - 1] if index else None
        clause = self.clause(sentence, figure, previous)
        text, rules = self.text, self.rules
        stated: dict[str, Stated] = {}
        listed = self._respectively(sentence, figures, index)
        for item in listed:
            stated[item.part] = item
        # the whole of a share, and the words after a number that are another figure's
        whole, whole_span, whole_places = self._whole(figure, clause)
        attached = self._attached(figures, index, clause)
        words = [f for f in self._in(*clause) if not (whole_span[0] <= f.start < whole_span[1]) and f not in attached]
        # what a number counts is written near it: not after the next figure ("four wind farms, one
        # hydropower plant"), nor just after the figure before it (that figure's own noun)
        following = figures[index + 1].start if index + 1 < len(figures) else clause[1]
        nouns = [
            f
            for f in words
            if f.start < following
            and not (previous is not None and rules.own_noun.fullmatch(text, previous.end, f.start))
        ]
        for part in ("subject", "property", "constraint"):
            if part not in stated:
                chosen = self._choose([f for f in (words if part == "property" else nouns) if f.part == part], figure)
                if chosen is not None:
                    if (
                        part == "constraint"
                        and chosen.slug == "target"
                        and chosen.start >= figure.end
                        and rules.target_met.search(text, clause[0], chosen.start)
                    ):
                        continue  # "5.2% met our target": an outcome (but "beat the target of 5%" is the target)
                    stated[part] = Stated(part, chosen.slug, chosen.words, chosen.start, chosen.end)
        if "constraint" not in stated:
            by_year = rules.by_year.search(text, clause[0], clause[1])
            if by_year and (self.dated is None or int(by_year.group(1)) >= self.dated):
                stated["constraint"] = Stated("constraint", "target", by_year.group(0), by_year.start(), by_year.end())
        if whole is not None:
            before = self.readings.get(previous.start) if previous is not None else None
            if "subject" not in stated and (before is None or before.part("subject") is None):
                # "60% of our population": nothing else names what it counts, so the whole does
                stated["subject"] = Stated("subject", whole.slug, whole.words, whole.start, whole.end)
            else:
                stated["whole"] = Stated("whole", whole.slug, whole.words, whole.start, whole.end)
        self._implied(stated)
        written_subjects = any(f.part == "subject" for f in nouns)  # two or more: unsure, not unstated
        continues = previous is not None and rules.list_glue.fullmatch(text, clause[0], figure.start) is not None
        # a property written elsewhere in the sentence, when the clause writes none, may be the
        # number's ("Retail sales, a key measure of spending, grew by 3.5 percent"): then no subject
        # is taken from beyond the sentence (the headline's "GDP growth" is not the sales')
        unsure = (
            "property" not in stated
            and not any(f.part == "property" for f in words)
            and any(not clause[0] <= f.start < clause[1] for f in self._in(*sentence, "property"))
        )
        filled = self._fill(
            sentence,
            clause,
            previous,
            stated,
            fill_subject=not written_subjects,
            continues=continues,
            within_sentence=unsure,
        )
        if "whole" in stated and "subject" in stated and stated["whole"].value == stated["subject"].value:
            del stated["whole"]  # "240 million people, and 60% of our population": a share of the subject itself
        statistic = self._statistic(figure, clause, words, whole is not None, stated)
        stated["statistic"] = statistic
        self._implied(stated)
        places = self._places(clause, whole_places, figure)
        if not places:
            places = filled
        if places:
            stated["place"] = places[0]
        kind = self._period_kind(sentence, clause, period)
        if kind is not None:
            stated["period kind"] = kind
        order = {name: n for n, name in enumerate(PARTS)}
        reading = NumberReading(tuple(sorted(stated.values(), key=lambda s: order[s.part])), tuple(places))
        self.readings[figure.start] = reading
        return reading

    def _choose(self, found: list[Found], figure: Figure) -> Found | None:
        """The one entry of a part the clause writes: those another outranks left out; of several,
        the only one before the number; else none (unsure)."""
        narrowed = {n for f in found for n in self.vocabulary.terms[f.slug].narrows}
        kept = [f for f in found if f.slug not in narrowed]
        before = [f for f in kept if f.end <= figure.start]
        if len({f.slug for f in kept}) == 1:
            return before[-1] if before else kept[0]
        if before and len({f.slug for f in before}) == 1:
            return before[-1]
        return None

    def _respectively(self, sentence: tuple[int, int], figures: Sequence[Figure], index: int) -> list[Stated]:
        """ "production and sales ... reached A and B, respectively": the n-th number of a run
        takes the n-th entry of the list before it."""
        text, rules = self.text, self.rules
        if not rules.respectively.search(text, sentence[0], sentence[1]):
            return []
        run = [index]
        while run[0] > 0 and rules.list_gap.fullmatch(text, figures[run[0] - 1].end, figures[run[0]].start):
            run.insert(0, run[0] - 1)
        while run[-1] + 1 < len(figures) and rules.list_gap.fullmatch(
            text, figures[run[-1]].end, figures[run[-1] + 1].start
        ):
            run.append(run[-1] + 1)
        if len(run) < 2:
            return []
        lists: list[list[Found]] = []
        for found in self._in(sentence[0], figures[run[0]].start):
            if found.part not in ("subject", "property", "constraint"):
                continue
            last = lists[-1][-1] if lists else None
            if last is not None and last.part == found.part and rules.item_gap.fullmatch(text, last.end, found.start):
                lists[-1].append(found)
            else:
                lists.append([found])
        fitting = [items for items in lists if len(items) == len(run) and len({f.slug for f in items}) == len(run)]
        if not fitting:
            return []
        items = fitting[-1]
        at = run.index(index)
        item = items[at]
        listed = " ".join(text[items[0].start : items[-1].end].split())
        how = f"{_ordinal(at + 1)} of “{listed}” … respectively"
        return [Stated(item.part, item.slug, item.words, item.start, item.end, how)]

    def _whole(self, figure: Figure, clause: tuple[int, int]) -> tuple[Found | None, tuple[int, int], list[Found]]:
        """What a share is of, written just after it: "of total new vehicle sales", "of our GDP"."""
        if figure.unit_kind not in ("percent", "share"):
            return None, (0, 0), []
        lead = self.rules.whole_before.match(self.text[figure.end : clause[1]])
        if lead is None:
            return self._whole_written_before(figure, clause)
        at = figure.end + lead.end()
        places: list[Found] = []
        for found in self._in(at, clause[1]):
            if found.start != at:
                break
            if found.part == "place":
                places.append(found)
                at = found.end + (len(self.text[found.end :]) - len(self.text[found.end :].lstrip()))
                continue
            if found.part == "subject":
                return found, (figure.end, found.end), places
            break
        return self._whole_written_before(figure, clause)

    def _whole_written_before(
        self, figure: Figure, clause: tuple[int, int]
    ) -> tuple[Found | None, tuple[int, int], list[Found]]:
        """What a share is of, written before it: "占GDP的比重为2.65%", "جی ڈی پی کے 2.65 فیصد"."""
        rules, text = self.rules, self.text
        written = self._in(clause[0], figure.start)
        subjects = [f for f in written if f.part == "subject" and rules.whole_gap.fullmatch(text, f.end, figure.start)]
        if not subjects:
            return None, (0, 0), []
        whole = subjects[-1]
        at, places = whole.start, list[Found]()
        for found in reversed([f for f in written if f.part == "place" and f.end <= whole.start]):
            if text[found.end : at].strip():
                break
            places.insert(0, found)
            at = found.start
        return whole, (at, figure.start), places

    def _attached(self, figures: Sequence[Figure], index: int, clause: tuple[int, int]) -> list[Found]:
        """Words just before the next figure of the clause are that figure's: "45 new MOUs worth
        over $600 million" (the worth is the $600 million's)."""
        if index + 1 >= len(figures) or figures[index + 1].start >= clause[1]:
            return []
        following = figures[index + 1]
        return [
            f
            for f in self._in(figures[index].end, following.start)
            if f.part in ("property", "statistic") and self.rules.attached.fullmatch(self.text, f.end, following.start)
        ]

    def _implied(self, stated: dict[str, Stated]) -> None:
        """Parts the words already read imply, where nothing states them ("GDP growth": a change)."""
        for item in list(stated.values()):
            term = self.vocabulary.terms.get(item.value)
            if term is None or item.part not in ("subject", "property", "constraint"):
                continue
            for part, value in term.implies.items():
                if part == item.part:
                    stated[part] = Stated(part, value, item.words, item.start, item.end, item.how)
                elif part not in stated:
                    stated[part] = Stated(part, value, item.words, item.start, item.end, f"implied by “{item.words}”")

    def _fill(
        self,
        sentence: tuple[int, int],
        clause: tuple[int, int],
        previous: Figure | None,
        stated: dict[str, Stated],
        *,
        fill_subject: bool,
        continues: bool,
        within_sentence: bool = False,
    ) -> list[Stated]:
        """A subject (and with it a property) the clause leaves unstated, from the figure before it
        in the sentence, the sentence before the clause, the paragraph's sentences before it or the
        headline; the places of the first of these that names any. Returns those places. A clause
        that only continues a list ("build four wind farms, one hydropower plant") takes the
        property of the figure before it."""
        if continues and "property" not in stated and previous is not None and previous.start in self.readings:
            shared = next((s for s in self.readings[previous.start].stated if s.part == "property"), None)
            if shared is not None:
                stated["property"] = dataclasses.replace(shared, how="from the number before it")
        sources: list[tuple[str, tuple[int, int] | NumberReading]] = []
        if previous is not None and previous.start in self.readings:
            sources.append(("from the number before it", self.readings[previous.start]))
        sources.append(("from the sentence", (sentence[0], clause[0])))
        sources.append(("from the sentence", (clause[1], sentence[1])))
        paragraph = next((p for p in self.paragraphs if p[0] <= sentence[0] < p[1]), (sentence[0], sentence[0]))
        for earlier in reversed([s for s in self.sentences if paragraph[0] <= s[0] and s[1] <= sentence[0]]):
            sources.append(("from the sentence before", earlier))
        if self.headline[1] <= paragraph[0]:
            sources.append(("from the headline", self.headline))
        needs_subject = fill_subject and "subject" not in stated
        needs_property = needs_subject and "property" not in stated
        places: list[Stated] = []
        for how, source in sources:
            if isinstance(source, NumberReading):
                found_subject = next((s for s in source.stated if s.part == "subject"), None)
                found_property = next((s for s in source.stated if s.part == "property"), None)
                found_whole = next((s for s in source.stated if s.part == "whole"), None)
                found_constraint = next((s for s in source.stated if s.part == "constraint"), None)
                found_places = list(source.places)
            else:
                found_subject = self._only(source, "subject")
                found_property = self._only(source, "property")
                found_whole = None
                found_constraint = self._only(source, "constraint")
                found_places = self._places(source, [], None)
            beyond = how in ("from the sentence before", "from the headline")
            if needs_subject and found_subject is not None and not (within_sentence and beyond):
                stated["subject"] = dataclasses.replace(found_subject, how=how)
                if needs_property and found_property is not None:
                    stated["property"] = dataclasses.replace(found_property, how=how)
                if (
                    needs_property and found_whole is not None and "whole" not in stated
                ):  # "up 0.1 points": of the share
                    stated["whole"] = dataclasses.replace(found_whole, how=how)
                if found_constraint is not None and "constraint" not in stated:  # "basic research ..., up 10.5%"
                    stated["constraint"] = dataclasses.replace(found_constraint, how=how)
                needs_subject = needs_property = False
            if not places and found_places:
                places = [dataclasses.replace(place, how=how) for place in found_places]
            if not needs_subject and places:
                break
        if not places and self.default_place is not None:
            places = [Stated("place", self.default_place, "", -1, -1, "the place the text names most")]
        return places

    def _only(self, span: tuple[int, int], part: str) -> Stated | None:
        """The one entry of a part a span writes (the last, if it writes it more than once)."""
        found = self._in(*span, part)
        if len({f.slug for f in found}) != 1:
            return None
        return Stated(part, found[-1].slug, found[-1].words, found[-1].start, found[-1].end)

    def _statistic(
        self, figure: Figure, clause: tuple[int, int], words: list[Found], has_whole: bool, stated: dict[str, Stated]
    ) -> Stated:
        text, rules = self.text, self.rules
        before = text[clause[0] : figure.start]
        after = text[figure.end : clause[1]]

        def at(match: re.Match[str] | None, offset: int, statistic: str) -> Stated:
            if match is None:
                return Stated("statistic", statistic, "")
            return Stated("statistic", statistic, match.group(0).strip(), offset + match.start(), offset + match.end())

        if figure.unit_kind == "percentage-points":
            return Stated("statistic", "change-in-points", text[figure.start : figure.end], figure.start, figure.end)
        ratio = rules.ratio_after.match(after)
        if ratio:
            return at(ratio, figure.end, "ratio")
        cues = {f.slug: f for f in words if f.part == "statistic"}
        if "average-annual-change" in cues:
            cue = cues["average-annual-change"]
            return Stated("statistic", "average-annual-change", cue.words, cue.start, cue.end)
        if figure.unit_kind in ("percent", "share"):
            month = rules.month_on_month.search(text, clause[0], clause[1])
            if month:
                return Stated("statistic", "month-on-month-change", month.group(0), month.start(), month.end())
            if "share" in cues:
                cue = cues["share"]
                return Stated("statistic", "share", cue.words, cue.start, cue.end)
            verb = list(rules.change_verb.finditer(before))
            noun = list(rules.change_noun.finditer(before))
            if noun:
                return at(noun[-1], clause[0], "change")
            if verb and not rules.level_after_change.search(before):
                return at(verb[-1], clause[0], "change")
            changed = rules.change_after.match(after)
            if changed:
                return at(changed, figure.end, "change")
            if has_whole:
                return Stated("statistic", "share", "")
            if "statistic" in stated:
                return stated["statistic"]
            return Stated("statistic", "level", "")
        amount = rules.amount_change_before.search(before)
        if amount:
            return at(amount, clause[0], "change-amount")
        amount = rules.amount_change_after.match(after)
        if amount:
            return at(amount, figure.end, "change-amount")
        return Stated("statistic", "level", "")

    def _places(self, span: tuple[int, int], whole_places: list[Found], figure: Figure | None) -> list[Stated]:
        """The places a span names, less partners ("exports to China"); a company when one acts."""
        text, rules = self.text, self.rules
        company = None
        for found in rules.company_named.finditer(text, span[0], figure.start if figure else span[1]):
            groups = found.groupdict()  # a language names its companies in some of these ways
            name = groups.get("after") or groups.get("before") or groups.get("actor") or groups.get("unnamed")
            if name and name.split()[0] not in rules.not_a_name and not self._in(found.start(), found.end(), "place"):
                vocabulary = self.vocabulary.found(name)
                if vocabulary and vocabulary[0].start == 0 and vocabulary[-1].end == len(name):
                    continue  # "NEV sold": the vocabulary's word, not a name
                company = Stated("place", COMPANY, name, found.start(), found.end())
        if company is not None:
            return [company]
        return [
            Stated("place", place.slug, place.words, place.start, place.end)
            for place in [*self._in(*span, "place"), *whole_places]
            if not rules.partner_before.search(text, max(0, place.start - 30), place.start)
            and not rules.partner_after.match(text, place.end)
        ]

    def _period_kind(self, sentence: tuple[int, int], clause: tuple[int, int], period: Period | None) -> Stated | None:
        """The kind of period the clause, or the words that open its sentence, state."""
        for start, end in ((clause[0], clause[1]), (sentence[0], clause[0])):  # the clause's own words first
            for kind, pattern in self.rules.period_kinds:
                found = pattern.search(self.text, start, end)
                if found is None:
                    continue
                if kind == "fiscal-year" and _fiscal(found.group(0)) is False:
                    continue
                if kind == "span-of-years" and _fiscal(found.group(0)) is True:
                    continue
                return Stated("period kind", kind, found.group(0), found.start(), found.end())
        if period is not None and period.precision != "day":  # a day dates an event, not a period's figure
            kind = "calendar-year" if period.precision == "year" else "month"
            return Stated("period kind", kind, period.text, -1, -1, "the sentence's date")
        return None


def most_named_place(vocabulary: Vocabulary, text: str) -> str | None:
    """The place a text names most often: where a sentence that names none is (no tie)."""
    counts = Counter(f.slug for f in vocabulary.found(text) if f.part == "place")
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _fiscal(written: str) -> bool | None:
    """Whether a pair of years is a fiscal year ("2023-24") or a span ("2021-25"); None: no pair."""
    pair = _FISCAL_PAIR.search(written)
    if pair is None:
        return None
    return (int(pair.group(1)) + 1) % 100 == int(pair.group(2))
