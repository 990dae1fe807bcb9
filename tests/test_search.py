"""The fact index: terms and weights as lunr makes them, the compact format, and the ranking
of fact-search.js (run in node with the real lunr.js, on the real facts)."""

import json
import re
import shutil
import subprocess
from collections import Counter

import pytest
from browser import unavailable
from conftest import ROOT
from lunr import lunr

from nqpf import search
from nqpf.pages import SiteOptions, fact_href
from nqpf.search import (
    DATA_ASSET,
    FACET_SHOWN,
    FACETS,
    FIELDS,
    FIRST_RESULTS,
    LUNR_JS,
    PAGE_SRC,
    PARTS_DIR,
    build_index,
    facet_table,
    facet_values,
    fact_codes,
    fact_index_parts,
    search_document,
    term_shards,
    term_weights,
)
from nqpf.search import _js_order as js_order

SEARCH_JS = ROOT / "docs" / "assets" / "nqpf" / "fact-search.js"
MANIFEST = "window.NQPF_FACT_INDEX = "
PART = re.compile(r'window\.NQPF_FACT_INDEX_PART\("(?P<name>[a-z0-9-]+)", (?P<payload>.*)\);\n', re.S)


@pytest.fixture(scope="module")
def documents(fact_base):
    return [search_document(item, fact_base) for item in fact_base.facts]


def read_parts(assets: list[tuple[str, str]]) -> tuple[dict, dict[str, dict]]:
    """(manifest, {part name: payload}) from the files the build writes."""
    files = dict(assets)
    manifest_script = files.pop(DATA_ASSET)
    assert manifest_script.startswith(MANIFEST)
    assert manifest_script.endswith(";\n")
    parts = {}
    for path, script in files.items():
        match = PART.fullmatch(script)
        assert match, path
        assert path == f"{PARTS_DIR}/{match['name']}.js"
        parts[match["name"]] = json.loads(match["payload"])
    return json.loads(manifest_script[len(MANIFEST) : -2]), parts


@pytest.fixture(scope="module")
def shipped(fact_base):
    return read_parts(fact_index_parts(fact_base, SiteOptions()))


@pytest.fixture(scope="module")
def rows(shipped):
    """The display rows of every fact, in order, as the page reads them."""
    _, parts = shipped
    names = [n for n in parts if n.startswith("r")]
    assert names == [f"r{n}" for n in range(len(names))]
    columns: dict[str, list[str]] = {}
    for name in names:
        for column, text in parts[name].items():
            columns.setdefault(column, []).extend(text.split("\n"))
    return columns


def decode(posting: str) -> dict[int, int]:
    """{position: weight in hundredths} from one posting string (the format in search.py)."""
    numbers = [int(part, 36) for part in posting.split(",")]
    positions, position = [], -1
    for gap in numbers[::2]:
        position += gap
        positions.append(position)
    return dict(zip(positions, numbers[1::2], strict=True))


def test_terms_and_weights_are_those_of_lunr_py(documents, monkeypatch):
    """Every term lunr.py indexes, in the same facts, weighing the sum of lunr's field scores
    (lunr.py stemming as lunr.js does, as the index does: see the next test)."""
    monkeypatch.setattr("lunr.stemmer.porter_stemmer", search._STEMMER)
    reference = lunr(
        ref="ref",
        fields=[{"field_name": n, "boost": b} for n, b in FIELDS],
        documents=[{"ref": str(n), **d} for n, d in enumerate(documents)],
    ).serialize()
    order = {term: postings["_index"] for term, postings in reference["invertedIndex"]}
    vectors = {ref: dict(zip(v[::2], v[1::2], strict=True)) for ref, v in reference["fieldVectors"]}
    ours = term_weights(documents)
    assert set(ours) == set(order)
    for term, postings in reference["invertedIndex"]:
        holders = {int(ref) for name, _ in FIELDS for ref in postings[name]}
        assert set(ours[term]) == holders, term
        for position in holders:
            expected = sum(vectors[f"{name}/{position}"].get(order[term], 0) for name, _ in FIELDS)
            # lunr rounds each field's score to 3 decimals; we round only the sum
            assert ours[term][position] == pytest.approx(expected, abs=0.0005 * len(FIELDS)), (term, position)


