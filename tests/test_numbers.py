"""The number reader: every numeral form of the seeds, of the corridor's press, and the nasty ones."""

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from nqpf.numbers import (
    CURRENCIES,
    HEDGES,
    SCALE_SPELLINGS,
    SCALE_WORD_FORMS,
    SCALES,
    _either,
    describe,
    format_number,
    parse_value,
    read_numbers,
)


def only(text):
    found = read_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "scale", "percent"),
    [
        # forms written in the seeds
        ("2.8%", "2.8", None, True),
        ("3,327.8 billion RMB", "3327.8", "billion", False),
        ("$17.51 trillion", "17.51", "trillion", False),
        ("16 million units", "16", "million", False),
        ("2/3 of our GDP", "2/3", None, False),
        ("nearly 60 % of", "60", None, True),
        ("5 crore", "5", "crore", False),
        ("1.5 lakh", "1.5", "lakh", False),
        ("four wind farms", "4", None, False),
        ("30,000 embryos", "30000", None, False),
        ("54.0%.", "54", None, True),
        ("the 75th anniversary", "75", None, False),
        ("eight key sectors", "8", None, False),
        ("ten major tasks", "10", None, False),
        # nasty ones
        ("1,000.5", "1000.5", None, False),
        ("0.5%", "0.5", None, True),
        ("-3", "-3", None, False),
        ("(-3)", "-3", None, False),
        ("1e3", "1000", None, False),
        ("twenty-one", "21", None, False),
        ("three hundred million", "300", "million", False),
        ("5 per cent", "5", None, True),
        ("−7", "-7", None, False),
    ],
)
def test_reads_value_scale_and_percent(text, value, scale, percent):
    mention = only(text)
    assert mention.value == Fraction(value)
    assert (mention.scale, mention.percent) == (scale, percent)


