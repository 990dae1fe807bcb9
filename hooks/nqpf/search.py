"""The fact index: one lunr document per fact, built at build time, and its page.

The index and the display data ship as one JavaScript file that sets a global, so the
page works from file:// where fetch() is refused. lunr.js itself is copied at build time
from the installed mkdocs package (it ships lunr 2.3.9, the version lunr.py writes for).
"""

from __future__ import annotations

from pathlib import Path

import math
import re

import mkdocs.contrib.search
from lunr.pipeline import Pipeline
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer

from .exports import json_for_script
from .markup import asset_href, esc, relative_href
from .pages import GeneratedPage, SiteOptions, according_to, fact_href, source_label
from .verify import FactBase, VerifiedFact

PAGE_SRC = "fact-index.md"
DATA_ASSET = "assets/nqpf/fact-index-data.js"
LUNR_ASSET = "assets/nqpf/lunr.js"
SCRIPT_ASSET = "assets/nqpf/fact-index.js"
LUNR_JS = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"
# lunr fields and boosts. Fewer fields make a smaller index that loads faster, so what a
# reader may type about a fact's setting (sector, period, speaker, source, entities, tags,
# id) shares one field; claims and values weigh most.
FIELDS = (("claim", 10), ("value", 8), ("context", 4), ("quote", 2))


def search_document(item: VerifiedFact, base: FactBase, ref: str) -> dict[str, str]:
    """The text lunr indexes for one fact: every field a reader may type.

    ``ref`` is the fact's position in the display data: short, so the index stays small.
    """
    fact = item.fact
    speaker = base.speakers[fact.said_by] if fact.said_by else None
    context = (
        base.sectors[fact.sector].title,
        f"{fact.period.label()} {fact.period.text}" if fact.period else "",
        f"{speaker.name} {speaker.role}" if speaker else "",
        source_label(base.sources[fact.seed]),
        *fact.entities, *fact.tags, fact.id,
    )
    return {
        "id": ref,
        "claim": fact.claim,
        "value": " ".join(filter(None, (item.written, fact.display_value()))),
        "context": " ".join(filter(None, context)),
        "quote": fact.quote,
    }


def display_record(item: VerifiedFact, base: FactBase, options: SiteOptions) -> dict:
    """What a result shows, and the facets it belongs to."""
    fact = item.fact
    return {
        "id": fact.id,
        "url": fact_href(item, PAGE_SRC, options),
        "value": fact.display_value(),
        "claim": fact.claim,
        "period": fact.period.label() if fact.period else "",
        "sector": base.sectors[fact.sector].title,
        "according_to": according_to(item, base),
        "facets": {"sector": fact.sector, "kind": fact.kind,
                   "year": str(fact.period.year) if fact.period else "undated",
                   "source": fact.seed, "speaker": fact.said_by or ""},
    }


def facet_labels(base: FactBase) -> dict[str, dict[str, str]]:
    """How facet values (slugs, which the URL carries) are shown."""
    return {"sector": {slug: s.title for slug, s in base.sectors.items()},
            "source": {slug: source_label(s) for slug, s in base.sources.items()},
            "speaker": {slug: s.name for slug, s in base.speakers.items()}}


_SEPARATORS = re.compile("[ \t\n\r\f\v\xa0-]+")  # lunr's tokenizer separators


class _Terms:
    """lunr's indexing pipeline (trimmer, stop words, stemmer), applied once per distinct word."""

    def __init__(self) -> None:
        self.pipeline = Pipeline()
        self.pipeline.add(trimmer, stop_word_filter, stemmer)
        self._cache: dict[str, str | None] = {}

    def __call__(self, text: str) -> list[str]:
        terms = []
        for word in _SEPARATORS.split(text.lower()):
            if not word:
                continue
            if word not in self._cache:
                out = self.pipeline.run([Token(word, {})])
                self._cache[word] = str(out[0]) if out else None
            if self._cache[word]:
                terms.append(self._cache[word])
        return terms


