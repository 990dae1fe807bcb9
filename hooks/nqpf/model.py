"""The fact model: the records contributors write, their fields, and how each is read.

The field tables below are the single description of every input file: loading checks
records against them, and the JSON Schema that editors use is generated from them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property, lru_cache
from typing import Any

from .numbers import SCALE_SPELLINGS, SCALES, format_number, parse_value
from .problems import Problem
from .yaml_files import Record, as_period_text

KINDS = ("figure", "target", "event")
QUALIFIERS = ("about", "at least", "more than", "nearly", "up to", "less than")
# How a value in a currency is shown when the fact states it ("$600 million", "Rs 950 billion").
CURRENCY_SIGNS = {"USD": "$", "PKR": "Rs ", "CNY": "CNY ", "EUR": "€", "GBP": "£", "JPY": "¥", "HKD": "HK$"}
PERCENT = "percent"  # the unit slug of a percentage: the number reader marks a number written as one
UNIT_KINDS = ("currency", "percent", "percentage-points", "share", "physical", "count")
DIMENSIONS = ("power", "energy", "voltage", "length", "mass", "area", "volume")
# What kind of period a measure's facts take.
PERIOD_KINDS = (
    "calendar-year",
    "fiscal-year",
    "year-to-date",
    "quarter",
    "month",
    "span-of-years",
    "cumulative",
    "none",
)
# What a measure's value is of its quantity (Data Commons' statType): the level itself; its change
# in percent over the year before, in percentage points, as an amount or over the month before; a
# share of a whole; an average annual change over a span of years; a ratio ("2.3-fold").
STATISTICS = (
    "level",
    "change",
    "change-in-points",
    "change-amount",
    "month-on-month-change",
    "share",
    "average-annual-change",
    "ratio",
)
# The parts of a measure that facts/vocabulary.yml spells; ``statistic`` entries are cue words.
VOCABULARY_PARTS = ("subject", "property", "constraint", "place", "statistic")
SPEAKER_KINDS = ("person", "organisation", "publication")
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
UNIT_SLUG_RE = re.compile(r"[A-Za-z0-9]+(?:-[a-z0-9]+)*")  # "USD", "kW", "percent", "power-plants"
LABEL_RE = re.compile(r"[\w .,'’&()/:;+\-–]+")
PERIOD_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class Period:
    """The date a fact refers to, as precise as its source: "2023", "2025-03", "2025-03-11"."""

    text: str
    shown: str | None = field(default=None, compare=False)  # how an edition writes it (editions.py)

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.text)]

    @property
    def year(self) -> int:
        return int(self.text[:4])

    def label(self) -> str:
        """The period for people: "2023", "March 2025", "11 March 2025" (or as an edition writes it)."""
        return self.shown if self.shown is not None else _period_label(self.text)


@lru_cache(maxsize=4096)  # a base names few distinct periods, and each is labelled many times
def _period_label(text: str) -> str:
    if len(text) == 4:  # a year
        return text
    day = dt.date.fromisoformat(text if len(text) == 10 else text + "-01")
    return day.strftime("%B %Y") if len(text) == 7 else f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Fact:
    """One figure, target or event, with the passage of its seed that states it."""

    id: str
    claim: str
    kind: str
    sector: str
    seed: str
    quote: str
    file: str
    line: int
    lines: dict[str, int]
    value: Fraction | None = None
    scale: str | None = None
    unit: str | None = None
    qualifier: str | None = None
    period: Period | None = None
    said_by: str | None = None
    qualifying_numbers: tuple[Fraction, ...] = ()
    entities: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    note: str | None = None
    measure: str | None = None
    draft: bool = False  # a machine's proposal that no person has reviewed yet
    method: str | None = None  # how its source counts it: facts whose methods differ never disagree
    display: str | None = None  # its value as an edition writes it (edition_base.py); None: in English
    claim_lang: str | None = None  # the language of its claim and note where not the page's: "en", untranslated

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)

    @property
    def number(self) -> Fraction | None:
        """The value with its scale applied: 9.443 million -> 9443000."""
        return None if self.value is None else self.value * SCALES.get(self.scale or "", 1)

    @cached_property  # shown on several pages, in the index and the downloads
    def display_value(self) -> str:
        """The value for people: "more than $600 million", "28%", "9.443 million units"."""
        if self.display is not None:
            return self.display
        if self.value is None:
            return ""
        amount = format_number(self.value) + (f" {self.scale}" if self.scale else "")
        if self.unit == PERCENT:
            shown = f"{amount}%"
        elif self.unit in CURRENCY_SIGNS:
            shown = f"{CURRENCY_SIGNS[self.unit]}{amount}"
        else:
            shown = f"{amount} {self.unit}" if self.unit else amount
        return f"{self.qualifier} {shown}" if self.qualifier else shown


@dataclass(frozen=True)
class Sector:
    slug: str
    title: str
    description: str
    file: str
    line: int


@dataclass(frozen=True)
class Speaker:
    slug: str
    name: str
    role: str
    kind: str
    file: str
    line: int


@dataclass(frozen=True)
class Source:
    """What a seed says about itself; every field it is silent on is None."""

    slug: str
    file_name: str
    title: str | None
    outlet: str | None
    author: str | None
    date: Period | None
    place: str | None
    evidence: tuple[str, ...]
    note: str | None
    file: str
    line: int
    lines: dict[str, int]
    label: str | None = None


@dataclass(frozen=True)
class Unit:
    """A unit a fact's value is in, and the ways a quote may write it."""

    slug: str
    label: str
    short: str
    kind: str
    spellings: tuple[str, ...]
    file: str
    line: int
    lines: dict[str, int]
    dimension: str | None = None
    factor: Fraction | None = None  # the unit's size in its dimension's SI unit: 1000000 for MW


