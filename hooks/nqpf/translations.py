"""The site's other editions (中文, اردو): translations as data, every number of each checked.

Contributors translate in ``translations/<edition>/``, one file beside each file of ``facts/``:
``economy.yml`` holds the claims of ``facts/economy.yml`` (by id); ``measures.yml``,
``sectors.yml`` and ``units.yml`` the labels, definitions, titles and unit words. The terms of
``translations/glossary.yml`` are rendered the one way it says, in every edition.

A translation is refused, at its file and line, unless the edition's number reader
(``localised_numbers``) reads in it what the English states:
- a fact's value, its scale applied (3.6万亿 is 3.6 × 10¹², 3.6亿 ten thousand times less), in
  the fact's unit as the edition writes it, with the fact's hedge (超过, 近, 约; سے زائد, تقریباً);
- every number of the English text (a year, a count), and no number the English does not write.
What a fact should read is written by CLDR (Babel), so the message says what to write:
"“3.6亿元” reads as 360,000,000 CNY; the fact states 3.6 trillion CNY: write 3.6万亿元".
What is not translated (or is a machine draft) falls back to English, and the pages say so.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Any

from .checking import CheckLanguage
from .editions import EDITIONS, Edition, written_number, written_value
from .loading import REGISTRY_FILES, ProjectPaths, checked_records, keep
from .localised_numbers import read_numbers_in
from .model import (
    GLOSSARY_FIELDS,
    PERCENT,
    TRANSLATED_FACT_FIELDS,
    TRANSLATED_MEASURE_FIELDS,
    TRANSLATED_SECTOR_FIELDS,
    TRANSLATED_STRING_FIELDS,
    TRANSLATED_UNIT_FIELDS,
    TRANSLATED_VOCABULARY_FIELDS,
    Fact,
    FieldSpec,
    Term,
    Unit,
)
from .numbers import MONTH_PATTERN, MONTHS, NumberMention, format_number, read_numbers
from .problems import FactsInvalid, Problem
from .reading import _CAPITALS, Vocabulary
from .reading_languages import READING_RULES
from .strings import SiteStrings, placeholders, used_strings
from .units import UnitRegistry
from .verify import FactBase

TRANSLATIONS_DIR = "translations"
GLOSSARY_FILE = "glossary.yml"
# The files of an edition's folder that translate a registry; every other file translates facts.
TRANSLATED_REGISTRIES: dict[str, tuple[tuple[FieldSpec, ...], str]] = {
    "measures.yml": (TRANSLATED_MEASURE_FIELDS, "translated measures"),
    "sectors.yml": (TRANSLATED_SECTOR_FIELDS, "translated sectors"),
    "units.yml": (TRANSLATED_UNIT_FIELDS, "translated units"),
    "vocabulary.yml": (TRANSLATED_VOCABULARY_FIELDS, "translated vocabulary"),
    "site.yml": (TRANSLATED_STRING_FIELDS, "translated site strings"),
}


@dataclass(frozen=True)
class Translation:
    """One translated record: the fields it translates, by name, and where it stands."""

    key: str  # the id or slug of what it translates
    texts: dict[str, Any]  # "claim", "note"; "label", "definition"; "title", ...; "spellings"
    file: str
    line: int
    lines: dict[str, int] = field(default_factory=dict)
    draft: bool = False

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


@dataclass(frozen=True)
class GlossaryTerm:
    english: str
    words: dict[str, str]  # by edition code
    file: str
    line: int


@dataclass(frozen=True)
class EditionTexts:
    """An edition's reviewed, verified translations; what is missing here is shown in English."""

    edition: Edition
    facts: dict[str, Translation]
    measures: dict[str, Translation]
    sectors: dict[str, Translation]
    units: dict[str, Translation]
    drafts: tuple[Translation, ...] = ()
    pages: dict[str, str] = field(default_factory=dict)  # docs/<name>.md in this language, by name
    strings: dict[str, Translation] = field(default_factory=dict)  # the site's own words, by their English
    vocabulary: dict[str, Translation] = field(default_factory=dict)  # how texts spell its entries, by slug

    def site_strings(self) -> SiteStrings:
        return SiteStrings(self.edition.code, {en: t.texts["text"] for en, t in self.strings.items()})

    def text(self, kind: str, key: str, name: str) -> str | None:
        """The translated ``name`` field of ``kind`` ("facts", "measures", ...) ``key``, or None."""
        translation = getattr(self, kind).get(key)
        return None if translation is None else translation.texts.get(name)


