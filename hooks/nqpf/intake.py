"""Take in a new source text: check it, name it, and read what it states about itself.

A seed is stored byte for byte as ``NNN_<first 16 hex digits of its sha256>.txt``. Its entry
in ``seeds/sources.yml`` gives a title, outlet, author, date and place only where the text
states them (a headline, a dateline such as "BEIJING, Jan. 28, 2025 (GLOBE NEWSWIRE) --", a
byline, a citation), each with the passage that states it as evidence; everything else is
null. Nothing here writes files: the command line does, once every check has passed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

import yaml

from .model import LABEL_RE, SLUG_RE, read_period
from .numbers import MONTH_PATTERN, MONTHS

_MONTH = rf"(?:{MONTH_PATTERN})"
_PLACE = r"(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})"
# Datelines and other statements a text makes about itself, tried on the first lines.
_DATELINES = (
    # " date 2025-03-11 BEIJING, (APP - UrduPoint / Pakistan Point News - 11th Mar, 2025)"
    re.compile(
        rf"^\s*date (?P<date>\d{{4}}-\d{{2}}-\d{{2}})(?: {_PLACE},? \((?P<outlet>[^()]+?)"
        rf"(?: - \d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}})?\))?"
    ),
    # "BEIJING, Jan. 28, 2025 (GLOBE NEWSWIRE) --", "BEIJING, Sept. 29 (Xinhua) --"
    re.compile(rf"^\s*{_PLACE}, (?P<when>{_MONTH}\.? \d{{1,2}}(?:, \d{{4}})?) \((?P<outlet>[^()]+)\) ?(?:--|—|–)"),
    # "BEIJING, (UrduPoint / Pakistan Point News - 23rd Jan, 2025)"
    re.compile(
        rf"^\s*{_PLACE},? \((?P<outlet>[^()]+?) - (?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<month>{_MONTH})\.?,? "
        r"(?P<year>\d{4})\)"
    ),
    # "(Yicai) Jan. 24 --": an outlet and a day, no place; without a year the date stays unknown
    re.compile(rf"^\s*\((?P<outlet>[^()]+)\) (?P<when>{_MONTH}\.? \d{{1,2}}(?:, \d{{4}})?) ?(?:--|—|–)"),
    # "China Daily | Updated: 2025-01-03"
    re.compile(r"^\s*(?P<outlet>[A-Z][\w .&'-]+?) \| Updated: (?P<date>\d{4}-\d{2}-\d{2})"),
    # "ISLAMABAD (PEN) :", "KARACHI (APP) -"
    re.compile(rf"^\s*{_PLACE} \((?P<outlet>[^()]+)\) ?[:–—-]"),
    # "ISLAMABAD: ..."
    re.compile(rf"^\s*{_PLACE}: "),
)
_BYLINE = re.compile(r"^\s*By (?P<author>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3})\s*$")
# 'Yang Yundong, "New quality productive forces ...," Business recorder. 2024-03-31.'
_CITATION = re.compile(
    r"^(?P<author>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}), [\"“](?P<title>[^\"”]+?),?[\"”] "
    r"(?P<outlet>[A-Z][\w .&'-]+?)\. (?P<date>\d{4}-\d{2}-\d{2})\.",
    re.MULTILINE,
)
_FURNITURE = re.compile(r"[@|]|^(?:Published|Updated|Posted|Last updated|Share)\b|\d{1,2}:\d{2}")
_SLUG_STOP = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "and",
    "or",
    "with",
    "by",
    "from",
    "is",
    "are",
    "was",
    "were",
    "its",
    "it",
    "this",
    "that",
}


class SourceRefused(Exception):
    """A file that cannot become a seed, with the one-line reason a contributor can act on."""


@dataclass(frozen=True)
class SourceStatement:
    """What a text states about itself; None where it is silent."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    place: str | None = None
    evidence: tuple[str, ...] = ()


def seed_text(data: bytes, shown: str, existing: dict[str, bytes]) -> str:
    """The text of a file that may become a seed; SourceRefused says why it may not.

    ``existing`` maps each seed's file name to its bytes.
    """
    if not data.strip():
        raise SourceRefused(f"{shown} is empty: a seed is the text of a report")
    if b"\x00" in data or sum(byte < 32 and byte not in b"\t\n\r\f" for byte in data[:65536]) > 8:
        raise SourceRefused(f"{shown} is a binary file, not text: save the report as plain UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceRefused(
            f"{shown} is not UTF-8 text (byte {error.start} cannot be read): save it as UTF-8 first"
        ) from None
    digest = hashlib.sha256(data).hexdigest()
    for name, other in existing.items():
        if hashlib.sha256(other).hexdigest() == digest:
            raise SourceRefused(f"{shown} is already a seed: seeds/{name}")
    return text