@dataclass(frozen=True)
class Measure:
    """One quantity across sources and periods (Data Commons' statistical variable): each fact
    that states a value of it names it, and the facts are compared and charted together."""

    slug: str
    label: str
    unit: str
    definition: str
    place: str
    period: str  # what kind of period its facts take: one of PERIOD_KINDS
    sector: str
    file: str
    line: int
    lines: dict[str, int] = field(default_factory=dict)
    draft: bool = False
    # its parts, as facts/vocabulary.yml spells them: a number is of this measure only when its
    # words state every one (reading.py reads them, matching.py compares them)
    subject: str | None = None
    property: str | None = None  # None: the measure is of the subject itself ("China's GDP")
    statistic: str = "level"
    whole: str | None = None  # for a share: the subject it is a share of
    constraint: str | None = None  # basic research only, under 30, a target

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)

    def parts(self) -> dict[str, str | None]:
        """Its parts by name, as reading.py names what a text states."""
        return {
            "subject": self.subject,
            "property": self.property,
            "statistic": self.statistic,
            "whole": self.whole,
            "constraint": self.constraint,
            "place": self.place,
            "period kind": self.period,
        }


@dataclass(frozen=True)
class Term:
    """One entry of facts/vocabulary.yml: a subject, property, constraint, place or statistic and
    the ways a text spells it; ``implies`` fills other parts its words state too ("R&D intensity":
    R&D expenditure as a share of GDP), and ``narrows`` names entries it outranks when both are
    written ("sold ... overseas" is exports, not sales)."""

    slug: str
    part: str
    label: str
    spellings: tuple[str, ...]
    file: str
    line: int
    lines: dict[str, int] = field(default_factory=dict)
    implies: dict[str, str] = field(default_factory=dict)
    narrows: tuple[str, ...] = ()

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


@dataclass(frozen=True)
class IgnoredNumber:
    """A number in a seed that is not a fact (a phone number, an ordinal in a name)."""

    seed: str
    quote: str
    reason: str
    file: str
    line: int
    lines: dict[str, int]
    draft: bool = False


# ---- field readers: each takes the YAML value and returns it checked, or raises ValueError


def _text(max_length: int) -> Callable[[object], str]:
    def read(raw: object) -> str:
        if not isinstance(raw, str) or not raw.strip():
            raise ValueError("a non-empty text is expected")
        if len(raw) > max_length:
            raise ValueError(f"the text is {len(raw)} characters; at most {max_length} are allowed")
        return " ".join(raw.split())

    return read