def test_every_word_of_the_base_is_stemmed_as_lunr_js_stems_it(fact_base):
    """What the browser makes of a typed word is the index's term for it. lunr.py's own stemmer
    turns a final y into i by another rule than lunr.js ("fly": "fly" against "fli"), which made
    such words unfindable; the index uses lunr.js's rule."""
    node = shutil.which("node")
    if node is None:
        unavailable("node is not installed (apt-get install nodejs)")
    texts = [*(seed.text for seed in fact_base.seeds.values()), *(i.fact.claim for i in fact_base.facts)]
    texts += [(ROOT / name).read_text(encoding="utf-8") for name in ("README.md", "CONTRIBUTING.md")]  # more words
    words = sorted({w for text in texts for w in re.findall(r"[a-z]{3,}", text.lower())} | {"fly", "dry", "key", "say"})
    program = f"""
      const lunr = require({json.dumps(str(LUNR_JS))});
      const words = JSON.parse(require("fs").readFileSync(0, "utf8"));
      console.log(JSON.stringify(words.map(w => lunr.stemmer(new lunr.Token(w, {{}})).toString())));
    """
    done = subprocess.run([node, "-e", program], input=json.dumps(words), capture_output=True, text=True, check=True)
    in_browser = dict(zip(words, json.loads(done.stdout), strict=True))
    assert len(words) > 1500
    assert {w: search._STEMMER.stem(w) for w in words} == in_browser
    assert in_browser["fly"] == "fli"


def test_postings_decode_to_the_weights_in_hundredths(documents):
    index = build_index(documents)
    weights = term_weights(documents)
    assert len(index["terms"]) == len(index["postings"]) == len(weights)
    for term, posting in zip(index["terms"], index["postings"], strict=True):
        assert decode(posting) == {p: round(w * 100) for p, w in weights[term].items()}, term


def test_terms_are_sorted_as_javascript_compares_strings():
    # U+FF21 sorts after U+1F600 in code points but before it in UTF-16 code units
    index = build_index([{"claim": "\U0001f600 \uff21 zinc", "value": "", "context": "", "quote": ""}])
    assert index["terms"] == ["zinc", "\U0001f600", "\uff41"]  # lunr lowercases: U+FF21 -> U+FF41


def test_every_fact_has_its_fields_and_context(fact_base):
    assert {name for name, _ in FIELDS} == {"claim", "value", "context", "quote"}
    document = search_document(fact_base.by_id["nev-production-2023"], fact_base)
    assert "9.443 million" in document["value"]
    for text in ("New energy vehicles", "2023", "“New quality productive forces drive", "NEV"):
        assert text in document["context"]  # sector, period, source, tags
    hashmi = search_document(fact_base.by_id["pakistan-population"], fact_base)
    assert "Khalil Hashmi Pakistan's Ambassador to China" in hashmi["context"]  # speaker


def test_display_rows_describe_every_fact(fact_base, shipped, rows):
    manifest, _ = shipped
    assert all(len(column) == len(fact_base.facts) == manifest["count"] for column in rows.values())
    for position, item in enumerate(fact_base.facts):
        assert rows["id"][position] == item.fact.id
        assert rows["url"][position] == fact_href(item, fact_base, PAGE_SRC, SiteOptions())
        assert rows["claim"][position] == item.fact.claim
        assert rows["value"][position] == item.display_value
    robot = fact_base.facts.index(fact_base.by_id["industrial-robot-production-growth-2025"])
    assert rows["sector"][robot] == "Robotics"


def whole_shards(manifest, parts) -> list[dict]:
    """Every term shard with its postings: a common term's from its whole part (t<n>-all)."""
    return [parts.get(f"t{n}-all", parts[f"t{n}"]) for n in range(len(manifest["shards"].split("\n")))]


def facet_of(manifest, code: int, name: str) -> int:
    """A facet's value code (-1: none) from a fact's code, as fact-index.js reads it."""
    place = 1
    for facet in FACETS:
        radix = manifest["facets"][facet]["radix"]
        if facet == name:
            return code // place % radix - 1
        place *= radix
    raise KeyError(name)


