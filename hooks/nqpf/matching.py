"""Which measure a number is of: one matcher, which the drafter and the text checker both ask.

A number is of a measure only when every part its words state (reading.py) is the measure's:
subject, property, statistic, whole, constraint, place and period kind. Where a part is
unstated, or two measures fit, there is no match, only candidates to name: silence beats a
verdict on a guess. Nothing here weighs words; the parts are compared through the vocabulary's
spellings, never by how alike two descriptions sound.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import Measure
from .reading import NumberReading
from .units import UnitRegistry


@dataclass(frozen=True)
class PartsMatch:
    """The measure every part of a number's reading matches (None unless exactly one), and the
    measures that agree with every part it states (to name when it is unsure)."""

    measure: str | None
    candidates: tuple[str, ...] = ()


def _period_fits(written: str | None, kind: str) -> bool:
    return written is None or written == kind or (kind == "none" and written == "calendar-year")


def match_parts(
    reading: NumberReading,
    measures: Mapping[str, Measure],
    place_of_label: Mapping[str, str],
    units: UnitRegistry,
    unit: str | None,
) -> PartsMatch:
    """The measure of ``measures`` a number's reading is of, by its parts, for a number in
    ``unit`` (None: any unit, as when choosing among the units a spelling may name)."""
    read = reading.parts()
    full, agreeing = [], []
    for slug, measure in measures.items():
        if measure.subject is None or (unit is not None and not units.converts(unit, measure.unit)):
            continue
        place = place_of_label.get(measure.place)
        wanted = {**measure.parts(), "place": place}
        unstated = []
        fits = True
        for part, value in wanted.items():
            written = read[part]
            if part == "place":
                if not reading.places:
                    unstated.append(part)
                elif value not in reading.place_slugs:
                    fits = False
            elif part == "period kind":
                if written is None:
                    unstated.append(part)
                elif not _period_fits(written, str(value)):
                    fits = False
            elif written is None and value is not None:
                unstated.append(part)
            elif written != value:
                fits = False
            if not fits:
                break
        if not fits:
            continue
        if not unstated or unstated == ["period kind"]:
            full.append(slug)
        agreeing.append((len(unstated), slug))
    agreeing.sort()
    if len(full) == 1:
        return PartsMatch(full[0], (full[0],))
    if full:
        return PartsMatch(None, tuple(sorted(full)))
    return PartsMatch(None, tuple(slug for _, slug in agreeing[:3]))