def _verbatim(max_length: int) -> Callable[[object], str]:
    """A text kept exactly as written, spaces included (a site string such as ", ")."""

    def read(raw: object) -> str:
        if not isinstance(raw, str) or not raw:
            raise ValueError("a non-empty text is expected")
        if len(raw) > max_length:
            raise ValueError(f"the text is {len(raw)} characters; at most {max_length} are allowed")
        return raw

    return read


def _label(raw: object) -> str:
    text = _text(120)(raw)
    if not LABEL_RE.fullmatch(text):
        raise ValueError("use letters, digits, spaces and . , ' & ( ) / : ; + - only")
    return text


def _slug(raw: object) -> str:
    if not isinstance(raw, str) or not SLUG_RE.fullmatch(raw) or len(raw) > 80:
        raise ValueError(f"{raw!r} is not a valid id: use lower-case words joined by '-', such as nev-production-2023")
    return raw


def _choice(options: tuple[str, ...]) -> Callable[[object], str]:
    def read(raw: object) -> str:
        if raw not in options:
            raise ValueError(f"{raw!r} is not one of: {', '.join(options)}")
        return raw

    return read


def _scale(raw: object) -> str:
    if isinstance(raw, str) and raw.lower() in SCALE_SPELLINGS:
        raise ValueError(f"write the scale word that {raw!r} stands for: scale: {SCALE_SPELLINGS[raw.lower()]}")
    return _choice(tuple(SCALES))(raw)


def read_period(raw: object) -> Period:
    text = as_period_text(raw)
    if not PERIOD_RE.fullmatch(text):
        raise ValueError(f"{text!r} is not a date: write 2023, 2025-03 or 2025-03-11")
    try:
        dt.date.fromisoformat({4: f"{text}-01-01", 7: f"{text}-01", 10: text}[len(text)])
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None
    return Period(text)


def _draft(raw: object) -> bool:
    if raw is not True:
        raise ValueError("write draft: true on a draft, or delete the line once it is reviewed")
    return True


def _value(raw: object) -> Fraction:
    value = parse_value(raw)
    if abs(value.numerator) > 10**18 * value.denominator:  # |value| > 10**18, in int arithmetic
        raise ValueError("the number is out of range; write it with a scale (value: 1.5, scale: trillion)")
    return value


def _list_of(item: Callable[[object], object]) -> Callable[[object], tuple[object, ...]]:
    def read(raw: object) -> tuple[object, ...]:
        if not isinstance(raw, list):
            raise ValueError("a list is expected ([a, b] or one '- item' per line)")
        return tuple(item(entry) for entry in raw)

    return read


def _implied(raw: object) -> dict[str, str]:
    parts = ("subject", "property", "statistic", "whole", "constraint")
    if not isinstance(raw, dict) or not raw:
        raise ValueError(f"a mapping of parts ({', '.join(parts)}) to slugs is expected")
    for part, slug in raw.items():
        if part not in parts:
            raise ValueError(f"{part!r} is not one of: {', '.join(parts)}")
        if part == "statistic":
            _choice(STATISTICS)(slug)
        else:
            _slug(slug)
    return {str(part): str(slug) for part, slug in raw.items()}


def _file_name(raw: object) -> str:
    if not isinstance(raw, str) or not re.fullmatch(r"[\w.-]+\.txt", raw) or raw.startswith("."):
        raise ValueError(f"{raw!r} is not a file name in seeds/ (such as 000_6a61c59047892a2e.txt)")
    return raw


def _optional(read: Callable[[object], object]) -> Callable[[object], object]:
    """For metadata a source may be silent on: null stays None."""
    return lambda raw: None if raw is None else read(raw)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    description: str
    schema: dict[str, Any]
    read: Callable[[Any], object]  # takes whatever YAML gave; unused for a field with children
    required: bool = False
    children: tuple[FieldSpec, ...] = ()


_STR = {"type": "string"}
_SLUG = {"type": "string", "pattern": f"^{SLUG_RE.pattern}$"}
_UNIT_SLUG = {"type": "string", "pattern": f"^{UNIT_SLUG_RE.pattern}$"}
_PERIOD = {"type": ["string", "integer"], "pattern": f"^{PERIOD_RE.pattern}$"}
_NUMBER = {"oneOf": [{"type": "number"}, {"type": "string", "pattern": r"^-?\d+/[1-9]\d*$"}]}


