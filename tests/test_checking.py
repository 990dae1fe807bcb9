"""Checking a text against the fact base: one verdict per number, as the drafter reads it."""

import json
import shutil

import jsonschema
import pytest
from conftest import ROOT, add_source, nqpf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
        "A trade group said China's yearly NEV output of 9.59 million units in 2023 was surpassed.\n"
    )
    number = next(n for n in checked if n.text == "9.59 million")
    assert (number.verdict, number.measure, number.facts) == ("disagrees", "nev-production", ("nev-production-2023",))


_DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=60).map(lambda d: d * 80)
_SCRIPTS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200
)  # any code point: scripts, control characters, marks, private use


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_SCRIPTS, _DIGITS, st.sampled_from(["%", " million", " units in 2024", ". ", ",", "\n"]))))
def test_any_text_is_checked_without_an_error(check, pieces):
    text = "".join(pieces)
    for number in check(text):
        assert text[number.start : number.end] == number.text
        assert number.verdict in VERDICTS
        assert all(-1 <= part.start < len(text) for part in number.parts)


def test_a_verdict_names_the_words_that_fixed_each_part(check):
    """property ← “sales”, 2nd of “production and sales” … respectively; the year from its sentence."""
    checked = check(
        "China's NEV production and sales reached 9.59 million and 9.49 million units in 2023, "
        "up 35.8 percent and 37.9 percent year on year, respectively."
    )
    production, sales = checked[0], checked[1]
    assert (production.verdict, production.measure) == ("disagrees", "nev-production")
    assert {p.part: (p.value, p.words, p.how) for p in production.parts} == {
        "subject": ("new-energy-vehicles", "NEV", ""),
        "property": ("production", "production", "1st of “production and sales” … respectively"),
        "statistic": ("level", "", ""),
        "place": ("china", "China's", ""),
        "period kind": ("calendar-year", "2023", "the sentence's date"),
    }
    assert (sales.verdict, sales.measure, sales.candidates) == ("unknown", None, ())  # the base counts no sales
    assert next(p for p in sales.parts if p.part == "property").how == "2nd of “production and sales” … respectively"
    growth = checked[3]
    assert (growth.text, growth.verdict, growth.measure, growth.facts) == (
        "35.8 percent",
        "disagrees",  # the association's count against the statistics bureau's 30.3%: the right quantity
        "nev-production-growth",
        ("nev-production-growth-2023",),
    )


def test_a_number_whose_words_leave_a_part_unstated_is_unknown_and_names_its_candidates(check):
    (number, _) = check("China's NEVs hit 9.59 million units in 2023.")  # produced? sold? exported?
    assert (number.verdict, number.measure, number.candidates) == ("unknown", None, ("nev-production",))
    assert "property" not in {p.part for p in number.parts}


def test_the_command_line_explains_each_part_in_words_and_json(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("China's NEVs hit 9.59 million units in 2023. China's GDP grew 5.2 percent in 2023.\n")
    human = nqpf("check-text", str(path))
    assert "  could be: New energy vehicle production in China\n" in human.stdout
    assert "  subject: new energy vehicles ← “NEVs”\n" in human.stdout
    assert "  statistic: change ← “grew”\n" in human.stdout
    assert "  period kind: calendar-year ← “2023” (the sentence's date)\n" in human.stdout
    found = json.loads(nqpf("check-text", "--format", "json", str(path)).stdout)
    jsonschema.validate(found, SCHEMA)
    growth = next(n for n in found if n["text"] == "5.2 percent")
    assert growth["verdict"] == "agrees"
    assert {"part": "subject", "value": "gdp", "words": "GDP", "start": 53, "how": ""} in growth["parts"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("China's NEV exports totaled 2 million units in 2023.", "2 million"),  # exports, not production
        ("In December alone, China produced 1.57 million NEVs in 2023.", "1.57 million"),  # a month, not the year
        ("BYD sold over 3 million new energy vehicles in 2023.", "3 million"),  # a company, not the country
        ("NEVs accounted for 31.6 percent of new vehicle sales in China in 2023.", "31.6 percent"),  # a share
        ("China's R&D intensity rose 0.1 percentage points in 2023.", "0.1"),  # a change in points
        ("China's spending on basic research grew 8.1 percent in 2023.", "8.1 percent"),  # basic research only
        ("Pakistan's service sector accounts for 2/3 of its GDP.", "2/3"),  # services, not agriculture
        ("In the first 11 months of 2023, China's NEV output reached 9.443 million units.", "9.443 million"),
        ("China's GDP grew at an average annual rate of 5.2 percent over 2021-2023.", "5.2 percent"),
        ("China's R&D expenditure increased by 3,327.8 billion yuan in 2023.", "3,327.8 billion"),  # an amount
    ],
)
def test_no_verdict_on_another_quantity_of_the_same_words(check, text, number):
    """Each would have agreed or disagreed with a fact of the base on the words alone."""
    found = next(n for n in check(text) if n.text == number)
    assert found.verdict == "unknown", (found.measure, found.parts)


def test_the_command_keeps_the_rows_it_checks_against_until_an_input_changes(tmp_path):
    """The command line keeps what checking needs of the verified base in build/check-text.json
    (verifying the base takes far longer than checking); any change of a fact or a seed makes it
    verify again, so a kept file never gives a verdict the base no longer supports."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "seeds", project / "seeds")
    shutil.copytree(ROOT / "facts", project / "facts")
    report = tmp_path / "report.txt"
    report.write_text("China's R&D expenditure reached 3.61 trillion yuan in 2024.\n", encoding="utf-8")

    def verdict() -> tuple[str, list[str]]:
        done = nqpf("--root", str(project), "check-text", "--format", "json", str(report))
        assert done.returncode == 0, done.stderr
        number = json.loads(done.stdout)[0]
        return number["verdict"], number["facts"]

    assert verdict() == ("no-figure-for-period", [])
    kept = project / "build" / "check-text.json"
    assert "china-rd-expenditure 2023" in json.loads(kept.read_text(encoding="utf-8"))["rows"]
    add_source(project, "rd-2024", "China's R&D expenditure reached 3,613 billion yuan in 2024.\n")
    with (project / "facts" / "science-technology.yml").open("a", encoding="utf-8") as out:
        out.write(
            "\n- id: rd-expenditure-2024\n  claim: China's R&D expenditure in 2024 was 3,613 billion yuan.\n"
            "  kind: figure\n  value: 3613\n  scale: billion\n  unit: CNY\n  period: 2024\n"
            "  measure: china-rd-expenditure\n  sector: science-technology\n  source:\n    seed: rd-2024\n"
            "    quote: China's R&D expenditure reached 3,613 billion yuan in 2024.\n"
        )
    assert verdict() == ("agrees", ["rd-expenditure-2024"])  # the new fact, not the kept rows
    kept.write_text("{not json", encoding="utf-8")
    assert verdict() == ("agrees", ["rd-expenditure-2024"])  # a broken file is made again
    (project / "facts" / "science-technology.yml").write_text("- id: [broken\n", encoding="utf-8")
    broken = nqpf("--root", str(project), "check-text", str(report))
    assert broken.returncode == 1  # the base does not verify: no verdict from kept rows
    assert "science-technology.yml" in broken.stderr
