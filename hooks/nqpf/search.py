"""The fact index: every fact findable by what readers type, loading only what a query needs.

Words become terms through lunr's pipeline (tokenizer, trimmer, stop words, Porter stemmer),
weighted per field with BM25 as lunr weighs them, then summed over a fact's fields.
The build runs the pipeline with lunr.py (its stemmer corrected to lunr.js's rule for a final
y); the browser runs the same lunr 2.3.9 functions from lunr.js (copied at build time from the
installed mkdocs package) on what is typed. The Chinese and Urdu editions cut their texts into
words first (search_words.py), and the browser cuts a query the same way.

The index is not lunr's serialised index (12.6 MB at 10,000 facts) but sorted terms with one
posting per term (fact-search.js decodes a posting when a query first needs it):

    terms:    "term\nterm\n..."                     sorted as JavaScript compares strings
    postings: "gap,weight,...;gap,weight,...;..."    one per term, base 36

``gap`` is the fact's position minus the previous one in that posting (the first counts
from -1), ``weight`` the fact's summed BM25 weight for the term in hundredths.

What a reader downloads does not grow with the fact base: the page loads a small manifest
(fact-index-data.js: the number of facts and where each term shard starts), then, per
query, the term shards its words can match (assets/nqpf/fact-index/t<n>.js, about
TERM_SHARD_CHARS each), which carry the display rows of each of their terms' FIRST_RESULTS best
facts, so that a one-word query draws its first results after one fetch; rows beyond those
come in row shards (r<n>.js, ROW_SHARD facts each).

A common term (more than HEAD_CHARS of postings and facet codes) stands in a shard of its own,
which carries only its head: how many facts hold it, its best facts in rank order, and its
facet counts with their labels, all that a one-word query shows first. The whole shard
(t<n>-all.js) loads when a query needs more: a second word, a prefix that matches other terms,
a chosen facet, or "Show more". The manifest lists these shards (``heads``), so that such a
query asks for the whole shard in its first round trip; the whole shard carries the rows of
its term's CHAMPIONS best facts, among which the best for two words mostly are.

Facets travel the same way. Every posting carries, beside each fact, its facet values as one
number (``fact_codes``), so that a query's facet counts come from its own term shards. The
labels of a facet's values come in chunks (l-<facet>-<n>.js, with each value's count over
every fact), loaded for the values a facet lists; and a facet chosen with no words loads the
facts of that value (f-<facet>-<value>.js). Nothing the page fetches is the whole base.
Every part is a script that hands its data to window.NQPF_FACT_INDEX_PART, so the page
works from file://, where fetch() is refused. Lists of texts ship joined into one string
each: a browser parses a few long strings far faster than many short ones.
"""

from __future__ import annotations

import heapq
import math
import operator
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain
from pathlib import Path
from typing import Any

import mkdocs.contrib.search
from lunr.pipeline import Pipeline
from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer

from .markup import asset_href, esc, json_for_script, part_script, relative_href
from .pages import KIND_NAMES, GeneratedPage, SiteOptions, according_to, fact_href, front_matter, source_label
from .search_words import LANGUAGES as EDITION_LANGUAGES
from .search_words import edition_words, words_data
from .strings import ENGLISH, STRINGS_ASSET, SiteStrings, marked
from .verify import FactBase, VerifiedFact

