"""One checker, two engines: the browser's (assets/nqpf/text-checker.js, fed the data
hooks/nqpf/check_page.py writes) and the command line's (checking.check_text) give the same
reading and verdict for every number: the seeds, the checker's own test texts, the bad-input
corpus and generated sentences about the base's measures."""

import dataclasses
import json

import pytest
import yaml
from bench_path import evaluation
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nqpf.check_page import measures_data, rules_data
from nqpf.checking import check_data, check_with, fact_rows
from nqpf.loading import ProjectPaths
from nqpf.reading import Vocabulary
from nqpf.translations import check_languages, load_editions

ASSETS = ROOT / "docs" / "assets" / "nqpf"
FIELDS = (
    "text",
    "start",
    "end",
    "value",
    "scale",
    "unit",
    "qualifier",
    "period",
    "measure",
    "verdict",
    "facts",
    "parts",
    "candidates",
)

pytestmark = pytest.mark.browser

CHECK = """texts => texts.map(text => {
  const language = window.NqpfTextChecker.languageOf(window.rules, text);
  window.checkers[language] = window.checkers[language] ||
    window.NqpfTextChecker.create(window.rules, window.measures, language);
  const checker = window.checkers[language];
  const readings = checker.read(text);
  const parts = {};
  checker.needs(readings).forEach(name => { parts[name] = window.parts[name]; });
  return checker.verdicts(readings, parts);
})"""


@pytest.fixture(scope="module")
def browser_check(browser, fact_base):
    page = browser.new_page()
    page.set_content("<!doctype html><title>checker</title>")
    for script in ("number-reader.js", "text-checker.js"):
        page.add_script_tag(path=str(ASSETS / script))
    parts = {
        f"facts/{slug}/{period}": [row.as_json() for row in rows]
        for (slug, period), rows in fact_rows(fact_base).items()
    }
    languages = check_languages(ProjectPaths(ROOT), fact_base.vocabulary, fact_base.units, [])
    page.evaluate(
        """([rules, measures, parts]) => {
          window.rules = rules;
          window.measures = measures;
          window.checkers = {};
          window.parts = parts;
        }""",
        [rules_data(fact_base.unit_registry, languages), measures_data(fact_base, True), parts],
    )
    yield lambda texts: page.evaluate(CHECK, texts)
    page.close()


_DATA: dict[int, tuple] = {}  # what checking needs of a base, made once per base (kept with it: ids stay unique)


def python_check(text, inputs, base) -> list[dict]:
    if id(base) not in _DATA:
        languages = check_languages(ProjectPaths(ROOT), base.vocabulary, base.units, [])
        _DATA[id(base)] = (base, dataclasses.replace(check_data(base), languages=languages))
    data = _DATA[id(base)][1]
    return [{name: number.as_json()[name] for name in FIELDS} for number in check_with(text, data)]


def assert_same(browser_check, inputs, base, texts: list[str]) -> list[dict]:
    found = []
    for text, checked in zip(texts, browser_check(texts), strict=True):
        expected = python_check(text, inputs, base)
        assert [{name: n[name] for name in FIELDS} for n in checked] == expected, text[:200]
        found += expected
    return found


def test_chinese_and_urdu_texts_check_alike(browser_check, inputs, fact_base):
    """The statements of tests/check_statements.yml and every translated claim of the base, in
    both languages, each language told by its letters as the page tells it."""
    statements = yaml.safe_load((ROOT / "tests" / "check_statements.yml").read_text(encoding="utf-8"))
    editions, _ = load_editions(ProjectPaths(ROOT), fact_base)
    claims = [t.texts["claim"] for texts in editions.values() for t in texts.facts.values()]
    texts = [s[code] for s in statements for code in ("zh", "ur")] + claims
    texts.append("\n\n".join(texts[:12]))  # a paragraph of several, sentences before filling later ones
    found = assert_same(browser_check, inputs, fact_base, texts)
    assert {n["verdict"] for n in found} == {"agrees", "disagrees", "no-figure-for-period", "not-a-figure", "unknown"}


def test_the_seeds_check_alike(browser_check, inputs, fact_base):
    found = assert_same(browser_check, inputs, fact_base, list(inputs.seed_texts.values()))
    verdicts = {n["verdict"] for n in found}
    assert {"agrees", "no-figure-for-period", "not-a-figure", "unknown"} <= verdicts
    assert sum(n["verdict"] == "agrees" for n in found) >= 5  # the seeds agree with their own facts


