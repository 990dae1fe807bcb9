"""Read a YAML file as a list of records, keeping the line of every field.

PyYAML's own loaders lose line numbers, keep the last of two equal keys silently and
construct whatever a tag asks for. Here the parser's events (from libyaml when available)
are turned into plain data by hand: duplicate keys, aliases and tags are refused with a
message naming the line, and nothing in a file is ever executed. Working from events, not
from a node tree, also makes loading several times faster.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

try:  # libyaml's parser is several times faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # the same interface, in Python

from .problems import Problem

MAX_FILE_BYTES = 2_000_000
_TAG = "tag:yaml.org,2002:"
_STR = f"{_TAG}str"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {None, "!", f"{_TAG}map", f"{_TAG}seq"}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


# The first characters of values YAML 1.1 may read as something other than text (booleans,
# null, numbers, dates); a plain value starting with any other character is text. So is one
# starting with a letter and longer than the longest boolean or null word ("false", "FALSE").
_MAYBE_NOT_TEXT = {first for first in yaml.resolver.Resolver.yaml_implicit_resolvers if first}
_LONGEST_WORD = 5


# The resolver's tag for a plain value (PyYAML's own function, which its type stubs leave untyped).
_RESOLVE: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = yaml.resolver.Resolver().resolve


@dataclass
class Record:
    """One mapping of a YAML list: its data and the line of each field ("source.quote")."""

    data: dict[str, Any]
    line: int
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


class _Refused(Exception):
    """A value the reader refuses; always caught here and turned into a Problem."""

    def __init__(self, line: int, message: str, field_name: str | None = None, open_here: int = 0):
        self.line, self.message, self.field_name = line, message, field_name
        self.open = open_here  # collections left open; each enclosing one adds itself on the way out


# How each event changes the depth of open collections (any other event: 0).
_NESTING: defaultdict[type, int] = defaultdict(
    int, {SequenceStartEvent: 1, MappingStartEvent: 1, SequenceEndEvent: -1, MappingEndEvent: -1}
)


def _events(text: str) -> Callable[[], Any]:
    """The parser's events: each call returns the next one.

    (The loader's own ``get_event``: ``yaml.parse`` wraps it in a generator that costs a
    third of the parsing time.)
    """
    return _Loader(text).get_event  # None only after the stream's end, which no reader asks for


def _close(events: Callable[[], Any], open_collections: int) -> None:
    """Skip events until ``open_collections`` collections are closed: past a refused record."""
    while open_collections:
        open_collections += _NESTING[type(events())]


def _line(event: Any) -> int:
    line: int = event.start_mark.line  # the parser marks every event it makes
    return line + 1


def _shown_tag(tag: str | None) -> str:
    return str(tag).replace(_TAG, "!!")


def _scalar(event: ScalarEvent, where: str | None) -> object:
    tag = event.tag
    if tag is None or tag == "!":
        value = event.value
        # Shortcuts for the usual cases, quoted values and plain text no other type can be. Where
        # one is not taken, the resolver below gives the same answer, only slower: so a mutant that
        # turns a shortcut off changes nothing a test could see, and they are not mutated.
        if not event.implicit[0]:  # pragma: no mutate - a shortcut: quoted, so text
            return value
        first = value[:1]
        if first and first not in _MAYBE_NOT_TEXT:  # pragma: no mutate - a shortcut: no other type starts so
            return value
        if first.isalpha() and len(value) > _LONGEST_WORD:  # pragma: no mutate - a shortcut: too long for a bool
            return value
        tag = _RESOLVE(yaml.ScalarNode, value, event.implicit)
    if tag not in _SCALAR_TAGS:
        raise _Refused(_line(event), f"the YAML tag {_shown_tag(tag)} is not allowed; write a plain value", where)
    if tag == _STR:
        return event.value
    # The constructors read only the node's value (no marks: our messages give the line).
    node = yaml.ScalarNode(tag, event.value)  # pragma: no mutate - constructors read only its value
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except ValueError:
        # e.g. an unquoted 2024-02-30: YAML takes it for a date that does not exist
        raise _Refused(_line(event), f"{event.value!r} is not a real date", where) from None


def _value(
    event: Any,  # any of the parser's events: dispatched on its type below
    events: Callable[[], Any],
    lines: dict[str, int],
    path: str = "",
    into: dict[str, Any] | None = None,
) -> object:
    """Plain Python data from ``event`` on; records the line of each mapping key under ``path``.

    A mapping is built in ``into`` when given, so a caller keeps what was read before an error.
    """
    where = path or None
    kind = type(event)
    if kind is ScalarEvent:
        return _scalar(event, where)
    if kind is AliasEvent:
        raise _Refused(_line(event), "YAML aliases (*name) are not allowed; write the value out", where)
    try:
        if event.tag not in _COLLECTION_TAGS:  # neither a scalar nor an alias: a collection
            raise _Refused(_line(event), f"the YAML tag {_shown_tag(event.tag)} is not allowed", where)
        if kind is SequenceStartEvent:
            items: list[object] = []
            while type(item := events()) is not SequenceEndEvent:
                items.append(_value(item, events, lines, path))
            return items
        result: dict[str, object] = {} if into is None else into
        while (kind := type(key_event := events())) is not MappingEndEvent:
            key = _scalar(key_event, where) if kind is ScalarEvent else None
            if not isinstance(key, str):  # a key may even be a collection: it is left open too
                raise _Refused(_line(key_event), "field names must be plain words", where, _NESTING[kind])
            name = f"{path}.{key}" if path else key
            if key in result:
                raise _Refused(_line(key_event), f"'{key}' is given twice; keep one", name)
            lines[name] = _line(key_event)
            result[key] = _value(events(), events, lines, name)
        return result
    except _Refused as refused:
        refused.open += 1  # this collection's start was read; its end was not
        raise


def _decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(shown, 1, f"the file is {len(raw):,} bytes; split it into files under {MAX_FILE_BYTES:,} bytes")
        ]
    try:
        return raw.decode(), []  # a leading byte-order mark is skipped by YAML's own scanner
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8")]


def _syntax_problem(error: yaml.MarkedYAMLError, shown: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    what = (error.problem or "invalid YAML").strip()
    if "\\t" in what or "tab character" in what:  # PyYAML's parser, then libyaml's
        what = "a tab is used for indentation; indent with spaces"
    elif error.context:
        what = f"{what} ({error.context.strip()})"
    return Problem(shown, line, f"the file is not valid YAML: {what}")


def _records(events: Callable[[], Any], shown: str, what: str) -> tuple[list[Record], list[Problem]]:
    event = events()  # the stream's start
    event = events()
    if isinstance(event, StreamEndEvent):
        return [], [Problem(shown, 1, f"the file is empty; it should hold a list of {what} (each starting with '- ')")]
    assert isinstance(event, DocumentStartEvent)
    root = events()
    if not isinstance(root, SequenceStartEvent) or root.tag not in _COLLECTION_TAGS:
        return [], [Problem(shown, _line(root), f"the file should hold a list of {what} (each starting with '- ')")]
    records: list[Record] = []
    problems: list[Problem] = []
    while not isinstance(item := events(), SequenceEndEvent):
        if not isinstance(item, MappingStartEvent) or item.tag not in _COLLECTION_TAGS:
            problems.append(
                Problem(shown, _line(item), "each list item should be a mapping of fields (id: ..., claim: ...)")
            )
            _close(events, _NESTING[type(item)])
            continue
        data: dict[str, object] = {}
        lines: dict[str, int] = {}
        try:
            _value(item, events, lines, into=data)
        except _Refused as refused:
            record_id = data.get("id")
            fact_id = record_id if isinstance(record_id, str) else None
            problems.append(Problem(shown, refused.line, refused.message, field=refused.field_name, fact_id=fact_id))
            _close(events, refused.open)
            continue
        records.append(Record(data=data, line=_line(item), lines=lines))
    events()  # the document's end
    if not isinstance(after := events(), StreamEndEvent):
        problems.append(
            Problem(shown, _line(after), "the file holds more than one YAML document (a second '---'); keep one list")
        )
    return records, problems


def read_records(path: Path, shown: str, *, what: str) -> tuple[list[Record], list[Problem]]:
    """The records of a YAML file that holds a list of mappings, or the problems found."""
    text, problems = _decode(path.read_bytes(), shown)
    if text is None:
        return [], problems
    try:
        return _records(_events(text), shown, what)
    except yaml.MarkedYAMLError as error:
        return [], [_syntax_problem(error, shown)]
    except yaml.reader.ReaderError as error:  # a character YAML does not allow anywhere
        line = text[: error.position].count("\n") + 1
        return [], [Problem(shown, line, f"character #x{error.character:04x} is not allowed in YAML; remove it")]


def as_period_text(raw: object) -> str:
    """YAML may hand a period over as an int (2023) or a date (2025-03-11): make it text."""
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, str):
        return raw.strip()
    raise ValueError("a date is expected: 2023, 2025-03 or 2025-03-11")
