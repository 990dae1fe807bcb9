"""Reading a text in Chinese and Urdu as the English one is read (reading_languages.py): the same
statements in the three languages get the same verdicts from the text checker, the base's own
claims and their translations too, and a text's language is told by its letters."""

import dataclasses

import pytest
import yaml
from conftest import ROOT

from nqpf.check_page import language_data
from nqpf.checking import check_data, check_with, languages_read
from nqpf.loading import ProjectPaths
from nqpf.reading_languages import READING_RULES, UR, ZH, text_language
from nqpf.translations import Translation, check_languages, load_editions, spelling_problems

STATEMENTS = yaml.safe_load((ROOT / "tests" / "check_statements.yml").read_text(encoding="utf-8"))
SPEAKING = ("agrees", "disagrees", "no-figure-for-period")  # the base speaking: the rest is silence


@pytest.fixture(scope="module")
def data(fact_base):
    problems = []
    languages = check_languages(ProjectPaths(ROOT), fact_base.vocabulary, fact_base.units, problems)
    assert problems == []
    return dataclasses.replace(check_data(fact_base), languages=languages)


def figures(text: str, data, language: str) -> list[str]:
    return [
        f"{n.verdict} {n.measure}" if n.measure else n.verdict
        for n in check_with(text, data, language)
        if n.verdict != "not-a-figure"
    ]


def test_the_checker_reads_english_chinese_and_urdu(data):
    assert languages_read(data) == ("en", "zh", "ur")
    assert set(READING_RULES) == {"en", "zh", "ur"}


@pytest.mark.parametrize("statement", STATEMENTS, ids=[s["en"][:40] for s in STATEMENTS])
def test_a_statement_gets_the_same_verdicts_in_each_language(data, statement):
    for language in ("en", "zh", "ur"):
        assert figures(statement[language], data, language) == statement["expected"], (language, statement[language])


def test_the_statements_cover_every_verdict_and_kind_of_trap():
    verdicts = {item.split()[0] for s in STATEMENTS for item in s["expected"]}
    assert verdicts == {"agrees", "disagrees", "no-figure-for-period", "unknown"}
    assert len(STATEMENTS) >= 20


def test_the_language_is_told_by_the_text_when_not_given(data):
    for statement in STATEMENTS:
        assert text_language(statement["zh"]) == "zh"
        assert text_language(statement["ur"]) == "ur"
        assert text_language(statement["en"]) == "en"
        assert figures(statement["zh"], data, None) == statement["expected"]
    assert text_language("GDP 5.2%") == "en"
    assert text_language("2023") == "en"  # no letters: a tie, read as English


def test_a_language_without_words_is_refused_when_asked_for(data):
    english_only = dataclasses.replace(data, languages={})
    with pytest.raises(ValueError, match="not read"):
        check_with("2023年增长5.2%。", english_only, "zh")
    # told by its letters, it is read as English (as the page does): numbers, no verdict of the base
    assert all(n.verdict not in SPEAKING for n in check_with("2023年经济增长5.2%。", english_only))


# Where a translated claim and its English are not read alike, and why; the list is exact, so a
# change that reads one more (or one fewer) claim alike shows here.
CLAIMS_READ_APART = {
    ("pakistan-eight-key-sectors", "zh"): "the English's clause holds “investment”, the Chinese one's comma ends it",
    ("lahore-safe-city-traffic-violations", "zh"): "“由中国企业建设的” is one clause with the figure: built is read",
    ("lahore-safe-city-traffic-violations", "ur"): "“چینی کمپنیوں کے تعمیر کردہ” likewise: built is read",
    ("government-work-report-2026", "zh"): "English reads “2026 government” as a count, 2026年 is a year",
    ("government-work-report-2026", "ur"): "likewise, 2026 کی",
    ("nqpf-top-of-ten-major-tasks", "zh"): "10项: 项 is the unit of memorandums as well as of tasks",
    ("service-robot-production-2023", "zh"): "“783.3万套” writes the unit (sets); the English writes “service robots”",
    ("service-robot-production-2023", "ur"): "likewise, سروس روبوٹ is a spelling of sets",
    ("pakistan-population-under-30", "ur"): "“60 فیصد آبادی” writes no “of”: read as a level, not a share",
}


def test_the_base_claims_and_their_translations_are_read_alike(data, fact_base):
    editions, problems = load_editions(ProjectPaths(ROOT), fact_base)
    assert problems == []
    apart, compared = {}, 0
    for item in fact_base.facts:
        english = figures(item.fact.claim, data, "en")
        for code, texts in editions.items():
            translation = texts.facts.get(item.fact.id)
            if translation is None:
                continue
            compared += 1
            translated = figures(translation.texts["claim"], data, code)
            if translated != english:
                apart[item.fact.id, code] = (english, translated)
                # never a different verdict of the base: where one speaks, the other is silent
                spoken = [{v for v in found if v.split()[0] in SPEAKING} for found in (english, translated)]
                assert not (spoken[0] and spoken[1]), (item.fact.id, code)
    assert compared >= 80
    assert set(apart) == set(CLAIMS_READ_APART), apart


def test_each_rule_of_the_languages_is_a_pattern_the_browser_can_run():
    for rules in (ZH, UR):
        data = language_data(rules)
        assert data["patterns"]["sentenceEnd"]["source"]
        assert not data["linesWrap"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("zh", "中国共产党二十届三中全会已经闭幕。", []),  # 二十届: an ordinal
        ("zh", "2024年是中华人民共和国成立75周年。", []),  # 75周年
        ("ur", "15ویں پانچ سالہ منصوبے کے تحت 2025 میں ترقی ہوگی۔", []),  # 15ویں: an ordinal
        ("zh", "2023年1-10月，新能源汽车产量735万辆。", ["unknown"]),  # 1-10月: a date, the year to date
        ("ur", "2023 میں چین کی پاکستان کو 10 لاکھ ٹن برآمدات ہوئیں۔", ["unknown"]),
        (
            "zh",
            "2023年，我国新能源汽车产量944.3万辆。\n2023年我国新能源汽车产量944.3万辆。",
            ["agrees nev-production"] * 2,
        ),
    ],
)
def test_numbers_that_are_no_figure_and_traps(data, language, text, expected):
    assert figures(text, data, language) == expected


def test_a_sentence_before_fills_what_a_clause_leaves_unstated(data):
    # as in English, the second sentence states no year: its figure's measure is known, its period not
    english = "In 2023, China produced 9.443 million new energy vehicles. Production rose 30.3% year on year."
    chinese = "2023年，我国新能源汽车产量944.3万辆。其中，比上年增长30.3%。"
    expected = ["agrees nev-production", "no-figure-for-period nev-production-growth"]
    assert figures(english, data, "en") == figures(chinese, data, "zh") == expected


def test_the_vocabulary_translations_name_entries_of_the_vocabulary(fact_base):
    for code in ("zh", "ur"):
        rows = yaml.safe_load((ROOT / "translations" / code / "vocabulary.yml").read_text(encoding="utf-8"))
        assert {row["slug"] for row in rows} == set(fact_base.vocabulary), code


def test_a_spelling_naming_two_entries_is_refused():
    first = Translation("production", {"spellings": ["产量"]}, "translations/zh/vocabulary.yml", 3)
    second = Translation("sales", {"spellings": ["销量", "产量"]}, "translations/zh/vocabulary.yml", 5)
    problems = spelling_problems({"production": first, "sales": second})
    assert [(p.line, p.message) for p in problems] == [
        (5, "“产量” already names production (translations/zh/vocabulary.yml:3): keep it in one entry")
    ]
