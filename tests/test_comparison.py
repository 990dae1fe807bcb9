"""Sources compared: rounding as written, bounds, scales and spellings of one unit."""

import dataclasses
from fractions import Fraction

import pytest
from conftest import ROOT, add_source, copy_project, fact_quoting, nqpf, run_build
from html_tools import read_page

from nqpf.comparison import Range, admitted, compare_measures, disagreements, half_step
from nqpf.loading import ProjectPaths, load_inputs
from nqpf.pages import SiteOptions, fact_card
from nqpf.units import UnitRegistry
from nqpf.verify import SeedText, verify_fact

UNITS = UnitRegistry(load_inputs(ProjectPaths(ROOT))[0].units)


def figure(quote: str, value, unit: str, scale: str | None = None, qualifier: str | None = None):
    """A verified fact stating ``value`` as ``quote`` writes it."""
    fact = fact_quoting(quote, value=str(value), unit=unit, scale=scale, qualifier=qualifier, measure="m")
    item, problems = verify_fact(fact, SeedText(quote), UNITS)
    assert problems == [], problems
    return item


def agree(a, b, factor_a=1, factor_b=1) -> bool:
    return admitted(a, Fraction(factor_a)).meets(admitted(b, Fraction(factor_b)))


def test_rounding_as_written_agrees():
    assert agree(
        figure("made 9.6 million vehicles", "9.6", "vehicles", "million"),
        figure("made 9.625 million vehicles", "9.625", "vehicles", "million"),
    )
    assert not agree(
        figure("made 9.6 million vehicles", "9.6", "vehicles", "million"),
        figure("made 9.443 million vehicles", "9.443", "vehicles", "million"),
    )


def test_a_bound_agrees_with_a_value_inside_it():
    assert agree(
        figure("more than 10 million vehicles", 10, "vehicles", "million", "more than"),
        figure("made 12.88 million vehicles", "12.88", "vehicles", "million"),
    )
    assert not agree(
        figure("more than 16 million vehicles", 16, "vehicles", "million", "more than"),
        figure("made 12.88 million vehicles", "12.88", "vehicles", "million"),
    )


def test_more_than_and_nearly_the_same_number_disagree():
    assert not agree(
        figure("more than 16 million vehicles", 16, "vehicles", "million", "more than"),
        figure("nearly 16 million vehicles", 16, "vehicles", "million", "nearly"),
    )
    assert agree(
        figure("nearly 16 million vehicles", 16, "vehicles", "million", "nearly"),
        figure("made 15.5 million vehicles", "15.5", "vehicles", "million"),
    )


def test_bound_against_bound():
    over_10 = figure("more than 10 million vehicles", 10, "vehicles", "million", "more than")
    over_16 = figure("more than 16 million vehicles", 16, "vehicles", "million", "more than")
    under_12 = figure("less than 12 million vehicles", 12, "vehicles", "million", "less than")
    assert agree(over_10, over_16)
    assert agree(over_10, under_12)
    assert not agree(over_16, under_12)
    at_least_16 = figure("at least 16 million vehicles", 16, "vehicles", "million", "at least")
    up_to_16 = figure("up to 16 million vehicles", 16, "vehicles", "million", "up to")
    assert agree(at_least_16, up_to_16)  # both admit exactly 16 million
    assert not agree(over_16, up_to_16)


def test_different_scales_compare_exactly():
    billions = figure("spent 3,327.8 billion RMB", "3327.8", "CNY", "billion")
    trillions = figure("spent 3.33 trillion yuan", "3.33", "CNY", "trillion")
    assert agree(billions, trillions)
    assert not agree(billions, figure("spent 3.6 trillion yuan", "3.6", "CNY", "trillion"))


def test_the_same_currency_under_two_spellings_is_one_unit():
    rmb = figure("spent 50 billion RMB", 50, "CNY", "billion")
    yuan = figure("spent 50 billion yuan", 50, "CNY", "billion")
    assert (rmb.fact.unit, yuan.fact.unit) == ("CNY", "CNY")
    assert agree(rmb, yuan)


def test_units_of_one_dimension_compare_after_conversion():
    megawatts = figure("a 1,320 MW plant", 1320, "MW")
    gigawatts = figure("a 1.32 GW plant", "1.32", "GW")
    assert agree(megawatts, gigawatts, UNITS.factor("MW", "MW"), UNITS.factor("GW", "MW"))
    assert not agree(megawatts, gigawatts, 1, 1)  # unconverted, 1,320 and 1.32 are far apart


def test_about_allows_a_twentieth_either_side_of_what_rounds_to_it():
    about_5 = figure("growth of around 5%", 5, "percent", qualifier="about")  # 4.5 to 5.5, and 0.25 more
    assert agree(about_5, figure("growth of 5.2%", "5.2", "percent"))
    assert agree(about_5, figure("growth of 5.7%", "5.7", "percent"))
    assert not agree(about_5, figure("growth of 5.9%", "5.9", "percent"))
    assert not agree(about_5, figure("growth of 4.1%", "4.1", "percent"))


def test_what_rounds_is_the_last_digit_written():
    assert half_step(figure("made 9.443 million vehicles", "9.443", "vehicles", "million")) == Fraction(1, 2000)
    assert half_step(figure("made 16 million vehicles", 16, "vehicles", "million")) == Fraction(1, 2)
    assert half_step(figure("built four wind farms", 4, "wind-farms")) == 0
    assert Range(Fraction(1), Fraction(2), high_open=True).meets(Range(Fraction(2), None)) is False
    assert Range(Fraction(1), Fraction(2)).meets(Range(Fraction(2), None)) is True


