"""Scoring the text checker on the evaluation set (tests/evaluation/numbers.yml): the numbers of
texts written in the shapes real reports use, each labelled with the measure (or none) and the
period a careful reader would attach. Used by tests/test_evaluation.py and `make bench`.

- decisive verdicts on a wrong measure or period: "agrees" or "disagrees" about a number that
  is not of that measure, or not of that period (the worst thing the site can print);
- measure precision: of the numbers the checker names a measure for, the share it names right;
- measure recall: of the numbers that are of one of the base's measures, the share it names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

EVALUATION = Path(__file__).resolve().parent.parent / "tests" / "evaluation" / "numbers.yml"
DECISIVE = ("agrees", "disagrees")


@dataclass
class Score:
    numbers: int = 0  # labelled numbers
    named: int = 0  # numbers the checker named a measure for
    named_right: int = 0
    of_the_base: int = 0  # numbers a careful reader says are of one of the base's measures
    found: int = 0  # of those, named right
    wrong_verdicts: list[str] = field(default_factory=list)  # decisive on a wrong measure or period
    wrong_names: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    unlabelled: list[str] = field(default_factory=list)  # numbers read as figures the set does not list

    @property
    def precision(self) -> float:
        return self.named_right / self.named if self.named else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.of_the_base if self.of_the_base else 1.0


def entries(path: Path = EVALUATION) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def score(entries: list[dict[str, Any]], checked_of: Any) -> Score:
    """``checked_of(text)``: the checker's numbers for a text, as dicts of check-text's JSON."""
    result = Score()
    for entry in entries:
        text = entry["text"]
        checked = checked_of(text)
        seen: dict[str, int] = {}
        labels: dict[tuple[str, int], tuple[str | None, str | None]] = {}
        for written, measure, period in entry["numbers"]:
            key = str(written)
            labels[(key, sum(k == key for k, _ in labels))] = (measure, period)
        for number in checked:
            nth = seen.get(number["text"], 0)
            seen[number["text"]] = nth + 1
            label = labels.get((number["text"], nth))
            where = f"“{number['text']}” in {text.strip()[:90]!r}"
            if label is None:
                if number["verdict"] in DECISIVE or number["measure"]:
                    result.unlabelled.append(where)
                continue
            result.numbers += 1
            measure, period = label
            if measure is not None:
                result.of_the_base += 1
            if number["measure"]:
                result.named += 1
                if number["measure"] == measure:
                    result.named_right += 1
                else:
                    result.wrong_names.append(f"{where}: named {number['measure']}, is {measure}")
            if measure is not None and number["measure"] == measure:
                result.found += 1
            elif measure is not None:
                result.missed.append(f"{where}: {number['verdict']}, is {measure}")
            if number["verdict"] in DECISIVE and (number["measure"] != measure or number["period"] != period):
                result.wrong_verdicts.append(
                    f"{where}: {number['verdict']} as {number['measure']} {number['period']}, is {measure} {period}"
                )
        missing = [k for k in labels if k[1] >= seen.get(k[0], 0)]
        result.unlabelled += [f"listed but not read: “{k[0]}” in {text.strip()[:90]!r}" for k in missing]
    return result
