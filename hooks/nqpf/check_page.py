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
from typing import Any

from . import comparison, proposals, reading, units
from .checking import fact_rows, fraction_text
from .markup import asset_href, esc, page_url, part_script, relative_href
from .model import PERCENT
from .numbers import CURRENCIES, MONTHS
from .pages import GeneratedPage, SiteOptions, front_matter, measure_src
from .reader_data import reader_data, to_javascript
from .reading import Vocabulary
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

# The patterns the browser's engine needs, by the name it knows them by.
_PATTERNS: dict[str, re.Pattern[str]] = {
    "date": reading._DATE_RE,
    "sentenceEnd": reading._END_RE,
    "wordAtStop": reading._WORD_AT_STOP,
    "initial": reading._INITIAL,
    "line": reading._LINE,
    "headlineWord": reading._HEADLINE_WORD,
    "fiscalYear": reading._FISCAL_YEAR,
    "spanOfYearsEnd": reading._SPAN_OF_YEARS_END,
    "followingWord": reading._FOLLOWING_WORD,
    "precedingWord": reading._PRECEDING_WORD,
    "nextWord": reading._NEXT_WORD,
    "unitWordsEnd": reading._UNIT_WORDS_END,
    "unitWord": reading._UNIT_WORD,
    "definingBefore": reading._DEFINING_BEFORE,
    "spanAfter": reading._SPAN_AFTER,
    "oneOf": reading._ONE_OF,
    "comparedBefore": reading._COMPARED_BEFORE,
    "partiesAfter": reading._PARTIES_AFTER,
    "knownNames": reading._KNOWN_NAMES,
    "time": reading._TIME_RE,
    "phone": reading._PHONE_RE,
    "phoneCue": reading._PHONE_CUE,
    "word": reading._WORD_RE,
    "fiscalBefore": reading._FISCAL_BEFORE,
    "agoAfter": reading._AGO_AFTER,
    "clauseBreak": reading.CLAUSE_BREAK,
    "clauseEndParts": reading.CLAUSE_END,
    "changeNoun": reading.CHANGE_NOUN,
    "changeVerb": reading.CHANGE_VERB,
    "levelAfterChange": reading.LEVEL_AFTER_CHANGE,
    "changeAfter": reading.CHANGE_AFTER,
    "monthOnMonth": reading.MONTH_ON_MONTH,
    "amountChangeBefore": reading.AMOUNT_CHANGE_BEFORE,
    "ratioAfter": reading.RATIO_AFTER,
    "wholeBefore": reading.WHOLE_BEFORE,
    "partnerBefore": reading.PARTNER_BEFORE,
    "targetMet": reading.TARGET_MET,
    "byYear": reading.BY_YEAR,
    "companyNamed": reading.COMPANY_NAMED,
    "respectively": reading.RESPECTIVELY,
    "sentenceStopAtEnd": reading.SENTENCE_STOP_AT_END,
    "blankLine": reading.BLANK_LINE,
    "listGap": reading._LIST_GAP,
    "itemGap": reading._ITEM_GAP,
    "listGlue": reading._LIST_GLUE,
    "ownNoun": reading._OWN_NOUN,
    "attached": reading._ATTACHED,
    "fiscalPair": reading._FISCAL_PAIR,
    "possessive": reading._POSSESSIVE,
    "listToNext": proposals._LIST_TO_NEXT,
    "wordStarts": units._WORD_STARTS,
    "clauseEnd": units._CLAUSE_END,
    "percentSpelling": units._PERCENT_SPELLING,
    "decimals": comparison._DECIMALS,
}


def js_pattern(pattern: re.Pattern[str]) -> dict[str, str]:
    """A compiled Python pattern as a JavaScript source and its flags ("i" or "")."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        raise ValueError(f"only the ignore-case flag is written out: {pattern.pattern!r}")
    source = pattern.pattern.removeprefix("(?i)")
    return {"source": to_javascript(source), "flags": "i" if pattern.flags & re.IGNORECASE else ""}


def rules_data(registry: UnitRegistry) -> dict[str, Any]:
    """The rules of reading, drafting and units: the same at any size of the fact base."""
    return {
        "reader": reader_data(),
        "patterns": {
            **{name: js_pattern(pattern) for name, pattern in _PATTERNS.items()},
            "unitSpelling": js_pattern(registry.spellings_after),
            **{f"periodKind-{kind}": js_pattern(pattern) for kind, pattern in reading.PERIOD_KINDS_WRITTEN},
        },
        "abbreviations": sorted(reading._ABBREVIATIONS),
        "stopWords": sorted(reading.STOP_WORDS),
        "verbs": sorted(reading.VERBS),
        "nameHeads": sorted(reading._NAME_HEADS),
        "beforeAYear": sorted(reading._BEFORE_A_YEAR),
        "afterAYear": sorted(reading._AFTER_A_YEAR),
        "scaleOrdinals": list(reading._SCALE_ORDINALS),
        "possessives": sorted(reading._POSSESSIVES),
        "unitWordsReach": units._UNIT_WORDS_REACH,
        "months": MONTHS,
        "currencies": CURRENCIES,
        "periodKinds": [kind for kind, _ in reading.PERIOD_KINDS_WRITTEN],
        "notAName": sorted(reading.NOT_A_NAME),
        "percent": PERCENT,
        "units": {
            slug: {"label": u.label, "kind": u.kind, "dimension": u.dimension, "factor": fraction_text(u.factor)}
            for slug, u in registry.units.items()
        },
        "spellings": registry.by_spelling,
        "nearly": fraction_text(comparison.NEARLY),
        "about": fraction_text(comparison.ABOUT),
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
        "placeOfLabel": vocabulary.place_of_label,
    }


def measures_data(base: FactBase, directory_urls: bool, vocabulary: Vocabulary | None = None) -> dict[str, Any]:
    """The measures, their parts and the periods their facts state, and the vocabulary."""
    vocabulary = vocabulary or Vocabulary(base.vocabulary)
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
                "place": measure.place,
                "draft": measure.draft,
                "periods": periods,
                "url": None if measure.draft else page_url(measure_src(slug), directory_urls),
                "parts": measure.parts(),
            }
        )
    return {"measures": measures, "vocabulary": vocabulary_data(vocabulary)}


def check_assets(base: FactBase, options: SiteOptions, records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(site path, content) of the data the checker loads: rules, measures, facts by period."""
    vocabulary = Vocabulary(base.vocabulary)
    assets = [
        (RULES_ASSET, part_script("NQPF_CHECK_PART", "rules", rules_data(base.unit_registry))),
        (
            MEASURES_ASSET,
            part_script("NQPF_CHECK_PART", "measures", measures_data(base, options.directory_urls, vocabulary)),
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
    english_only = (
        ""
        if options.language == "en"
        else f"\n\n{esc(t('The checker reads texts in English; Chinese and Urdu texts are not read yet.'))}"
    )
    fact_index = f'<a href="{esc(relative_href(PAGE_SRC, "fact-index.md", options.directory_urls))}">'
    noscript = options.strings.html(
        "Checking a text needs JavaScript. Each number can also be looked up in the {link}fact index{end}.",
        link=fact_index,
        end="</a>",
    )
    body = f"""{head}
# {esc(title)}

{verdicts}{english_only}

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
