"""The "Check a text" page (/check/) and the data its browser engine reads.

One checker, two engines: ``checking.check_text`` on the command line, and
assets/nqpf/text-checker.js in the page. The rules stay in Python: the build writes the
drafter's, the units' and the matcher's patterns (as JavaScript patterns, through
``reader_data.to_javascript``) and tables as data, and the browser's engine reads them; a
differential test requires both engines to give the same verdicts for the same texts.

What the page downloads grows in steps, each loaded only when needed, so that nothing a
reader fetches before checking grows with the fact base:
- before the first check: the page, and the engine's scripts (the same at any size);
- at the first check: the rules (``rules.js``, the same at any size) and the measures with
  their words and periods (``measures.js``, which grows with the measures, not the facts);
- for each check: one file per measure and period the text's numbers need
  (``facts/<measure>/<period>.js``): those facts' ranges, values as written and links.
The text never leaves the page: every file is a script the page adds, named by a measure and
a period, never by the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from . import comparison, reading_rules, units
from .checking import CheckLanguage, fact_rows, fraction_text
from .markup import asset_href, esc, page_url, part_script, relative_href
from .model import PERCENT
from .numbers import CURRENCIES
from .pages import GeneratedPage, SiteOptions, front_matter, measure_src
from .reader_data import localised_reader_data, reader_data, to_javascript
from .reading import Vocabulary, place_of_label
from .reading_languages import SCRIPTS
from .reading_rules import ENGLISH, ReadingRules
from .search import PARTS_ASSET
from .strings import STRINGS_ASSET, marked
from .units import UnitRegistry
from .verify import FactBase

PAGE_SRC = "check.md"
STAYS = marked(
    "The text stays in your browser: checking loads only this site's data, never sends the text, and works offline."
)
DATA_DIR = "assets/nqpf/check"
RULES_ASSET = f"{DATA_DIR}/rules.js"
MEASURES_ASSET = f"{DATA_DIR}/measures.js"
READER_SCRIPT = "assets/nqpf/number-reader.js"
ENGINE_SCRIPT = "assets/nqpf/text-checker.js"
PAGE_SCRIPT = "assets/nqpf/check-page.js"
DESCRIPTION = marked(
    "Check the numbers of a text against what the fact base's sources say, in your browser: "
    "the text never leaves the page."
)

# The patterns the browser's engine needs that are the same in every language, by its names.
_PATTERNS: dict[str, re.Pattern[str]] = {
    "wordAtStop": reading_rules._WORD_AT_STOP,
    "initial": reading_rules._INITIAL,
    "line": reading_rules._LINE,
    "fiscalYear": reading_rules._FISCAL_YEAR,
    "spanOfYearsEnd": reading_rules._SPAN_OF_YEARS_END,
    "nextWord": reading_rules._NEXT_WORD,
    "time": reading_rules._TIME_RE,
    "phone": reading_rules._PHONE_RE,
    "phoneCue": reading_rules._PHONE_CUE,
    "word": reading_rules._WORD_RE,
    "blankLine": reading_rules.BLANK_LINE,
    "fiscalPair": reading_rules._FISCAL_PAIR,
    "possessive": reading_rules._POSSESSIVE,
    "percentSpelling": units._PERCENT_SPELLING,
    "decimals": comparison._DECIMALS,
}
# The patterns of one language (reading_rules.ReadingRules' fields), by the engine's names.
_LANGUAGE_PATTERNS: dict[str, str] = {
    "date": "date",
    "sentenceEnd": "sentence_end",
    "headlineWord": "headline_word",
    "followingWord": "following_word",
    "precedingWord": "preceding_word",
    "unitWordsEnd": "unit_words_end",
    "unitWord": "unit_word",
    "definingBefore": "defining_before",
    "spanAfter": "span_after",
    "oneOf": "one_of",
    "comparedBefore": "compared_before",
    "comparedAfter": "compared_after",
    "partiesAfter": "parties_after",
    "knownNames": "known_names",
    "fiscalBefore": "fiscal_before",
    "agoAfter": "ago_after",
    "ordinalAfter": "ordinal_after",
    "clauseBreak": "clause_break",
    "clauseEndParts": "clause_end",
    "changeNoun": "change_noun",
    "changeVerb": "change_verb",
    "levelAfterChange": "level_after_change",
    "changeAfter": "change_after",
    "monthOnMonth": "month_on_month",
    "amountChangeBefore": "amount_change_before",
    "amountChangeAfter": "amount_change_after",
    "ratioAfter": "ratio_after",
    "wholeBefore": "whole_before",
    "wholeGap": "whole_gap",
    "partnerBefore": "partner_before",
    "partnerAfter": "partner_after",
    "targetMet": "target_met",
    "byYear": "by_year",
    "companyNamed": "company_named",
    "respectively": "respectively",
    "sentenceStopAtEnd": "sentence_stop_at_end",
    "listGap": "list_gap",
    "itemGap": "item_gap",
    "listGlue": "list_glue",
    "ownNoun": "own_noun",
    "attached": "attached",
    "listToNext": "list_to_next",
    "wordStarts": "word_starts",
    "clauseEnd": "unit_clause_end",
}


def js_pattern(pattern: re.Pattern[str]) -> dict[str, str]:
    """A compiled Python pattern as a JavaScript source and its flags ("i" or "")."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        raise ValueError(f"only the ignore-case flag is written out: {pattern.pattern!r}")
    source = pattern.pattern.removeprefix("(?i)")
    return {"source": to_javascript(source), "flags": "i" if pattern.flags & re.IGNORECASE else ""}


