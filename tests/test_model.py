"""The fact model: the committed JSON Schema is generated from it and validates every fact file;
each field reader accepts what it should and refuses the rest with its own message."""

import json
import re
from fractions import Fraction

import jsonschema
import pytest
import yaml
from conftest import ROOT

from nqpf import model
from nqpf.loading import REGISTRY_FILES
from nqpf.model import FACT_FIELDS, Period, json_schema, kind_rules, read_period

SCHEMA_FILE = ROOT / "schema" / "facts.schema.json"
FACT_FILES = [p for p in sorted((ROOT / "facts").glob("*.yml")) if p.name not in REGISTRY_FILES]


@pytest.mark.parametrize("name", sorted(model.SCHEMAS))
def test_committed_schemas_are_generated_from_the_model(name):
    committed = ROOT / "schema" / f"{name}.schema.json"
    assert json.loads(committed.read_text(encoding="utf-8")) == json_schema(name), (
        f"regenerate it: PYTHONPATH=hooks .venv/bin/python -m nqpf schema {name} > schema/{name}.schema.json"
    )


@pytest.mark.parametrize("name", ["units", "measures"])
def test_the_registries_validate_against_their_schemas_and_name_them(name):
    text = (ROOT / "facts" / f"{name}.yml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../schema/{name}.schema.json\n")
    jsonschema.validate(yaml.safe_load(text), json_schema(name))
    broken = [{**yaml.safe_load(text)[0], "colour": "red"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json_schema(name))


@pytest.mark.parametrize("path", FACT_FILES, ids=lambda p: p.name)
def test_every_fact_file_validates_against_the_schema_and_names_it(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/facts.schema.json\n")
    jsonschema.validate(yaml.safe_load(text), json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_the_schema_refuses_a_misspelt_field():
    record = {"id": "x", "claim": "c", "kind": "event", "sector": "policy", "source": {"seed": "s", "qoute": "q"}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([record], json_schema())
    assert {spec.name for spec in FACT_FIELDS} >= {
        "id",
        "claim",
        "kind",
        "value",
        "unit",
        "period",
        "sector",
        "source",
        "said_by",
    }


SLUG_MESSAGE = "is not a valid id: use lower-case words joined by '-', such as nev-production-2023"
FILE_MESSAGE = "is not a file name in seeds/ (such as 000_6a61c59047892a2e.txt)"
# (the reader, made in the test, where mutation testing sees it made; what YAML gave; what the
# reader returns, or the message it refuses it with)
READINGS = [
    (lambda: model._text(20), "  two   words ", "two words", None),
    (lambda: model._text(10), "x" * 10, "x" * 10, None),
    (lambda: model._text(10), "x" * 11, None, "the text is 11 characters; at most 10 are allowed"),
    (lambda: model._text(10), "", None, "a non-empty text is expected"),
    (lambda: model._text(10), " \n ", None, "a non-empty text is expected"),
    (lambda: model._text(10), 7, None, "a non-empty text is expected"),
    (lambda: model._label, "Robots & AI (2025): one/two; 3+", "Robots & AI (2025): one/two; 3+", None),
    (lambda: model._label, "<b>bold</b>", None, "use letters, digits, spaces and . , ' & ( ) / : ; + - only"),
    (lambda: model._label, "x" * 121, None, "the text is 121 characters; at most 120 are allowed"),
    (lambda: model._slug, "nev-production-2023", "nev-production-2023", None),
    (lambda: model._slug, "a" * 80, "a" * 80, None),
    (lambda: model._slug, "a" * 81, None, f"{'a' * 81!r} {SLUG_MESSAGE}"),
    (lambda: model._slug, "Bad Id", None, f"'Bad Id' {SLUG_MESSAGE}"),
    (lambda: model._slug, "two--dashes", None, f"'two--dashes' {SLUG_MESSAGE}"),
    (lambda: model._slug, 2023, None, f"2023 {SLUG_MESSAGE}"),
    (lambda: model._choice(("figure", "event")), "event", "event", None),
    (lambda: model._choice(("figure", "event")), "Event", None, "'Event' is not one of: figure, event"),
    (lambda: model._scale, "million", "million", None),
    (lambda: model._scale, "bn", None, "write the scale word that 'bn' stands for: scale: billion"),
    (lambda: model._scale, "Crores", None, "write the scale word that 'Crores' stands for: scale: crore"),
    (lambda: model._scale, "gazillion", None, "'gazillion' is not one of: " + ", ".join(model.SCALES)),
    (lambda: read_period, 2023, Period("2023"), None),
    (lambda: read_period, "2025-03", Period("2025-03"), None),
    (lambda: read_period, "2024-02-29", Period("2024-02-29"), None),
    (lambda: read_period, "2025-3", None, "'2025-3' is not a date: write 2023, 2025-03 or 2025-03-11"),
    (lambda: read_period, "2023-02-29", None, "'2023-02-29' is not a real date"),
    (lambda: read_period, "2025-00", None, "'2025-00' is not a real date"),
    (lambda: read_period, True, None, "a date is expected: 2023, 2025-03 or 2025-03-11"),
    (lambda: read_period, [2023], None, "a date is expected: 2023, 2025-03 or 2025-03-11"),
    (lambda: read_period, " 2023 ", Period("2023"), None),
    (lambda: model._draft, True, True, None),
    (lambda: model._draft, "yes", None, "write draft: true on a draft, or delete the line once it is reviewed"),
    (lambda: model._draft, False, None, "write draft: true on a draft, or delete the line once it is reviewed"),
    (lambda: model._value, 10**18, Fraction(10**18), None),
    (lambda: model._value, -(10**18), Fraction(-(10**18)), None),
    (lambda: model._value, "1/3", Fraction(1, 3), None),
    (lambda: model._value, f"{10**18 + 1}/2", Fraction(10**18 + 1, 2), None),  # out of range only when whole
    (
        lambda: model._value,
        10**18 + 1,
        None,
        "the number is out of range; write it with a scale (value: 1.5, scale: trillion)",
    ),
    (
        lambda: model._value,
        -(10**18) - 1,
        None,
        "the number is out of range; write it with a scale (value: 1.5, scale: trillion)",
    ),
    (lambda: model._list_of(model._slug), ["a", "b-c"], ("a", "b-c"), None),
    (lambda: model._list_of(model._slug), [], (), None),
    (lambda: model._list_of(model._slug), "a", None, "a list is expected ([a, b] or one '- item' per line)"),
    (lambda: model._list_of(model._slug), ["a", "B"], None, f"'B' {SLUG_MESSAGE}"),
    (lambda: model._file_name, "000_6a61c59047892a2e.txt", "000_6a61c59047892a2e.txt", None),
    (lambda: model._file_name, "a-b.c.txt", "a-b.c.txt", None),
    (lambda: model._file_name, ".hidden.txt", None, f"'.hidden.txt' {FILE_MESSAGE}"),
    (lambda: model._file_name, "../seeds/x.txt", None, f"'../seeds/x.txt' {FILE_MESSAGE}"),
    (lambda: model._file_name, "notes.md", None, f"'notes.md' {FILE_MESSAGE}"),
    (lambda: model._file_name, "notes.txt.bak", None, f"'notes.txt.bak' {FILE_MESSAGE}"),
    (lambda: model._file_name, 5, None, f"5 {FILE_MESSAGE}"),
    (lambda: model._optional(model._slug), None, None, None),
    (lambda: model._optional(model._slug), "a-b", "a-b", None),
    (lambda: model._optional(model._slug), "A", None, f"'A' {SLUG_MESSAGE}"),
]


@pytest.mark.parametrize(("make", "raw", "expected", "message"), READINGS)
def test_each_field_reader_accepts_or_refuses_with_its_message(make, raw, expected, message):
    reader = make()
    if message is None:
        assert reader(raw) == expected
    else:
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            reader(raw)


def test_a_text_keeps_its_words_and_drops_only_spacing():
    assert model._text(50)("a\tb\n c") == "a b c"


def test_an_enum_schema_lists_its_options():
    assert model._enum(("a", "b")) == {"enum": ["a", "b"]}


@pytest.mark.parametrize(
    ("values", "rules"),
    [
        ({"kind": "figure", "value": 1, "unit": "percent", "measure": "m"}, []),
        ({"kind": "figure", "value": 1, "unit": "percent", "draft": True}, []),  # the drafter proposes one
        (
            {"kind": "figure", "value": 1, "unit": "percent"},
            [("measure", "is missing; a value is of a measure: name its slug in facts/measures.yml")],
        ),
        ({"kind": "event"}, []),
        ({"kind": "target"}, []),
        ({"kind": "figure"}, [("value", "is missing; a figure needs the number its quote states")]),
        (
            {"kind": "event", "value": 1, "measure": "m"},
            [("unit", "is missing; name the unit's slug in facts/units.yml (percent, USD, vehicles...)")],
        ),
        (
            {"kind": "event", "scale": "million", "qualifier": "about", "qualifying_numbers": [8]},
            [
                ("scale", "given without a value"),
                ("qualifier", "given without a value"),
                ("qualifying_numbers", "given without a value"),
            ],
        ),
    ],
)
def test_what_each_kind_asks_of_the_other_fields(values, rules):
    assert kind_rules(values) == rules
