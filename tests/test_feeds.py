"""The Atom feeds: one entry per change, newest first, each linking its fact and naming its source."""

import dataclasses
import xml.etree.ElementTree as ET

from nqpf.feeds import FEED_ENTRIES, fact_feeds
from nqpf.history import UNKNOWN, Change, FactDates, History
from nqpf.pages import SiteOptions

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = SiteOptions(site_url="https://example.org/facts/", site_name="NQPF Facts")


def with_changes(fact_base, changes):
    dates = {c.fact_id: FactDates(c.date, c.date) for c in changes}
    return dataclasses.replace(fact_base, history=History(dates, tuple(changes), changes[-1].date, known=True))


def test_no_feed_without_the_history_or_the_sites_address(fact_base):
    assert fact_feeds(fact_base, SITE) == []
    assert dataclasses.replace(fact_base, history=UNKNOWN).history.known is False
    dated = with_changes(fact_base, [Change("2026-11-01T00:00:00+00:00", "added", "nev-production-2023")])
    assert fact_feeds(dated, SiteOptions(site_name="x")) == []
    quiet = dataclasses.replace(fact_base, history=History(known=True))  # a history with no fact in it
    assert fact_feeds(quiet, SITE) == []  # a feed's date would have to be made up
    assert [path for path, _ in fact_feeds(dated, SITE)] == ["feeds/facts.xml", "feeds/new-energy-vehicles.xml"]


def test_entries_are_the_latest_changes_first_with_links_and_sources(fact_base):
    ids = [item.fact.id for item in fact_base.facts]
    changes = [Change(f"2026-11-{1 + n % 28:02d}T00:00:{n % 60:02d}+00:00", "added", i) for n, i in enumerate(ids)]
    changes.append(Change("2026-12-01T00:00:00+00:00", "changed", "nev-production-2023"))
    feeds = dict(fact_feeds(with_changes(fact_base, changes), SITE))
    root = ET.fromstring(feeds["feeds/facts.xml"])
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == min(FEED_ENTRIES, len(changes))
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    first = entries[0]
    assert first.find(f"{ATOM}title").text == "Changed: China produced 9.443 million new energy vehicles in 2023."
    assert (
        first.find(f"{ATOM}link").get("href")
        == "https://example.org/facts/sectors/new-energy-vehicles/#nev-production-2023"
    )
    assert first.find(f"{ATOM}summary").text.endswith("drive high-quality development in China”, Business recorder.")
    assert root.find(f"{ATOM}updated").text == "2026-12-01T00:00:00+00:00"
    assert len({e.find(f"{ATOM}id").text for e in entries}) == len(entries)  # one entry per change


def test_contributor_text_in_a_feed_stays_text(fact_base):
    item = fact_base.by_id["nev-production-2023"]
    hostile = dataclasses.replace(item, fact=dataclasses.replace(item.fact, claim="<script>alert(1)</script> & ]]>"))
    base = dataclasses.replace(fact_base, facts=(hostile,))
    base = with_changes(base, [Change("2026-11-01T00:00:00+00:00", "added", "nev-production-2023")])
    root = ET.fromstring(dict(fact_feeds(base, SITE))["feeds/facts.xml"])
    assert root.find(f"{ATOM}entry/{ATOM}title").text == "Added: <script>alert(1)</script> & ]]>"
    assert not list(root.iter("script"))