def language_data(rules: ReadingRules) -> dict[str, Any]:
    """One language's rules of reading (reading_rules.ReadingRules) as data for the engine."""
    return {
        "patterns": {
            **{name: js_pattern(getattr(rules, field)) for name, field in _LANGUAGE_PATTERNS.items()},
            **{f"periodKind-{kind}": js_pattern(pattern) for kind, pattern in rules.period_kinds},
        },
        "abbreviations": sorted(rules.abbreviations),
        "stopWords": sorted(rules.stop_words),
        "verbs": sorted(rules.verbs),
        "beforeAYear": sorted(rules.before_a_year),
        "afterAYear": sorted(rules.after_a_year),
        "periodKinds": [kind for kind, _ in rules.period_kinds],
        "notAName": sorted(rules.not_a_name),
        "months": dict(rules.months),
        "linesWrap": rules.lines_wrap,
        "lineStops": rules.line_stops,
    }


def rules_data(registry: UnitRegistry, languages: Mapping[str, CheckLanguage] | None = None) -> dict[str, Any]:
    """The rules of reading, drafting and units: the same at any size of the fact base; the
    English ones, and for each other language (``languages``) those that differ."""
    english = language_data(ENGLISH)
    return {
        "reader": reader_data(),
        **english,
        "patterns": {
            **{name: js_pattern(pattern) for name, pattern in _PATTERNS.items()},
            **english["patterns"],
            "unitSpelling": js_pattern(registry.spellings_after),
        },
        "nameHeads": sorted(reading_rules._NAME_HEADS),
        "scaleOrdinals": list(reading_rules._SCALE_ORDINALS),
        "possessives": sorted(reading_rules._POSSESSIVES),
        "unitWordsReach": units._UNIT_WORDS_REACH,
        "currencies": CURRENCIES,
        "percent": PERCENT,
        "units": {
            slug: {"label": u.label, "kind": u.kind, "dimension": u.dimension, "factor": fraction_text(u.factor)}
            for slug, u in registry.units.items()
        },
        "spellings": registry.by_spelling,
        "nearly": fraction_text(comparison.NEARLY),
        "about": fraction_text(comparison.ABOUT),
        "languages": {code: _other_language(language) for code, language in (languages or {}).items()},
        "scripts": {code: js_pattern(pattern) for code, pattern in SCRIPTS.items()},
    }


def _other_language(language: CheckLanguage) -> dict[str, Any]:
    data = language_data(language.rules)
    data["patterns"]["unitSpelling"] = js_pattern(language.units.spellings_after)
    return {
        **data,
        "localReader": localised_reader_data(language.rules.language),
        "spellings": language.units.by_spelling,
        "vocabulary": vocabulary_data(language.vocabulary),
    }


def vocabulary_data(vocabulary: Vocabulary) -> dict[str, Any]:
    """The vocabulary the clause reader finds in a text: its pattern, its spellings and entries."""
    return {
        "pattern": js_pattern(vocabulary.pattern),
        "spellings": vocabulary.spellings,
        "terms": {
            slug: {"part": t.part, "label": t.label, "implies": t.implies, "narrows": list(t.narrows)}
            for slug, t in vocabulary.terms.items()
        },
    }


def measure_places(base: FactBase) -> dict[str, str | None]:
    """Each measure's place as the slug of the vocabulary the checker matches (None: no place of
    it), from a base whose places are not translated: an edition shows 中国, the vocabulary's
    label is China."""
    labels = place_of_label(base.vocabulary)
    return {slug: labels.get(measure.place) for slug, measure in base.measures.items()}


