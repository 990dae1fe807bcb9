"""Checking a text against the fact base: one verdict per number, as the drafter reads it."""

import json

import jsonschema
import pytest
from conftest import ROOT, nqpf

from nqpf.checking import VERDICTS, check_text

SCHEMA = json.loads((ROOT / "schema" / "check-text.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def check(inputs, fact_base):
    return lambda text: check_text(text, inputs, fact_base)


def verdicts(checked):
    return [(n.text, n.verdict, n.facts) for n in checked]


def test_a_value_in_another_spelling_and_scale_of_one_currency_agrees(check):
    checked = check("In 2023, China's R&D expenditure was 3.33 trillion yuan, the statistics bureau said.")
    assert verdicts(checked) == [("2023", "not-a-figure", ()), ("3.33 trillion", "agrees", ("rd-expenditure-2023",))]
    number = checked[1]
    assert (number.unit, number.measure, number.period, number.value, number.scale) == (
        "CNY",
        "china-rd-expenditure",
        "2023",
        "3.33",
        "trillion",
    )


def test_another_sources_value_disagrees_and_names_the_facts(check):
    checked = check("China's new energy vehicle production reached 9.59 million units in 2023.")
    assert verdicts(checked)[0] == ("9.59 million", "disagrees", ("nev-production-2023",))


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("China's new energy vehicle production surpassed 15 million units in 2025.", "agrees"),  # bound and bound
        ("China's new energy vehicle production reached 16.4 million units in 2025.", "agrees"),  # inside the bound
        ("China's new energy vehicle production reached 12 million units in 2025.", "disagrees"),  # below it
    ],
)
def test_a_bound_is_compared_as_a_bound(check, text, verdict):
    number = check(text)[0]
    assert (number.verdict, number.facts, number.period) == (verdict, ("nev-production-2025",), "2025")


def test_a_period_the_base_lacks_names_the_periods_it_has(check):
    (number, year) = check("China's R&D expenditure exceeded 3.6 trillion yuan in 2024.")
    assert (number.verdict, number.measure, number.period, number.periods) == (
        "no-figure-for-period",
        "china-rd-expenditure",
        "2024",
        ("2023",),
    )
    assert (year.text, year.verdict) == ("2024", "not-a-figure")


def test_years_ordinals_and_dates_are_not_figures(check):
    checked = check("The 10th anniversary of the corridor fell on 5 July 2023, and the 2nd phase began in 2024.")
    assert {n.text: n.verdict for n in checked} == {
        "10th": "not-a-figure",
        "5": "not-a-figure",
        "2023": "not-a-figure",
        "2nd": "not-a-figure",
        "2024": "not-a-figure",
    }


def test_a_number_of_no_known_measure_is_unknown(check):
    (number, _) = check("The port of Gwadar handled 5 million tonnes of cargo in 2023.")
    assert (number.text, number.verdict, number.unit, number.measure) == ("5 million", "unknown", "tonnes", None)


def test_the_command_line_prints_each_verdict_and_json_that_the_schema_accepts(tmp_path):
    text = (
        "In 2023, China's R&D expenditure was 3.33 trillion yuan. China's new energy vehicle production "
        "reached 9.59 million units in 2023. The port handled 5 million tonnes in 2024.\n"
    )
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    human = nqpf("check-text", str(path))
    assert human.returncode == 0, human.stderr
    assert f"“3.33 trillion” (character {text.index('3.33')}): agrees" in human.stdout
    assert f"“9.59 million” (character {text.index('9.59')}): disagrees" in human.stdout
    assert "sectors/new-energy-vehicles/#nev-production-2023" in human.stdout
    assert human.stdout.rstrip().endswith("1 agrees, 1 disagrees, 3 not-a-figure, 1 unknown")
    done = nqpf("check-text", "--format", "json", str(path))
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    jsonschema.validate(found, SCHEMA)
    assert {n["verdict"] for n in found} <= set(VERDICTS)
    assert all(text[n["start"] : n["end"]] == n["text"] for n in found)


def test_input_that_is_not_utf8_is_refused_in_one_line_with_exit_2(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Exports of 5 million \xe9\xe9".encode("latin-1"))
    done = nqpf("check-text", str(path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "is not UTF-8 text" in done.stderr


def test_a_measure_drafted_for_an_earlier_number_never_hides_the_bases(check):
    """The checker reads with the drafter, which drafts a measure for a number the base has none
    for; a later number must still be compared with the base's own measure."""
    checked = check(
        " date 2024-11-14 Yearly NEV output tops 10 million units: a report\n\n"
        "A trade group said the yearly NEV output of 9.59 million units in 2023 was surpassed.\n"
    )
    number = next(n for n in checked if n.text == "9.59 million")
    assert (number.verdict, number.measure, number.facts) == ("disagrees", "nev-production", ("nev-production-2023",))
