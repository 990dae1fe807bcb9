"""The fact model: the committed JSON Schema is generated from it and validates every fact file."""

import json

import jsonschema
import pytest
import yaml
from conftest import ROOT

from nqpf.loading import REGISTRY_FILES
from nqpf.model import FACT_FIELDS, json_schema

SCHEMA_FILE = ROOT / "schema" / "facts.schema.json"
FACT_FILES = [p for p in sorted((ROOT / "facts").glob("*.yml")) if p.name not in REGISTRY_FILES]


def test_committed_schema_is_generated_from_the_model():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), (
        "regenerate it: PYTHONPATH=hooks .venv/bin/python -m nqpf schema > schema/facts.schema.json"
    )


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
