"""The fact index: terms and weights as lunr makes them, the compact format, and the ranking
of fact-search.js (run in node with the real lunr.js, on the real facts)."""

import json
import shutil
import subprocess

import pytest
from lunr import lunr

from browser import unavailable
from conftest import ROOT
from nqpf.pages import SiteOptions, fact_href
from nqpf.search import (FACETS, FIELDS, LUNR_JS, PAGE_SRC, build_index, index_script, search_document,
                         term_weights)

SEARCH_JS = ROOT / "docs" / "assets" / "nqpf" / "fact-search.js"
PREFIX = "window.NQPF_FACT_INDEX = "


@pytest.fixture(scope="module")
def documents(fact_base):
    return [search_document(item, fact_base) for item in fact_base.facts]


@pytest.fixture(scope="module")
def shipped(fact_base):
    """The data file's payload as shipped: texts joined into one string per column."""
    script = index_script(fact_base, SiteOptions())
    assert script.startswith(PREFIX) and script.endswith(";\n")
    return json.loads(script[len(PREFIX):-2])


@pytest.fixture(scope="module")
def payload(shipped):
    """The payload with its joined texts split again, as the page script does."""
    columns = {name: value.split("\n") if isinstance(value, str) else value
               for name, value in shipped["columns"].items()}
    return {**shipped, "columns": columns}


def decode(posting: str) -> dict[int, int]:
    """{position: weight in hundredths} from one posting string (the format in search.py)."""
    numbers = [int(part, 36) for part in posting.split(",")]
    positions, position = [], -1
    for gap in numbers[::2]:
        position += gap
        positions.append(position)
    return dict(zip(positions, numbers[1::2]))


def test_terms_and_weights_are_those_of_lunr_py(documents):
    """Every term lunr.py indexes, in the same facts, weighing the sum of lunr's field scores."""
    reference = lunr(ref="ref", fields=[{"field_name": n, "boost": b} for n, b in FIELDS],
                     documents=[{"ref": str(n), **d} for n, d in enumerate(documents)]).serialize()
    order = {term: postings["_index"] for term, postings in reference["invertedIndex"]}
    vectors = {ref: dict(zip(v[::2], v[1::2])) for ref, v in reference["fieldVectors"]}
    ours = term_weights(documents)
    assert set(ours) == set(order)
    for term, postings in reference["invertedIndex"]:
        holders = {int(ref) for name, _ in FIELDS for ref in postings[name]}
        assert set(ours[term]) == holders, term
        for position in holders:
            expected = sum(vectors[f"{name}/{position}"].get(order[term], 0) for name, _ in FIELDS)
            # lunr rounds each field's score to 3 decimals; we round only the sum
            assert ours[term][position] == pytest.approx(expected, abs=0.0005 * len(FIELDS)), (term, position)


def test_postings_decode_to_the_weights_in_hundredths(documents):
    index = build_index(documents)
    weights = term_weights(documents)
    assert len(index["terms"]) == len(index["postings"]) == len(weights)
    for term, posting in zip(index["terms"], index["postings"]):
        assert decode(posting) == {p: round(w * 100) for p, w in weights[term].items()}, term


def test_terms_are_sorted_as_javascript_compares_strings():
    # U+FF21 sorts after U+1F600 in code points but before it in UTF-16 code units
    index = build_index([{"claim": "\U0001F600 \uff21 zinc", "value": "", "context": "", "quote": ""}])
    assert index["terms"] == ["zinc", "\U0001F600", "\uff41"]  # lunr lowercases: U+FF21 -> U+FF41


def test_every_fact_has_its_fields_and_context(fact_base):
    assert {name for name, _ in FIELDS} == {"claim", "value", "context", "quote"}
    document = search_document(fact_base.by_id["nev-production-2023"], fact_base)
    assert "9.443 million" in document["value"]
    for text in ("New energy vehicles", "2023", "“New quality productive forces drive", "NEV"):
        assert text in document["context"]  # sector, period, source, tags
    hashmi = search_document(fact_base.by_id["pakistan-population"], fact_base)
    assert "Khalil Hashmi Pakistan's Ambassador to China" in hashmi["context"]  # speaker


