"""The macros of hand-written pages: the home page's ways in and its latest facts."""

import dataclasses
import re

from nqpf.history import Change, FactDates, History
from nqpf.macros import LATEST_SHOWN, HomeMacros
from nqpf.pages import SiteOptions


def test_the_ways_in_are_a_search_form_that_needs_no_script_and_two_links():
    html = HomeMacros(None, SiteOptions()).ways_in("index.md")
    assert '<form class="nqpf-home-search" action="fact-index/" method="get" role="search">' in html
    assert 'name="q"' in html
    assert 'href="check/">Check a text</a>' in html
    assert 'href="measures/">Browse measures</a>' in html
    offline = HomeMacros(None, SiteOptions(directory_urls=False)).ways_in("index.md")
    assert 'action="fact-index.html"' in offline


def test_the_latest_facts_are_the_last_added_or_else_the_latest_periods_said_so(fact_base):
    undated = HomeMacros(fact_base, SiteOptions()).latest_facts("index.md")
    assert "this build has no record of when facts were added" in undated
    assert len(re.findall("<li>", undated)) == LATEST_SHOWN
    last = "service-robot-production-2023"
    dates = {i.fact.id: FactDates("2026-11-01T00:00:00+00:00", "2026-11-01T00:00:00+00:00") for i in fact_base.facts}
    dates[last] = FactDates("2026-11-30T00:00:00+00:00", "2026-11-30T00:00:00+00:00")
    based = dataclasses.replace(fact_base, history=History(dates, (Change("x", "added", last),), "x", known=True))
    html = HomeMacros(based, SiteOptions()).latest_facts("index.md")
    assert html.startswith("<p>Added to the base most recently:</p>")
    first = re.search(r"<li>(.*?)</li>", html)[1]
    assert 'href="sectors/robotics/&#35;service-robot-production-2023"' in first
    assert first.endswith("· added 30 November 2026</span>")
