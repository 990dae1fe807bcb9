"""One reader, two engines: the browser's number reader (assets/nqpf/number-reader.js, fed
the data hooks/nqpf/reader_data.py writes) and the Python one give the same mentions, offsets
and exact values included, for the reader's phrase table, the bad-input corpus, the seeds and
5,000 generated sentences."""

import json

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_localised_numbers import UR_PHRASES, UR_SHAPES, UR_SUBJECTS, ZH_PHRASES, ZH_SHAPES, ZH_SUBJECTS, _shaped
from test_numbers import REAL_FORMS

from nqpf.localised_numbers import LANGUAGES, ZH_DIGITS, ZH_GROUPS, ZH_POINT, ZH_UNITS, NumberWords, read_numbers_in
from nqpf.numbers import CURRENCIES, HEDGES, SCALE_SPELLINGS, SCALES, WORD_VALUES, read_numbers
from nqpf.reader_data import localised_reader_data, reader_data, to_javascript

ENGINE = ROOT / "docs" / "assets" / "nqpf" / "number-reader.js"

pytestmark = pytest.mark.browser


def python_mentions(text: str) -> list[list]:
    return [
        [
            m.text,
            m.start,
            m.end,
            str(m.value),
            m.scale,
            m.percent,
            m.ordinal,
            m.date,
            m.currency,
            m.unit,
            m.hedge,
            m.hedge_words,
        ]
        for m in read_numbers(text)
    ]


READ = """texts => texts.map(text => window.reader.readNumbers(text).map(m => [m.text, m.start, m.end, m.value,
  m.scale, m.percent, m.ordinal, m.date, m.currency, m.unit, m.hedge, m.hedge_words]))"""


@pytest.fixture(scope="module")
def engine(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><title>reader</title>")
    page.add_script_tag(path=str(ENGINE))
    page.evaluate("data => { window.reader = window.NqpfNumberReader.create(data); }", reader_data())
    yield lambda texts: page.evaluate(READ, texts)
    page.close()


def assert_same(engine, texts: list[str]) -> None:
    for text, found in zip(texts, engine(texts), strict=True):
        assert found == python_mentions(text), text


def test_the_real_phrase_table_reads_alike(engine):
    assert_same(engine, [text for text, *_ in REAL_FORMS])


def test_the_seeds_read_alike(engine, inputs):
    texts = list(inputs.seed_texts.values())
    assert sum(len(python_mentions(t)) for t in texts) > 70
    assert_same(engine, texts)


def test_numerals_too_long_to_be_quantities_are_left_alike(engine):
    """Past 40 digits a numeral is a code: neither engine reads it (Python could not even turn
    4,300 digits into a number); at 40 both do."""
    texts = [
        "A code " + "9" * 41 + " and a count " + "9" * 40 + ".",
        "The fund holds " + "9" * 5000 + " dollars.",
        "Rates of 1e41, 1e40, 1e999999999 and 2.5e-3.",
        "A ratio of 1/" + "0" * 41 + " and " + "1" * 20 + "/" + "3" * 20 + ".",
        "It was " + "one hundred " * 30 + "units.",
    ]
    assert_same(engine, texts)
    read = [m.text for m in read_numbers(texts[0])]
    assert read == ["9" * 40]


def test_the_bad_input_corpus_reads_alike(engine):
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted((ROOT / "tests" / "bad_input").glob("*.yml"))]
    assert_same(engine, texts)


WORDS = [
    "output",
    "the",
    "reached",
    "exports",
    "rose",
    "in",
    "of",
    "and",
    "by",
    "China's",
    "Pakistan",
    "units",
    "MW",
    "km",
    "year",
    "first",
    "eight",
    "months",
    "quarters",
    "at",
    "(",
    ")",
    ",",
    ".",
    "FY",
    "Rs.",
    "-",
]
TOKENS = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(sorted(HEDGES)),
    st.sampled_from(sorted(CURRENCIES)),
    st.sampled_from(sorted([*SCALES, *SCALE_SPELLINGS])),
    st.sampled_from(sorted(WORD_VALUES)),
    st.sampled_from(
        [
            "%",
            " percent",
            " per cent",
            "pc",
            "pct",
            "st",
            "th",
            "x",
            "×",
            "/",
            "−",
            "hundred",
            "quarter",
            "thirds",
            "half",
            "2023-24",
            "2018/19",
            "FY2019",
            "2025-03-11",
            "2024-02-30",
            "\u00a0",
            "  ",
        ]
    ),
    st.integers(0, 10**7).map(str),
    st.decimals(0, 10**6, places=3, allow_nan=False).map(str),
    st.integers(1, 999).map(lambda n: f"{n:,}000"),
    st.integers(1900, 2100).map(str),
)
SENTENCES = st.lists(TOKENS, min_size=1, max_size=14).flatmap(
    lambda tokens: st.lists(st.sampled_from(["", " ", " ", "-"]), min_size=len(tokens), max_size=len(tokens)).map(
        lambda gaps: "".join(g + t for g, t in zip(gaps, tokens, strict=True))
    )
)


