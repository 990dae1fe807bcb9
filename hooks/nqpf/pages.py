"""Page generation: sector pages, timeline, people, source pages, as Markdown strings.

Each page is Markdown with front matter; every fact is a raw HTML block, which Markdown
passes through untouched, so contributor text (escaped by ``esc``) is never re-interpreted.
``render_macros: false`` keeps mkdocs-macros from evaluating anything in generated pages.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus, urlencode

from .charts import Chart, chart_html, chart_of, chart_paths
from .citations import Citation, cite_later, cite_part
from .comparison import comparisons
from .editions import EDITIONS
from .editions import day_label as edition_day
from .history import day_label
from .markup import asset_href, esc, page_url, relative_href
from .model import KINDS, Fact, Source
from .strings import ENGLISH, SiteStrings, marked
from .verify import FactBase, VerifiedFact, in_date_order, normalise

KIND_HEADINGS = {"figure": marked("Figures"), "target": marked("Targets"), "event": marked("Events")}
KIND_NAMES = {"figure": marked("figure"), "target": marked("target"), "event": marked("event")}
SPEAKER_KIND_NAMES = {
    "person": marked("person"),
    "organisation": marked("organisation"),
    "publication": marked("publication"),
}

# A page lists at most this many facts: what a reader downloads does not grow with the fact base.
PAGE_SIZE = 150
SECTOR_CHART_MAX = 20  # a measure with more dated facts is charted on its own page only
CHART_BARS = 40  # a measure's chart draws its latest dated facts
PICTURE_BARS = 12  # and its pictures (SVG, PNG) the latest of those: a picture to share stays small
OTHERS_SHOWN = 5  # a fact card lists at most this many other sources for its period


def _parts(items: list[VerifiedFact]) -> list[list[VerifiedFact]]:
    """``items`` in pages of at most PAGE_SIZE (always at least one page)."""
    return [items[n : n + PAGE_SIZE] for n in range(0, len(items), PAGE_SIZE)] or [[]]


@dataclass(frozen=True)
class SiteOptions:
    """What page generation needs to know about the site being built."""

    directory_urls: bool = True
    repo_url: str | None = None
    site_url: str | None = None
    site_name: str = ""
    language: str = "en"  # the edition being built: en, zh, ur
    strings: SiteStrings = ENGLISH  # the site's own words in its language

    def t(self, english: str, **values: object) -> str:
        """A string of the site in the edition's language (see strings.py)."""
        return self.strings.t(english, **values)

    def escaped(self, english: str) -> str:
        """``t(english)`` escaped for HTML, once for the whole build."""
        return self.strings.escaped(english)

    def day_label(self, timestamp: str) -> str:
        """A day ("2025-03-11...") as the edition writes it: 11 March 2025, 2025年3月11日."""
        edition = EDITIONS.get(self.language)
        return day_label(timestamp) if edition is None else edition_day(dt.date.fromisoformat(timestamp[:10]), edition)

    @classmethod
    def of_config(cls, config: Mapping[str, Any]) -> SiteOptions:
        """The options an mkdocs.yml sets: a loaded MkDocs config or the file's plain mapping."""
        return cls(
            directory_urls=config.get("use_directory_urls", True),
            repo_url=(config.get("extra") or {}).get("repository"),
            site_url=config.get("site_url") or None,
            site_name=config.get("site_name") or "",
            language=(config.get("extra") or {}).get("edition") or "en",
        )


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    title: str
    markdown: str


SITE_FEED = "feeds/facts.xml"  # the Atom feed of facts added and changed


def sector_feed(slug: str) -> str:
    """A sector's Atom feed, from the site's root."""
    return f"feeds/{slug}.xml"


def has_feeds(base: FactBase, options: SiteOptions) -> bool:
    """Feeds need the repository's history (their dates) and the site's address (their links)."""
    return base.history.known and bool(options.site_url)


def sector_feed_title(title: str, options: SiteOptions) -> str:
    return options.t("{site}: {sector}, facts added and changed", site=options.site_name, sector=title)


def sector_src(slug: str, part: int = 1) -> str:
    """A sector's page ("sectors/robotics.md"), or part 2, 3… of it ("sectors/robotics/2.md")."""
    return f"sectors/{slug}.md" if part == 1 else f"sectors/{slug}/{part}.md"


def source_src(slug: str) -> str:
    return f"sources/{slug}.md"


def measure_src(slug: str) -> str:
    return f"measures/{slug}.md"


