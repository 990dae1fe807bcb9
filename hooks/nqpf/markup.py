"""Safe text for HTML: every contributor string passes through here before it is shown."""

from __future__ import annotations

import functools
import json
import posixpath
import re

# HTML's special characters, those Markdown acts on even inside inline HTML, and Jinja's
# delimiters, each as a numeric entity in one pass: they display the same but are inert.
_SPECIAL = "&<>\"'*_`[]{}\\|#!~^$"
_ENTITIES = {c: f"&#{ord(c)};" for c in _SPECIAL}
_SPECIAL_RE = re.compile(f"[{re.escape(_SPECIAL)}]")


def _entity(match: re.Match[str]) -> str:
    return _ENTITIES[match.group()]


def esc(text: object) -> str:
    """Text safe in HTML content and double-quoted attributes, inert for Markdown and Jinja."""
    # one regex pass: most texts hold no special character, the rest only a few
    return _SPECIAL_RE.sub(_entity, str(text))


def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a page: sectors/ai.md -> sectors/ai/ (or sectors/ai.html)."""
    stem = src_uri[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_href(from_src: str, to_src: str, directory_urls: bool, anchor: str = "") -> str:
    """A link from one page to another (and an anchor on it) that works on any host and on disk."""
    fragment = f"#{anchor}" if anchor else ""
    if from_src == to_src:
        return fragment or "#"
    return _relative_page(from_src, to_src, directory_urls) + fragment


@functools.lru_cache(maxsize=65536)  # a large site links the same pairs of pages many times
def _relative_page(from_src: str, to_src: str, directory_urls: bool) -> str:
    target = page_url(to_src, directory_urls)
    relative = _relative_path(target, _page_dir(from_src, directory_urls))
    if target.endswith("/") or target == "":
        relative = "./" if relative == "." else relative + "/"
    return relative


def _relative_path(target: str, start: str) -> str:
    """posixpath.relpath for site paths (relative, no '.' or '..' parts), without its file
    system calls: a 10,000-fact site has 20,000 pairs of pages to link."""
    start_parts = [part for part in start.split("/") if part]
    target_parts = [part for part in target.split("/") if part]
    common = 0
    while common < min(len(start_parts), len(target_parts)) and start_parts[common] == target_parts[common]:
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + target_parts[common:]) or "."


def asset_href(from_src: str, asset: str, directory_urls: bool) -> str:
    """A link from a page to a file of the site (assets/x.js), relative so it works on disk."""
    return _relative_path(asset, _page_dir(from_src, directory_urls))


def _page_dir(src_uri: str, directory_urls: bool) -> str:
    """The folder a page's links start from: "sectors/ai" for sectors/ai.md ("" at the root)."""
    here = page_url(src_uri, directory_urls)
    return here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)


def json_for_script(data: object, *, compact: bool = False) -> str:
    """JSON that is safe inside <script>: no text can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, **({"separators": (",", ":")} if compact else {"indent": 1}))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def part_script(callback: str, name: str, payload: object) -> str:
    """A data part as a script that hands ``payload`` to window[callback] (parts.js loads it)."""
    return f"window.{callback}({json_for_script(name)}, {json_for_script(payload, compact=True)});\n"
