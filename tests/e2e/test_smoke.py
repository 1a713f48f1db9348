"""Real browser: every page renders a chart (or its content) with no exception element."""

from __future__ import annotations

import csv
import re

import pytest
from playwright.sync_api import expect

from dashboard.navigation import PAGES
from tests.conftest import RAW, REPO
from tests.e2e.conftest import wait_ready

pytestmark = pytest.mark.e2e


def _graduates_2023_in(province: str) -> int:
    """Recount from the raw DUO file: default programme groups, published cells only."""
    with (REPO / "data" / "reference" / "programme_groups.csv").open(encoding="utf-8") as fh:
        codes = {
            r["programme_code"] for r in csv.DictReader(fh) if r["in_default_selection"] == "true"
        }
    total = 0
    with (RAW / "duo_hbo_2020plus" / "gediplomeerdenhbo.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if (
                r["DIPLOMAJAAR"] == "2023"
                and r["PROVINCIENAAM"] == province
                and r["OPLEIDINGSCODE_ACTUEEL"] in codes
            ):
                total += max(int(r["AANTAL_GEDIPLOMEERDEN"]), 0)
    return total


CHART_PAGES = {"instroom", "arbeidsmarkt", "raadpleging", "regio"}


@pytest.mark.parametrize("spec", PAGES, ids=lambda p: p.url_path or "overzicht")
def test_page_renders_without_error(page, server_url, spec):
    page.goto(f"{server_url}/{spec.url_path}")
    wait_ready(page)
    expect(page.locator("h1").first).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    if spec.url_path in CHART_PAGES:
        page.locator(".vega-embed").first.wait_for(timeout=20000)


def test_deep_link_and_filter_change_updates_kpi(page, server_url):
    page.goto(f"{server_url}/instroom?maat=Eerstejaars&regio=Noord-Brabant")
    wait_ready(page)
    metric = page.locator('[data-testid="stMetric"]').first
    expect(metric).to_contain_text("Eerstejaars 2024")
    before = metric.locator('[data-testid="stMetricValue"]').inner_text()
    page.get_by_role("radio", name="Gediplomeerd").click()
    wait_ready(page)
    expect(metric).to_contain_text("Gediplomeerd 2023")
    after = metric.locator('[data-testid="stMetricValue"]').inner_text()
    assert before != after
    assert int(re.sub(r"\D", "", after)) == _graduates_2023_in("Noord-Brabant")
    assert re.search(r"maat=Gediplomeerd", page.url)


def test_browser_back_returns_to_the_previous_filter(page, server_url):
    """Streamlit replaces the URL on a filter change; page.js makes it a history entry."""
    page.goto(f"{server_url}/instroom?maat=Eerstejaars")
    wait_ready(page)
    metric = page.locator('[data-testid="stMetric"]').first
    expect(metric).to_contain_text("Eerstejaars", timeout=30_000)
    page.get_by_role("radio", name="Gediplomeerd").click()
    expect(metric).to_contain_text("Gediplomeerd", timeout=30_000)
    assert "maat=Gediplomeerd" in page.url
    page.go_back()
    expect(metric).to_contain_text("Eerstejaars", timeout=30_000)
    assert page.url.startswith(server_url + "/instroom")
    assert "maat=Eerstejaars" in page.url
    expect(page.get_by_role("radio", name="Eerstejaars")).to_be_checked(timeout=30_000)
    page.go_forward()
    expect(metric).to_contain_text("Gediplomeerd", timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_share_link_reopens_exactly_this_view(page, server_url):
    """'Deel deze weergave' (built when opened) gives a link with the page and its filters."""
    page.goto(f"{server_url}/instroom?maat=Gediplomeerd")
    wait_ready(page)
    page.get_by_test_id("stSidebar").get_by_text("Deel deze weergave").click()
    code = page.get_by_test_id("stSidebar").get_by_test_id("stCode")
    expect(code).to_contain_text("/instroom?", timeout=30_000)
    link = code.inner_text().strip()
    assert link.startswith(server_url + "/instroom?")
    assert "maat=Gediplomeerd" in link
    page.goto(link)
    wait_ready(page)
    expect(page.get_by_role("radio", name="Gediplomeerd")).to_be_checked(timeout=30_000)


def test_page_script_goes_quiet_between_reruns(page, server_url):
    """page.js rewrites the page only where something changed: once Streamlit is done, nothing in
    the document keeps changing (its observer once re-ran every animation frame, because its own
    write of the Filters switch's text was a mutation it observed: ~27 passes per rerun)."""
    page.goto(f"{server_url}/over")
    wait_ready(page)
    page.evaluate(
        """() => {
      window.__lastMutation = performance.now();
      new MutationObserver(() => { window.__lastMutation = performance.now(); })
        .observe(document, {childList: true, subtree: true, attributes: true,
                            characterData: true});
    }"""
    )
    # a full second without any change to the document, within 15 s
    page.wait_for_function("() => performance.now() - window.__lastMutation > 1000", timeout=15000)
