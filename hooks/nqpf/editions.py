"""The site's other editions (中文, اردو): their languages, and how each writes numbers, values
and dates, as CLDR writes them in its locale (through Babel), never from tables of our own.

A number is written in its compact form when that form is exact (126万亿, 24 کروڑ: CLDR's
scales of each language), else in full; what is written is read back by the edition's own
number reader before it is used, so a page never shows a number its reader would misread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from .localised_numbers import LANGUAGES, ZH_DIGITS, NumberWords
from .model import PERCENT, Fact, Period
from .numbers import format_number


@dataclass(frozen=True)
class Edition:
    """One language the site is published in, besides English."""

    code: str  # the language's BCP 47 tag and the edition's folder: /zh/
    name: str  # in its own language, for the language switcher
    english_name: str
    locale: str  # CLDR's locale for its numbers and dates
    direction: str  # "ltr" or "rtl"

    @property
    def words(self) -> NumberWords:
        return LANGUAGES[self.code]


EDITIONS: dict[str, Edition] = {
    "zh": Edition("zh", "中文", "Chinese", "zh_Hans_CN", "ltr"),
    "ur": Edition("ur", "اردو", "Urdu", "ur_PK", "rtl"),
}


def edition_links(current: str, root_url: str) -> list[dict[str, str]]:
    """Every edition as the language switcher and the sitemap link to it from edition
    ``current``: its code, its name in its own language, its root relative to the current
    edition's root, and its absolute root (when the site has a URL)."""
    names = {"en": "English", **{code: e.name for code, e in EDITIONS.items()}}
    up = "" if current == "en" else "../"
    return [
        {
            "code": code,
            "name": name,
            "root": up if code == "en" else f"{up}{code}/",
            "url": f"{root_url}{'' if code == 'en' else code + '/'}" if root_url else "",
            "dir": EDITIONS[code].direction if code in EDITIONS else "ltr",
        }
        for code, name in names.items()
    ]


def _decimal(value: Fraction) -> Decimal | None:
    """The exact decimal of a value, or None (2/3 has none)."""
    places = next((p for p in range(11) if 10**p % value.denominator == 0), None)
    if places is None:
        return None
    return Decimal(value.numerator * (10**places // value.denominator)).scaleb(-places)


@lru_cache(maxsize=4096)  # a base repeats its percentages and round numbers
def written_number(number: Fraction, edition: Edition, *, percent: bool = False) -> str | None:
    """A number as CLDR writes it in the edition's locale, in its compact form when that is exact
    (126万亿, 24 کروڑ), else in full; None for a value with no exact decimal."""
    exact = _decimal(number)
    if exact is None:
        return None if percent else _written_fraction(number, edition.words)
    if percent:
        written = format_decimal(exact, locale=edition.locale, decimal_quantization=False)
        return f"{written}%"
    # compact and exact; that the edition's reader reads it back as ``number`` is tested
    # (test_editions), not checked again at each of a build's 10,000 values
    compact = _compact(number, edition.locale)
    return compact if compact is not None else format_decimal(exact, locale=edition.locale, decimal_quantization=False)


@lru_cache(maxsize=8)
def _locale(locale: str) -> Locale:
    return Locale.parse(locale)


@lru_cache(maxsize=8)
def _compact_patterns(locale: str) -> dict[str, tuple[tuple[int, str], ...]]:
    """CLDR's short compact patterns of a locale by plural form, the largest magnitude first:
    (10**12, "0万亿"), (10**7, "0 کروڑ")."""
    forms = _locale(locale).compact_decimal_formats["short"]
    return {
        form: tuple(sorted(((int(size), pattern.pattern) for size, pattern in patterns.items()), reverse=True))
        for form, patterns in forms.items()
    }


def _compact(number: Fraction, locale: str) -> str | None:
    """``number`` in the locale's compact pattern for its size, exactly (Babel's own
    format_compact_decimal rounds to a count of digits, and is ten times slower), or None when
    it has no exact decimal. As CLDR's compact forms do, digits are not grouped: 4819.3."""
    patterns = _compact_patterns(locale)
    form = _locale(locale).plural_form(float(number))
    whole = abs(number.numerator) // number.denominator  # its size, in integers: Fractions compare slowly
    pattern, divisor = "0", 1  # below the smallest size, or a size whose pattern is "0": as it is
    for size, candidate in patterns.get(form, patterns["other"]):
        if whole >= size:
            zeros = candidate.count("0")
            pattern, divisor = (candidate, size // 10 ** (zeros - 1)) if zeros < len(candidate) else ("0", 1)
            break
    written = format_number(number / divisor).replace(",", "")
    zeros = pattern.count("0")
    return None if "/" in written else pattern.replace("0" * zeros, written, 1)


def _written_fraction(number: Fraction, words: NumberWords) -> str | None:
    """A fraction with no exact decimal, in the edition's words: 三分之二, دو تہائی."""
    named = next((w for w, value in words.fraction_words.items() if value == number), None)
    if named is not None or not words.fraction_infix:
        return named
    digit = {value: written for written, value in reversed(ZH_DIGITS.items()) if written != "〇"}

    def numeral(n: int) -> str:
        return digit.get(n, str(n))

    return f"{numeral(number.denominator)}{words.fraction_infix}{numeral(number.numerator)}"


def _hedge_word(qualifier: str, words: NumberWords) -> tuple[str, bool] | None:
    """The edition's first word for a qualifier, and whether it goes before the number."""
    for table, before in ((words.hedges_before, True), (words.hedges_after, False)):
        for written, meaning in table.items():
            if meaning == qualifier:
                return written, before
    return None


def written_value(fact: Fact, edition: Edition, unit_words: tuple[str, ...] = ()) -> str | None:
    """The fact's value as the edition writes it, with the first of ``unit_words`` (the unit's
    spellings in its language): "超过126万亿元", "24 کروڑ افراد"; None for no value."""
    if fact.number is None:
        return None
    number = written_number(fact.number, edition, percent=fact.unit == PERCENT)
    if number is None:
        return None
    gap = " " if edition.words.spaced else ""
    if fact.unit != PERCENT and unit_words:
        number = f"{number}{gap}{unit_words[0]}"
    if fact.qualifier is not None and (hedge := _hedge_word(fact.qualifier, edition.words)) is not None:
        word, before = hedge
        number = f"{word}{gap}{number}" if before else f"{number} {word}"
    return number


_SKELETONS = {"year": "y", "month": "yMMMM", "day": "yMMMMd"}


@lru_cache(maxsize=4096)  # a base names few distinct periods, and each edition labels each often
def period_label(period: Period, edition: Edition) -> str:
    """A fact's period as the edition writes it: 2023年, 2025年3月; مارچ 2025."""
    text = period.text
    day = dt.date(period.year, int(text[5:7]) if len(text) > 4 else 1, int(text[8:10]) if len(text) > 7 else 1)
    return format_skeleton(_SKELETONS[period.precision], day, locale=edition.locale)


@lru_cache(maxsize=4096)  # each card dates its fact twice, and a base has few distinct days
def day_label(day: dt.date, edition: Edition) -> str:
    """A day as the edition writes it in full: 2025年3月11日, 11 مارچ، 2025."""
    return format_date(day, format="long", locale=edition.locale)
