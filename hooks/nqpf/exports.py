"""Data downloads: the verified facts as JSON and CSV, one record per fact."""

from __future__ import annotations

import csv
import io
import json
import operator
from fractions import Fraction
from typing import Any

from .comparison import comparisons
from .markup import json_for_script
from .numbers import parse_value
from .pages import according_to, fact_url, source_label
from .verify import FactBase, VerifiedFact

CSV_FIELDS = (
    "id",
    "kind",
    "claim",
    "value",
    "scale",
    "number",
    "unit",
    "qualifier",
    "value_as_written",
    "period",
    "period_precision",
    "sector",
    "seed",
    "seed_file",
    "source",
    "quote",
    "said_by",
    "according_to",
    "measure",
    "measure_label",
    "measure_unit",
    "entities",
    "tags",
    "note",
    "url",
    "added",
    "changed",
)


def _number(value: Fraction | None) -> int | float | str | None:
    """A Fraction as JSON can hold it: int when whole, a float when its shortest form reads back
    as the value (as ``parse_value`` reads a float), else "2/3"."""
    if value is None:
        return None
    if value.denominator == 1:
        return int(value)
    as_float = float(value)
    return as_float if parse_value(as_float) == value else f"{value.numerator}/{value.denominator}"


def fact_record(item: VerifiedFact, base: FactBase, directory_urls: bool = True) -> dict[str, Any]:
    """One fact as plain data; ``url`` is the site-relative permalink of the fact."""
    fact = item.fact
    source = base.sources[fact.seed]
    dates = base.history.of(fact.id)
    return {
        "id": fact.id,
        "kind": fact.kind,
        "claim": fact.claim,
        "value": _number(fact.value),
        "scale": fact.scale,
        "number": _number(fact.number),
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "value_as_written": item.written or None,
        "period": fact.period.text if fact.period else None,
        "period_precision": fact.period.precision if fact.period else None,
        "sector": fact.sector,
        "seed": fact.seed,
        "seed_file": f"seeds/{source.file_name}",
        "source": source_label(source),
        "quote": fact.quote,  # white space already normalised by the loader
        "said_by": fact.said_by,
        "according_to": according_to(item, base),
        "measure": fact.measure,
        "measure_label": base.measures[fact.measure].label if fact.measure in base.measures else None,
        "measure_unit": base.measures[fact.measure].unit if fact.measure in base.measures else None,
        "entities": list(fact.entities),
        "tags": list(fact.tags),
        "note": fact.note,
        "url": fact_url(item, base, directory_urls),
        # when the fact was added and last changed, from the repository's history (None: unknown)
        "added": dates.added if dates else None,
        "changed": dates.changed if dates else None,
    }


def fact_records(base: FactBase, directory_urls: bool = True) -> list[dict[str, Any]]:
    """Every fact as a record, sorted by id: the rows of both downloads."""
    return sorted((fact_record(i, base, directory_urls) for i in base.facts), key=lambda r: r["id"])


def facts_json(records: list[dict[str, Any]]) -> str:
    """facts.json: a list of fact records, one per line. ``<`` is escaped so it embeds safely."""
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every record
    lines = ",\n".join(encode(record) for record in records)
    return f"[\n{lines}\n]\n".replace("<", "\\u003c")


def facts_csv(records: list[dict[str, Any]]) -> str:
    """facts.csv: the same records, lists joined with '; '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")  # writes None as an empty field
    writer.writerow(CSV_FIELDS)
    row = operator.itemgetter(*CSV_FIELDS)
    writer.writerows([["; ".join(v) if type(v) is list else v for v in row(record)] for record in records])
    return out.getvalue()


MEASURE_CSV_FIELDS = (
    "measure",
    "period",
    "value",
    "unit",
    "qualifier",
    "value_as_written",
    "fact_id",
    "source",
    "quote",
)


def measure_csv_path(slug: str) -> str:
    """Where a measure's long-format CSV is published, from the site's root."""
    return f"data/measures/{slug}.csv"


def measure_rows(base: FactBase, slug: str) -> list[dict[str, Any]]:
    """A measure's facts in long format: one row per fact, its exact value in the measure's unit."""
    measure = base.measures[slug]
    units = base.unit_registry
    rows = []
    for item in base.by_measure.get(slug, []):
        fact = item.fact
        factor = units.factor(fact.unit or "", measure.unit)
        if fact.number is None or factor is None:
            continue
        rows.append(
            {
                "measure": slug,
                "period": fact.period.text if fact.period else None,
                "value": _number(fact.number * factor),
                "unit": measure.unit,
                "qualifier": fact.qualifier,
                "value_as_written": item.written or None,
                "fact_id": fact.id,
                "source": source_label(base.sources[fact.seed]),
                "quote": fact.quote,
            }
        )
    return rows


def measure_csv(base: FactBase, slug: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, MEASURE_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(measure_rows(base, slug))
    return out.getvalue()


def measures_json(base: FactBase) -> str:
    """measures.json: every measure with its unit, definition and facts, and the periods whose
    sources disagree."""
    units = base.unit_registry.units
    disagreeing: dict[str, list[dict[str, Any]]] = {}  # measure -> its periods whose sources disagree
    for (measure_slug, period), comparison in sorted(comparisons(base).items()):
        if comparison.disagreements:
            facts = [item.fact.id for item in comparison.facts]
            disagreeing.setdefault(measure_slug, []).append({"period": period, "facts": facts})
    records = []
    for slug, measure in sorted(base.measures.items()):
        if measure.draft:
            continue
        unit = units.get(measure.unit)
        records.append(
            {
                "slug": slug,
                "label": measure.label,
                "definition": measure.definition,
                "unit": measure.unit,
                "unit_label": unit.label if unit else None,
                "unit_kind": unit.kind if unit else None,
                "place": measure.place,
                "period_kind": measure.period,
                "sector": measure.sector,
                "facts": [item.fact.id for item in base.by_measure.get(slug, [])],
                "disagreements": disagreeing.get(slug, []),
                "csv": measure_csv_path(slug),
            }
        )
    return json.dumps(records, ensure_ascii=False, indent=1).replace("<", "\\u003c") + "\n"


def measure_downloads(base: FactBase) -> list[tuple[str, str]]:
    """(path, content) of measures.json and each measure's CSV."""
    published = [slug for slug, measure in base.measures.items() if not measure.draft]
    return [("measures.json", measures_json(base)), *((measure_csv_path(s), measure_csv(base, s)) for s in published)]


def dataset_jsonld(base: FactBase, *, name: str, description: str, site_url: str | None) -> str:
    """schema.org Dataset markup for the downloads page, as a <script> element."""
    root = (site_url or "").rstrip("/") + "/" if site_url else ""
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": name,
        "description": description,
        "keywords": sorted(sector.title for sector in base.sectors.values()),
        "isAccessibleForFree": True,
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": f"{root}facts.json"},
            {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": f"{root}facts.csv"},
        ],
    }
    if root:
        data["url"] = f"{root}downloads/"
    return f'<script type="application/ld+json">\n{json_for_script(data)}\n</script>'
