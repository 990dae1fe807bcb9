"""The fact base as an edition shows it (edition_base.py): its translations in place, CLDR's
values and periods, and the English kept, and marked, where the edition has no translation."""

import dataclasses

import pytest

from nqpf.edition_base import edition_base
from nqpf.translations import build_editions


@pytest.fixture(scope="module")
def editions(paths, fact_base):
    return build_editions(paths, fact_base)


def test_every_text_readers_see_is_the_editions(fact_base, editions):
    zh = edition_base(fact_base, editions["zh"])
    fact = zh.by_id["gdp-2023-yuan"].fact
    assert fact.claim == "2023年，中国国内生产总值超过126万亿元。"
    assert fact.claim_lang is None
    assert fact.display_value == zh.by_id["gdp-2023-yuan"].display_value == "超过126万亿元"
    assert fact.period is not None
    assert fact.period.label() == "2023年"
    assert fact.period == fact_base.by_id["gdp-2023-yuan"].fact.period  # the same period, written otherwise
    assert fact.quote == fact_base.by_id["gdp-2023-yuan"].fact.quote  # quotes are never translated
    assert zh.measures["china-gdp"].label == "中国国内生产总值"
    assert zh.measures["china-gdp"].place == "中国"
    assert zh.sectors["economy"].title == "经济与增长"
    assert zh.units["CNY"].label == "人民币元"
    assert zh.units["CNY"].spellings == fact_base.units["CNY"].spellings  # how English quotes write it


def test_what_is_not_translated_stays_english_and_says_so(fact_base, editions):
    texts = dataclasses.replace(editions["ur"], facts={}, measures={})
    ur = edition_base(fact_base, texts)
    english = fact_base.by_id["pakistan-population"].fact
    fact = ur.by_id["pakistan-population"].fact
    assert (fact.claim, fact.claim_lang) == (english.claim, "en")
    assert fact.display_value == "24\u00a0کروڑ افراد"  # a value is the edition's all the same
    assert ur.measures["pakistan-population"].label == fact_base.measures["pakistan-population"].label
