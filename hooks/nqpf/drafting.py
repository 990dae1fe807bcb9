"""Draft facts for the numbers of a seed that nothing captures yet: proposals for a person.

For every number of a seed that no fact, ignore entry or metadata captures, the drafter
proposes either a fact (the sentence that holds the number as its quote; value, scale, unit and
qualifier as the number reader reads them; a period only where the same sentence states one) or
an ignore entry (a number in a name, an ordinal, a time, a telephone number, a date standing
alone), each marked ``draft: true``. The checks refuse drafts until a person has reviewed them,
so nothing drafted reaches readers. Drafting is pure: records in, records out; the command line
writes them.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import yaml

from .loading import LoadedInputs
from .model import Period, Speaker
from .numbers import MONTHS, NumberMention, format_number
from .proposals import Proposal, Proposer, converted_amount, following_in
from .reading import (
    NumberReading,
    TextReader,
    Vocabulary,
    most_named_place,
    passage,
    read_sentence,
    sentences,
    single_year,
    written_unit_words,
)
from .reading_rules import _WORD_RE, BY_YEAR, STOP_WORDS, VERBS
from .search import term_counts
from .verify import SeedText, verify, verify_fact

_TARGET_RE = re.compile(
    r"(?i)\b(?:target|targets|aim|aims|aimed|plan|plans|planned|planning|goal|goals|"
    r"forecast|projected|project|expected to|expects|set to|strive|strives|will|shall)\b"
)
_ATTRIBUTION_RE = re.compile(
    r"(?i)\b(?:said|says|added|noted|stated|told|according to|highlighted|"
    r"pointed out|stressed|emphasi[sz]ed|remarked|mentioned|explained)\b"
)
# Names with a number word in them that the corridor's sources use ("the two sessions").
_DATELINE_START = re.compile(r"^[A-Z][A-Z .'-]+(?:\s*\([^)]*\))?\s*[:–—-]+\s+")  # "ISLAMABAD: "
# The words that make a four-digit number a year when they come before it ("in 2023") or after it.


@dataclass(frozen=True)
class Drafts:
    """What drafting proposes for one seed: fact records, ignore entries and new measures, in
    text order."""

    facts: tuple[dict[str, Any], ...]
    ignored: tuple[dict[str, Any], ...]
    measures: tuple[dict[str, Any], ...] = ()
    at: tuple[int, ...] = ()  # the offset of each fact's number in the text (-1 for an event)
    readings: tuple[NumberReading | None, ...] = ()  # the parts each fact's number states (None: an event)


def _yaml_value(value: Fraction) -> int | float | str:
    if value.denominator == 1:
        return int(value)
    shown = format_number(value).replace(",", "")
    return f"{value.numerator}/{value.denominator}" if "/" in shown else float(shown)


def _slug_words(text: str, limit: int) -> list[str]:
    words = [
        w
        for w in re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
        if w not in STOP_WORDS and w not in VERBS and len(w) > 1 and not any(c.isdigit() for c in w)
    ]
    return words[-limit:]


def _tf_idf(documents: list[tuple[str, Counter[str]]]) -> list[tuple[str, dict[str, float]]]:
    """Each document's terms weighted by tf-idf and scaled to unit length."""
    holders = Counter(term for _, counts in documents for term in counts)
    vectors = []
    for label, counts in documents:
        vector = {term: count * math.log(len(documents) / holders[term]) for term, count in counts.items()}
        length = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append((label, {term: w / length for term, w in vector.items()}))
    return vectors


