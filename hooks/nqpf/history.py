"""When each fact was added and last changed, read from the repository's history.

One pass: ``git log`` lists the commits that touched a reviewed fact file and the version (blob)
of the file each wrote, and one ``git cat-file --batch`` process reads the versions not already
read by an earlier build (they are kept, by blob, in a cache: a version never changes).
A fact is added by the first commit in which its id appears, and changed by every later commit
that gives it different fields. Moving a fact to another file changes nothing.

Outside a git checkout, in a shallow clone (whose first commit would look like the day every
fact was added), or when git fails, every date is unknown: the site says so and invents none.
Uncommitted edits are not dated: a date is always a commit's.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .loading import IGNORED_SUFFIX, MEASURES_SUFFIX, REGISTRY_FILES, keep
from .model import Period

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: each version is read


@dataclass(frozen=True)
class FactDates:
    added: str  # the commit's date, ISO 8601 with its offset
    changed: str


@dataclass(frozen=True)
class Change:
    """One commit's change to one fact: it was ``added`` or ``changed``."""

    date: str
    kind: str
    fact_id: str


@dataclass(frozen=True)
class History:
    """The dates of every fact the history knows, and when the data last changed."""

    facts: Mapping[str, FactDates] = field(default_factory=dict)
    changes: tuple[Change, ...] = ()  # oldest first
    data_changed: str | None = None  # the last commit that touched facts/ or seeds/
    known: bool = False  # False: not a full git checkout, so no date is known

    def of(self, fact_id: str) -> FactDates | None:
        return self.facts.get(fact_id)


UNKNOWN = History()


def day_label(timestamp: str) -> str:
    """A commit's date for people: "2026-12-04T19:14:47+00:00" -> "4 December 2026"."""
    return Period(timestamp[:10]).label()


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _is_fact_file(path: str, facts_dir: str) -> bool:
    """A file of facts: facts/<sector>.yml, or facts/drafts/<seed>.yml (a reviewed fact may stay there)."""
    folder, _, name = path.rpartition("/")
    if folder == f"{facts_dir}/drafts":
        return name.endswith(".yml") and not name.endswith((IGNORED_SUFFIX, MEASURES_SUFFIX))
    return folder == facts_dir and name.endswith(".yml") and name not in REGISTRY_FILES


def read_history(root: Path, cache: Path | None = None) -> History:
    """The history of ``root``'s facts, or UNKNOWN. A fact is added when it is first reviewed (a
    machine draft, ``draft: true``, is not yet in the base). ``cache``: a JSON
    file of the facts each file version (git blob) holds; a version never changes, so a rebuild
    reads and parses only the versions it has not seen."""
    # paths as git prints them are relative to the repository's top, which may hold the project
    where = _git(root, "rev-parse", "--show-prefix", "--is-shallow-repository")
    if where is None:
        return UNKNOWN
    prefix, shallow = where.decode().split("\n")[:2]
    if shallow != "false":
        return UNKNOWN
    facts_dir = f"{prefix}facts"
    log = _git(
        root, "log", "--reverse", "--no-renames", "--raw", "--no-abbrev", "--format=%x00%H %cI", "--", "facts", "seeds"
    )
    if log is None:
        return UNKNOWN
    commits = []  # (date, the blobs of the fact files it wrote)
    for entry in log.decode().split("\0")[1:]:
        head, *lines = entry.strip().split("\n")
        blobs = []
        for line in lines:  # ":100644 100644 <old blob> <new blob> M\tfacts/economy.yml"
            meta, _, path = line.partition("\t")
            parts = meta.split()
            if line.startswith(":") and _is_fact_file(path, facts_dir) and parts[4] != "D":
                blobs.append(parts[3])
        commits.append((head.split(" ")[1], blobs))
    if not commits:
        return History(known=True)
    versions = _versions(root, {blob for _, blobs in commits for blob in blobs}, cache)
    if versions is None:
        return UNKNOWN
    added: dict[str, str] = {}
    changed: dict[str, str] = {}
    fields_of: dict[str, str] = {}
    changes = []
    for date, blobs in commits:
        for blob in blobs:
            for fact_id, fields in versions[blob].items():
                if fields_of.get(fact_id) != fields:
                    changes.append(Change(date, "changed" if fact_id in added else "added", fact_id))
                    added.setdefault(fact_id, date)
                    changed[fact_id] = date
                    fields_of[fact_id] = fields
    dates = {fact_id: FactDates(added[fact_id], changed[fact_id]) for fact_id in added}
    return History(dates, tuple(changes), commits[-1][0], known=True)


def _versions(root: Path, blobs: set[str], cache: Path | None) -> dict[str, dict[str, str]] | None:
    """The facts of each file version (blob): id -> digest of its fields. From the cache, and for
    the rest from one ``git cat-file --batch``."""
    known: dict[str, dict[str, str]] = {}
    if cache is not None and cache.is_file():
        try:
            kept = json.loads(cache.read_text(encoding="utf-8"))
            known = kept["versions"] if kept.get("format") == _CACHE_FORMAT else {}
        except (OSError, ValueError, AttributeError, KeyError):
            known = {}  # a damaged cache, or one of another format, is read again from git
    missing = sorted(blobs - known.keys())
    if missing:
        out = _git(root, "cat-file", "--batch", stdin="".join(f"{blob}\n" for blob in missing).encode())
        if out is None:
            return None
        at = 0
        for blob in missing:
            end = out.index(b"\n", at)
            size = int(out[at:end].split()[2])
            known[blob] = _facts_in(out[end + 1 : end + 1 + size])
            at = end + 1 + size + 1  # the content, then a newline
        if cache is not None:
            keep(cache, json.dumps({"format": _CACHE_FORMAT, "versions": known}).encode())
    return known


_CACHE_FORMAT = 1  # what _facts_in keeps of a version: a new rule, a new number


def _facts_in(content: bytes | None) -> dict[str, str]:
    """Each fact of a file's version, by id, as a digest of its fields (a file that does not
    parse, or is not a list of facts, has none)."""
    if content is None:
        return {}
    try:
        records = yaml.load(content, Loader=_LOADER)  # a safe loader, in C or in Python
    except yaml.YAMLError:
        return {}
    if not isinstance(records, list):
        return {}
    return {
        str(record["id"]): hashlib.sha1(json.dumps(record, sort_keys=True, default=str).encode()).hexdigest()[:16]
        for record in records
        if isinstance(record, dict) and "id" in record and record.get("draft") is not True
    }
