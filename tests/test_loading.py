"""Loading: every file read, every registry entry placed at its file and line, and a missing or
empty file named with what it should list."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from nqpf.loading import ProjectPaths, load_inputs

# (file, what its problems say it lists, whether a project may leave it out)
REGISTRIES = [
    ("seeds/sources.yml", "sources", False),
    ("facts/sectors.yml", "sectors", False),
    ("facts/speakers.yml", "speakers", False),
    ("facts/measures.yml", "measures", True),
    ("facts/ignored-numbers.yml", "ignored numbers", False),
]


@pytest.fixture
def inputs_copy(tmp_path) -> Path:
    for part in ("facts", "seeds"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def problem_lines(root: Path) -> list[str]:
    return [str(problem) for problem in load_inputs(ProjectPaths(root))[1]]


@pytest.mark.parametrize(("name", "what", "optional"), REGISTRIES)
def test_a_missing_registry_is_named_with_what_it_lists(inputs_copy, name, what, optional):
    (inputs_copy / name).unlink()
    found = [line for line in problem_lines(inputs_copy) if line.startswith(name)]
    assert found == ([] if optional else [f"{name}:1: the file is missing; it should list the {what}"])


@pytest.mark.parametrize(("name", "what", "optional"), REGISTRIES)
def test_an_empty_registry_is_named_with_what_it_lists(inputs_copy, name, what, optional):
    (inputs_copy / name).write_text("", encoding="utf-8")
    found = [line for line in problem_lines(inputs_copy) if line.startswith(name)]
    assert found == [f"{name}:1: the file is empty; it should hold a list of {what} (each starting with '- ')"]


def slug_lines(path: Path) -> dict[str, int]:
    """The line of each ``- slug: x`` in a registry file."""
    text = path.read_text(encoding="utf-8")
    return {m[1]: text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"(?m)^- slug: (\S+)$", text)}


@pytest.mark.parametrize(
    ("name", "entries"),
    [
        ("seeds/sources.yml", "sources"),
        ("facts/sectors.yml", "sectors"),
        ("facts/speakers.yml", "speakers"),
        ("facts/measures.yml", "measures"),
    ],
)
def test_every_registry_entry_knows_its_file_and_line(name, entries):
    expected = slug_lines(ROOT / name)
    assert expected
    loaded = getattr(load_inputs(ProjectPaths(ROOT))[0], entries)
    assert {slug: (entry.file, entry.line) for slug, entry in loaded.items()} == {
        slug: (name, line) for slug, line in expected.items()
    }


def test_every_fact_and_ignore_entry_knows_its_file_and_line():
    inputs, _ = load_inputs(ProjectPaths(ROOT))
    for fact in inputs.facts:
        text = (ROOT / fact.file).read_text(encoding="utf-8").splitlines()
        assert text[fact.line - 1] == f"- id: {fact.id}"
    for entry in inputs.ignored:
        text = (ROOT / entry.file).read_text(encoding="utf-8").splitlines()
        assert text[entry.line - 1] == f"- seed: {entry.seed}"
        assert text[entry.lines["quote"] - 1].strip().startswith("quote:")


def test_the_seed_texts_are_read_for_every_source():
    inputs, _ = load_inputs(ProjectPaths(ROOT))
    assert sorted(inputs.seed_texts) == sorted(inputs.sources)
    for slug, source in inputs.sources.items():
        assert inputs.seed_texts[slug] == (ROOT / "seeds" / source.file_name).read_text(encoding="utf-8")
