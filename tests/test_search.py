"""The fact index built at build time: one lunr document per fact, findable by what readers type."""

import json

import pytest
from lunr import lunr
from lunr.index import Index

from nqpf.pages import SiteOptions
from nqpf.search import FIELDS, build_index, index_script, search_document


@pytest.fixture(scope="module")
def documents(fact_base):
    return [search_document(item, fact_base, str(n)) for n, item in enumerate(fact_base.facts)]


@pytest.fixture(scope="module")
def index(documents):
    return Index.load(build_index(documents))


def test_the_fast_builder_writes_what_lunr_py_writes(documents):
    reference = lunr(ref="id", fields=[{"field_name": n, "boost": b} for n, b in FIELDS],
                     documents=documents).serialize()
    ours = build_index(documents)
    assert ours["invertedIndex"] == json.loads(json.dumps(reference["invertedIndex"]))
    assert dict(ours["fieldVectors"]) == dict(reference["fieldVectors"])
    assert (ours["fields"], ours["pipeline"], ours["version"]) == (
        reference["fields"], reference["pipeline"], reference["version"])


def test_one_document_per_fact_with_every_listed_field(fact_base, index):
    assert set(index.fields) == {name for name, _ in FIELDS} == {"claim", "value", "context", "quote"}
    refs = {ref.split("/", 1)[1] for ref in index.field_vectors}  # lunr keys are "field/ref"
    assert refs == {str(n) for n in range(len(fact_base.facts))}
    document = search_document(fact_base.by_id["nev-production-2023"], fact_base, "0")
    assert "9.443 million" in document["value"]
    for text in ("New energy vehicles", "2023", "“New quality productive forces drive", "NEV"):
        assert text in document["context"]  # sector, period, source, tags
    hashmi = search_document(fact_base.by_id["pakistan-population"], fact_base, "1")
    assert "Khalil Hashmi Pakistan's Ambassador to China" in hashmi["context"]  # speaker


@pytest.mark.parametrize("query, fact_id", [
    ("robot", "industrial-robot-production-growth-2025"),
    ("9.443", "nev-production-2023"),
    ("Hashmi", "pakistan-population"),
    ("buffalo embryos", "buffalo-embryo-lab-capacity"),
    ("Heilongjiang", "nqpf-first-put-forward"),
])
def test_queries_find_the_fact(fact_base, index, query, fact_id):
    found = [fact_base.facts[int(hit["ref"])].fact.id for hit in index.search(query)]
    assert fact_id in found


def test_the_data_script_is_one_assignment_of_escaped_json(fact_base):
    script = index_script(fact_base, SiteOptions())
    prefix = "window.NQPF_FACT_INDEX = "
    assert script.startswith(prefix) and script.endswith(";\n")
    payload = json.loads(script[len(prefix):-2])
    assert len(payload["facts"]) == len(fact_base.facts)
    assert payload["index"]["version"] == "2.3.9"
    assert "<" not in script
