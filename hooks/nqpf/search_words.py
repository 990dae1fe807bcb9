"""The words of the fact index in the other editions, which lunr's English pipeline cannot cut.

English is cut as lunr cuts it (white space and hyphens, then its trimmer, stop words and
stemmer). In the Chinese and Urdu editions a text is cut into runs of one script:
- Chinese characters into overlapping pairs (机器人 → 机器, 器人; a lone character stays whole),
  since Chinese writes no spaces between words and pairs find most words without a dictionary;
- Urdu words as written, with the letters Arabic keyboards type for Urdu ones folded into them
  (ي → ی, ى → ی, ك → ک, ه → ہ), short vowels and the tatweel dropped, and no stemming;
- Latin letters and digits (a quote, "R&D", 944.3) through lunr's English pipeline, as in English.
Everything else separates words. The browser (fact-search.js) cuts what is typed with the same
rules, handed to it as data (``words_data``), so a query's words are the index's.
"""

from __future__ import annotations

import re
from typing import Any

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs: the unified blocks and the compatibility one
ARABIC = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f"  # letters, not signs
# a word, or a number as written (944.3, 1,280), apart: lunr.js and lunr.py stem a word that
# mixes them differently ("99y")
LATIN = r"[a-z]+|[0-9]+(?:[.,][0-9]+)*"
FOLDED = {"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", **{chr(0x06F0 + d): str(d) for d in range(10)}}
FOLDED |= {chr(0x0660 + d): str(d) for d in range(10)}  # Urdu and Arabic-Indic digits: Latin ones
DROPPED = "[\u064b-\u065f\u0670\u0640]"  # short vowels and other marks, and the tatweel
RUN = f"(?P<han>[{HAN}]+)|(?P<latin>{LATIN})|(?P<arabic>[{ARABIC}]+)"  # one script each
LANGUAGES = ("zh", "ur")  # the editions whose words are cut here; English is lunr's

_RUN = re.compile(RUN)
_DROPPED = re.compile(DROPPED)
_FOLD = str.maketrans(FOLDED)


def edition_words(text: str) -> list[tuple[str, bool]]:
    """The words of ``text`` as the Chinese and Urdu editions index them: (word, whether it is
    Latin, to go through lunr's English pipeline), in order."""
    words: list[tuple[str, bool]] = []
    for run in _RUN.finditer(_DROPPED.sub("", text.lower()).translate(_FOLD)):
        if run["han"]:
            han = run["han"]
            words += [(han, False)] if len(han) == 1 else [(han[n : n + 2], False) for n in range(len(han) - 1)]
        else:
            words.append((run.group(), run["latin"] is not None))
    return words


def words_data() -> dict[str, Any]:
    """The same rules for the browser: its patterns in JavaScript's syntax, and the foldings."""
    return {"run": RUN.replace("(?P<", "(?<"), "dropped": DROPPED, "folded": FOLDED}
