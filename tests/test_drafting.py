"""The drafter: every number of a seed gets a proposal, proposals verify once reviewed, and the
curated fact base comes back from its seeds."""

import re
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, nqpf

from nqpf.drafting import draft_seed
from nqpf.loading import ProjectPaths, load_inputs
from nqpf.model import read_period
from nqpf.numbers import parse_value, read_numbers
from nqpf.reading import date_expressions, sentences

CURATED, _ = load_inputs(ProjectPaths(ROOT))
SEEDS = sorted(CURATED.sources)


def nqpf_in(root: Path, *args: str) -> subprocess.CompletedProcess:
    return nqpf("--root", str(root), *args)


def records_without_seed(text: str, slug: str) -> str:
    """A YAML list of records as text, less the records that name seed ``slug``."""
    head, *items = re.split(r"(?m)^(?=- )", text)
    kept = [item for item in items if not re.search(rf"(?m)^\s+seed: {re.escape(slug)}$", item)]
    return head + ("".join(kept) if kept else "[]\n")


def project_without(tmp_path: Path, slug: str) -> Path:
    """A copy of the project's facts and seeds with every fact and ignore entry of a seed removed."""
    root = tmp_path / slug
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copytree(ROOT / "facts", root / "facts")
    for path in (root / "facts").glob("*.yml"):
        if path.name not in {"sectors.yml", "speakers.yml"}:
            path.write_text(records_without_seed(path.read_text(encoding="utf-8"), slug), encoding="utf-8")
    return root


