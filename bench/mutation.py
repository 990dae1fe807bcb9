"""`make mutation`: mutation testing of the trust core with mutmut, and its score per module.

mutmut 3 names a mutant's module after its file's path (less a leading ``src/``), and the
tests import the package as ``nqpf``. So the run happens in a staged copy of the project,
``build/mutation/``, where the package sits at ``src/nqpf`` (mutmut mutates it there and puts
it first on ``sys.path``); everything else is where it is in the repository, including an
unmutated ``hooks/nqpf`` for the tests that start a new process (builds, ``python -m nqpf``),
which mutants cannot reach anyway. The repository itself is never touched.

Prints, per module, the mutants and how many were killed, timed out, survived or had no
test, the score ((killed + timed out) / all), and every survivor (``mutmut show NAME`` in
``build/mutation`` prints its change). Figures, not a test: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

REPO = Path(__file__).resolve().parent.parent
STAGE = REPO / "build" / "mutation"
MODULES = ("numbers", "yaml_files", "model", "loading", "verify")
TARGET = 0.95


def pyproject(also_copy: list[str]) -> str:
    """The staged project's pytest and mutmut settings. mutmut copies src/ and tests/ into
    mutants/ and runs there; ``also_copy`` is the rest of the project."""
    mutated = ", ".join(f'"src/nqpf/{name}.py"' for name in MODULES)
    return f"""[tool.pytest.ini_options]
testpaths = ["tests"]
pythonpath = ["src"]
addopts = "-q -p no:cacheprovider -m 'not browser'"
markers = ["browser: drives Debian's Chromium through Playwright"]

[tool.mutmut]
source_paths = ["src/nqpf"]
only_mutate = [{mutated}]
also_copy = {json.dumps(also_copy)}
pytest_add_cli_args_test_selection = ["tests/"]
# A mutant that runs its tests 3 times slower than the code does is stuck: a timeout (a kill).
timeout_multiplier = 3.0
"""


# mutmut's own names for its exit codes (mutmut.stats.status_by_exit_code), as they count here
KILLED, TIMEOUT, SURVIVED, NO_TESTS = "killed", "timeout", "survived", "no tests"


def tracked_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    return [Path(name) for name in listed.decode().split("\0") if name]


def stage() -> None:
    """The project's tracked files in build/mutation, the package also at src/nqpf."""
    shutil.rmtree(STAGE, ignore_errors=True)
    tracked = tracked_files()
    for relative in tracked:
        target = STAGE / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / relative, target)
    shutil.copytree(REPO / "hooks" / "nqpf", STAGE / "src" / "nqpf", ignore=shutil.ignore_patterns("__pycache__"))
    if (REPO / "node_modules").is_dir():
        (STAGE / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    rest = sorted({relative.parts[0] for relative in tracked} - {"tests", "pyproject.toml"} | {"node_modules"})
    (STAGE / "pyproject.toml").write_text(pyproject(rest), encoding="utf-8")


def statuses() -> dict[str, Counter[str]]:
    """Per module: how many mutants ended in each of mutmut's statuses."""
    found: dict[str, Counter[str]] = {}
    for name in MODULES:
        meta = STAGE / "mutants" / "src" / "nqpf" / f"{name}.py.meta"
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"] if meta.exists() else {}
        found[name] = Counter(status_by_exit_code[code] for code in codes.values())
    return found


def survivors() -> list[str]:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mutmut"), "results"], cwd=STAGE, capture_output=True, text=True, check=False
    )
    # `mutmut results` lists every mutant not killed outright; a timeout counts as killed here
    return [line.strip() for line in done.stdout.splitlines() if line.strip() and not line.endswith(f": {TIMEOUT}")]


def report() -> None:
    by_module = statuses()
    total = Counter[str]()
    print(f"{'module':<12} {'mutants':>8} {'killed':>7} {'timeout':>8} {'survived':>9} {'no tests':>9} {'score':>7}")
    for name, counts in by_module.items():
        total += counts
        print(_row(name, counts))
    print(_row("all five", total))
    score = _score(total)
    print(f"{'met   ' if score >= TARGET else 'MISSED'} mutation score >= {TARGET:.0%} over the five modules")
    left = survivors()
    if left:
        print(f"\n{len(left)} mutants survived (`mutmut show NAME` in {STAGE.relative_to(REPO)} shows each):")
        print("\n".join(f"  {line}" for line in left))


def _score(counts: Counter[str]) -> float:
    return (counts[KILLED] + counts[TIMEOUT]) / max(1, counts.total())


def _row(name: str, counts: Counter[str]) -> str:
    return (
        f"{name:<12} {counts.total():>8} {counts[KILLED]:>7} {counts[TIMEOUT]:>8} {counts[SURVIVED]:>9}"
        f" {counts[NO_TESTS]:>9} {_score(counts):>7.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--report-only", action="store_true", help="print the last run's figures again")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="mutants tested at once")
    arguments = parser.parse_args()
    if not arguments.report_only:
        stage()
        mutmut = str(Path(sys.executable).parent / "mutmut")
        done = subprocess.run(
            [mutmut, "run", "--max-children", str(arguments.jobs)],
            cwd=STAGE,
            env={**os.environ, "NQPF_IN_PROCESS_ONLY": "1"},  # tests/conftest.py: no builds, no other processes
            check=False,
        )
        if done.returncode:
            raise SystemExit(f"mutmut stopped with exit code {done.returncode}")
    report()


if __name__ == "__main__":
    main()
