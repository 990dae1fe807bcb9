"""Data exports: records, CSV, and JSON that is safe inside a <script> element."""

import csv
import io
import json
import re

from nqpf.exports import (
    CSV_FIELDS,
    dataset_jsonld,
    fact_record,
    fact_records,
    facts_csv,
    json_for_script,
    measure_csv,
    measure_downloads,
    measures_json,
)

HOSTILE = "</script><script>alert(1)</script> <!-- & \u2028 ]]>"


def test_json_for_script_cannot_close_the_element_and_round_trips():
    text = json_for_script({"claim": HOSTILE})
    assert "</" not in text
    assert "<!--" not in text
    assert "\u2028" not in text
    assert json.loads(text) == {"claim": HOSTILE}


def test_records_use_directory_or_file_urls(fact_base):
    item = next(i for i in fact_base.facts if i.fact.id == "pakistan-agriculture-gdp-share")
    assert fact_record(item, fact_base)["url"] == "sectors/agriculture/#pakistan-agriculture-gdp-share"
    record = fact_record(item, fact_base, directory_urls=False)
    assert record["url"] == "sectors/agriculture.html#pakistan-agriculture-gdp-share"
    assert record["value"] == "2/3"
    assert record["said_by"] == "khalil-hashmi"


def test_csv_has_one_row_per_fact_and_every_field(fact_base):
    rows = list(csv.DictReader(io.StringIO(facts_csv(fact_records(fact_base)))))
    assert len(rows) == len(fact_base.facts)
    assert tuple(rows[0]) == CSV_FIELDS


def test_dataset_jsonld_is_a_parseable_script(fact_base):
    markup = dataset_jsonld(fact_base, name=HOSTILE, description="d", site_url="https://example.org/x/")
    body = re.fullmatch(r'<script type="application/ld\+json">\n(.*)\n</script>', markup, re.S).group(1)
    data = json.loads(body)
    assert data["@type"] == "Dataset"
    assert data["name"] == HOSTILE
    assert data["distribution"][0]["contentUrl"] == "https://example.org/x/facts.json"


def test_downloads_page_carries_the_dataset(built_site):
    html = (built_site.site / "downloads" / "index.html").read_text(encoding="utf-8")
    body = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', html, re.S).group(1)
    assert json.loads(body)["distribution"][1]["encodingFormat"] == "text/csv"


def test_measures_json_lists_every_measure_with_its_unit_and_facts(fact_base):
    records = json.loads(measures_json(fact_base))
    assert {r["slug"] for r in records} == set(fact_base.measures)
    nev = next(r for r in records if r["slug"] == "nev-production")
    assert (nev["unit"], nev["unit_label"], nev["unit_kind"]) == ("vehicles", "vehicles", "count")
    assert nev["facts"] == ["nev-production-2023", "nev-production-2025"]
    assert nev["disagreements"] == []
    assert nev["csv"] == "data/measures/nev-production.csv"
    measured = {fact_id for r in records for fact_id in r["facts"]}
    assert measured == {i.fact.id for i in fact_base.facts if i.fact.value is not None}


def test_a_measure_csv_gives_each_value_exactly_in_the_measure_unit(fact_base):
    rows = list(csv.DictReader(io.StringIO(measure_csv(fact_base, "china-rd-expenditure"))))
    assert [(r["period"], r["value"], r["unit"], r["value_as_written"]) for r in rows] == [
        ("2023", "3327800000000", "CNY", "3,327.8 billion")
    ]
    rows = list(csv.DictReader(io.StringIO(measure_csv(fact_base, "pakistan-agriculture-share-of-gdp"))))
    assert [(r["value"], r["unit"]) for r in rows] == [("200/3", "percent")]  # 2/3 of GDP, exactly, in percent
    assert [path for path, _ in measure_downloads(fact_base)][:2] == ["measures.json", "data/measures/china-gdp.csv"]


def test_fact_records_name_the_measure_and_its_unit(fact_base):
    record = fact_record(fact_base.by_id["gdp-2023-yuan"], fact_base)
    assert (record["unit"], record["measure"], record["measure_unit"]) == ("CNY", "china-gdp", "CNY")
    assert "measure_unit" in CSV_FIELDS
