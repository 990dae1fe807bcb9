"""The bad-input corpus: every broken edit stops the check and the build with the exact
problems expected, naming file and line, with no traceback, and the last good site kept.

A case is saved as facts/zz-bad.yml, unless it is made of sections, each opened by a line
``# append to: PATH``: then each is added to the end of that file of the project (a registry:
sources, sectors, speakers, measures, the ignore list; a translation or the glossary; or a new
seed text)."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project, nqpf, run_build

from nqpf.loading import ProjectPaths
from nqpf.problems import FactsInvalid
from nqpf.translations import build_editions
from nqpf.verify import build_fact_base

CORPUS = ROOT / "tests" / "bad_input"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
CASES = sorted(p.stem for p in CORPUS.glob("*.yml"))


def test_the_corpus_is_complete():
    assert len([c for c in CASES if EXPECTED[c]]) >= 30
    assert set(CASES) == set(EXPECTED)


def load_everything(paths: ProjectPaths) -> None:
    """The fact base, then the editions' translations of it, as the build loads them."""
    build_editions(paths, build_fact_base(paths)[0])


def check(root):
    return nqpf("--root", str(root), "check")


def snapshot(site):
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def break_project(project: Path, case: str) -> Path:
    """Save a corpus case into the project: as facts/zz-bad.yml, or, section by section, at the
    end of the file each ``# append to: PATH`` line names (the line itself is not copied)."""
    text = (CORPUS / f"{case}.yml").read_bytes()
    sections = re.split(rb"^# append to: (\S+)\n", text, flags=re.M)
    if len(sections) == 1:
        (project / "facts" / "zz-bad.yml").write_bytes(text)
    for name, body in zip(sections[1::2], sections[2::2], strict=True):
        path = project / name.decode()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("ab") as out:
            out.write(body)
    return project


@pytest.fixture
def broken_project(tmp_path, request):
    return break_project(copy_project(tmp_path / "project"), request.param)


@pytest.mark.parametrize("case", CASES)
def test_the_pipeline_finds_exactly_the_expected_problems(tmp_path, case):
    """The same corpus through the library itself, in this process (where mutation testing
    sees which code each case runs)."""
    for part in ("facts", "seeds", "translations", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    break_project(tmp_path, case)
    if not EXPECTED[case]:
        load_everything(ProjectPaths(tmp_path))  # accepted: no FactsInvalid
        return
    with pytest.raises(FactsInvalid) as raised:
        load_everything(ProjectPaths(tmp_path))
    assert [str(problem) for problem in raised.value.problems] == EXPECTED[case]


@pytest.mark.parametrize("broken_project", CASES, indirect=True)
def test_check_and_build_report_exactly_the_expected_problems(broken_project, built_site, tmp_path, request):
    expected = EXPECTED[request.node.callspec.params["broken_project"]]
    done = check(broken_project)
    assert "Traceback" not in done.stdout + done.stderr
    site = tmp_path / "site"
    shutil.copytree(built_site.site, site)
    before = snapshot(site)
    build = run_build(broken_project, site)
    assert "Traceback" not in build.output
    assert not (broken_project / "pwned-marker").exists()  # a YAML tag is never executed
    if not expected:
        assert done.returncode == 0, done.stderr
        assert build.returncode == 0, build.output
        return
    assert done.returncode == 1
    reported = [line.strip() for line in done.stderr.splitlines()[1:] if line.strip()]
    assert reported == expected
    assert build.returncode != 0
    assert all(line in build.output for line in expected)
    assert snapshot(site) == before


def test_a_huge_file_is_refused_with_its_size(project_copy):
    item = (CORPUS / "value-not-in-quote.yml").read_text(encoding="utf-8")
    (project_copy / "facts" / "zz-huge.yml").write_text("# padding\n" * 210_000 + item, encoding="utf-8")
    done = check(project_copy)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "facts/zz-huge.yml:1: the file is 2,1" in done.stderr
    assert "split it into files under 2,000,000 bytes" in done.stderr
