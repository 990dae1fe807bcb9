"""Command line for contributors: ``python -m nqpf check|coverage|schema|diff``.

Run from the project root with ``PYTHONPATH=hooks`` (``make check`` does this).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .exports import fact_record
from .loading import ProjectPaths
from .model import json_schema
from .problems import FactsInvalid
from .verify import build_fact_base


def _check(paths: ProjectPaths, annotate: bool) -> int:
    try:
        base, coverage = build_fact_base(paths)
    except FactsInvalid as error:
        print(error, file=sys.stderr)
        if annotate:
            for problem in error.problems:
                print(problem.annotation())
        return 1
    print(f"OK: {len(base.facts)} facts verified against {len(base.sources)} seeds; "
          f"coverage {coverage.covered}/{coverage.total} numbers ({coverage.percent:.1f}%).")
    return 0


def _coverage(paths: ProjectPaths) -> int:
    try:
        base, coverage = build_fact_base(paths)
    except FactsInvalid as error:
        print(error, file=sys.stderr)
        return 1
    for slug in sorted(base.seeds):
        numbers = base.seeds[slug].numbers
        print(f"{base.sources[slug].file_name}: {len(numbers)} numbers")
    print(f"coverage: {coverage.covered}/{coverage.total} numbers ({coverage.percent:.1f}%), "
          f"{len(base.ignored)} ignore entries")
    return 0 if coverage.covered == coverage.total else 1


def _records(paths: ProjectPaths) -> dict[str, dict]:
    base, _ = build_fact_base(paths)
    return {item.fact.id: fact_record(item, base) for item in base.facts}


def _diff(paths: ProjectPaths, revision: str) -> int:
    """Facts added, removed and changed against another git revision, as Markdown."""
    with tempfile.TemporaryDirectory() as temp:
        archive = subprocess.run(["git", "archive", revision, "facts", "seeds"], cwd=paths.root,
                                 capture_output=True, check=False)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nqpf", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="verify every fact; list every problem")
    check.add_argument("--annotate", action="store_true", default=os.environ.get("GITHUB_ACTIONS") == "true",
                       help="also print GitHub Actions annotations (default on in Actions)")
    commands.add_parser("coverage", help="print how many numbers of each seed facts capture")
    commands.add_parser("schema", help="print the JSON Schema of fact files")
    diff = commands.add_parser("diff", help="facts added, removed and changed since a git revision")
    diff.add_argument("revision", help="for example origin/main")
    args = parser.parse_args(argv)
    paths = ProjectPaths(args.root)
    if args.command == "check":
        return _check(paths, args.annotate)
    if args.command == "coverage":
        return _coverage(paths)
    if args.command == "schema":
        print(json.dumps(json_schema(), indent=2))
        return 0
    return _diff(paths, args.revision)


if __name__ == "__main__":
    sys.exit(main())
