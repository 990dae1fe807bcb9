"""Load every input file of a project into plain records, collecting all problems at once."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from .model import (
    FACT_FIELDS,
    IGNORED_FIELDS,
    MEASURE_FIELDS,
    SECTOR_FIELDS,
    SOURCE_FIELDS,
    SPEAKER_FIELDS,
    UNIT_FIELDS,
    VOCABULARY_FIELDS,
    Fact,
    FieldSpec,
    IgnoredNumber,
    Measure,
    Sector,
    Source,
    Speaker,
    Term,
    Unit,
    kind_rules,
    read_fields,
)
from .problems import Problem
from .units import UnitRegistry
from .yaml_files import Record, read_records

_Entry = TypeVar("_Entry")

REGISTRY_FILES = {"sectors.yml", "speakers.yml", "measures.yml", "units.yml", "vocabulary.yml", "ignored-numbers.yml"}
IGNORED_SUFFIX = ".ignored.yml"  # drafted ignore entries, beside the drafted facts
MEASURES_SUFFIX = ".measures.yml"  # drafted measures, beside the drafted facts


@dataclass(frozen=True)
class ProjectPaths:
    """Where a project keeps its inputs; tests point it at temporary copies."""

    root: Path

    @property
    def facts_dir(self) -> Path:
        return self.root / "facts"

    @property
    def docs_dir(self) -> Path:
        """The hand-written pages (docs/*.md), which each edition translates."""
        return self.root / "docs"

    def page_names(self) -> list[str]:
        return sorted(p.name for p in self.docs_dir.glob("*.md"))

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def drafts_dir(self) -> Path:
        """Where ``nqpf draft`` writes its proposals: <seed>.yml (facts), <seed>.ignored.yml."""
        return self.facts_dir / "drafts"

    @property
    def chart_cache(self) -> Path:
        """Chart pictures already drawn, by the hash of their SVG (build/ is never committed)."""
        return self.root / "build" / "cache" / "charts"

    @property
    def history_cache(self) -> Path:
        """The facts of each fact file version already read from git, by blob (see history.py)."""
        return self.root / "build" / "cache" / "fact-versions.json"

    def shown(self, path: Path) -> str:
        """A path as contributors see it: relative to the project, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def fact_files(self) -> list[Path]:
        return sorted(p for p in self.facts_dir.glob("*.yml") if p.name not in REGISTRY_FILES) + sorted(
            p for p in self.drafts_dir.glob("*.yml") if not p.name.endswith((IGNORED_SUFFIX, MEASURES_SUFFIX))
        )

    def measure_files(self) -> list[Path]:
        """facts/measures.yml (optional: a project may state no value), then drafted measures."""
        main = self.facts_dir / "measures.yml"
        return [main] * main.exists() + sorted(self.drafts_dir.glob(f"*{MEASURES_SUFFIX}"))

    def ignore_files(self) -> list[Path]:
        return [self.facts_dir / "ignored-numbers.yml", *sorted(self.drafts_dir.glob(f"*{IGNORED_SUFFIX}"))]


def keep(path: Path, content: bytes) -> None:
    """Write a cache file whole or not at all (a temporary name, then a rename), so that no
    reader sees half of it; a read-only checkout keeps nothing and goes on, only slower."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        written = path.with_suffix(f".{os.getpid()}.tmp")
        written.write_bytes(content)
        written.replace(path)


@dataclass(frozen=True)
class LoadedInputs:
    """Everything contributors wrote, checked field by field but not yet against the seeds."""

    facts: tuple[Fact, ...]
    sectors: dict[str, Sector]
    speakers: dict[str, Speaker]
    sources: dict[str, Source]
    ignored: tuple[IgnoredNumber, ...]
    seed_texts: dict[str, str]
    measures: dict[str, Measure] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    vocabulary: dict[str, Term] = field(default_factory=dict)

    @cached_property
    def unit_registry(self) -> UnitRegistry:
        """The units, looked up by slug and by spelling (built once: its pattern is compiled)."""
        return UnitRegistry(self.units)


def checked_records(
    paths: ProjectPaths, path: Path, specs: tuple[FieldSpec, ...], what: str, key: str | None
) -> tuple[list[tuple[dict[str, Any], Record]], list[Problem]]:
    """(values, record) for each well-formed record of a file, and the file's problems."""
    shown = paths.shown(path)
    if not path.is_file():
        return [], [Problem(shown, 1, f"the file is missing; it should list the {what}")]
    records, problems = read_records(path, shown, what=what)
    rows: list[tuple[dict[str, Any], Record]] = []
    for record in records:
        record_id = record.data.get(key) if key and isinstance(record.data.get(key), str) else None
        values, found = read_fields(record, specs, shown, record_id=record_id)
        problems += found
        if not found:
            rows.append((values, record))
    return rows, problems


def _registry(
    paths: ProjectPaths,
    path: Path,
    specs: tuple[FieldSpec, ...],
    what: str,
    build: Callable[[dict[str, Any], str, Record], _Entry],
    *,
    problems: list[Problem],
) -> dict[str, _Entry]:
    rows, found = checked_records(paths, path, specs, what, "slug")
    problems += found
    shown = paths.shown(path)
    result: dict[str, _Entry] = {}
    for values, record in rows:
        if values["slug"] in result:
            problems.append(Problem(shown, record.line, "this slug is used twice", values["slug"], "slug"))
        result[values["slug"]] = build(values, shown, record)
    return result


def _placed(entry: Callable[..., _Entry]) -> Callable[[dict[str, Any], str, Record], _Entry]:
    """A registry entry made from its fields and where it stands: its file and line."""
    return lambda values, shown, record: entry(**values, file=shown, line=record.line)


def _lined(entry: Callable[..., _Entry]) -> Callable[[dict[str, Any], str, Record], _Entry]:
    """A registry entry that also knows the line of each of its fields."""
    return lambda values, shown, record: entry(**values, file=shown, line=record.line, lines=record.lines)


def _fact(values: dict[str, Any], shown: str, record: Record) -> Fact:
    source = values.pop("source")
    return Fact(**values, seed=source["seed"], quote=source["quote"], file=shown, line=record.line, lines=record.lines)


def _source(values: dict[str, Any], shown: str, record: Record) -> Source:
    values = dict(values)
    values["file_name"] = values.pop("file")
    return Source(**{"evidence": (), "note": None, **values}, file=shown, line=record.line, lines=record.lines)


def _read_seed(paths: ProjectPaths, source: Source, problems: list[Problem]) -> str | None:
    path = paths.seeds_dir / source.file_name
    try:
        return path.read_bytes().decode()  # bytes.decode reads UTF-8 and nothing else
    except FileNotFoundError:
        wrong = "does not exist"
    except UnicodeDecodeError:
        wrong = "is not UTF-8"
    problems.append(
        Problem(source.file, source.lines["file"], f"seeds/{source.file_name} {wrong}", source.slug, "file")
    )
    return None


@dataclass(frozen=True)
class Registries:
    """The registries what a fact states is read with: units, measures and the vocabulary."""

    units: dict[str, Unit]
    measures: dict[str, Measure]
    vocabulary: dict[str, Term]


def load_registries(paths: ProjectPaths, problems: list[Problem]) -> Registries:
    """facts/units.yml, facts/measures.yml (and drafted measures) and facts/vocabulary.yml."""
    registry = functools.partial(_registry, paths, problems=problems)
    units = registry(paths.facts_dir / "units.yml", UNIT_FIELDS, "units", _lined(Unit))
    vocabulary_file = paths.facts_dir / "vocabulary.yml"  # optional, as measures are
    vocabulary = (
        registry(vocabulary_file, VOCABULARY_FIELDS, "vocabulary", _lined(Term)) if vocabulary_file.exists() else {}
    )
    measures: dict[str, Measure] = {}
    for path in paths.measure_files():
        listed = registry(path, MEASURE_FIELDS, "measures", _lined(Measure))
        for slug, measure in listed.items():
            if slug in measures:
                problems.append(
                    Problem(
                        measure.file,
                        measure.line,
                        f"this slug is used twice (first at {measures[slug].file})",
                        slug,
                        "slug",
                    )
                )
            measures.setdefault(slug, measure)
    return Registries(units, measures, vocabulary)


def load_inputs(paths: ProjectPaths) -> tuple[LoadedInputs, list[Problem]]:
    """Read seeds, sources, sectors, speakers, ignore list and facts; return all problems."""
    problems: list[Problem] = []
    registry = functools.partial(_registry, paths, problems=problems)
    sources = registry(paths.seeds_dir / "sources.yml", SOURCE_FIELDS, "sources", _source)
    sectors = registry(paths.facts_dir / "sectors.yml", SECTOR_FIELDS, "sectors", _placed(Sector))
    speakers = registry(paths.facts_dir / "speakers.yml", SPEAKER_FIELDS, "speakers", _placed(Speaker))
    registries = load_registries(paths, problems)
    units, measures, vocabulary = registries.units, registries.measures, registries.vocabulary
    seed_texts = {
        slug: text for slug, source in sources.items() if (text := _read_seed(paths, source, problems)) is not None
    }

    ignored: list[IgnoredNumber] = []
    for path in paths.ignore_files():
        rows, found = checked_records(paths, path, IGNORED_FIELDS, "ignored numbers", None)
        problems += found
        shown = paths.shown(path)
        ignored += [
            IgnoredNumber(**values, file=shown, line=record.line, lines=record.lines) for values, record in rows
        ]

    facts: list[Fact] = []
    for path in paths.fact_files():
        rows, found = checked_records(paths, path, FACT_FIELDS, "facts", "id")
        problems += found
        shown = paths.shown(path)
        for values, record in rows:
            rules = kind_rules(values)
            problems += [Problem(shown, record.line_of(name), message, values["id"], name) for name, message in rules]
            if not rules:
                facts.append(_fact(values, shown, record))
    inputs = LoadedInputs(
        facts=tuple(facts),
        sectors=sectors,
        speakers=speakers,
        sources=sources,
        ignored=tuple(ignored),
        seed_texts=seed_texts,
        measures=measures,
        units=units,
        vocabulary=vocabulary,
    )
    return inputs, problems