def _enum(options: tuple[str, ...]) -> dict[str, Any]:
    return {"enum": list(options)}


def _draft_field(description: str) -> FieldSpec:
    return FieldSpec("draft", description, {"const": True}, _draft)


DRAFT_FIELD = _draft_field(
    "true on a machine draft (nqpf draft): delete the line once a person has checked it against its quote."
)

SOURCE_REF_FIELDS = (
    FieldSpec("seed", "Slug of the seed, as in seeds/sources.yml.", _SLUG, _slug, True),
    FieldSpec("quote", "The passage of the seed that states the fact, copied verbatim.", _STR, _text(2000), True),
)

FACT_FIELDS = (
    FieldSpec("id", "Stable kebab-case id, unique across all fact files; the permalink anchor.", _SLUG, _slug, True),
    FieldSpec("claim", "One plain sentence a reader sees.", _STR, _text(400), True),
    FieldSpec("kind", "figure, target or event.", _enum(KINDS), _choice(KINDS), True),
    FieldSpec(
        "value",
        "The number as written in the quote, before any scale word: 9.443 for "
        "'9.443 million'; a fraction in quotes for '2/3' or 'two-thirds'.",
        _NUMBER,
        _value,
    ),
    FieldSpec(
        "scale",
        "The scale word written after the number, spelled out: billion for "
        "'$35bn' or 'Rs1.2 billion', crore for 'Rs 5 crore'.",
        _enum(tuple(SCALES)),
        _scale,
    ),
    FieldSpec(
        "unit",
        "The unit's slug in facts/units.yml: percent, USD, CNY, MW, vehicles...; the quote must "
        "write one of its spellings next to the number (USD for '$', CNY for 'RMB' or 'yuan').",
        _UNIT_SLUG,
        _text(40),
    ),
    FieldSpec(
        "qualifier",
        "The hedge the quote writes just before the number ('over 16 million' "
        "is more than); leave it out when the quote hedges nothing.",
        _enum(QUALIFIERS),
        _choice(QUALIFIERS),
    ),
    FieldSpec(
        "period",
        "The year or date the fact refers to, as precise as the source; leave it out when the source is silent.",
        _PERIOD,
        read_period,
    ),
    FieldSpec("sector", "Slug of a sector in facts/sectors.yml.", _SLUG, _slug, True),
    FieldSpec("source", "Where the fact is written.", {"type": "object"}, dict, True, SOURCE_REF_FIELDS),
    FieldSpec(
        "said_by",
        "Slug of the speaker in facts/speakers.yml, when the source attributes the fact to someone.",
        _SLUG,
        _slug,
    ),
    FieldSpec(
        "qualifying_numbers",
        "Other numbers of the quote that qualify the value (the '30' of 'under 30 years of age').",
        {"type": "array", "items": _NUMBER},
        _list_of(_value),
    ),
    FieldSpec(
        "entities",
        "Places, organisations and programmes the fact is about.",
        {"type": "array", "items": _STR},
        _list_of(_label),
    ),
    FieldSpec("tags", "Free keywords that help search.", {"type": "array", "items": _STR}, _list_of(_label)),
    FieldSpec("note", "A remark for readers: how the period was read, what the figure covers.", _STR, _text(600)),
    FieldSpec(
        "method",
        "How its source counts the measure, where sources count it differently (the statistics bureau's output "
        "against the carmakers' association's): facts of one measure and period whose methods differ are shown "
        "side by side as counted differently, never as disagreeing.",
        _STR,
        _label,
    ),
    FieldSpec(
        "measure",
        "Slug of the measure in facts/measures.yml: the quantity this value is of (required with a value).",
        _SLUG,
        _slug,
    ),
    DRAFT_FIELD,
)

SECTOR_FIELDS = (
    FieldSpec("slug", "Kebab-case id; the page is sectors/<slug>/.", _SLUG, _slug, True),
    FieldSpec("title", "Short title.", _STR, _label, True),
    FieldSpec("description", "One line saying what the sector covers.", _STR, _text(300), True),
)