PAGE_SRC = "fact-index.md"
DATA_ASSET = "assets/nqpf/fact-index-data.js"
PARTS_DIR = "assets/nqpf/fact-index"
TERM_SHARD_CHARS = 16_000  # postings text per term shard (a term more common than that: one shard)
HEAD_CHARS = 4_000  # a term with more postings and codes than this travels as a head and a whole shard
ROW_SHARD = 32  # facts per display shard: for more results than a term's best
FIRST_RESULTS = 10  # the results drawn with an answer; each term's best travel with it
CHAMPIONS = 100  # the best facts of a common term whose rows travel with its whole shard
FACET_SHOWN = 20  # values a facet lists (the most frequent among the results, and the chosen one)
FACET_CHUNK = 64  # values per part of a facet's labels
LUNR_ASSET = "assets/nqpf/lunr.js"
SEARCH_ASSET = "assets/nqpf/fact-search.js"
PARTS_ASSET = "assets/nqpf/parts.js"  # loads data parts as scripts: the fact index's and the checker's
SCRIPT_ASSET = "assets/nqpf/fact-index.js"
URL_ASSET = "assets/nqpf/fact-index-url.js"  # not deferred: it must run before the theme's scripts
LUNR_JS = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"
# Fields and boosts. What a reader may type about a fact's setting (sector, period, speaker,
# source, entities, tags, id) shares one field; claims and values weigh most.
FIELDS = (("claim", 10), ("value", 8), ("context", 4), ("quote", 2))
FACETS = ("sector", "measure", "kind", "year", "source", "speaker")
FACET_LABELS = {
    "sector": marked("Sector"),
    "measure": marked("Measure"),
    "kind": marked("Kind"),
    "year": marked("Year"),
    "source": marked("Source"),
    "speaker": marked("Speaker"),
}
ROW_COLUMNS = ("id", "value", "claim", "period", "url", "according_to", "sector")  # a result's display


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
        *fact.entities,
        *fact.tags,
        fact.id,
    )
    return {
        "claim": fact.claim,
        # as written ("$35bn", "four") and as stated ("$35 billion", "4"): readers type either
        "value": (
            item.display_value
            if fact.display_value in item.display_value
            else f"{item.display_value} {fact.display_value}"
        ),
        "context": " ".join(filter(None, context)),
        "quote": fact.quote,
    }


def facet_values(item: VerifiedFact) -> dict[str, str]:
    """The facets a fact belongs to, as slugs ('' when it has none, such as no speaker)."""
    fact = item.fact
    return {
        "sector": fact.sector,
        "kind": fact.kind,
        "year": str(fact.period.year) if fact.period else "undated",
        "source": fact.seed,
        "speaker": fact.said_by or "",
        "measure": fact.measure or "",
    }


def facet_table(base: FactBase, strings: SiteStrings = ENGLISH) -> dict[str, dict[str, list[Any]]]:
    """Per facet: its values (sorted slugs, which the URL carries), how they are shown, and
    each fact's value as a code into that list (-1: none)."""
    labels = {
        "sector": {slug: s.title for slug, s in base.sectors.items()},
        "source": {slug: source_label(s, strings) for slug, s in base.sources.items()},
        "speaker": {slug: s.name for slug, s in base.speakers.items()},
        "measure": {slug: m.label for slug, m in base.measures.items()},
        "kind": {kind: strings.t(name) for kind, name in KIND_NAMES.items()},
        "year": {"undated": strings.t("undated")},
    }
    of_fact = [facet_values(item) for item in base.facts]
    table: dict[str, dict[str, list[Any]]] = {}
    for name in FACETS:
        values = sorted({facets[name] for facets in of_fact} - {""})
        code = {value: n for n, value in enumerate(values)}
        table[name] = {
            "values": values,
            "labels": [labels.get(name, {}).get(v, v) for v in values],
            "of": [code.get(facets[name], -1) for facets in of_fact],
        }
    return table


def fact_codes(table: dict[str, dict[str, list[Any]]]) -> list[int]:
    """Each fact's facet values as one number (mixed radix, a digit per facet in FACETS order,
    each its value's code plus one; 0 for none), which travels beside the fact in every
    posting, so that a query's facet counts need nothing but its own parts."""
    codes = [0] * len(table[FACETS[0]]["of"])
    place = 1
    for name in FACETS:
        radix = len(table[name]["values"]) + 1
        for position, code in enumerate(table[name]["of"]):
            codes[position] += (code + 1) * place
        place *= radix
    if place > 2**53:  # JavaScript's numbers hold integers exactly up to 2**53
        raise ValueError(f"the facets have {place:,} combinations, more than one number can carry")
    return codes


