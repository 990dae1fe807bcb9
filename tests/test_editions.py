"""How each edition writes numbers and dates (editions.py): as CLDR writes them through Babel,
and read back as the same value by the edition's own number reader."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from babel.numbers import format_compact_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from nqpf.editions import EDITIONS, day_label, edition_links, period_label, written_number
from nqpf.localised_numbers import read_numbers_in
from nqpf.model import Period

AMOUNTS = st.builds(
    lambda digits, places, power: Fraction(digits, 10**places) * 10**power,
    st.integers(1, 10**6),
    st.integers(0, 3),
    st.integers(0, 12),
)


@settings(max_examples=500, deadline=None)
@given(amount=AMOUNTS, code=st.sampled_from(sorted(EDITIONS)))
def test_a_number_is_written_as_babel_writes_it_compactly_and_reads_back_exactly(amount, code):
    edition = EDITIONS[code]
    written = written_number(amount, edition)
    exact = Decimal(amount.numerator) / Decimal(amount.denominator)
    assert written == format_compact_decimal(exact, locale=edition.locale, fraction_digits=12)
    [mention] = read_numbers_in(written, code)
    assert mention.magnitude == amount


def test_the_issues_figures_are_written_with_each_languages_scales():
    zh, ur = EDITIONS["zh"], EDITIONS["ur"]
    assert written_number(Fraction("3.6") * 10**12, zh) == "3.6万亿"
    assert written_number(Fraction(9443000), zh) == "944.3万"
    assert written_number(Fraction(240 * 10**6), ur) == "24\u00a0کروڑ"
    assert written_number(Fraction(940000), ur) == "9.4\u00a0لاکھ"
    assert written_number(Fraction("5.2"), zh, percent=True) == "5.2%"
    assert written_number(Fraction(2, 3), zh) == "三分之二"
    assert written_number(Fraction(2, 3), ur) == "دو تہائی"
    assert written_number(Fraction(5, 12), ur) is None  # no decimal and no word: nothing is made up


def test_periods_and_days_are_written_by_cldr():
    zh, ur = EDITIONS["zh"], EDITIONS["ur"]
    assert period_label(Period("2023"), zh) == "2023年"
    assert period_label(Period("2025-03"), zh) == "2025年3月"
    assert period_label(Period("2025-03-11"), zh) == "2025年3月11日"
    assert period_label(Period("2025-03"), ur) == "مارچ 2025"
    assert day_label(dt.date(2025, 3, 11), ur) == "11 مارچ، 2025"
    for label in (period_label(Period("2025-03-11"), zh), day_label(dt.date(2025, 3, 11), ur)):
        assert 2025 in [m.value for m in read_numbers_in(label, "zh" if "年" in label else "ur")]


def test_each_edition_links_the_others_from_its_own_root():
    english = edition_links("en", "https://example.org/site/")
    assert [(e["code"], e["root"], e["url"]) for e in english] == [
        ("en", "", "https://example.org/site/"),
        ("zh", "zh/", "https://example.org/site/zh/"),
        ("ur", "ur/", "https://example.org/site/ur/"),
    ]
    urdu = edition_links("ur", "")
    assert [(e["code"], e["root"], e["url"], e["dir"]) for e in urdu] == [
        ("en", "../", "", "ltr"),
        ("zh", "../zh/", "", "ltr"),
        ("ur", "../ur/", "", "rtl"),
    ]
