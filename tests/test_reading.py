"""The clause reader: for each figure of a text, the parts of what it measures and the words
that state each (the evaluation set, tests/test_evaluation.py, judges it on whole reports)."""

import pytest
from conftest import ROOT

from nqpf.loading import ProjectPaths, load_inputs
from nqpf.numbers import read_numbers
from nqpf.reading import Figure, TextReader, Vocabulary, read_sentence, sentences

INPUTS, _ = load_inputs(ProjectPaths(ROOT))
VOCABULARY = Vocabulary(INPUTS.vocabulary)


def read(text: str, default_place: str | None = None) -> list[dict]:
    """Each figure's parts (value and words), in text order."""
    reader = TextReader(text, VOCABULARY, default_place=default_place)
    found = []
    for sentence in sentences(text):
        mentions = [m for m in read_numbers(text) if sentence[0] <= m.start and m.end <= sentence[1]]
        numbers = read_sentence(text, sentence, mentions)
        figures, _ = numbers.figures()
        shown = [
            Figure(
                m.start,
                m.end,
                "percent" if m.percent else "percentage-points" if "point" in text[m.end : m.end + 20] else None,
            )
            for m in figures
        ]
        for n, mention in enumerate(figures):
            reading = reader.read(sentence, shown, n, numbers.period)
            found.append({"number": mention.text, **{s.part: (s.value, s.words, s.how) for s in reading.stated}})
    return found


def test_a_list_is_mapped_in_order_when_the_sentence_says_respectively():
    first, second, third, fourth = read(
        "China's NEV production and sales reached 12.89 million and 12.87 million units in 2024, up 34.4 "
        "percent and 35.5 percent year on year, respectively."
    )
    assert first["property"] == ("production", "production", "1st of “production and sales” … respectively")
    assert second["property"] == ("sales", "sales", "2nd of “production and sales” … respectively")
    assert (third["property"][0], third["statistic"][0]) == ("production", "change")
    assert (fourth["property"][0], fourth["statistic"][:2]) == ("sales", ("change", "year on year"))
    assert second["subject"] == ("new-energy-vehicles", "NEV", "from the number before it")


def test_without_respectively_two_properties_before_a_number_state_none():
    (only,) = read("China's NEV production and sales reached 12.89 million units in 2024.")
    assert "property" not in only


def test_a_change_a_level_reached_by_a_change_and_a_change_in_points():
    up, reached = read("China's R&D spending rose 8.3 percent to 2.68 percent of GDP in 2024.")
    assert up["statistic"][:2] == ("change", "rose")
    assert (reached["statistic"][0], reached["whole"][0]) == ("share", "gdp")  # "rose ... to": the level
    (points,) = read("China's R&D intensity rose 0.1 percentage points in 2024.")
    assert (points["statistic"][0], points["subject"][0], points["whole"][0]) == (
        "change-in-points",
        "research-and-development",
        "gdp",
    )


def test_a_share_names_its_whole_and_a_share_of_a_subject_alone_is_of_it():
    (share,) = read("NEVs accounted for 40.9 percent of total new vehicle sales in China in 2024.")
    assert (share["subject"][0], share["statistic"][:2], share["whole"][:2]) == (
        "new-energy-vehicles",
        ("share", "accounted for"),
        ("vehicles", "new vehicle"),
    )
    (population,) = read("Nearly 60 percent of Pakistan's population is under 30 years of age.")
    assert (population["subject"][0], population["constraint"][0], population["place"][0]) == (
        "population",
        "under-30",
        "pakistan",
    )
    assert "whole" not in population


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("In December alone, China produced 1.57 million NEVs.", "month", "In December"),
        (
            "In the first 11 months of 2024, China's NEV output reached 11.3 million units.",
            "year-to-date",
            "first 11 months",
        ),
        ("China's economy grew 5.4 percent in the fourth quarter.", "quarter", "fourth quarter"),
        ("China's GDP grew at an average annual rate of 5.5 percent over 2021-2025.", "span-of-years", "2021-2025"),
        ("So far, China has helped Pakistan build four wind farms.", "cumulative", "So far"),
        ("Pakistan's GDP grew 2.5 percent in fiscal year 2024.", "fiscal-year", "fiscal year"),
        ("China's GDP grew 5 percent in 2024.", "calendar-year", "2024"),
    ],
)
def test_the_kind_of_period_the_clause_or_its_sentence_states(text, kind, words):
    (figure,) = read(text)
    assert figure["period kind"][:2] == (kind, words)