# (written, value, scale, percent): number phrases as published in Pakistani and Chinese
# English-language reports on budgets, CPEC projects, energy and R&D (phrases only, no text).
REAL_FORMS = [
    # Pakistani press: rupees, glued and spaced, with and without the dot
    ("an allocation of Rs950 billion", "950", "billion", False),
    ("a total of Rs1,150 billion", "1150", "billion", False),
    ("Rs.3,000 billion", "3000", "billion", False),
    ("Only Rs1.13tr allocated to PSDP", "1.13", "trillion", False),
    ("against Rs4.1tr requirement", "4.1", "trillion", False),
    ("Record Rs4.715tr development plan", "4.715", "trillion", False),
    ("a Rs70bn allocation", "70", "billion", False),
    ("a new Rs87 billion share", "87", "billion", False),
    ("the defence budget is Rs1.8tr", "1.8", "trillion", False),
    ("allocation is Rs3.4bn", "3.4", "billion", False),
    ("Rs950bn allocated for development", "950", "billion", False),
    ("Rs 1.324tr development budget", "1.324", "trillion", False),
    ("around Rs21 billion allocation", "21", "billion", False),
    ("the PSDP allocates Rs40 m", "40", "million", False),
    ("Rs17.9 million has been allocated", "17.9", "million", False),
    ("Rs 63 billion", "63", "billion", False),
    ("Rs 4.611 billion", "4.611", "billion", False),
    ("proposed Rs. 2.580 billion", "2.580", "billion", False),
    ("Rs. 12b allocated for development projects", "12", "billion", False),
    ("Rs69,567.359m released", "69567.359", "million", False),
    ("Rs 157593.004 million under PSDP", "157593.004", "million", False),
    ("Rs 1,000 mln for land acquisition", "1000", "million", False),
    ("Rs1463 billion under their annual development programs", "1463", "billion", False),
    ("a cumulative cost of Rs 1.62 trillion", "1.62", "trillion", False),
    ("an outlay of around Rs14.5 trillion", "14.5", "trillion", False),
    ("Tax collection target set over Rs9 trillion", "9", "trillion", False),
    ("Rs157.50 billion allocated", "157.50", "billion", False),
    ("a minimum wage of Rs. 37 thousand", "37", "thousand", False),
    ("more than PKR 14 trillion", "14", "trillion", False),
    ("from PKR 400 billion to", "400", "billion", False),
    ("minimum pension to PKR 12,000", "12000", None, False),
    ("PKR75bn", "75", "billion", False),
    ("1,777 billion rupees have been earmarked", "1777", "billion", False),
    ("69,567.359 million rupees", "69567.359", "million", False),
    ("one hundred and eighteen billion rupees", "118", "billion", False),
    ("two hundred fifty million rupees", "250", "million", False),
    ("over twenty-three million rupees", "23", "million", False),
    ("Rs 5 crore", "5", "crore", False),
    ("18 lakh saplings", "18", "lakh", False),
    ("two lakh disabled people", "2", "lakh", False),
    ("12.5 lac working families", "12.5", "lakh", False),
    # dollars, yuan and renminbi
    ("Exports: $35bn", "35", "billion", False),
    ("$820m infrastructure investment", "820", "million", False),
    ("an estimated cost of $ 1912.2 million", "1912.2", "million", False),
    ("the total cost of the project was US$2 billion", "2", "billion", False),
    ("Projected Total Project Costs USD 1.8 billion", "1.8", "billion", False),
    ("US$6.5 billion", "6.5", "billion", False),
    ("US$159 billion more than by the end of March", "159", "billion", False),
    ("from $6.4tn at present", "6.4", "trillion", False),
    ("to nearly $20tn", "20", "trillion", False),
    ("CNY1.2 trillion", "1.2", "trillion", False),
    ("(USD166 billion)", "166", "billion", False),
    ("RMB50 billion", "50", "billion", False),
    ("exceeding 3.6 trillion yuan", "3.6", "trillion", False),
    ("1.024 trillion RMB", "1.024", "trillion", False),
    ("607.84 billion yuan", "607.84", "billion", False),
    ("¥33.229 trillion", "33.229", "trillion", False),
    # percentages as the agencies and papers write them
    ("up 8.3 pct", "8.3", None, True),
    ("China's 2.68-percent R&D intensity", "2.68", None, True),
    ("over 52 per cent of the allocations", "52", None, True),
    ("inflation at 21.3pc", "21.3", None, True),
    ("eighty-one percent resources", "81", None, True),
    ("jumped 28.7% from the same period", "28.7", None, True),
    ("(38.5 percent)", "38.5", None, True),
    # power plants and roads
    ("the 884MW plant", "884", None, False),
    ("the 884 MW hydro power project", "884", None, False),
    ("21,000MW of electricity", "21000", None, False),
    ("(120.12 km)", "120.12", None, False),
    # fractions in words
    ("one-quarter of the budget", "1/4", None, False),
    ("two-fifths of exports", "2/5", None, False),
    ("three quarters of the funds", "3/4", None, False),
    ("one-third of the PSDP", "1/3", None, False),
    # fiscal years
    ("the PSDP 2024-25", "2024", None, False),
    ("fiscal year of 2018/19", "2018", None, False),
]


@pytest.mark.parametrize(("text", "value", "scale", "percent"), REAL_FORMS)
def test_reads_the_forms_of_real_reports(text, value, scale, percent):
    mention = only(text)
    assert (mention.value, mention.scale, mention.percent) == (Fraction(value), scale, percent)


def test_the_table_of_real_forms_is_large_enough():
    assert len(REAL_FORMS) >= 60


@pytest.mark.parametrize(
    ("text", "currency", "units"),
    [
        ("Rs950 billion", "Rs", ("PKR",)),
        ("Rs.3,000 billion", "Rs.", ("PKR",)),
        ("PKR 14 trillion", "PKR", ("PKR",)),
        ("US$6.5 billion", "US$", ("USD",)),
        ("$35bn", "$", ("USD",)),
        ("USD 166 billion", "USD", ("USD",)),
        ("CNY1.2 trillion", "CNY", ("CNY",)),
        ("RMB50 billion", "RMB", ("CNY",)),
        ("¥33.229 trillion", "¥", ("CNY", "JPY")),
        ("€5 million", "€", ("EUR",)),
        ("£2bn", "£", ("GBP",)),
        ("3.6 trillion yuan", None, ()),
    ],
)
def test_the_currency_stays_in_the_mention(text, currency, units):
    mention = only(text)
    assert (mention.currency, mention.currency_units) == (currency, units)
    assert mention.text == text.removesuffix(" yuan")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("the 884MW plant", 884, "MW"),
        ("4,320MW", 4320, "MW"),
        ("3,081 GWh", 3081, None),
        ("a 400km road", 400, "km"),
        ("500kV line", 500, "kV"),
        ("a bare 100m race", 100, "m"),
    ],
)
def test_units_glued_to_a_number(text, value, unit):
    mention = only(text)
    assert (mention.value, mention.unit, mention.scale) == (value, unit, None)


