"""The engine escape hatch: properdocs (a maintained fork of MkDocs 1.6) builds the project
unchanged, and every page's article is the same as MkDocs makes it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from nqpf.editions import EDITIONS

ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def articles(site: Path) -> dict[str, str]:
    """Each page's <article> element, by its path in the site (the English edition's pages)."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] in EDITIONS:
            continue
        match = ARTICLE.search(page.read_text(encoding="utf-8"))
        found[page.relative_to(site).as_posix()] = match.group() if match else ""
    return found


def test_properdocs_builds_the_same_pages_as_mkdocs(built_site, tmp_path):
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1700000000"},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    with_properdocs, with_mkdocs = articles(site), articles(built_site.site)
    assert sorted(with_properdocs) == sorted(with_mkdocs)
    assert sum(bool(article) for article in with_mkdocs.values()) >= 20  # the pages have articles to compare
    differing = [page for page, article in with_mkdocs.items() if with_properdocs[page] != article]
    assert differing == [], f"properdocs and MkDocs write different articles on {differing}"