def test_a_company_that_acts_is_no_country_and_a_partner_is_no_place():
    (byd,) = read("BYD sold 4.27 million vehicles in China in 2024.")
    assert byd["place"][:2] == ("company", "BYD")
    (carmaker,) = read("Chinese carmaker Chery exported 1.14 million vehicles in 2024.")
    assert carmaker["place"][:2] == ("company", "Chery")
    (exports,) = read("Pakistan's exports to China rose 11 percent in 2024.")
    assert exports["place"][0] == "pakistan"


def test_what_a_clause_leaves_unstated_comes_from_the_sentence_the_paragraph_or_the_headline():
    level, change = read("China's solar cell output reached 540 million kilowatts in 2023, an increase of 54 percent.")
    assert (level["subject"][0], level["property"][0]) == ("solar-cells", "production")
    assert change["subject"] == ("solar-cells", "solar cell", "from the number before it")
    (later,) = read("China's NEV industry in 2023\n\nOutput grew 35.8 percent in 2023.")
    assert later["subject"] == ("new-energy-vehicles", "NEV", "from the headline")
    assert later["property"] == ("production", "Output", "")
    (default,) = read("NEV output grew 35.8 percent in 2023.", default_place="china")
    assert default["place"] == ("china", "", "the place the text names most")


def test_a_subject_the_clause_states_is_never_overruled():
    (gdp,) = read("China's NEV industry in 2023\n\nChina's GDP grew 5.2 percent in 2023.")
    assert (gdp["subject"][0], gdp["subject"][2]) == ("gdp", "")
    assert "property" not in gdp  # GDP is measured itself: nothing filled in from the headline


def test_a_target_is_read_unless_the_number_met_it():
    (target,) = read("The target for China's GDP growth in 2024 is around 5 percent.")
    assert target["constraint"][0] == "target"
    (outcome,) = read("China's GDP growth rate of 5.2 percent in 2023 met the target.")
    assert "constraint" not in outcome
    outcome, goal = read("China's GDP grew 5.2 percent in 2023, beating the target of around 5 percent.")
    assert "constraint" not in outcome
    assert goal["constraint"][0] == "target"


def test_each_measure_spells_its_subject_in_its_label_or_definition():
    """A measure's label and definition say what it counts in the vocabulary's words, so that a
    reader of the measure's page reads the quantity the checker matches."""
    for measure in INPUTS.measures.values():
        found = VOCABULARY.found(f"{measure.label}. {measure.definition}")
        subjects = {f.slug for f in found} | {
            VOCABULARY.terms[f.slug].implies.get("subject") for f in found if f.part == "subject"
        }
        assert measure.subject in subjects, measure.slug


def test_a_property_elsewhere_in_the_sentence_keeps_the_headlines_subject_out():
    """ "Retail sales, a key measure of spending, grew by 3.5 percent": the clause names nothing,
    its sentence names sales; the headline's GDP is not what grew (found on a real GDP report)."""
    text = (
        "China reports 5% GDP growth in 2024\n\n"
        "Retail sales, a key measurement of spending, grew by 3.5 percent for the year."
    )
    _, sales = read(text)
    assert "subject" not in sales
    (output,) = read("China's NEV industry in 2023\n\nOutput grew 35.8 percent in 2023.")
    assert output["subject"][2] == "from the headline"  # the clause names its property: the headline may fill


def test_the_clauses_own_period_comes_before_the_sentences_opening():
    """ "In the first seven months, ..., while in July alone ... 575,000 units": a month, not the
    year to date (found by trying real reports)."""
    _, july = read(
        "In the first seven months, China's NEV exports amounted to 1.308 million units, while in July "
        "alone China's NEV exports totaled 225,000 units."
    )
    assert july["period kind"][:2] == ("month", "in July")


def test_expanding_and_grow_state_a_change():
    first, forecast = read(
        "China's GDP grew 5 percent in 2024 after expanding 5.3 percent in the first quarter. "
        "China's economy should grow by about 5 percent in 2025."
    )[1:]
    assert first["statistic"][:2] == ("change", "expanding")
    assert forecast["statistic"][:2] == ("change", "grow")
