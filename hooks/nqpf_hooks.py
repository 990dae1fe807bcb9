"""MkDocs adapter for the nqpf pipeline. Each event is thin: it calls plain functions.

MkDocs puts this folder on sys.path only while this file's top level runs, so the
``nqpf`` package is imported here, at the top.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from nqpf.check_page import check_assets, measure_places
from nqpf.comparison import comparisons
from nqpf.edition_base import edition_base
from nqpf.editions import EDITIONS, Edition, edition_links
from nqpf.exports import dataset_jsonld, fact_records, facts_csv, facts_json, measure_downloads
from nqpf.feeds import fact_feeds, site_feed_title
from nqpf.forked import beside
from nqpf.history import day_label, read_history
from nqpf.loading import ProjectPaths
from nqpf.macros import FactMacros, HomeMacros, check_macro_calls
from nqpf.markup import asset_href, json_for_script
from nqpf.measure_pages import chart_files, embed_pages
from nqpf.offline import SHIM_ASSET, ZIP_NAME, localise_shim, shim_path, zip_path
from nqpf.pages import SITE_FEED, SiteOptions, cite_parts, has_feeds, nav, untranslated_page
from nqpf.problems import FactsInvalid, Problem
from nqpf.search import fact_index_assets
from nqpf.site_pages import every_page
from nqpf.strings import script_strings
from nqpf.translations import EditionTexts, check_languages, load_editions
from nqpf.verify import FactBase, build_fact_base


@dataclass
class _Build:
    """The one piece of state MkDocs events share: the build in progress."""

    base: FactBase | None = None
    editions: dict[str, EditionTexts] = field(default_factory=dict)  # by language: zh, ur
    places: dict[str, str | None] = field(default_factory=dict)  # each measure's place, untranslated: the checker's
    options: SiteOptions = field(default_factory=SiteOptions)
    offline: bool = False
    timings: dict[str, float] = field(default_factory=dict)  # seconds, for `make bench`
    cpu_started: float = 0.0  # this process's CPU seconds when the hooks began


_build = _Build()


@contextmanager
def _no_cycle_collection():
    """Pause Python's cycle collector while the pipeline runs.

    The pipeline makes about a million small objects (10,000 facts) that live until the build
    ends and form no reference cycles; the collector would walk them all several times and
    free nothing (about 10% of the hooks' time at 10,000 facts). Reference counting still
    frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _fail(error: FactsInvalid) -> PluginError:
    return PluginError(f"{error}\nRun `make check` for the same report; see CONTRIBUTING.md.")


def _edition(config: MkDocsConfig) -> Edition | None:
    """The edition this build makes (NQPF_EDITION=zh|ur; English when unset), set in the config:
    the theme's language (Material's own strings, and right to left for Urdu), the site's URL and
    ``extra.editions``, which the language switcher and the sitemap read."""
    code = os.environ.get("NQPF_EDITION", "en") or "en"
    if code != "en" and code not in EDITIONS:
        raise PluginError(f"NQPF_EDITION={code!r} is no edition: use one of en, {', '.join(EDITIONS)}")
    edition = EDITIONS.get(code)
    root_url = config.site_url or ""
    if edition is not None:
        config.theme["language"] = code
        config.site_url = f"{root_url}{code}/" if root_url else None
        config.extra["edition"] = code
    config.extra["alternate"] = True  # Material shows its language menu; overrides/partials/alternate.html fills it
    config.extra["editions"] = edition_links(code, root_url)
    return edition


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and verify every fact before MkDocs cleans or writes anything."""
    started = time.perf_counter()
    _build.timings = {}
    _build.cpu_started = time.process_time()
    root = Path(config.config_file_path).parent
    try:
        with _no_cycle_collection():
            base, _coverage = build_fact_base(ProjectPaths(root), _build.timings)
        dated = time.perf_counter()
        base = dataclasses.replace(base, history=read_history(root, ProjectPaths(root).history_cache))
        _build.timings["history_s"] = time.perf_counter() - dated
        compared = time.perf_counter()
        _ = comparisons(base)  # every measure and period, compared once for all pages
        _build.timings["compare_s"] = time.perf_counter() - compared
        translated = time.perf_counter()
        edition = _edition(config)
        # every number of every translation checked: by the English build all editions' (so that
        # `mkdocs build` alone refuses any), by another edition's build its own
        _build.editions, problems = load_editions(
            ProjectPaths(root), base, edition.code if edition else None, texts=edition is not None
        )
        problems += check_macro_calls(Path(config.docs_dir), base)
        if problems:
            raise FactsInvalid(problems)
        _build.places = measure_places(base)
        if edition is not None:
            base = edition_base(base, _build.editions[edition.code])
        _build.timings["translations_s"] = time.perf_counter() - translated
    except FactsInvalid as error:
        raise _fail(error) from None
    _build.base = base
    if base.history.data_changed:  # the footer of every page says how fresh the data is
        config.copyright = f"{config.copyright or ''} Data last changed {day_label(base.history.data_changed)}.".strip()
    _build.options = SiteOptions.of_config(config)
    if edition is not None:
        strings = _build.editions[edition.code].site_strings()
        _build.options = dataclasses.replace(_build.options, strings=strings)
        # the scripts' own words (strings.js reads them from every page's head)
        config.extra["strings"] = json_for_script(
            {english: strings.t(english) for english in script_strings() if english in strings.table}
        )
    if has_feeds(base, _build.options):
        config.extra["feed"] = SITE_FEED  # linked from every page's head (overrides/main.html)
        config.extra["feed_title"] = site_feed_title(_build.options)
    _build.offline = "material/offline" in config.plugins or "offline" in config.plugins
    if _build.offline and not shim_path(root).is_file():
        raise PluginError(f"The offline build needs {shim_path(root)}: run `npm ci` (`make offline` does).")
    if not config.nav:
        config.nav = nav(base, _build.options.strings)
    macros = config.plugins.get("macros")
    if macros is not None:
        bound = FactMacros(base, _build.options)
        home = HomeMacros(base, _build.options)
        macros.register_macros(
            {
                "fact": lambda fact_id: bound.fact(fact_id, macros.page.file.src_uri),
                "fact_claim": lambda fact_id: bound.fact_claim(fact_id, macros.page.file.src_uri),
                "figure_card": lambda fact_id: bound.figure_card(fact_id, macros.page.file.src_uri),
                "ways_in": lambda: home.ways_in(macros.page.file.src_uri),
                "latest_facts": lambda: home.latest_facts(macros.page.file.src_uri),
                "offline_bundle_link": lambda: _offline_bundle_link(root, config, macros.page.file.src_uri),
                "dataset_jsonld": lambda: dataset_jsonld(
                    base, name=config.site_name, description=config.site_description or "", site_url=config.site_url
                ),
            }
        )
    _build.timings["config_s"] = time.perf_counter() - started
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the generated pages, the fact index and the data downloads; in another edition, put
    its translation in place of each hand-written page it translates."""
    base, options = _build.base, _build.options
    assert base is not None, "on_config verifies the facts first"
    if options.language != "en":
        translated = _build.editions[options.language].pages
        for file in list(files.documentation_pages()):
            if file.src_uri in translated:
                files.remove(file)
                files.append(File.generated(config, file.src_uri, content=translated[file.src_uri]))
    started = time.perf_counter()
    root = Path(config.config_file_path).parent
    records = fact_records(base, options.directory_urls)

    def made_here() -> list[tuple[str, str]]:
        pages = [(page.src_uri, page.markdown) for page in every_page(base, options)]
        _build.timings["pages_s"] = time.perf_counter() - started
        return [
            *pages,
            ("facts.json", facts_json(records)),
            ("facts.csv", facts_csv(records)),
            *measure_downloads(base),
            *chart_files(base, options, ProjectPaths(root).chart_cache),
            *embed_pages(base, options),
            *fact_feeds(base, options),
        ]

    problems: list[Problem] = []
    languages = check_languages(ProjectPaths(root), base.vocabulary, base.units, problems)  # the texts /check/ reads
    if problems:
        raise FactsInvalid(problems)

    def made_beside() -> list[tuple[str, str]]:  # about half of the work, in a child when it can
        checked = check_assets(base, options, records, languages, _build.places)
        return [*fact_index_assets(base, options), *checked, *cite_parts(base, options)]

    with _no_cycle_collection():
        here, there, ran = beside(made_here, made_beside)
    for dest, content in [*here, *there]:
        files.append(File.generated(config, dest, content=content))
    done = time.perf_counter()
    _build.timings.update(outputs_s=done - started - _build.timings["pages_s"], forked=float(ran.forked))
    _build.timings["cpu_s"] = time.process_time() - _build.cpu_started + ran.child_cpu_s
    if _build.offline:
        files.append(File.generated(config, SHIM_ASSET, abs_src_path=str(shim_path(root))))
    elif zip_path(root).is_file():
        files.append(File.generated(config, ZIP_NAME, abs_src_path=str(zip_path(root))))
    return files


def _offline_bundle_link(root: Path, config: MkDocsConfig, page_src: str) -> str:
    """A link to the offline zip when this build publishes it, else how to build it."""
    if zip_path(root).is_file() and not _build.offline:
        size = zip_path(root).stat().st_size / 1_000_000
        href = asset_href(page_src, ZIP_NAME, config.use_directory_urls)
        return f'<a href="{href}">{ZIP_NAME}</a> ({size:.1f} MB)'
    # a local `make site` has no zip to link: say where the published one is and how to make it
    return (
        f"`{ZIP_NAME}` (not in this build: the published site links it; to make it here, run "
        "`make offline`, then `make site`)"
    )


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """In another edition, a hand-written page it does not translate is shown in English, marked."""
    options = _build.options
    if (
        options.language == "en"
        or page.file.generated_by
        or page.file.src_uri in _build.editions[options.language].pages
    ):
        return markdown
    return untranslated_page(markdown, options)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """In the offline build, pages load the iframe-worker shim from the site, not a CDN."""
    if not _build.offline:
        return output
    return localise_shim(output, page.file.src_uri, config.use_directory_urls)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return localise_shim(output_content, None, config.use_directory_urls) if _build.offline else output_content


def on_post_build(*, config: MkDocsConfig) -> None:
    """With NQPF_TIMINGS=path (set by `make bench`), write where the hooks spent their time."""
    if target := os.environ.get("NQPF_TIMINGS"):
        Path(target).write_text(json.dumps(_build.timings), encoding="utf-8")