def delete_draft_lines(root: Path) -> None:
    for path in (root / "facts" / "drafts").glob("*.yml"):
        path.write_text(re.sub(r"(?m)^\s+draft: true\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")


def drafted(root: Path, slug: str) -> list[dict]:
    path = root / "facts" / "drafts" / f"{slug}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []


def reading(value, scale, qualifier, period) -> tuple:
    exact = value if isinstance(value, Fraction) or value is None else parse_value(value)
    return (exact, scale, qualifier, None if period is None else read_period(period).text)


def same_sentence(fact) -> bool:
    """Whether the fact's number (its value, or its period for an event) and its period's year
    stand in one sentence: the only period the drafter may propose."""
    text = CURATED.seed_texts[fact.seed]
    for start, end in sentences(text):
        mentions = read_numbers(text[start:end])
        has_value = fact.value is None or any(m.value == fact.value and m.scale == fact.scale for m in mentions)
        has_year = fact.period is None or any(m.year == fact.period.year for m in mentions)
        if has_value and has_year and (fact.value is not None or fact.period is not None):
            return True
    return False


@pytest.fixture(scope="module")
def drafted_projects(tmp_path_factory):
    """Per seed: a copy of the project without that seed's facts and ignore entries, drafted."""
    projects = {}
    for slug in SEEDS:
        root = project_without(tmp_path_factory.mktemp("recovery"), slug)
        done = nqpf_in(root, "draft", slug)
        assert done.returncode == 0, done.stderr
        projects[slug] = root
    return projects


def test_drafts_bring_back_the_curated_facts(drafted_projects, capsys):
    rows, total, back, in_scope, back_in_scope = [], 0, 0, 0, 0
    valued, same_measure, same_unit = 0, 0, 0  # of the curated facts with a value that came back
    for slug in SEEDS:
        proposals: dict[tuple, list[dict]] = {}
        for r in drafted(drafted_projects[slug], slug):
            proposals.setdefault(
                reading(r.get("value"), r.get("scale"), r.get("qualifier"), r.get("period")), []
            ).append(r)
        curated = [f for f in CURATED.facts if f.seed == slug]
        found = [
            reading(f.value, f.scale, f.qualifier, f.period.text if f.period else None) in proposals for f in curated
        ]
        for fact, came_back in zip(curated, found, strict=True):
            if came_back and fact.value is not None:
                # several numbers of one sentence may read alike ("one ..., and one ..."): any of them
                alike = proposals[
                    reading(fact.value, fact.scale, fact.qualifier, fact.period.text if fact.period else None)
                ]
                valued += 1
                same_measure += any(r.get("measure") == fact.measure for r in alike)
                same_unit += any(r.get("unit") == fact.unit for r in alike)
        scope = [same_sentence(f) for f in curated]
        rows.append(
            f"{slug}: {sum(found)}/{len(curated)} back "
            f"({sum(f and s for f, s in zip(found, scope, strict=True))}/{sum(scope)} of those it may draft)"
        )
        total, back = total + len(curated), back + sum(found)
        in_scope += sum(scope)
        back_in_scope += sum(f and s for f, s in zip(found, scope, strict=True))
        assert not any(f and not s for f, s in zip(found, scope, strict=True))  # nothing guessed comes back
    with capsys.disabled():
        print("\nRecovery of the curated facts from their seeds (same value, scale, qualifier, period):")
        print("\n".join(f"  {row}" for row in rows))
        print(
            f"  total: {back}/{total} ({100 * back / total:.0f}%); of the facts whose number and period "
            f"stand in one sentence: {back_in_scope}/{in_scope} ({100 * back_in_scope / in_scope:.0f}%)"
        )
        print(
            f"  of the {valued} with a value: the curated measure proposed for {same_measure} "
            f"({100 * same_measure / valued:.0f}%), the curated unit for {same_unit} ({100 * same_unit / valued:.0f}%)"
        )
    # The others state no number, or take their year from another sentence, which a drafter never may.
    assert back_in_scope >= 0.9 * in_scope
    assert in_scope >= 0.65 * total  # 30 of 44: two facts became events when their numbers proved no figures
    assert same_measure >= 0.9 * valued
    assert same_unit == valued


def test_every_draft_verifies_once_reviewed_and_coverage_is_then_complete(drafted_projects):
    for slug, root in drafted_projects.items():
        pending = nqpf_in(root, "check")
        assert pending.returncode == 1
        assert "to review (ids " in pending.stderr
        assert all("to review" in line for line in pending.stderr.splitlines()[1:]), pending.stderr
        delete_draft_lines(root)
        reviewed = nqpf_in(root, "check")
        assert reviewed.returncode == 0, (slug, reviewed.stderr)
        assert "(100.0%)" in reviewed.stdout


def test_no_draft_states_a_period_its_own_quote_does_not_write(drafted_projects):
    periods = 0
    for slug, root in drafted_projects.items():
        for record in drafted(root, slug):
            if "period" in record:
                periods += 1
                year = read_period(record["period"]).year
                quote = record["source"]["quote"]
                assert any(m.year == year for m in read_numbers(quote)), record
                assert len(sentences(quote)) == 1, record  # one sentence: never another one's year
    assert periods >= 10


def test_drafting_again_after_half_the_review_adds_nothing(tmp_path):
    slug = "yang-nqpf-high-quality"
    root = project_without(tmp_path, slug)
    assert nqpf_in(root, "draft", slug).returncode == 0
    path = root / "facts" / "drafts" / f"{slug}.yml"
    text = path.read_text(encoding="utf-8")
    count = text.count("draft: true")
    half = re.sub(r"(?m)^\s+draft: true\n", "", text, count=count // 2)
    path.write_text(half, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (root / "facts" / "drafts").iterdir()}
    again = nqpf_in(root, "draft", slug)
    assert again.returncode == 0
    assert "Nothing to draft" in again.stdout
    assert {p.name: p.read_bytes() for p in (root / "facts" / "drafts").iterdir()} == before


def test_drafting_a_seed_whose_numbers_are_all_captured_writes_nothing(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copytree(ROOT / "facts", root / "facts")
    done = nqpf_in(root, "draft", "hashmi-third-plenum")
    assert done.returncode == 0
    assert "Nothing to draft" in done.stdout
    assert not (root / "facts" / "drafts").exists()


def test_an_unknown_seed_is_a_user_error(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copytree(ROOT / "facts", root / "facts")
    done = nqpf_in(root, "draft", "no-such-seed")
    assert done.returncode == 2
    assert done.stderr.startswith("nqpf draft: 'no-such-seed' is not a seed in seeds/sources.yml (known: ")


# ---- the parts


def test_sentences_do_not_break_at_abbreviations_initials_or_decimals():
    text = (
        "Tanvir A. Bhatti said output rose 9.5%. It cost US$6.5 billion, about Rs. 5 crore per unit. "
        "BEIJING, Sept. 29 (Xinhua) -- R&D rose.\nA new line starts here"
    )
    assert [text[s:e] for s, e in sentences(text)] == [
        "Tanvir A. Bhatti said output rose 9.5%.",
        "It cost US$6.5 billion, about Rs. 5 crore per unit.",
        "BEIJING, Sept. 29 (Xinhua) -- R&D rose.",
        "A new line starts here",
    ]


@pytest.mark.parametrize(
    ("written", "period"),
    [
        ("in September 2023", "2023-09"),
        ("on November 7, 2022", "2022-11-07"),
        ("7 November 2022", "2022-11-07"),
        ("11th Mar, 2025", "2025-03-11"),
        ("Sept. 29", None),
        ("June 10th, 2023", "2023-06-10"),
    ],
)
def test_dates_written_in_words(written, period):
    (date,) = date_expressions(written, 0, len(written))
    assert (date.period.text if date.period else None) == period


def _drafts_of(text: str, tmp_path: Path, date: str = "null"):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "facts", root / "facts")
    (root / "seeds").mkdir()
    shutil.copy(ROOT / "seeds" / "sources.yml", root / "seeds" / "sources.yml")
    for name in CURATED.sources.values():
        shutil.copy(ROOT / "seeds" / name.file_name, root / "seeds" / name.file_name)
    (root / "seeds" / "099_0000000000000000.txt").write_text(text, encoding="utf-8")
    with (root / "seeds" / "sources.yml").open("a", encoding="utf-8") as out:
        out.write(
            "\n- slug: test-report\n  file: 099_0000000000000000.txt\n  title: null\n  outlet: null\n"
            f"  author: null\n  date: {date}\n  place: null\n"
        )
    inputs, _ = load_inputs(ProjectPaths(root))
    return draft_seed(inputs, "test-report")


def test_a_report_in_the_corridors_forms(tmp_path):
    drafts = _drafts_of(
        "The federal government allocated Rs1.13tr to the PSDP in 2024, of which more than Rs 5 crore "
        "went to one-quarter of the districts. The 884MW Suki Kinari plant cost $2bn. Exports topped "
        "$35bn in the first eight months of 2024. Contact: 051 111 510 510. Under CPEC Phase Two, "
        "the two countries signed 45 MoUs at 10:30 am.",
        tmp_path,
    )
    facts = {
        (Fraction(str(r["value"])) if not isinstance(r["value"], str) else parse_value(r["value"])): r
        for r in drafts.facts
    }
    assert {k: (r.get("scale"), r["unit"], r.get("qualifier"), r.get("period")) for k, r in facts.items()} == {
        Fraction("1.13"): ("trillion", "PKR", None, 2024),
        Fraction(5): ("crore", "PKR", "more than", 2024),
        Fraction(1, 4): (None, "share", None, 2024),
        Fraction(884): (None, "MW", None, None),
        Fraction(2): ("billion", "USD", None, None),
        Fraction(35): ("billion", "USD", "more than", 2024),
        Fraction(45): (None, "mous", None, None),
    }
    assert facts[Fraction(35)]["qualifying_numbers"] == [8]
    assert {r["quote"]: r["reason"] for r in drafts.ignored} == {
        "051 111 510 510": "A telephone number.",
        "CPEC Phase Two": "Part of a name, not a figure.",
        "the two countries": "Counts the parties (the two countries), not a figure.",
        "10:30 am": "A time of day, not a figure.",
    }
    assert all(r["draft"] is True for r in (*drafts.facts, *drafts.ignored))


def test_a_sentence_with_several_years_gets_no_period(tmp_path):
    drafts = _drafts_of(
        "Over the 2021-2024 period, R&D spending rose at an average annual rate of 10.5 "
        "percent. Output rose 5% in 2023 and 7% in 2024.",
        tmp_path,
    )
    assert all("period" not in r for r in drafts.facts)
    by_value = {r["value"]: r for r in drafts.facts}
    assert by_value[10.5]["qualifying_numbers"] == [2021, 2024]
    assert by_value[5]["qualifying_numbers"] == [2023, 2024]


def test_a_dated_event_and_a_speaker(tmp_path):
    drafts = _drafts_of(
        "Khalil Hashmi said Pakistan signed 12 agreements on November 7, 2022. The corridor was launched in 2015.",
        tmp_path,
    )
    (figure, event) = drafts.facts
    assert (figure["value"], figure["period"], figure["said_by"]) == (12, "2022-11-07", "khalil-hashmi")
    assert (event["kind"], event["period"], "value" in event) == ("event", 2015, False)
    assert [r["quote"] for r in drafts.ignored] == ["November 7, 2022"]


def test_a_year_of_comparison_is_no_period(tmp_path):
    drafts = _drafts_of(
        "The R&D spending accounted for 2.68 percent of GDP, up 0.1 percentage points from 2023. "
        "Exports rose 9% over 2022 levels.",
        tmp_path,
    )
    assert [(r["value"], r.get("period"), r.get("qualifying_numbers")) for r in drafts.facts] == [
        (2.68, None, [2023]),
        (0.1, None, [2023]),
        (9, None, [2022]),
    ]


def test_counts_written_with_a_separator_are_not_years(tmp_path):
    drafts = _drafts_of("It will add 2,160 megawatts of electricity to the national grid.", tmp_path)
    assert [(r["value"], r["unit"], r.get("period")) for r in drafts.facts] == [(2160, "MW", None)]


def test_one_of_and_phase_one(tmp_path):
    drafts = _drafts_of(
        "Pakistan is one of the likely beneficiaries. Phase one of Dasu dam will cost Rs511 billion.", tmp_path
    )
    assert {r["quote"]: r["reason"] for r in drafts.ignored} == {
        "one of the likely": '"One of", not a figure.',
        "Phase one": "Part of a name, not a figure.",
    }


def test_a_figure_dated_by_an_earlier_sentence_gets_a_pointer_not_a_period(drafted_projects):
    pointed = 0
    for slug, root in drafted_projects.items():
        notes = {
            reading(r["value"], r.get("scale"), r.get("qualifier"), None): r.get("note", "")
            for r in drafted(root, slug)
            if "value" in r and "period" not in r
        }
        for fact in CURATED.facts:
            if fact.seed == slug and fact.value is not None and fact.period and not same_sentence(fact):
                note = notes[reading(fact.value, fact.scale, fact.qualifier, None)]
                assert f"states {fact.period.label()}" in note
                assert f"period: {fact.period.text}" in note
                pointed += 1
    assert pointed == 8


def test_each_draft_proposes_its_measure_unit_sector_id_and_claim(tmp_path):
    drafts = _drafts_of(
        "China's total expenditure on research and development (R&D) exceeded 3.6 trillion yuan (about 500 "
        "billion U.S. dollars) in 2024, up 8.3 percent year on year. The R&D spending accounted for 2.68 percent "
        "of the country's gross domestic product in 2024, up 0.1 percentage points.\n",
        tmp_path,
    )
    proposed = {r["value"]: (r["unit"], r["measure"], r["sector"], r["id"], r["claim"]) for r in drafts.facts}
    assert proposed[3.6] == (
        "CNY",
        "china-rd-expenditure",
        "science-technology",
        "china-rd-expenditure-2024",
        "China's R&D expenditure in 2024: more than 3.6 trillion yuan",
    )
    assert proposed[8.3][:2] == ("percent", "china-rd-expenditure-growth")
    assert proposed[2.68][:2] == ("percent", "china-rd-intensity")
    # a converted amount is the same quantity in another unit; a change in points is of the share
    assert {m["label"] for m in drafts.measures} == {
        "China's R&D expenditure in US dollars",
        "Change in China's R&D intensity",
    }
    assert proposed[500][:2] == ("USD", "chinas-r-and-d-expenditure-in-us-dollars")
    assert all(m["draft"] is True and m["sector"] == "science-technology" for m in drafts.measures)


def test_a_sentence_that_says_only_annual_production_takes_its_subject_from_the_paragraph(tmp_path):
    drafts = _drafts_of(
        "China's new energy vehicle industry keeps growing.\n\nBy 2018, annual production surpassed one "
        "million units.\n",
        tmp_path,
        date="2024-11-14",
    )
    (fact,) = drafts.facts
    assert (fact["kind"], fact["measure"], fact["unit"], fact["period"]) == (
        "figure",
        "nev-production",
        "vehicles",
        2018,
    )


@pytest.mark.parametrize(
    ("text", "passage", "reason"),
    [
        ("Pakistan celebrated the 10th anniversary of CPEC this year.", "the 10th anniversary of", "An ordinal"),
        ("Exports grew in fiscal year 23 across the board.", "fiscal year 23", "fiscal year"),
        ("The corridor began ten years ago in Gwadar.", "ten years ago", "only dates"),
    ],
)
def test_numbers_that_only_name_or_date_something_are_never_figures(tmp_path, text, passage, reason):
    drafts = _drafts_of(text + "\n", tmp_path)
    assert drafts.facts == ()
    assert [(r["quote"], reason in r["reason"]) for r in drafts.ignored] == [(passage, True)]


def test_a_new_measure_is_drafted_with_the_parts_its_clause_states(tmp_path):
    """No existing measure has every part: the drafter drafts one with the parts it read, for the
    reviewer to confirm; its label and the fact's claim come from them."""
    drafts = _drafts_of(
        "China's NEV exports rose 6.7 percent to 1.28 million units in 2024. China's R&D spending "
        "increased by 278.1 billion yuan in 2024. China's GDP grew at an average annual rate of 5.5 "
        "percent over 2021-2025.\n",
        tmp_path,
    )
    measures = {m["slug"]: m for m in drafts.measures}
    by_value = {r["value"]: r for r in drafts.facts}
    exports = measures[by_value[1.28]["measure"]]
    assert (exports["subject"], exports["property"], exports["statistic"], exports["place"]) == (
        "new-energy-vehicles",
        "exports",
        "level",
        "China",
    )
    assert exports["label"] == "China's new energy vehicles exports"
    assert by_value[1.28]["claim"] == "China's new energy vehicles exports in 2024: 1.28 million units"
    growth = measures[by_value[6.7]["measure"]]
    assert (growth["subject"], growth["property"], growth["statistic"]) == ("new-energy-vehicles", "exports", "change")
    increase = measures[by_value[278.1]["measure"]]  # an amount of increase, never the expenditure itself
    assert (increase["statistic"], increase["label"]) == ("change-amount", "Increase in China's R&D expenditure")
    average = measures[by_value[5.5]["measure"]]
    assert (average["statistic"], average["period"]) == ("average-annual-change", "span-of-years")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The 300-MW power project in Gwadar will be completed in 2026.\n", "MW"),
        ("The 884-MW powerhouse based in Kotli began operation in 2022.\n", "MW"),
        ("The 1,320-megawatt Sahiwal plant began operation in 2017.\n", "MW"),
        ("The zone in Rashakai spans 1,000 acres, officials said in 2024.\n", "acres"),
    ],
)
def test_a_unit_joined_by_a_hyphen_is_the_numbers_unit(tmp_path, text, unit):
    """ "the 300-MW project" states 300 MW, not 300 projects."""
    (fact,) = _drafts_of(text, tmp_path).facts
    assert fact["unit"] == unit


@pytest.mark.parametrize(
    "text",
    [
        "This edged up 5 percent in 2024.\n",
        "It was 12 percent in 2024, the report said.\n",
        "Up 7 percent in 2024, it said.\n",
    ],
)
def test_a_drafted_measure_is_never_named_by_a_word_that_names_nothing(tmp_path, text):
    drafts = _drafts_of(text, tmp_path)
    for measure in drafts.measures:
        first = measure["slug"].split("-")[0]
        assert first not in {"this", "it", "edged", "percent", "up", "was", "the"}, measure["slug"]
