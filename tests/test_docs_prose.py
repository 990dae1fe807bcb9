"""Hand-written prose in docs/ states no figure by hand: figures come from fact macros."""

import re

import pytest
from conftest import ROOT

from nqpf.macros import MACRO_CALL_RE
from nqpf.numbers import read_numbers

PAGES = sorted((ROOT / "docs").rglob("*.md"))


def prose(text: str) -> str:
    """The text a reader sees as prose: no front matter, code, macros, link targets or list numbers."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = MACRO_CALL_RE.sub(" ", text)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"(?m)^\s*\d+\.\s", " ", text)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_figure_is_written_by_hand(page):
    # "one" is English's article-like pronoun ("one sentence", "one of the texts"), not a figure.
    found = [m.text for m in read_numbers(prose(page.read_text(encoding="utf-8"))) if m.text.lower() != "one"]
    assert found == [], f'{page.name}: write figures with {{{{ fact("id") }}}}: {found}'


def test_the_scanner_sees_a_hand_written_figure():
    assert [m.text for m in read_numbers(prose("Output rose 28% and { fact('x') }"))] == ["28%"]