def test_facets_travel_with_the_postings_and_by_value(fact_base, shipped):
    """Each fact's code in a posting holds its facet values; a value's part lists the facts that
    have it; the chunks of labels hold every value once, sorted, with its count over the base."""
    manifest, parts = shipped
    table = facet_table(fact_base)
    codes = fact_codes(table)
    for part in whole_shards(manifest, parts):
        for posting, coded in zip(part["postings"].split(";"), part["codes"].split(";"), strict=True):
            assert [codes[at] for at in decode(posting)] == [int(c, 36) for c in coded.split(",")]
    for name in FACETS:
        info = manifest["facets"][name]
        chunks = [parts[f"l-{name}-{n}"] for n in range(len(info["chunks"]))]
        values = [v for chunk in chunks for v in chunk["values"]]
        assert values == sorted(values) == table[name]["values"]
        assert info["chunks"] == [chunk["values"][0] for chunk in chunks]
        assert info["radix"] == len(values) + 1
        counts = [c for chunk in chunks for c in chunk["counts"]]
        for code, value in enumerate(values):
            holders = [at for at, item in enumerate(fact_base.facts) if facet_values(item)[name] == value]
            assert counts[code] == len(holders)
            held = parts[f"f-{name}-{value}"]
            gaps = [int(g, 36) for g in held["at"].split(",")]
            assert [sum(gaps[: k + 1]) - 1 for k in range(len(gaps))] == holders
            assert all(facet_of(manifest, int(c, 36), name) == code for c in held["codes"].split(","))
        assert info["top"] == sorted(sorted(range(len(values)), key=lambda c: -counts[c])[:FACET_SHOWN])
    robot = fact_base.facts.index(fact_base.by_id["industrial-robot-production-growth-2025"])
    sector = facet_of(manifest, codes[robot], "sector")
    assert table["sector"]["values"][sector] == "robotics"
    assert table["sector"]["labels"][sector] == "Robotics"


def test_no_part_holds_a_raw_angle_bracket(fact_base):
    assert all("<" not in script for _, script in fact_index_parts(fact_base, SiteOptions()))


def test_the_shards_hold_the_whole_index_in_order(shipped, documents):
    manifest, parts = shipped
    index = build_index(documents)
    shards = whole_shards(manifest, parts)
    assert [t for shard in shards for t in shard["terms"].split("\n")] == index["terms"]
    assert ";".join(shard["postings"] for shard in shards) == ";".join(index["postings"])
    bounds = manifest["shards"].split("\n")
    assert bounds[0] == shards[0]["terms"].split("\n")[0]
    for n in range(1, len(shards)):  # each shard's bound: the shortest start of its first term after the shard before
        first, before = shards[n]["terms"].split("\n")[0], shards[n - 1]["terms"].split("\n")[-1]
        assert first.startswith(bounds[n])
        assert js_order(before) < js_order(bounds[n])
        assert js_order(bounds[n][:-1]) <= js_order(before)
    assert sum(map(len, bounds)) < sum(len(shard["terms"].split("\n")[0]) for shard in shards)


def test_term_shards_are_bounded_and_a_common_term_stands_alone():
    index = {"terms": [f"t{n:03d}" for n in range(300)], "postings": ["1,1" * 30] * 300}
    index["postings"][100] = "1,1," * 5000  # a word every fact holds
    shards = term_shards(index, limit=1000)
    sizes = [sum(map(len, shard["postings"])) for shard in shards]
    assert [t for shard in shards for t in shard["terms"]] == index["terms"]
    assert any(shard["terms"] == ["t100"] for shard in shards)
    assert all(size <= 1000 + 90 for shard, size in zip(shards, sizes, strict=True) if shard["terms"] != ["t100"])


def test_a_common_term_travels_as_its_head_and_its_whole_shard():
    index = {"terms": [f"t{n:03d}" for n in range(300)], "postings": ["1,1" * 30] * 300}
    index["postings"][100] = "1,1," * 400  # in many facts: a head
    shards = term_shards(index, limit=1000, head_chars=1000)
    assert [t for shard in shards for t in shard["terms"]] == index["terms"]
    assert [shard["terms"] for shard in shards if shard["head"]] == [["t100"]]
    at = next(n for n, shard in enumerate(shards) if shard["head"])
    assert shards[at - 1]["terms"][-1] == "t099"
    assert shards[at + 1]["terms"][0] == "t101"


