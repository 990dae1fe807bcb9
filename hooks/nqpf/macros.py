"""Fact macros for hand-written prose: ``{{ fact("id") }}``, ``{{ fact_claim("id") }}`` and
``{{ figure_card("id") }}``.

Every figure in docs/ comes from one of these, so it is always a verified value linked to
its provenance. Unknown ids are found before the build writes anything (``check_macro_calls``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .markup import esc, relative_href
from .pages import KIND_NAMES, SiteOptions, according_to, claim_lang, fact_href, in_english
from .problems import Problem
from .verify import FactBase, VerifiedFact, in_date_order

MACRO_CALL_RE = re.compile(
    r"""\{\{-?\s*(fact|fact_claim|figure_card)\(\s*(?P<q>["'])(?P<id>[^"']*)(?P=q)\s*\)\s*-?\}\}"""
)


@dataclass(frozen=True)
class FactMacros:
    """The macros of one build, bound to its fact base."""

    base: FactBase
    options: SiteOptions

    def _item(self, fact_id: str) -> VerifiedFact:
        try:
            return self.base.by_id[fact_id]
        except KeyError:
            raise KeyError(f"unknown fact id {fact_id!r}") from None

    def fact(self, fact_id: str, page_src: str) -> str:
        """The value, linked to the fact; the tooltip says who claims it."""
        item = self._item(fact_id)
        shown = item.display_value or item.fact.claim
        who = self.options.t("According to {who}", who=according_to(item, self.base, self.options.strings))
        return (
            f'<a class="nqpf-ref" href="{esc(fact_href(item, self.base, page_src, self.options))}" '
            f'title="{esc(who)}">{esc(shown)}</a>'
        )

    def figure_card(self, fact_id: str, page_src: str) -> str:
        """A headline figure as a card: the number, what it measures, who claims it, a link to it."""
        item = self._item(fact_id)
        fact = item.fact
        period = f'<span class="nqpf-card-period">{esc(fact.period.label())}</span>' if fact.period else ""
        who = self.options.t("According to {who}", who=according_to(item, self.base, self.options.strings))
        return (
            f'<a class="nqpf-card" href="{esc(fact_href(item, self.base, page_src, self.options))}">'
            f'<span class="nqpf-card-value">{esc(item.display_value or self.options.t(KIND_NAMES[fact.kind]))}</span>'
            f'<span class="nqpf-card-claim"{claim_lang(fact, self.options)}>{esc(fact.claim)}'
            f"{in_english(fact, self.options)}</span>{period}"
            f'<span class="nqpf-card-who">{esc(who)}</span></a>'
        )

    def fact_claim(self, fact_id: str, page_src: str) -> str:
        """The whole claim, with who claims it, linked to the fact."""
        item = self._item(fact_id)
        who = self.options.t("— according to {who}", who=according_to(item, self.base, self.options.strings))
        return (
            f'<a class="nqpf-ref" href="{esc(fact_href(item, self.base, page_src, self.options))}"'
            f"{claim_lang(item.fact, self.options)}>{esc(item.fact.claim)}</a>{in_english(item.fact, self.options)} "
            f'<span class="nqpf-who">{esc(who)}</span>'
        )


LATEST_SHOWN = 5  # facts on the home page's list of the latest


@dataclass(frozen=True)
class HomeMacros:
    """The home page's ways in and its list of the latest facts."""

    base: FactBase
    options: SiteOptions

    def ways_in(self, page_src: str) -> str:
        """Search the facts (a form that works without script), check a text, browse measures."""

        def href(target: str) -> str:
            return esc(relative_href(page_src, target, self.options.directory_urls))

        t = self.options.t
        return (
            '<div class="nqpf-ways-in">\n'
            f'<form class="nqpf-home-search" action="{href("fact-index.md")}" method="get" role="search">'
            f'<label for="nqpf-home-query">{esc(t("Search the facts"))}</label><span class="nqpf-home-search-row">'
            f'<input type="search" id="nqpf-home-query" name="q" placeholder="{esc(t("robots, 9.443, CPEC…"))}">'
            f'<button type="submit" class="md-button md-button--primary">{esc(t("Search"))}</button></span></form>\n'
            f'<p class="nqpf-ways"><a class="md-button" href="{href("check.md")}">{esc(t("Check a text"))}</a> '
            f'<a class="md-button" href="{href("measures/index.md")}">{esc(t("Browse measures"))}</a></p>\n'
            "</div>"
        )

    def latest_facts(self, page_src: str) -> str:
        """The facts added last, as the repository's history dates them; without it, the facts
        of the latest periods, saying so."""
        history, t = self.base.history, self.options.t
        if history.known:
            dated = [i for i in self.base.facts if history.of(i.fact.id)]
            latest = sorted(dated, key=lambda i: (history.facts[i.fact.id].added, i.fact.id), reverse=True)
            intro = t("Added to the base most recently:")
        else:
            latest = sorted(self.base.facts, key=in_date_order, reverse=True)
            intro = t("Of the latest periods (this build has no record of when facts were added):")
        entries = []
        for item in latest[:LATEST_SHOWN]:
            dates = history.of(item.fact.id)
            added = " · " + t("added {day}", day=self.options.day_label(dates.added)) if dates else ""
            period = f"{item.fact.period.label()} · " if item.fact.period else ""
            who = t("according to {who}", who=according_to(item, self.base, self.options.strings))
            entries.append(
                f'<li><a href="{esc(fact_href(item, self.base, page_src, self.options))}"'
                f"{claim_lang(item.fact, self.options)}>{esc(item.fact.claim)}</a>"
                f"{in_english(item.fact, self.options)} "
                f'<span class="nqpf-who">{esc(period)}{esc(who)}{esc(added)}</span></li>'
            )
        return f'<p>{esc(intro)}</p>\n<ul class="nqpf-latest">{"".join(entries)}</ul>'


def check_macro_calls(docs_dir: Path, base: FactBase, shown_prefix: str = "docs") -> list[Problem]:
    """Every fact macro in docs/*.md names a fact that exists."""
    known = base.by_id
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for match in MACRO_CALL_RE.finditer(text):
            if match["id"] not in known:
                line = text.count("\n", 0, match.start()) + 1
                shown = f"{shown_prefix}/{path.relative_to(docs_dir).as_posix()}"
                problems.append(Problem(shown, line, f"{match.group(0)} names no fact; check the id in facts/*.yml"))
    return problems
