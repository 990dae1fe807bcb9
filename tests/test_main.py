"""The command line as contributors run it: the installed `nqpf` command and its exit codes."""

import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT, nqpf

from nqpf.loading import ProjectPaths

NQPF = Path(sys.executable).parent / "nqpf"


def test_the_installed_command_checks_the_fact_base():
    assert NQPF.exists(), "make site and make test install the project's `nqpf` command into .venv"
    done = subprocess.run([str(NQPF), "check"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: ")
    assert "(100.0%)" in done.stdout


def test_the_module_form_keeps_working():
    done = nqpf("--help", timeout=60)
    assert done.returncode == 0
    assert all(command in done.stdout for command in ("check", "coverage", "add-source", "draft", "diff"))


def test_a_misspelt_command_is_a_usage_error():
    done = nqpf("chek", timeout=60)
    assert done.returncode == 2
    assert "invalid choice: 'chek'" in done.stderr


def test_fact_files_are_listed_as_the_loader_reads_them_and_as_pre_commit_selects_them():
    done = nqpf("fact-files")
    assert done.returncode == 0, done.stderr
    listed = done.stdout.split()
    assert listed == [ProjectPaths(ROOT).shown(p) for p in ProjectPaths(ROOT).fact_files()]
    assert "facts/robotics.yml" in listed
    assert "facts/sectors.yml" not in listed
    hook = next(
        h
        for repo in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
        for h in repo["hooks"]
        if h["id"] == "check-fact-schema"
    )
    candidates = [
        *Path(ROOT).glob("facts/*.yml"),
        ROOT / "facts/drafts/x.yml",
        ROOT / "facts/drafts/x.ignored.yml",
        ROOT / "facts/drafts/x.measures.yml",
    ]
    selected = sorted(
        name
        for name in (p.relative_to(ROOT).as_posix() for p in candidates)
        if re.search(hook["files"], name) and not re.search(hook["exclude"], name)
    )
    assert selected == sorted([*listed, "facts/drafts/x.yml"])