def facet_parts(
    table: dict[str, dict[str, list[Any]]], written: list[str]
) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    """The facets' entry in the manifest, and their parts: for each facet, its values, labels
    and counts over every fact in chunks of FACET_CHUNK values (l-<facet>-<n>: the page loads
    the chunks of the values it shows), and for each value the facts that have it, with their
    codes as ``written`` in base 36 (f-<facet>-<value>: what a choice of that value with no
    words needs)."""
    manifest: dict[str, Any] = {}
    parts: list[tuple[str, Any]] = []
    for name in FACETS:
        facet = table[name]
        values, of = facet["values"], facet["of"]
        counts = [0] * len(values)
        holders: list[list[int]] = [[] for _ in values]
        for position, code in enumerate(of):
            if code >= 0:
                counts[code] += 1
                holders[code].append(position)
        starts = range(0, len(values), FACET_CHUNK)
        manifest[name] = {
            "radix": len(values) + 1,
            "chunks": [values[start] for start in starts],
            "top": [code for code, _ in listed_values(of)],
        }
        for n, start in enumerate(starts):
            chunk = slice(start, start + FACET_CHUNK)
            parts.append(
                (f"l-{name}-{n}", {"values": values[chunk], "labels": facet["labels"][chunk], "counts": counts[chunk]})
            )
        for value, positions in zip(values, holders, strict=True):
            gaps = map(operator.sub, positions, [-1, *positions])
            parts.append(
                (
                    f"f-{name}-{value}",
                    {
                        "at": ",".join(map(_base36, gaps)),
                        "codes": ",".join(written[position] for position in positions),
                    },
                )
            )
    return manifest, parts


def display_columns(base: FactBase, options: SiteOptions) -> dict[str, list[str]]:
    """What a result shows, one list of texts per column (ROW_COLUMNS), a row per fact."""
    columns: dict[str, list[str]] = {name: [] for name in ROW_COLUMNS}
    for item in base.facts:
        fact = item.fact
        for name, text in (
            ("id", fact.id),
            ("value", item.display_value),
            ("claim", fact.claim),
            ("period", fact.period.label() if fact.period else ""),
            ("url", fact_href(item, base, PAGE_SRC, options)),
            ("according_to", according_to(item, base, options.strings)),
            ("sector", base.sectors[fact.sector].title),
        ):
            columns[name].append(text)
    return columns


_DIGITS = frozenset("0123456789")


class _JavaScriptStemmer(PorterStemmer):  # type: ignore[misc]  # lunr.py ships no type hints
    """lunr.py's Porter stemmer, with lunr.js's step 1c: the browser stems what is typed with
    lunr.js, so the index's terms must be its. lunr.py turns a final y into i only when the
    stem has a vowel ("happy"), lunr.js when a consonant other than the first letter precedes
    it ("dry" -> "dri", "say" and "by" unchanged): with lunr.py's rule, "fly" and "dry" were
    never found."""

    def step1c(self) -> None:
        word: str = getattr(self, "b")  # noqa: B009 - lunr.py sets it untyped, in stem()
        if self.ends("y") and self.k - self.k0 >= 2 and word[self.k - 1] not in "aeiou":
            self.b = word[: self.k] + "i" + word[self.k + 1 :]


_STEMMER = _JavaScriptStemmer()


def _stemmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    return token.update(_STEMMER.stem)


Pipeline.register_function(_stemmer, "nqpf-stemmer")  # as lunr registers its own: no warning at each use


class _Terms(dict[str, str | None]):
    """lunr's indexing pipeline (trimmer, stop words, stemmer), run once per distinct word:
    a dict from word to term (None for a stop word) that fills itself on first sight. In the
    Chinese and Urdu editions, a text is cut by search_words first; its Latin words only go
    through the pipeline."""

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self.pipeline = Pipeline()
        self.pipeline.add(trimmer, stop_word_filter, _stemmer)
        self.edition = language in EDITION_LANGUAGES

    def __missing__(self, word: str) -> str | None:
        if word[0] in _DIGITS and word[-1] in _DIGITS:
            term: str | None = word  # a numeral: no step of the pipeline changes it, and there are many
        else:
            out = self.pipeline.run([Token(word, {})])
            term = str(out[0]) if out else None
        self[word] = term
        return term

    def counts(self, text: str) -> Counter[str]:
        """How often each term occurs in ``text``."""
        if self.edition:
            return Counter(filter(None, (self[word] if latin else word for word, latin in edition_words(text))))
        # lunr splits on white space and hyphens; str.split is the fast way to do the same
        return Counter(filter(None, map(self.__getitem__, text.lower().replace("-", " ").split())))


_SHARED_TERMS = _Terms()  # words seen by the drafter and the matcher: one entry per distinct word


def term_counts(text: str) -> Counter[str]:
    """The terms lunr's indexing pipeline makes of ``text``, and how often each occurs."""
    return _SHARED_TERMS.counts(text)