CHECKED_TEXTS = [
    "In 2023, China's R&D expenditure was 3.33 trillion yuan, the statistics bureau said.",
    "China's new energy vehicle production reached 9.59 million units in 2023.",
    "China's new energy vehicle production surpassed 15 million units in 2025.",
    "China's new energy vehicle production reached 12 million units in 2025.",
    "China's R&D expenditure exceeded 3.6 trillion yuan in 2024.",
    "The 3rd meeting was held on 5 March 2024 in Beijing, where 12 MOUs were signed.",
    "CPEC investment totalled $25.4 billion (about 180 billion yuan) by 2023, and it rose 8.1% on the year.",
    "Rs950 billion was spent in FY2023-24, about 3.4 billion U.S. dollars, while 884MW came online.",
    "ISLAMABAD: The corridor, ten years old, employs more than 200,000 people. Tel: 051 9203 456.",
    "Première ligne 😀 : China’s NEV output hit 𝟗 million, nearly 16 million units in 2024."
    "\n\nA NEW HEADLINE\nwrapped line",
]


def test_the_checkers_texts_check_alike(browser_check, inputs, fact_base):
    found = assert_same(browser_check, inputs, fact_base, CHECKED_TEXTS)
    assert {"agrees", "disagrees", "no-figure-for-period", "not-a-figure", "unknown"} <= {n["verdict"] for n in found}


def test_the_evaluation_set_checks_alike(browser_check, inputs, fact_base):
    """Respectively-lists, shares, growth, months, companies, spans: the same parts and verdicts."""
    found = assert_same(browser_check, inputs, fact_base, [e["text"] for e in evaluation.entries()])
    parts = {p["part"] for n in found for p in n["parts"]}
    assert parts == {"subject", "property", "statistic", "whole", "constraint", "place", "period kind"}
    assert any("respectively" in p["how"] for n in found for p in n["parts"])
    assert any(n["candidates"] for n in found)


def test_the_bad_input_corpus_checks_alike(browser_check, inputs, fact_base):
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted((ROOT / "tests" / "bad_input").glob("*.yml"))]
    assert_same(browser_check, inputs, fact_base, texts)


def test_the_browser_engine_reads_the_measures_parts_and_vocabulary_of_the_base(inputs, fact_base):
    """The page's data is the command line's: each measure with its parts, the vocabulary's
    pattern and spellings as the clause reader compiles them; plain data."""
    data = measures_data(fact_base, True)
    assert [m["slug"] for m in data["measures"]] == list(inputs.measures)
    assert all(m["parts"] == inputs.measures[m["slug"]].parts() for m in data["measures"])
    vocabulary = Vocabulary(inputs.vocabulary)
    assert (
        data["vocabulary"]["spellings"] == {k: list(v) for k, v in vocabulary.spellings.items()}
        or data["vocabulary"]["spellings"] == vocabulary.spellings
    )
    # each measure's place as the slug the engine matches, the label resolved as the command line does
    assert all(m["place"] == vocabulary.place_of_label.get(inputs.measures[m["slug"]].place) for m in data["measures"])
    assert {m["place"] for m in data["measures"]} >= {"china", "pakistan"}
    json.dumps(rules_data(fact_base.unit_registry))  # plain data
    json.dumps(data)


_SUBJECTS = [
    "China's new energy vehicle production",
    "China's R&D expenditure",
    "CPEC investment",
    "Pakistan's exports to China",
    "installed wind power capacity",
    "the digital economy",
    "industrial robot output",
    "the trade volume",
    "China's NEV production and sales",
    "BYD",
    "NEVs",
    "Spending on basic research",
    "China's GDP",
    "In December, NEV exports",
    "Its R&D intensity",
]
_VERBS = [
    "reached",
    "rose to",
    "was",
    "exceeded",
    "nearly reached",
    "stood at",
    "fell",
    "grew by",
    "is expected to hit",
    "sold",
    "accounted for",
    "rose 5 percent month on month to",
    "hit",
]
_AMOUNTS = [
    "9.443 million units",
    "3.33 trillion yuan",
    "$25 billion",
    "8.1%",
    "1,200 MW",
    "45 MOUs",
    "two-thirds",
    "Rs950 billion",
    "about 16 million vehicles",
    "120 GW",
    "62 billion U.S. dollars",
    "12.9 million and 12.87 million units, up 34.4 percent and 35.5 percent, respectively",
    "40.9 percent of total new vehicle sales",
    "2.68 percent of GDP",
    "an average annual 5.5 percent",
    "1.3-fold",
    "0.1 percentage points",
]
_TAILS = [
    "in 2023",
    "in 2025",
    "by 2030",
    "last year",
    "in the first eight months",
    "in FY2023-24",
    "",
    "on 5 March 2024",
    "in the first quarter",
    "over 2021-2025",
    "so far",
    "in December 2024",
]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_SUBJECTS),
            st.sampled_from(_VERBS),
            st.sampled_from(_AMOUNTS),
            st.sampled_from(_TAILS),
            st.sampled_from([". ", ", ", "; ", ".\n", ".\n\n"]),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_generated_reports_check_alike(browser_check, inputs, fact_base, parts):
    text = "".join(f"{subject} {verb} {amount} {tail}".rstrip() + end for subject, verb, amount, tail, end in parts)
    assert_same(browser_check, inputs, fact_base, [text])
