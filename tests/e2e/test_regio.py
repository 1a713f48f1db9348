"""Real browser: pick a gemeente, see its arbeidsmarktregio named and ranked; upload own figures."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import REPO
from tests.e2e.conftest import wait_ready

pytestmark = pytest.mark.e2e
# the metric labelled "Arbeidsmarktregio": has_text is a case-blind substring, so the plain
# word also matches the rank metric ("… arbeidsmarktregio's"), two elements during a rerun
REGION_METRIC = re.compile(r"^Arbeidsmarktregio")


def test_url_gemeente_shows_arbeidsmarktregio_and_rank(page, server_url):
    page.goto(f"{server_url}/regio?gemeente=Zwolle+%28GM0193%29&weergave=Kaart")
    wait_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    metrics = page.locator('[data-testid="stMetric"]')
    expect(metrics.filter(has_text=REGION_METRIC)).to_contain_text("Regio Zwolle")
    rank = metrics.filter(has_text="Rang van Regio Zwolle")
    expect(rank).to_contain_text(re.compile(r"\d+e van \d+ arbeidsmarktregio's"))
    # The map names the highlighted region. The ranking chart may draw before the map, so wait
    # for the map's own text rather than reading whatever is drawn at the first chart.
    expect(
        page.locator(".vega-embed svg text").filter(has_text="Omlijnd: Regio Zwolle").first
    ).to_be_attached(timeout=30000)


def test_select_gemeente_updates_url_and_upload_lists_unmatched(page, server_url):
    page.goto(f"{server_url}/regio?weergave=Eigen+cijfers")
    wait_ready(page)
    page.get_by_role("combobox", name="Gemeente").click()
    page.keyboard.type("GM0599")
    page.get_by_role("option", name="Rotterdam (GM0599)", exact=True).click()
    wait_ready(page)
    expect(page.locator('[data-testid="stMetric"]').filter(has_text=REGION_METRIC)).to_contain_text(
        "Rijnmond"
    )
    assert "regio=Rotterdam" in page.url  # the page picker sets the shared choice
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        str(REPO / "tests" / "fixtures" / "upload_unmatched.csv")
    )
    expect(page.get_by_text("3 regel(s) niet gekoppeld", exact=False)).to_be_visible(timeout=20000)
    wait_ready(page)
    expect(
        page.locator('[data-testid="stMetric"]').filter(has_text="Rang van Rotterdam")
    ).to_contain_text("van 7 gemeenten")
    assert "eigen_bestand" not in page.url