def measures_data(
    base: FactBase,
    directory_urls: bool,
    vocabulary: Vocabulary | None = None,
    places: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """The measures, their parts (``places``: each one's place as a slug, from measure_places;
    by default of ``base``) and the periods their facts state, and the vocabulary."""
    vocabulary = vocabulary or Vocabulary(base.vocabulary)
    places = places if places is not None else measure_places(base)
    measures = []
    for slug, measure in base.measures.items():
        periods = sorted(
            {i.fact.period.text for i in base.by_measure.get(slug, []) if i.fact.period and i.fact.value is not None}
        )
        measures.append(
            {
                "slug": slug,
                "label": measure.label,
                "unit": measure.unit,
                "place": places.get(slug),
                "draft": measure.draft,
                "periods": periods,
                "url": None if measure.draft else page_url(measure_src(slug), directory_urls),
                "parts": measure.parts(),
            }
        )
    return {"measures": measures, "vocabulary": vocabulary_data(vocabulary)}


def check_assets(
    base: FactBase,
    options: SiteOptions,
    records: list[dict[str, Any]],
    languages: Mapping[str, CheckLanguage] | None = None,
    places: Mapping[str, str | None] | None = None,
) -> list[tuple[str, str]]:
    """(site path, content) of the data the checker loads: rules (``languages``: those of the
    other languages it reads texts in), measures (``places``: see measures_data), facts by period."""
    vocabulary = Vocabulary(base.vocabulary)
    assets = [
        (RULES_ASSET, part_script("NQPF_CHECK_PART", "rules", rules_data(base.unit_registry, languages))),
        (
            MEASURES_ASSET,
            part_script("NQPF_CHECK_PART", "measures", measures_data(base, options.directory_urls, vocabulary, places)),
        ),
    ]
    for (slug, period), rows in fact_rows(base, records).items():
        name = f"facts/{slug}/{period}"
        assets.append((f"{DATA_DIR}/{name}.js", part_script("NQPF_CHECK_PART", name, [r.as_json() for r in rows])))
    return assets


def check_page(options: SiteOptions) -> GeneratedPage:
    """/check/: a text area, a button, and each number of the text marked with its verdict."""

    def href(asset: str) -> str:
        return esc(asset_href(PAGE_SRC, asset, options.directory_urls))

    scripts = "".join(
        f'<script defer src="{href(asset)}"></script>\n'
        for asset in (STRINGS_ASSET, PARTS_ASSET, READER_SCRIPT, ENGINE_SCRIPT, PAGE_SCRIPT)
    )
    root = esc(asset_href(PAGE_SRC, "_", options.directory_urls).removesuffix("_"))  # the site's root, from here
    t = options.t
    title = t("Check a text")
    head = front_matter(title, description=t(DESCRIPTION), search={"exclude": True})
    verdicts = options.strings.html(
        "Paste a paragraph from a news report or a speech. Each number in it is compared with what the sources "
        "of this site say for the same measure and year: it {agrees}, {disagrees}, has {none} in the base, is "
        "{not_a_figure} (a year, a date, an ordinal, part of a name), or is {unknown} (the base has no matching "
        "measure). This checks numbers against the base's sources; it is not a verdict on whether the text is "
        "true. The {home} says how to read a fact.",
        agrees=f"<strong>{esc(t('agrees'))}</strong>",
        disagrees=f"<strong>{esc(t('disagrees'))}</strong>",
        none=f"<strong>{esc(t('no figure for that period'))}</strong>",
        not_a_figure=f"<strong>{esc(t('not a figure'))}</strong>",
        unknown=f"<strong>{esc(t('unknown'))}</strong>",
        home=f'<a href="{esc(relative_href(PAGE_SRC, "index.md", options.directory_urls))}">{esc(t("home page"))}</a>',
    )
    languages = esc(
        t("It reads texts in English, Chinese and Urdu: a text is read in the language whose letters it writes most.")
    )
    fact_index = f'<a href="{esc(relative_href(PAGE_SRC, "fact-index.md", options.directory_urls))}">'
    noscript = options.strings.html(
        "Checking a text needs JavaScript. Each number can also be looked up in the {link}fact index{end}.",
        link=fact_index,
        end="</a>",
    )
    body = f"""{head}
# {esc(title)}

{verdicts}

{languages}

{esc(t(STAYS))}

<div class="nqpf-check" id="nqpf-check" data-parts="{href(DATA_DIR)}/"
  data-root="{root}">
<form class="nqpf-check-form" id="nqpf-check-form">
<label for="nqpf-check-text">{esc(t("Text to check"))}</label>
<textarea id="nqpf-check-text" name="text" rows="10" spellcheck="false"
  aria-describedby="nqpf-check-status"></textarea>
<button type="submit" class="md-button md-button--primary" id="nqpf-check-button">{esc(t("Check"))}</button>
</form>
<p id="nqpf-check-status" class="nqpf-status" role="status" aria-live="polite"></p>
<section id="nqpf-check-result" class="nqpf-check-result" aria-labelledby="nqpf-check-heading" hidden>
<h2 id="nqpf-check-heading" tabindex="-1">{esc(t("The text, with its numbers marked"))}</h2>
<p id="nqpf-check-marked" class="nqpf-check-marked"></p>
<h2 id="nqpf-check-list-heading">{esc(t("What the base holds for each number"))}</h2>
<ol id="nqpf-check-list" class="nqpf-check-list"></ol>
</section>
<noscript><p>{noscript}</p></noscript>
</div>

{scripts}"""
    return GeneratedPage(PAGE_SRC, title, body)