def test_display_columns_and_facets_describe_every_fact(fact_base, payload):
    columns = payload["columns"]
    assert all(len(column) == len(fact_base.facts) for column in columns.values())
    for position, item in enumerate(fact_base.facts):
        assert columns["id"][position] == item.fact.id
        url = payload["pages"][columns["page"][position]] + "#" + item.fact.id
        assert url == fact_href(item, fact_base, PAGE_SRC, SiteOptions())
    for name in FACETS:
        facet = payload["facets"][name]
        assert facet["values"] == sorted(facet["values"]) and len(facet["labels"]) == len(facet["values"])
        assert all(-1 <= code < len(facet["values"]) for code in facet["of"])
    sector = payload["facets"]["sector"]
    robot = fact_base.facts.index(fact_base.by_id["industrial-robot-production-growth-2025"])
    assert sector["values"][sector["of"][robot]] == "robotics"
    assert sector["labels"][sector["of"][robot]] == "Robotics"


def test_the_data_script_holds_no_raw_angle_bracket(fact_base):
    assert "<" not in index_script(fact_base, SiteOptions())


def test_texts_and_the_index_ship_as_one_string_each(shipped, fact_base, documents):
    assert shipped["columns"]["claim"] == "\n".join(item.fact.claim for item in fact_base.facts)
    index = build_index(documents)
    assert shipped["index"] == {"terms": "\n".join(index["terms"]), "postings": ";".join(index["postings"])}


def run_queries(payload, queries: list[str]) -> list[list[str]]:
    """The ids fact-search.js returns for each query, best first."""
    node = shutil.which("node")
    if node is None:
        unavailable("node is not installed (apt-get install nodejs)")
    program = f"""
      const lunr = require({json.dumps(str(LUNR_JS))});
      const FactSearch = require({json.dumps(str(SEARCH_JS))});
      const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const ids = input.columns.id;
      const engine = new FactSearch(input.index, lunr, ids.length);
      console.log(JSON.stringify(input.queries.map(q => engine.search(q).map(p => ids[p]))));
    """
    done = subprocess.run([node, "-e", program], input=json.dumps({**payload, "queries": queries}),
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def answers(payload):
    queries = ["robot", "9.443", "Hashmi", "buffalo embryos", "Heilongjiang", "heilong", "robots,",
               "the robot", "robot the", "", "buffalo robot", "zzzz"]
    return dict(zip(queries, run_queries(payload, queries)))


@pytest.mark.parametrize("query, fact_id", [
    ("robot", "industrial-robot-production-growth-2025"),
    ("9.443", "nev-production-2023"),
    ("Hashmi", "pakistan-population"),
    ("buffalo embryos", "buffalo-embryo-lab-capacity"),
    ("Heilongjiang", "nqpf-first-put-forward"),
    ("heilong", "nqpf-first-put-forward"),  # the word being typed matches as a prefix
])
def test_queries_find_the_fact(answers, query, fact_id):
    assert fact_id in answers[query]


def test_every_word_must_match(answers):
    assert answers["buffalo embryos"] == ["buffalo-embryo-lab-capacity"]
    assert answers["buffalo robot"] == [] and answers["zzzz"] == []


def test_punctuation_and_stop_words_do_not_change_the_answer(answers):
    assert answers["robots,"] == answers["the robot"] == answers["robot the"] == answers["robot"]


def test_an_empty_query_lists_every_fact_in_order(answers, fact_base):
    assert answers[""] == [item.fact.id for item in fact_base.facts]


def test_facts_that_claim_the_word_rank_above_facts_that_only_quote_it(answers, documents, fact_base):
    ranked = answers["robot"]
    in_claim = [i for i in ranked if "robot" in documents[fact_base.facts.index(fact_base.by_id[i])]["claim"].lower()]
    assert in_claim and ranked[:len(in_claim)] == in_claim
