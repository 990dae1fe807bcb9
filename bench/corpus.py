"""A deterministic synthetic project: N verifiable facts over M seed texts and S sectors.

Each generated seed is made of sentences that each state one figure with its year; each
fact quotes one sentence. The project uses the real hooks, so it builds and verifies like
the real one. Used by `make bench` and, at a small N, by the tests.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

# Words without any number word in them, so the only numbers in a sentence are the ones put there.
WORDS = [
    "battery",
    "solar",
    "turbine",
    "robot",
    "chip",
    "sensor",
    "vehicle",
    "grid",
    "port",
    "corridor",
    "farm",
    "seed",
    "cable",
    "satellite",
    "rail",
    "textile",
    "cement",
    "steel",
    "copper",
    "lithium",
    "hydrogen",
    "software",
    "cloud",
    "data",
]
VERBS = ("reached", "grew to", "came to", "rose to", "stood at")
UNITS = ("units", "tonnes", "kilowatts", "yuan", "sets")  # as the sentences write them
UNIT_SLUGS = {"units": "vehicles", "tonnes": "tonnes", "kilowatts": "kW", "yuan": "CNY", "sets": "sets"}
PAGES = {
    "index.md": "# Synthetic corpus\n\nA generated project for benchmarks.\n",
    "about.md": "# About\n\nGenerated.\n",
    "downloads.md": "# Downloads\n\n- [facts.json](facts.json)\n- [facts.csv](facts.csv)\n",
}


@dataclass(frozen=True)
class CorpusSize:
    facts: int
    seeds: int
    sectors: int


def _sentence(rng: random.Random, index: int) -> tuple[str, str, int, str]:
    """(sentence, value as YAML, year, unit) for fact ``index``; the value is unique per fact."""
    value = f"{index + 1}.{rng.randint(1, 9)}"
    year = 2000 + rng.randint(0, 25)
    unit = rng.choice(UNITS)
    subject = " ".join(rng.choice(WORDS) for _ in range(3))
    sentence = f"In {year}, the {subject} output {rng.choice(VERBS)} {value} million {unit}."
    return sentence, value, year, unit


def write_corpus(root: Path, size: CorpusSize, repo: Path, seed: int = 7) -> Path:
    """Write a project with ``size`` facts into ``root`` (hooks and mkdocs.yml from ``repo``)."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    (root / "facts").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "docs").mkdir()
    shutil.copytree(repo / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(repo / "docs" / "assets", root / "docs" / "assets")
    shutil.copytree(repo / "overrides", root / "overrides")
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    for name, text in PAGES.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")

    sectors = [f"sector-{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(size.sectors)]
    (root / "facts" / "sectors.yml").write_text(
        "".join(
            f"- slug: {slug}\n  title: Sector {slug[-2:].upper()}\n  description: Generated sector.\n"
            for slug in sectors
        ),
        encoding="utf-8",
    )
    (root / "facts" / "speakers.yml").write_text(
        "- slug: speaker-a\n  name: Speaker A\n  role: Generated speaker\n  kind: person\n", encoding="utf-8"
    )
    (root / "facts" / "ignored-numbers.yml").write_text("[]\n", encoding="utf-8")
    shutil.copy(repo / "facts" / "units.yml", root / "facts" / "units.yml")
    shutil.copy(repo / "facts" / "vocabulary.yml", root / "facts" / "vocabulary.yml")  # what the clause reader reads
    # a measure per sector and unit: each holds facts of many years, several for a year
    (root / "facts" / "measures.yml").write_text(
        "".join(
            f"- slug: {sector}-{unit.lower()}\n  label: Output of {sector} in {unit}\n  unit: {unit}\n"
            f"  definition: Generated measure.\n  place: China\n  period: calendar-year\n  sector: {sector}\n"
            for sector in sectors
            for unit in UNIT_SLUGS.values()
        ),
        encoding="utf-8",
    )

    seed_sentences: list[list[str]] = [[] for _ in range(size.seeds)]
    by_sector: dict[str, list[str]] = {slug: [] for slug in sectors}
    translated: dict[str, list[tuple[str, str, int, str]]] = {slug: [] for slug in sectors}
    for index in range(size.facts):
        sentence, value, year, unit = _sentence(rng, index)
        translated[sectors[index % size.sectors]].append((f"fact-{index:05d}", value, year, UNIT_SLUGS[unit]))
        seed_index = index % size.seeds
        seed_sentences[seed_index].append(sentence)
        sector = sectors[index % size.sectors]
        said_by = "  said_by: speaker-a\n" if index % 7 == 0 else ""
        by_sector[sector].append(
            f"- id: fact-{index:05d}\n  claim: 'Generated claim: {sentence}'\n  kind: figure\n"
            f"  value: {value}\n  scale: million\n  unit: {UNIT_SLUGS[unit]}\n  period: {year}\n"
            f"  measure: {sector}-{UNIT_SLUGS[unit].lower()}\n  sector: {sector}\n{said_by}"
            f"  source:\n    seed: seed-{seed_index:04d}\n"
            f"    quote: '{sentence}'\n  tags: [generated]\n"
        )
    for slug, facts in by_sector.items():
        (root / "facts" / f"{slug}.yml").write_text("\n".join(facts), encoding="utf-8")
    _write_translations(root, repo, sectors, translated)
    sources = []
    for seed_index, sentences in enumerate(seed_sentences):
        (root / "seeds" / f"seed-{seed_index:04d}.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
        sources.append(
            f"- slug: seed-{seed_index:04d}\n  file: seed-{seed_index:04d}.txt\n"
            f"  title: Generated text {seed_index:04d}\n  outlet: null\n  author: null\n"
            "  date: null\n  place: null\n"
        )
    (root / "seeds" / "sources.yml").write_text("\n".join(sources), encoding="utf-8")
    return root


# Each fact's claim in the other editions: its value in millions, as each writes it (1230万 is
# 12.3 million; 123 لاکھ too), in the unit's words of translations/<edition>/units.yml.
ZH_UNITS = {"vehicles": "辆", "tonnes": "吨", "kW": "千瓦", "CNY": "元", "sets": "套"}
UR_UNITS = {"vehicles": "گاڑیاں", "tonnes": "ٹن", "kW": "کلو واٹ", "CNY": "یوآن", "sets": "سیٹ"}


def _scaled(value: str, factor: int) -> str:
    """``value`` (a decimal) times ``factor``, as a decimal without trailing zeros: 12.3 x 100 = 1230."""
    written = format(Decimal(value) * factor, "f")
    return written.rstrip("0").rstrip(".") if "." in written else written


def _write_translations(
    root: Path, repo: Path, sectors: list[str], facts: dict[str, list[tuple[str, str, int, str]]]
) -> None:
    """The two other editions' translations of every fact, measure and sector, and the real
    project's units, site strings and glossary."""
    (root / "translations").mkdir()
    shutil.copy(repo / "translations" / "glossary.yml", root / "translations" / "glossary.yml")
    for code, units, scale, gap, claim in (
        ("zh", ZH_UNITS, (100, "万"), "", "{year}年，生成的产出为{number}。"),
        ("ur", UR_UNITS, (10, " لاکھ"), " ", "{year} میں پیداوار {number} رہی۔"),
    ):
        folder = root / "translations" / code
        folder.mkdir()
        for name in ("units.yml", "site.yml"):
            shutil.copy(repo / "translations" / code / name, folder / name)
        (folder / "sectors.yml").write_text(
            "".join(f"- slug: {s}\n  title: {s}\n  description: {s}\n" for s in sectors), encoding="utf-8"
        )
        (folder / "measures.yml").write_text(
            "".join(
                f"- slug: {s}-{u.lower()}\n  label: {s} {units[u]}\n  definition: {s} {units[u]}\n"
                for s in sectors
                for u in UNIT_SLUGS.values()
            ),
            encoding="utf-8",
        )
        for sector, items in facts.items():
            (folder / f"{sector}.yml").write_text(
                "".join(
                    f"- id: {fact_id}\n  claim: '"
                    + claim.format(year=year, number=f"{_scaled(value, scale[0])}{scale[1]}{gap}{units[unit]}")
                    + "'\n"
                    for fact_id, value, year, unit in items
                ),
                encoding="utf-8",
            )


REPORT_SENTENCES = (
    "In {year}, the federal government allocated Rs{a}.{b} billion to the {w} {w} programme.",
    "Exports of {w} rose {p}.{b} percent to ${a}bn, while imports of {w} fell by {p}%.",
    "More than {n} {w} workers joined the {w} {w} project, which cost about Rs {a} crore.",
    "The {a}MW {w} plant, built at a cost of US${p}.{b} billion, supplied nearly {n} GWh in {year}.",
    "Officials said one-quarter of the {w} budget went to {w} and {w} schemes.",
    "The {w} corridor was launched on March {d}, {year}, with {n} new {w} agreements.",
    "Output of {w} reached {a}.{b} million tonnes in the first {m} months of {year}.",
)


def write_report(words: int = 2_000, seed: int = 7) -> str:
    """A deterministic news-like text of about ``words`` words, with figures in the forms the
    corridor's sources use (rupees, dollars, crore, glued units, hedges, fractions, dates)."""
    rng = random.Random(seed)
    sentences: list[str] = []
    count = 0
    while count < words:
        template = REPORT_SENTENCES[len(sentences) % len(REPORT_SENTENCES)]
        sentence = template.format_map(_Filler(rng))
        sentences.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return "Corridor figures of the year\n\n" + "\n\n".join(paragraphs) + "\n"


class _Filler(dict):
    """Fills a template's fields with fresh random values, one per occurrence."""

    def __init__(self, rng: random.Random):
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        rng = self.rng
        return {
            "year": lambda: str(rng.randint(2015, 2025)),
            "a": lambda: str(rng.randint(10, 999)),
            "b": lambda: str(rng.randint(1, 9)),
            "p": lambda: str(rng.randint(2, 60)),
            "n": lambda: f"{rng.randint(2, 90) * 1000:,}",
            "d": lambda: str(rng.randint(1, 28)),
            "m": lambda: rng.choice(["six", "eight", "nine"]),
            "w": lambda: rng.choice(WORDS),
        }[key]()