@dataclass(frozen=True)
class EditionCoverage:
    """How much of the base an edition translates: (translated, to translate) by kind."""

    edition: Edition
    counts: dict[str, tuple[int, int]]

    @property
    def complete(self) -> bool:
        return all(done == total for done, total in self.counts.values())

    def line(self) -> str:
        parts = ", ".join(f"{kind} {done}/{total}" for kind, (done, total) in self.counts.items())
        return f"{self.edition.code} ({self.edition.english_name}): {parts}"


# ---- the checks


def _term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where ``text`` writes any of ``terms`` (a glossary's names)."""
    pattern = _names_pattern(tuple(terms))
    return [] if pattern is None else [(m.start(), m.end()) for m in pattern.finditer(text)]


# a word's start in Latin or Arabic script (Chinese has no spaces to start at); its end is free:
# "new energy vehicle" is written in "new energy vehicles", قوت in قوتیں
_WORD_START = r"(?<![A-Za-z0-9\u0600-\u06ff])"


@lru_cache(maxsize=64)
def _names_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for all of ``terms``, the longest first (compiled once for every text)."""
    if not terms:
        return None
    return re.compile(rf"(?i){_WORD_START}(?:{'|'.join(re.escape(t) for t in sorted(terms, key=len, reverse=True))})")


@lru_cache(maxsize=256)
def _term_regex(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?i){_WORD_START}{re.escape(term)}")


def _outside(mentions: Iterable[NumberMention], spans: list[tuple[int, int]]) -> list[NumberMention]:
    """The mentions that are not inside a name (the "two" of "two sessions")."""
    return [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in spans)]


_MONTH_NAME = re.compile(rf"\b(?:{MONTH_PATTERN})\b")


@lru_cache(maxsize=8192)  # each English text is read once for all editions
def _english_numbers(
    text: str, terms: tuple[str, ...]
) -> tuple[tuple[tuple[str, Fraction, bool], ...], frozenset[Fraction]]:
    """The numbers an English text writes outside the names ``terms``, as (as written, value, a
    year?) that a translation must write, and every value a translation may write for them (a
    date's month and day too)."""
    required: list[tuple[str, Fraction, bool]] = []
    # a month the English names may be written as its number: "September 2023" is 2023年9月
    allowed = {Fraction(MONTHS[m[0]]) for m in _MONTH_NAME.finditer(text)}
    for mention in _outside(read_numbers(text), _term_spans(text, terms)):
        if mention.date is not None:
            parts = [Fraction(int(part)) for part in mention.date.split("-")]
            required.append((mention.text, parts[0], True))
            allowed.update(parts)
        else:
            allowed.add(mention.magnitude)
            if mention.text.isalpha() and mention.magnitude < 10:  # "one", "four": words a translation
                continue  # may write as words (一个, 两座; ایک); a fact's own value is checked apart
            required.append((mention.text, mention.magnitude, mention.year is not None))
    return tuple(required), frozenset(allowed)


def number_problems(
    english: str, translated: str, edition: Edition, glossary: Iterable[GlossaryTerm] = ()
) -> list[str]:
    """Each number of ``english`` the translation leaves out, and each it adds (the numbers
    inside a glossary's names are not counted: 两会 writes the "two" of "two sessions")."""
    return [message for message, _ in _number_findings(english, translated, edition, glossary)]


def _number_findings(
    english: str, translated: str, edition: Edition, glossary: Iterable[GlossaryTerm]
) -> list[tuple[str, int | None]]:
    """``number_problems``, each with where the translation writes the number it adds."""
    terms = list(glossary)
    required, allowed = _english_numbers(english, tuple(t.english for t in terms))
    names = _term_spans(translated, (t.words[edition.code] for t in terms))
    mentions = [(m, m.magnitude) for m in _outside(read_numbers_in(translated, edition.code), names)]
    written = {magnitude for _, magnitude in mentions}
    found: list[tuple[str, int | None]] = list(
        dict.fromkeys(  # once each: a page may write the same number many times
            (
                f"the English writes “{as_written}”; the translation does not: write "
                + (str(value) if year else written_number(value, edition) or format_number(value)),
                None,
            )
            for as_written, value, year in required
            if value not in written
        )
    )
    found += [
        (f"“{m.text}” is no number of the English “{_excerpt(english)}”: write the English's numbers only", m.start)
        for m, magnitude in mentions
        if magnitude not in allowed
    ]
    return found


def _excerpt(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unit_written(text: str, mention: NumberMention, spellings: Iterable[str]) -> bool:
    after, before = text[mention.end :].lstrip(), text[: mention.start].rstrip()
    return any(after.startswith(s) or before.endswith(s) for s in spellings)


def _states(fact: Fact) -> str:
    """What a fact states, in the English of error messages: "3.6 trillion CNY", "5.2 percent"."""
    value = fact.value if fact.value is not None else Fraction(0)
    return " ".join(filter(None, (fact.qualifier, format_number(value), fact.scale, fact.unit)))


def value_problems(fact: Fact, claim: str, edition: Edition, unit: Translation | None) -> list[str]:
    """The fact's value, unit and hedge, as the translated claim writes them."""
    if fact.number is None:
        return []
    percent = fact.unit == PERCENT
    spellings = () if percent or unit is None else tuple(unit.texts.get("spellings", ()))

    def advice() -> str:  # written only for a message: CLDR's formatting is the slow part
        write = written_value(fact, edition, spellings)
        return f": write {write}" if write else ""

    mentions = read_numbers_in(claim, edition.code)
    same = [m for m in mentions if m.magnitude == fact.number and m.percent == percent]
    if not same:
        shown = next((m for m in mentions if m.value == fact.value and not m.year), None) or next(
            (m for m in mentions if _unit_written(claim, m, spellings) and spellings), None
        )
        if shown is None:
            return [f"the fact's value, {_states(fact)}, is not written (numbers read: {_read(mentions)}){advice()}"]
        unit_word = next((s for s in spellings if _unit_written(claim, shown, (s,))), "")
        after = claim[shown.end :]
        written = claim[shown.start : shown.end + len(after) - len(after.lstrip()) + len(unit_word)]
        return [
            f"“{written if unit_word else shown.text}” reads as {format_number(shown.magnitude)}"
            f"{'%' if shown.percent else ''}{' ' + str(fact.unit) if unit_word else ''}; "
            f"the fact states {_states(fact)}{advice()}"
        ]
    problems: list[str] = []
    for mention in same:
        problems = []
        if unit is None and not percent:
            problems.append(f"the unit {fact.unit} has no translation: add it to translations/{edition.code}/units.yml")
        elif spellings and not _unit_written(claim, mention, spellings):
            problems.append(
                f"“{mention.text}” has no unit beside it; the fact is in {fact.unit}: write "
                + " or ".join(f"“{s}”" for s in spellings)
            )
        if mention.hedge != fact.qualifier:
            said = f"“{mention.hedge_words}” ({mention.hedge})" if mention.hedge_words else "no hedge"
            problems.append(
                f"the translation writes {said} with “{mention.text}”; the fact states {_states(fact)}{advice()}"
            )
        if not problems:
            return []
    return problems


def _read(mentions: list[NumberMention]) -> str:
    return ", ".join(f"“{m.text}”" for m in mentions) or "none"


def glossary_problems(english: str, translated: str, edition: Edition, glossary: Iterable[GlossaryTerm]) -> list[str]:
    """Each glossary term the English writes whose rendering the translation does not use."""
    return [
        f"the English writes “{term.english}”; the glossary's {edition.english_name} for it is "
        f"“{term.words[edition.code]}” (translations/{GLOSSARY_FILE}:{term.line}): use it"
        for term in glossary
        if _term_regex(term.english).search(english) and term.words[edition.code] not in translated
    ]


# ---- loading and verifying an edition


def _translations(
    paths: ProjectPaths, path: Path, specs: tuple[FieldSpec, ...], what: str, *, key: str, problems: list[Problem]
) -> list[Translation]:
    rows, found = checked_records(paths, path, specs, what, key)
    problems += found
    shown = paths.shown(path)
    found_here: list[Translation] = []
    for values, record in rows:
        name = values.pop(key)
        draft = bool(values.pop("draft", False))
        found_here.append(Translation(name, values, shown, record.line, record.lines, draft))
    return found_here


def read_glossary(paths: ProjectPaths, problems: list[Problem]) -> list[GlossaryTerm]:
    path = paths.root / TRANSLATIONS_DIR / GLOSSARY_FILE
    if not path.exists():
        return []
    rows, found = checked_records(paths, path, GLOSSARY_FIELDS, "glossary terms", None)
    problems += found
    shown = paths.shown(path)
    terms = [GlossaryTerm(v["en"], {code: v[code] for code in EDITIONS}, shown, r.line) for v, r in rows]
    seen: dict[str, GlossaryTerm] = {}
    for term in terms:
        if (first := seen.setdefault(term.english.lower(), term)) is not term:
            problems.append(Problem(shown, term.line, f"“{term.english}” is already listed at line {first.line}"))
    return terms


def _originals(base: FactBase) -> dict[str, dict[str, dict[str, str]]]:
    """The English of everything translatable: kind -> key -> field -> text."""
    return {
        "facts": {
            item.fact.id: {"claim": item.fact.claim, **({"note": item.fact.note} if item.fact.note else {})}
            for item in base.facts
        },
        "measures": {
            slug: {"label": m.label, "definition": m.definition, "place": m.place}
            for slug, m in base.measures.items()
            if not m.draft
        },
        "sectors": {slug: {"title": s.title, "description": s.description} for slug, s in base.sectors.items()},
        "units": {slug: {"label": u.label} for slug, u in base.units.items()},
        "vocabulary": {slug: {} for slug in base.vocabulary},
        "strings": {english: {"text": english} for english in used_strings()},
    }


def _used_units(base: FactBase) -> set[str]:
    """The units readers see: those of the reviewed facts and of the measures."""
    return {item.fact.unit for item in base.facts if item.fact.unit} | {m.unit for m in base.measures.values()}


def _file_kind(path: Path) -> str:
    kinds = {
        "measures.yml": "measures",
        "sectors.yml": "sectors",
        "units.yml": "units",
        "site.yml": "strings",
        "vocabulary.yml": "vocabulary",
    }
    return kinds.get(path.name, "facts")


_KEYS = {"facts": "id", "strings": "en"}  # the field naming what a record translates; "slug" elsewhere


def load_edition(
    paths: ProjectPaths,
    base: FactBase,
    edition: Edition,
    glossary: list[GlossaryTerm],
    problems: list[Problem],
    *,
    checked: bool = False,
) -> EditionTexts:
    """Read and verify one edition's folder; add what fails to ``problems``. ``checked``: its
    inputs are those of its last check, which found nothing: its claims are not checked again."""
    folder = paths.root / TRANSLATIONS_DIR / edition.code
    originals = _originals(base)
    fact_files = {item.fact.id: Path(item.fact.file).name for item in base.facts}
    kept: dict[str, dict[str, Translation]] = {kind: {} for kind in originals}
    drafts: list[Translation] = []
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        kind = _file_kind(path)
        specs, what = TRANSLATED_REGISTRIES.get(path.name, (TRANSLATED_FACT_FIELDS, "translated facts"))
        key = _KEYS.get(kind, "slug")
        if kind == "facts" and path.name in REGISTRY_FILES:
            problems.append(Problem(paths.shown(path), 1, f"{path.name} is no file an edition translates"))
            continue
        for translation in _translations(paths, path, specs, what, key=key, problems=problems):
            found = _verified(
                translation,
                kind,
                originals=originals,
                fact_files=fact_files,
                edition=edition,
                glossary=glossary,
                kept=kept,
            )
            problems += found
            if found:
                continue
            if translation.draft:
                drafts.append(translation)
            else:
                kept[kind][translation.key] = translation
    # a claim's texts are checked once every unit of the edition is read, each at most once for
    # the same texts (the cache: a base of 10,000 facts takes 1.5 s an edition to check)
    cache = paths.root / "build" / "cache" / f"translations-{edition.code}.json"
    remembered = {} if checked else _read_cache(cache)
    found_now: dict[str, list[list[str]]] = {}
    for translation in [] if checked else list(kept["facts"].values()):
        fact = base.by_id[translation.key].fact
        unit = kept["units"].get(fact.unit or "")
        key = _check_key(translation, fact, unit, edition, glossary)
        findings = remembered.get(key)
        if findings is None:
            findings = _fact_findings(translation, fact, unit, edition, glossary)
        found_now[key] = findings
        if findings:
            problems += [
                Problem(translation.file, translation.line_of(name), message, translation.key, name)
                for name, message in findings
            ]
            del kept["facts"][translation.key]
    if not checked and found_now != remembered:
        keep(cache, json.dumps(found_now, ensure_ascii=False).encode())
    problems += _drafts_to_review(drafts)
    problems += spelling_problems(kept["vocabulary"])
    pages = _pages(paths, edition, glossary, problems)
    return EditionTexts(
        edition,
        kept["facts"],
        kept["measures"],
        kept["sectors"],
        kept["units"],
        tuple(drafts),
        pages,
        kept["strings"],
        kept["vocabulary"],
    )


def spelling_problems(vocabulary: dict[str, Translation]) -> list[Problem]:
    """A spelling of one language may name one entry of the vocabulary only."""
    problems: list[Problem] = []
    named: dict[str, Translation] = {}
    for translation in vocabulary.values():
        for spelling in translation.texts["spellings"]:
            first = named.setdefault(spelling.lower(), translation)
            if first is not translation:
                message = f"“{spelling}” already names {first.key} ({first.file}:{first.line}): keep it in one entry"
                problems.append(Problem(translation.file, translation.line_of("spellings"), message, translation.key))
    return problems


def check_languages(
    paths: ProjectPaths, terms: Mapping[str, Term], units: Mapping[str, Unit], problems: list[Problem]
) -> dict[str, CheckLanguage]:
    """What the text checker reads each edition's language by: its rules, and the vocabulary's
    and the units' spellings in translations/<code>/vocabulary.yml and units.yml. A spelling in
    capitals (GDP, R&D, CPEC) is read in every language; a unit's English spellings too."""
    found: dict[str, CheckLanguage] = {}
    for code in EDITIONS:
        rules = READING_RULES.get(code)
        folder = paths.root / TRANSLATIONS_DIR / code
        if rules is None or not (folder / "vocabulary.yml").is_file():
            continue
        words: dict[str, dict[str, Translation]] = {}
        for name in ("vocabulary.yml", "units.yml"):
            path = folder / name
            specs, what = TRANSLATED_REGISTRIES[name]
            records = _translations(paths, path, specs, what, key="slug", problems=problems) if path.is_file() else []
            words[name] = {t.key: t for t in records if not t.draft}
        localised_terms = {
            slug: dataclasses.replace(
                term,
                spellings=(
                    *(own := _spellings_of(words["vocabulary.yml"].get(slug))),
                    *(s for s in term.spellings if _CAPITALS.fullmatch(s) and s not in own),
                ),
            )
            for slug, term in terms.items()
        }
        localised_units = {
            slug: dataclasses.replace(unit, spellings=(*_spellings_of(words["units.yml"].get(slug)), *unit.spellings))
            for slug, unit in units.items()
        }
        found[code] = CheckLanguage(
            rules,
            Vocabulary(localised_terms, spaced=rules.spaced),
            UnitRegistry(localised_units, spaced=rules.spaced),
        )
    return found


def _spellings_of(translation: Translation | None) -> tuple[str, ...]:
    return tuple(translation.texts.get("spellings", ())) if translation is not None else ()


def _verified(
    translation: Translation,
    kind: str,
    *,
    originals: dict[str, dict[str, dict[str, str]]],
    fact_files: dict[str, str],
    edition: Edition,
    glossary: list[GlossaryTerm],
    kept: dict[str, dict[str, Translation]],
) -> list[Problem]:
    """What is wrong with one translated record, apart from a claim's value (checked after)."""
    key_name = _KEYS.get(kind, "slug")

    def problem(name: str, message: str) -> Problem:
        return Problem(translation.file, translation.line_of(name), message, translation.key, name)

    english = originals[kind].get(translation.key)
    if english is None and kind == "strings":
        return [problem(key_name, "no page asks for this string: correct its English, or delete it")]
    if english is None:
        known = {
            "facts": "facts/",
            "measures": "facts/measures.yml",
            "sectors": "facts/sectors.yml",
            "vocabulary": "facts/vocabulary.yml",
        }.get(kind, "facts/units.yml")
        return [problem(key_name, f"translates nothing: no {kind[:-1]} has this {key_name} in {known}")]
    if kind == "strings" and placeholders(english["text"]) != placeholders(translation.texts["text"]):
        wanted = ", ".join(f"{{{name}}}" for name in placeholders(english["text"])) or "none"
        return [problem("text", f"keep the English's placeholders, no more and no fewer: {wanted}")]
    if kind == "facts" and Path(translation.file).name != fact_files[translation.key]:
        return [
            problem(
                key_name,
                f"the fact is in facts/{fact_files[translation.key]}: move its translation to "
                f"{TRANSLATIONS_DIR}/{edition.code}/{fact_files[translation.key]}",
            )
        ]
    if translation.key in kept[kind]:
        first = kept[kind][translation.key]
        return [problem(key_name, f"is translated twice (first at {first.file}:{first.line})")]
    if kind == "facts":  # its texts are checked with its fact's value (load_edition)
        return []
    found: list[Problem] = []
    for name, text in translation.texts.items():
        if name in ("short", "spellings"):  # a unit's words, not a translation of an English text
            continue
        if name not in english:
            found.append(problem(name, "the English has no such text to translate: delete it"))
            continue
        if name != "claim":  # a claim's numbers are checked with its fact's value (load_edition)
            found += [problem(name, m) for m in number_problems(english[name], text, edition, glossary)]
        found += [problem(name, m) for m in glossary_problems(english[name], text, edition, glossary)]
    return found


def _fact_findings(
    translation: Translation, fact: Fact, unit: Translation | None, edition: Edition, glossary: list[GlossaryTerm]
) -> list[list[str]]:
    """What is wrong with a fact's translated texts, as [field, message] pairs."""
    english = {"claim": fact.claim, **({"note": fact.note} if fact.note else {})}
    found: list[list[str]] = []
    for name, text in translation.texts.items():
        if name not in english:
            found.append([name, "the English has no such text to translate: delete it"])
            continue
        if name == "claim":  # the value first: a mistake in it ("126亿" for "126万亿") is told once
            messages = value_problems(fact, text, edition, unit) or number_problems(fact.claim, text, edition, glossary)
        else:
            messages = number_problems(english[name], text, edition, glossary)
        messages += glossary_problems(english[name], text, edition, glossary)
        found += [[name, message] for message in messages]
    return found


@lru_cache(maxsize=1)
def _checks_version() -> str:
    """The code the checks are made of: a change to it checks every translation again."""
    modules = ("translations.py", "localised_numbers.py", "numbers.py", "editions.py", "model.py")
    return hashlib.sha256(b"".join((Path(__file__).parent / name).read_bytes() for name in modules)).hexdigest()


def _check_key(
    translation: Translation, fact: Fact, unit: Translation | None, edition: Edition, glossary: list[GlossaryTerm]
) -> str:
    """Everything a fact's translation is checked against, as one hash."""
    inputs = [
        _checks_version(),
        edition.code,
        sorted(translation.texts.items()),
        [fact.claim, fact.note, str(fact.value), fact.scale, fact.unit, fact.qualifier],
        unit.texts.get("spellings") if unit else None,
        [[term.english, term.words[edition.code], term.line] for term in glossary],  # messages name its line
    ]
    return hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode()).hexdigest()


def _read_cache(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


PAGES_DIR = "pages"  # translations/<edition>/pages/<name>.md translates docs/<name>.md
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)  # a macro call: the same in every language


def page_problems(
    english: str, translated: str, edition: Edition, glossary: Iterable[GlossaryTerm], shown: str
) -> list[Problem]:
    """A translated page calls the English page's macros (the same facts, cards and lists), writes
    its numbers and no others, and renders the glossary's terms as the glossary says."""
    problems = []
    calls, translated_calls = sorted(_TEMPLATE.findall(english)), sorted(_TEMPLATE.findall(translated))
    if calls != translated_calls:
        missing = [c for c in calls if c not in translated_calls]
        added = [c for c in translated_calls if c not in calls]
        problems.append(
            Problem(
                shown,
                1,
                "call the English page's macros, no more and no fewer"
                + (f"; missing: {', '.join(missing)}" if missing else "")
                + (f"; not in the English: {', '.join(added)}" if added else ""),
            )
        )
    english, translated = _TEMPLATE.sub(" ", english), _TEMPLATE.sub(" ", translated)
    for message, offset in _number_findings(english, translated, edition, glossary):
        problems.append(Problem(shown, 1 if offset is None else translated.count("\n", 0, offset) + 1, message))
    problems += [Problem(shown, 1, m) for m in glossary_problems(english, translated, edition, glossary)]
    return problems


def _pages(
    paths: ProjectPaths, edition: Edition, glossary: list[GlossaryTerm], problems: list[Problem]
) -> dict[str, str]:
    """The edition's translations of the hand-written pages (docs/*.md), each checked."""
    folder = paths.root / TRANSLATIONS_DIR / edition.code / PAGES_DIR
    pages: dict[str, str] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        shown, english_path = paths.shown(path), paths.docs_dir / path.name
        try:
            translated = path.read_bytes().decode()
        except UnicodeDecodeError as error:
            problems.append(
                Problem(shown, 1, f"byte {error.object[error.start]:#x} is not UTF-8; save the file as UTF-8")
            )
            continue
        if not english_path.is_file():
            problems.append(Problem(shown, 1, f"translates no page: docs/{path.name} does not exist"))
            continue
        found = page_problems(english_path.read_text(encoding="utf-8"), translated, edition, glossary, shown)
        problems += found
        if not found:
            pages[path.name] = translated
    return pages


def _drafts_to_review(drafts: list[Translation]) -> list[Problem]:
    """Machine translations never reach readers; one problem per file that still holds any."""
    by_file: dict[str, list[Translation]] = {}
    for draft in drafts:
        by_file.setdefault(draft.file, []).append(draft)
    return [
        Problem(
            file,
            held[0].line,
            f"{len(held)} drafted translation{'s' if len(held) > 1 else ''} to review "
            f"({', '.join(t.key for t in held)}): read each against the English, then delete its draft: true line",
        )
        for file, held in by_file.items()
    ]


def load_editions(
    paths: ProjectPaths, base: FactBase, only: str | None = None, *, texts: bool = True
) -> tuple[dict[str, EditionTexts], list[Problem]]:
    """Every edition's translations (``only``: that edition's), verified; and every problem
    found on the way. Without ``texts`` (a build of another edition needs none), an edition
    whose inputs are those of its last check, which found nothing, is not even read."""
    problems: list[Problem] = []
    glossary = read_glossary(paths, problems)
    cache = paths.root / "build" / "cache" / "editions-checked.json"
    passed = {code: digest for code, digest in _read_cache(cache).items() if isinstance(digest, str)}
    now = dict(passed)
    editions = {}
    shared = _shared_digest(paths)  # what every edition's check reads: hashed once
    for code, edition in EDITIONS.items():
        if only not in (None, code):
            continue
        digest = edition_digest(paths, edition, shared)
        if passed.get(code) == digest and not texts:
            continue
        before = len(problems)
        editions[code] = load_edition(paths, base, edition, glossary, problems, checked=passed.get(code) == digest)
        if len(problems) == before:
            now[code] = digest
        else:
            now.pop(code, None)
    if now != passed:
        keep(cache, json.dumps(now).encode())
    return editions, problems


def _hashed(paths: ProjectPaths, files: Iterable[Path], start: str) -> str:
    digest = hashlib.sha256(start.encode())
    for path in files:
        if path.is_file():
            digest.update(f"\n{paths.shown(path)}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.suffix in (".yml", ".md"))


def _shared_digest(paths: ProjectPaths) -> str:
    """A hash of what every edition's check reads: the glossary, the facts and their registries,
    the hand-written pages, the strings the site asks for and the checks' code."""
    files = [paths.root / TRANSLATIONS_DIR / GLOSSARY_FILE, *_files(paths.facts_dir, paths.docs_dir)]
    return _hashed(paths, files, _checks_version() + "\n" + "\n".join(used_strings()))


def edition_digest(paths: ProjectPaths, edition: Edition, shared: str | None = None) -> str:
    """A hash of everything an edition's check reads: its folder, and what all editions' read."""
    start = f"{shared or _shared_digest(paths)}\n{edition.code}"
    return _hashed(paths, _files(paths.root / TRANSLATIONS_DIR / edition.code), start)


def coverage(base: FactBase, editions: dict[str, EditionTexts], pages: Iterable[str] = ()) -> list[EditionCoverage]:
    """How much of what readers see each edition translates (drafts count as not translated):
    claims, measures, sectors, units and the hand-written ``pages`` (docs/*.md, by name)."""
    originals: dict[str, Iterable[str]] = dict(_originals(base))
    used = _used_units(base)  # the units readers see; others may be translated ahead
    originals["units"] = [slug for slug in originals["units"] if slug in used]
    originals["pages"] = list(pages)
    result = []
    for texts in editions.values():
        counts = {}
        for kind, keys in originals.items():
            listed = list(keys)
            counts[kind] = (sum(key in getattr(texts, kind) for key in listed), len(listed))
        result.append(EditionCoverage(texts.edition, counts))
    return result


def build_editions(paths: ProjectPaths, base: FactBase) -> dict[str, EditionTexts]:
    """Every edition's verified translations; raise FactsInvalid listing every problem, if any."""
    editions, problems = load_editions(paths, base)
    if problems:
        raise FactsInvalid(problems)
    return editions