SPEAKER_FIELDS = (
    FieldSpec("slug", "Kebab-case id used by said_by.", _SLUG, _slug, True),
    FieldSpec("name", "Name as the sources write it.", _STR, _label, True),
    FieldSpec("role", "Role as the sources state it.", _STR, _text(200), True),
    FieldSpec("kind", "person, organisation or publication.", _enum(SPEAKER_KINDS), _choice(SPEAKER_KINDS), True),
)

_NULLABLE_STR = {"type": ["string", "null"]}
SOURCE_FIELDS = (
    FieldSpec("slug", "Kebab-case id facts use in source.seed.", _SLUG, _slug, True),
    FieldSpec("file", "The seed's file name in seeds/.", _STR, _file_name, True),
    FieldSpec("title", "The title the text states, or null.", _NULLABLE_STR, _optional(_label), True),
    FieldSpec("outlet", "The outlet the text names, or null.", _NULLABLE_STR, _optional(_label), True),
    FieldSpec("author", "The author the text names, or null.", _NULLABLE_STR, _optional(_label), True),
    FieldSpec(
        "date",
        "The publication date the text states, or null.",
        {"type": ["string", "integer", "null"]},
        _optional(read_period),
        True,
    ),
    FieldSpec("place", "The place the text is filed from, or null.", _NULLABLE_STR, _optional(_label), True),
    FieldSpec(
        "evidence",
        "Verbatim passages of the seed that state the metadata above.",
        {"type": "array", "items": _STR},
        _list_of(_text(400)),
    ),
    FieldSpec("note", "What else a reader should know about the text.", _STR, _text(600)),
    FieldSpec(
        "label",
        "How the site names a text without a title: the site's own short description, "
        'never presented as the source\'s title ("Report on remarks by Tanvir A. Bhatti").',
        _NULLABLE_STR,
        _optional(_label),
    ),
)


def _unit_slug(raw: object) -> str:
    if not isinstance(raw, str) or not UNIT_SLUG_RE.fullmatch(raw) or len(raw) > 40:
        raise ValueError(f"{raw!r} is not a unit slug: use an ISO 4217 code (USD), a symbol (kW) or kebab-case words")
    return raw


def _short(raw: object) -> str:
    if not isinstance(raw, str) or len(raw) > 12:
        raise ValueError('a short text is expected (at most 12 characters; "" for none)')
    return raw


def _fraction(raw: object) -> Fraction:
    value = _value(raw)
    if value <= 0:
        raise ValueError("a positive number is expected")
    return value


UNIT_FIELDS = (
    FieldSpec(
        "slug",
        "The unit's one slug, as facts and measures name it: USD, percent, MW, vehicles.",
        _UNIT_SLUG,
        _unit_slug,
        True,
    ),
    FieldSpec("label", "The unit's name for people: US dollars, megawatts.", _STR, _text(80), True),
    FieldSpec("short", "Its short form on charts and figures: $, %, MW.", _STR, _short, True),
    FieldSpec("kind", f"{', '.join(UNIT_KINDS)}.", _enum(UNIT_KINDS), _choice(UNIT_KINDS), True),
    FieldSpec(
        "spellings",
        "How a quote may write the unit next to its number ($, US$, U.S. dollars), compared without regard to case.",
        {"type": "array", "items": _STR, "minItems": 1},
        _list_of(_text(40)),
        True,
    ),
    FieldSpec("dimension", "For a physical unit: what it measures.", _enum(DIMENSIONS), _choice(DIMENSIONS)),
    FieldSpec(
        "factor", "For a physical unit: its size in the dimension's SI unit (1000000 for MW).", _NUMBER, _fraction
    ),
)

