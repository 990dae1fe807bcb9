"""The Chinese and Urdu number readers: real shapes of statistical releases and news, cn2an as an
oracle for Chinese numerals, and round trips through what Babel (CLDR) writes."""

from fractions import Fraction

import cn2an
import pytest
from babel.numbers import format_compact_decimal, format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st

from nqpf.localised_numbers import LANGUAGES, chinese_numeral, read_numbers_in

# (text, the numbers read: (as written, value with its scale applied, percent, qualifier))
ZH_PHRASES = [
    (
        "全年研究与试验发展经费投入总量为36130亿元，比上年增长8.3%。",
        [("36130亿", 3613 * 10**9, False, None), ("8.3%", Fraction("8.3"), True, None)],
    ),
    (
        "新能源汽车产量944.3万辆，增长35.8%。",
        [("944.3万", 9443000, False, None), ("35.8%", Fraction("35.8"), True, None)],
    ),
    ("国内生产总值超过126万亿元。", [("126万亿", 126 * 10**12, False, "more than")]),
    (
        "全国粮食总产量13908亿斤，比上年增加222亿斤。",
        [("13908亿", 13908 * 10**8, False, None), ("222亿", 222 * 10**8, False, None)],
    ),
    ("出口额逾3.6万亿元", [("3.6万亿", 36 * 10**11, False, "more than")]),
    ("近1000万辆汽车出口", [("1000万", 10**7, False, "nearly")]),
    ("约300万人就业", [("300万", 3 * 10**6, False, "about")]),
    ("销量达到300多万辆", [("300多万", 3 * 10**6, False, "more than")]),
    ("投资500余亿元", [("500余亿", 5 * 10**10, False, "more than")]),
    ("增长百分之八点三", [("百分之八点三", Fraction("8.3"), True, None)]),
    ("占比提高0.5个百分点", [("0.5", Fraction("0.5"), False, None)]),
    ("经费投入强度为2.65％", [("2.65％", Fraction("2.65"), True, None)]),
    ("全国共有三万六千一百三十家企业", [("三万六千一百三十", 36130, False, None)]),
    ("建成一千二百个基站", [("一千二百", 1200, False, None)]),
    ("第十四个五年规划", [("第十四", 14, False, None)]),
    ("二〇二三年全国两会", [("二〇二三", 2023, False, None)]),
    ("十二个省份", [("十二", 12, False, None)]),
    ("一带一路倡议提出十周年", [("十", 10, False, None)]),
    ("“十四五”时期", []),
    ("5G基站和G2G合作", []),
    ("近5年来累计投资", [("5", 5, False, None)]),
    ("发电量达到2.5亿千瓦时以上", [("2.5亿", 25 * 10**7, False, "more than")]),
    ("增长20%左右", [("20%", 20, True, "about")]),
    ("不到1%的企业", [("1%", 1, True, "less than")]),
    ("至少5000万元", [("5000万", 5 * 10**7, False, "at least")]),
    ("全年CPI上涨0.2%", [("0.2%", Fraction("0.2"), True, None)]),
    ("光伏装机容量６０９０万千瓦", [("６０９０万", 6090 * 10**4, False, None)]),
    ("外汇储备32,380亿美元", [("32,380亿", 3238 * 10**9, False, None)]),
    ("中巴经济走廊投资达620亿美元", [("620亿", 62 * 10**9, False, None)]),
    ("人口一亿二千万", [("一亿二千万", 12 * 10**7, False, None)]),
    ("农业贡献了国内生产总值的三分之二", [("三分之二", Fraction(2, 3), False, None)]),
    ("约四分之一的企业", [("四分之一", Fraction(1, 4), False, "about")]),
    ("占全球产量的3分之1", [("3分之1", Fraction(1, 3), False, None)]),
    ("增长百分之八", [("百分之八", 8, True, None)]),
]
UR_PHRASES = [
    ("پاکستان کی آبادی 24 کروڑ ہے", [("24 کروڑ", 24 * 10**7, False, None)]),
    ("۹.۴ لاکھ ٹن گندم", [("۹.۴ لاکھ", 940000, False, None)]),
    ("تقریباً ۲۴ کروڑ افراد", [("۲۴ کروڑ", 24 * 10**7, False, "about")]),
    ("٣٫٥ ارب ڈالر سے زائد کی سرمایہ کاری", [("٣٫٥ ارب", 35 * 10**8, False, "more than")]),
    ("شرح نمو 8.3 فیصد رہی", [("8.3 فیصد", Fraction("8.3"), True, None)]),
    ("ہزاروں لوگ", []),
    ("1,320 میگاواٹ تک بجلی", [("1,320", 1320, False, "up to")]),
    ("۱۲٬۵۰۰ ٹن", [("۱۲٬۵۰۰", 12500, False, None)]),
    ("سی پیک کے تحت 62 ارب ڈالر", [("62 ارب", 62 * 10**9, False, None)]),
    ("افراط زر ۲۹٫۲ فیصد", [("۲۹٫۲ فیصد", Fraction("29.2"), True, None)]),
    ("کم از کم 5 ہزار روپے", [("5 ہزار", 5000, False, "at least")]),
    ("ملکی قرضہ 1.2 کھرب روپے", [("1.2 کھرب", 12 * 10**10, False, None)]),
    ("لگ بھگ 30 لاکھ", [("30 لاکھ", 3 * 10**6, False, "about")]),
    ("برآمدات میں 5٪ اضافہ", [("5٪", 5, True, None)]),
    ("گوادر بندرگاہ 2015 میں", [("2015", 2015, False, None)]),
    ("5G سروس", []),
    ("10 فیصد سے کم", [("10 فیصد", 10, True, "less than")]),
    ("شرح 0.08 فیصد پوائنٹس بڑھ گئی", [("0.08", Fraction("0.08"), False, None)]),  # points: the unit, not a percent
    ("٢٠٠ میگاواٹ", [("٢٠٠", 200, False, None)]),
    ("ایم ایل ون منصوبہ 6.8 ارب ڈالر کا ہے", [("6.8 ارب", 68 * 10**8, False, None)]),
    ("زرمبادلہ کے ذخائر 9.4 ارب ڈالر سے زیادہ", [("9.4 ارب", 94 * 10**8, False, "more than")]),
    ("جی ڈی پی کا دو تہائی حصہ", [("دو تہائی", Fraction(2, 3), False, None)]),
    ("تقریباً ایک چوتھائی آبادی", [("ایک چوتھائی", Fraction(1, 4), False, "about")]),
    ("17.51 ٹریلین امریکی ڈالر سے زائد", [("17.51 ٹریلین", Fraction("17.51") * 10**12, False, "more than")]),
]

