"""Read the numbers of a Chinese or an Urdu text, from each language's rules as data.

What is read, and how, is the English reader's (``numbers``): the number as written, its exact
value before its scale word, the scale word and its size, a percent, and the hedge written
beside it, as the qualifier a fact states. Only the words differ, and they are data (``ZH``,
``UR``): the browser's engine reads the same tables (``reader_data.localised_reader_data``).

- Chinese counts in 万 (10⁴), 亿 (10⁸) and 万亿 (10¹²), after Arabic digits ("944.3万",
  "3.6万亿") or inside a numeral of its own (三万六千一百三十, 八点三, 二〇二三); a percent is
  "8.3%" or 百分之八点三; 个百分点 (percentage points) is not a percent. Hedges stand before
  the number (超过, 逾, 近, 约) or after it (以上, 左右), or between it and its scale ("300多万").
  A lone Chinese digit (一 of 一带一路) is not read: a numeral needs two characters or a unit.
- Urdu writes Latin, Urdu (۰–۹) or Arabic-Indic (٠–٩) digits, with the scale word after a space:
  ہزار (10³), لاکھ (10⁵), کروڑ (10⁷), ارب (10⁹), کھرب (10¹¹); فیصد or % for a percent; hedges
  before (تقریباً) or after (سے زائد, تک).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

from .numbers import MAX_DIGITS, NumberMention, _either, _exact, _too_large

ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000}  # within a group of four digits
ZH_GROUPS = {"万": 10**4, "亿": 10**8}  # a group's size: 万亿 is 10¹²
ZH_POINT = "点"
ZH_SHORTHAND = "百千万亿"  # a digit right after one of these is spoken shorthand: 一万五 is 15,000


@dataclass(frozen=True)
class NumberWords:
    """One language's words for numbers: what its reader reads beyond Arabic numerals."""

    code: str
    scales: dict[str, int]  # a scale word after the number, and its size
    percent_after: tuple[str, ...]
    points_after: tuple[str, ...] = ()  # after a percent word, these make it percentage points: فیصد پوائنٹس
    percent_before: tuple[str, ...] = ()
    hedges_before: dict[str, str] = field(default_factory=dict)  # as written -> the qualifier
    hedges_after: dict[str, str] = field(default_factory=dict)
    hedges_between: dict[str, str] = field(default_factory=dict)  # between the number and its scale
    ordinal_before: tuple[str, ...] = ()
    # a hedge before a number followed by one of these is about time, not the figure: 近5年 is
    # "the last five years", not "nearly five years"
    spans_of_time: tuple[str, ...] = ()
    decimal_points: str = "."
    group_separators: str = ","
    native_numerals: bool = False  # Chinese numerals (三万六千一百三十)
    fraction_infix: str = ""  # between a fraction's denominator and numerator: 三分之二 is 2/3
    fraction_words: dict[str, Fraction] = field(default_factory=dict)  # دو تہائی: 2/3
    spaced: bool = False  # words are separated by spaces: a scale word or hedge is a whole word

    @cached_property
    def qualifiers(self) -> dict[str, str]:
        """Every hedge as written, wherever it stands, and the qualifier it states."""
        return {**self.hedges_before, **self.hedges_after, **self.hedges_between}


ZH = NumberWords(
    code="zh",
    scales={"万亿": 10**12, "亿": 10**8, "万": 10**4},
    percent_after=("%", "％"),
    percent_before=("百分之",),
    hedges_before={
        **dict.fromkeys(("超过", "超", "逾", "高于", "多于", "突破"), "more than"),
        **dict.fromkeys(("近", "接近", "将近", "逼近"), "nearly"),
        **dict.fromkeys(("约", "大约", "约为", "大概", "近乎"), "about"),
        **dict.fromkeys(("至少", "不少于", "不低于"), "at least"),
        **dict.fromkeys(("不超过", "最多", "至多"), "up to"),
        **dict.fromkeys(("不到", "不足", "低于", "少于"), "less than"),
    },
    hedges_after={
        **dict.fromkeys(("以上",), "more than"),
        **dict.fromkeys(("左右", "上下"), "about"),
        **dict.fromkeys(("以下",), "up to"),
    },
    hedges_between={"多": "more than", "余": "more than"},
    ordinal_before=("第",),
    spans_of_time=("年", "个月", "天", "周"),
    decimal_points=".．",
    group_separators=",",
    native_numerals=True,
    fraction_infix="分之",
)

