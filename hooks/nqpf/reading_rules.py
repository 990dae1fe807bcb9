"""The words a text is read by, as data: one ``ReadingRules`` per language. The English rules
are the patterns and word lists below; Chinese and Urdu have their own (``reading_languages``).
The reader (``reading``) asks them in the same order whatever the language, and the browser's
engine is written the same rules (``check_page.rules_data``), so that one reader serves the
drafter, the text checker and the page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .numbers import MONTH_PATTERN, MONTHS
from .units import CLAUSE_END as UNIT_CLAUSE_END
from .units import WORD_STARTS

_DATE_RE = re.compile(  # "November 7, 2022", "Sept. 29", "7 November 2022", "11th Mar, 2025", "September 2023"
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_PATTERN})\b\.?,?(?:\s+(?P<year>\d{{4}})\b)?"
    rf"|(?P<month2>{MONTH_PATTERN})\b\.?\s+(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b,?(?:\s+(?P<year2>\d{{4}})\b)?"
    rf"|(?P<year3>\d{{4}})\b))"
)
# Sentence ends: a stop after a word that is not an abbreviation or an initial, before a capital.
_END_RE = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = {
    *MONTHS,
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Gen",
    "Lt",
    "Col",
    "Capt",
    "Sr",
    "Jr",
    "St",
    "No",
    "Nos",
    "Rs",
    "Co",
    "Corp",
    "Inc",
    "Ltd",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "U.S",
    "U.K",
    "U.N",
    "approx",
    "Govt",
    "Dept",
    "Art",
    "Sec",
    "Fig",
}
STOP_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "by",
    "for",
    "from",
    "with",
    "and",
    "or",
    "but",
    "as",
    "than",
    "that",
    "which",
    "while",
    "who",
    "this",
    "these",
    "those",
    "its",
    "it",
    "their",
    "our",
    "his",
    "her",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "over",
    "under",
    "about",
    "since",
    "during",
    "per",
    "each",
    "year",
    "years",
    "compared",
    "worth",
    "up",
    "down",
    "into",
    "against",
    "more",
    "less",
    "nearly",
    "almost",
    "around",
    "some",
}
_WORD_AT_STOP = re.compile(r"([\w.]+)[.!?]$")  # the word a stop ends: "Sept" of "Sept."
_INITIAL = re.compile(r"[A-Z]")
_LINE = re.compile(r"[^\n]+")
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w’'-]*")

VERBS = {
    "reached",
    "rose",
    "grew",
    "increased",
    "surged",
    "stood",
    "hit",
    "totaled",
    "totalled",
    "exceeded",
    "surpassed",
    "topped",
    "came",
    "amounted",
    "accounted",
    "fell",
    "dropped",
    "declined",
    "jumped",
    "climbed",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "said",
    "added",
    "noted",
    "signed",
    "built",
    "made",
    "reported",
    "showed",
    "saw",
    "got",
    "gets",
    "edged",
    "recorded",
}

_DEFINING_BEFORE = re.compile(
    r"(?i)\b(?:first|last|past|next|previous|top|under|aged|within|over the (?:past|"
    r"last|next))\s+\Z"
)

_SPAN_AFTER = re.compile(r"(?i)\s*-?\s*(?:months?|years?|weeks?|days?|quarters?|decades?|hours?|minutes?)\b")

_ONE_OF = re.compile(r"(?i)\s+of\s+(?:the|our|their|its|his|her|these|those|many|several|few|China’s|China's)\b")

_COMPARED_BEFORE = re.compile(r"(?i)\b(?:from|over|than|compared (?:with|to)|against|versus|vs\.?)\s+(?:in\s+)?\Z")

_PARTIES_AFTER = re.compile(
    r"(?i)\s+(?:nations|countries|sides|leaders|governments|peoples|neighbou?rs|"
    r"brothers|partners)\b"
)

_KNOWN_NAMES = re.compile(r"(?i)\btwo sessions\b")

_NAME_HEADS = {
    "Phase",
    "CPEC",
    "Vision",
    "Plan",
    "Agenda",
    "Industry",
    "Version",
    "No.",
    "COVID",
    "Article",
    "Section",
    "Chapter",
    "Rule",
    "Belt",
    "Road",
    "Corridor",
    "Web",
}

_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?:\s?(?:[ap]m\b|[ap]\.m\.))?")

_PHONE_RE = re.compile(r"(?:\+\d{1,3}[ -]?)?\d{2,4}(?:[ -]\d{2,4}){2,}")

_PHONE_CUE = re.compile(r"(?i)(?:tel|phone|fax|uan|call|contact|mobile)\.?:?\s*\+?[\d\s-]*\Z")

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'&.\-]*")

_FISCAL_BEFORE = re.compile(r"(?i)\b(?:fiscal|financial)\s+year\s+\Z")  # "fiscal year 23"

_AGO_AFTER = re.compile(r"(?i)\s+(?:years?|months?|decades?|weeks?|days?)\s+(?:ago|back|earlier)\b")

_BEFORE_A_YEAR = frozenset(
    {
        "in",
        "since",
        "by",
        "from",
        "to",
        "until",
        "till",
        "of",
        "year",
        "during",
        "before",
        "after",
        "between",
        "and",
        "early",
        "late",
        "mid",
        "end",
        "the",
    }
)

_SCALE_ORDINALS = ("millionth", "thousandth", "hundredth")  # "the 10-millionth car": an ordinal

_POSSESSIVES = frozenset({"the", "our", "their", "its", "his", "her"})  # "2/3 of our GDP" counts GDP

_AFTER_A_YEAR = frozenset({"and", "to", "was", "is", "marks", "saw", "level", "levels"})

_FISCAL_YEAR = re.compile(r"(?:FY\s?)?\d{4}(?:[-/–]\d\d)?")

_SPAN_OF_YEARS_END = re.compile(r"\b\d{4}[-–]\Z")

_FOLLOWING_WORD = re.compile(r"\s+([a-z][\w-]*)")

_PRECEDING_WORD = re.compile(r"(\w+)\s+\Z")

_NEXT_WORD = re.compile(r"\s*-?\s*([A-Za-z][\w-]*)")

_UNIT_WORDS_END = re.compile(r"[,;:()\[\]“”\"!?\n]")

_UNIT_WORD = re.compile(r"[^\s,;:()\[\]“”\"!?]+")

HEDGE_WORDS = (  # words between a change word and its number: "up by nearly", "an increase of about"
    r"(?:(?:about|around|approximately|roughly|nearly|almost|some|over|more than|less than|up to|at least|just"
    r"|only|an|a|the|by|of)\s+)*"
)

# Where a clause starts (the last of these before a number) and ends (the first after it).
CLAUSE_BREAK = re.compile(
    r"[;:—(]|,(?!\d{3})|\s[-–]{1,2}\s|\b(?:while|whereas|but|that|which)\s"
    r"|\b(?:said|says|say|reported|reports|showed|shows|show|announced|stated|estimated)\s+"
)
CLAUSE_END = re.compile(r"[;:—()]|,(?!\d{3})|\s[-–]{1,2}\s|\b(?:while|whereas|but|which)\s")
# A percentage is a change when a change word comes before it in its clause ("rose 8.1%", "an
# increase of 30.3%") or after it ("8.1% year on year"); a change verb with "to" gives the level
# the quantity reached ("rose to 2.68%").
CHANGE_NOUN = re.compile(
    r"(?i)\b(?:growth|increase|increases|rise|decline|decrease|drop|fall|gain|jump|surge|expansion|contraction"
    r"|reduction|slowdown|growth rate)\b"
)
CHANGE_VERB = re.compile(
    r"(?i)\b(?:up|down|rose|risen|rising|rises|grew|grown|growing|grows|grow|increased|increasing|climbed|jumped"
    r"|surged|soared|fell|fallen|falling|declined|declining|dropped|decreased|expanded|expanding|expand|expands"
    r"|contracted|reduced|reduce|edged up"
    r"|edged down|gained|added|shrank|slipped|plunged)\b"
)
LEVEL_AFTER_CHANGE = re.compile(rf"(?i)\bto\s+{HEDGE_WORDS}\Z")  # "rose to", "to nearly"
CHANGE_AFTER = re.compile(
    r"(?i)^\s*(?:(?:year|yr)[- ]on[- ](?:year|yr)|y-o-y|yoy|on the year|from a year (?:ago|earlier)"
    r"|(?:over|from|compared with|compared to|than) (?:the )?(?:previous|same|last|a) (?:year|period)"
    r"|increase|rise|growth|jump|gain|decline|drop|fall|higher|lower|more than|less than|up|down)\b"
)
MONTH_ON_MONTH = re.compile(r"(?i)\b(?:month[- ]on[- ]month|m-o-m|mom|from the previous month|sequential(?:ly)?)\b")
AMOUNT_CHANGE_BEFORE = re.compile(
    rf"(?i)(?:\b(?:increase|rise|growth|decline|decrease|drop|fall|gain|jump|surge)\s+of\s+{HEDGE_WORDS}"
    rf"|\b(?:up|down|increased|rose|grew|fell|declined|dropped|gained|jumped|added|climbed|decreased)\s+"
    rf"(?:by\s+)?{HEDGE_WORDS})\Z"
)
RATIO_AFTER = re.compile(r"(?i)^(?:-|\s)?(?:fold|times)\b")
# What a share is of: "40% of total new vehicle sales", "2/3 of our GDP", "24 percent to GDP".
WHOLE_BEFORE = re.compile(
    r"(?i)^\s*(?:of|to|in)\s+(?:(?:the|total|overall|all|our|its|their|national|whole|entire|annual|country['’]s"
    r"|nation['’]s)\s+)*"
)
# A place named as a partner is not the figure's place: "exports to China", "trade with Pakistan".
PARTNER_BEFORE = re.compile(
    r"(?i)\b(?:to|from|with|between|against|than|toward|towards|into|visited|visiting|and|among|across)\s+(?:the\s+)?\Z"
)
# A target read as met is no target: "the growth rate of 5.2% met our target".
TARGET_MET = re.compile(
    r"(?i)\b(?:met|meet|meets|meeting|achieved|achieving|exceeded|exceeding|surpassed|beat|beating|missed|hit|above"
    r"|below|beyond)\s+(?:\w+\s+)?\Z"
)
BY_YEAR = re.compile(r"(?i)\bby\s+((?:19|20)\d\d)\b")  # "by 2030": a target, unless the text is dated later
# A company, not a country: "carmaker BYD", "Chery Automobile Co.", "BYD sold", "the carmaker".
COMPANY_NAMED = re.compile(
    r"\b(?:carmaker|automaker|company|firm|manufacturer|maker|brand|giant|group|startup|corporation|supplier)\s+"
    r"(?P<after>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})"
    r"|(?P<before>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+(?:Co\.|Ltd\b|Inc\b|Corp\b|Corporation|Company|Motors?\b"
    r"|Automobile|Auto\b|Holdings|Group)"
    r"|(?P<actor>\b[A-Z][\w&-]*)(?:['’]s)?\s+(?:sold|delivered|shipped|produced|exported|posted|recorded|made)\b"
    r"|\b(?P<unnamed>(?:the|its)\s+(?:carmaker|automaker|company|firm|group|manufacturer|brand)(?:['’]s)?)\b"
)
# Capitalised words that start a sentence or a clause, never a company's name.
NOT_A_NAME = frozenset(
    {
        *("The", "In", "It", "Its", "This", "That", "These", "Those", "They", "We", "Our", "Their", "He", "She"),
        *("His", "Her", "A", "An", "And", "But", "Also", "Meanwhile", "Overall", "Total", "Last", "Next"),
        *("According", "Both", "Each", "Every", "Such", "Sales", "Exports", "Production", "Output", "Imports"),
    }
)
# The kind of period a number's clause (or the words that open its sentence) states.
PERIOD_KINDS_WRITTEN: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "year-to-date",
        re.compile(
            rf"(?i)\b(?:first\s+(?:\w+\s+)?(?:months|quarters)|first\s+half|year[- ]to[- ]date|so far this year|H1\b"
            rf"|(?:{MONTH_PATTERN})\.?\s*(?:-|–|to|through)\s*(?:{MONTH_PATTERN})\b)"
        ),
    ),
    ("quarter", re.compile(r"(?i)\b(?:(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter|Q[1-4])\b")),
    (
        "month",
        re.compile(
            rf"(?i)\b(?:in|during|for|of|last)\s+(?:(?:{MONTH_PATTERN})\b|the month\b)|\b(?:{MONTH_PATTERN})\s+alone\b"
        ),
    ),
    (
        "span-of-years",
        re.compile(
            r"(?i)\b(?:(?:19|20)\d\d\s*(?:-|–|to|through|until)\s*(?:19|20)\d\d|five-year plan|(?:past|last|previous)"
            r"\s+(?:\w+\s+)?(?:years|decade)|decade|(?:19|20)\d\d[-–](?!(?:19|20)\d\d)\d\d\s+period)\b"
        ),
    ),
    (
        "cumulative",
        re.compile(
            r"(?i)\b(?:cumulative(?:ly)?|so far|to date|up to now|until now|as of|by the end of"
            r"|since\s+(?:19|20)\d\d)\b"
        ),
    ),
    (
        "fiscal-year",
        re.compile(r"(?i)\b(?:fiscal|financial)\s+year\b|\bFY\s?\d|\b(?:19|20)\d\d[-–/]\d\d\b(?!\s+period)"),
    ),
)


BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
SENTENCE_STOP_AT_END = re.compile(r"[.!?][\"”’')\]]*\s*\Z")
RESPECTIVELY = re.compile(r"(?i)\brespectively\b")
_FISCAL_PAIR = re.compile(r"((?:19|20)\d\d)\s*[-–/]\s*(\d\d)\b(?!\d)")
_POSSESSIVE = re.compile(r"['’]s\Z")
_LIST_GAP = re.compile(r"\s*(?:[^\W\d][\w.]*\s*)?(?:,\s*and|,|and)\s*")  # "12.9 million and 12.87", "units, "
_ITEM_GAP = re.compile(r"\s*(?:,\s*and|,|and)\s+(?:the\s+)?")  # "production and sales", "basic, applied and"
_OWN_NOUN = re.compile(r"\s*(?:(?:new|more|additional|other|major|key|large|big|small)\s+)?")  # "one hydropower plant"
_LIST_GLUE = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")  # what opens a clause that only continues a list
_ATTACHED = re.compile(rf"\s*{HEDGE_WORDS}(?:US|U\.S\.)?\s*")

NEVER = re.compile(r"(?!)")  # a rule a language does not have
LIST_TO_NEXT = re.compile(r"\s*(?:,\s*and|,|and|or|to|-|–)\s*")  # "12.9 million and 12.87 million units"


@dataclass(frozen=True)
class ReadingRules:
    """One language's words for reading a text: where sentences and clauses end, which numbers
    are years, names or ordinals, and which words state a number's statistic, whole, partner,
    target and period kind. Each field defaults to the English rule."""

    language: str = "en"
    spaced: bool = True  # words stand between spaces: a spelling is found as a whole word
    lines_wrap: bool = True  # a line without a closing stop may continue on the next one
    line_stops: str = '.!?:;…"”’)]'  # a line ending with one of these does not wrap
    sentence_end: re.Pattern[str] = _END_RE
    abbreviations: frozenset[str] = frozenset(_ABBREVIATIONS)
    headline_word: re.Pattern[str] = _HEADLINE_WORD
    stop_words: frozenset[str] = frozenset(STOP_WORDS)
    verbs: frozenset[str] = frozenset(VERBS)
    date: re.Pattern[str] = _DATE_RE
    months: Mapping[str, int] = field(default_factory=lambda: dict(MONTHS))  # a month as written -> its number
    following_word: re.Pattern[str] = _FOLLOWING_WORD
    preceding_word: re.Pattern[str] = _PRECEDING_WORD
    before_a_year: frozenset[str] = _BEFORE_A_YEAR
    after_a_year: frozenset[str] = _AFTER_A_YEAR
    compared_before: re.Pattern[str] = _COMPARED_BEFORE
    compared_after: re.Pattern[str] = NEVER  # "2022 کے مقابلے میں": the base of a change, named after its year
    one_of: re.Pattern[str] = _ONE_OF
    parties_after: re.Pattern[str] = _PARTIES_AFTER
    fiscal_before: re.Pattern[str] = _FISCAL_BEFORE
    ago_after: re.Pattern[str] = _AGO_AFTER
    known_names: re.Pattern[str] = _KNOWN_NAMES
    ordinal_after: re.Pattern[str] = NEVER  # "15ویں": an ordinal its suffix makes
    span_after: re.Pattern[str] = _SPAN_AFTER
    defining_before: re.Pattern[str] = _DEFINING_BEFORE
    unit_words_end: re.Pattern[str] = _UNIT_WORDS_END
    unit_word: re.Pattern[str] = _UNIT_WORD
    word_starts: re.Pattern[str] = WORD_STARTS
    unit_clause_end: re.Pattern[str] = UNIT_CLAUSE_END
    list_to_next: re.Pattern[str] = LIST_TO_NEXT
    clause_break: re.Pattern[str] = CLAUSE_BREAK
    clause_end: re.Pattern[str] = CLAUSE_END
    change_noun: re.Pattern[str] = CHANGE_NOUN
    change_verb: re.Pattern[str] = CHANGE_VERB
    level_after_change: re.Pattern[str] = LEVEL_AFTER_CHANGE
    change_after: re.Pattern[str] = CHANGE_AFTER
    month_on_month: re.Pattern[str] = MONTH_ON_MONTH
    amount_change_before: re.Pattern[str] = AMOUNT_CHANGE_BEFORE
    amount_change_after: re.Pattern[str] = NEVER  # "281.7 ارب یوآن کا اضافہ": a change its words after make
    ratio_after: re.Pattern[str] = RATIO_AFTER
    whole_before: re.Pattern[str] = WHOLE_BEFORE  # what opens a share's whole written after it
    whole_gap: re.Pattern[str] = NEVER  # between a whole written before a share and the share: 的, کے
    partner_before: re.Pattern[str] = PARTNER_BEFORE
    partner_after: re.Pattern[str] = NEVER  # "پاکستان کو": a partner its postposition makes
    target_met: re.Pattern[str] = TARGET_MET
    by_year: re.Pattern[str] = BY_YEAR
    company_named: re.Pattern[str] = COMPANY_NAMED
    not_a_name: frozenset[str] = NOT_A_NAME
    period_kinds: tuple[tuple[str, re.Pattern[str]], ...] = PERIOD_KINDS_WRITTEN
    sentence_stop_at_end: re.Pattern[str] = SENTENCE_STOP_AT_END
    respectively: re.Pattern[str] = RESPECTIVELY
    list_gap: re.Pattern[str] = _LIST_GAP
    item_gap: re.Pattern[str] = _ITEM_GAP
    list_glue: re.Pattern[str] = _LIST_GLUE
    own_noun: re.Pattern[str] = _OWN_NOUN
    attached: re.Pattern[str] = _ATTACHED


ENGLISH = ReadingRules()
