"""The benchmark's synthetic corpus and baseline (at a small size; `make bench` does the rest)."""

import re
import shutil
import subprocess
import sys

from bench_path import CorpusSize, baseline_project, timed_build, write_corpus, write_report
from conftest import ROOT, run_build

from nqpf.loading import ProjectPaths
from nqpf.verify import build_fact_base


def test_a_small_generated_corpus_verifies_fully_and_builds(tmp_path):
    project = write_corpus(tmp_path / "project", CorpusSize(facts=60, seeds=4, sectors=3), ROOT)
    base, coverage = build_fact_base(ProjectPaths(project))
    assert len(base.facts) == 60
    assert len(base.sources) == 4
    assert len(base.sectors) == 3
    assert coverage.total == 120
    assert coverage.covered == coverage.total
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert (tmp_path / "site" / "sectors" / "sector-aa" / "index.html").is_file()


def test_the_baseline_builds_the_same_pages_without_the_hooks(tmp_path):
    """The baseline's timing means something only if its pages are the real build's pages."""
    project = write_corpus(tmp_path / "project", CorpusSize(facts=30, seeds=3, sectors=2), ROOT)
    result = run_build(project, tmp_path / "real")
    assert result.returncode == 0, result.output
    timed_build(baseline_project(project, tmp_path / "baseline"), tmp_path / "plain")  # exits if it fails
    assert not (tmp_path / "plain" / "facts.json").exists()  # no hooks ran
    for page in ("sectors/sector-aa", "timeline", "sources/seed-0000", "fact-index"):
        real, plain = (_article(site / page / "index.html") for site in (tmp_path / "real", tmp_path / "plain"))
        assert real == plain, page
    assert "Report a problem" in _article(tmp_path / "plain" / "sectors" / "sector-aa" / "index.html")


def _article(page) -> str:
    return re.search(r"<article .*?</article>", page.read_text(encoding="utf-8"), re.S).group(0)


def test_the_corpus_is_deterministic(tmp_path):
    first = write_corpus(tmp_path / "a", CorpusSize(30, 3, 2), ROOT)
    second = write_corpus(tmp_path / "b", CorpusSize(30, 3, 2), ROOT)
    for path in (first / "facts").glob("*.yml"):
        assert path.read_bytes() == (second / "facts" / path.name).read_bytes()


def test_the_drafters_benchmark_report_drafts_into_a_complete_reviewed_base(tmp_path):
    """The 2,000-word report that `make bench` times the drafter on: every draft verifies once its
    flag is deleted, and every number is then captured."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "facts", project / "facts")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    report = tmp_path / "report.txt"
    report.write_text(write_report(2_000), encoding="utf-8")
    env = {"PYTHONPATH": str(ROOT / "hooks")}
    added = subprocess.run(
        [sys.executable, "-m", "nqpf", "--root", str(project), "add-source", str(report)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    for path in (project / "facts" / "drafts").glob("*.yml"):
        path.write_text(re.sub(r"(?m)^\s+draft: true\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    base, coverage = build_fact_base(ProjectPaths(project))
    assert len(base.facts) > 200
    assert coverage.covered == coverage.total