UR = NumberWords(
    code="ur",
    scales={
        **{"ہزار": 10**3, "لاکھ": 10**5, "کروڑ": 10**7, "ارب": 10**9, "کھرب": 10**11},
        **{"ملین": 10**6, "بلین": 10**9, "ٹریلین": 10**12},  # as CLDR and the news also write them
    },
    percent_after=("فیصد", "%", "٪"),
    points_after=("پوائنٹس", "پوائنٹ"),
    hedges_before={
        **dict.fromkeys(("تقریباً", "تقریبا", "لگ بھگ", "قریباً"), "about"),
        **dict.fromkeys(("کم از کم",), "at least"),
        **dict.fromkeys(("زیادہ سے زیادہ",), "up to"),
        **dict.fromkeys(("قریب قریب",), "nearly"),
    },
    hedges_after={
        **dict.fromkeys(("سے زائد", "سے زیادہ", "سے اوپر", "سے بڑھ کر"), "more than"),
        **dict.fromkeys(("سے کم",), "less than"),
        **dict.fromkeys(("تک",), "up to"),
    },
    decimal_points=".٫",
    group_separators=",٬",
    spaced=True,
    fraction_words={
        "ایک تہائی": Fraction(1, 3),
        "دو تہائی": Fraction(2, 3),
        "ایک چوتھائی": Fraction(1, 4),
        "تین چوتھائی": Fraction(3, 4),
    },
)

LANGUAGES: dict[str, NumberWords] = {words.code: words for words in (ZH, UR)}

_LATIN = "A-Za-z"  # a numeral glued to Latin letters is an identifier ("5G", "G2G"), as in English
HEDGE_REACH = 32  # characters looked back or ahead: "17.51 ٹریلین امریکی ڈالر سے زائد"


def _class(chars: str) -> str:
    return "".join(re.escape(c) for c in chars)


def number_pattern(words: NumberWords) -> str:
    """The pattern of one number of ``words``' language (its hedges are looked for apart)."""
    points, groups = _class(words.decimal_points), _class(words.group_separators)
    arabic = rf"\d{{1,3}}(?:[{groups}]\d{{3}})+(?:[{points}]\d+)?|\d+(?:[{points}]\d+)?"
    numeral = rf"(?P<num>{arabic})"
    if words.native_numerals:
        native = _class("".join([*ZH_DIGITS, *ZH_UNITS, *ZH_GROUPS]))
        numeral = rf"(?:{numeral}|(?P<native>[{native}]+(?:{ZH_POINT}[{_class(''.join(ZH_DIGITS))}]+)?))"
        if words.fraction_infix:  # its denominator first: 三分之二, 3分之2
            numeral = rf"(?:(?P<den>\d+|[{native}]+){re.escape(words.fraction_infix)})?{numeral}"
    if words.fraction_words:
        numeral = rf"(?:(?<!\w)(?P<fraction>{_either(words.fraction_words)})(?!\w)|{numeral})"
    space = r"\s?" if words.spaced else ""
    end = r"(?!\w)" if words.spaced else ""  # a whole word: ہزار, not the ہزار of ہزاروں
    between = rf"(?P<between>{_either(words.hedges_between)})?" if words.hedges_between else ""
    scale = rf"(?:{space}(?P<scale>{_either(words.scales)}){end})?"
    points = rf"(?!\s*(?:{_either(words.points_after)}))" if words.points_after else ""  # no percent, but its unit
    percent = rf"(?:{space}(?P<percent>{_either(words.percent_after)}){end}{points})?"
    before = rf"(?P<ordinal>{_either(words.ordinal_before)})?" if words.ordinal_before else ""
    if words.percent_before:
        before += rf"(?P<percent_before>{_either(words.percent_before)})?"
    return rf"(?<![{_LATIN}\d.,]){before}{numeral}(?![\d{_LATIN}]){between}{scale}{percent}"


def hedge_before_pattern(words: NumberWords) -> str:
    """A hedge just before a number, matched on the text before it reversed (the English way)."""
    boundary = r"(?!\w)" if words.spaced else ""
    return rf"\s*(?P<hedge>{_either(w[::-1] for w in words.hedges_before)}){boundary}"


def hedge_after_pattern(words: NumberWords) -> str:
    """A hedge after a number, past its unit: "944.3万辆以上", "3.5 ارب ڈالر سے زائد"."""
    if words.spaced:  # up to two words of letters between: a unit, never another number
        return rf"(?:\s+[^\W\d]+){{0,2}}?\s*(?P<hedge>{_either(words.hedges_after)})(?!\w)"
    return rf"[^\W\d]{{0,3}}?(?P<hedge>{_either(words.hedges_after)})"


def chinese_numeral(written: str, *, lone_digit: bool = False) -> Fraction | None:
    """三万六千一百三十 -> 36130, 八点三 -> 8.3, 二〇二三 -> 2023; None when the characters do not
    make a numeral (十四五, the name of a plan), or for a lone digit unless ``lone_digit`` (第一)."""
    whole, _, decimals = written.partition(ZH_POINT)
    if any(c not in ZH_DIGITS for c in decimals):
        return None
    fraction = (
        Fraction(int("".join(str(ZH_DIGITS[c]) for c in decimals)), 10 ** len(decimals)) if decimals else Fraction(0)
    )
    if not whole:
        return None
    if all(c in ZH_DIGITS for c in whole):  # digit by digit: 二〇二三
        if len(whole) < 2 and not decimals and not lone_digit:
            return None  # a lone digit: 一 of 一带一路, 一是 (firstly)
        return int("".join(str(ZH_DIGITS[c]) for c in whole)) + fraction
    value = _with_units(whole)
    return None if value is None else value + fraction


