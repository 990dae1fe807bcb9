"""The fact index built at build time: one lunr document per fact, findable by what readers type."""

import json

import pytest
from lunr import lunr
from lunr.index import Index

from nqpf.pages import SiteOptions
from nqpf.search import FIELDS, build_index, index_script, search_document


@pytest.fixture(scope="module")
def documents(fact_base):
    return [search_document(item, fact_base) for item in fact_base.facts]


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
    fields = {name for name, _ in FIELDS}
    assert set(index.fields) == fields
    assert {"claim", "quote", "value", "sector", "period", "speaker", "source", "entities", "tags"} <= fields
    refs = {ref.split("/", 1)[1] for ref in index.field_vectors}  # lunr keys are "field/ref"
    assert refs == {item.fact.id for item in fact_base.facts}
    document = search_document(next(i for i in fact_base.facts if i.fact.id == "nev-production-2023"), fact_base)
    assert "9.443 million" in document["value"] and document["sector"] == "New energy vehicles"


@pytest.mark.parametrize("query, fact_id", [
    ("robot", "industrial-robot-production-growth-2025"),
    ("9.443", "nev-production-2023"),
    ("Hashmi", "pakistan-population"),
    ("buffalo embryos", "buffalo-embryo-lab-capacity"),
    ("Heilongjiang", "nqpf-first-put-forward"),
])
def test_queries_find_the_fact(index, query, fact_id):
    assert fact_id in [hit["ref"] for hit in index.search(query)]


def test_the_data_script_is_one_assignment_of_escaped_json(fact_base):
    script = index_script(fact_base, SiteOptions())
    prefix = "window.NQPF_FACT_INDEX = "
    assert script.startswith(prefix) and script.endswith(";\n")
    payload = json.loads(script[len(prefix):-2])
    assert len(payload["facts"]) == len(fact_base.facts)
    assert payload["index"]["version"] == "2.3.9"
    assert "<" not in script