# Shapes of NBS releases and of Pakistani reports, with the values a writer puts in them.
ZH_SHAPES = [
    ("{subject}产量{n}万辆，比上年增长{p}%。", 10**4),
    ("{subject}出口额{n}亿美元，同比增长{p}%。", 10**8),
    ("{subject}总投资{n}万亿元，增长{p}%。", 10**12),
]
UR_SHAPES = [
    ("{subject} کی پیداوار {n} لاکھ ٹن رہی، جو {p} فیصد زیادہ ہے", 10**5),
    ("{subject} پر {n} کروڑ روپے خرچ ہوئے، اضافہ {p} فیصد", 10**7),
    ("{subject} کی برآمدات {n} ارب ڈالر، شرح {p} فیصد", 10**9),
]
ZH_SUBJECTS = ["新能源汽车", "工业机器人", "集成电路", "光伏电池", "锂离子电池"]
UR_SUBJECTS = ["گندم", "کپاس", "چاول", "سیمنٹ", "بجلی"]
SHAPED_VALUES = [("944.3", "35.8"), ("12", "0.5"), ("3.6", "120"), ("1,250", "8"), ("7,500", "12.4"), ("28", "3")]


def _shaped(shapes, subjects):
    for template, size in shapes:
        for subject in subjects:
            for n, p in SHAPED_VALUES:
                text = template.format(subject=subject, n=n, p=p)
                yield text, Fraction(n.replace(",", "")) * size, Fraction(p)


def _read(text, language):
    return [(m.text, m.magnitude, m.percent, m.hedge) for m in read_numbers_in(text, language)]


@pytest.mark.parametrize(("text", "expected"), ZH_PHRASES)
def test_real_chinese_shapes(text, expected):
    assert _read(text, "zh") == expected


@pytest.mark.parametrize(("text", "expected"), UR_PHRASES)
def test_real_urdu_shapes(text, expected):
    assert _read(text, "ur") == expected


