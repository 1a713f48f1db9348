"""axe-core (npm) in real Chromium on every page: no serious or critical WCAG 2.1 AA violations
attributable to the app. Violations that come from Streamlit's own markup and cannot be fixed from
the app are listed in STREAMLIT_OWN with the reason, and only those are tolerated."""

from __future__ import annotations

import pytest

from dashboard.navigation import PAGES
from tests.conftest import REPO
from tests.e2e.conftest import wait_charts, wait_ready

pytestmark = pytest.mark.e2e

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# rule id -> (CSS fragment that identifies Streamlit's own element, reason)
STREAMLIT_OWN: dict[str, tuple[str, str]] = {}


def _violations(page) -> list[dict]:
    assert AXE.exists(), "axe-core missing: run `npm ci` (scripts/test.sh does)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    out = []
    for v in result["violations"]:
        if v["impact"] not in ("serious", "critical"):
            continue
        nodes = [n for n in v["nodes"] if not _streamlit_own(v["id"], n)]
        if nodes:
            out.append(
                {
                    "id": v["id"],
                    "impact": v["impact"],
                    "help": v["help"],
                    "targets": [n["target"] for n in nodes][:5],
                }
            )
    return out


def _streamlit_own(rule: str, node: dict) -> bool:
    if rule not in STREAMLIT_OWN:
        return False
    fragment, _reason = STREAMLIT_OWN[rule]
    return any(fragment in str(t) for t in node["target"]) or fragment in node.get("html", "")


SPARKLINES_DRAWN = """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
    .filter(m => m.querySelector('.vega-embed')).every(m => m.querySelector('svg.marks'))"""


SETTLED = """() => document.querySelector('[data-testid="stApp"]').dataset.testScriptState
    === 'notRunning' && !document.querySelector('[data-stale="true"]')
    && document.documentElement.classList.contains('swic-dark') === matchMedia(
        '(prefers-color-scheme: dark)').matches"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("spec", PAGES, ids=lambda p: p.url_path or "overzicht")
def test_no_serious_accessibility_violations(page, server_url, spec, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server_url}/{spec.url_path}")
    wait_ready(page)
    wait_charts(page)  # audit after every chart drew
    page.wait_for_function(SPARKLINES_DRAWN, timeout=30000)  # the metric sparklines too
    page.wait_for_function(  # Streamlit follows the system theme: the dark page is dark
        "(dark) => (getComputedStyle(document.querySelector('[data-testid=stApp]'))"
        ".backgroundColor.match(/\\d+/g).slice(0, 3).reduce((a, b) => a + +b, 0) < 200) === dark",
        arg=scheme == "dark",
        timeout=10000,
    )
    # a rerun (e.g. Streamlit reporting the theme) fades stale elements: audit the settled page
    page.wait_for_function(SETTLED, timeout=30000)
    found = _violations(page)
    if found:  # a theme switch can still be in flight: re-audit the settled page once
        wait_ready(page)
        wait_charts(page)
        page.wait_for_function(SETTLED, timeout=30000)
        found = _violations(page)
    assert not found, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} {v['targets']}" for v in found
    )


def test_document_language_is_dutch(page, server_url):
    page.goto(f"{server_url}/instroom")
    wait_ready(page)
    page.wait_for_function("document.documentElement.lang === 'nl'", timeout=10000)


STREAMLIT_ENGLISH = ("Skip to main content", "Link to heading", "Clear all", "Expand sidebar")


def test_skip_link_first_and_streamlit_strings_in_dutch(page, server_url):
    page.goto(f"{server_url}/")
    wait_ready(page)
    page.wait_for_selector('[data-testid="stSkipToContent"]', state="attached")
    page.wait_for_function(
        "document.querySelector('[data-testid=stSkipToContent]').textContent === 'Naar de inhoud'"
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.testid") == "stSkipToContent"
    found = page.evaluate(
        """(words) => words.filter(w => [...document.querySelectorAll('[aria-label], a, button')]
            .some(e => e.getAttribute('aria-label') === w || e.textContent.trim() === w))""",
        list(STREAMLIT_ENGLISH),
    )
    assert found == []
    # the chips of the sidebar's multiselect are no tab stops of their own
    chips = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stSidebar"] '
            + '[data-testid="stMultiSelectTagsContainer"] [tabindex="0"]:not(input)')].length"""
    )
    assert chips == 0