class _Drafter:
    """The state of one drafting run: the seed, what exists, and the ids taken so far."""

    def __init__(self, inputs: LoadedInputs, slug: str):
        self.inputs, self.slug = inputs, slug
        self.text = inputs.seed_texts[slug]
        self.seed = SeedText(self.text)
        self.taken_ids = {fact.id for fact in inputs.facts}
        self.units = inputs.unit_registry
        vocabulary = Vocabulary(inputs.vocabulary)
        dated = inputs.sources[slug].date
        self.reader = TextReader(
            self.text,
            vocabulary,
            default_place=most_named_place(vocabulary, self.text),
            dated=dated.year if dated else None,
        )
        self.proposer = Proposer(inputs.measures, self.units, vocabulary, self.sector)
        self.proposed_measures: dict[int, str] = {}  # a drafted number's offset -> its measure

    @functools.cached_property
    def sector_vectors(self) -> list[tuple[str, dict[str, float]]]:
        """For choosing a sector: the words of every reviewed fact and of each sector's
        description (weighed only when a sector is asked for)."""
        documents = [
            (fact.sector, f"{fact.claim} {fact.quote} {' '.join((*fact.tags, *fact.entities))}")
            for fact in self.inputs.facts
            if not fact.draft and fact.sector in self.inputs.sectors
        ]
        documents += [(s.slug, f"{s.title} {s.description}") for s in self.inputs.sectors.values()]
        return _tf_idf([(slug, term_counts(words)) for slug, words in documents])

    # ---- what a fact says

    def clause(self, sentence: tuple[int, int], mention: NumberMention) -> str:
        """The clause of the sentence around a number: what the figure is about."""
        before = self.text[sentence[0] : mention.start]
        after = self.text[mention.end : sentence[1]]
        start = max(before.rfind(","), before.rfind(";"), before.rfind(" while ")) + 1
        end = min((i for i in (after.find(","), after.find(";")) if i >= 0), default=len(after))
        return before[start:] + mention.text + after[:end]

    def sector(self, sentence: str) -> str:
        """The sector of the fact (or sector description) most like the sentence (tf-idf cosine)."""
        query = term_counts(sentence)
        best, best_score = "", -1.0
        for slug, vector in self.sector_vectors:
            score = sum(weight * query[term] for term, weight in vector.items() if term in query)
            if score > best_score:
                best, best_score = slug, score
        return best

    def speaker(self, sentence: tuple[int, int]) -> str | None:
        """The speaker the sentence (or the paragraph's speaker label) credits, if one is known."""
        text = self.text[sentence[0] : sentence[1]]
        line_start = self.text.rfind("\n", 0, sentence[0]) + 1
        label = self.text[line_start : line_start + 80].split(",")[0].strip().lower()
        found = []
        for speaker in self.inputs.speakers.values():
            if label == speaker.name.lower() or (_ATTRIBUTION_RE.search(text) and self._named(speaker, text)):
                found.append(speaker)
        return found[0].slug if len(found) == 1 else None

    @staticmethod
    def _named(speaker: Speaker, text: str) -> bool:
        lowered = text.lower()
        if speaker.name.lower() in lowered:
            return True
        if speaker.kind == "person":
            surname = speaker.name.split()[-1].lower()
            title = speaker.role.split(" to ")[0].split()[-1].lower()  # "Pakistan's Ambassador to China"
            return bool(
                re.search(rf"\b{re.escape(surname)}\b", lowered) or re.search(rf"\bthe {re.escape(title)}\b", lowered)
            )
        return False

    def propose(
        self,
        sentence: tuple[int, int],
        mention: NumberMention,
        period: Period | None,
        kind: str,
        reading: NumberReading,
    ) -> Proposal | None:
        """The unit, measure, id and claim the proposer offers for a number of a sentence."""
        clause = self.clause(sentence, mention)
        previous = self.previous_in(sentence, mention)
        proposal = self.proposer.propose(
            self.text,
            mention=mention,
            reading=reading,
            sentence=self.text[sentence[0] : sentence[1]],
            clause_before=clause[: clause.find(mention.text)] if mention.text in clause else "",
            period=period,
            kind=kind,
            converts=(
                self.proposed_measures.get(previous.start)
                if previous and converted_amount(self.text, previous, mention)
                else None
            ),
            following=following_in(self.seed.numbers_in(sentence), mention),
        )
        if proposal is not None:
            self.proposed_measures[mention.start] = proposal.measure
        return proposal

    def previous_in(self, sentence: tuple[int, int], mention: NumberMention) -> NumberMention | None:
        """The number just before ``mention`` in its sentence, if any."""
        before = [m for m in self.seed.numbers_in(sentence) if m.end <= mention.start]
        return before[-1] if before else None

    def states_a_target(self, quote: str) -> bool:
        """A plan, an aim or a forecast; "by 2018" only in a text not dated after 2018."""
        if _TARGET_RE.search(quote):
            return True
        dated = self.inputs.sources[self.slug].date
        return any(dated is None or int(year) >= dated.year for year in BY_YEAR.findall(quote))

    def new_id(self, words: list[str], suffix: str) -> str:
        base = "-".join([*words, suffix] if suffix else words)[:70].strip("-") or "fact"
        candidate, n = base, 2
        while candidate in self.taken_ids:
            candidate, n = f"{base}-{n}", n + 1
        self.taken_ids.add(candidate)
        return candidate

    def record(
        self,
        sentence: tuple[int, int],
        mention: NumberMention | None,
        period: Period | None,
        qualifying: list[Fraction],
        *,
        earlier: Period | None = None,
        reading: NumberReading | None = None,
    ) -> dict[str, Any]:
        quote = self.text[sentence[0] : sentence[1]]
        claim = _DATELINE_START.sub("", " ".join(quote.split()))
        claim = claim if len(claim) <= 400 else claim[:399] + "…"
        kind = "target" if self.states_a_target(quote) else ("figure" if mention else "event")
        proposal = (
            self.propose(sentence, mention, period, kind, reading)
            if mention is not None and reading is not None
            else None
        )
        if proposal is not None:
            unit: str | None = proposal.unit
            record: dict[str, Any] = {"id": self.new_id([proposal.id_stem], ""), "draft": True}
            record.update(claim=proposal.claim if len(proposal.claim) <= 400 else claim, kind=kind)
        else:  # no unit the registry knows: the sentence names the draft, and is its claim
            unit = written_unit_words(self.text, mention) if mention is not None else None
            words = _slug_words(quote, 4)
            if mention is not None:
                words = _slug_words(self.text[sentence[0] : mention.start], 4)
                if len(words) < 2:  # the number opens its sentence: name it by the words after it
                    words += _slug_words(self.text[mention.end : sentence[1]], 6)[:3]
                words += [w for w in _slug_words(unit or "", 1) if w not in words]
            record = {"id": self.new_id(words, str(period.year) if period else ""), "draft": True}
            record.update(claim=claim, kind=kind)
        if mention is not None:
            record["value"] = (
                f"{mention.value.numerator}/{mention.value.denominator}"
                if mention.value.denominator != 1 and not any(c.isdigit() for c in mention.text)
                else _yaml_value(mention.value)
            )  # "one-quarter": 1/4, not 0.25
            if mention.scale:
                record["scale"] = mention.scale
            record["unit"] = unit
            if mention.hedge:
                record["qualifier"] = mention.hedge
        if period is not None:
            record["period"] = int(period.text) if period.precision == "year" else period.text
        if proposal is not None:
            record["measure"] = proposal.measure
            record["sector"] = proposal.sector
        else:
            record["sector"] = self.sector(f"{quote} {self.clause(sentence, mention)}" if mention else quote)
        if speaker := self.speaker(sentence):
            record["said_by"] = speaker
        record["source"] = {"seed": self.slug, "quote": " ".join(quote.split())}
        if mention is not None and qualifying:
            record["qualifying_numbers"] = [_yaml_value(v) for v in qualifying]
        if mention is not None and proposal is None:
            record["note"] = (
                f"The unit written here (“{unit}”) is not in facts/units.yml: add it there, or write "
                "the slug of the unit it spells; then name the measure this value is of."
            )
        if earlier is not None:  # never the period: a pointer for the reviewer, who decides
            record["note"] = " ".join(
                filter(
                    None,
                    (
                        record.get("note"),
                        f"Not dated: this sentence states no year. An earlier sentence of the paragraph "
                        f"states {earlier.label()}; if it dates this figure too, quote both sentences, "
                        f"add period: {earlier.text} and say so in this note.",
                    ),
                )
            )
        return record


