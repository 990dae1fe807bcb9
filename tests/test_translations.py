"""The editions' translations (translations.py): the committed ones translate everything readers
see and verify; a wrong scale, unit, hedge or number in a translation is refused at its file and
line, saying what it read, what the fact states and what to write; what to write is accepted."""

import re
from decimal import Decimal
from fractions import Fraction

import jsonschema
import pytest
import yaml
from conftest import ROOT, copy_project, fact_quoting, nqpf, run_build
from hypothesis import given, settings
from hypothesis import strategies as st

from nqpf import translations
from nqpf.editions import EDITIONS, written_value
from nqpf.loading import ProjectPaths
from nqpf.localised_numbers import read_numbers_in
from nqpf.model import PERCENT, QUALIFIERS, SCALES, json_schema
from nqpf.problems import FactsInvalid
from nqpf.translations import (
    Translation,
    build_editions,
    coverage,
    load_editions,
    number_problems,
    read_glossary,
    value_problems,
)
from nqpf.verify import build_fact_base

TRANSLATIONS = ROOT / "translations"


@pytest.fixture(scope="module")
def editions(paths, fact_base):
    return build_editions(paths, fact_base)


def test_every_edition_translates_every_claim_measure_sector_and_unit_readers_see(fact_base, editions):
    found = coverage(fact_base, editions)
    assert [item.edition.code for item in found] == ["zh", "ur"]
    for item in found:
        assert item.counts["facts"] == (len(fact_base.facts), len(fact_base.facts)), item.line()
        assert item.counts["measures"][1] == len(fact_base.measures)
        assert item.counts["sectors"][1] == len(fact_base.sectors)
        assert item.complete, item.line()
        assert item.counts["units"][1] >= 10  # the units of facts and measures, never all the registry


def test_the_command_line_prints_each_editions_coverage(fact_base):
    done = nqpf("coverage")
    assert done.returncode == 0, done.stderr
    total = len(fact_base.facts)
    assert f"translated: zh (Chinese): facts {total}/{total}, measures" in done.stdout
    assert f"translated: ur (Urdu): facts {total}/{total}, measures" in done.stdout


