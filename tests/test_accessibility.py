"""axe-core (from the npm registry) in Chromium: no serious or critical violation, in every edition."""

import pytest
from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",
    "sectors/new-energy-vehicles/",
    "timeline/",
    "timeline/2023/",
    "sources/yang-nqpf-high-quality/",
    "fact-index/?q=robot",
    "people/",
    "measures/",
    "measures/nev-production/",
    "measures/nev-production/embed/",
    "check/",
]

pytestmark = pytest.mark.browser


# Each page type in English in both palettes, and in the other editions (中文, right-to-left اردو)
CASES = [
    *((path, scheme) for path in PAGES for scheme in ("default", "slate")),
    *((f"{edition}/{path}", "default") for edition in ("zh", "ur") for path in PAGES),
]


@pytest.mark.parametrize(("path", "scheme"), CASES, ids=lambda p: p or "home")
def test_no_serious_or_critical_violations(browser, site_url, path, scheme):
    assert AXE.is_file(), "run `npm ci` (make test does)"
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme="dark" if scheme == "slate" else "light"
    )
    page = context.new_page()
    page.goto(site_url + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']})")
    context.close()
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)
