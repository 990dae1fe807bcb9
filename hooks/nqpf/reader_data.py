"""The number reader as data, for the browser's engine (assets/nqpf/number-reader.js).

One reader, two engines: the patterns and tables are the ones ``numbers`` compiles, written out
for JavaScript's regular expressions at build time, so that the rules stay in one place. A
differential test feeds the same texts to both engines and requires the same mentions.

JavaScript has no conditional groups, and its ``\\d``, ``\\w``, ``\\s`` and ``\\b`` are ASCII;
Python's are Unicode. So each conditional is spelled out as an alternation (JavaScript allows
one group name in two alternatives), and the classes are written out as Unicode properties.
"""

from __future__ import annotations

import array
import functools
import re
import sys
from typing import Any

from . import localised_numbers, numbers

# Python's white space (str.isspace), which its \s matches in a str pattern.
WHITE_SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
_WORD = "\\p{L}\\p{N}_"  # Python's \w: what str.isalnum() accepts, and the underscore
_WORD_BOUNDARY = f"(?:(?<=[{_WORD}])(?![{_WORD}])|(?<![{_WORD}])(?=[{_WORD}]))"
_CLASSES = {"d": "\\p{Nd}", "w": _WORD, "s": WHITE_SPACE}
_NEGATED = {"D": "\\P{Nd}", "W": f"[^{_WORD}]", "S": f"[^{WHITE_SPACE}]"}
_SYNTAX = "^$\\.*+?()[]{}|/"  # what JavaScript's unicode mode lets a backslash escape


def to_javascript(pattern: str) -> str:
    """A Python pattern (without conditionals) as a JavaScript one, for the flags "gud"."""
    out, at, in_class = [], 0, False
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            escaped = pattern[at + 1]
            at += 2
            if escaped in _CLASSES:
                out.append(_CLASSES[escaped] if in_class else f"[{_CLASSES[escaped]}]")
            elif escaped in _NEGATED and not in_class:
                out.append(_NEGATED[escaped])
            elif escaped == "W" and in_class:
                raise ValueError("write a negated \\W class out in full")
            elif escaped == "b" and not in_class:
                out.append(_WORD_BOUNDARY)
            elif escaped == "Z":
                out.append("$")
            elif escaped.isalnum() or escaped in _SYNTAX or (escaped == "-" and in_class):
                out.append("\\" + escaped)  # \u00a0, \., \$: the same in both
            else:
                out.append(escaped)  # re.escape's "\ ", "\-": an identity escape JavaScript refuses
            continue
        if char == "[" and not in_class:
            in_class = True
            if pattern.startswith("[^\\W\\d", at):  # a letter (and not the rest): a word character, not a digit
                close = pattern.index("]", at + len("[^\\W\\d"))
                rest = to_javascript(pattern[at + len("[^\\W\\d") : close]) if close > at + 6 else ""
                out.append("(?:(?![\\p{Nd}" + rest + "])[" + _WORD + "])")
                at = close + 1
                in_class = False
                continue
        elif char == "]" and in_class and pattern[at - 1] != "[":
            in_class = False
        elif pattern.startswith("(?P<", at):
            out.append("(?<")
            at += 4
            continue
        out.append(char)
        at += 1
    return "".join(out)


