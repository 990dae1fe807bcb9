"""The number reader: every numeral form of the seeds, and the nasty ones."""

from fractions import Fraction

import pytest

from nqpf.numbers import format_number, parse_value, read_numbers


def only(text):
    found = read_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, scale, percent", [
    # forms written in the seeds
    ("2.8%", "2.8", None, True),
    ("3,327.8 billion RMB", "3327.8", "billion", False),
    ("$17.51 trillion", "17.51", "trillion", False),
    ("16 million units", "16", "million", False),
    ("2/3 of our GDP", "2/3", None, False),
    ("nearly 60 % of", "60", None, True),
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
])
def test_reads_value_scale_and_percent(text, value, scale, percent):
    mention = only(text)
    assert mention.value == Fraction(value)
    assert (mention.scale, mention.percent) == (scale, percent)


def test_scale_is_applied_in_magnitude():
    assert only("9.443 million").magnitude == 9_443_000
    assert only("$17.51 trillion").magnitude == Fraction("17.51e12")


@pytest.mark.parametrize("text", ["G2G", "B2B", "5Es framework", "5Cs", "COVID19"])
def test_numerals_glued_to_letters_are_identifiers(text):
    assert read_numbers(text) == []


def test_dates_are_one_mention_and_must_be_real():
    (date,) = read_numbers("date 2025-03-11 BEIJING")
    assert date.date == "2025-03-11" and date.year == 2025
    assert [m.date for m in read_numbers("Business recorder. 2024-03-31.")] == ["2024-03-31"]
    assert all(m.date is None for m in read_numbers("2024-02-30"))


def test_a_hyphen_between_numbers_is_not_a_minus():
    assert [m.value for m in read_numbers("2020-2025")] == [2020, 2025]


def test_years_are_recognised_only_for_plain_whole_numbers():
    assert only("in 2023").year == 2023
    assert only("2023%").year is None
    assert only("45 MOUs").year is None


def test_mentions_come_in_text_order_with_offsets():
    text = "In 2023, output rose 30.3% to 9.443 million units"
    found = read_numbers(text)
    assert [m.text for m in found] == ["2023", "30.3%", "9.443 million"]
    assert all(text[m.start:m.end] == m.text for m in found)


@pytest.mark.parametrize("raw, expected", [
    (28, Fraction(28)), (9.443, Fraction("9.443")), ("2/3", Fraction(2, 3)), (54.0, Fraction(54)),
])
def test_parse_value(raw, expected):
    assert parse_value(raw) == expected


@pytest.mark.parametrize("raw", [True, "many", float("nan"), float("inf"), "1e999", None, [1]])
def test_parse_value_refuses(raw):
    with pytest.raises(ValueError):
        parse_value(raw)


@pytest.mark.parametrize("value, shown", [
    (Fraction(30000), "30,000"), (Fraction("9.443"), "9.443"), (Fraction(2, 3), "2/3"),
    (Fraction("3327.8"), "3,327.8"),
])
def test_format_number(value, shown):
    assert format_number(value) == shown