def build_index(documents: list[dict[str, str]], fields: tuple[tuple[str, int], ...] = FIELDS,
                k1: float = 1.2, b: float = 0.75) -> dict:
    """The serialised lunr 2.3.9 index of ``documents`` (ref = "id"), as lunr.py would write it.

    lunr.py gives the same result but tokenises and stems character by character, about ten
    times slower at 10,000 facts; this does each distinct word once (``test_search`` checks
    both agree).
    """
    terms_of = _Terms()
    names = [name for name, _ in fields]
    boosts = dict(fields)
    inverted: dict[str, dict] = {}
    with_term: dict[str, int] = {}  # (document, field) pairs holding each term: lunr's idf counts these
    frequencies: dict[str, tuple[str, dict[str, int], int]] = {}
    lengths = dict.fromkeys(names, 0)
    for document in documents:
        ref = document["id"]
        for name in names:
            terms = terms_of(document[name] or "")
            counts: dict[str, int] = {}
            for term in terms:
                counts[term] = counts.get(term, 0) + 1
                posting = inverted.get(term)
                if posting is None:
                    posting = inverted[term] = {**{n: {} for n in names}, "_index": len(inverted)}
                if ref not in posting[name]:
                    posting[name][ref] = {}
                    with_term[term] = with_term.get(term, 0) + 1
            frequencies[f"{name}/{ref}"] = (name, counts, len(terms))
            lengths[name] += len(terms)
    count = len(documents)
    average = {name: (lengths[name] / count if count else 0) for name in names}
    idf: dict[str, float] = {}
    vectors = []
    for field_ref, (name, counts, length) in frequencies.items():
        pairs = []
        for term, tf in counts.items():
            if term not in idf:
                idf[term] = math.log(1 + abs((count - with_term[term] + 0.5) / (with_term[term] + 0.5)))
            score = idf[term] * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average[name])) + tf)
            pairs.append((inverted[term]["_index"], round(score * boosts[name], 3)))
        vectors.append([field_ref, [x for pair in sorted(pairs) for x in pair]])
    return {"version": "2.3.9", "fields": names, "fieldVectors": vectors,
            "invertedIndex": [[term, inverted[term]] for term in sorted(inverted)],
            "pipeline": ["stemmer"]}


def index_script(base: FactBase, options: SiteOptions) -> str:
    """The data file: display records and the serialised index, as one assignment."""
    payload = {"facts": [display_record(i, base, options) for i in base.facts],
               "labels": facet_labels(base),
               "index": build_index([search_document(item, base, str(position))
                                     for position, item in enumerate(base.facts)])}
    return f"window.NQPF_FACT_INDEX = {json_for_script(payload, compact=True)};\n"


def fact_index_assets(base: FactBase, options: SiteOptions) -> list[tuple[str, str]]:
    """(site path, content) of the generated assets of the fact index."""
    return [(DATA_ASSET, index_script(base, options)),
            (LUNR_ASSET, LUNR_JS.read_text(encoding="utf-8"))]


def fact_index_page(base: FactBase, options: SiteOptions) -> GeneratedPage:
    scripts = "".join(f'<script src="{esc(asset_href(PAGE_SRC, asset, options.directory_urls))}">'
                      "</script>\n" for asset in (LUNR_ASSET, DATA_ASSET, SCRIPT_ASSET))
    facets = "".join(
        f'<div class="nqpf-facet"><label for="nqpf-facet-{name}">{label}</label>'
        f'<select id="nqpf-facet-{name}" data-facet="{name}"><option value="">All</option></select></div>'
        for name, label in (("sector", "Sector"), ("kind", "Kind"), ("year", "Year"),
                            ("source", "Source"), ("speaker", "Speaker")))
    body = f"""---
title: Fact index
render_macros: false
search:
  exclude: true
---

# Fact index

Search all {len(base.facts)} verified facts by words, numbers as written (such as 9.443),
sector, year, speaker or source. Press <kbd>/</kbd> to jump to the search box; use the arrow
keys to move through results and <kbd>Enter</kbd> to open one.

<div class="nqpf-search" id="nqpf-search">
<form class="nqpf-search-form" role="search">
<label for="nqpf-query">Search facts</label>
<input type="search" id="nqpf-query" name="q" autocomplete="off" spellcheck="false"
  placeholder="robot, 9.443, Hashmi…" aria-describedby="nqpf-status" aria-controls="nqpf-results">
<div class="nqpf-facets">{facets}</div>
</form>
<p id="nqpf-status" class="nqpf-status" role="status" aria-live="polite">Loading the fact index…</p>
<ol id="nqpf-results" class="nqpf-results"></ol>
<noscript><p>The fact index needs JavaScript. Every fact is also listed on the
<a href="{esc(relative_href(PAGE_SRC, 'sectors/index.md', options.directory_urls))}">sector pages</a>.</p></noscript>
</div>

{scripts}"""
    return GeneratedPage(PAGE_SRC, "Fact index", body)
