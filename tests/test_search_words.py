"""The fact index of the Chinese and Urdu editions (search_words.py): texts cut into pairs of
Chinese characters and folded Urdu words, the same way by the build and by the browser's engine
(node, the real lunr.js), and each edition's facts found by a query in its language."""

import dataclasses
import json
import random
import shutil
import subprocess

import pytest
from browser import unavailable
from test_search import SEARCH_JS, read_parts, run_engine

from nqpf.edition_base import edition_base
from nqpf.pages import SiteOptions
from nqpf.search import LUNR_JS, _Terms, fact_index_parts
from nqpf.search_words import edition_words, words_data
from nqpf.translations import build_editions


def test_chinese_is_cut_into_pairs_and_urdu_folded_and_latin_kept():
    assert edition_words("工业机器人") == [("工业", False), ("业机", False), ("机器", False), ("器人", False)]
    assert edition_words("2023年，车") == [("2023", True), ("年", False), ("车", False)]
    assert edition_words("944.3万辆") == [("944.3", True), ("万辆", False)]
    # Arabic letters and marks as an Arabic keyboard types them: the Urdu ones, without marks
    assert (
        edition_words("آبادي كى تعدادِ")
        == edition_words("آبادی کی تعداد")
        == [
            ("آبادی", False),
            ("کی", False),
            ("تعداد", False),
        ]
    )
    assert edition_words("پاکستان ۲۴ کروڑ") == [("پاکستان", False), ("24", True), ("کروڑ", False)]
    assert edition_words("R&D Robots, the GDP") == [
        ("r", True),
        ("d", True),
        ("robots", True),
        ("the", True),
        ("gdp", True),
    ]


ALPHABET = [
    *"工业机器人新能源汽车产量年万亿元",
    *"آبادیکیتعدادپاکستانکروڑہيكهىِ",
    *"abcxyz",
    "the ",
    "and ",
    "robots ",
    " ",
    "，",
    "。",
    "-",
    "&",
    ".",
    ",",
    "9",
    "0",
    "۲",
    "٣",
    "\u0640",
    "É",
]


def query_terms_in_node(texts: list[str]) -> list[list[str]]:
    node = shutil.which("node")
    if node is None:
        unavailable("node is not installed (apt-get install nodejs)")
    manifest = {"count": 0, "shards": "", "words": words_data()}
    program = f"""
      const lunr = require({json.dumps(str(LUNR_JS))});
      const FactSearch = require({json.dumps(str(SEARCH_JS))});
      const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
      const engine = new FactSearch(input.manifest, lunr);
      console.log(JSON.stringify(input.texts.map(t => engine.words(t + " ").map(w => w.term))));
    """
    done = subprocess.run(
        [node, "-e", program],
        input=json.dumps({"manifest": manifest, "texts": texts}),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


def test_the_browser_cuts_a_query_as_the_build_cuts_a_text():
    rng = random.Random(7)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 24))) for _ in range(3000)]
    terms = _Terms("zh")
    # what the build indexes of each text, as a query (stop words dropped): the terms, in order
    expected = [[t for t in (terms[w] if latin else w for w, latin in edition_words(text)) if t] for text in texts]
    assert query_terms_in_node(texts) == expected
    assert sum(map(len, expected)) > 10_000


@pytest.fixture(scope="module", params=["zh", "ur"])
def edition_index(request, paths, fact_base):
    texts = build_editions(paths, fact_base)[request.param]
    base = edition_base(fact_base, texts)
    options = dataclasses.replace(SiteOptions(), language=request.param, strings=texts.site_strings())
    manifest, parts = read_parts(fact_index_parts(base, options))
    columns: dict[str, list[str]] = {}
    for name in sorted((n for n in parts if n.startswith("r")), key=lambda n: int(n[1:])):
        for column, text in parts[name].items():
            columns.setdefault(column, []).extend(text.split("\n"))
    return request.param, (manifest, parts), columns


QUERIES = {
    "zh": [
        ("机器人", {"industrial-robot-production-growth-2025", "service-robot-production-2023"}),
        ("新能源汽车产量", {"nev-production-2023", "nev-production-2025", "nev-production-growth-2023"}),
        ("944.3", {"nev-production-2023"}),
        ("国内生产总值", {"gdp-2023-yuan", "gdp-2023-usd"}),
        ("Hashmi", {"hashmi-sustained-growth-5-percent"}),  # a speaker, as the source writes him
    ],
    "ur": [
        ("آبادی", {"pakistan-population-under-30"}),
        ("آبادي", {"pakistan-population-under-30"}),  # with the Arabic yeh an Arabic keyboard types
        ("روبوٹس", {"industrial-robot-production-growth-2025"}),
        ("گاڑیاں", {"nev-production-2023"}),
        ("94.43", {"nev-production-2023"}),
    ],
}


def test_each_editions_facts_are_found_by_its_own_words(edition_index):
    code, shipped, rows = edition_index
    queries = [query for query, _ in QUERIES[code]]
    *answers, _ = run_engine(shipped, rows, queries)
    for (query, expected), answer in zip(QUERIES[code], answers, strict=True):
        assert expected <= set(answer["ids"]), (query, answer["ids"])
