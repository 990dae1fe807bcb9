"""`make lint` runs every judge it names: each test breaks one file, in a temporary copy of the
project, in a way only that judge sees, and `make lint` must fail naming it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

LINTED = ("hooks", "tests", "bench", "facts", "schema", ".github")
CONFIG = (
    "Makefile",
    "pyproject.toml",
    "requirements.txt",
    "requirements-dev.txt",
    "constraints.txt",
    ".pre-commit-config.yaml",
)


@pytest.fixture(scope="module")
def lint_copy(tmp_path_factory) -> Path:
    """The files `make lint` reads, copied with their times (so make installs nothing); .venv linked."""
    root = tmp_path_factory.mktemp("lint")
    for part in LINTED:
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__", ".mypy_cache"))
    for name in CONFIG:
        shutil.copy2(ROOT / name, root / name)
    (root / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)
    return root


def make_lint(root: Path) -> subprocess.CompletedProcess:
    # -o: the linked .venv is installed already; make is not to reinstall it into the real one
    return subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/bin/.build-deps", "-o", ".venv/bin/.dev-deps", "lint"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_make_lint_passes_on_the_project(lint_copy):
    done = make_lint(lint_copy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "lint: all clean" in done.stdout


# (file, text appended or (old, new) replaced, the judge's words that must appear)
BREAKS = {
    "ruff": ("hooks/nqpf/markup.py", "\nimport os\n", "F401"),
    "ruff format": ("hooks/nqpf/markup.py", "\nSPACED = ( 1 )\n", "would be reformatted"),
    "mypy": ("hooks/nqpf/markup.py", "\n\ndef untyped(value):\n    return value\n", "no-untyped-def"),
    "fact schema": ("facts/robotics.yml", ("  claim: ", "  clam: x\n  claim: "), "facts/robotics.yml"),
    "workflow schema": (
        ".github/workflows/ci.yml",
        ("    runs-on: ubuntu-latest\n", "    runs-on: ubuntu-latest\n    runs-of: x\n"),
        "vendor.github-workflows",
    ),
    "dependabot schema": (".github/dependabot.yml", ("interval: weekly", "interval: sometimes"), "dependabot"),
    "actionlint": (
        ".github/workflows/ci.yml",
        ("run: make check", 'run: echo "${{ github.no_such_thing }}"'),
        "no_such_thing",
    ),
    "zizmor": (  # a job added at the end, its action not pinned to a commit
        ".github/workflows/ci.yml",
        "\n  unpinned:\n    runs-on: ubuntu-latest\n    permissions: {}\n"
        "    steps:\n      - uses: octo-org/example-action@v1\n",
        "unpinned-uses",
    ),
}


@pytest.mark.parametrize("judge", BREAKS)
def test_make_lint_fails_on_what_each_judge_finds(lint_copy, judge):
    relative, change, words = BREAKS[judge]
    path = lint_copy / relative
    original = path.read_text(encoding="utf-8")
    if isinstance(change, tuple):
        assert change[0] in original, f"the test's anchor is gone from {relative}"
        broken = original.replace(change[0], change[1], 1)
    else:
        broken = original + change
    path.write_text(broken, encoding="utf-8")
    try:
        done = make_lint(lint_copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert done.returncode != 0, f"make lint passed with a {judge} finding"
    assert words in done.stdout + done.stderr, done.stdout + done.stderr
