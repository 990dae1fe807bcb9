"""Every generated page of the site, in one list: the hooks and the benchmark's baseline both
build exactly these."""

from __future__ import annotations

from .check_page import check_page
from .measure_pages import measure_pages
from .pages import GeneratedPage, SiteOptions, generate_pages
from .search import fact_index_page
from .verify import FactBase


def every_page(base: FactBase, options: SiteOptions) -> list[GeneratedPage]:
    return [
        *generate_pages(base, options),
        *measure_pages(base, options),
        fact_index_page(base, options),
        check_page(options),
    ]
