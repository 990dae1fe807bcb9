"""Which measure a number is of, read from the words around it: one matcher, which the drafter
and the text checker both ask.

A measure is known by its label, its definition and the claims and tags of its reviewed facts.
A number is described by the clause that holds it, its sentence and, more faintly, its
paragraph and the text's headline (where a sentence says only "it" or "annual production").
The measures whose unit the number's unit converts to are ranked by the tf-idf cosine of the
two descriptions; a percentage that states a change ("rose 8.1%") is of a measure of growth,
and one that states a level ("2.8% of GDP") is not.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .model import Fact, Measure
from .search import term_counts
from .units import UnitRegistry

# Words that make a percentage a change over time rather than a level.
CHANGE_WORDS = re.compile(
    r"(?i)\b(?:increas\w*|ris(?:e|es|en|ing)|rose|gr(?:ew|ow|ows|owth|owing)|surg\w*|jump\w*|up|f(?:ell|all|alls)"
    r"|declin\w*|drop\w*|down|reduc\w*|cuts?|expan\w*|contract\w*)\b"
)
_CHANGE_MEASURE = re.compile(r"(?i)\b(?:growth|increase|change|reduction|rise|decline)\b")
_TARGET_MEASURE = re.compile(r"(?i)\b(?:target|goal|plan|forecast|projection)s?\b")
_PLACES = {"china": ("china", "chinese"), "pakistan": ("pakistan", "pakistani")}
MIN_SCORE = 0.12  # below it no measure is proposed: the drafter proposes a new one


@dataclass(frozen=True)
class Described:
    """The words around one number, from nearest to faintest."""

    clause: str
    sentence: str
    context: str = ""  # the paragraph and the headline
    target: bool = False  # the sentence states a target, a plan or a forecast


@dataclass(frozen=True)
class MeasureMatch:
    slug: str
    score: float


def _words(text: str) -> Counter[str]:
    return term_counts(text.replace("’", "'"))


def _describing_words(text: str) -> Counter[str]:
    """The words that describe a measure: not the numbers its facts state (a value says how
    much, not of what; and each fact brings new ones, so they would grow with the base)."""
    return Counter({term: n for term, n in _words(text).items() if not term[0].isdigit()})


def measures_a_change(label: str) -> bool:
    """Whether a measure's label names a change ("Growth of ...") rather than a level."""
    return _CHANGE_MEASURE.search(label) is not None


def states_a_change(clause: str) -> bool:
    return CHANGE_WORDS.search(clause) is not None


class MeasureMatcher:
    """The measures of a fact base, ready to be matched against a number's words."""

    def __init__(self, measures: dict[str, Measure], units: UnitRegistry, facts: Iterable[Fact] = ()):
        self.measures = measures
        self.units = units
        documents: dict[str, Counter[str]] = {}
        for slug, measure in measures.items():
            counts = _describing_words(f"{measure.label} {measure.label} {measure.definition} {measure.place}")
            documents[slug] = counts
        for fact in facts:
            if fact.measure in documents and not fact.draft:
                documents[fact.measure].update(_describing_words(f"{fact.claim} {' '.join(fact.tags)}"))
        holders = Counter(term for counts in documents.values() for term in counts)
        total = len(documents) + 1
        self.idf = {term: math.log(total / n) + 1.0 for term, n in holders.items()}
        self.rare = math.log(total) + 1.0  # the weight of a term no measure had
        self.vectors = {slug: self._unit_length(counts) for slug, counts in documents.items()}
        self._conversions: dict[tuple[str, str], bool] = {}

    def _converts(self, unit: str, to_unit: str) -> bool:
        key = (unit, to_unit)
        if key not in self._conversions:
            self._conversions[key] = self.units.factor(unit, to_unit) is not None
        return self._conversions[key]

    def add(self, measure: Measure) -> None:
        """One more measure (drafted for this text), weighed with the terms' weights as they are:
        drafting adds many, and recomputing every weight for each would cost a second."""
        self.measures = {**self.measures, measure.slug: measure}
        counts = _describing_words(f"{measure.label} {measure.label} {measure.definition} {measure.place}")
        for term in counts:
            self.idf.setdefault(term, self.rare)
        self.vectors[measure.slug] = self._unit_length(counts)

    def _unit_length(self, counts: Mapping[str, float]) -> dict[str, float]:
        vector = {term: count * self.idf.get(term, 0.0) for term, count in counts.items()}
        length = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {term: w / length for term, w in vector.items() if w}

    def ranked(self, unit: str | None, described: Described) -> list[MeasureMatch]:
        """The measures a number in ``unit`` may be of, best first, each with its score."""
        query: dict[str, float] = {}  # term -> weight
        for text, weight in ((described.clause, 3), (described.sentence, 1)):
            for term, count in _words(text).items():
                query[term] = query.get(term, 0.0) + weight * count
        for term in _words(described.context):  # once each, faintly: a paragraph must not outweigh the sentence
            query[term] = query.get(term, 0.0) + 0.3
        vector = self._unit_length(query)
        change = states_a_change(described.clause)
        named = {place for place, words in _PLACES.items() if any(w in described.sentence.lower() for w in words)}
        found = []
        for slug, measure in self.measures.items():
            if unit is not None and not self._converts(unit, measure.unit):
                continue
            score = sum(weight * vector.get(term, 0.0) for term, weight in self.vectors[slug].items())
            unit_kind = self.units.units[measure.unit].kind if measure.unit in self.units else None
            if unit_kind == "percent" and change != measures_a_change(measure.label):
                score *= 0.3  # a change is of a growth measure, a level is not
            if described.target != bool(_TARGET_MEASURE.search(measure.label)):
                score *= 0.5  # a target is not an outcome
            place = measure.place.lower()
            if named and not any(p in place for p in named):
                score *= 0.6  # the sentence names another place
            found.append(MeasureMatch(slug, score))
        return sorted(found, key=lambda m: (-m.score, m.slug))

    def best(self, unit: str | None, described: Described) -> MeasureMatch | None:
        ranked = self.ranked(unit, described)
        return ranked[0] if ranked and ranked[0].score >= MIN_SCORE else None