@settings(max_examples=5000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(sentence=SENTENCES)
def test_generated_sentences_read_alike(engine, sentence):
    assert engine([sentence])[0] == python_mentions(sentence)


def test_the_translation_writes_unicode_classes_and_no_conditional():
    assert to_javascript(r"\d+\s\b\w") == (
        "[\\p{Nd}]+[" + reader_data()["whiteSpace"] + "]"
        "(?:(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_])|(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_]))[\\p{L}\\p{N}_]"
    )
    assert to_javascript(r"(?P<x>a\ b\.)") == r"(?<x>a b\.)"
    assert all("(?(" not in p for p in reader_data()["patterns"].values())
    json.dumps(reader_data())  # plain data


# The Chinese and Urdu readers (localised_numbers), the same way.


def localised_python_mentions(text: str, language: str) -> list[list]:
    return [
        [m.text, m.start, m.end, str(m.value), m.scale, m.percent, m.ordinal, m.hedge, m.hedge_words, m.scale_size]
        for m in read_numbers_in(text, language)
    ]


READ_LOCALISED = """([language, texts]) => texts.map(text => window.readers[language].readNumbers(text).map(m => [
  m.text, m.start, m.end, m.value, m.scale, m.percent, m.ordinal, m.hedge, m.hedge_words,
  m.scale_size === null ? null : Number(m.scale_size)]))"""


@pytest.fixture(scope="module")
def localised_engine(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><title>readers</title>")
    page.add_script_tag(path=str(ENGINE))
    page.evaluate(
        "data => { window.readers = {}; for (const d of data) window.readers[d.language] = "
        "window.NqpfNumberReader.createLocalised(d); }",
        [localised_reader_data(code) for code in LANGUAGES],
    )
    yield lambda language, texts: page.evaluate(READ_LOCALISED, [language, texts])
    page.close()


def assert_same_in(engine, language: str, texts: list[str]) -> None:
    for text, found in zip(texts, engine(language, texts), strict=True):
        assert found == localised_python_mentions(text, language), text


def test_the_chinese_and_urdu_phrase_tables_read_alike(localised_engine):
    zh = [text for text, _ in ZH_PHRASES] + [text for text, *_ in _shaped(ZH_SHAPES, ZH_SUBJECTS)]
    ur = [text for text, _ in UR_PHRASES] + [text for text, *_ in _shaped(UR_SHAPES, UR_SUBJECTS)]
    assert sum(len(localised_python_mentions(t, "zh")) for t in zh) > 150
    assert_same_in(localised_engine, "zh", zh)
    assert_same_in(localised_engine, "ur", ur)


def _tokens(words: NumberWords) -> st.SearchStrategy[str]:
    native = sorted([*ZH_DIGITS, *ZH_UNITS, *ZH_GROUPS, ZH_POINT]) if words.native_numerals else ["x"]
    return st.one_of(
        st.sampled_from(sorted(words.scales)),
        st.sampled_from(sorted(words.qualifiers)),
        st.sampled_from([*words.percent_after, *words.percent_before, *words.ordinal_before, *words.spans_of_time]),
        st.sampled_from([words.fraction_infix or "x", *words.fraction_words, "تہائی", "ایک"]),
        st.sampled_from(native),
        st.sampled_from(["产量", "增长", "元", "G", "ٹن", "روپے", "ڈالر", "،", "，", "。", " ", "\u00a0"]),
        st.sampled_from(list(words.decimal_points + words.group_separators)),
        st.integers(0, 10**7).map(str),
        st.integers(0, 10**5).map(lambda n: str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))),
        st.integers(0, 10**5).map(lambda n: str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))),
        st.decimals(0, 10**6, places=2, allow_nan=False).map(str),
    )


LOCALISED_SENTENCES = st.sampled_from(sorted(LANGUAGES)).flatmap(
    lambda code: st.tuples(st.just(code), st.lists(_tokens(LANGUAGES[code]), min_size=1, max_size=12).map("".join))
)


@settings(max_examples=3000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(sentence=LOCALISED_SENTENCES)
def test_generated_chinese_and_urdu_sentences_read_alike(localised_engine, sentence):
    language, text = sentence
    assert localised_engine(language, [text])[0] == localised_python_mentions(text, language)