MEASURE_FIELDS = (
    FieldSpec("slug", "Kebab-case id facts use in measure.", _SLUG, _slug, True),
    FieldSpec("label", "What the facts measure, for pages, chart captions and the fact index.", _STR, _label, True),
    FieldSpec(
        "unit",
        "Slug of the unit in facts/units.yml its values are compared and charted in.",
        _UNIT_SLUG,
        _unit_slug,
        True,
    ),
    FieldSpec("definition", "One sentence saying what is measured, and what is not.", _STR, _text(400), True),
    FieldSpec("place", "The place it is about: China, Pakistan, the corridor.", _STR, _label, True),
    FieldSpec(
        "period",
        "What kind of period its facts take: calendar-year, fiscal-year, year-to-date, cumulative (a total to "
        "date) or none.",
        _enum(PERIOD_KINDS),
        _choice(PERIOD_KINDS),
        True,
    ),
    FieldSpec("sector", "Slug of the sector in facts/sectors.yml its facts belong to.", _SLUG, _slug, True),
    DRAFT_FIELD,
    FieldSpec(
        "subject", "Slug of the subject in facts/vocabulary.yml: what is counted (new-energy-vehicles).", _SLUG, _slug
    ),
    FieldSpec(
        "property",
        "Slug of the property in facts/vocabulary.yml: what of the subject (production, sales, exports); "
        "leave it out for the subject itself (GDP, population).",
        _SLUG,
        _slug,
    ),
    FieldSpec(
        "statistic",
        f"What the value is of the quantity: {', '.join(STATISTICS)} (level when left out).",
        _enum(STATISTICS),
        _choice(STATISTICS),
    ),
    FieldSpec("whole", "For a share: slug of the subject it is a share of (gdp).", _SLUG, _slug),
    FieldSpec("constraint", "Slug of a constraint in facts/vocabulary.yml (basic-research, target).", _SLUG, _slug),
)

VOCABULARY_FIELDS = (
    FieldSpec("slug", "Kebab-case id measures use (unique over the whole vocabulary).", _SLUG, _slug, True),
    FieldSpec(
        "part",
        f"Which part it spells: {', '.join(VOCABULARY_PARTS)}.",
        _enum(VOCABULARY_PARTS),
        _choice(VOCABULARY_PARTS),
        True,
    ),
    FieldSpec("label", "Its name for people: new energy vehicles, production.", _STR, _label, True),
    FieldSpec(
        "spellings",
        "How a text writes it (compared without regard to case; a possessive 's may follow): NEVs, produced.",
        {"type": "array", "items": _STR, "minItems": 1},
        _list_of(_text(60)),
        True,
    ),
    FieldSpec(
        "implies",
        "Other parts these words state when nothing nearer states them: {property: expenditure, statistic: share}.",
        {"type": "object", "additionalProperties": _SLUG},
        _implied,
    ),
    FieldSpec(
        "narrows",
        "Slugs of the same part this entry outranks when both are written (exports narrows sales).",
        {"type": "array", "items": _SLUG},
        _list_of(_slug),
    ),
)

IGNORED_FIELDS = (
    FieldSpec("seed", "Slug of the seed.", _SLUG, _slug, True),
    FieldSpec("quote", "A short verbatim passage holding the numbers that are not facts.", _STR, _text(80), True),
    FieldSpec("reason", "Why these numbers are not facts.", _STR, _text(300), True),
    DRAFT_FIELD,
)

# ---- translations (translations/<edition>/): each record names what it translates by its id