@pytest.mark.parametrize(
    ("language", "shapes", "subjects"), [("zh", ZH_SHAPES, ZH_SUBJECTS), ("ur", UR_SHAPES, UR_SUBJECTS)]
)
def test_the_shapes_of_releases_are_read_with_their_scale(language, shapes, subjects):
    shaped = list(_shaped(shapes, subjects))
    assert len(shaped) + len(ZH_PHRASES if language == "zh" else UR_PHRASES) >= 100
    for text, amount, percent in shaped:
        read = read_numbers_in(text, language)
        assert [(m.magnitude, m.percent) for m in read] == [(amount, False), (percent, True)], text


def test_a_wrong_scale_reads_as_a_different_amount():
    """The slip a translation makes: 3.6亿元 for 3.6万亿元 is ten thousand times smaller; لاکھ for کروڑ a hundred."""
    (right,), (wrong,) = read_numbers_in("3.6万亿元", "zh"), read_numbers_in("3.6亿元", "zh")
    assert right.magnitude == 3_600_000_000_000
    assert right.magnitude / wrong.magnitude == 10**4
    (right,), (wrong,) = read_numbers_in("24 کروڑ", "ur"), read_numbers_in("24 لاکھ", "ur")
    assert right.magnitude / wrong.magnitude == 100


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_chinese_numerals_read_as_cn2an_reads_them(number):
    written = cn2an.an2cn(number)
    assert chinese_numeral(written, lone_digit=True) == number == cn2an.cn2an(written, "strict")


@given(st.integers(min_value=0, max_value=10**8), st.integers(min_value=1, max_value=9999).filter(lambda n: n % 10))
def test_chinese_decimals_read_as_cn2an_reads_them(whole, decimals):  # cn2an refuses trailing zeros (八点五零)
    number = f"{whole}.{decimals}"
    written = cn2an.an2cn(number)
    assert (
        chinese_numeral(written, lone_digit=True) == Fraction(number) == Fraction(str(cn2an.cn2an(written, "strict")))
    )


@pytest.mark.parametrize("written", ["十四五", "一万五", "万", "亿万", "千万", "十百", "一二三四五六七八九十"])
def test_what_is_not_a_chinese_numeral_is_left_unread(written):
    assert chinese_numeral(written) is None


_ROUND = st.integers(min_value=1, max_value=999).flatmap(
    lambda digits: st.integers(min_value=0, max_value=12).map(lambda power: digits * 10**power)
)
URDU_DIGITS = str.maketrans("0123456789.,", "۰۱۲۳۴۵۶۷۸۹٫٬")
ARABIC_INDIC_DIGITS = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")


@given(_ROUND, st.sampled_from(["zh_CN", "ur_PK"]))
def test_what_babel_writes_compactly_reads_back_exactly(amount, locale):
    """CLDR's compact forms (944.3万, 3.61万亿; 24 کروڑ, 9.4 لاکھ) of amounts exact at 3 digits."""
    written = format_compact_decimal(amount, locale=locale, fraction_digits=2)
    (read,) = read_numbers_in(written, locale[:2])
    assert read.magnitude == amount, written


@given(
    st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False),
    st.sampled_from([None, URDU_DIGITS, ARABIC_INDIC_DIGITS]),
)
def test_what_babel_writes_in_full_reads_back_in_every_script_of_digits(amount, digits):
    for locale in ("zh_CN", "ur_PK"):
        written = format_decimal(amount, locale=locale, decimal_quantization=False)
        if digits is not None and locale == "ur_PK":
            written = written.translate(digits)
        (read,) = read_numbers_in(written, locale[:2])
        assert read.magnitude == Fraction(amount), written


@given(st.decimals(min_value=0, max_value=1000, places=1, allow_nan=False))
def test_what_babel_writes_as_a_percent_reads_back_as_one(share):
    for locale in ("zh_CN", "ur_PK"):
        written = format_percent(share / 100, locale=locale, decimal_quantization=False)
        (read,) = read_numbers_in(written, locale[:2])
        assert (read.value, read.percent) == (Fraction(share), True), written


def test_every_language_names_each_hedge_by_a_qualifier_facts_use():
    qualifiers = {"more than", "at least", "nearly", "about", "up to", "less than"}
    for words in LANGUAGES.values():
        assert set(words.qualifiers.values()) <= qualifiers