@pytest.mark.parametrize("text", ["5G networks", "G20", "FY24", "B2B", "4G/5G", "5M users", "100mph"])
def test_identifiers_stay_identifiers(text):
    assert read_numbers(text) == []


def test_m_and_b_mean_million_and_billion_only_after_a_currency():
    assert (only("$120m").value, only("$120m").scale) == (120, "million")
    assert (only("Rs50m").scale, only("Rs. 12b").scale) == ("million", "billion")
    assert (only("100m").scale, only("100m").unit) == (None, "m")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("4×330MW", [4, 330]),
        ("4 x 330 MW", [4, 330]),
        ("4x330MW", [4, 330]),
        ("2x660 MW", [2, 660]),
    ],
)
def test_multiplications_are_read_as_both_numbers(text, values):
    assert [m.value for m in read_numbers(text)] == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one-quarter", Fraction(1, 4)),
        ("three quarters", Fraction(3, 4)),
        ("two-fifths", Fraction(2, 5)),
        ("one-third", Fraction(1, 3)),
        ("two-thirds majority", Fraction(2, 3)),
        ("one half", Fraction(1, 2)),
        ("one-tenth", Fraction(1, 10)),
        ("seven eighths", Fraction(7, 8)),
    ],
)
def test_word_fractions_are_exact(text, value):
    assert only(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("in the first three quarters of the year", 3),
        ("the last two quarters", 2),
        ("one third-party vendor", 1),
        ("one second", 1),
    ],
)
def test_words_that_are_not_fractions(text, value):
    assert only(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2023-24", 2023),
        ("FY2023-24", 2023),
        ("2018/19", 2018),
        ("FY 2019", 2019),
        ("1999-00", 1999),
    ],
)
def test_fiscal_years_are_one_mention_of_their_first_year(text, value):
    assert only(text).year == value


@pytest.mark.parametrize(("text", "values"), [("2021-24", [2021, 24]), ("2020-2025", [2020, 2025])])
def test_ranges_of_years_are_two_numbers(text, values):
    assert [m.value for m in read_numbers(text)] == values


@pytest.mark.parametrize(("words", "qualifier"), sorted(HEDGES.items()))
def test_every_hedge_is_read_before_a_number(words, qualifier):
    (mention,) = read_numbers(f"output {words} 2.1 million units")
    assert (mention.hedge, mention.hedge_words) == (qualifier, words)
    (capital,) = read_numbers(f"{words.capitalize()} Rs5 billion")
    assert capital.hedge == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "reached 2.1 million units",
        "the top 10 firms",
        "up 8.3 pct",
        "over the next five years",
        "some-5 units",
        "moreover 5",
    ],
)
def test_no_hedge_is_read_where_none_is_written(text):
    assert read_numbers(text)[-1].hedge is None


def test_a_converted_amount_in_brackets_shares_the_hedge():
    first, converted = read_numbers("exceeded 126 trillion yuan ($17.51 trillion)")
    assert first.hedge == converted.hedge == "more than"
    assert converted.hedge_words == "exceeded"
    own = read_numbers("exceeding 3.6 trillion yuan (about 506.41 billion U.S. dollars)")
    assert [m.hedge for m in own] == ["more than", "about"]
    assert [m.hedge for m in read_numbers("Rs950 billion ($3.4 billion)")] == [None, None]
    later = read_numbers("over 5 million units. Exports (2 million) fell")
    assert [m.hedge for m in later] == ["more than", None]