TRANSLATION_DRAFT_FIELD = _draft_field(
    "true on a machine translation: delete the line once a person who reads the language has checked it."
)
TRANSLATED_FACT_FIELDS = (
    FieldSpec("id", "Id of the fact in facts/ that this record translates.", _SLUG, _slug, True),
    FieldSpec(
        "claim",
        "The claim in this edition's language. It writes the fact's value as the fact states it (scale, unit "
        "and hedge in this language's words: 126万亿元, 24 کروڑ) and every number of the English claim.",
        _STR,
        _text(400),
        True,
    ),
    FieldSpec(
        "note", "The fact's note in this edition's language; its numbers are the English note's.", _STR, _text(600)
    ),
    TRANSLATION_DRAFT_FIELD,
)
TRANSLATED_MEASURE_FIELDS = (
    FieldSpec("slug", "Slug of the measure in facts/measures.yml.", _SLUG, _slug, True),
    FieldSpec("label", "The measure's label in this language.", _STR, _text(120), True),
    FieldSpec("definition", "The measure's definition in this language.", _STR, _text(400), True),
    FieldSpec("place", "The place it is about, in this language.", _STR, _text(120)),
    TRANSLATION_DRAFT_FIELD,
)
TRANSLATED_SECTOR_FIELDS = (
    FieldSpec("slug", "Slug of the sector in facts/sectors.yml.", _SLUG, _slug, True),
    FieldSpec("title", "The sector's title in this language.", _STR, _text(120), True),
    FieldSpec("description", "The sector's description in this language.", _STR, _text(300), True),
    TRANSLATION_DRAFT_FIELD,
)
TRANSLATED_UNIT_FIELDS = (
    FieldSpec("slug", "Slug of the unit in facts/units.yml.", _UNIT_SLUG, _unit_slug, True),
    FieldSpec("label", "The unit's name in this language: 美元, امریکی ڈالر.", _STR, _text(80), True),
    FieldSpec("short", "Its short form on charts and figures in this language.", _STR, _short, True),
    FieldSpec(
        "spellings",
        "How a translated claim writes the unit next to its number (元, 人民币; یوآن); leave it out for a unit "
        "written with no word (a share: 三分之二).",
        {"type": "array", "items": _STR},
        _list_of(_text(40)),
    ),
    TRANSLATION_DRAFT_FIELD,
)
TRANSLATED_VOCABULARY_FIELDS = (
    FieldSpec("slug", "Slug of the entry in facts/vocabulary.yml.", _SLUG, _slug, True),
    FieldSpec(
        "spellings",
        "How a text in this language writes the entry (产量, 生产; پیداوار): the text checker reads a number's "
        "subject, property, statistic and place by them.",
        {"type": "array", "items": _STR, "minItems": 1},
        _list_of(_text(60)),
        True,
    ),
    TRANSLATION_DRAFT_FIELD,
)
TRANSLATED_STRING_FIELDS = (
    FieldSpec(
        "en",
        "A string of the site as its code writes it in English, placeholders and all: according to {source}.",
        _STR,
        _verbatim(600),
        True,
    ),
    FieldSpec(
        "text",
        "The string in this language, with the English's placeholders ({source}) kept.",
        _STR,
        _verbatim(600),
        True,
    ),
    TRANSLATION_DRAFT_FIELD,
)
GLOSSARY_FIELDS = (
    FieldSpec(
        "en",
        "The English term, as the English texts write it (compared without regard to case).",
        _STR,
        _text(80),
        True,
    ),
    FieldSpec("zh", "The Chinese every translation uses for it.", _STR, _text(80), True),
    FieldSpec("ur", "The Urdu every translation uses for it.", _STR, _text(80), True),
    FieldSpec("note", "Why this rendering (an official usage, a source).", _STR, _text(300)),
)


def read_fields(
    record: Record, specs: tuple[FieldSpec, ...], shown: str, *, record_id: str | None, prefix: str = ""
) -> tuple[dict[str, object], list[Problem]]:
    """Check a record against its field table: unknown, missing and malformed fields."""
    values: dict[str, object] = {}
    problems: list[Problem] = []
    data = record.data[prefix[:-1]] if prefix else record.data  # a prefix is a field name and "."
    known = {spec.name for spec in specs}
    if not isinstance(data, dict):
        return values, [
            Problem(
                shown,
                record.line_of(prefix[:-1]),
                f"a mapping with {', '.join(sorted(known))} is expected",
                record_id,
                prefix[:-1],
            )
        ]
    for name in data:
        if name not in known:
            close = difflib.get_close_matches(name, known)
            hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(sorted(known))}"
            problems.append(
                Problem(shown, record.line_of(prefix + name), f"unknown field; {hint}", record_id, prefix + name)
            )
    for spec in specs:
        name = spec.name
        if name not in data:
            if spec.required:
                problems.append(
                    Problem(shown, record.line, f"is missing; add it ({spec.description})", record_id, prefix + name)
                )
            continue
        if spec.children:
            child_values, child_problems = read_fields(
                record, spec.children, shown, record_id=record_id, prefix=f"{prefix}{name}."
            )
            values[name] = child_values
            problems += child_problems
            continue
        try:
            values[name] = spec.read(data[name])
        except ValueError as error:
            problems.append(Problem(shown, record.line_of(prefix + name), str(error), record_id, prefix + name))
    return values, problems