def test_a_common_terms_head_carries_its_first_answer(fact_base, rows, monkeypatch):
    """A common term's head: how many facts hold it, its best facts in rank order, and each
    facet's listed values among them (the FACET_SHOWN most frequent, ties by value, in value
    order) with their counts and labels, as counted here from the facts themselves. Its whole
    shard carries the rows of its CHAMPIONS best facts."""
    monkeypatch.setattr(search, "HEAD_CHARS", 100)
    monkeypatch.setattr(search, "CHAMPIONS", 12)
    manifest, parts = read_parts(fact_index_parts(fact_base, SiteOptions()))
    table = facet_table(fact_base)
    assert len(manifest["heads"]) >= 5
    more_than_first = 0
    for n in manifest["heads"]:
        head_part, whole = parts[f"t{n}"], parts[f"t{n}-all"]
        assert set(head_part) == {"terms", "head", "rows"}
        assert head_part["terms"] == whole["terms"] != ""
        assert "\n" not in whole["terms"]
        weights = decode(whole["postings"])
        head = head_part["head"]
        assert head["count"] == len(weights)
        ranked = sorted(weights, key=lambda at: (-weights[at], at))
        assert [int(at, 36) for at in head["best"].split(",")] == ranked[:FIRST_RESULTS]
        assert [int(at, 36) for at in head_part["rows"]["at"].split(",")] == ranked[:FIRST_RESULTS]
        champions = [int(at, 36) for at in whole["rows"]["at"].split(",")]
        assert champions == ranked[:12]
        more_than_first += len(champions) > FIRST_RESULTS
        for column in rows:
            assert whole["rows"][column].split("\n") == [rows[column][at] for at in champions], column
        for name in FACETS:
            counts = Counter(facet_values(fact_base.facts[at])[name] for at in weights)
            del counts[""]
            shown = sorted(sorted(counts, key=lambda value: (-counts[value], value))[:FACET_SHOWN])
            assert head["facets"][name] == {
                "values": shown,
                "counts": [counts[value] for value in shown],
                "codes": [table[name]["values"].index(value) for value in shown],
                "labels": [table[name]["labels"][table[name]["values"].index(value)] for value in shown],
            }
    assert more_than_first >= 3


def test_each_terms_best_facts_travel_with_it(rows, fact_base, monkeypatch):
    """A one-word query draws its first results from its term shard alone: the rows of each
    term's FIRST_RESULTS heaviest facts (ties in index order, as fact-search.js ranks) are in
    the term's own shard, each as the row shards have it. (Small shards: many of them.)"""
    monkeypatch.setattr(search, "TERM_SHARD_CHARS", 3_000)
    manifest, parts = read_parts(fact_index_parts(fact_base, SiteOptions()))
    assert len(manifest["shards"].split("\n")) >= 10
    terms = 0
    for n in range(len(manifest["shards"].split("\n"))):
        part = parts[f"t{n}"]
        carried = [int(at, 36) for at in part["rows"]["at"].split(",")] if part["rows"]["at"] else []
        for column in rows:
            written = part["rows"][column].split("\n") if carried else []
            assert written == [rows[column][at] for at in carried], column
        for posting in parts.get(f"t{n}-all", part)["postings"].split(";"):
            weights = decode(posting)
            best = sorted(weights, key=lambda at: (-weights[at], at))[:FIRST_RESULTS]
            assert set(best) <= set(carried)
            terms += 1
    assert terms == len(build_index([search_document(i, fact_base) for i in fact_base.facts])["terms"])


def run_queries(shipped, rows, queries: list[str], loaded: str = "all") -> list[list[str]]:
    """The ids fact-search.js returns for each query, best first. ``loaded``: "all" parts at
    once, or "needed": before each query, only the parts the engine says it needs for every
    match (``whole``). The last item lists the parts loaded."""
    *answers, names = run_engine(shipped, rows, queries, loaded)
    return [answer["ids"] for answer in answers] + [names]


