"""Command line for contributors: ``nqpf check|coverage|add-source|draft|schema|diff``.

Installed into the project's .venv by ``make site`` or ``make test`` (``.venv/bin/nqpf``);
``PYTHONPATH=hooks python -m nqpf`` works too. Run it from the project root. Exit codes: 0
done, 1 the fact base has problems, 2 a command that cannot be carried out (a bad file or
argument): nothing is written then.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .checking import CheckData, check_data, check_with, human_report, rows_from_json, rows_json
from .comparison import disagreements
from .drafting import draft_seed, drafts_yaml, facts_header, ignored_header, measures_header
from .exports import fact_record
from .intake import SourceRefused, new_slug, seed_file_name, seed_text, source_entry, stated_metadata
from .loading import IGNORED_SUFFIX, MEASURES_SUFFIX, LoadedInputs, ProjectPaths, keep, load_inputs, load_registries
from .model import SCHEMAS, json_schema
from .problems import FactsInvalid, Problem
from .reading import Vocabulary
from .reading_languages import READING_RULES
from .translations import build_editions, check_languages
from .translations import coverage as translation_coverage
from .units import UnitRegistry
from .verify import build_fact_base, verify


def _check(paths: ProjectPaths, annotate: bool) -> int:
    try:
        base, coverage = build_fact_base(paths)
        editions = build_editions(paths, base)
    except FactsInvalid as error:
        print(error, file=sys.stderr)
        if annotate:
            for problem in error.problems:
                print(problem.annotation())
        return 1
    print(
        f"OK: {len(base.facts)} facts verified against {len(base.sources)} seeds; "
        f"coverage {coverage.covered}/{coverage.total} numbers ({coverage.percent:.1f}%)."
    )
    for edition in translation_coverage(base, editions, paths.page_names()):
        print(f"translated: {edition.line()}")
    found = disagreements(base)
    for pair in found:  # sources do disagree: a note for the reviewer, never an error
        print(f"note: {pair.note(base)}")
    if found:
        print(f"{len(found)} disagreement{'s' if len(found) > 1 else ''} between sources, shown on the measure pages.")
    return 0


def _coverage(paths: ProjectPaths) -> int:
    """How many numbers of each seed the facts capture, and how much each edition translates;
    1 when anything is left (an untranslated text is shown in English, marked as such)."""
    try:
        base, coverage = build_fact_base(paths)
        editions = build_editions(paths, base)
    except FactsInvalid as error:
        print(error, file=sys.stderr)
        return 1
    for slug in sorted(base.seeds):
        numbers = base.seeds[slug].numbers
        print(f"{base.sources[slug].file_name}: {len(numbers)} numbers")
    print(
        f"coverage: {coverage.covered}/{coverage.total} numbers ({coverage.percent:.1f}%), "
        f"{len(base.ignored)} ignore entries"
    )
    translated = translation_coverage(base, editions, paths.page_names())
    for edition in translated:
        print(f"translated: {edition.line()}")
    return 0 if coverage.covered == coverage.total and all(e.complete for e in translated) else 1


def _records(paths: ProjectPaths) -> dict[str, dict[str, Any]]:
    base, _ = build_fact_base(paths)
    return {item.fact.id: fact_record(item, base) for item in base.facts}


def _diff(paths: ProjectPaths, revision: str) -> int:
    """Facts added, removed and changed against another git revision, as Markdown."""
    with tempfile.TemporaryDirectory() as temp:
        archive = subprocess.run(
            ["git", "archive", revision, "facts", "seeds"], cwd=paths.root, capture_output=True, check=False
        )
        if archive.returncode:
            print(archive.stderr.decode(errors="replace"), file=sys.stderr)
            return 2
        subprocess.run(["tar", "-x", "-C", temp], input=archive.stdout, check=True)
        try:
            before, after = _records(ProjectPaths(Path(temp))), _records(paths)
        except FactsInvalid as error:
            print(error, file=sys.stderr)
            return 1
    added = sorted(after.keys() - before.keys())
    removed = sorted(before.keys() - after.keys())
    changed = sorted(k for k in after.keys() & before.keys() if after[k] != before[k])
    print(f"## Fact changes against {revision}\n")
    print(f"{len(added)} added, {len(removed)} removed, {len(changed)} changed.\n")
    for title, ids, source in (("Added", added, after), ("Removed", removed, before)):
        for fact_id in ids:
            print(f"- {title}: `{fact_id}`: {source[fact_id]['claim']}")
    for fact_id in changed:
        fields = [k for k in after[fact_id] if after[fact_id][k] != before[fact_id].get(k)]
        for name in fields:
            print(f"- Changed `{fact_id}` {name}: {before[fact_id].get(name)!r} → {after[fact_id][name]!r}")
    return 0


def _write_drafts(paths: ProjectPaths, inputs: LoadedInputs, slug: str) -> str:
    """Draft seed ``slug``, append the drafts to its files, and say what was written."""
    drafts = draft_seed(inputs, slug)
    file_name = inputs.sources[slug].file_name
    written = []
    for records, path, header in (
        (drafts.facts, paths.drafts_dir / f"{slug}.yml", facts_header(slug, file_name)),
        (drafts.ignored, paths.drafts_dir / f"{slug}{IGNORED_SUFFIX}", ignored_header(slug, file_name)),
        (drafts.measures, paths.drafts_dir / f"{slug}{MEASURES_SUFFIX}", measures_header(slug, file_name)),
    ):
        if not records:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        new_file = not path.exists() or path.stat().st_size == 0
        with path.open("a", encoding="utf-8") as out:
            out.write(drafts_yaml(records, header if new_file else None))
        written.append(
            f"{paths.shown(path)}: {len(records)} "
            + {id(drafts.facts): "drafted facts", id(drafts.ignored): "drafted ignore entries"}.get(
                id(records), "drafted measures"
            )
        )
    if not written:
        return f"Nothing to draft: every number of seeds/{file_name} is captured already."
    return "\n".join(
        [
            "Wrote:",
            *(f"  {line}" for line in written),
            "Next:",
            "  1. Review each draft against its quote: value, scale, unit, qualifier, period,",
            "     sector and speaker; write the claim a reader should see; then delete its",
            "     `draft: true` line (drafts that state no figure: make them ignore entries).",
            "  2. make check   (lists what is left to review, and every other problem)",
            "  3. Open a pull request.",
        ]
    )


def _draft(paths: ProjectPaths, slug: str) -> int:
    inputs, _ = load_inputs(paths)
    if slug not in inputs.sources or slug not in inputs.seed_texts:
        known = ", ".join(sorted(inputs.sources)) or "none"
        print(f"nqpf draft: '{slug}' is not a seed in seeds/sources.yml (known: {known})", file=sys.stderr)
        return 2
    print(_write_drafts(paths, inputs, slug))
    return 0


def _add_source(paths: ProjectPaths, file: Path, slug: str | None) -> int:
    """Copy a text into seeds/, register it with what it states about itself, and draft it."""
    inputs, _ = load_inputs(paths)
    try:
        try:
            data = file.read_bytes()
        except OSError as error:
            raise SourceRefused(f"{file} cannot be read: {error.strerror}") from None
        existing = {p.name: p.read_bytes() for p in sorted(paths.seeds_dir.glob("*.txt"))}
        text = seed_text(data, str(file), existing)
        statement = stated_metadata(text)
        slug = new_slug(text, statement, set(inputs.sources), slug)
    except SourceRefused as error:
        print(f"nqpf add-source: {error}", file=sys.stderr)
        return 2
    file_name = seed_file_name(data, list(existing))
    touched = [
        paths.seeds_dir / file_name,
        paths.seeds_dir / "sources.yml",
        *(paths.drafts_dir / f"{slug}{suffix}" for suffix in (".yml", IGNORED_SUFFIX, MEASURES_SUFFIX)),
    ]
    try:
        with _all_or_nothing(touched):
            (paths.seeds_dir / file_name).write_bytes(data)
            with (paths.seeds_dir / "sources.yml").open("a", encoding="utf-8") as out:
                out.write(source_entry(slug, file_name, statement))
            drafted = _write_drafts(paths, load_inputs(paths)[0], slug)
    except Exception as error:  # a fault of the drafter: say so in one line, and keep the tree as it was
        print(
            f"nqpf add-source: {file} could not be drafted ({type(error).__name__}: {error}); nothing was "
            "added. Please report this with the file.",
            file=sys.stderr,
        )
        return 2
    stated = (
        ", ".join(
            f"{name} {value}"
            for name in ("title", "outlet", "author", "date", "place")
            if (value := getattr(statement, name))
        )
        or "nothing about itself"
    )
    print(
        f"Added seeds/{file_name} as '{slug}'. The text states {stated}; seeds/sources.yml has a "
        "new entry (null where the text is silent): review it."
    )
    print(drafted)
    return 0


@contextlib.contextmanager
def _all_or_nothing(paths: list[Path]) -> Iterator[None]:
    """Files written inside the block are put back as they were (or removed) if it fails."""
    before = {path: path.read_bytes() if path.exists() else None for path in paths}
    try:
        yield
    except BaseException:
        for path, content in before.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(content)
        raise


def _check_text(paths: ProjectPaths, file: str, output: str, language: str) -> int:
    """Each number of a text, checked against the fact base (standard input for '-')."""
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        text = data.decode("utf-8")
    except OSError as error:
        print(f"nqpf check-text: {file} cannot be read: {error.strerror}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as error:
        print(f"nqpf check-text: {file} is not UTF-8 text (byte {error.start} cannot be read)", file=sys.stderr)
        return 2
    found, problems = _check_data(paths)
    if found is None:
        print(FactsInvalid(problems), file=sys.stderr)
        return 1
    try:
        checked = check_with(text, found, None if language == "auto" else language)
    except ValueError as error:
        print(f"nqpf check-text: {error}", file=sys.stderr)
        return 2
    if output == "json":
        print(json.dumps([number.as_json() for number in checked], ensure_ascii=False, indent=1))
    else:
        print(human_report(text, checked, found, _site_url(paths)))
    return 0


def _check_data(paths: ProjectPaths) -> tuple[CheckData | None, list[Problem]]:
    """What checking needs of the base, or None and the problems when the base does not verify.
    Verifying the whole base takes far longer than checking a text, so the rows it yields are
    kept in build/check-text.json, named by a hash of every input file and of this package's
    code, and used while none of them changes."""
    cache = paths.root / "build" / "check-text.json"
    fingerprint = _fingerprint(paths)
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cached = {}
    if cached.get("fingerprint") == fingerprint:
        found: list[Problem] = []
        registries = load_registries(paths, found)
        languages = check_languages(paths, registries.vocabulary, registries.units, found)
        if not found:
            vocabulary = Vocabulary(registries.vocabulary)
            units = UnitRegistry(registries.units)
            rows = rows_from_json(cached["rows"])
            return CheckData(registries.measures, units, vocabulary, rows, languages), []
    inputs, problems = load_inputs(paths)
    base, _ = verify(inputs, problems)
    languages = check_languages(paths, base.vocabulary, base.units, problems)
    if problems:
        return None, problems
    data = dataclasses.replace(check_data(base), languages=languages)
    keep(cache, json.dumps({"fingerprint": fingerprint, "rows": rows_json(data.rows)}).encode())
    return data, []


def _fingerprint(paths: ProjectPaths) -> str:
    """A hash of the facts, the seeds and this package's code: what the checker's rows come from."""
    digest = hashlib.sha256()
    files = [
        *sorted(paths.facts_dir.rglob("*.yml")),
        *sorted(p for p in paths.seeds_dir.glob("*") if p.is_file()),
        *sorted(Path(__file__).parent.glob("*.py")),
    ]
    for path in files:
        digest.update(f"{paths.shown(path)}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _site_url(paths: ProjectPaths) -> str | None:
    config = paths.root / "mkdocs.yml"
    if not config.is_file():
        return None
    found = re.search(r"(?m)^site_url:\s*(\S+)", config.read_text(encoding="utf-8"))
    return found.group(1).strip("'\"") if found else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="nqpf", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="verify every fact; list every problem")
    check.add_argument(
        "--annotate",
        action="store_true",
        default=os.environ.get("GITHUB_ACTIONS") == "true",
        help="also print GitHub Actions annotations (default on in Actions)",
    )
    commands.add_parser("coverage", help="print how many numbers of each seed facts capture")
    add = commands.add_parser("add-source", help="copy a text into seeds/, register it, draft its facts")
    add.add_argument("file", type=Path, help="the text of a report, as UTF-8")
    add.add_argument("--slug", help="the seed's slug (default: from its title or first words)")
    draft = commands.add_parser("draft", help="draft facts for the numbers of a seed that nothing captures")
    draft.add_argument("slug", help="the seed's slug in seeds/sources.yml")
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of fact files (or of units.yml, measures.yml, vocabulary.yml, "
        "and of the translations' files)",
    )
    schema.add_argument("name", nargs="?", default="facts", choices=tuple(SCHEMAS))
    check_text_command = commands.add_parser(
        "check-text", help="check each number of a text against the fact base (- for standard input)"
    )
    check_text_command.add_argument("file", help="a UTF-8 text file, or - for standard input")
    check_text_command.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    check_text_command.add_argument(
        "--language",
        choices=("auto", *READING_RULES),
        default="auto",
        help="the text's language (auto: the one whose letters it writes most)",
    )
    commands.add_parser("fact-files", help="list the fact files, one a line (the files the schema describes)")
    diff = commands.add_parser("diff", help="facts added, removed and changed since a git revision")
    diff.add_argument("revision", help="for example origin/main")
    args = parser.parse_args(argv)
    paths = ProjectPaths(args.root)
    if args.command == "check":
        return _check(paths, args.annotate)
    if args.command == "coverage":
        return _coverage(paths)
    if args.command == "check-text":
        return _check_text(paths, args.file, args.output, args.language)
    if args.command == "add-source":
        return _add_source(paths, args.file, args.slug)
    if args.command == "draft":
        return _draft(paths, args.slug)
    if args.command == "schema":
        print(json.dumps(json_schema(args.name), indent=2))
        return 0
    if args.command == "fact-files":
        print("\n".join(paths.shown(path) for path in paths.fact_files()))
        return 0
    return _diff(paths, args.revision)


if __name__ == "__main__":
    sys.exit(main())
