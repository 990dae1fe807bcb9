"""The three editions, built as `make site` builds them (English at the root, 中文 in zh/, اردو in
ur/): the same pages in each, in its language and direction, linked to each other page by page
(the language menu and the sitemaps), the claims and values as each edition writes them, quotes
left in English and marked so, and what an edition does not translate shown in English, marked."""

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from browser import PHONE, screenshot
from conftest import copy_project, nqpf, run_site_build

from nqpf.edition_base import unit_words
from nqpf.editions import EDITIONS, period_label, written_value
from nqpf.strings import script_strings
from nqpf.translations import build_editions

CODES = ["en", *EDITIONS]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def edition_root(site: Path, code: str) -> Path:
    return site if code == "en" else site / code


def pages_of(site: Path, code: str) -> set[str]:
    """The HTML pages of an edition, relative to its root (the other editions' folders left out)."""
    root = edition_root(site, code)
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*.html")
        if not (code == "en" and p.relative_to(root).parts[0] in EDITIONS)
    }


def read(site: Path, code: str, page: str) -> str:
    return (edition_root(site, code) / page).read_text(encoding="utf-8")


def test_every_edition_has_every_page(built_site):
    english = pages_of(built_site.site, "en")
    assert len(english) > 50
    for code in EDITIONS:
        assert pages_of(built_site.site, code) == english, code


@pytest.mark.parametrize("code", CODES)
def test_each_edition_is_in_its_language_and_direction(built_site, code):
    direction = EDITIONS[code].direction if code in EDITIONS else "ltr"
    for page in sorted(pages_of(built_site.site, code)):
        html = read(built_site.site, code, page)
        if "md-container" not in html:  # the embed pages are not the theme's: their own <html>
            assert f'<html lang="{code}" dir="{direction}">' in html, page
            continue
        assert f'<html lang="{code}" class="no-js">' in html, page
        assert re.search(rf'<body dir="{direction}"', html), page


def test_the_language_menu_links_the_same_page_in_every_edition(built_site):
    site = built_site.site
    for code in CODES:
        root = edition_root(site, code)
        for page in sorted(pages_of(site, code)):
            html = read(site, code, page)
            if "md-container" not in html:
                continue
            links = re.findall(r'<a href="([^"]*)" hreflang="(\w+)" lang="\w+" dir="\w+" rel="alternate"', html)
            assert [lang for _, lang in links] == CODES, (code, page)
            for href, lang in links:
                if page == "404.html":  # served at any address: the theme links it from the site's root
                    address = urljoin("https://nqpf-facts.github.io/nqpf-facts/", href)
                    assert address == "https://nqpf-facts.github.io/nqpf-facts/" + ("" if lang == "en" else f"{lang}/")
                    continue
                target = ((root / page).parent / href).resolve()
                target = target / "index.html" if target.is_dir() else target
                assert target == (edition_root(site, lang) / page).resolve(), (code, page, href)
            current = re.findall(r'hreflang="(\w+)"[^>]*aria-current="true"', html)
            assert current == [code], (code, page)


@pytest.mark.parametrize("code", CODES)
def test_each_sitemap_names_every_page_in_every_edition(built_site, code):
    site = built_site.site
    urls = ET.parse(edition_root(site, code) / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    assert len(urls) == len([p for p in pages_of(site, code) if p != "404.html" and "/embed/" not in p])
    for url in urls:
        loc = url.find(f"{SITEMAP}loc").text
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert set(alternates) == {*CODES, "x-default"}
        assert alternates[code] == loc
        assert alternates["x-default"] == alternates["en"]
        for lang in CODES:
            address = alternates[lang].removeprefix("https://nqpf-facts.github.io/nqpf-facts/")
            path = edition_root(site, "en") / address
            assert (path / "index.html" if address.endswith("/") or not address else path).is_file(), alternates[lang]


def test_claims_values_and_periods_are_the_editions_and_quotes_stay_english(built_site, fact_base, paths):
    editions = build_editions(paths, fact_base)
    for code, texts in editions.items():
        html = read(built_site.site, code, "sectors/new-energy-vehicles/index.html")
        for item in fact_base.by_sector["new-energy-vehicles"]:
            fact = item.fact
            card = re.search(rf'<article class="nqpf-fact[^"]*" id="{fact.id}">(.*?)</article>', html, re.S)[1]
            claim = re.search(r'<p class="nqpf-claim">(.*?)</p>', card)[1]
            assert unescape(claim) == texts.facts[fact.id].texts["claim"]
            value = re.search(r'<p class="nqpf-value">(.*?)</p>', card)[1]
            assert unescape(value) == written_value(fact, texts.edition, unit_words(texts, fact.unit))
            assert f">{period_label(fact.period, texts.edition)}</time>" in card
            quote = re.search(r'<blockquote class="nqpf-quote"([^>]*)><p>“(.*?)”</p>', card)
            assert quote[1] == ' lang="en"'
            assert unescape(quote[2]) == fact.quote


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("zh", ["领域", "时间线", "事实索引", "来源段落", 'placeholder="搜索"']),
        ("ur", ["شعبے", "ٹائم لائن", "ماخذ عبارت"]),
    ],
)
def test_the_sites_own_words_and_the_themes_are_the_editions(built_site, code, words):
    html = read(built_site.site, code, "sectors/new-energy-vehicles/index.html")
    for word in words:
        assert word in html, word
    for english in ("Source passage", ">Permalink<", "Report a problem"):
        assert english not in html


