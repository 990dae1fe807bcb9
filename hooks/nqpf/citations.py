"""How to cite a fact or a measure: a formatted reference, BibTeX and CSL-JSON.

Each names what is cited (the fact's claim, or the measure), the source it comes from, the site
and the permalink. The date it was last changed is the repository's, when the build knows it;
the date accessed is the reader's: the page writes ``YYYY-MM-DD`` and its script puts today's
date in its place (without the script, the reader fills it in). Nothing is dated by the build.
"""

from __future__ import annotations

import codecs
import functools
import json
import re
from dataclasses import dataclass
from typing import cast

import latexcodec  # noqa: F401 - registers the "ulatex" codec: BibTeX fields escaped for LaTeX

from .history import day_label
from .markup import esc, part_script
from .strings import ENGLISH, SiteStrings

ACCESSED = "YYYY-MM-DD"  # the reader's date, filled in by cite.js


@dataclass(frozen=True)
class Citation:
    key: str
    title: str
    url: str
    site: str
    note: str  # who says so and in which source
    changed: str | None  # when the cited item last changed (ISO 8601), if the build knows

    def reference(self, accessed: str = ACCESSED) -> str:
        """A formatted reference, in the usual order: who, what, where, when, address."""
        changed = f", last changed {day_label(self.changed)}" if self.changed else ""
        title = self.title if self.title.endswith((".", "?", "!")) else f"{self.title}."
        return (
            f"{self.site} contributors. “{title}” {self.site}{changed}. {self.note}. {self.url} (accessed {accessed})."
        )

    def bibtex(self, accessed: str = ACCESSED) -> str:
        """A BibTeX @misc entry; text fields escaped for LaTeX (latexcodec), braces balanced."""
        text = {"title": self.title, "howpublished": self.site, "note": self.note}
        fields = [
            *((name, _latex(value)) for name, value in text.items()),
            ("author", f"{{{_latex(self.site)} contributors}}"),  # a group, not a person
            ("url", self.url),  # slugs and a path: nothing to escape
            ("urldate", accessed),
            *((("year", self.changed[:4]), ("month", str(int(self.changed[5:7])))) if self.changed else ()),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}\n"

    def csl(self, accessed: str = ACCESSED) -> dict[str, object]:
        """CSL-JSON (the citeproc input format): one item."""
        item: dict[str, object] = {
            "id": self.key,
            "type": "dataset",
            "title": self.title,
            "author": [{"literal": f"{self.site} contributors"}],
            "publisher": self.site,
            "URL": self.url,
            "accessed": _csl_date(accessed),
            "note": self.note,
        }
        if self.changed:
            item["issued"] = _csl_date(self.changed[:10])
        return item


# BibTeX counts every brace, escaped or not: a brace of the text is written as a command
_ESCAPED = {"{": "\\textbraceleft{}", "}": "\\textbraceright{}", "\\": "\\textbackslash{}"}
_NEEDS_ESCAPE = re.compile(r"[^A-Za-z0-9 ,.;:()'/+=!?*\[\]-]")  # all else is LaTeX as it stands


@functools.lru_cache(maxsize=1024)
def _latex_char(char: str) -> str:
    if char in _ESCAPED:
        return _ESCAPED[char]
    try:
        return cast(str, codecs.encode(char, "ulatex"))  # a text codec: str in, str out
    except UnicodeEncodeError:  # 中, ا: no LaTeX command; biber and XeLaTeX read UTF-8 as it is
        return char


def _latex(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped (latexcodec, one character at a
    time and remembered: a base has few distinct ones), braces and backslashes as commands, so
    that a field's braces always balance."""
    return _NEEDS_ESCAPE.sub(lambda match: _latex_char(match.group()), text)


def _csl_date(day: str) -> dict[str, object]:
    if day == ACCESSED:
        return {"raw": day}  # the script writes today's date over it
    return {"date-parts": [[int(day[:4]), int(day[5:7]), int(day[8:10])]]}


CITE_PART = "NQPF_CITE_PART"  # what a part of citations calls as it loads (see cite.js)


def cite_block(citation: Citation, strings: SiteStrings = ENGLISH) -> str:
    """The "Cite" control: a folded block with the reference, BibTeX and CSL-JSON, each copyable.
    The reference itself is written in English, as reference managers and styles expect."""
    english = "" if strings.language == "en" else ' lang="en"'
    formats = [(strings.t("Reference"), f'<p class="nqpf-cite-text"{english}>{esc(citation.reference())}</p>')]
    formats += [
        (name, f'<pre class="nqpf-cite-text"><code>{esc(text)}</code></pre>') for name, text in _machine(citation)
    ]
    note = strings.t("Replace {date} with the day you read it, if it is still there.", date=ACCESSED)
    return copy_block(strings.t("Cite"), formats, note=note, strings=strings)


def cite_later(key: str, part: str, strings: SiteStrings = ENGLISH) -> str:
    """A "Cite" control whose texts are in ``part`` (a script, loaded when it first opens): a page
    of 150 facts would otherwise carry 300 KB of citations and 1,200 more elements, which few
    readers open."""
    later = strings.escaped(
        "The reference, BibTeX and CSL-JSON appear here with JavaScript on "
        "(facts.json holds every fact and its permalink)."
    )
    return (
        f'<details class="nqpf-cite"><summary>{strings.escaped("Cite")}</summary>'
        f'<p class="nqpf-cite-later" data-part="{esc(part)}" data-key="{esc(key)}">{later}</p></details>\n'
    )


def _machine(citation: Citation) -> list[tuple[str, str]]:
    """The citation for reference managers: BibTeX, and CSL-JSON on one line (it wraps on a phone)."""
    return [("BibTeX", citation.bibtex()), ("CSL-JSON", json.dumps([citation.csl()], ensure_ascii=False))]


def cite_part(name: str, citations: list[Citation]) -> str:
    """A part of citations as a script: each one's reference, BibTeX and CSL-JSON by its key."""
    return part_script(CITE_PART, name, {c.key: {"Reference": c.reference(), **dict(_machine(c))} for c in citations})


def copy_block(summary: str, formats: list[tuple[str, str]], note: str = "", strings: SiteStrings = ENGLISH) -> str:
    """A folded block of texts to copy, each under its name with a Copy button (cite.js shows the
    buttons and puts the reader's date for YYYY-MM-DD). ``formats``: (name, its HTML: one element)."""
    # no <div> inside: Material's search ends an excluded <div> (the facts') at the first </div>
    body = "".join(
        f'<p class="nqpf-cite-label">{esc(name)} <button type="button" class="nqpf-copy" hidden>'
        f"{esc(strings.t('Copy'))}</button></p>{text}"
        for name, text in formats
    )
    said = f'<p class="nqpf-cite-note">{esc(note)}</p>' if note else ""
    return f'<details class="nqpf-cite"><summary>{esc(summary)}</summary>{said}{body}</details>\n'
