"""The reading rules of Chinese and Urdu (``reading_rules.ReadingRules``), and which language a
text is written in.

The reader asks every language the same questions (where a sentence and a clause end, which
numbers are years, ordinals or parts of a date, which words make a figure a change, a share, a
target, a month's or the year's): only the words differ. What each language reads, and why:

- Chinese runs its words on, so a spelling is found wherever it is written and a unit right
  after its number (944.3万辆); a sentence ends at 。！？, a clause at ，；：; a year is a number
  before 年 and a date is written 2023年11月7日; a span of months (1-10月, 前三季度) is the year
  to date. A change is written before its number (比上年增长8.1%, 环比 month on month), a
  share's whole before it (占GDP的比重为2.65%), a partner after 对/向/与 (对巴基斯坦出口).
- Urdu puts its verb last: a change is written after its number (30.3 فیصد اضافہ), so is an
  amount's (281.7 ارب یوآن کا اضافہ) and a partner's postposition (پاکستان کو); a share's whole
  stands before it (جی ڈی پی کے 2.65 فیصد). A sentence ends at ۔ or ؟, a clause at ، or ؛; a
  year is a four-digit number followed by ء or a postposition (2023 میں), or after سال.
"""

from __future__ import annotations

import re

from .localised_numbers import UR as UR_NUMBERS
from .localised_numbers import ZH as ZH_NUMBERS
from .numbers import _either
from .reading_rules import ENGLISH, NEVER, ReadingRules

_ZH_HEDGES = rf"(?:{_either(ZH_NUMBERS.hedges_before)}|达到|达)?"  # "增长到约", "达到近"
_ZH_NUMERAL = r"(?:[一二三四五六七八九十两]+|\d+)"
_ZH_MONTH = r"(?:1[0-2]|0?[1-9])"
_ZH_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_ZH_STOPS = r"[，。；：、（）,;:()\[\]“”\"!?！？\n]"

ZH = ReadingRules(
    language="zh",
    spaced=False,
    lines_wrap=False,
    line_stops="。！？!?…”’」』）)",
    sentence_end=re.compile(r"[。！？!?][”’」』）)]*"),
    abbreviations=frozenset(),
    date=re.compile(
        rf"(?P<year>(?:19|20)\d\d)\s*年\s*(?:{_ZH_MONTH}\s*[-—–~至到]\s*)?(?P<month>{_ZH_MONTH})\s*月份?"
        rf"(?:\s*(?P<day>{_ZH_DAY})\s*[日号])?"
        rf"|(?:{_ZH_MONTH}\s*[-—–~至到]\s*)?(?P<month2>{_ZH_MONTH})\s*月份?(?:\s*(?P<day2>{_ZH_DAY})\s*[日号])?"
    ),
    months={},
    following_word=re.compile(r"\s*([^\W\d])"),
    preceding_word=NEVER,
    before_a_year=frozenset(),
    after_a_year=frozenset({"年"}),
    compared_before=re.compile(r"(?:比|较|相比|与|同)\s*\Z"),
    one_of=NEVER,
    parties_after=NEVER,
    fiscal_before=NEVER,
    ago_after=re.compile(r"多?(?:个)?(?:年|月|天|周)(?:以)?前"),
    known_names=NEVER,
    span_after=re.compile(r"多?(?:个)?(?:月|年|季度|天|周|小时)|岁"),
    ordinal_after=re.compile(r"周年|届"),
    defining_before=re.compile(r"(?:前|近|过去|最近|未来|头|在)\s*\Z"),
    unit_words_end=re.compile(_ZH_STOPS),
    unit_word=re.compile(r"[^\s，。；：、（）,;:()\[\]“”\"!?！？]{1,4}"),
    word_starts=re.compile(r"(?<=[\d万亿%％多余])(?=[^\d\s])|(?<!\S)\S"),
    unit_clause_end=re.compile(_ZH_STOPS),
    list_to_next=re.compile(r"\s*(?:[和与、至到~-]|，|,)\s*"),
    clause_break=re.compile(r"[；：，—;:]|,(?!\d{3})"),
    clause_end=re.compile(r"[；：，—;:]|,(?!\d{3})"),
    change_noun=re.compile(r"增速|增幅|涨幅|降幅|增长率|增长速度"),
    change_verb=re.compile(r"增长|增加|上升|提高|提升|上涨|下降|减少|下滑|回落|降低|扩大|缩小"),
    level_after_change=re.compile(rf"(?:到|至|达到)\s*{_ZH_HEDGES}\s*\Z"),
    change_after=re.compile(r"\s*的(?:增长|增幅|涨幅|降幅)"),
    month_on_month=re.compile(r"环比"),
    amount_change_before=re.compile(rf"(?:增加|增长|减少|下降|提高|降低|多|少)了?\s*{_ZH_HEDGES}\s*\Z"),
    ratio_after=re.compile(r"倍"),
    whole_before=re.compile(r"\s*的\s*"),
    whole_gap=re.compile(rf"\s*(?:的)?\s*(?:比重|比例|份额|之比)?\s*(?:为|达到|达|是)?\s*{_ZH_HEDGES}\s*"),
    partner_before=re.compile(r"(?:对|向|与|和|同|从|自|往|跟|赴)\s*\Z"),
    target_met=re.compile(r"(?:实现|完成|达成|超额完成)了?\s*\S{0,4}\Z"),
    by_year=re.compile(r"到((?:19|20)\d\d)年"),
    company_named=re.compile(
        r"(?P<before>[^\W\d_]{2,6}?)(?:股份有限公司|有限公司|公司|集团)|(?P<unnamed>该公司|该企业|该集团)"
    ),
    not_a_name=frozenset(),
    period_kinds=(
        (
            "year-to-date",
            re.compile(
                rf"前{_ZH_NUMERAL}(?:个)?(?:月|季度)|上半年|{_ZH_MONTH}\s*[-—–~至到]\s*{_ZH_MONTH}\s*月"
                r"|年初以来|今年以来|年初至今"
            ),
        ),
        ("quarter", re.compile(r"(?:第[一二三四1-4]|[一二三四1-4])季度|Q[1-4]")),
        ("month", re.compile(rf"(?<![-—–~至到\d]){_ZH_MONTH}\s*月份?(?![\d\s]*[日号])|当月|单月|本月")),
        (
            "span-of-years",
            re.compile(
                rf"(?:19|20)\d\d\s*[-—–~至到]\s*(?:19|20)\d\d\s*年|五年规划|(?:过去|近|最近)\s*{_ZH_NUMERAL}\s*年|十年"
            ),
        ),
        ("cumulative", re.compile(r"累计|截至|截止|迄今|至今|以来|年底|年末")),
        ("fiscal-year", re.compile(r"财年|财政年度|会计年度")),
    ),
    sentence_stop_at_end=re.compile(r"[。！？!?][”’」』）)]*\s*\Z"),
    respectively=re.compile(r"分别"),
    list_gap=re.compile(r"\s*(?:[^\W\d]{1,2})?\s*(?:和|与|、|，|,|及)\s*"),
    item_gap=re.compile(r"\s*(?:和|与|、|及)\s*"),
    list_glue=re.compile(r"\s*(?:[，,]\s*)?(?:和|与|及)?\s*"),
    own_noun=re.compile(r"\s*(?:新|其他|更多)?\s*"),
    attached=re.compile(rf"\s*{_ZH_HEDGES}\s*"),
)

