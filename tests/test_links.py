"""No broken internal link or anchor in the built site, online and offline builds alike."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from html_tools import read_page


def broken_links(site: Path) -> list[str]:
    pages = {p: read_page(p) for p in site.rglob("*.html")}
    broken = []
    for page_path, page in pages.items():
        if page_path.name == "404.html":
            continue  # served at any depth; its links are relative to the site root
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = (page_path.parent / unquote(parts.path)).resolve() if parts.path else page_path
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page_path.relative_to(site)}: {href} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = (pages.get(target) or read_page(target)).ids
                if parts.fragment not in ids:
                    broken.append(f"{page_path.relative_to(site)}: {href} (no such anchor)")
    return broken


@pytest.mark.parametrize("build", ["built_site", "offline_site"])
def test_every_internal_link_and_anchor_resolves(build, request):
    site = request.getfixturevalue(build).site
    assert broken_links(site) == []


def test_the_walker_sees_a_broken_anchor(tmp_path):
    (tmp_path / "a.html").write_text('<a href="b.html#nope">x</a><a href="c.html">y</a>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<p id="yes">', encoding="utf-8")
    assert broken_links(tmp_path) == ["a.html: b.html#nope (no such anchor)", "a.html: c.html (no such file)"]
