"""Shared fixtures: the real project, temporary copies of it, and real MkDocs builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest
from browser import browser, serve  # noqa: F401 - one Chromium for the whole session
from hypothesis import settings

from nqpf.editions import EDITIONS
from nqpf.loading import ProjectPaths, load_inputs
from nqpf.model import Fact
from nqpf.offline import write_zip
from nqpf.verify import build_fact_base

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
PROJECT_PARTS = (
    "mkdocs.yml",
    "mkdocs.offline.yml",
    "docs",
    "overrides",
    "facts",
    "seeds",
    "translations",
    "hooks",
    "node_modules",
)


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str
    site: Path


def timings_path(site: Path) -> Path:
    """Where ``run_build`` has the hooks write their timings (and whether they forked)."""
    return site.parent / f"{site.name}-timings.json"


def run_build(root: Path, site: Path, *extra: str, env: dict[str, str] | None = None) -> BuildResult:
    """``mkdocs build --strict`` of the project in ``root`` into ``site`` (``env``: more variables)."""
    done = subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site), *extra],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            "PATH": "/usr/bin:/bin",
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": "1700000000",
            "NQPF_TIMINGS": str(timings_path(site)),
            **(env or {}),
        },
        check=False,
    )
    return BuildResult(done.returncode, done.stdout + done.stderr, site)


def run_site_build(root: Path, site: Path, *extra: str, env: dict[str, str] | None = None) -> BuildResult:
    """The whole site, as `make site` builds it: English into ``site``, then each other edition
    into ``site/<code>`` (NQPF_EDITION); the first failing build's result, else the last one's."""
    result = run_build(root, site, *extra, env=env)
    output = result.output
    for code in EDITIONS:
        if result.returncode != 0:
            break
        timings = site.parent / f"{site.name}-{code}-timings.json"  # beside the site, not in it
        edition = run_build(
            root, site / code, *extra, env={**(env or {}), "NQPF_EDITION": code, "NQPF_TIMINGS": str(timings)}
        )
        result = BuildResult(edition.returncode, edition.output, site)
        output += edition.output
    return BuildResult(result.returncode, output, site)


def nqpf(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """The command line, ``python -m nqpf ARGS``, in a new process, as contributors run it."""
    return subprocess.run(
        [sys.executable, "-m", "nqpf", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "hooks")},
        timeout=timeout,
        check=False,
    )


def add_source(project: Path, slug: str, text: str, **fields: str) -> None:
    """A new seed in a project copy: its text as seeds/zz-<slug>.txt and its sources.yml entry
    (metadata null; ``fields`` add YAML fields such as label or note, written as given)."""
    (project / "seeds" / f"zz-{slug}.txt").write_text(text, encoding="utf-8")
    extra = "".join(f"  {name}: {value}\n" for name, value in fields.items())
    with (project / "seeds" / "sources.yml").open("a", encoding="utf-8") as out:
        out.write(
            f"\n- slug: {slug}\n  file: zz-{slug}.txt\n  title: null\n  outlet: null\n  author: null\n"
            f"  date: null\n  place: null\n{extra}"
        )


def fact_quoting(quote: str, **fields) -> Fact:
    """A fact of seed 'a-seed' quoting ``quote``, as facts/economy.yml:3 would hold it (its unit
    on line 8, a qualifier on line 9); ``fields`` set or override the rest."""
    fields = {"unit": "vehicles", "id": "a-fact", **fields}
    if isinstance(fields.get("value"), str):
        fields["value"] = Fraction(fields["value"])
    lines = {"unit": 8, **({"qualifier": 9} if "qualifier" in fields else {})}
    return Fact(
        claim="A claim.",
        kind="figure",
        sector="economy",
        seed="a-seed",
        quote=quote,
        file="facts/economy.yml",
        line=3,
        lines=lines,
        **fields,
    )


def copy_project(target: Path) -> Path:
    """A copy of the project's inputs and build files, safe to break."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if part == "node_modules":  # read only, and 200 MB with Lighthouse: linked, not copied
            if source.is_dir():
                (target / part).symlink_to(source, target_is_directory=True)
        elif source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"), symlinks=True)
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture(scope="session")
def paths() -> ProjectPaths:
    return ProjectPaths(ROOT)


@pytest.fixture(scope="session")
def inputs(paths):
    loaded, problems = load_inputs(paths)
    assert problems == []
    return loaded


@pytest.fixture(scope="session")
def fact_base(paths):
    return build_fact_base(paths)[0]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuildResult:
    """The real site, built once per test session from the real project."""
    result = run_site_build(ROOT, tmp_path_factory.mktemp("build") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served over http on a loopback port."""
    url, server = serve(built_site.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> BuildResult:
    """The offline build (use_directory_urls off, Material's offline plugin), built once."""
    result = run_site_build(
        ROOT, tmp_path_factory.mktemp("offline") / "site", "--config-file", str(ROOT / "mkdocs.offline.yml")
    )
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def unzipped(offline_site, tmp_path_factory):
    """The offline bundle as a reader gets it: the zip, unpacked somewhere else."""
    folder = tmp_path_factory.mktemp("unzipped")
    write_zip(offline_site.site, folder / "bundle.zip")
    with zipfile.ZipFile(folder / "bundle.zip") as archive:
        archive.extractall(folder)
    return folder / "nqpf-facts-offline"


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


# Fixtures that build the site or run the pipeline in another process. `make mutation`
# (bench/mutation.py) sets NQPF_IN_PROCESS_ONLY and leaves their tests out: a mutant lives only
# in the test process, and a site build per mutant would make the run take hours.
OTHER_PROCESS_FIXTURES = {
    "built_site",
    "offline_site",
    "site_url",
    "browser",
    "project_copy",
    "broken_project",
    "drafted_projects",
    "lint_copy",
}


def pytest_collection_modifyitems(config, items):
    if not os.environ.get("NQPF_IN_PROCESS_ONLY"):
        return
    left_out = [item for item in items if OTHER_PROCESS_FIXTURES & set(getattr(item, "fixturenames", ()))]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]


# Property-based tests: the same examples on every run, so a CI failure can be replayed;
# HYPOTHESIS_PROFILE=explore searches afresh (and more) on a developer's machine.
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
settings.register_profile("explore", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