_UR_MONTHS = {
    name: number
    for number, name in enumerate(
        ("جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"),
        start=1,
    )
}
_UR_MONTH = "(?:" + "|".join(_UR_MONTHS) + ")"
_UR_HEDGES = rf"(?:(?:{_either(UR_NUMBERS.hedges_before)})\s+)?"  # "بڑھ کر تقریباً 2.65 فیصد"
_UR_STOPS = r"[،؛۔,;:()\[\]“”\"!?؟\n]"

UR = ReadingRules(
    language="ur",
    lines_wrap=False,
    line_stops='۔؟!?.:؛…"”’)]',
    sentence_end=re.compile(r"[۔؟!?][\"”’')\]]*|\.(?=\s)"),
    abbreviations=frozenset(),
    date=re.compile(
        rf"(?P<day>\d{{1,2}})\s+(?P<month>{_UR_MONTH})(?!\w)(?:\s*،?\s*(?P<year>\d{{4}})(?!\d))?"
        rf"|(?P<month2>{_UR_MONTH})\s+(?P<year2>\d{{4}})(?!\d)"
    ),
    months=_UR_MONTHS,
    following_word=re.compile(r"\s*([^\W\d]+)"),
    preceding_word=re.compile(r"([^\W\d]+)\s*\Z"),
    before_a_year=frozenset({"سال", "برس"}),
    after_a_year=frozenset({"ء", "میں", "کے", "کی", "کا", "تک", "کو", "اور"}),
    compared_before=NEVER,
    compared_after=re.compile(r"\s*(?:ء\s*)?(?:کے\s+مقابلے|کی\s+نسبت)(?!\w)"),
    one_of=NEVER,
    parties_after=NEVER,
    fiscal_before=re.compile(r"(?:مالی|مالیاتی)\s+سال\s*\Z"),
    ago_after=re.compile(r"\s*(?:سال|برس|ماہ|مہینے|دن|ہفتے)\s+(?:پہلے|قبل)(?!\w)"),
    known_names=NEVER,
    ordinal_after=re.compile(r"\s*-?\s*(?:و[یي]ں|وا[ںن])(?!\w)"),
    span_after=re.compile(r"\s*(?:ماہ|مہینوں|مہینے|سالوں|سال|برسوں|برس|دن|ہفتوں|ہفتے|سہ ماہیوں)(?!\w)"),
    defining_before=re.compile(r"(?:پہلے|گزشتہ|پچھلے|آئندہ|اگلے|آخری|عمر)\s*\Z"),
    unit_words_end=re.compile(_UR_STOPS),
    unit_clause_end=re.compile(_UR_STOPS),
    list_to_next=re.compile(r"\s*(?:،|,|اور|سے|-|تا)\s*"),
    clause_break=re.compile(r"[،؛:;—]|,(?!\d{3})|(?<!\S)(?:جبکہ|لیکن|مگر)(?!\S)"),
    clause_end=re.compile(r"[،؛:;—]|,(?!\d{3})|(?<!\S)(?:جبکہ|لیکن|مگر|اور)(?!\S)"),
    change_noun=re.compile(r"شرحِ? نمو|نمو کی شرح|اضافے کی شرح|ترقی کی شرح|شرحِ? ترقی"),
    change_verb=re.compile(r"(?<!\S)(?:بڑھ|گھٹ|اضافہ|کمی)(?!\S)"),
    level_after_change=re.compile(rf"(?:کر|کے)\s+{_UR_HEDGES}\Z"),
    change_after=re.compile(
        r"\s*(?:(?:کا|کی|کے)\s+)?(?:اضافہ|اضافے|کمی|زیادہ|کم|نمو|ترقی|(?:بڑھ|گھٹ)\w*)(?!\w)"
        r"|\s*کی\s+شرح\s+سے\s+(?:ترقی|اضافہ|نمو|بڑھ)"
    ),
    month_on_month=re.compile(r"ماہانہ بنیاد پر|ماہ بہ ماہ|پچھلے مہینے کے مقابلے"),
    amount_change_before=NEVER,
    amount_change_after=re.compile(r"\s*(?:[^\W\d]+\s+){0,3}?(?:کا|کی|کے)\s+(?:اضافہ|کمی)(?!\w)"),
    ratio_after=re.compile(r"\s*گنا(?!\w)"),
    whole_before=NEVER,  # "5 فیصد اقتصادی ترقی" is 5% growth: a noun after a percentage is no whole
    whole_gap=re.compile(rf"\s+(?:کا|کی|کے)\s+{_UR_HEDGES}"),
    partner_before=NEVER,
    partner_after=re.compile(r"\s+(?:سے|کے\s+ساتھ|کے\s+لیے|کیلئے)(?!\w)"),
    target_met=NEVER,
    by_year=re.compile(r"((?:19|20)\d\d)\s*(?:ء\s*)?تک"),
    company_named=re.compile(
        r"(?P<before>[^\W\d]+(?:\s+[^\W\d]+)?)\s+(?:کمپنی|کارپوریشن|گروپ)(?!\w)|(?P<unnamed>(?:اس|یہ)\s+کمپنی)"
    ),
    not_a_name=frozenset(),
    period_kinds=(
        (
            "year-to-date",
            re.compile(
                rf"پہلے\s+(?:\S+\s+)?(?:مہینوں|ماہ|مہینے)|پہلی\s+ششماہی|سال\s+کے\s+آغاز\s+سے"
                rf"|{_UR_MONTH}\s*(?:سے|تا|-)\s*{_UR_MONTH}"
            ),
        ),
        ("quarter", re.compile(r"سہ\s*ماہی")),
        ("month", re.compile(rf"(?<!\d)(?<!\d\s){_UR_MONTH}(?!\s*(?:سے|تا|-))|اس\s+مہینے")),
        (
            "span-of-years",
            re.compile(
                r"(?:19|20)\d\d\s*(?:سے|تا|-|–)\s*(?:19|20)\d\d|پانچ\s+سالہ\s+منصوب"
                r"|(?:گزشتہ|پچھلے|پچھلی)\s+(?:\S+\s+)?(?:سالوں|برسوں|دہائی)|دہائی"
            ),
        ),
        ("cumulative", re.compile(r"اب\s+تک|مجموعی\s+طور\s+پر|کے\s+آخر\s+تک")),
        ("fiscal-year", re.compile(r"مالی\s+سال|مالیاتی\s+سال")),
    ),
    sentence_stop_at_end=re.compile(r"(?:[۔؟!?][\"”’')\]]*|\.)\s*\Z"),
    respectively=re.compile(r"بالترتیب"),
    list_gap=re.compile(r"\s*(?:[^\W\d]+\s*)?(?:،|,|اور)\s*"),
    item_gap=re.compile(r"\s*(?:،|,|اور)\s*"),
    list_glue=re.compile(r"\s*(?:[،,]\s*)?(?:اور\s+)?"),
    own_noun=re.compile(r"\s*(?:نئی|نئے|مزید|دیگر)?\s*"),
    attached=re.compile(rf"\s*{_UR_HEDGES}"),
)

READING_RULES: dict[str, ReadingRules] = {rules.language: rules for rules in (ENGLISH, ZH, UR)}

# The letters that tell a text's language: the one whose letters it writes most.
SCRIPTS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"[A-Za-z]"),
    "zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"),
    "ur": re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe]"),
}


def text_language(text: str) -> str:
    """The language a text is written in, by the letters it writes most ("en" on a tie)."""
    counts = {code: len(pattern.findall(text)) for code, pattern in SCRIPTS.items()}
    best = max(counts.values())
    return "en" if counts["en"] == best else max(counts, key=lambda code: counts[code])
