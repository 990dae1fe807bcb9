"""The fact index: every fact findable by what readers type, in a format that loads fast.

Words become terms through lunr's pipeline (tokenizer, trimmer, stop words, Porter stemmer),
weighted per field with BM25 as lunr weighs them, then summed over a fact's fields.
The build runs the pipeline with lunr.py; the browser runs the same lunr 2.3.9 functions
from lunr.js (copied at build time from the installed mkdocs package) on what is typed.

The index is not lunr's serialised index: at 10,000 facts that is 12.6 MB, takes lunr.js
840 ms to load and about 100 ms to rank a word every fact holds. Ours is a sorted term list
and one posting per term, decoded only when a query needs it (fact-search.js):

    "index": {"terms": "term\nterm\n...",          sorted as JavaScript compares strings
              "postings": "gap,weight,...;gap,weight,...;..."}   one per term, base 36

``gap`` is the fact's position minus the previous one in that posting (the first counts
from -1), ``weight`` the fact's summed BM25 weight for the term in hundredths.

Display data is columnar, facet values are codes, and lists of texts are joined into one
string each: a browser parses a few long strings far faster than 100,000 short ones. The
data ship as one JavaScript file that sets a global, so the page works from file://, where
fetch() is refused.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from itertools import chain
from pathlib import Path

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
SEARCH_ASSET = "assets/nqpf/fact-search.js"
SCRIPT_ASSET = "assets/nqpf/fact-index.js"
LUNR_JS = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"
# Fields and boosts. What a reader may type about a fact's setting (sector, period, speaker,
# source, entities, tags, id) shares one field; claims and values weigh most.
FIELDS = (("claim", 10), ("value", 8), ("context", 4), ("quote", 2))
FACETS = ("sector", "kind", "year", "source", "speaker")
TEXT_COLUMNS = ("id", "value", "claim", "period")  # shipped as one string each, lines joined


def search_document(item: VerifiedFact, base: FactBase) -> dict[str, str]:
    """The text indexed for one fact, by field: every field a reader may type."""
    fact = item.fact
    speaker = base.speakers[fact.said_by] if fact.said_by else None
    period = fact.period.label() if fact.period else ""
    context = (
        base.sectors[fact.sector].title,
        period if not fact.period or period == fact.period.text else f"{period} {fact.period.text}",
        f"{speaker.name} {speaker.role}" if speaker else "",
        source_label(base.sources[fact.seed]),
        base.measures[fact.measure].label if fact.measure in base.measures else "",
        *fact.entities, *fact.tags, fact.id,
    )
    return {
        "claim": fact.claim,
        # as written ("$35bn", "four") and as stated ("$35 billion", "4"): readers type either
        "value": (item.display_value if fact.display_value in item.display_value
                  else f"{item.display_value} {fact.display_value}"),
        "context": " ".join(filter(None, context)),
        "quote": fact.quote,
    }


def facet_values(item: VerifiedFact) -> dict[str, str]:
    """The facets a fact belongs to, as slugs ('' when it has none, such as no speaker)."""
    fact = item.fact
    return {"sector": fact.sector, "kind": fact.kind,
            "year": str(fact.period.year) if fact.period else "undated",
            "source": fact.seed, "speaker": fact.said_by or ""}


def facet_table(base: FactBase) -> dict[str, dict[str, list]]:
    """Per facet: its values (sorted slugs, which the URL carries), how they are shown, and
    each fact's value as a code into that list (-1: none)."""
    labels = {"sector": {slug: s.title for slug, s in base.sectors.items()},
              "source": {slug: source_label(s) for slug, s in base.sources.items()},
              "speaker": {slug: s.name for slug, s in base.speakers.items()}}
    of_fact = [facet_values(item) for item in base.facts]
    table = {}
    for name in FACETS:
        values = sorted({facets[name] for facets in of_fact} - {""})
        code = {value: n for n, value in enumerate(values)}
        table[name] = {"values": values, "labels": [labels.get(name, {}).get(v, v) for v in values],
                       "of": [code.get(facets[name], -1) for facets in of_fact]}
    return table


def display_table(base: FactBase, options: SiteOptions) -> dict[str, list]:
    """What a result shows, one list per column; repeated texts (page links, who claims the
    fact) are stored once and referred to by position."""
    pages: dict[str, int] = {}
    claimants: dict[str, int] = {}
    columns: dict[str, list] = {"id": [], "value": [], "claim": [], "period": [], "page": [], "according_to": []}
    for item in base.facts:
        fact = item.fact
        page = fact_href(item, base, PAGE_SRC, options).partition("#")[0]
        columns["id"].append(fact.id)
        columns["value"].append(item.display_value)
        columns["claim"].append(fact.claim)
        columns["period"].append(fact.period.label() if fact.period else "")
        columns["page"].append(pages.setdefault(page, len(pages)))
        columns["according_to"].append(claimants.setdefault(according_to(item, base), len(claimants)))
    return {"columns": columns, "pages": list(pages), "according_to": list(claimants)}


_DIGITS = frozenset("0123456789")