def draft_seed(inputs: LoadedInputs, slug: str) -> Drafts:
    """Drafts for every number of seed ``slug`` that nothing captures yet."""
    _, coverage = verify(inputs, [])
    drafter = _Drafter(inputs, slug)
    seed = drafter.seed
    uncovered = {m.start for name, _, m in coverage.uncovered if name == slug}
    # the numbers in the quote of a fact that fails verification are that fact's: never redrafted
    for fact in inputs.facts:
        span = seed.find(fact.quote) if fact.seed == slug else None
        if span and verify_fact(fact, seed, drafter.units)[1]:
            uncovered -= {m.start for m in seed.numbers_in(span)}
    return _draft(drafter, uncovered)


def _draft(drafter: _Drafter, uncovered: set[int]) -> Drafts:
    inputs, slug, text, seed = drafter.inputs, drafter.slug, drafter.text, drafter.seed
    facts: list[dict[str, Any]] = []
    at: list[int] = []  # where each drafted fact's number starts (-1: an event, dated only)
    readings: list[NumberReading | None] = []  # what each drafted fact's number measures
    ignored: dict[str, dict[str, Any]] = {}

    def ignore(passage: str, reason: str) -> None:
        ignored.setdefault(passage, {"seed": slug, "quote": passage, "reason": reason, "draft": True})

    # the passages that state the text's own metadata (a dateline): never a quote, never a period
    stated = [span for passage in inputs.sources[slug].evidence for span in seed.find_all(passage)]
    context: Period | None = None  # the one year an earlier sentence of the paragraph states
    previous_end = 0
    for whole in sentences(text):
        sentence = whole
        for start, end in stated:
            if start <= whole[0] < end:  # a dateline opens the sentence: quote what follows it
                rest = re.match(r"[\s:–—-]*", text[end : whole[1]])
                sentence = (end + rest.end(), whole[1]) if rest else whole
        mentions = seed.numbers_in(sentence)
        if "\n" in text[previous_end : sentence[0]]:
            context = None  # a new paragraph: the year of the one before dates nothing here
        previous_end = sentence[1]
        if not any(m.start in uncovered for m in mentions):
            context = single_year(text, mentions) or context
            continue
        read = read_sentence(text, sentence, mentions)
        years, date_of, datings, compared, period = read.years, read.date_of, read.datings, read.compared, read.period
        dates, days = read.dates, read.days
        distinct = {p.year for p in datings}
        earlier, context = context, (period if period is not None else context)
        for start, reason in read.ignored.items():
            if start in uncovered:
                ignore(*reason)
        figures, defining = read.figures(uncovered)
        pending_years = [m for m in years if m.start in uncovered]
        pending_days = [date for m, date in days if m.start in uncovered]
        if figures:
            qualifying = [m.value for m in defining]
            defining_years = years if len(distinct) > 1 else compared  # several years: none is the period
            qualifying += [m.value for m in defining_years if m.value not in qualifying]
            hint = earlier if period is None and not datings and not compared else None
            parts = drafter.proposer.read(drafter.reader, sentence, figures, mentions, period)
            facts += [
                drafter.record(sentence, mention, period, qualifying, earlier=hint, reading=reading)
                for mention, reading in zip(figures, parts, strict=True)
            ]
            at += [mention.start for mention in figures]
            readings += parts
            for date in pending_days:  # a day is part of its date; the date is a period, not a figure
                ignore(date.label, f"The day of the date “{date.label}”, which dates its sentence.")
            continue
        words = [w for w in _WORD_RE.findall(text[sentence[0] : sentence[1]]) if w.rstrip(".") not in MONTHS]
        if len(words) <= 4:  # a date with hardly a word around it: a header, byline or dateline
            for quoted in {
                *(date.label for date in dates if date.period or date in pending_days),
                *(passage(text, m.start, m.end, 1, 0) for m in pending_years if m.start not in date_of),
            }:
                ignore(quoted, "A date standing alone (a header, byline or dateline), not a fact.")
            continue
        for date in pending_days:
            ignore(date.label, f"The day of the date “{date.label}”, which dates its sentence.")
        if not pending_years:
            continue
        if period is None or compared:
            for year in pending_years:
                dated = date_of.get(year.start)
                ignore(
                    dated.label if dated else passage(text, year.start, year.end, 1, 0),
                    "One of several years in a sentence without a figure; none of them dates it.",
                )
        else:
            facts.append(drafter.record(sentence, None, period, []))
            at.append(-1)
            readings.append(None)
    return Drafts(tuple(facts), tuple(ignored.values()), tuple(drafter.proposer.drafted), tuple(at), tuple(readings))