# ---- properties

_AMOUNTS = st.one_of(
    st.integers(0, 10**9).map(Fraction),
    st.decimals(0, 10**6, places=3, allow_nan=False, allow_infinity=False).map(Fraction),
)
_SCALE_FORMS = st.sampled_from(sorted({*SCALES, *SCALE_SPELLINGS}))


def _numeral(value: Fraction, separators: bool) -> str:
    shown = format_number(value)
    return shown if separators else shown.replace(",", "")


@given(
    amount=_AMOUNTS,
    currency=st.sampled_from(sorted(CURRENCIES)),
    scale=_SCALE_FORMS,
    glue=st.sampled_from(["", " "]),
    scale_glue=st.sampled_from(["", " "]),
    separators=st.booleans(),
    before=st.sampled_from(["", "an allocation of ", "(", "Total: "]),
    after=st.sampled_from(["", " for roads", ").", ", up 5%"]),
)
def test_any_amount_in_any_currency_and_scale_form_is_one_exact_mention(  # noqa: PLR0917 - Hypothesis fills each argument from @given
    amount, currency, scale, glue, scale_glue, separators, before, after
):
    if scale in SCALES or scale in SCALE_WORD_FORMS:
        scale_glue = " "  # scale words are written after a space; abbreviations glued or spaced
    written = f"{currency}{glue}{_numeral(amount, separators)}{scale_glue}{scale}"
    found = [m for m in read_numbers(before + written + after) if m.start < len(before) + len(written)]
    assert len(found) == 1, found
    (mention,) = found
    assert mention.text == written
    assert mention.currency == currency
    assert mention.magnitude == amount * SCALES[SCALE_SPELLINGS.get(scale, scale)]


@given(amount=_AMOUNTS, percent=st.sampled_from(["%", " %", " per cent", " percent", "pc", " pct", "-percent"]))
def test_any_percent_form_is_a_percent(amount, percent):
    mention = only(f"rose {_numeral(amount, True)}{percent} last year")
    assert (mention.value, mention.percent) == (amount, True)


@given(
    word=st.from_regex(r"[A-Za-z]{1,6}", fullmatch=True),
    digits=st.from_regex(r"[0-9]{1,5}", fullmatch=True),
    tail=st.from_regex(r"[A-Za-z]{0,4}", fullmatch=True),
)
def test_a_numeral_glued_inside_a_word_is_never_read(word, digits, tail):
    assume(word not in CURRENCIES and word != "FY")  # "Rs5", "FY2019" are written on purpose
    found = read_numbers(f" {word}{digits}{tail} ")
    assert found == [], found


@given(st.text(alphabet=st.sampled_from("0123456789 ,.-−/$€£¥%xX×RsPKUSDCNYMBbnmtrlakhcoe-\n()"), max_size=60))
def test_random_text_never_breaks_the_reader(text):
    for mention in read_numbers(text):
        assert text[mention.start : mention.end] == mention.text
        assert mention.value.denominator > 0


def test_scale_is_applied_in_magnitude():
    assert only("9.443 million").magnitude == 9_443_000
    assert only("$17.51 trillion").magnitude == Fraction("17.51e12")


@pytest.mark.parametrize("text", ["G2G", "B2B", "5Es framework", "5Cs", "COVID19"])
def test_numerals_glued_to_letters_are_identifiers(text):
    assert read_numbers(text) == []


def test_dates_are_one_mention_and_must_be_real():
    (date,) = read_numbers("date 2025-03-11 BEIJING")
    assert date.date == "2025-03-11"
    assert date.year == 2025
    assert [m.date for m in read_numbers("Business recorder. 2024-03-31.")] == ["2024-03-31"]
    assert all(m.date is None for m in read_numbers("2024-02-30"))


def test_a_hyphen_between_numbers_is_not_a_minus():
    assert [m.value for m in read_numbers("2020-2025")] == [2020, 2025]


def test_years_are_recognised_only_for_plain_whole_numbers():
    assert only("in 2023").year == 2023
    assert only("2,160 megawatts").year is None
    assert only("2023%").year is None
    assert only("45 MOUs").year is None