def seed_file_name(data: bytes, existing: list[str]) -> str:
    """``NNN_<16 hex digits of sha256>.txt``, numbered after the existing seeds."""
    numbers = [int(name[:3]) for name in existing if re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", name)]
    return f"{max(numbers, default=-1) + 1:03d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"


def _label(text: str | None) -> str | None:
    """A metadata value as the model accepts it, or None (never a mangled guess)."""
    if not text:
        return None
    text = " ".join(text.split()).strip(" ,;:")
    return text if LABEL_RE.fullmatch(text) and len(text) <= 120 else None


def _place(text: str | None) -> str | None:
    return _label(text.title() if text and text.isupper() else text)


def _date(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return read_period(text).text
    except ValueError:
        return None


def stated_metadata(text: str) -> SourceStatement:
    """Title, outlet, author, date and place where the text states them, with the evidence."""
    found: dict[str, str | None] = {}
    evidence: list[str] = []
    lines = [line for line in text.splitlines() if line.strip()]

    def take(values: dict[str, str | None], passage: str) -> None:
        new = {k: v for k, v in values.items() if v and not found.get(k)}
        if new:
            found.update(new)
            evidence.append(" ".join(passage.split()))

    citation = _CITATION.search(text)
    if citation:
        take(
            {
                "author": _label(citation["author"]),
                "title": _label(citation["title"]),
                "outlet": _label(citation["outlet"]),
                "date": _date(citation["date"]),
            },
            citation.group(0),
        )
    for line in lines[:12]:
        for pattern in _DATELINES:
            match = pattern.match(line)
            if match:
                groups = match.groupdict()
                when = groups.get("when")
                if groups.get("year"):
                    when = f"{groups['month']} {groups['day']}, {groups['year']}"
                date = _date(groups.get("date")) or _written_date(when)
                take(
                    {"place": _place(groups.get("place")), "outlet": _label(groups.get("outlet")), "date": date},
                    match.group(0).strip(" :–—-"),
                )
                break
        byline = _BYLINE.match(line)
        if byline:
            take({"author": _label(byline["author"])}, line.strip())
    headline = _headline(lines)
    if headline:
        take({"title": headline}, headline)
    return SourceStatement(
        title=found.get("title"),
        outlet=found.get("outlet"),
        author=found.get("author"),
        date=found.get("date"),
        place=found.get("place"),
        evidence=tuple(evidence),
    )


def _written_date(when: str | None) -> str | None:
    """ "Jan. 28, 2025" -> "2025-01-28"; None without a year ("Sept. 29")."""
    match = re.fullmatch(r"(\w+)\.? (\d{1,2}), (\d{4})", when or "")
    if not match:
        return None
    month = MONTHS.get(match[1], 0)
    return _date(f"{match[3]}-{month:02d}-{int(match[2]):02d}") if month else None


def _headline(lines: list[str]) -> str | None:
    """The text's first line, if it reads as a headline: 3 to 16 words, capitalised, no final stop.
    Page furniture before it (a contact line, "Today's Paper | …", "Published 10 Jun, 2023") is
    passed over; a first line that is a paragraph means the text has no headline."""
    for first in lines[:6]:
        line = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s+", "", first).strip()
        if _FURNITURE.search(line) or any(pattern.match(line) for pattern in _DATELINES):
            continue
        words = line.split()
        if 3 <= len(words) <= 16 and line[0].isupper() and not line.endswith((".", ":", "?", "!", ",")):
            return _label(line)
        return None
    return None


def new_slug(text: str, statement: SourceStatement, taken: set[str], requested: str | None) -> str:
    """``requested`` if valid and free, else one made from the title's or the text's first words."""
    if requested is not None:
        if not SLUG_RE.fullmatch(requested) or len(requested) > 80:
            raise SourceRefused(f"--slug {requested!r} is not a slug: use lower-case words joined by '-'")
        if requested in taken:
            raise SourceRefused(f"--slug {requested!r} is already used in seeds/sources.yml")
        return requested
    opening = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s+", "", statement.title or text)  # a stored page's date line
    words = [w for w in re.findall(r"[a-z0-9]+", opening.lower()[:400]) if w not in _SLUG_STOP]
    base = "-".join(words[:5]) or "source"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def source_entry(slug: str, file_name: str, statement: SourceStatement) -> str:
    """The YAML of a new ``seeds/sources.yml`` entry, to append to the file."""
    entry: dict[str, Any] = {
        "slug": slug,
        "file": file_name,
        "title": statement.title,
        "outlet": statement.outlet,
        "author": statement.author,
        "date": statement.date,
        "place": statement.place,
    }
    if statement.evidence:
        entry["evidence"] = list(statement.evidence)
    if not statement.title:
        entry["label"] = None  # the site's own description of an untitled text: a person writes it
    entry["note"] = (
        "Added with nqpf add-source: the fields above are what the text states about itself "
        "(null where it is silent). Review them, say here what the text is, and give a "
        "text without a title a short label."
    )
    return "\n" + yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
