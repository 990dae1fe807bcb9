"""The benchmark's corpus generator, importable from tests (it lives in bench/)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from corpus import CorpusSize, write_corpus  # noqa: E402

__all__ = ["CorpusSize", "write_corpus"]