SCHEMA_OF = {
    "measures.yml": "translated-measures",
    "sectors.yml": "translated-sectors",
    "units.yml": "translated-units",
    "site.yml": "translated-strings",
    "vocabulary.yml": "translated-vocabulary",
}
FILES = sorted(TRANSLATIONS.glob("*/*.yml"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_translation_file_validates_against_its_schema_and_names_it(path):
    name = SCHEMA_OF.get(path.name, "translated-facts")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../schema/{name}.schema.json\n")
    jsonschema.validate(yaml.safe_load(text), json_schema(name))


def test_the_glossary_validates_against_its_schema_and_names_it():
    text = (TRANSLATIONS / "glossary.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/glossary.schema.json\n")
    jsonschema.validate(yaml.safe_load(text), json_schema("glossary"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"en": "GDP", "zh": "国内生产总值"}], json_schema("glossary"))


def test_each_edition_has_a_file_for_each_fact_file_registry_and_page(paths):
    fact_files = {p.name for p in paths.fact_files()}
    for code in EDITIONS:
        present = {p.name for p in (TRANSLATIONS / code).glob("*.yml")}
        assert present == fact_files | {"measures.yml", "sectors.yml", "units.yml", "site.yml", "vocabulary.yml"}, code
        pages = {p.name for p in (TRANSLATIONS / code / "pages").glob("*.md")}
        assert pages == set(paths.page_names()), code


# ---- a wrong number is refused: every value of every edition, mutated


def _value_mention(fact, claim, code):
    return next(m for m in read_numbers_in(claim, code) if m.magnitude == fact.number)


def _translated_values(fact_base, editions):
    for code, texts in editions.items():
        for fact_id, translation in texts.facts.items():
            fact = fact_base.by_id[fact_id].fact
            if fact.number is not None:
                yield code, fact, translation.texts["claim"], texts.units.get(fact.unit)


def _swapped(claim, mention, code):
    """The claim with the value's scale word replaced by each other (万 for 亿, لاکھ for کروڑ), or
    with one added where it has none."""
    words = EDITIONS[code].words
    gap = " " if words.spaced else ""
    before, after = claim[: mention.start], claim[mention.end :]
    if mention.scale:
        number = mention.text[: mention.text.index(mention.scale)]
        return [before + number + other + after for other in words.scales if other != mention.scale]
    if mention.percent:
        return []
    return [before + mention.text + gap + other + after for other in words.scales]


def test_a_wrong_scale_in_any_translated_value_is_refused(fact_base, editions):
    tried = 0
    for code, fact, claim, unit in _translated_values(fact_base, editions):
        mention = _value_mention(fact, claim, code)
        for wrong in _swapped(claim, mention, code):
            problems = value_problems(fact, wrong, EDITIONS[code], unit)
            assert problems, wrong
            assert " reads as " in problems[0] or "is not written" in problems[0], problems
            tried += 1
    assert tried >= 60


def test_a_dropped_or_changed_hedge_is_refused(fact_base, editions):
    tried = 0
    for code, fact, claim, unit in _translated_values(fact_base, editions):
        mention = _value_mention(fact, claim, code)
        if mention.hedge_words and mention.hedge_words in claim:
            dropped = claim.replace(mention.hedge_words, "", 1)
            assert any("no hedge" in p for p in value_problems(fact, dropped, EDITIONS[code], unit)), dropped
            tried += 1
        else:
            hedge = "约" if code == "zh" else "تقریباً "
            added = claim[: mention.start] + hedge + claim[mention.start :]
            assert any("(about)" in p for p in value_problems(fact, added, EDITIONS[code], unit)), added
            tried += 1
    assert tried >= 30


def test_the_issues_example_is_refused_at_its_file_and_line_by_the_check_and_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    zh = project / "translations" / "zh" / "economy.yml"
    zh.write_text(zh.read_text(encoding="utf-8").replace("126万亿元", "126亿元"), encoding="utf-8")
    ur = project / "translations" / "ur" / "people.yml"
    ur.write_text(ur.read_text(encoding="utf-8").replace("24 کروڑ", "24 لاکھ"), encoding="utf-8")
    done = nqpf("--root", str(project), "check")
    assert done.returncode == 1
    line = next(n for n, text in enumerate(zh.read_text(encoding="utf-8").splitlines(), 1) if "126亿元" in text)
    expected = [
        "translations/ur/people.yml:3: pakistan-population: claim: “24 لاکھ افراد” reads as 2,400,000 people; "
        "the fact states 240 million people: write 24\u00a0کروڑ افراد",
        f"translations/zh/economy.yml:{line}: gdp-2023-yuan: claim: “126亿元” reads as 12,600,000,000 CNY; "
        "the fact states more than 126 trillion CNY: write 超过126万亿元",
    ]
    assert [text.strip() for text in done.stderr.splitlines()[1:] if text.strip()] == expected
    build = run_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert all(text in build.output for text in expected)
    assert "Traceback" not in build.output


# ---- what the messages say to write is what the checks accept


def test_what_each_fact_should_read_is_accepted_in_each_edition(fact_base, editions):
    for code, fact, _claim, unit in _translated_values(fact_base, editions):
        written = written_value(fact, EDITIONS[code], tuple(unit.texts.get("spellings", ())))  # 2/3: 三分之二
        assert written is not None, fact.id
        assert value_problems(fact, written, EDITIONS[code], unit) == [], (code, fact.id, written)


UNIT_WORDS = {"zh": ("元",), "ur": ("یوآن",)}


@settings(max_examples=300, deadline=None)
@given(
    code=st.sampled_from(sorted(EDITIONS)),
    value=st.decimals(min_value=Decimal("0.001"), max_value=Decimal(99999), places=3, allow_nan=False),
    scale=st.sampled_from([None, *SCALES]),
    percent=st.booleans(),
    qualifier=st.sampled_from([None, *QUALIFIERS]),
)
def test_what_to_write_for_any_value_reads_back_as_that_value(code, value, scale, percent, qualifier):
    fields = {"unit": PERCENT} if percent else {"unit": "CNY", "scale": scale}
    fact = fact_quoting("q", value=Fraction(value), qualifier=qualifier, measure="m", **fields)
    unit = Translation("CNY", {"spellings": list(UNIT_WORDS[code])}, "units.yml", 1)
    written = written_value(fact, EDITIONS[code], () if percent else UNIT_WORDS[code])
    assert written is not None
    assert value_problems(fact, written, EDITIONS[code], unit) == [], written


# ---- every other number, and the glossary


def test_a_dropped_year_or_an_added_number_is_refused():
    zh = EDITIONS["zh"]
    english = "China's economy grew by 5.2% in 2023, meeting its target."
    assert number_problems(english, "2023年，中国经济增长5.2%。", zh) == []
    assert number_problems(english, "中国经济增长5.2%。", zh) == [
        "the English writes “2023”; the translation does not: write 2023"
    ]
    assert number_problems(english, "2023年，中国经济增长5.2%，连续3年。", zh) == [
        f"“3” is no number of the English “{english}”: write the English's numbers only"
    ]
    # the month of a dated English text may be written as its number: 2023年9月
    assert number_problems("It was put forward in September 2023.", "2023年9月提出。", zh) == []


def _break(project, path, old, new):
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(project):
    paths = ProjectPaths(project)
    with pytest.raises(FactsInvalid) as raised:
        build_editions(paths, build_fact_base(paths)[0])
    return [str(problem) for problem in raised.value.problems]


def test_a_glossary_term_must_be_rendered_as_the_glossary_says(tmp_path):
    project = copy_project(tmp_path / "project")
    _break(project, "translations/zh/policy.yml", "新质生产力的概念", "新型生产力的概念")
    [problem] = _problems(project)
    assert problem.startswith("translations/zh/policy.yml:3: nqpf-first-put-forward: claim: the English writes ")
    assert "“新质生产力” (translations/glossary.yml:" in problem


def test_a_names_numbers_are_the_glossarys_not_the_claims():
    zh, ur = EDITIONS["zh"], EDITIONS["ur"]
    english = "It is a hub under the 15th Five-Year Plan, as the two sessions said in 2026."
    translated = "2026年两会指出，在“十五五”规划期间它是一个中心。"  # 十五五 is a name, not a numeral
    assert number_problems(english, translated, zh) == [
        "the English writes “15th”; the translation does not: write 15"
    ]  # without the glossary, the "15th" of a name is a number like any other
    glossary = read_glossary(ProjectPaths(ROOT), [])
    assert number_problems(english, translated, zh, glossary) == []
    urdu = "2026 میں دو اجلاسوں کے مطابق یہ 15ویں پانچ سالہ منصوبے کے تحت ایک مرکز ہے۔"
    assert number_problems(english, urdu, ur, glossary) == []


def test_a_machine_draft_is_listed_to_review_and_never_shown(tmp_path, fact_base):
    project = copy_project(tmp_path / "project")
    _break(
        project,
        "translations/ur/space.yml",
        "- id: pakistan-astronauts-chinese-mission\n",
        "- id: pakistan-astronauts-chinese-mission\n  draft: true\n",
    )
    paths = ProjectPaths(project)
    editions, problems = load_editions(paths, build_fact_base(paths)[0])
    assert [str(p) for p in problems] == [
        "translations/ur/space.yml:2: 1 drafted translation to review (pakistan-astronauts-chinese-mission): "
        "read each against the English, then delete its draft: true line"
    ]
    assert "pakistan-astronauts-chinese-mission" not in editions["ur"].facts
    assert [d.key for d in editions["ur"].drafts] == ["pakistan-astronauts-chinese-mission"]
    [_, ur] = coverage(fact_base, editions)
    assert ur.counts["facts"] == (len(fact_base.facts) - 1, len(fact_base.facts))


def test_a_missing_translation_is_allowed_but_counted(tmp_path):
    project = copy_project(tmp_path / "project")
    space = project / "translations" / "zh" / "space.yml"
    space.write_text(space.read_text(encoding="utf-8").split("\n- id:")[0] + "\n[]\n", encoding="utf-8")
    assert nqpf("--root", str(project), "check").returncode == 0
    done = nqpf("--root", str(project), "coverage")
    assert done.returncode == 1
    counted = re.search(r"translated: zh \(Chinese\): facts (\d+)/(\d+)", done.stdout)
    assert counted is not None, done.stdout
    assert int(counted[1]) == int(counted[2]) - 1


def test_a_claim_is_checked_again_only_when_what_it_is_checked_against_changes(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    paths = ProjectPaths(project)
    base = build_fact_base(paths)[0]
    assert load_editions(paths, base)[1] == []
    assert (project / "build" / "cache" / "translations-zh.json").is_file()
    checked: list[str] = []
    findings = translations._fact_findings
    monkeypatch.setattr(
        translations,
        "_fact_findings",
        lambda translation, *rest: checked.append(translation.key) or findings(translation, *rest),
    )
    assert load_editions(paths, base)[1] == []
    assert checked == []  # nothing changed: every claim's checks are remembered
    _break(project, "translations/zh/economy.yml", "126万亿元", "126亿元")
    for _ in range(2):  # refused when checked, and again when remembered
        problems = load_editions(paths, base)[1]
        assert [p.fact_id for p in problems] == ["gdp-2023-yuan"]
    assert checked == ["gdp-2023-yuan"]