def test_the_scripts_words_are_in_each_editions_head_and_not_in_englishs(built_site):
    assert 'id="nqpf-strings"' not in read(built_site.site, "en", "index.html")
    for code in EDITIONS:
        html = read(built_site.site, code, "index.html")
        table = json.loads(
            re.search(r'<script id="nqpf-strings" type="application/json">(.*?)</script>', html, re.S)[1]
        )
        assert set(table) == set(script_strings())
        assert all(table[english] != english for english in table if english not in ("Enter",)), code


def test_the_hand_written_pages_are_translated(built_site):
    assert "<h1" in read(built_site.site, "zh", "about/index.html")
    assert "关于本项目" in read(built_site.site, "zh", "about/index.html")
    assert "اس منصوبے کے بارے میں" in read(built_site.site, "ur", "about/index.html")
    home = read(built_site.site, "zh", "index.html")
    assert "经过核实的新质生产力事实" in home
    assert "nqpf-card" in home  # its macros ran, in Chinese


def test_what_an_edition_does_not_translate_is_english_and_says_so(tmp_path):
    project = copy_project(tmp_path / "project")
    space = project / "translations" / "zh" / "space.yml"
    space.write_text("# yaml-language-server: $schema=../../schema/translated-facts.schema.json\n[]\n", "utf-8")
    (project / "translations" / "zh" / "pages" / "about.md").unlink()
    built = run_site_build(project, tmp_path / "site")
    assert built.returncode == 0, built.output
    html = read(built.site, "zh", "sectors/space/index.html")
    claim = re.search(r'<p class="nqpf-claim"( lang="en")>(.*?)</p>', html)
    assert claim is not None
    assert unescape(claim[2]).startswith("Pakistan's first astronauts are set to join a Chinese space mission.")
    assert claim[2].endswith(' <span class="nqpf-untranslated" lang="zh">（英文原文）</span>')
    about = read(built.site, "zh", "about/index.html")
    assert "本页尚未翻译，以下为英文原文。" in about
    assert re.search(r'<div lang="en">\s*<h1 id="about-this-project">About this project', about)


HOSTILE = "<script>alert(1)</script> {{ config.site_name }} <img src=x onerror=alert(2)>"


def test_hostile_text_in_a_translation_is_escaped(tmp_path):
    project = copy_project(tmp_path / "project")
    facts = project / "facts" / "space.yml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace(
            "claim: Pakistan's first astronauts are set to join a Chinese space mission.", f"claim: '{HOSTILE}'"
        ),
        encoding="utf-8",
    )
    (project / "translations" / "ur" / "space.yml").write_text("[]\n", encoding="utf-8")
    zh = project / "translations" / "zh" / "space.yml"
    zh.write_text(
        f"- id: pakistan-astronauts-chinese-mission\n  claim: '{HOSTILE} 中文'\n",
        encoding="utf-8",
    )
    built = run_site_build(project, tmp_path / "site")
    assert built.returncode == 0, built.output
    html = read(built.site, "zh", "sectors/space/index.html")
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    claim = re.search(r'<p class="nqpf-claim">(.*?)</p>', html)[1]
    assert unescape(claim) == f"{HOSTILE} 中文"


