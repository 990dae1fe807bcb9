"""Small readers of built HTML, for tests: ids, links and marks of a page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class PageReader(HTMLParser):
    """Collects element ids, link targets, <mark> passages and inline event handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}
        self.hrefs: list[str] = []
        self.marks: list[dict] = []
        self.event_handlers: list[str] = []
        self._in_mark: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids[attributes["id"]] = tag
        if tag == "a" and attributes.get("href") is not None:
            self.hrefs.append(attributes["href"])
        if tag == "link" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        if tag in ("script", "img") and attributes.get("src"):
            self.hrefs.append(attributes["src"])
        if tag == "mark":
            self._in_mark = {"id": attributes.get("id"), "text": ""}
            self.marks.append(self._in_mark)
        self.event_handlers += [f"{tag}[{name}]" for name in attributes if name.startswith("on")]

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = None

    def handle_data(self, data):
        if self._in_mark is not None:
            self._in_mark["text"] += data


def read_page(path: Path) -> PageReader:
    reader = PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def page_for_url(site: Path, url: str) -> Path:
    """The file a site-relative URL (without fragment) serves."""
    path = site / url
    return path / "index.html" if url.endswith("/") or url == "" else path