@functools.lru_cache(maxsize=65536)  # each quote is linked from its fact card and its source page
def passage_id(quote: str) -> str:
    """A stable anchor for a cited passage: the same quote always gets the same id."""
    return "q-" + hashlib.sha1(normalise(quote).encode()).hexdigest()[:10]


def source_label(source: Source, strings: SiteStrings = ENGLISH) -> str:
    """How the site names a source: its title in quotes; else the site's own description of it,
    marked untitled, so that it is never taken for a title the source gives itself."""
    if source.title:
        return f"“{source.title}”" + (f", {source.outlet}" if source.outlet else "")
    if source.label and source.outlet:
        return strings.t("{label} (untitled, {outlet})", label=source.label, outlet=source.outlet)
    if source.label:
        return strings.t("{label} (untitled)", label=source.label)
    if source.outlet:
        return strings.t("an untitled report ({outlet})", outlet=source.outlet)
    return strings.t("an untitled text ({file})", file=source.file_name)


def according_to(item: VerifiedFact, base: FactBase, strings: SiteStrings = ENGLISH) -> str:
    """Who claims the fact: the speaker the source credits, else the source itself."""
    fact = item.fact
    if fact.said_by:
        speaker = base.speakers[fact.said_by]
        return f"{speaker.name}, {speaker.role}"
    return source_label(base.sources[fact.seed], strings)


