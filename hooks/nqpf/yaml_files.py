"""Read a YAML file as a list of records, keeping the line of every field.

PyYAML's own loaders lose line numbers, keep the last of two equal keys silently and
construct whatever a tag asks for. Here the file is only *composed* into nodes, and the
nodes are turned into plain data by hand: duplicate keys, aliases and tags are refused
with a message naming the line, and nothing in a file is ever executed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

try:  # libyaml's composer is several times faster; the pure-Python one gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from .problems import Problem

MAX_FILE_BYTES = 2_000_000
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass
class Record:
    """One mapping of a YAML list: its data and the line of each field ("source.quote")."""

    data: dict
    line: int
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


class _Refused(Exception):
    def __init__(self, line: int, message: str, field_name: str | None = None):
        super().__init__(message)
        self.line, self.message, self.field_name = line, message, field_name


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(node: yaml.ScalarNode, where: str | None) -> object:
    if node.tag not in _SCALAR_TAGS:
        raise _Refused(_line(node), f"the YAML tag {node.tag.replace(_TAG, '!!')} is not allowed; "
                       "write a plain value", where)
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    except ValueError:
        # e.g. an unquoted 2024-02-30: YAML takes it for a date that does not exist
        raise _Refused(_line(node), f"{node.value!r} is not a real date", where) from None


def _plain(node: yaml.Node, path: str, lines: dict[str, int], seen: set[int]) -> object:
    """Plain Python data for ``node``; records the line of each mapping key under ``path``."""
    where = path or None
    if id(node) in seen:
        raise _Refused(_line(node), "YAML aliases (*name) are not allowed; write the value out", where)
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, where)
    if node.tag not in (f"{_TAG}map", f"{_TAG}seq"):
        raise _Refused(_line(node), f"the YAML tag {node.tag.replace(_TAG, '!!')} is not allowed", where)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, path, lines, seen) for item in node.value]
    result: dict[str, object] = {}
    for key_node, value_node in node.value:
        key = _scalar(key_node, where) if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            raise _Refused(_line(key_node), "field names must be plain words", where)
        name = f"{path}.{key}" if path else key
        if key in result:
            raise _Refused(_line(key_node), f"'{key}' is given twice; keep one", name)
        lines[name] = _line(key_node)
        result[key] = _plain(value_node, name, lines, seen)
    return result


def _decode(raw: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(shown, 1, f"the file is {len(raw):,} bytes; split it into files "
                              f"under {MAX_FILE_BYTES:,} bytes")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, f"byte 0x{raw[error.start]:02x} is not UTF-8; "
                              "save the file as UTF-8")]


def _syntax_problem(error: yaml.MarkedYAMLError, shown: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    what = (error.problem or "invalid YAML").strip()
    if "'\\t'" in what or "\\t" in what:
        what = "a tab is used for indentation; indent with spaces"
    elif error.context:
        what = f"{what} ({error.context.strip()})"
    return Problem(shown, line, f"the file is not valid YAML: {what}")


def read_records(path: Path, shown: str, *, what: str = "facts") -> tuple[list[Record], list[Problem]]:
    """The records of a YAML file that holds a list of mappings, or the problems found."""
    text, problems = _decode(path.read_bytes(), shown)
    if text is None:
        return [], problems
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return [], [_syntax_problem(error, shown)]
    except yaml.YAMLError as error:
        return [], [Problem(shown, 1, f"the file is not valid YAML: {error}")]
    if root is None:
        return [], [Problem(shown, 1, f"the file is empty; it should hold a list of {what} "
                            "(each starting with '- ')")]
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(shown, _line(root), f"the file should hold a list of {what} "
                            "(each starting with '- ')")]
    records: list[Record] = []
    for item in root.value:
        if not isinstance(item, yaml.MappingNode):
            problems.append(Problem(shown, _line(item), "each list item should be a mapping of "
                                    "fields (id: ..., claim: ...)"))
            continue
        lines: dict[str, int] = {}
        try:
            data = _plain(item, "", lines, set())
        except _Refused as refused:
            problems.append(Problem(shown, refused.line, refused.message, field=refused.field_name,
                                    fact_id=_id_of(item)))
            continue
        records.append(Record(data=data, line=_line(item), lines=lines))  # type: ignore[arg-type]
    return records, problems


def _id_of(node: yaml.MappingNode) -> str | None:
    for key, value in node.value:
        if getattr(key, "value", None) == "id" and isinstance(value, yaml.ScalarNode):
            return value.value
    return None


def as_period_text(raw: object) -> str:
    """YAML may hand a period over as an int (2023) or a date (2025-03-11): make it text."""
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, str):
        return raw.strip()
    raise ValueError("a date is expected: 2023, 2025-03 or 2025-03-11")