def drafts_yaml(records: tuple[dict[str, Any], ...], header: str | None) -> str:
    """Records as YAML to append to a drafts file; ``header`` starts a new file."""
    return (header or "") + "".join(
        "\n" + yaml.safe_dump([record], allow_unicode=True, sort_keys=False, width=10**6) for record in records
    )


def facts_header(slug: str, file_name: str) -> str:
    return (
        f"# yaml-language-server: $schema=../../schema/facts.schema.json\n"
        f"# Machine drafts for the seed {slug} (seeds/{file_name}), written by `nqpf draft`.\n"
        "# For each: check the value, scale, unit, qualifier and period against the quote,\n"
        "# choose the sector, write the claim a reader should see, then delete `draft: true`.\n"
    )


def measures_header(slug: str, file_name: str) -> str:
    return (
        f"# yaml-language-server: $schema=../../schema/measures.schema.json\n"
        f"# Measures drafted for the seed {slug} (seeds/{file_name}), written by `nqpf draft`: a\n"
        "# number of the text matched none of facts/measures.yml. For each: check the label, unit,\n"
        "# place, period and sector, write the definition, then delete `draft: true` (or point\n"
        "# its facts at an existing measure and delete the entry).\n"
    )


def ignored_header(slug: str, file_name: str) -> str:
    return (
        f"# Drafted ignore entries for the seed {slug} (seeds/{file_name}), written by `nqpf draft`.\n"
        "# For each: check that the passage states no figure and that the reason is right,\n"
        "# then delete `draft: true`. A number that states something is a fact, not an entry here.\n"
    )
