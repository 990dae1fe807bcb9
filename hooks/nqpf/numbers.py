"""Read the numbers written in a text: numerals, money, percentages, scales, fractions, words.

The reader is deliberately literal: it reports what is *written* ("9.443 million",
"Rs1.13tr", "$35bn", "5 crore", "one-quarter", "four") with its exact value, its scale word
and the hedge written just before it ("over", "nearly"), so a fact can be compared with its
quote without rounding. Numerals glued to letters ("G2G", "5G", "FY24") are identifiers,
not numbers, except the forms that the corridor's sources glue on purpose: a currency before
the amount (``Rs950``, ``US$6.5``, ``PKR75bn``), an abbreviated scale (``35bn``, ``1.13tr``),
a unit (``884MW``, ``21.3pc``) and a multiplication (``4x330MW``). Digit ordinals ("75th")
are read; word ordinals ("third") are not, unless they are the denominator of a fraction
("one-third").
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

# Scale words of the model, smallest first: lakh and crore are how South Asian sources count.
SCALES: dict[str, int] = {
    "thousand": 10**3,
    "lakh": 10**5,
    "million": 10**6,
    "crore": 10**7,
    "billion": 10**9,
    "trillion": 10**12,
}
# How sources inflect or abbreviate a scale word; a fact always states the word itself.
SCALE_WORD_FORMS: dict[str, str] = {"lakhs": "lakh", "lac": "lakh", "lacs": "lakh", "crores": "crore"}
SCALE_ABBREVIATIONS: dict[str, str] = {
    "bn": "billion",
    "bln": "billion",
    "b": "billion",  # "b" and "m" only right after a currency
    "mn": "million",
    "mln": "million",
    "m": "million",
    "tr": "trillion",
    "trn": "trillion",
    "tn": "trillion",
    "trln": "trillion",
}
SCALE_SPELLINGS: dict[str, str] = {**SCALE_WORD_FORMS, **SCALE_ABBREVIATIONS}
# A currency written before an amount, and the units a fact may give such an amount. In the
# corridor's sources "$" is the US dollar and "Rs" the Pakistani rupee; "¥" is left open.
CURRENCIES: dict[str, tuple[str, ...]] = {
    "$": ("USD",),
    "US$": ("USD",),
    "USD": ("USD",),
    "HK$": ("HKD",),
    "Rs": ("PKR",),
    "Rs.": ("PKR",),
    "RS": ("PKR",),
    "RS.": ("PKR",),
    "PKR": ("PKR",),
    "CNY": ("CNY",),
    "RMB": ("CNY",),
    "Rmb": ("CNY",),
    "¥": ("CNY", "JPY"),
    "€": ("EUR",),
    "EUR": ("EUR",),
    "£": ("GBP",),
    "GBP": ("GBP",),
}
# The hedge written just before a number, as the qualifier a fact must state.
HEDGES: dict[str, str] = {
    **dict.fromkeys(
        (
            "more than",
            "over",
            "just over",
            "above",
            "in excess of",
            "upwards of",
            "exceed",
            "exceeds",
            "exceeded",
            "exceeding",
            "surpass",
            "surpasses",
            "surpassed",
            "surpassing",
            "topped",
            "tops",
            "topping",
        ),
        "more than",
    ),
    **dict.fromkeys(("nearly", "almost", "close to", "just under", "just below"), "nearly"),
    **dict.fromkeys(
        ("about", "around", "approximately", "approx.", "roughly", "some", "an estimated", "estimated", "circa"),
        "about",
    ),
    **dict.fromkeys(("up to", "no more than", "not more than"), "up to"),
    **dict.fromkeys(("at least", "no less than", "not less than", "no fewer than", "a minimum of"), "at least"),
    **dict.fromkeys(("less than", "fewer than", "under", "below"), "less than"),
}

# Month names and their abbreviations as sources write them, for reading dates in words.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
# Denominators of word fractions ("one-quarter", "two-fifths"); "second" is never one.
DENOMINATORS: dict[str, int] = {
    "half": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
# "the first three quarters" counts quarters of a year: no fraction after these words.
_COUNTING_RE = re.compile(r"(?i:\b(?:first|last|past|next|previous|recent|consecutive))\s+\Z")


def _either(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that no word hides a longer one."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MONTH_PATTERN = _either(MONTHS)  # "September|Sept|Sep|...": a month name, longest first
_SPACE = r"[ \u00a0]"
_SCALE = rf"(?:\s+(?P<scale>(?i:{_either([*SCALES, *SCALE_WORD_FORMS])}))\b)"
_PERCENT = r"(?:[\s-]?(?P<percent>%|(?i:per\s?cent|pct)\b))"
_ABBREVIATION = f"(?i:{_either(a for a in SCALE_ABBREVIATIONS if a not in ('m', 'b'))})"
_GLUED_UNIT = "MWh|GWh|kWh|TWh|MW|GW|kW|KW|kV|KV|km|Km|KM|m"  # case matters: 5M is not 5m
# A unit joined to its number by a hyphen, as an adjective: "the 884-MW project", "a 1,320-megawatt plant".
_HYPHENED_UNIT = (
    "(?<=-)(?:(?:mega|giga|kilo)watts?|kilomet(?:re|er)s?|acres?|tonnes?|tons?|(?:mega|giga|kilo)watt-hours?)(?![\\w-])"
)

# Each pattern starts with a look-ahead for the characters a match can start with, so most
# positions of a text are rejected before the slower look-behind runs.
# A date (2025-03-11) or a fiscal year ("2023-24", "2018/19", "FY2019", "FY 2023-24"), read as
# its (first) year; one pattern, so the text is scanned once for both.
_DATE_RE = re.compile(
    r"(?=[F12])(?<![\w.,/$-])"
    r"(?:(?P<date>\d{4}-\d{2}-\d{2})(?![\w-])"
    r"|(?P<fy>FY\s?)?(?P<year>(?:19|20)\d\d)"  # a plain year is left to the numeral reader
    r"(?(fy)(?:[-/–](?P<next>\d\d))?|[-/–](?P<next_year>\d\d))(?![\w/-]))(?!\.\d)"
)
_NUMERAL_RE = re.compile(
    r"(?=[-−$€£¥\dRPUCHEG])"
    r"(?:(?<=\d[x×])|(?<![\w.,/$]))"  # not glued to a word or numeral, but for "4x330"
    r"(?P<sign>(?<![^\s(])[-−])?"  # a minus sign only after a space, '(' or the start
    rf"(?:(?P<currency>{_either(CURRENCIES)}){_SPACE}?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"(?:/(?P<den>\d+))?"
    r"(?:(?P<ordinal>(?i:st|nd|rd|th))"
    rf"|(?P<glued_scale>{_ABBREVIATION}|(?(currency)[mb]|(?!)))"
    rf"|-?(?P<unit>{_GLUED_UNIT}|{_HYPHENED_UNIT})"
    r"|(?P<glued_percent>(?i:pct|pc)))?"
    r"(?:(?=[x×]\d)|(?!\w))(?!\.\d)(?!,\d{3})"
    rf"(?:{_SCALE}|(?(currency){_SPACE}(?P<spaced_scale>{_ABBREVIATION}|m|b)\b|(?!)))?"
    rf"{_PERCENT}?"
)
_WORD = _either(WORD_VALUES)
_DIGIT_WORD = _either(_UNITS[1:10])
_FIRST_LETTERS = "".join(sorted({word[0] for word in WORD_VALUES}))
_WORDS_RE = re.compile(  # the look-ahead rejects most words at their first letter: 3x faster
    rf"(?i:\b(?=[{_FIRST_LETTERS}])(?P<first>{_WORD})"
    rf"(?:[- ](?P<denominator>{_either(DENOMINATORS)})\b(?!-)"
    rf"|(?:[- ](?:{_DIGIT_WORD}))?(?:\s+hundred(?:\s+(?:and\s+)?(?:{_WORD})(?:[- ](?:{_DIGIT_WORD}))?)?)?)"
    rf"\b){_SCALE}?{_PERCENT}?"
)
# Hedges are looked for only just before each number: the text before it, reversed, must start
# with white space and a hedge (reversed), which most numbers fail at their first character.
_HEDGE_BEFORE_RE = re.compile(rf"(?i:\s+(?P<hedge>{_either(w[::-1] for w in HEDGES)})(?![\w-]))")
_HEDGE_REACH = 32  # characters looked back: the longest hedge and its white space
_CONVERSION_RE = re.compile(r"\s*[^\W\d]*(?:\s+[^\W\d]+){0,3}\s*\(\s*\Z")  # " yuan ("


@dataclass(frozen=True)
class NumberMention:
    """One number as written in a text, with its exact value before any scale word."""

    text: str
    value: Fraction
    start: int
    end: int
    scale: str | None = None
    percent: bool = False
    ordinal: bool = False
    date: str | None = None
    currency: str | None = None  # as written before the amount: "Rs", "US$", "CNY"
    unit: str | None = None  # a unit glued to the number: "MW" of "884MW"
    hedge: str | None = None  # the qualifier its hedge states: "more than" for "topped"
    hedge_words: str | None = None  # the hedge as written: "topped"
    scale_size: int | None = None  # the size of a scale word of another language (万: 10,000)

    @property
    def magnitude(self) -> Fraction:
        """The value with its scale word applied: "9.443 million" -> 9443000."""
        return self.value * (self.scale_size or SCALES.get(self.scale or "", 1))

    @property
    def currency_units(self) -> tuple[str, ...]:
        """The units a fact may give this amount: ("PKR",) for "Rs950 billion"."""
        return CURRENCIES.get(self.currency or "", ())

    @property
    def year(self) -> int | None:
        """The year this mention can stand for, if it looks like one (1800-2199)."""
        if self.date:
            return int(self.date[:4])
        plain = not (self.scale or self.percent or self.ordinal or self.currency or self.unit)
        if plain and self.value.denominator == 1 and 1800 <= self.value.numerator <= 2199 and "," not in self.text:
            return self.value.numerator  # int arithmetic: Fraction comparisons are slow; "2,160" is a count
        return None


def _is_real_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=4096)  # years and round numbers recur in every text
def _exact(numeral: str) -> Fraction:
    """ "1,000.5" -> 2001/2, exactly; integer arithmetic where it can (Fraction(str) is slow)."""
    numeral = numeral.replace(",", "")
    whole, dot, decimals = numeral.partition(".")
    if whole.isdigit() and (not dot or decimals.isdigit()):
        return Fraction(int(whole + decimals), 10 ** len(decimals))
    return Fraction(numeral)  # an exponent: 1e3


def _scale_word(written: str | None) -> str | None:
    if not written:
        return None
    written = written.lower()
    return SCALE_SPELLINGS.get(written, written)


def _date_or_fiscal_year(match: re.Match[str]) -> NumberMention | None:
    if match["date"]:
        if not _is_real_date(match["date"]):
            return None
        return NumberMention(
            text=match["date"],
            value=Fraction(int(match["date"][:4])),
            start=match.start(),
            end=match.end(),
            date=match["date"],
        )
    year, following = int(match["year"]), match["next"] or match["next_year"]
    if following is not None and int(following) != (year + 1) % 100:
        return None  # a range such as 2021-24, read as two numbers
    return NumberMention(text=match.group(0), value=Fraction(year), start=match.start(), end=match.end())


# A numeral of more digits than this is a code or an identifier, never a quantity a report states:
# the reader leaves it unread (Python refuses to turn 4,300 digits into a number, and a figure
# that no reader could take in is none).
MAX_DIGITS = 40


def _too_long(num: str, den: str | None) -> bool:
    mantissa, _, exponent = num.lower().partition("e")
    digits = sum(c.isdecimal() for c in mantissa) + len(den or "")
    if digits > MAX_DIGITS or len(exponent.lstrip("+-")) > 2:
        return True
    return bool(exponent) and abs(int(exponent)) > MAX_DIGITS


_TOO_LARGE: int = 10**MAX_DIGITS


def _too_large(value: Fraction) -> bool:
    return abs(value.numerator) >= _TOO_LARGE or value.denominator >= _TOO_LARGE


def _numeral(match: re.Match[str]) -> NumberMention | None:
    # one group() call for every group: this runs for every number of every seed
    sign, currency, num, den, ordinal, glued_scale, unit, glued_percent, scale, spaced_scale, percent = match.group(
        "sign",
        "currency",
        "num",
        "den",
        "ordinal",
        "glued_scale",
        "unit",
        "glued_percent",
        "scale",
        "spaced_scale",
        "percent",
    )
    if _too_long(num, den):
        return None
    value = _exact(num)
    if den:
        value /= Fraction(den) if int(den) else 1
    if sign:
        value = -value
    scale = scale or glued_scale or spaced_scale
    return NumberMention(
        match.group(0),
        value,
        match.start(),
        match.end(),
        _scale_word(scale),
        bool(percent or glued_percent),
        bool(ordinal),
        None,
        currency,
        unit,
    )


def _spelled(words: str) -> int:
    """ "two hundred and fifty" -> 250; "twenty-one" -> 21."""
    total = 0
    for word in filter(None, re.split(r"[\s-]+", words.lower())):  # "twenty-" of "twenty-percent"
        if word == "hundred":
            total *= 100
        elif word != "and":
            total += WORD_VALUES[word]
    return total


def _words(match: re.Match[str]) -> NumberMention:
    start, end = match.start(), match.end()
    scale = _scale_word(match["scale"])
    percent = bool(match["percent"])
    denominator = match["denominator"]
    if denominator is None:
        number = match.group(0)[
            : (match.start("scale") if scale else match.start("percent") if percent else end) - start
        ]
        value = Fraction(_spelled(number.strip()))
    elif _COUNTING_RE.search(match.string, 0, start) or not (1 <= WORD_VALUES[match["first"].lower()] <= 10):
        # "the first three quarters": a count, read as the count alone
        end = match.end("first")
        scale, percent, value = None, False, Fraction(WORD_VALUES[match["first"].lower()])
    else:
        value = Fraction(WORD_VALUES[match["first"].lower()], DENOMINATORS[denominator.lower()])
    return NumberMention(text=match.string[start:end], value=value, start=start, end=end, scale=scale, percent=percent)


def _hedged(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """The mentions with the hedge written just before each; a converted amount in brackets
    shares the hedge of the amount it converts ("exceeded 126 trillion yuan ($17.51 trillion)")."""
    previous: NumberMention | None = None
    for index, bare in enumerate(found):
        start = bare.start
        hedge = _HEDGE_BEFORE_RE.match(text[max(0, start - _HEDGE_REACH) : start][::-1])
        if hedge is not None:
            words = " ".join(hedge["hedge"][::-1].split())
            found[index] = _with_hedge(bare, HEDGES[words.lower()], words)
        elif previous is not None and previous.hedge and _CONVERSION_RE.match(text, previous.end, start):
            found[index] = _with_hedge(bare, previous.hedge, previous.hedge_words)
        previous = found[index]
    return found


def _with_hedge(mention: NumberMention, hedge: str | None, words: str | None) -> NumberMention:
    return NumberMention(
        mention.text,
        mention.value,
        mention.start,
        mention.end,
        mention.scale,
        mention.percent,
        mention.ordinal,
        mention.date,
        mention.currency,
        mention.unit,
        hedge,
        words,
    )


def read_numbers(text: str) -> list[NumberMention]:
    """Every number written in ``text``, in order of appearance, without overlaps."""
    found: list[NumberMention] = []
    taken = bytearray(len(text))  # 1 where a number already found stands

    def take(mention: NumberMention | None) -> None:
        if mention is None or 1 in taken[mention.start : mention.end] or _too_large(mention.value):
            return
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        found.append(mention)

    for pattern, build in ((_DATE_RE, _date_or_fiscal_year), (_NUMERAL_RE, _numeral), (_WORDS_RE, _words)):
        for match in pattern.finditer(text):
            take(build(match))
    return _hedged(text, sorted(found, key=lambda m: m.start))


def parse_value(raw: object) -> Fraction:
    """A fact's ``value`` as an exact number: an int, a float, or a fraction string "2/3".

    Raises ValueError with a reader-friendly reason.
    """
    if isinstance(raw, bool):
        raise ValueError("a number is expected, not true/false")
    if isinstance(raw, int):
        return Fraction(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise ValueError("the number is not finite")
        return _exact(repr(raw))  # repr keeps what was written: 9.443, not its binary twin
    if isinstance(raw, str) and re.fullmatch(r"\s*-?\d+\s*/\s*[1-9]\d*\s*", raw):
        numerator, denominator = raw.split("/")
        return Fraction(int(numerator), int(denominator))
    raise ValueError('a number (28, 9.443) or a fraction in quotes ("2/3") is expected')


def format_number(value: Fraction) -> str:
    """A value for people: 30000 -> "30,000", 9.443 -> "9.443", 2/3 -> "2/3"."""
    numerator, denominator = value.numerator, value.denominator
    for places in range(11):  # the shortest exact decimal, if one has at most 10 places
        if 10**places % denominator == 0:
            whole, decimals = divmod(abs(numerator) * (10**places // denominator), 10**places)
            sign = "-" if numerator < 0 else ""
            return f"{sign}{whole:,}" + (f".{decimals:0{places}d}" if places else "")
    return f"{numerator}/{denominator}"


def describe(mentions: list[NumberMention]) -> str:
    """The numbers of a text as a short list for error messages."""
    return ", ".join(m.text for m in mentions) or "none"