def test_the_curated_base_has_no_disagreement(fact_base):
    assert disagreements(fact_base) == []


def test_a_period_two_sources_state_alike_is_compared_and_agrees(fact_base):
    fact = fact_base.by_id["nev-production-2023"]
    twin = dataclasses.replace(fact, fact=dataclasses.replace(fact.fact, id="nev-twin"))
    base = dataclasses.replace(fact_base, facts=(*fact_base.facts, twin))
    comparison = compare_measures(base)["nev-production", "2023"]
    assert [item.fact.id for item in comparison.facts] == ["nev-production-2023", "nev-twin"]
    assert comparison.disagreements == ()


NEW_SEED = "Reports said China made 9.59 million new energy vehicles in 2023, by the industry association's count.\n"


@pytest.fixture(scope="module")
def disagreeing_project(tmp_path_factory):
    """The project with a second source for NEV production in 2023, which disagrees."""
    project = copy_project(tmp_path_factory.mktemp("disagree") / "project")
    add_source(project, "industry-count", NEW_SEED, label="A report citing the industry association")
    (project / "facts" / "zz-caam.yml").write_text(
        "- id: nev-production-2023-industry\n  claim: China made 9.59 million new energy vehicles in 2023.\n"
        "  kind: figure\n  value: 9.59\n  scale: million\n  unit: vehicles\n  period: 2023\n"
        "  measure: nev-production\n  sector: new-energy-vehicles\n  source:\n    seed: industry-count\n"
        "    quote: China made 9.59 million new energy vehicles in 2023\n",
        encoding="utf-8",
    )
    return project


def test_check_prints_a_disagreement_with_both_values_and_sources_and_exits_0(disagreeing_project):
    done = nqpf("--root", str(disagreeing_project), "check")
    assert done.returncode == 0, done.stderr
    assert (
        "note: New energy vehicle production in China, 2023: 9.443 million units (nev-production-2023, "
        "yang-nqpf-high-quality) and 9.59 million vehicles (nev-production-2023-industry, industry-count) disagree"
    ) in done.stdout
    assert "1 disagreement between sources" in done.stdout


def test_the_measure_page_and_both_fact_cards_show_both_values(disagreeing_project, tmp_path):
    built = run_build(disagreeing_project, tmp_path / "site")
    assert built.returncode == 0, built.output
    measure = (built.site / "measures" / "nev-production" / "index.html").read_text(encoding="utf-8")
    disagreement = measure.split('id="where-sources-disagree"', 1)[1].split('id="over-time"', 1)[0]
    assert "9.443 million units" in disagreement
    assert "9.59 million vehicles" in disagreement
    assert "A report citing the industry association (untitled)" in disagreement
    sector = (built.site / "sectors" / "new-energy-vehicles" / "index.html").read_text(encoding="utf-8")
    for card, other in (
        ("nev-production-2023", "9.59 million vehicles"),
        ("nev-production-2023-industry", "9.443 million units"),
    ):
        text = sector.split(f'id="{card}"', 1)[1].split("</article>", 1)[0]
        assert "Other sources for 2023" in text
        assert f"{other}, according to" in text
        assert "(disagrees)" in text
        assert "measures/nev-production/" in text
    assert read_page(built.site / "measures" / "nev-production" / "index.html").event_handlers == []
    # what the cards add stays out of Material's index, which is fetched whole (its parser ends an
    # excluded <div> at the first </div> inside it)
    assert "Other sources for" not in (built.site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_facts_that_name_different_methods_are_counted_differently_not_disagreeing(fact_base):
    """The statistics bureau's NEV output and the carmakers' association's count differ; facts
    naming their methods are set side by side, and neither is said to contradict the other."""
    bureau = fact_base.by_id["nev-production-2023"]
    counted = dataclasses.replace(bureau.fact, method="production as the statistics bureau counts it")
    association = dataclasses.replace(
        bureau.fact, id="nev-production-2023-association", value=Fraction(959, 100), method="the carmakers' count"
    )
    items = (dataclasses.replace(bureau, fact=counted), dataclasses.replace(bureau, fact=association))
    base = dataclasses.replace(
        fact_base, facts=(*(i for i in fact_base.facts if i.fact.id != "nev-production-2023"), *items)
    )
    comparison = compare_measures(base)["nev-production", "2023"]
    assert comparison.disagreements == ()
    assert [(p.first.fact.id, p.second.fact.id) for p in comparison.counted_differently] == [
        ("nev-production-2023", "nev-production-2023-association")
    ]
    assert disagreements(base) == []
    card = fact_card(items[0], base, SiteOptions(directory_urls=True), "sectors/new-energy-vehicles.md")
    assert "Other sources for 2023" in card
    assert (
        "(counted differently: the carmakers&#39; count, against production as the statistics bureau counts it)" in card
    )
    without = dataclasses.replace(
        base,
        facts=(*base.facts[:-1], dataclasses.replace(items[1], fact=dataclasses.replace(association, method=None))),
    )
    assert len(compare_measures(without)["nev-production", "2023"].disagreements) == 1  # one method unnamed: compared