# ---- in a real browser


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "measures/nev-production/"], ids=["home", "measure"])
def test_urdu_reads_right_to_left_on_a_phone(browser, site_url, path):
    """Screenshots kept as test artifacts (test-artifacts/screen-ur-*-390.png) for a person to look at."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "ur/" + path)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    heading = page.locator("article h1").first.bounding_box()
    content = page.locator("article").first.bounding_box()
    # right to left: the heading starts at the right edge of the article, not the left
    assert abs((heading["x"] + heading["width"]) - (content["x"] + content["width"])) < 2
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(page, f"screen-ur-{'home' if not path else 'measure'}-390")
    context.close()


SCRIPT_WORDS = {  # what the check page says to an empty text; how the fact index's status opens
    "zh": ("请先粘贴要核对的文字。", "输入文字以搜索{count}条事实"),
    "ur": ("پہلے جانچنے کے لیے کوئی متن چسپاں کریں۔", "{count} حقائق میں تلاش کے لیے لکھیں"),
}


@pytest.mark.browser
@pytest.mark.parametrize("code", list(SCRIPT_WORDS))
def test_the_scripts_speak_the_editions_language(browser, site_url, fact_base, code):
    expected, index = SCRIPT_WORDS[code]
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}{code}/check/")
    page.click("#nqpf-check-button")
    assert page.inner_text("#nqpf-check-status") == expected
    page.goto(f"{site_url}{code}/fact-index/")
    page.wait_for_selector("#nqpf-search[data-ready='true']")
    assert page.inner_text("#nqpf-status").startswith(index.format(count=len(fact_base.facts)))
    context.close()
    assert errors == []


FOUND_BY = {  # a query in each edition's language, and a fact it finds (the Urdu one typed with Arabic letters)
    "zh": ("机器人", "industrial-robot-production-growth-2025"),
    "ur": ("آبادي", "pakistan-population-under-30"),
}


@pytest.mark.browser
@pytest.mark.parametrize("code", list(FOUND_BY))
def test_each_editions_fact_index_finds_a_query_in_its_language_over_http_and_from_disk(
    browser, site_url, unzipped, code
):
    query, fact = FOUND_BY[code]
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for address in (f"{site_url}{code}/fact-index/", (unzipped / code / "fact-index.html").as_uri()):
        page.goto(address)
        page.wait_for_selector("#nqpf-search[data-ready='true']")
        page.fill("#nqpf-query", query)
        page.wait_for_selector(f"#nqpf-results a[href*='#{fact}']")
    context.close()
    assert errors == []


@pytest.mark.browser
def test_the_language_menu_works_from_the_offline_bundle(browser, unzipped):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((unzipped / "sectors" / "robotics.html").as_uri())
    for code, heading in (("zh", "机器人"), ("ur", "روبوٹکس"), ("en", "Robotics")):
        href = page.locator(f".md-select__link[hreflang='{code}']").get_attribute("href")
        page.goto(page.url.rsplit("/", 1)[0] + "/" + href)
        assert page.url.startswith(unzipped.as_uri())
        assert page.locator("article h1").first.inner_text().rstrip("¶") == heading
    context.close()
    assert errors == []


STATEMENTS = yaml.safe_load((Path(__file__).parent / "check_statements.yml").read_text(encoding="utf-8"))
MARKS = """() => Array.from(document.querySelectorAll('#nqpf-check-marked mark')).map(m =>
  [m.textContent, m.dataset.verdict, m.dataset.facts ? m.dataset.facts.split(' ') : []])"""
CHECKED = """() => {
  const status = document.getElementById('nqpf-check-status').textContent;
  return status !== '' && status !== window.NqpfStrings.t('Checking…');
}"""


def command_line_marks(text: str, language: str, tmp_path: Path) -> list[list]:
    """What `nqpf check-text --language CODE --format json` says of ``text``: (as written, verdict, facts)."""
    file = tmp_path / "text.txt"
    file.write_text(text, encoding="utf-8")
    done = nqpf("check-text", str(file), "--language", language, "--format", "json")
    assert done.returncode == 0, done.stderr
    return [[n["text"], n["verdict"], n["facts"]] for n in json.loads(done.stdout)]


@pytest.mark.browser
@pytest.mark.parametrize("code", ["zh", "ur"])
def test_each_editions_check_page_reads_texts_in_its_language_over_http_and_from_disk(
    browser, site_url, unzipped, tmp_path, code
):
    """/zh/check/ and /ur/check/: a paragraph of tests/check_statements.yml in the edition's
    language gets the command line's verdicts, every one of them, and an English one still reads
    as English (the language is told by the text's letters, not by the edition)."""
    texts = {code: "\n".join(s[code] for s in STATEMENTS), "en": " ".join(s["en"] for s in STATEMENTS[:6])}
    expected = {language: command_line_marks(text, language, tmp_path) for language, text in texts.items()}
    assert {verdict for _, verdict, _ in expected[code]} == {
        "agrees",
        "disagrees",
        "no-figure-for-period",
        "not-a-figure",
        "unknown",
    }
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for address in (f"{site_url}{code}/check/", (unzipped / code / "check.html").as_uri()):
        page.goto(address)
        for language, text in texts.items():
            page.evaluate("() => { document.getElementById('nqpf-check-status').textContent = ''; }")
            page.fill("#nqpf-check-text", text)
            page.click("#nqpf-check-button")
            page.wait_for_function(CHECKED)
            assert page.evaluate(MARKS) == expected[language], (address, language)
    context.close()
    assert errors == []