def run_engine(shipped, rows, queries: list[str], loaded: str = "all", first: bool = False) -> list:
    """Per query, fact-search.js's answer {ids, total, head}, then the names of the parts loaded.
    With ``first``, each query first loads only what its first answer needs and answers (that
    answer is ``first``), then loads what every match needs and answers again."""
    node = shutil.which("node")
    if node is None:
        unavailable("node is not installed (apt-get install nodejs)")
    manifest, parts = shipped
    program = f"""
      const lunr = require({json.dumps(str(LUNR_JS))});
      const FactSearch = require({json.dumps(str(SEARCH_JS))});
      const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const engine = new FactSearch(input.manifest, lunr);
      const loaded = [];
      if (input.loaded === "all") {{
        Object.keys(input.parts).filter(n => /^t/.test(n)).forEach(n => engine.add(n, input.parts[n]));
      }}
      function answer(q, whole) {{
        engine.needs(q, whole).forEach(n => {{ loaded.push(n); engine.add(n, input.parts[n]); }});
        const ids = engine.search(q).map(p => input.ids[p]);
        return {{ids: ids, total: engine.total, head: engine.head !== null}};
      }}
      console.log(JSON.stringify(input.queries.map(q => {{
        const first = input.first ? answer(q, false) : null;
        return Object.assign(answer(q, true), {{first: first}});
      }}).concat([loaded])));
    """
    payload = {
        "manifest": manifest,
        "parts": parts,
        "ids": rows["id"],
        "queries": queries,
        "loaded": loaded,
        "first": first,
    }
    done = subprocess.run(
        [node, "-e", program], input=json.dumps(payload), capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(done.stdout)


QUERIES = [
    "robot",
    "9.443",
    "Hashmi",
    "buffalo embryos",
    "Heilongjiang",
    "heilong",
    "robots,",
    "the robot",
    "robot the",
    "",
    "buffalo robot",
    "zzzz",
    "r",
    "new energy",
    "2023",
]


@pytest.fixture(scope="module")
def answers(shipped, rows):
    *found, _ = run_queries(shipped, rows, QUERIES)  # the last item lists the shards loaded
    return dict(zip(QUERIES, found, strict=True))


def test_loading_shards_as_queries_need_them_ranks_as_the_whole_index(fact_base, documents, rows, monkeypatch):
    """With small shards and many common terms, each query loads only what it is missing, and
    ranks exactly as with the whole index loaded; a first answer from a common term's head is
    the start of that ranking, with the same count."""
    monkeypatch.setattr(search, "TERM_SHARD_CHARS", 60)
    monkeypatch.setattr(search, "HEAD_CHARS", 40)
    small = read_parts(fact_index_parts(fact_base, SiteOptions()))
    shards = len(small[0]["shards"].split("\n"))
    assert shards > 50
    assert len(small[0]["heads"]) > 10
    whole = run_queries(small, rows, QUERIES, "all")[:-1]
    *needed, loaded = run_engine(small, rows, QUERIES, "needed", first=True)
    assert [answer["ids"] for answer in needed] == whole
    assert [answer["total"] for answer in needed] == list(map(len, whole))
    heads = 0
    for answer, ranked in zip(needed, whole, strict=True):
        first = answer["first"]
        assert first["total"] == len(ranked)
        assert first["ids"] == ranked[: FIRST_RESULTS if first["head"] else None]
        heads += first["head"]
    assert 3 <= heads < len(QUERIES)  # "robot", "2023", "r"… answer from a head; two-word queries never
    assert len(set(loaded)) == len(loaded) < shards  # never twice, never all
    assert any(name.endswith("-all") for name in loaded)


@pytest.mark.parametrize(
    ("query", "fact_id"),
    [
        ("robot", "industrial-robot-production-growth-2025"),
        ("9.443", "nev-production-2023"),
        ("Hashmi", "pakistan-population"),
        ("buffalo embryos", "buffalo-embryo-lab-capacity"),
        ("Heilongjiang", "nqpf-first-put-forward"),
        ("heilong", "nqpf-first-put-forward"),  # the word being typed matches as a prefix
    ],
)
def test_queries_find_the_fact(answers, query, fact_id):
    assert fact_id in answers[query]


def test_every_word_must_match(answers):
    assert answers["buffalo embryos"] == ["buffalo-embryo-lab-capacity"]
    assert answers["buffalo robot"] == []
    assert answers["zzzz"] == []


def test_punctuation_and_stop_words_do_not_change_the_answer(answers):
    assert answers["robots,"] == answers["the robot"] == answers["robot the"] == answers["robot"]


def test_an_empty_query_lists_every_fact_in_order(answers, fact_base):
    assert answers[""] == [item.fact.id for item in fact_base.facts]


def test_facts_that_claim_the_word_rank_above_facts_that_only_quote_it(answers, documents, fact_base):
    ranked = answers["robot"]
    in_claim = [i for i in ranked if "robot" in documents[fact_base.facts.index(fact_base.by_id[i])]["claim"].lower()]
    assert in_claim
    assert ranked[: len(in_claim)] == in_claim