def kind_rules(values: dict[str, object]) -> list[tuple[str, str]]:
    """What a fact's kind asks of its other fields, as (field, message) pairs."""
    rules: list[tuple[str, str]] = []
    if values.get("kind") == "figure" and "value" not in values:
        rules.append(("value", "is missing; a figure needs the number its quote states"))
    if "value" in values and "unit" not in values:
        rules.append(("unit", "is missing; name the unit's slug in facts/units.yml (percent, USD, vehicles...)"))
    if "value" in values and "measure" not in values and not values.get("draft"):
        rules.append(("measure", "is missing; a value is of a measure: name its slug in facts/measures.yml"))
    for name in ("scale", "qualifier", "qualifying_numbers"):
        if name in values and "value" not in values:
            rules.append((name, "given without a value"))
    return rules


SCHEMAS: dict[str, tuple[tuple[FieldSpec, ...], str, str]] = {
    "facts": (
        FACT_FIELDS,
        "nqpf-facts fact file",
        "A list of facts; each states a figure, target or event with a verbatim quote of its seed.",
    ),
    "units": (UNIT_FIELDS, "nqpf-facts units", "The units facts and measures name: one slug per unit."),
    "measures": (
        MEASURE_FIELDS,
        "nqpf-facts measures",
        "The quantities facts state values of, each across sources and periods.",
    ),
    "vocabulary": (
        VOCABULARY_FIELDS,
        "nqpf-facts vocabulary",
        "The subjects, properties, constraints, places and statistics measures are made of, with their spellings.",
    ),
    "translated-facts": (
        TRANSLATED_FACT_FIELDS,
        "nqpf-facts translated facts",
        "Claims of facts in one edition's language (translations/<edition>/<fact file>.yml).",
    ),
    "translated-measures": (
        TRANSLATED_MEASURE_FIELDS,
        "nqpf-facts translated measures",
        "Measures' labels and definitions in one edition's language (translations/<edition>/measures.yml).",
    ),
    "translated-sectors": (
        TRANSLATED_SECTOR_FIELDS,
        "nqpf-facts translated sectors",
        "Sectors' titles and descriptions in one edition's language (translations/<edition>/sectors.yml).",
    ),
    "translated-units": (
        TRANSLATED_UNIT_FIELDS,
        "nqpf-facts translated units",
        "Units' names and spellings in one edition's language (translations/<edition>/units.yml).",
    ),
    "translated-vocabulary": (
        TRANSLATED_VOCABULARY_FIELDS,
        "nqpf-facts translated vocabulary",
        "How texts in one edition's language spell the vocabulary's entries (translations/<edition>/vocabulary.yml).",
    ),
    "translated-strings": (
        TRANSLATED_STRING_FIELDS,
        "nqpf-facts translated site strings",
        "The site's own words (headings, labels, notes) in one edition's language (translations/<edition>/site.yml).",
    ),
    "glossary": (
        GLOSSARY_FIELDS,
        "nqpf-facts glossary",
        "Recurring terms and the words every translation uses for them (translations/glossary.yml).",
    ),
}


def json_schema(name: str = "facts") -> dict[str, Any]:
    """JSON Schema of a fact file, facts/units.yml or facts/measures.yml, generated from their
    field tables for editors and CI."""
    specs, title, description = SCHEMAS[name]

    def properties(specs: tuple[FieldSpec, ...]) -> dict[str, Any]:
        return {
            spec.name: (
                {
                    **spec.schema,
                    "description": spec.description,
                    "additionalProperties": False,
                    "properties": properties(spec.children),
                    "required": [c.name for c in spec.children if c.required],
                }
                if spec.children
                else {**spec.schema, "description": spec.description}
            )
            for spec in specs
        }

    items: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": properties(specs),
        "required": [spec.name for spec in specs if spec.required],
    }
    if name == "facts":
        items["allOf"] = [
            {"if": {"properties": {"kind": {"const": "figure"}}}, "then": {"required": ["value", "unit"]}},
            {"if": {"required": ["value"]}, "then": {"required": ["unit"]}},
        ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": f"{description} Generated from hooks/nqpf/model.py: do not edit.",
        "type": "array",
        "items": items,
    }