def _with_units(whole: str) -> int | None:
    """A Chinese integer with units, by the usual rules; None for what breaks them."""
    total = 0  # the groups of 亿 done
    group = 0  # the 万 part of the current 亿 group
    section = 0  # below 10,000
    digit: int | None = None
    last_unit = 10**13
    for char in whole:
        if char in ZH_DIGITS:
            if digit not in (None, 0) and ZH_DIGITS[char] != 0:
                return None  # two digits in a row within a numeral with units: 十四五
            digit = ZH_DIGITS[char]
        elif char in ZH_UNITS:
            unit = ZH_UNITS[char]
            if unit >= last_unit and section:
                return None  # 百 after 十: not a numeral
            if digit is None and not (unit == 10 and section == 0):
                return None  # only 十 may stand without its digit (十二)
            section += (1 if digit is None else digit) * unit
            last_unit, digit = unit, None
        else:
            size = ZH_GROUPS[char]
            amount = section + (digit or 0)
            if size == 10**4:
                if amount == 0 and group == 0:
                    return None
                group, section, digit, last_unit = amount * size, 0, None, 10**4
            else:  # 亿: and 万亿, when a 万 group stands before it
                amount += group
                if amount == 0 and total == 0:
                    return None
                total, group, section, digit, last_unit = (total + amount) * size, 0, 0, None, 10**13
    if digit not in (None, 0) and len(whole) > 1 and whole[-2] in ZH_SHORTHAND:
        return None  # 一万五 (15,000 by custom, 10,005 by the rules): left unread rather than guessed
    return total + group + section + (digit or 0)


@dataclass(frozen=True)
class _Compiled:
    number: re.Pattern[str]
    before: re.Pattern[str]
    after: re.Pattern[str]


_COMPILED = {
    code: _Compiled(
        re.compile(number_pattern(words)),
        re.compile(hedge_before_pattern(words)),
        re.compile(hedge_after_pattern(words)),
    )
    for code, words in LANGUAGES.items()
}


def _value(match: re.Match[str], words: NumberWords) -> Fraction | None:
    if words.fraction_words and match["fraction"] is not None:
        return words.fraction_words[match["fraction"]]
    if words.fraction_infix and match["den"] is not None:
        den = match["den"]
        denominator = int(den) if den.isdecimal() else chinese_numeral(den, lone_digit=True)
        numerator = _whole(match, words, lone_digit=True)
        if not denominator or numerator is None:
            return None
        return numerator / denominator
    after_a_word = (words.ordinal_before and match["ordinal"]) or (words.percent_before and match["percent_before"])
    return _whole(match, words, lone_digit=bool(after_a_word))  # 第一, 百分之八: a lone digit is a number


def _whole(match: re.Match[str], words: NumberWords, *, lone_digit: bool) -> Fraction | None:
    """The number written, apart from a fraction's denominator."""
    if match["num"] is not None:
        numeral = match["num"]
        for separator in words.group_separators:
            numeral = numeral.replace(separator, "")
        for point in words.decimal_points:
            numeral = numeral.replace(point, ".")
        if sum(c.isdecimal() for c in numeral) > MAX_DIGITS:
            return None
        return _exact(numeral)
    return chinese_numeral(match["native"], lone_digit=lone_digit)


def read_numbers_in(text: str, language: str) -> list[NumberMention]:
    """Every number written in ``text`` of ``language`` ("zh", "ur"), in order, with its hedge."""
    words, compiled = LANGUAGES[language], _COMPILED[language]
    found = []
    for match in compiled.number.finditer(text):
        value = _value(match, words)
        if value is None or _too_large(value):
            continue
        start, end = match.start(), match.end()
        hedge_words = None
        if (between := match["between"] if words.hedges_between else None) is not None:
            hedge_words = between
        elif (before := compiled.before.match(text[max(0, start - HEDGE_REACH) : start][::-1])) and not (
            words.spans_of_time and text.startswith(words.spans_of_time, end)
        ):
            hedge_words = before["hedge"][::-1]
        elif after := compiled.after.match(text, end, end + HEDGE_REACH):
            hedge_words = after["hedge"]
        scale = match["scale"]
        percent = bool(match["percent"] or (words.percent_before and match["percent_before"]))
        found.append(
            NumberMention(
                text=match.group(0),
                value=value,
                start=start,
                end=end,
                scale=scale,
                percent=percent,
                ordinal=bool(words.ordinal_before and match["ordinal"]),
                hedge=words.qualifiers[hedge_words] if hedge_words else None,
                hedge_words=hedge_words,
                scale_size=words.scales[scale] if scale else None,
            )
        )
    return found