def term_weights(
    documents: list[dict[str, str]],
    fields: tuple[tuple[str, int], ...] = FIELDS,
    k1: float = 1.2,
    b: float = 0.75,
    language: str = "en",
) -> dict[str, dict[int, float]]:
    """term -> {document position: weight}: lunr's boosted BM25 score of the term in each
    field of the document, summed over the fields. (lunr rounds each score to 3 decimals; the
    index keeps hundredths of the sum, so rounding here would only cost time.)"""
    terms_of = _Terms(language)
    counted = [[terms_of.counts(document[name] or "") for name, _ in fields] for document in documents]
    count = len(documents)
    # (document, field) pairs holding each term: lunr's idf counts these
    holders = Counter(chain.from_iterable(chain.from_iterable(counted)))
    lengths = [[counts.total() for counts in by_field] for by_field in counted]
    average = [sum(column) / count for column in zip(*lengths, strict=True)]
    # per term: its idf and its posting (document position -> weight), found with one lookup
    table: dict[str, tuple[float, dict[int, float]]] = {
        term: (math.log(1 + abs((count - n + 0.5) / (n + 0.5))), {}) for term, n in holders.items()
    }
    for position, (by_field, field_lengths) in enumerate(zip(counted, lengths, strict=True)):
        for (_, boost), counts, length, mean in zip(fields, by_field, field_lengths, average, strict=True):
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


def build_index(
    documents: list[dict[str, str]],
    fields: tuple[tuple[str, int], ...] = FIELDS,
    codes: list[str] | None = None,
    language: str = "en",
) -> dict[str, Any]:
    """The index of ``documents`` in the format described at the top of this module, each
    term's best documents, and the weights it was written from (term -> {position: weight});
    with ``codes`` (a base-36 number per document), each posting's documents' codes too."""
    weights = term_weights(documents, fields, language=language)
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
    index = {"terms": terms, "postings": postings, "best": [best_positions(weights[term]) for term in terms]}
    index["weights"] = weights
    if codes is not None:
        index["codes"] = [",".join(map(codes.__getitem__, weights[term])) for term in terms]
    return index


def best_positions(posting: dict[int, float], count: int = FIRST_RESULTS) -> list[int]:
    """The ``count`` facts a one-word query for this term draws first, as fact-search.js ranks
    them: heaviest first (in the hundredths the index keeps), ties in index order."""
    return heapq.nsmallest(count, posting, key=lambda position: (-round(posting[position] * 100), position))


def _joined(texts: list[str], separator: str) -> str:
    if any(separator in text for text in texts):  # cannot happen: such texts are normalised
        raise ValueError(f"a text to join holds the separator {separator!r}")
    return separator.join(texts)


def term_shards(
    index: dict[str, Any],
    limit: int | None = None,
    row_size: Callable[[int], int] | None = None,
    head_chars: int | None = None,
) -> list[dict[str, Any]]:
    """The index cut into runs of consecutive terms of about ``limit`` (TERM_SHARD_CHARS)
    characters: their postings and, with ``row_size`` (the characters of a fact's display row),
    the rows of each term's best facts (``rows``: their positions, each once a shard). A term
    with more than ``head_chars`` (HEAD_CHARS) of postings and codes stands alone, marked ``head``."""
    limit = TERM_SHARD_CHARS if limit is None else limit
    head_chars = HEAD_CHARS if head_chars is None else head_chars
    shards: list[dict[str, Any]] = []
    size = 0
    best = index.get("best") or [[] for _ in index["terms"]]
    coded = index.get("codes") or [""] * len(index["terms"])

    def rows_size(positions: list[int]) -> int:
        return sum(map(row_size, positions)) if row_size else 0

    def new_shard(head: bool) -> dict[str, Any]:
        return {"terms": [], "postings": [], "codes": [], "rows": {}, "head": head}

    for term, posting, positions, codes in zip(index["terms"], index["postings"], best, coded, strict=True):
        held = shards[-1]["rows"] if shards else {}
        new = [p for p in positions if p not in held] if row_size else []
        text = len(posting) + len(codes) + len(term)
        head = len(posting) + len(codes) > head_chars
        if not shards or head or shards[-1]["head"] or size + text + rows_size(new) > limit:
            shards.append(new_shard(head))
            size = 0
            new = list(positions) if row_size else []
        shards[-1]["terms"].append(term)
        shards[-1]["postings"].append(posting)
        shards[-1]["codes"].append(codes)
        shards[-1]["rows"].update(dict.fromkeys(new))
        size += text + rows_size(new)
    return shards or [new_shard(False)]


