"""The Nu HTML Checker (npm vnu-jar, run with the machine's Java) on every page type of every edition."""

import json
import shutil
import subprocess

from browser import unavailable
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = [
    "index.html",
    "sectors/index.html",
    "sectors/new-energy-vehicles/index.html",
    "measures/index.html",
    "measures/nev-production/index.html",
    "measures/nev-production/embed/index.html",
    "timeline/index.html",
    "timeline/2023/index.html",
    "timeline/undated/index.html",
    "people/index.html",
    "sources/index.html",
    "sources/yang-nqpf-high-quality/index.html",
    "fact-index/index.html",
    "check/index.html",
    "downloads/index.html",
    "about/index.html",
    "404.html",
]
# Errors in Material's own templates, not in the project's markup; each with its reason.
KNOWN = [
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        'class="md-toggle"',
        "Material's drawer and search toggles are checkboxes with autocomplete=off, which keeps "
        "Firefox from restoring them checked after a reload.",
    ),
]


def check(paths, *options: str) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        unavailable("Java is not installed (apt-get install default-jre-headless)")
    assert VNU.is_file(), "run `npm ci` (make test does)"
    done = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *options, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return json.loads(done.stderr or done.stdout)["messages"]


def known(message: dict) -> bool:
    return any(text in message["message"] and where in message.get("extract", "") for text, where, _ in KNOWN)


EDITIONS = ("", "zh/", "ur/")  # every page type in every edition


def test_every_page_type_has_no_error_in_the_projects_markup(built_site):
    messages = check(built_site.site / f"{edition}{page}" for edition in EDITIONS for page in PAGES)
    errors = [
        f"{m['url'].rpartition('/site/')[2]}:{m.get('lastLine')}: {m['message']}" for m in messages if not known(m)
    ]
    assert errors == [], "\n".join(errors)
    assert any(known(m) for m in messages)  # the known ones are still there: else drop them from KNOWN


def test_the_checker_reports_what_is_wrong(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(
        "<!DOCTYPE html><html lang=en><title>x</title><p><div>block in a paragraph</div>"
        "<figure><p>x</p><figcaption>a</figcaption><figcaption>b</figcaption></figure>",
        encoding="utf-8",
    )
    assert len(check([page])) >= 1


def test_every_chart_picture_is_valid_svg(built_site):
    pictures = sorted((built_site.site / "data" / "charts").glob("*.svg"))
    assert len(pictures) >= 15
    assert check(pictures, "--svg") == []


def test_the_checker_reports_what_is_wrong_in_an_svg(tmp_path):
    picture = tmp_path / "broken.svg"
    picture.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><bogus/><rect widthx="3"/></svg>',
        encoding="utf-8",
    )
    assert len(check([picture], "--svg")) >= 2