def _without_conditionals() -> dict[str, str]:
    """The reader's patterns with each conditional group spelled out as an alternation."""
    date = numbers._DATE_RE.pattern
    head, _, tail = date.partition("|(?P<fy>FY\\s?)?(?P<year>(?:19|20)\\d\\d)")
    conditional = "(?(fy)(?:[-/–](?P<next>\\d\\d))?|[-/–](?P<next_year>\\d\\d))"
    rest = tail.partition(conditional)[2]
    year = "(?P<year>(?:19|20)\\d\\d)"
    date_js = f"{head}|(?:(?P<fy>FY\\s?){year}(?:[-/–](?P<next>\\d\\d))?|{year}[-/–](?P<next_year>\\d\\d)){rest}"
    numeral = numbers._NUMERAL_RE.pattern
    currency = f"(?:(?P<currency>{numbers._either(numbers.CURRENCIES)}){numbers._SPACE}?)?"
    before, _, after = numeral.partition(currency)
    glued = "(?(currency)[mb]|(?!))"
    spaced = f"(?(currency){numbers._SPACE}(?P<spaced_scale>{numbers._ABBREVIATION}|m|b)\\b|(?!))"
    with_currency = (
        before
        + currency[:-1]
        + after.replace(glued, "[mb]").replace(
            spaced, f"{numbers._SPACE}(?P<spaced_scale>{numbers._ABBREVIATION}|m|b)\\b"
        )
    )
    without = before + after.replace(glued, "(?!)").replace(spaced, "(?!)")
    return {
        "date": date_js,
        "numeral": f"(?:{with_currency}|{without})",
        "words": numbers._WORDS_RE.pattern,
        "hedge_before": numbers._HEDGE_BEFORE_RE.pattern,
        "conversion": numbers._CONVERSION_RE.pattern,
        "counting": numbers._COUNTING_RE.pattern,
        "spelled_split": "[\\s-]+",
    }


@functools.cache  # the same for every build
def _decimal_zeros() -> list[int]:
    """The code point of each run's zero among Unicode's decimal digits (runs are 0 to 9): the
    browser's engine reads a digit's value as its distance from its run's zero."""
    # every code point as one string (made in C), scanned once by the re module: twice as fast
    every = array.array("I", range(sys.maxunicode + 1)).tobytes().decode("utf-32-le", "surrogatepass")
    return sorted({found.start() - int(found.group()) for found in re.finditer(r"\d", every)})


def reader_data() -> dict[str, Any]:
    """Everything the browser's number reader needs, as plain data."""
    patterns = {name: to_javascript(pattern) for name, pattern in _without_conditionals().items()}
    for name, pattern in patterns.items():  # what the build writes must at least be a pattern
        if "(?(" in pattern:
            raise ValueError(f"the {name} pattern still holds a conditional group")
    return {
        "patterns": patterns,
        "scales": {word: str(size) for word, size in numbers.SCALES.items()},
        "scaleSpellings": numbers.SCALE_SPELLINGS,
        "hedges": numbers.HEDGES,
        "wordValues": numbers.WORD_VALUES,
        "denominators": numbers.DENOMINATORS,
        "hedgeReach": numbers._HEDGE_REACH,
        "decimalZeros": _decimal_zeros(),
        "maxDigits": numbers.MAX_DIGITS,
        "whiteSpace": WHITE_SPACE,
    }


def localised_reader_data(code: str) -> dict[str, Any]:
    """The number reader of another language (``localised_numbers``) as data for the browser."""
    words = localised_numbers.LANGUAGES[code]
    patterns = {
        "number": localised_numbers.number_pattern(words),
        "hedge_before": localised_numbers.hedge_before_pattern(words),
        "hedge_after": localised_numbers.hedge_after_pattern(words),
    }
    return {
        "language": code,
        "patterns": {name: to_javascript(pattern) for name, pattern in patterns.items()},
        "scales": {word: str(size) for word, size in words.scales.items()},
        "hedges": words.qualifiers,
        "spansOfTime": list(words.spans_of_time),
        "fractionWords": {w: [str(f.numerator), str(f.denominator)] for w, f in words.fraction_words.items()},
        "decimalPoints": words.decimal_points,
        "groupSeparators": words.group_separators,
        "hedgeReach": localised_numbers.HEDGE_REACH,
        "maxDigits": numbers.MAX_DIGITS,
        "decimalZeros": _decimal_zeros(),
        "chinese": {
            "digits": localised_numbers.ZH_DIGITS,
            "units": localised_numbers.ZH_UNITS,
            "groups": localised_numbers.ZH_GROUPS,
            "point": localised_numbers.ZH_POINT,
            "shorthand": localised_numbers.ZH_SHORTHAND,
        },
    }
