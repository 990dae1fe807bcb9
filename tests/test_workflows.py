"""The PR check's annotations, and what Dependabot watches. (actionlint, zizmor and the published
schemas judge the workflows in `make lint`: tests/test_lint.py.)"""

import yaml
from conftest import ROOT, nqpf


def test_annotation_format_on_a_broken_fact_file(project_copy):
    facts = project_copy / "facts" / "robotics.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("value: 28", "value: 27"), encoding="utf-8")
    done = nqpf("--root", str(project_copy), "check", "--annotate")
    assert done.returncode == 1
    line = next(row for row in done.stdout.splitlines() if "industrial-robot-production-growth-2025" in row)
    assert line.startswith("::error file=facts/robotics.yml,line=")
    assert "::facts/robotics.yml:" in line
    assert ": value: 27%" in line


def test_dependabot_watches_every_kind_of_pinned_dependency():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"pip", "npm", "github-actions"}
