"""The YAML reader: plain values typed exactly as PyYAML's safe loader types them."""

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nqpf.model import FACT_FIELDS, read_fields
from nqpf.problems import Problem
from nqpf.yaml_files import MAX_FILE_BYTES, Record, _syntax_problem, read_records

PLAIN_VALUES = [
    "yes",
    "Yes",
    "NO",
    "on",
    "Off",
    "true",
    "FALSE",
    "null",
    "Null",
    "~",
    "",
    "y",
    "n",
    "Offset",
    "nothing",
    "Yesterday",
    "falsehood",
    "Nullable",
    "fact-00001",
    "figure",
    "2023",
    "2025-03-11",
    "9.443",
    "-3",
    "+7",
    "1e3",
    "1_000",
    ".5",
    ".inf",
    "0x1f",
    "0o17",
    "12:30",
    "robotics",
    "tonnes",
    "! 2023",  # the non-specific tag: text, as PyYAML reads it
    "! yes",
]


@pytest.mark.parametrize("value", PLAIN_VALUES)
def test_plain_values_are_typed_as_pyyaml_types_them(tmp_path, value):
    path = tmp_path / "f.yml"
    path.write_text(f"- v: {value}\n", encoding="utf-8")
    records, problems = read_records(path, "f.yml", what="facts")
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))[0]["v"]
    assert (problems, records[0].data["v"], type(records[0].data["v"])) == ([], expected, type(expected))


def test_quoted_values_are_always_text(tmp_path):
    path = tmp_path / "f.yml"
    path.write_text("- a: 'yes'\n  b: \"2023\"\n  c: '~'\n", encoding="utf-8")
    records, problems = read_records(path, "f.yml", what="facts")
    assert problems == []
    assert records[0].data == {"a": "yes", "b": "2023", "c": "~"}


# ---- properties: whatever a file holds, the reader answers with records or problems

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20))
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12,
)
FIELD_NAMES = st.sampled_from([spec.name for spec in FACT_FIELDS] + ["qoute", "source.seed", "x"])
FACTS = st.lists(st.dictionaries(FIELD_NAMES, DOCUMENTS, max_size=8), max_size=3)


def read_as_facts(path):
    records, problems = read_records(path, "facts/x.yml", what="facts")
    for record in records:
        _, found = read_fields(record, FACT_FIELDS, "facts/x.yml", record_id=None)
        problems += found
    assert all(isinstance(p, Problem) and p.line >= 1 for p in problems)
    return records, problems


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_random_bytes_give_problems_never_an_exception(tmp_path, data):
    path = tmp_path / "x.yml"
    path.write_bytes(data)
    read_as_facts(path)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=st.one_of(DOCUMENTS, FACTS))
def test_random_yaml_documents_give_records_or_problems_never_an_exception(tmp_path, document):
    path = tmp_path / "x.yml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    _, problems = read_as_facts(path)
    if not isinstance(document, list):
        assert problems  # a fact file holds a list


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from("- :#'\"\n\t[]{}&*!|>%@`,?abc0129"), max_size=120))
def test_random_yaml_syntax_gives_problems_never_an_exception(tmp_path, text):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    read_as_facts(path)


def test_a_syntax_error_without_place_or_wording_is_still_a_problem_on_line_one():
    problem = _syntax_problem(yaml.MarkedYAMLError(), "f.yml")
    assert str(problem) == "f.yml:1: the file is not valid YAML: invalid YAML"


def test_a_syntax_error_with_context_says_both():
    error = yaml.MarkedYAMLError(context=" while parsing ", problem=" expected a key ")
    assert str(_syntax_problem(error, "f.yml")) == "f.yml:1: the file is not valid YAML: expected a key (while parsing)"


def test_a_tab_is_named_as_such_by_either_parser():
    for problem in (
        "found character '\\t' that cannot start any token",
        "found a tab character that violates indentation",
    ):
        error = yaml.MarkedYAMLError(context="while scanning", problem=problem)
        assert str(_syntax_problem(error, "f.yml")) == (
            "f.yml:1: the file is not valid YAML: a tab is used for indentation; indent with spaces"
        )


def test_a_file_of_the_largest_size_is_read_and_one_byte_more_is_refused(tmp_path):
    path = tmp_path / "f.yml"
    record = "- id: a\n"
    path.write_text("#" * (MAX_FILE_BYTES - len(record) - 1) + "\n" + record, encoding="utf-8")
    assert read_records(path, "f.yml", what="facts") == ([Record({"id": "a"}, 2, {"id": 2})], [])
    path.write_text("#" * (MAX_FILE_BYTES - len(record)) + "\n" + record, encoding="utf-8")
    records, problems = read_records(path, "f.yml", what="facts")
    assert records == []
    assert [str(p) for p in problems] == [
        "f.yml:1: the file is 2,000,001 bytes; split it into files under 2,000,000 bytes"
    ]


def test_a_byte_order_mark_is_no_part_of_the_text(tmp_path):
    path = tmp_path / "f.yml"
    path.write_bytes(b"\xef\xbb\xbf- id: a\n")
    assert read_records(path, "f.yml", what="facts") == ([Record({"id": "a"}, 1, {"id": 1})], [])


def test_after_an_item_that_is_no_mapping_the_next_record_is_read(tmp_path):
    path = tmp_path / "f.yml"
    path.write_text("- [a, [b, c]]\n- id: x\n  claim: y\n", encoding="utf-8")
    records, problems = read_records(path, "f.yml", what="facts")
    assert [str(p) for p in problems] == ["f.yml:1: each list item should be a mapping of fields (id: ..., claim: ...)"]
    assert [r.data for r in records] == [{"id": "x", "claim": "y"}]


def test_a_refused_value_names_the_record_only_by_a_text_id(tmp_path):
    path = tmp_path / "f.yml"
    path.write_text("- id: 5\n  claim: !shout x\n- id: b\n  claim: !shout x\n", encoding="utf-8")
    _, problems = read_records(path, "f.yml", what="facts")
    assert [str(p) for p in problems] == [
        "f.yml:2: claim: the YAML tag !shout is not allowed; write a plain value",
        "f.yml:4: b: claim: the YAML tag !shout is not allowed; write a plain value",
    ]


def test_a_key_that_is_a_collection_is_skipped_whole(tmp_path):
    path = tmp_path / "f.yml"
    path.write_text("- ? [a, b]\n  : c\n  d: e\n- id: x\n", encoding="utf-8")
    records, problems = read_records(path, "f.yml", what="facts")
    assert [str(p) for p in problems] == ["f.yml:1: field names must be plain words"]
    assert [r.data for r in records] == [{"id": "x"}]


def test_a_character_yaml_forbids_is_named_on_its_line(tmp_path):
    path = tmp_path / "f.yml"
    path.write_text("- a: b\n- c: d\x07e\n", encoding="utf-8")
    assert [str(p) for p in read_records(path, "f.yml", what="facts")[1]] == [
        "f.yml:2: character #x0007 is not allowed in YAML; remove it"
    ]
