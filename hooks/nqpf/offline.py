"""The offline bundle: no URL outside the site, a reproducible zip.

Material's ``offline`` plugin points pages at a CDN copy of the iframe-worker shim (so its
search worker can start from file://). The build copies the shim from the npm package
instead (``npm ci`` installs it) and points pages at that copy.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .markup import asset_href

IFRAME_WORKER_CDN = "https://unpkg.com/iframe-worker/shim"
SHIM_ASSET = "assets/nqpf/iframe-worker-shim.js"
ZIP_NAME = "nqpf-facts-offline.zip"


def zip_path(root: Path) -> Path:
    """Where `make offline` leaves the bundle; the online build publishes it when present."""
    return root / "dist" / ZIP_NAME


def shim_path(root: Path) -> Path:
    return root / "node_modules" / "iframe-worker" / "shim" / "index.js"


def localise_shim(html: str, page_src: str | None, directory_urls: bool) -> str:
    """Point a page at the site's own copy of the shim instead of the CDN."""
    href = asset_href(page_src, SHIM_ASSET, directory_urls) if page_src else SHIM_ASSET
    return html.replace(IFRAME_WORKER_CDN, href)


def write_zip(site: Path, target: Path, folder: str = "nqpf-facts-offline") -> int:
    """Zip ``site`` into ``target`` byte for byte reproducibly; returns the size in bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", (1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return target.stat().st_size


if __name__ == "__main__":
    import sys

    size = write_zip(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sys.argv[2]}: {size:,} bytes")