def listed_values(codes: Iterable[int]) -> list[tuple[int, int]]:
    """(value code, count) of the FACET_SHOWN values most frequent in ``codes`` (-1: none), ties
    by code, in code order: the values a facet lists for these facts, as fact-index.js lists them."""
    counts = Counter(codes)
    counts.pop(-1, None)
    return sorted(heapq.nsmallest(FACET_SHOWN, counts.items(), key=lambda item: (-item[1], item[0])))


def term_head(positions: list[int], best: list[int], table: dict[str, dict[str, list[Any]]]) -> dict[str, Any]:
    """What a one-word query for a common term shows first: how many facts hold it (``positions``),
    the best of them in rank order, and each facet's listed values among them, with their counts
    and labels."""
    facets = {}
    for name in FACETS:
        facet = table[name]
        shown = listed_values(map(facet["of"].__getitem__, positions))
        facets[name] = {
            "codes": [code for code, _ in shown],
            "counts": [count for _, count in shown],
            "values": [facet["values"][code] for code, _ in shown],
            "labels": [facet["labels"][code] for code, _ in shown],
        }
    return {"count": len(positions), "best": ",".join(map(_base36, best)), "facets": facets}


def shard_bounds(shards: list[dict[str, Any]]) -> list[str]:
    """Where each shard starts, as the page's binary search needs it: the shortest start of its
    first term that sorts after the last term of the shard before ("batt" between "bath…" and
    "battery"). The manifest grows with the shards; this keeps it small."""
    bounds: list[str] = []
    previous = ""
    for shard in shards:
        first = shard["terms"][0] if shard["terms"] else ""
        length = 1
        while length < len(first) and _js_order(first[:length]) <= _js_order(previous):
            length += 1
        bounds.append(first[:length] if bounds else first)  # the first shard: from the very start
        previous = shard["terms"][-1] if shard["terms"] else previous
    return bounds


def _part(name: str, payload: object) -> tuple[str, str]:
    return f"{PARTS_DIR}/{name}.js", part_script("NQPF_FACT_INDEX_PART", name, payload)


def fact_index_parts(base: FactBase, options: SiteOptions) -> list[tuple[str, str]]:
    """(site path, content) of the manifest and of every shard of the fact index."""
    columns = display_columns(base, options)
    table = facet_table(base, options.strings)
    codes = [_base36(code) for code in fact_codes(table)]  # written once: each fact is in many postings
    documents = [search_document(item, base) for item in base.facts]
    index = build_index(documents, codes=codes, language=options.language)
    row_sizes = [sum(len(text) + 1 for text in row) for row in zip(*columns.values(), strict=True)]
    shards = term_shards(index, row_size=row_sizes.__getitem__)
    best_of = dict(zip(index["terms"], index["best"], strict=True))
    weights = index["weights"]
    count = len(base.facts)
    manifest = {
        "count": count,
        "shards": _joined(shard_bounds(shards), "\n"),  # one string: a list would add quotes and commas
        "heads": [n for n, shard in enumerate(shards) if shard["head"]],
        "rowShard": ROW_SHARD,
    }
    manifest["facets"], facets = facet_parts(table, codes)
    manifest |= {"facetChunk": FACET_CHUNK, "facetShown": FACET_SHOWN}
    if options.language in EDITION_LANGUAGES:  # how the browser cuts a query, as the index was cut
        manifest["words"] = words_data()
    parts = [(DATA_ASSET, f"window.NQPF_FACT_INDEX = {json_for_script(manifest, compact=True)};\n")]

    def with_rows(payload: dict[str, Any], rows: list[int]) -> dict[str, Any]:
        return payload | {
            "rows": {"at": ",".join(map(_base36, rows))}
            | {name: _joined([column[p] for p in rows], "\n") for name, column in columns.items()}
        }

    for n, shard in enumerate(shards):
        payload: dict[str, Any] = {
            "terms": _joined(shard["terms"], "\n"),
            "postings": _joined(shard["postings"], ";"),
            "codes": _joined(shard["codes"], ";"),
        }
        if shard["head"]:
            # The whole shard travels apart, for the queries that need it, with its term's CHAMPIONS
            # best rows: the best facts for two words are mostly among each word's best (champion
            # lists, as information retrieval calls them), so fewer row shards wait behind them.
            (term,) = shard["terms"]
            parts.append(_part(f"t{n}-all", with_rows(payload, best_positions(weights[term], CHAMPIONS))))
            payload = {"terms": term, "head": term_head(list(weights[term]), best_of[term], table)}
        parts.append(_part(f"t{n}", with_rows(payload, list(shard["rows"]))))  # its terms' best facts' rows
    for n, start in enumerate(range(0, count, ROW_SHARD)):
        parts.append(
            _part(f"r{n}", {name: _joined(column[start : start + ROW_SHARD], "\n") for name, column in columns.items()})
        )
    parts += [_part(name, payload) for name, payload in facets]
    return parts


