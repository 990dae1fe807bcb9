"""Hostile contributor text: a whole site built from it, opened in Chromium, runs nothing."""

import pytest
from browser import serve
from conftest import add_source, copy_project, run_build
from html_tools import read_page

PAYLOAD = (
    '<script>window.pwned=true</script> <img src=x onerror="window.pwned=true"> '
    "</script><svg onload=window.pwned=true> javascript:window.pwned=true "
    "{{ config.site_name }} {% include 'x' %} ]]> --> \"' `"
)
SEED = f"A hostile text. {PAYLOAD} The value was 42% in 2024, said {PAYLOAD}\n"

FACT = f"""
- id: hostile-fact
  claim: '{PAYLOAD.replace("'", "''")}'
  kind: figure
  value: 42
  unit: percent
  measure: hostile-measure
  period: 2024
  sector: hostile-sector
  said_by: hostile-speaker
  note: '{PAYLOAD.replace("'", "''")}'
  source:
    seed: hostile-seed
    quote: '{SEED.strip().replace("'", "''")}'
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    add_source(project, "hostile-seed", SEED, note=f"'{PAYLOAD.replace(chr(39), chr(39) * 2)}'")
    with (project / "facts" / "speakers.yml").open("a", encoding="utf-8") as speakers:
        speakers.write(
            f"\n- slug: hostile-speaker\n  name: Mallory\n  role: '{PAYLOAD.replace(chr(39), chr(39) * 2)}'\n"
            "  kind: person\n"
        )
    with (project / "facts" / "sectors.yml").open("a", encoding="utf-8") as sectors:
        sectors.write(
            f"\n- slug: hostile-sector\n  title: Hostile\n  description: '{PAYLOAD.replace(chr(39), chr(39) * 2)}'\n"
        )
    with (project / "facts" / "measures.yml").open("a", encoding="utf-8") as measures:
        measures.write(
            f"\n- slug: hostile-measure\n  label: Hostile share\n  unit: percent\n"
            f"  definition: '{PAYLOAD.replace(chr(39), chr(39) * 2)}'\n  place: Nowhere\n  period: calendar-year\n"
            "  sector: hostile-sector\n  subject: hostile-things\n  statistic: share\n"
        )
    with (project / "facts" / "vocabulary.yml").open("a", encoding="utf-8") as vocabulary:
        spellings = ", ".join(  # what the clause reader compiles into a pattern and the check page loads
            "'" + piece.replace("'", "''") + "'" for piece in ("Nowhere", *PAYLOAD.split(" ")) if piece
        )
        vocabulary.write(
            f"\n- slug: nowhere\n  part: place\n  label: Nowhere\n  spellings: [{spellings}]\n"
            "- slug: hostile-things\n  part: subject\n  label: Hostile things\n"
            "  spellings: ['</script><svg onload=window.pwned=true> things']\n"
        )
    (project / "facts" / "zz-hostile.yml").write_text(FACT, encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.output
    return result.site


def test_no_generated_markup_comes_from_the_payload(hostile_site):
    for page in hostile_site.rglob("*.html"):
        reader = read_page(page)
        assert reader.event_handlers == [], page
        assert not any(h.startswith("javascript:") for h in reader.hrefs), page
    assert "<script>window.pwned" not in (hostile_site / "assets/nqpf/fact-index-data.js").read_text(encoding="utf-8")


@pytest.mark.browser
def test_nothing_executes_on_any_page_or_in_search_results(browser, hostile_site):
    url, server = serve(hostile_site)
    context = browser.new_context()
    page = context.new_page()
    dialogs, messages = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: messages.append(message.text))
    try:
        for html in sorted(hostile_site.rglob("*.html")):
            page.goto(url + html.relative_to(hostile_site).as_posix())
            assert page.evaluate("window.pwned === undefined"), html
        page.goto(url + "fact-index/?q=hostile")
        page.wait_for_selector("#nqpf-search[data-ready='true']")
        assert page.locator("#nqpf-results li").count() == 1
        assert page.evaluate("window.pwned === undefined")
        assert "<script>window.pwned=true</script>" in page.locator("#nqpf-results").inner_text()
        page.goto(url + "check/")  # the payload as a text, read with the payload as vocabulary
        page.fill(
            "#nqpf-check-text", SEED + " The </script><svg onload=window.pwned=true> things made up 42% in Nowhere."
        )
        page.click("#nqpf-check-button")
        page.wait_for_function("() => /^Checked/.test(document.getElementById('nqpf-check-status').textContent)")
        assert page.evaluate("window.pwned === undefined")
        assert page.locator("#nqpf-check-list [data-part=place]").count() >= 1
        assert "<script>window.pwned=true</script>" in page.locator("#nqpf-check-marked").inner_text()
    finally:
        context.close()
        server.shutdown()
    assert dialogs == []
    assert not [m for m in messages if "pwned" in m]
