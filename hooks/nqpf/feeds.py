"""Atom feeds of facts added and changed: one for the whole site, one per sector (feedgen).

Each entry is one commit's change to one fact, so that a feed reader sees a change to a fact it
has already shown. An entry links the fact's permalink and names the fact's source; its text is
the fact as it reads now. Without the repository's history, or without the site's address (an
Atom entry needs an absolute link), there are no feeds: no date is invented.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from .history import Change
from .pages import (
    SITE_FEED,
    SiteOptions,
    absolute_url,
    according_to,
    fact_url,
    has_feeds,
    sector_feed,
    sector_feed_title,
    source_label,
)
from .strings import marked
from .verify import FactBase

FEED_ENTRIES = 50  # the latest changes a feed holds
CHANGE_TITLES = {"added": marked("Added: {claim}"), "changed": marked("Changed: {claim}")}


def fact_feeds(base: FactBase, options: SiteOptions) -> list[tuple[str, bytes]]:
    """(path, Atom document) of the site's feed and of each sector's feed with a change."""
    if not has_feeds(base, options):
        return []
    changes = [c for c in base.history.changes if c.fact_id in base.by_id]
    if not changes:  # an Atom feed needs the date of its latest entry: none is made up
        return []
    feeds = [(SITE_FEED, _feed(base, options, changes, SITE_FEED, site_feed_title(options)))]
    by_sector: dict[str, list[Change]] = {}
    for change in changes:
        by_sector.setdefault(base.by_id[change.fact_id].fact.sector, []).append(change)
    for slug, sector in base.sectors.items():
        mine = by_sector.get(slug, [])
        if mine:
            title = sector_feed_title(sector.title, options)
            feeds.append((sector_feed(slug), _feed(base, options, mine, sector_feed(slug), title)))
    return feeds


def site_feed_title(options: SiteOptions) -> str:
    return options.t("{site}: facts added and changed", site=options.site_name)


def _feed(base: FactBase, options: SiteOptions, changes: list[Change], path: str, title: str) -> bytes:
    latest = sorted(changes, key=lambda c: (c.date, c.fact_id), reverse=True)[:FEED_ENTRIES]
    feed = FeedGenerator()
    feed.id(absolute_url(options, path))
    feed.title(title)
    t = options.t
    feed.subtitle(t("Each entry is a fact added to the base or changed, with the source it comes from."))
    feed.link(href=absolute_url(options, path), rel="self", type="application/atom+xml")
    feed.link(href=absolute_url(options, ""), rel="alternate", type="text/html")
    feed.language(options.language)
    feed.author({"name": t("{site} contributors", site=options.site_name)})
    feed.updated(_when(latest[0].date))
    for change in latest:
        item = base.by_id[change.fact_id]
        fact = item.fact
        link = absolute_url(options, fact_url(item, base, options.directory_urls))
        entry = feed.add_entry(order="append")
        entry.id(_entry_id(options, change))
        entry.title(t(CHANGE_TITLES[change.kind], claim=fact.claim))
        entry.link(href=link, rel="alternate", type="text/html")
        entry.updated(_when(change.date))
        entry.published(_when(change.date))
        entry.category(term=fact.sector, label=base.sectors[fact.sector].title)
        value = f"{item.display_value}. " if fact.value is not None else ""
        source = source_label(base.sources[fact.seed], options.strings)
        who = according_to(item, base, options.strings)
        speaker = " " + t("According to {who}.", who=who) if fact.said_by else ""
        entry.summary(f"{value}{fact.claim}{speaker} " + t("Source: {source}.", source=source))
    return bytes(feed.atom_str(pretty=True))


def _entry_id(options: SiteOptions, change: Change) -> str:
    """A tag URI (RFC 4151) per change, not per fact: a reader sees each change as new."""
    host = urlsplit(options.site_url or "").hostname or "localhost"
    return f"tag:{host},{change.date[:10]}:fact/{change.fact_id}/{change.kind}/{change.date}"


def _when(timestamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(timestamp)
