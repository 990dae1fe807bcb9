"""Units: the registry checked against pint and ISO 4217, the unit a quote writes next to a
number, and conversions between units of one dimension."""

from fractions import Fraction

import pint
import pycountry
import pytest
from conftest import ROOT

from nqpf.loading import ProjectPaths, load_inputs
from nqpf.model import PERCENT
from nqpf.numbers import CURRENCIES, read_numbers
from nqpf.units import UnitRegistry, check_units

INPUTS = load_inputs(ProjectPaths(ROOT))[0]
UNITS = UnitRegistry(INPUTS.units)
PINT = pint.UnitRegistry()
SI = {
    "power": "watt",
    "energy": "joule",
    "voltage": "volt",
    "length": "meter",
    "mass": "kilogram",
    "area": "meter ** 2",
}
# pint's "acre" is the US survey acre; CPEC texts mean the international acre of 43,560 square feet
PINT_NAMES = {"tonnes": "metric_ton", "hectares": "hectare", "acres": "43560 * foot ** 2"}


def test_the_registry_keeps_its_own_rules():
    assert check_units(INPUTS.units) == []
    assert PERCENT in INPUTS.units


@pytest.mark.parametrize("unit", [u for u in INPUTS.units.values() if u.kind == "physical"], ids=lambda u: u.slug)
def test_each_physical_unit_has_the_dimension_and_size_pint_gives_it(unit):
    quantity = PINT.parse_expression(PINT_NAMES.get(unit.slug, unit.slug))
    in_si = quantity.to(SI[unit.dimension])
    assert Fraction(in_si.magnitude).limit_denominator(10**7) == unit.factor  # a float's last bit aside


@pytest.mark.parametrize("unit", [u for u in INPUTS.units.values() if u.kind == "currency"], ids=lambda u: u.slug)
def test_each_currency_is_named_by_its_iso_4217_code(unit):
    currency = pycountry.currencies.get(alpha_3=unit.slug)
    assert currency is not None


def test_every_currency_sign_the_number_reader_knows_is_a_spelling_of_its_units():
    for sign, codes in CURRENCIES.items():
        assert set(UNITS.spelled(sign)) == set(codes), sign


def test_a_spelling_names_one_unit_or_says_which_ones():
    assert UNITS.spelled("RMB") == UNITS.spelled("yuan") == UNITS.spelled("Yuan") == ("CNY",)
    assert UNITS.spelled("U.S. Dollars") == ("USD",)
    assert UNITS.spelled("per cent") == (PERCENT,)
    assert set(UNITS.spelled("units")) == {"vehicles", "sets"}
    assert UNITS.spelled("furlongs") == ()


@pytest.mark.parametrize(
    ("text", "spelling", "units"),
    [
        ("9.443 million units in 2023", "units", {"vehicles", "sets"}),
        ("126 trillion yuan ($17.51 trillion)", "yuan", {"CNY"}),
        ("3,327.8 billion RMB, an increase", "RMB", {"CNY"}),
        ("$600 million", "$", {"USD"}),
        ("Rs950 billion", "Rs", {"PKR"}),
        ("8.1% over the previous year", "%", {PERCENT}),
        ("2.68 percent of GDP", "percent", {PERCENT}),
        ("0.5 percentage points", "percentage points", {"percentage-points"}),
        ("884MW", "MW", {"MW"}),
        ("540 million kilowatts", "kilowatts", {"kW"}),
        ("45 new MOUs worth", "MOUs", {"mous"}),
        ("2/3 of our GDP", "of", {"share"}),
        ("8,000 MW of electricity", "MW", {"MW"}),
        ("510 km of highways", "km", {"km"}),
    ],
)
def test_the_unit_written_next_to_a_number_is_found(text, spelling, units):
    mention = read_numbers(text)[0]
    written = UNITS.written_next_to(text, mention)
    assert written is not None
    assert (written.spelling, set(written.units)) == (spelling, units)


@pytest.mark.parametrize(
    "text",
    [
        "4 x 330 MW",  # the MW is the next number's
        "reached 28. Then",  # a sentence ends
        "9 big new shiny vehicles",  # past the third word
        "12, vehicles",  # a comma ends the clause
    ],
)
def test_no_unit_is_found_past_the_next_number_the_clause_or_three_words(text):
    assert UNITS.written_next_to(text, read_numbers(text)[0]) is None


def test_units_of_one_dimension_convert_and_others_do_not():
    assert UNITS.factor("GW", "MW") == 1000
    assert UNITS.factor("kW", "GW") == Fraction(1, 10**6)
    assert UNITS.factor("share", PERCENT) == 100
    assert UNITS.factor(PERCENT, PERCENT) == 1
    assert UNITS.factor("USD", "CNY") is None
    assert UNITS.factor("MW", "kWh") is None
    assert UNITS.factor("vehicles", "sets") is None
    assert UNITS.factor(PERCENT, "percentage-points") is None
    assert UNITS.factor("nothing", PERCENT) is None


def test_an_unknown_unit_is_answered_with_the_slug_its_spelling_names():
    assert UNITS.suggestion("U.S. Dollars") == "write unit: USD"
    assert UNITS.suggestion("%") == f"write unit: {PERCENT}"
    assert UNITS.suggestion("units") == "write one of: vehicles, sets"
    assert UNITS.suggestion("MWW") == "did you mean MW or MWh?"
    assert UNITS.suggestion("zzzz") == "see facts/units.yml, or add the unit there"