class _Terms(dict):
    """lunr's indexing pipeline (trimmer, stop words, stemmer), run once per distinct word:
    a dict from word to term (None for a stop word) that fills itself on first sight."""

    def __init__(self) -> None:
        super().__init__()
        self.pipeline = Pipeline()
        self.pipeline.add(trimmer, stop_word_filter, stemmer)

    def __missing__(self, word: str) -> str | None:
        if word[0] in _DIGITS and word[-1] in _DIGITS:
            term = word  # a numeral: no step of the pipeline changes it, and there are many
        else:
            out = self.pipeline.run([Token(word, {})])
            term = str(out[0]) if out else None
        self[word] = term
        return term

    def counts(self, text: str) -> Counter[str]:
        """How often each term occurs in ``text``."""
        # lunr splits on white space and hyphens; str.split is the fast way to do the same
        return Counter(filter(None, map(self.__getitem__, text.lower().replace("-", " ").split())))


def term_counts(text: str) -> Counter[str]:
    """The terms lunr's indexing pipeline makes of ``text``, and how often each occurs."""
    return _Terms().counts(text)


def term_weights(documents: list[dict[str, str]], fields: tuple[tuple[str, int], ...] = FIELDS,
                 k1: float = 1.2, b: float = 0.75) -> dict[str, dict[int, float]]:
    """term -> {document position: weight}: lunr's boosted BM25 score of the term in each
    field of the document, summed over the fields. (lunr rounds each score to 3 decimals; the
    index keeps hundredths of the sum, so rounding here would only cost time.)"""
    terms_of = _Terms()
    counted = [[terms_of.counts(document[name] or "") for name, _ in fields] for document in documents]
    count = len(documents)
    # (document, field) pairs holding each term: lunr's idf counts these
    holders = Counter(chain.from_iterable(chain.from_iterable(counted)))
    lengths = [[counts.total() for counts in by_field] for by_field in counted]
    average = [sum(column) / count for column in zip(*lengths)]
    # per term: its idf and its posting (document position -> weight), found with one lookup
    table = {term: (math.log(1 + abs((count - n + 0.5) / (n + 0.5))), {}) for term, n in holders.items()}
    for position, (by_field, field_lengths) in enumerate(zip(counted, lengths)):
        for (_, boost), counts, length, mean in zip(fields, by_field, field_lengths, average):
            if not length:
                continue
            norm = k1 * (1 - b + b * (length / mean))
            once = (k1 + 1) / (norm + 1) * boost  # the usual term frequency is 1
            for term, tf in counts.items():
                idf, posting = table[term]
                saturation = once if tf == 1 else (k1 + 1) * tf / (norm + tf) * boost
                posting[position] = posting.get(position, 0.0) + idf * saturation
    return {term: posting for term, (_, posting) in table.items()}


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
        if not number:
            return digits


def _js_order(term: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units), which the
    browser's binary search relies on."""
    return term.encode("utf-16-be")


def build_index(documents: list[dict[str, str]], fields: tuple[tuple[str, int], ...] = FIELDS) -> dict:
    """The index of ``documents`` in the format described at the top of this module."""
    weights = term_weights(documents, fields)
    terms = sorted(weights, key=_js_order)
    heaviest = max((max(posting.values()) for posting in weights.values()), default=0.0)
    written = [_base36(n) for n in range(max(len(documents), round(heaviest * 100)) + 1)]  # each once
    postings = []
    for term in terms:
        posting = weights[term]  # position -> weight, positions ascending (added in order)
        if len(posting) == 1:  # most terms (a figure, an id) are in one fact only
            ((position, weight),) = posting.items()
            postings.append(f"{written[position + 1]},{written[round(weight * 100)]}")
            continue
        positions = list(posting)
        numbers = [0] * (2 * len(positions))
        numbers[0::2] = map(operator.sub, positions, [-1, *positions])  # gaps
        numbers[1::2] = [round(weight * 100) for weight in posting.values()]
        postings.append(",".join(map(written.__getitem__, numbers)))
    return {"terms": terms, "postings": postings}


def _joined(texts: list[str], separator: str) -> str:
    if any(separator in text for text in texts):  # cannot happen: such texts are normalised
        raise ValueError(f"a text to join holds the separator {separator!r}")
    return separator.join(texts)


def index_script(base: FactBase, options: SiteOptions) -> str:
    """The data file: display columns, facets and the index, as one assignment."""
    display = display_table(base, options)
    columns = {name: _joined(values, "\n") if name in TEXT_COLUMNS else values
               for name, values in display["columns"].items()}
    index = build_index([search_document(item, base) for item in base.facts])
    payload = {**display, "columns": columns, "facets": facet_table(base),
               "index": {"terms": _joined(index["terms"], "\n"), "postings": _joined(index["postings"], ";")}}
    return f"window.NQPF_FACT_INDEX = {json_for_script(payload, compact=True)};\n"


def fact_index_assets(base: FactBase, options: SiteOptions) -> list[tuple[str, str]]:
    """(site path, content) of the generated assets of the fact index."""
    return [(DATA_ASSET, index_script(base, options)),
            (LUNR_ASSET, LUNR_JS.read_text(encoding="utf-8"))]


def fact_index_page(base: FactBase, options: SiteOptions) -> GeneratedPage:
    scripts = "".join(f'<script src="{esc(asset_href(PAGE_SRC, asset, options.directory_urls))}">'
                      "</script>\n" for asset in (LUNR_ASSET, DATA_ASSET, SEARCH_ASSET, SCRIPT_ASSET))
    facets = "".join(
        f'<div class="nqpf-facet"><label for="nqpf-facet-{name}">{name.capitalize()}</label>'
        f'<select id="nqpf-facet-{name}" data-facet="{name}"><option value="">All</option></select></div>'
        for name in FACETS)
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
