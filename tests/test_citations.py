"""Citing a fact or a measure: BibTeX that pybtex parses, CSL-JSON that a CSL processor
(citeproc-py) reads and renders, with the types and variables of the CSL schema; each names the
right source and permalink."""

import codecs
import dataclasses
import json
import re
import warnings
from html import unescape
from pathlib import Path

import citeproc
import latexcodec  # noqa: F401 - the "ulatex" codec, to read BibTeX fields back
import pytest
from citeproc import Citation as CiteprocCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string

from nqpf.citations import ACCESSED, Citation, cite_block
from nqpf.history import FactDates, History
from nqpf.measure_pages import measure_citation
from nqpf.pages import SiteOptions, fact_citation

SITE = SiteOptions(site_url="https://nqpf-facts.github.io/nqpf-facts/", site_name="NQPF Facts")
# The CSL schema (citation-style-language/schema) as citeproc-py ships it: its item types and variables.
CSL_SCHEMA = Path(citeproc.__file__).parent / "data" / "schema" / "schemas" / "styles"


def schema_names(file: str, definition: str) -> set[str]:
    """The quoted names a RELAX NG (compact) definition lists, its comments left out."""
    text = (CSL_SCHEMA / file).read_text(encoding="utf-8")
    block = text[text.index(f"{definition} =") :].split("\n\n")[0].split("\n  ##")[0]
    return set(re.findall(r'"([^"]+)"', re.sub(r"#[^\n]*", "", block)))


CSL_TYPES = schema_names("csl-types.rnc", "item-types")
CSL_VARIABLES = {
    name
    for kind in ("dates", "names", "numbers", "titles", "strings")
    for name in schema_names("csl-variables.rnc", f"variables.{kind}")
} | {"id", "type"}


def test_the_schemas_lists_were_read():
    assert {"dataset", "book", "webpage"} <= CSL_TYPES
    assert {"title", "URL", "accessed", "issued", "note", "publisher", "author"} <= CSL_VARIABLES


def rendered(item: dict) -> str:
    """The item through citeproc-py and a real CSL style, warnings (unknown fields) as errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        source = CiteProcJSON([item])
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(CiteprocCitation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def check_csl(item: dict) -> None:
    assert item["type"] in CSL_TYPES
    assert set(item) <= CSL_VARIABLES, set(item) - CSL_VARIABLES
    assert json.loads(json.dumps(item)) == item


def latex_text(value: str) -> str:
    """A BibTeX field's text, as LaTeX would print it: the brace and backslash commands, which
    latexcodec does not read, held aside while it reads the rest."""
    held = {
        "\\textbackslash{}": ("\ue000", "\\"),
        "\\textbraceleft{}": ("\ue001", "{"),
        "\\textbraceright{}": ("\ue002", "}"),
    }
    for command, (mark, _) in held.items():
        value = value.replace(command, mark)
    text = codecs.decode(value, "ulatex")
    for mark, char in held.values():
        text = text.replace(mark, char)
    return text


def bibtex_fields(text: str, key: str) -> dict[str, str]:
    entry = parse_string(text, "bibtex").entries[key]
    fields = {name: latex_text(value) for name, value in entry.fields.items()}
    fields["author"] = str(entry.persons["author"][0])
    return fields


@pytest.fixture
def dated_base(fact_base):
    dates = {i.fact.id: FactDates("2026-11-01T09:00:00+00:00", "2026-12-02T00:48:55+00:00") for i in fact_base.facts}
    return dataclasses.replace(fact_base, history=History(dates, (), "2026-12-02T00:48:55+00:00", known=True))


def test_a_facts_citation_names_its_claim_source_speaker_and_permalink(dated_base):
    citation = fact_citation(dated_base.by_id["cpec-new-mous"], dated_base, SITE)
    url = "https://nqpf-facts.github.io/nqpf-facts/sectors/cpec-investment/#cpec-new-mous"
    fields = bibtex_fields(citation.bibtex("2026-12-04"), "nqpf-cpec-new-mous")
    assert fields["url"] == url
    assert fields["urldate"] == "2026-12-04"
    assert fields["title"] == dated_base.by_id["cpec-new-mous"].fact.claim
    assert fields["note"].startswith("According to Khalil Hashmi, Pakistan's Ambassador to China; source: ")
    assert (fields["year"], fields["month"]) == ("2026", "12")
    assert fields["author"] == "{NQPF Facts contributors}"  # a group: never split into a person's names
    item = citation.csl("2026-12-04")
    check_csl(item)
    assert item["URL"] == url
    assert item["accessed"] == {"date-parts": [[2026, 12, 4]]}
    assert item["issued"] == {"date-parts": [[2026, 12, 2]]}
    text = rendered(item)
    assert "NQPF Facts contributors (2026)" in text
    assert url in text
    assert "Accessed: December 4, 2026" in text
    assert citation.reference("2026-12-04").endswith(f"{url} (accessed 2026-12-04).")


def test_a_measures_citation_names_the_measure_its_sources_and_its_page(dated_base):
    citation = measure_citation(dated_base.measures["nev-production"], dated_base, SITE)
    url = "https://nqpf-facts.github.io/nqpf-facts/measures/nev-production/"
    fields = bibtex_fields(citation.bibtex("2026-12-04"), "nqpf-measure-nev-production")
    assert fields["url"] == url
    assert fields["title"] == "New energy vehicle production in China"
    assert "Report on remarks by Tanvir A. Bhatti (untitled)" in fields["note"]
    assert (
        "“New quality productive forces drive high-quality development in China”, Business recorder" in fields["note"]
    )
    item = citation.csl("2026-12-04")
    check_csl(item)
    assert url in rendered(item)


def test_without_history_nothing_is_dated_and_the_access_date_is_left_to_the_reader(fact_base):
    citation = fact_citation(fact_base.by_id["cpec-new-mous"], fact_base, SITE)
    assert citation.changed is None
    assert "year" not in bibtex_fields(citation.bibtex(), "nqpf-cpec-new-mous")
    assert "issued" not in citation.csl()
    assert citation.csl()["accessed"] == {"raw": ACCESSED}
    check_csl(citation.csl())
    assert citation.reference().endswith(f"(accessed {ACCESSED}).")


def test_hostile_text_stays_text_in_bibtex_csl_and_html():
    hostile = 'A {claim} with \\ % & # _ "quotes" </code><script>alert(1)</script>}'
    citation = Citation("nqpf-x", hostile, "https://example.org/#x", "Site {", "Note }", None)
    fields = bibtex_fields(citation.bibtex("2026-12-04"), "nqpf-x")
    assert fields["title"] == hostile  # braces balanced, specials escaped: the same text read back
    assert fields["note"] == "Note }"
    assert citation.csl()["title"] == hostile
    html = cite_block(citation)
    assert "<script>" not in html
    assert hostile.replace("\\", "\\\\") not in html
    assert unescape(re.search(r'<p class="nqpf-cite-text">(.*?)</p>', html)[1]).startswith(
        "Site { contributors. “A {claim}"
    )
