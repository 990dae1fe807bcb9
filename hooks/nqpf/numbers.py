"""Read the numbers written in a text: numerals, percentages, scales, fractions and words.

The reader is deliberately literal: it reports what is *written* ("9.443 million",
"2/3", "four") with its exact value, so a fact's value can be compared with its quote
without rounding. Numerals glued to letters ("G2G", "5Es") are identifiers, not numbers;
digit ordinals ("75th") are read, word ordinals ("third") are not.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from fractions import Fraction

SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})

_SCALE = r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)"
_PERCENT = r"(?:\s?(?P<percent>%|per\s?cent\b))"
_SUFFIX = rf"{_SCALE}?{_PERCENT}?"

# Each pattern starts with a look-ahead for the characters a match can start with, so most
# positions of a text are rejected before the slower look-behind runs.
_DATE_RE = re.compile(r"(?=\d)(?<![\w.-])(?P<date>\d{4}-\d{2}-\d{2})(?![\w-])(?!\.\d)")
_NUMERAL_RE = re.compile(
    r"(?=[-−$€£¥\d])"
    r"(?<![\w.,/$])"  # not glued to a word or to another numeral
    r"(?P<sign>(?<![^\s(])[-−])?"  # a minus sign only after a space, '(' or the start
    r"(?P<currency>[$€£¥])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"(?:/(?P<den>\d+))?"
    r"(?P<ordinal>st|nd|rd|th)?"
    r"(?![\w])(?!\.\d)(?!,\d{3})" + _SUFFIX,
    re.IGNORECASE,
)
_WORD = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
_FIRST_LETTERS = "".join(sorted({word[0] for word in WORD_VALUES}))
_WORDS_RE = re.compile(  # the look-ahead rejects most words at their first letter: 3x faster
    rf"\b(?=[{_FIRST_LETTERS}])(?P<first>{_WORD})(?:[- ](?P<second>{'|'.join(_UNITS[1:10])}))?"
    rf"(?:\s+(?P<hundred>hundred))?\b" + _SUFFIX,
    re.IGNORECASE,
)


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

    @property
    def magnitude(self) -> Fraction:
        """The value with its scale word applied: "9.443 million" -> 9443000."""
        return self.value * SCALES.get(self.scale or "", 1)

    @property
    def year(self) -> int | None:
        """The year this mention can stand for, if it looks like one (1800-2199)."""
        if self.date:
            return int(self.date[:4])
        plain = not (self.scale or self.percent or self.ordinal)
        if plain and self.value.denominator == 1 and 1800 <= self.value.numerator <= 2199:
            return self.value.numerator  # int arithmetic: Fraction comparisons are slow
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


def _numeral(match: re.Match[str]) -> NumberMention:
    value = _exact(match["num"])
    if match["den"]:
        value /= Fraction(match["den"]) if int(match["den"]) else 1
    if match["sign"]:
        value = -value
    return NumberMention(
        text=match.group(0), value=value, start=match.start(), end=match.end(),
        scale=(match["scale"] or "").lower() or None, percent=bool(match["percent"]),
        ordinal=bool(match["ordinal"]),
    )


def _words(match: re.Match[str]) -> NumberMention:
    value = WORD_VALUES[match["first"].lower()]
    if match["second"]:
        value += WORD_VALUES[match["second"].lower()]
    if match["hundred"]:
        value *= 100
    return NumberMention(
        text=match.group(0), value=Fraction(value), start=match.start(), end=match.end(),
        scale=(match["scale"] or "").lower() or None, percent=bool(match["percent"]),
    )


def read_numbers(text: str) -> list[NumberMention]:
    """Every number written in ``text``, in order of appearance, without overlaps."""
    found: list[NumberMention] = []
    taken = bytearray(len(text))  # 1 where a number already found stands

    def take(start: int, end: int) -> bool:
        if 1 in taken[start:end]:
            return False
        taken[start:end] = b"\x01" * (end - start)
        return True

    for match in _DATE_RE.finditer(text):
        if _is_real_date(match["date"]) and take(match.start(), match.end()):
            found.append(NumberMention(text=match["date"], value=Fraction(int(match["date"][:4])),
                                       start=match.start(), end=match.end(), date=match["date"]))
    for pattern, build in ((_NUMERAL_RE, _numeral), (_WORDS_RE, _words)):
        for match in pattern.finditer(text):
            if take(match.start(), match.end()):
                found.append(build(match))
    return sorted(found, key=lambda m: m.start)


def parse_value(raw: object) -> Fraction:
    """A fact's ``value`` as an exact number: an int, a float, or a fraction string "2/3".

    Raises ValueError with a reader-friendly reason.
    """
    if isinstance(raw, bool):
        raise ValueError("a number is expected, not true/false")
    if isinstance(raw, int):
        return Fraction(raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise ValueError("the number is not finite")
        return _exact(repr(raw))  # repr keeps what was written: 9.443, not its binary twin
    if isinstance(raw, str) and re.fullmatch(r"\s*-?\d+\s*/\s*[1-9]\d*\s*", raw):
        numerator, denominator = raw.split("/")
        return Fraction(int(numerator), int(denominator))
    raise ValueError("a number (28, 9.443) or a fraction in quotes (\"2/3\") is expected")


def format_number(value: Fraction) -> str:
    """A value for people: 30000 -> "30,000", 9.443 -> "9.443", 2/3 -> "2/3"."""
    numerator, denominator = value.numerator, value.denominator
    for places in range(11):  # the shortest exact decimal, if one has at most 10 places
        if 10**places % denominator == 0:
            digits = f"{abs(numerator) * (10**places // denominator):0{places + 1}d}"
            whole, decimals = digits[: len(digits) - places], digits[len(digits) - places:]
            sign = "-" if numerator < 0 else ""
            return f"{sign}{int(whole):,}" + (f".{decimals}" if decimals else "")
    return f"{numerator}/{denominator}"


def describe(mentions: list[NumberMention]) -> str:
    """The numbers of a text as a short list for error messages."""
    return ", ".join(m.text for m in mentions) or "none"
