"""The benchmark's synthetic corpus verifies and builds (at a small size; `make bench` does the rest)."""

from bench_path import CorpusSize, write_corpus
from conftest import ROOT, run_build
from nqpf.loading import ProjectPaths
from nqpf.verify import build_fact_base


def test_a_small_generated_corpus_verifies_fully_and_builds(tmp_path):
    project = write_corpus(tmp_path / "project", CorpusSize(facts=60, seeds=4, sectors=3), ROOT)
    base, coverage = build_fact_base(ProjectPaths(project))
    assert len(base.facts) == 60 and len(base.sources) == 4 and len(base.sectors) == 3
    assert coverage.total == 120 and coverage.covered == coverage.total  # a value and a year each
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert (tmp_path / "site" / "sectors" / "sector-aa" / "index.html").is_file()


def test_the_corpus_is_deterministic(tmp_path):
    first = write_corpus(tmp_path / "a", CorpusSize(30, 3, 2), ROOT)
    second = write_corpus(tmp_path / "b", CorpusSize(30, 3, 2), ROOT)
    for path in (first / "facts").glob("*.yml"):
        assert path.read_bytes() == (second / "facts" / path.name).read_bytes()
