"""The text checker judged on the evaluation set (tests/evaluation/numbers.yml): no decisive
verdict about a number of another measure or period, measure precision at least 97%, recall at
least 85% (issue 29's targets), in both engines."""

import pytest
from bench_path import evaluation

from nqpf.checking import check_text

ENTRIES = evaluation.entries()


def test_the_set_is_large_and_covers_every_kind_of_report():
    numbers = [n for e in ENTRIES for n in e["numbers"]]
    assert len(numbers) >= 250
    of_the_base = [n for n in numbers if n[1] is not None]
    assert len(of_the_base) >= 60
    assert len({n[1] for n in of_the_base}) >= 25  # most of the base's measures
    text = " ".join(e["text"] for e in ENTRIES)
    for shape in ("respectively", "accounted for", "month on month", "percentage points", "average annual", "BYD"):
        assert shape in text


@pytest.fixture(scope="module")
def python_score(inputs, fact_base):
    return evaluation.score(ENTRIES, lambda text: [n.as_json() for n in check_text(text, inputs, fact_base)])


def test_the_checker_never_gives_a_verdict_on_a_wrong_measure_or_period(python_score):
    assert python_score.wrong_verdicts == []


def test_every_listed_number_is_read_and_every_figure_is_listed(python_score):
    assert python_score.unlabelled == []


def test_measure_precision_and_recall_meet_their_targets(python_score, capsys):
    with capsys.disabled():
        print(
            f"\nEvaluation set: {python_score.numbers} numbers; measure precision {python_score.precision:.1%} "
            f"({python_score.named_right}/{python_score.named}), recall {python_score.recall:.1%} "
            f"({python_score.found}/{python_score.of_the_base})"
        )
    assert python_score.precision >= 0.97, python_score.wrong_names
    assert python_score.recall >= 0.85, python_score.missed


def test_a_wrong_label_is_caught():
    """The scorer can fail: a verdict about a number labelled with another measure counts."""
    entries = [{"text": "x", "numbers": [["5 percent", "china-gdp-growth", "2024"]]}]
    wrong = {"text": "5 percent", "measure": "nev-production-growth", "period": "2024", "verdict": "agrees"}
    found = evaluation.score(entries, lambda _: [wrong])
    assert found.wrong_verdicts
    assert (found.precision, found.recall) == (0, 0)