def test_mentions_come_in_text_order_with_offsets():
    text = "In 2023, output rose 30.3% to 9.443 million units"
    found = read_numbers(text)
    assert [m.text for m in found] == ["2023", "30.3%", "9.443 million"]
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (28, Fraction(28)),
        (9.443, Fraction("9.443")),
        ("2/3", Fraction(2, 3)),
        (54.0, Fraction(54)),
    ],
)
def test_parse_value(raw, expected):
    assert parse_value(raw) == expected


@pytest.mark.parametrize("raw", [True, "many", float("nan"), float("inf"), "1e999", None, [1]])
def test_parse_value_refuses(raw):
    with pytest.raises(ValueError, match=r"\w"):  # every refusal says why
        parse_value(raw)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(30000), "30,000"),
        (Fraction("9.443"), "9.443"),
        (Fraction(2, 3), "2/3"),
        (Fraction("3327.8"), "3,327.8"),
    ],
)
def test_format_number(value, shown):
    assert format_number(value) == shown


# ---- details the examples above leave open (found by mutation testing)


def test_alternatives_are_tried_longest_first():
    assert _either(["a", "a.b", "ab", "abc"]) == r"a\.b|abc|ab|a"  # equal lengths keep their order


def test_describe_lists_the_mentions_or_says_none():
    assert describe(read_numbers("28% in 2025")) == "28%, 2025"
    assert describe([]) == "none"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (Fraction(1, 1024), "0.0009765625"),  # ten decimal places: the most written out
        (Fraction(1, 2048), "1/2048"),
        (Fraction(1, 20), "0.05"),
        (Fraction(-1, 2), "-0.5"),
        (Fraction(-3), "-3"),
        (Fraction(9443, 1000), "9.443"),
    ],
)
def test_format_number_writes_the_shortest_exact_form(value, written):
    assert format_number(value) == written


def shape(text: str) -> list[tuple]:
    return [(m.text, m.value, m.scale, m.unit, m.ordinal, m.date, m.hedge, m.percent) for m in read_numbers(text)]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("a ratio of 5/0", [("5/0", 5, None, None, False, None, None, False)]),  # "/0" is no fraction
        ("First three quarters of growth", [("three", 3, None, None, False, None, None, False)]),
        ("outlast three quarters", [("three quarters", Fraction(3, 4), None, None, False, None, None, False)]),
        ("ten fifths", [("ten fifths", 2, None, None, False, None, None, False)]),
        ("eleven fifths", [("eleven", 11, None, None, False, None, None, False)]),
        ("about three quarters", [("three quarters", Fraction(3, 4), None, None, False, None, "about", False)]),
        ("over 884MW", [("884MW", 884, None, "MW", False, None, "more than", False)]),
        ("around 2025-03-11", [("2025-03-11", 2025, None, None, False, "2025-03-11", "about", False)]),
        ("nearly the 5th", [("5th", 5, None, None, True, None, None, False)]),
        ("over the 5th", [("5th", 5, None, None, True, None, None, False)]),
        ("about 5th", [("5th", 5, None, None, True, None, "about", False)]),
    ],
)
def test_each_part_of_a_mention_is_read(text, mentions):
    assert shape(text) == mentions


@pytest.mark.parametrize("text", ["twenty-percent", "twenty-%", "twenty-two-percent of it"])
def test_a_number_word_joined_to_its_percent_by_a_hyphen_is_read(text):
    """Found by fuzzing: the hyphen before the percent made an empty word, and the reader raised."""
    (mention,) = read_numbers(text)
    assert mention.percent
    assert mention.value == (22 if "two" in text else 20)


def test_a_numeral_of_more_than_40_digits_is_a_code_not_a_number():
    assert [m.text for m in read_numbers("A code " + "1" * 41 + " and a count " + "1" * 40 + ".")] == ["1" * 40]
    assert read_numbers("The fund holds " + "9" * 5000 + " dollars.") == []  # no int-to-string limit reached
    assert [m.text for m in read_numbers("Rates of 1e39 and 1e41 and 1e999999999.")] == ["1e39"]
