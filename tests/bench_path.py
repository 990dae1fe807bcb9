"""The benchmark's corpus generator and baseline, importable from tests (they live in bench/)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import evaluation
from corpus import CorpusSize, write_corpus, write_report
from run import baseline_project, timed_build

__all__ = ["CorpusSize", "baseline_project", "evaluation", "timed_build", "write_corpus", "write_report"]
