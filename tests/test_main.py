"""The command line as contributors run it: the installed `nqpf` command and its exit codes."""

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, nqpf

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