def fact_index_assets(base: FactBase, options: SiteOptions) -> list[tuple[str, str]]:
    """(site path, content) of the generated assets of the fact index."""
    return [*fact_index_parts(base, options), (LUNR_ASSET, LUNR_JS.read_text(encoding="utf-8"))]


def fact_index_page(base: FactBase, options: SiteOptions) -> GeneratedPage:
    # deferred: the page paints first; deferred scripts still run in this order
    scripts = f'<script src="{esc(asset_href(PAGE_SRC, URL_ASSET, options.directory_urls))}"></script>\n' + "".join(
        f'<script defer src="{esc(asset_href(PAGE_SRC, asset, options.directory_urls))}"></script>\n'
        for asset in (LUNR_ASSET, DATA_ASSET, STRINGS_ASSET, PARTS_ASSET, SEARCH_ASSET, SCRIPT_ASSET)
    )
    t = options.t
    facets = "".join(
        f'<div class="nqpf-facet"><label for="nqpf-facet-{name}">{esc(t(FACET_LABELS[name]))}</label>'
        f'<select id="nqpf-facet-{name}" data-facet="{name}"><option value="">{esc(t("All"))}</option></select></div>'
        for name in FACETS
    )
    parts_href = esc(asset_href(PAGE_SRC, PARTS_DIR + "/", options.directory_urls))
    title = t("Fact index")
    search_all = t(
        "Search all {count} verified facts by words, numbers as written (such as 9.443), sector, year, speaker or "
        "source.",
        count=len(base.facts),
    )
    hint = options.strings.html(
        " Press {key} to jump to the search box; use the arrow keys to move through results and {enter} to open one.",
        key="<kbd>/</kbd>",
        enter=f"<kbd>{esc(t('Enter'))}</kbd>",
    )
    sectors_link = f'<a href="{esc(relative_href(PAGE_SRC, "sectors/index.md", options.directory_urls))}">'
    noscript = options.strings.html(
        "The fact index needs JavaScript. Every fact is also listed on the {link}sector pages{end}.",
        link=sectors_link,
        end="</a>",
    )
    body = f"""{front_matter(title, search={"exclude": True})}
# {esc(title)}

{esc(search_all)}<span class="nqpf-keyboard-hint">{hint}</span>

<div class="nqpf-search" id="nqpf-search" data-parts="{parts_href}">
<form class="nqpf-search-form" role="search">
<label for="nqpf-query">{esc(t("Search facts"))}</label>
<span class="nqpf-query-row"><input type="search" id="nqpf-query" name="q" autocomplete="off" spellcheck="false"
  placeholder="{esc(t("robot, 9.443, Hashmi…"))}" aria-describedby="nqpf-status" aria-controls="nqpf-results">
<button type="submit" class="md-button">{esc(t("Search"))}</button></span>
<details class="nqpf-filters"><summary>{esc(t("Filters"))}</summary>
<div class="nqpf-facets">{facets}</div>
</details>
</form>
<p id="nqpf-status" class="nqpf-status" role="status" aria-live="polite">{esc(t("Loading the fact index…"))}</p>
<ol id="nqpf-results" class="nqpf-results"></ol>
<noscript><p>{noscript}</p></noscript>
</div>

{scripts}"""
    return GeneratedPage(PAGE_SRC, title, body)