def fact_page_src(item: VerifiedFact, base: FactBase) -> str:
    """The sector page that shows a fact: the sector's first page, or the part its place falls in."""
    return sector_src(item.fact.sector, base.sector_positions[item.fact.id] // PAGE_SIZE + 1)


def fact_url(item: VerifiedFact, base: FactBase, directory_urls: bool) -> str:
    """A fact's permalink from the site's root: "sectors/robotics/#its-id"."""
    return f"{page_url(fact_page_src(item, base), directory_urls)}#{item.fact.id}"


def measure_url(slug: str, options: SiteOptions) -> str:
    """A measure page's full address (its path when the site names no address)."""
    return absolute_url(options, page_url(measure_src(slug), options.directory_urls))


def fact_href(item: VerifiedFact, base: FactBase, from_src: str, options: SiteOptions) -> str:
    return relative_href(from_src, fact_page_src(item, base), options.directory_urls, item.fact.id)


def report_href(item: VerifiedFact, options: SiteOptions) -> str | None:
    """A link to the "wrong figure" issue form, filled in for this fact."""
    if not options.repo_url:
        return None
    fact_id = quote_plus(item.fact.id)
    return f"{_issue_form(options.repo_url)}&title=Wrong+figure%3A+{fact_id}&fact-id={fact_id}"


@functools.lru_cache(maxsize=4)  # the same for every fact: urlencode is slow at 10,000 facts
def _issue_form(repo_url: str) -> str:
    return f"{repo_url.rstrip('/')}/issues/new?{urlencode({'template': 'wrong-figure.yml'})}"


def front_matter(title: str, **extra: object) -> str:
    """YAML front matter. The theme writes a description into a <meta> element unescaped, so a
    contributor's text (a sector's or a measure's) is HTML-escaped here."""
    if isinstance(extra.get("description"), str):
        extra["description"] = esc(extra["description"])
    fields = {"title": title, "render_macros": False, **extra}
    return "---\n" + "".join(f"{key}: {json.dumps(value)}\n" for key, value in fields.items()) + "---\n\n"


def fact_citation(item: VerifiedFact, base: FactBase, options: SiteOptions) -> Citation:
    fact = item.fact
    url = absolute_url(options, fact_url(item, base, options.directory_urls))
    source = source_label(base.sources[fact.seed], options.strings)
    who = (
        options.t("According to {who}; source: {source}", who=according_to(item, base, options.strings), source=source)
        if fact.said_by
        else options.t("Source: {source}", source=source)
    )
    dates = base.history.of(fact.id)
    return Citation(f"nqpf-{fact.id}", fact.claim, url, options.site_name, who, dates.changed if dates else None)


CITE_PARTS_DIR = "assets/nqpf/cite"  # each page's citations, loaded when a reader opens one


def cite_part_name(src: str) -> str:
    """The name of a page's part of citations: sectors/robotics/2.md -> sectors-robotics-2."""
    return src.removesuffix(".md").replace("/", "-")


def cite_part_path(src: str) -> str:
    """The script of the citations of a page's facts (cite.js names it by its file's name)."""
    return f"{CITE_PARTS_DIR}/{cite_part_name(src)}.js"


def cite_parts(base: FactBase, options: SiteOptions) -> list[tuple[str, str]]:
    """(path, script) of the citations of each sector page's facts."""
    return [
        (cite_part_path(src), cite_part(cite_part_name(src), [fact_citation(item, base, options) for item in part]))
        for slug in base.sectors
        for src, part in _sector_parts(slug, base)
    ]


def fact_card(item: VerifiedFact, base: FactBase, options: SiteOptions, from_src: str) -> str:
    """One fact as an HTML block: value, claim, period, who claims it, its quote and links."""
    fact = item.fact
    source_link = relative_href(from_src, source_src(fact.seed), options.directory_urls, passage_id(fact.quote))
    t = options.t
    meta = [f'<span class="nqpf-kind">{options.escaped(KIND_NAMES[fact.kind])}</span>']
    if fact.period:
        meta.append(f'<time datetime="{esc(fact.period.text)}">{esc(fact.period.label())}</time>')
    meta.append(esc(t("according to {who}", who=according_to(item, base, options.strings))))
    links = [
        f'<a class="nqpf-source-link" href="{esc(source_link)}">{options.escaped("Source passage")}</a>',
        f'<a class="nqpf-permalink" href="#{esc(fact.id)}" aria-label="{options.escaped("Permalink to this fact")}">'
        f"{options.escaped('Permalink')}</a>",
        # cite.js shows it
        f'<button type="button" class="nqpf-copy-link" hidden>{options.escaped("Copy link")}</button>',
    ]
    report = report_href(item, options)
    if report:
        links.append(
            f'<a class="nqpf-report" href="{esc(report)}" rel="noopener">{options.escaped("Report a problem")}</a>'
        )
    value = f'<p class="nqpf-value">{esc(item.display_value)}</p>' if fact.value is not None else ""
    note = (
        f'<p class="nqpf-note">{options.escaped("Note:")} <span{claim_lang(fact, options)}>{esc(fact.note)}</span></p>'
        if fact.note
        else ""
    )
    measured = _measure_line(item, base, options, from_src)
    dates = dates_line(item, base, options)
    cite = cite_later(
        f"nqpf-{fact.id}", asset_href(from_src, cite_part_path(from_src), options.directory_urls), options.strings
    )
    return (
        f'<article class="nqpf-fact nqpf-{esc(fact.kind)}" id="{esc(fact.id)}">\n'
        f"{value}"
        f'<p class="nqpf-claim"{claim_lang(fact, options)}>{esc(fact.claim)}{in_english(fact, options)}</p>\n'
        f'<p class="nqpf-meta">{" · ".join(meta)}</p>\n'
        f'<blockquote class="nqpf-quote"{quote_lang(options)}><p>“{esc(fact.quote)}”</p></blockquote>\n'
        f"{measured}{note}{dates}"
        f'<p class="nqpf-links">{" ".join(links)}</p>\n'
        f"{cite}"
        "</article>"
    )


def claim_lang(fact: Fact, options: SiteOptions) -> str:
    """The lang attribute of a fact's claim and note where they are not in the page's language."""
    return f' lang="{esc(fact.claim_lang)}"' if fact.claim_lang and fact.claim_lang != options.language else ""


def in_english(fact: Fact, options: SiteOptions) -> str:
    """A mark on a claim an edition has not translated: shown in English, and saying so."""
    if not fact.claim_lang or fact.claim_lang == options.language:
        return ""
    return f' <span class="nqpf-untranslated" lang="{esc(options.language)}">{options.escaped("(in English)")}</span>'


def untranslated_page(markdown: str, options: SiteOptions) -> str:
    """A hand-written page an edition does not translate: in English (lang="en"), saying so."""
    notice = options.escaped("This page is not translated yet; it is shown in English.")
    return f'<p class="nqpf-untranslated">{notice}</p>\n\n<div lang="en" markdown>\n\n{markdown}\n\n</div>\n'


def quote_lang(options: SiteOptions) -> str:
    """Quotes and source texts stay as their sources wrote them, in English (lang="en")."""
    return "" if options.language == "en" else ' lang="en"'


def _time(timestamp: str, options: SiteOptions) -> str:
    return f'<time datetime="{esc(timestamp[:10])}">{esc(options.day_label(timestamp))}</time>'


def dates_line(item: VerifiedFact, base: FactBase, options: SiteOptions) -> str:
    """When the fact was added and last changed, as the repository's history says."""
    dates = base.history.of(item.fact.id)
    if dates is None:
        why = options.t("not committed yet") if base.history.known else options.t("unknown")
        return f'<p class="nqpf-dates">{esc(options.t("Added and last changed: {why}", why=why))}</p>\n'
    line = options.strings.html(
        "Added {added} · last changed {changed}",
        added=_time(dates.added, options),
        changed=_time(dates.changed, options),
    )
    return f'<p class="nqpf-dates">{line}</p>\n'


def _measure_line(item: VerifiedFact, base: FactBase, options: SiteOptions, from_src: str) -> str:
    """The fact's measure, linked, and what other sources state for the same period."""
    fact = item.fact
    measure = base.measures.get(fact.measure or "")
    if measure is None:
        return ""
    href = relative_href(from_src, measure_src(measure.slug), options.directory_urls)
    line = f'<p class="nqpf-measure">{options.escaped("Measure:")} <a href="{esc(href)}">{esc(measure.label)}</a></p>\n'
    comparison = comparisons(base).get((measure.slug, fact.period.text)) if fact.period else None
    if comparison is None:
        return line
    disagreeing = {other.fact.id for other in comparison.disagreeing_with(fact.id)}
    differently = {other.fact.id for other in comparison.counted_differently_from(fact.id)}
    listed = [other for other in comparison.facts if other.fact.id != fact.id]

    t = options.t

    def relation(other: VerifiedFact) -> str:
        if other.fact.id in differently:  # both methods named: neither figure contradicts the other
            return t("(counted differently: {method}, against {other})", method=other.fact.method, other=fact.method)
        return t("(disagrees)") if other.fact.id in disagreeing else t("(agrees)")

    others = "".join(
        "<li>"
        + esc(
            t(
                "{value}, according to {who} {relation}",
                value=other.display_value,
                who=according_to(other, base, options.strings),
                relation=relation(other),
            )
        )
        + "</li>"
        for other in listed[:OTHERS_SHOWN]
    )
    more_text = t("{count} more on the measure's page", count=len(listed) - OTHERS_SHOWN)
    more = f'<li><a href="{esc(href)}">{esc(more_text)}</a></li>' if len(listed) > OTHERS_SHOWN else ""
    period = fact.period.label() if fact.period else ""
    return line + (
        # a <section>, not a <div>: Material's search ends an excluded <div> at the first </div> inside it
        f'<section class="nqpf-others"><p>{esc(t("Other sources for {period}:", period=period))}</p>'
        f"<ul>{others}{more}</ul></section>\n"
    )


def _charts(items: list[VerifiedFact], base: FactBase, options: SiteOptions, src: str) -> list[str]:
    """A chart of each measure of the sector with 2 to SECTOR_CHART_MAX dated facts, its data
    folded under it: a longer series is charted on its measure's page only, so that a sector
    page does not grow with it."""
    counts: dict[str, int] = defaultdict(int)
    for item in items:
        if item.fact.measure in base.measures and item.fact.period and item.fact.value is not None:
            counts[item.fact.measure] += 1
    charts = [
        (slug, measure_chart(slug, base, src, options))
        for slug, count in sorted(counts.items())
        if 2 <= count <= SECTOR_CHART_MAX and not base.measures[slug].draft
    ]
    return [
        chart_html(chart, downloads=chart_links(slug, src, options), with_table=True)
        for slug, chart in charts
        if chart is not None
    ]


def measure_chart(
    slug: str, base: FactBase, from_src: str, options: SiteOptions, latest: int = CHART_BARS
) -> Chart | None:
    """The chart of a measure's ``latest`` dated facts, linked from the page ``from_src``."""
    return chart_of(
        base.by_measure.get(slug, []),
        base.measures[slug],
        base.unit_registry,
        lambda item: fact_href(item, base, from_src, options),
        lambda item: source_label(base.sources[item.fact.seed], options.strings),
        latest=latest,
        strings=options.strings,
    )


def chart_links(slug: str, from_src: str, options: SiteOptions) -> tuple[str, str]:
    """Links from a page to the measure's chart as SVG and as PNG."""
    svg, png = chart_paths(slug)
    return asset_href(from_src, svg, options.directory_urls), asset_href(from_src, png, options.directory_urls)


def absolute_url(options: SiteOptions, path: str) -> str:
    """A path of the site as a full address (a picture's og:image must be one), or the path
    itself when the site names no address."""
    return options.site_url.rstrip("/") + "/" + path if options.site_url else path


def _sector_measures(slug: str, base: FactBase, options: SiteOptions, src: str) -> str:
    """The measures of a sector, linked: each gathers one quantity across sources and periods."""
    links = [
        f'<li><a href="{esc(relative_href(src, measure_src(m.slug), options.directory_urls))}">{esc(m.label)}</a></li>'
        for m in sorted(base.measures.values(), key=lambda m: m.label.lower())
        if m.sector == slug and not m.draft and m.slug in base.by_measure
    ]
    items = "\n".join(links)
    heading = options.t("Measures")
    return f'## {heading}\n\n<ul class="nqpf-measure-list" data-search-exclude>\n{items}\n</ul>\n\n' if links else ""


def _pager(src: str, sources: list[str], number: int, options: SiteOptions, label: str) -> str:
    """Links between the parts of a long page: "Part 1 · 2 · 3", the current one not a link."""
    if len(sources) == 1:
        return ""
    links = [
        f'<a href="{esc(relative_href(src, target, options.directory_urls))}">{n}</a>'
        if n != number
        else f'<span aria-current="page">{n}</span>'
        for n, target in enumerate(sources, start=1)
    ]
    return f'<nav class="nqpf-pager" aria-label="{esc(label)}">{options.escaped("Part")} {" · ".join(links)}</nav>\n\n'


def _sector_parts(slug: str, base: FactBase) -> list[tuple[str, list[VerifiedFact]]]:
    """A sector's pages and the facts of each, in date order."""
    items = sorted(base.by_sector.get(slug, []), key=in_date_order)
    return [(sector_src(slug, n), part) for n, part in enumerate(_parts(items), start=1)]


def sector_pages(slug: str, base: FactBase, options: SiteOptions) -> list[GeneratedPage]:
    """A sector's facts, by kind, in parts of at most PAGE_SIZE; its charts on the first part."""
    sector = base.sectors[slug]
    parts = _sector_parts(slug, base)
    items = [item for _, part in parts for item in part]
    sources = [src for src, _ in parts]
    pages = []
    for number, (src, part) in enumerate(parts, start=1):
        title = (
            sector.title
            if number == 1
            else options.t("{title} (part {number} of {count})", title=sector.title, number=number, count=len(parts))
        )
        pager = _pager(src, sources, number, options, options.t("Parts of {title}", title=sector.title))
        # only a sector's first page is in Material's index, which would otherwise grow with the facts
        hidden: dict[str, object] = {"search": {"exclude": True}} if number > 1 else {}
        feed = (
            {"feed": sector_feed(slug), "feed_title": sector_feed_title(sector.title, options)}
            if has_feeds(base, options)
            else {}
        )
        blocks = [
            front_matter(title, description=sector.description, **hidden, **feed),
            f"# {esc(title)}\n\n",
            f"{esc(sector.description)}\n\n",
            pager,
        ]
        charts = _charts(items, base, options, src) if number == 1 else []
        measures = _sector_measures(slug, base, options, src) if number == 1 else ""
        if measures:
            blocks.append(measures)
        if charts:
            trends = options.t("Trends")
            blocks.append(f"## {trends}\n\n<div data-search-exclude>\n\n" + "\n\n".join(charts) + "\n\n</div>\n\n")
        for kind in KINDS:
            group = [i for i in part if i.fact.kind == kind]
            if group:
                cards = "\n\n".join(fact_card(i, base, options, src) for i in group)
                heading = options.t(KIND_HEADINGS[kind])
                blocks.append(f'## {heading}\n\n<div class="nqpf-facts" data-search-exclude>\n\n{cards}\n\n</div>\n\n')
        if not items:
            blocks.append(options.t("No facts in this sector yet.") + "\n")
        blocks.append(pager)
        pages.append(GeneratedPage(src, title, "".join(blocks)))
    return pages


def sectors_index(base: FactBase, options: SiteOptions) -> GeneratedPage:
    src = "sectors/index.md"
    counts = {slug: len(items) for slug, items in base.by_sector.items()}
    rows = "\n".join(
        f'<li><a href="{esc(relative_href(src, sector_src(slug), options.directory_urls))}">'
        f"{esc(sector.title)}</a> "
        f'<span class="nqpf-count">({esc(_facts_counted(counts.get(slug, 0), options))})</span> '
        f'<p class="nqpf-list-note">{esc(sector.description)}</p></li>'
        for slug, sector in base.sectors.items()
    )
    body = f'<ul class="nqpf-sector-list">\n{rows}\n</ul>'
    title = options.t("Sectors")
    return GeneratedPage(src, title, front_matter(title) + f"# {title}\n\n" + body + "\n")


def _facts_counted(count: int, options: SiteOptions) -> str:
    return options.t("{count} fact", count=count) if count == 1 else options.t("{count} facts", count=count)


def timeline_src(year: int | None, part: int = 1) -> str:
    """The page of a year's facts ("timeline/2023.md"; "timeline/2023-2.md" for its second part)."""
    name = "undated" if year is None else str(year)
    return f"timeline/{name}.md" if part == 1 else f"timeline/{name}-{part}.md"


def _entry(item: VerifiedFact, base: FactBase, options: SiteOptions, src: str) -> str:
    """One fact on the timeline: its date, a kind badge, the figure, the claim and who claims it."""
    fact = item.fact
    when = (
        f'<time datetime="{esc(fact.period.text)}">{esc(fact.period.label())}</time>'
        if fact.period
        else f'<span class="nqpf-when">{options.escaped("No date given")}</span>'
    )
    value = f'<strong class="nqpf-entry-value">{esc(item.display_value)}</strong> ' if fact.value is not None else ""
    who = options.t("— according to {who}", who=according_to(item, base, options.strings))
    return (
        f'<li class="nqpf-timeline-entry nqpf-{esc(fact.kind)}">{when} '
        f'<span class="nqpf-badge">{options.escaped(KIND_NAMES[fact.kind])}</span>\n'
        f'<p>{value}<a href="{esc(fact_href(item, base, src, options))}"'
        f"{claim_lang(fact, options)}>{esc(fact.claim)}</a>"
        f"{in_english(fact, options)} "
        f'<span class="nqpf-who">{esc(who)}</span></p></li>'
    )


def _timeline_groups(base: FactBase) -> dict[int | None, list[VerifiedFact]]:
    """Dated facts by year, in date order, then (key None) events and targets left undated."""
    groups: dict[int | None, list[VerifiedFact]] = defaultdict(list)
    for item in sorted(base.facts, key=in_date_order):
        if item.fact.period:
            groups[item.fact.period.year].append(item)
        elif item.fact.kind in ("event", "target"):
            groups[None].append(item)
    return groups


def _year_name(year: int | None, options: SiteOptions) -> str:
    return options.t("Undated events and targets") if year is None else str(year)


# "1 figure", "3 events": each kind's count, singular and plural (each language says them its way)
_KIND_COUNTS = {
    "figure": (marked("{count} figure"), marked("{count} figures")),
    "target": (marked("{count} target"), marked("{count} targets")),
    "event": (marked("{count} event"), marked("{count} events")),
}


def _counted(items: list[VerifiedFact], options: SiteOptions) -> str:
    counts = {kind: sum(i.fact.kind == kind for i in items) for kind in KINDS}
    return options.t(", ").join(options.t(_KIND_COUNTS[kind][n != 1], count=n) for kind, n in counts.items() if n)


def timeline_pages(base: FactBase, options: SiteOptions) -> list[GeneratedPage]:
    """The timeline: an index of years, and a page of each year's facts in date order (in parts
    of at most PAGE_SIZE facts), so that no page carries the whole history."""
    groups = _timeline_groups(base)
    keys = list(groups)
    index_src = "timeline.md"
    rows = "\n".join(
        f'<li><a href="{esc(relative_href(index_src, timeline_src(key), options.directory_urls))}">'
        f"{esc(_year_name(key, options))}</a> "
        f'<span class="nqpf-count">({esc(_counted(groups[key], options))})</span></li>'
        for key in keys
    )
    intro = options.t(
        "Facts in date order, one page a year. A date is shown only as precisely as its source "
        "gives it: a year, a month or a day."
    )
    timeline = options.t("Timeline")
    pages = [
        GeneratedPage(
            index_src,
            timeline,
            front_matter(timeline)
            + f"# {timeline}\n\n"
            + intro
            + "\n\n"
            + (f'<ul class="nqpf-years">\n{rows}\n</ul>\n' if rows else options.t("No dated facts yet.") + "\n"),
        )
    ]
    for position, key in enumerate(keys):
        parts = _parts(groups[key])
        name = _year_name(key, options)
        for number, items in enumerate(parts, start=1):
            src = timeline_src(key, number)
            title = (
                name
                if len(parts) == 1
                else options.t("{title} (part {number} of {count})", title=name, number=number, count=len(parts))
            )
            link = functools.partial(_pager_link, src, options)
            around = [link(index_src, options.t("All years"), "up")]
            if number > 1:
                around.append(
                    link(timeline_src(key, number - 1), options.t("Part {number}", number=number - 1), "prev")
                )
            elif position > 0:
                around.append(link(timeline_src(keys[position - 1]), keys[position - 1], "prev"))
            if number < len(parts):
                around.append(
                    link(timeline_src(key, number + 1), options.t("Part {number}", number=number + 1), "next")
                )
            elif position + 1 < len(keys):
                following = keys[position + 1]
                around.append(link(timeline_src(following), following or options.t("Undated"), "next"))
            label = options.escaped("Timeline pages")
            nav_links = f'<nav class="nqpf-pager" aria-label="{label}">{" · ".join(around)}</nav>\n'
            entries = "\n".join(_entry(i, base, options, src) for i in items)
            intro = esc(
                options.t("The sources give no date for these.")
                if key is None
                else options.t("{counted} in {year}, in date order.", counted=_counted(groups[key], options), year=key)
            )
            hidden = {"search": {"exclude": True}} if number > 1 else {}
            heading = options.t("Timeline: {title}", title=title)
            pages.append(
                GeneratedPage(
                    src,
                    heading,
                    front_matter(heading, **hidden) + f"# {esc(heading)}\n\n{nav_links}\n{intro}\n\n"
                    f'<ol class="nqpf-timeline" data-search-exclude>\n{entries}\n</ol>\n\n{nav_links}',
                )
            )
    return pages


def _pager_link(src: str, options: SiteOptions, target: str, label: object, rel: str) -> str:
    href = relative_href(src, target, options.directory_urls)
    return f'<a href="{esc(href)}" rel="{rel}">{esc(label)}</a>'


# The people page lists this many facts per speaker; the fact index, filtered, lists them all.
PEOPLE_LISTED = 50


def people_page(base: FactBase, options: SiteOptions) -> GeneratedPage:
    """Who said what: each person, organisation or publication with the facts credited to it."""
    src = "people.md"
    title = options.t("People and organisations")
    parts = [
        front_matter(title),
        f"# {title}\n\n",
        options.t("The facts each source credits to a person, an organisation or a publication.") + "\n\n",
    ]
    index = relative_href(src, "fact-index.md", options.directory_urls)
    for slug, speaker in sorted(base.speakers.items(), key=lambda kv: kv[1].name):
        items = sorted(base.by_speaker.get(slug, []), key=in_date_order)
        entries = (
            "\n".join(
                f'<li><a href="{esc(fact_href(i, base, src, options))}"{claim_lang(i.fact, options)}>'
                f"{esc(i.fact.claim)}</a>{in_english(i.fact, options)}</li>"
                for i in items[:PEOPLE_LISTED]
            )
            or f"<li>{options.escaped('No facts yet.')}</li>"
        )
        all_of = options.t(
            "All {count} facts credited to {name}, in the fact index", count=len(items), name=speaker.name
        )
        more = (
            f'<p><a href="{esc(index)}?speaker={esc(slug)}">{esc(all_of)}</a></p>\n'
            if len(items) > PEOPLE_LISTED
            else ""
        )
        parts.append(
            f'<section class="nqpf-speaker" id="{esc(slug)}">\n'
            f"<h2>{esc(speaker.name)}</h2>\n<p{quote_lang(options)}>{esc(speaker.role)}</p>\n"
            f"<p>{options.escaped(SPEAKER_KIND_NAMES[speaker.kind])}</p>\n"
            f"<ul data-search-exclude>\n{entries}\n</ul>\n{more}</section>\n\n"
        )
    return GeneratedPage(src, title, "".join(parts))


def _highlighted(slug: str, base: FactBase, options: SiteOptions, src: str) -> str:
    """The seed's text, escaped, with each cited passage in <mark> and links to its facts."""
    seed = base.seeds[slug]
    citing: dict[str, list[VerifiedFact]] = defaultdict(list)
    spans: dict[str, tuple[int, int]] = {}
    for item in base.by_seed.get(slug, []):
        key = passage_id(item.fact.quote)
        citing[key].append(item)
        spans[key] = (item.start, item.end)
    cuts = sorted({0, len(seed.text), *(s for span in spans.values() for s in span)})
    starts: dict[int, list[str]] = defaultdict(list)
    ends: dict[int, list[str]] = defaultdict(list)
    for key, (start, end) in sorted(spans.items(), key=lambda kv: kv[1]):
        starts[start].append(key)
        ends[end].append(key)
    out = []
    open_passages = 0  # how many cited passages the piece from a to b lies in
    for a, b in itertools.pairwise(cuts):
        first, *others = starts.get(a) or [""]  # "": no passage starts here
        for key in others:
            out.append(f'<span class="nqpf-passage-anchor" id="{key}"></span>')
        open_passages += len(starts.get(a, ()))
        text = esc(seed.text[a:b])
        if open_passages:
            anchor = f' id="{first}"' if first else ""
            out.append(f'<mark{anchor} class="nqpf-passage">{text}</mark>')
        else:
            out.append(text)
        open_passages -= len(ends.get(b, ()))
        for key in ends.get(b, []):
            refs = ", ".join(
                f'<a href="{esc(fact_href(i, base, src, options))}">{esc(i.fact.id)}</a>' for i in citing[key]
            )
            cited_by = options.escaped("cited by")
            out.append(f'<sup class="nqpf-cited-by" lang="{esc(options.language)}">[{cited_by} {refs}]</sup>')
    return "".join(out)


def source_page(slug: str, base: FactBase, options: SiteOptions) -> GeneratedPage:
    source = base.sources[slug]
    src = source_src(slug)
    t = options.t
    title = source.title or (
        t("{label} (untitled)", label=source.label)
        if source.label
        else t("Untitled source ({file})", file=source.file_name)
    )
    unknown = f'<span class="nqpf-unknown">{options.escaped("not stated in the text")}</span>'
    english = quote_lang(options)  # what the text states about itself is in its language
    rows = "".join(
        f'<tr><th scope="row">{options.escaped(label)}</th>'
        f"<td{english if value else ''}>{esc(value) if value else unknown}</td></tr>"
        for label, value in (
            (marked("Title"), source.title),
            (marked("Outlet"), source.outlet),
            (marked("Author"), source.author),
            (marked("Date"), source.date.label() if source.date else None),
            (marked("Place"), source.place),
            (marked("File"), f"seeds/{source.file_name}"),
        )
    )
    count = len(base.by_seed.get(slug, []))
    note = f"<p{english}>{esc(source.note)}</p>\n" if source.note else ""
    cited = (
        t("1 fact cites this text; its passage is highlighted below.")
        if count == 1
        else t("{count} facts cite this text; their passages are highlighted below.", count=count)
    )
    body = (
        f'<div data-search-exclude>\n<table class="nqpf-metadata">{rows}</table>\n{note}<p>{esc(cited)}</p>\n</div>\n'
    )
    text = f'<div class="nqpf-seed-text" data-search-exclude{english}>{_highlighted(slug, base, options, src)}</div>'
    # Source pages stay out of Material's index (it would grow with the sources): the Sources
    # page lists them, and the fact index finds them by name.
    full_text = t("Full text")
    markdown = front_matter(title, search={"exclude": True}) + f"# {esc(title)}\n\n{body}\n## {full_text}\n\n{text}\n"
    return GeneratedPage(src, title, markdown)


def sources_index(base: FactBase, options: SiteOptions) -> GeneratedPage:
    src = "sources/index.md"
    items = "\n".join(
        f'<li><a href="{esc(relative_href(src, source_src(slug), options.directory_urls))}">'
        f"{esc(source_label(source, options.strings))}</a>"
        f"{' — ' + esc(source.date.label()) if source.date else ''}</li>"
        for slug, source in base.sources.items()
    )
    intro = options.t(
        "The source texts, unchanged. Each cited passage is highlighted and links to "
        "the facts that quote it. Metadata the texts do not state is shown as such."
    )
    title = options.t("Sources")
    return GeneratedPage(
        src,
        title,
        front_matter(title)
        + f"# {title}\n\n"
        + intro
        + "\n\n"
        + f'<ul class="nqpf-source-list" data-search-exclude>\n{items}\n</ul>\n',
    )


def generate_pages(base: FactBase, options: SiteOptions) -> list[GeneratedPage]:
    """Every generated page of the site."""
    return [
        sectors_index(base, options),
        *(page for slug in base.sectors for page in sector_pages(slug, base, options)),
        *timeline_pages(base, options),
        people_page(base, options),
        sources_index(base, options),
        *(source_page(slug, base, options) for slug in base.sources),
    ]


# Every page embeds the whole navigation, so its size multiplies into build time and page
# weight. Up to this many sources are listed in it; beyond, the Sources page lists them.
NAV_SOURCES_MAX = 20


def nav(base: FactBase, strings: SiteStrings = ENGLISH) -> list[Any]:
    """The site navigation, in the order readers need it."""
    t = strings.t
    sources: list[Any] = ["sources/index.md"]
    if len(base.sources) <= NAV_SOURCES_MAX:
        sources += ({source_label(s, strings).strip("“”"): source_src(slug)} for slug, s in base.sources.items())
    return [
        {t("Home"): "index.md"},
        {t("Fact index"): "fact-index.md"},
        {t("Check a text"): "check.md"},
        {t("Sectors"): ["sectors/index.md", *({s.title: sector_src(slug)} for slug, s in base.sectors.items())]},
        {t("Measures"): "measures/index.md"},
        {t("Timeline"): "timeline.md"},
        {t("People and organisations"): "people.md"},
        {t("Sources"): sources},
        {t("Downloads"): "downloads.md"},
        {t("About"): "about.md"},
    ]
