"""The YAML reader: plain values typed exactly as PyYAML's safe loader types them."""

import pytest
import yaml

from nqpf.yaml_files import read_records

PLAIN_VALUES = ["yes", "Yes", "NO", "on", "Off", "true", "FALSE", "null", "Null", "~", "",
                "y", "n", "Offset", "nothing", "Yesterday", "falsehood", "Nullable", "fact-00001",
                "figure", "2023", "2025-03-11", "9.443", "-3", "+7", "1e3", "1_000", ".5", ".inf",
                "0x1f", "0o17", "12:30", "robotics", "tonnes"]


@pytest.mark.parametrize("value", PLAIN_VALUES)
def test_plain_values_are_typed_as_pyyaml_types_them(tmp_path, value):
    path = tmp_path / "f.yml"
    path.write_text(f"- v: {value}\n", encoding="utf-8")
    records, problems = read_records(path, "f.yml")
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))[0]["v"]
    assert (problems, records[0].data["v"], type(records[0].data["v"])) == ([], expected, type(expected))


def test_quoted_values_are_always_text(tmp_path):
    path = tmp_path / "f.yml"
    path.write_text("- a: 'yes'\n  b: \"2023\"\n  c: '~'\n", encoding="utf-8")
    records, problems = read_records(path, "f.yml")
    assert problems == [] and records[0].data == {"a": "yes", "b": "2023", "c": "~"}
