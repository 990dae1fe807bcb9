"""The fact base as an edition shows it: its claims, measures, sectors and units in the
edition's language, its values and periods as CLDR writes them there. What the edition has not
translated stays English and says so (``Fact.claim_lang``); quotes and source texts are never
translated. The page generators take this base as they take the English one."""

from __future__ import annotations

import dataclasses

from .editions import period_label, written_value
from .model import Fact, Measure, Period, Sector, Unit
from .translations import EditionTexts
from .verify import FactBase, VerifiedFact


def _period(period: Period | None, texts: EditionTexts) -> Period | None:
    return None if period is None else Period(period.text, period_label(period, texts.edition))


def unit_words(texts: EditionTexts, slug: str | None) -> tuple[str, ...]:
    """How the edition writes a unit next to its number (its spellings), or nothing."""
    unit = texts.units.get(slug or "")
    return tuple(unit.texts.get("spellings", ())) if unit else ()


def _fact(item: VerifiedFact, texts: EditionTexts) -> VerifiedFact:
    fact = item.fact
    claim = texts.text("facts", fact.id, "claim")
    written = written_value(fact, texts.edition, unit_words(texts, fact.unit))
    localised: Fact = dataclasses.replace(
        fact,
        claim=claim or fact.claim,
        # a note is shown in the claim's language: the translated one, or the English with the English claim
        note=(texts.text("facts", fact.id, "note") if claim else fact.note),
        claim_lang=None if claim else "en",
        period=_period(fact.period, texts),
        display=written,
    )
    return dataclasses.replace(item, fact=localised, shown=written or "")


def _measure(measure: Measure, texts: EditionTexts) -> Measure:
    label = texts.text("measures", measure.slug, "label")
    definition = texts.text("measures", measure.slug, "definition")
    place = texts.text("measures", measure.slug, "place")
    return dataclasses.replace(
        measure, label=label or measure.label, definition=definition or measure.definition, place=place or measure.place
    )


def _sector(sector: Sector, texts: EditionTexts) -> Sector:
    title = texts.text("sectors", sector.slug, "title")
    description = texts.text("sectors", sector.slug, "description")
    return dataclasses.replace(sector, title=title or sector.title, description=description or sector.description)


def _unit(unit: Unit, texts: EditionTexts) -> Unit:
    label, short = texts.text("units", unit.slug, "label"), texts.text("units", unit.slug, "short")
    return dataclasses.replace(unit, label=label or unit.label, short=unit.short if short is None else short)


def edition_base(base: FactBase, texts: EditionTexts) -> FactBase:
    """``base`` with every text the edition translates in its language."""
    return dataclasses.replace(
        base,
        facts=tuple(_fact(item, texts) for item in base.facts),
        measures={slug: _measure(m, texts) for slug, m in base.measures.items()},
        sectors={slug: _sector(s, texts) for slug, s in base.sectors.items()},
        units={slug: _unit(u, texts) for slug, u in base.units.items()},
    )
