"""The site's own words (headings, labels, notes, the fact cards' links) in each edition.

Code writes each string in English, as ``options.t("Source passage")``, and the English is the
key (gettext's way: the code stays readable, and a string's meaning is its text). An edition's
``translations/<edition>/site.yml`` gives each its translation; placeholders (``{source}``) are
kept, and numbers are checked as every translation's are. What the code asks for is found by
a syntax-tree walk of the package and Babel's
JavaScript extractor over the scripts (``used_strings``), so a test and ``nqpf coverage`` know every string
an edition must translate; one it lacks is shown in English.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel.messages.extract import extract_from_file

from .loading import keep
from .markup import esc

# What the extractor looks for: options.t("..."), strings.t("..."), .escaped("...") and .html("..."), and
# marked("...") for a string kept in a table and translated where it is shown (gettext's N_)
KEYWORDS = {"t": None, "html": None, "escaped": None, "marked": None}
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


@dataclass(frozen=True)
class SiteStrings:
    """The site's strings in one language: English itself, or an edition's table."""

    language: str = "en"
    table: Mapping[str, str] = field(default_factory=dict)
    _escaped: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # filled as asked

    def t(self, english: str, **values: object) -> str:
        """``english`` in this language, its placeholders filled with ``values``."""
        text = self.table.get(english, english)
        return text.format(**values) if values else text

    def escaped(self, english: str) -> str:
        """``english`` in this language, escaped for HTML: worked out once for the whole build
        (a fact card asks for the same eight words 10,000 times)."""
        found = self._escaped.get(english)
        if found is None:
            found = self._escaped[english] = esc(self.t(english))
        return found

    def html(self, english: str, **markup: str) -> str:
        """``english`` in this language as HTML: its own text escaped, each placeholder filled
        with ``markup``, which is HTML already (a <time> element)."""
        text = self.table.get(english, english)
        pieces = _PLACEHOLDER.split(text)  # text, name, text, name, ..., text
        return "".join(esc(piece) if n % 2 == 0 else markup[piece] for n, piece in enumerate(pieces))


def marked(english: str) -> str:
    """A string of the site kept in a table and translated where it is shown: ``marked`` only
    lets the extractor find it (gettext's ``N_``)."""
    return english


ENGLISH = SiteStrings()


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


STRINGS_ASSET = "assets/nqpf/strings.js"  # NqpfStrings.t, in every page, before the scripts that use it

# The site's scripts, beside the package: their strings are asked for by NqpfStrings.t("...")
SCRIPTS_DIR = Path(__file__).resolve().parents[2] / "docs" / "assets" / "nqpf"


def _python_strings(path: Path) -> list[str]:
    """The strings ``path`` asks for, from its syntax tree: Babel's Python extractor reads
    tokens, and before Python 3.12 a call inside an f-string is no token of its own."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        first = node.args[0]
        if name in KEYWORDS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append((node.lineno, node.col_offset, first.value))
    return [text for _, _, text in sorted(found)]


def _script_strings(path: Path) -> list[str]:
    """The strings a script asks for by ``strings.t("...")`` (Babel's JavaScript extractor)."""
    found = extract_from_file("javascript", path, keywords=KEYWORDS, comment_tags=())
    return [message for _line, message, _comments, _context in found if isinstance(message, str)]


# Where the strings of each source file are kept between builds, by the hash of its bytes:
# parsing the package and the scripts takes 0.7 s, reading this back a millisecond.
CACHE = Path(__file__).resolve().parents[2] / "build" / "cache" / "site-strings.json"


@cache
def _strings_by_file() -> dict[str, list[str]]:
    files = [
        *((path, _python_strings) for path in sorted(Path(__file__).parent.glob("*.py"))),
        *((path, _script_strings) for path in sorted(SCRIPTS_DIR.glob("*.js"))),
    ]
    try:
        kept = json.loads(CACHE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        kept = {}
    found = {}
    for path, extract in files:
        key = f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()}"
        found[key] = kept[key] if isinstance(kept.get(key), list) else extract(path)
    if found != kept:
        keep(CACHE, json.dumps(found, ensure_ascii=False).encode())
    return found


@cache
def script_strings() -> tuple[str, ...]:
    """Every string the site's scripts ask for, in order, once each."""
    return tuple(dict.fromkeys(t for key, texts in _strings_by_file().items() if ".js:" in key for t in texts))


@cache
def used_strings() -> tuple[str, ...]:
    """Every string the pipeline and the scripts ask for, in order, once each."""
    return tuple(dict.fromkeys(text for texts in _strings_by_file().values() for text in texts))
