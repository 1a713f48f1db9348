"""Real browser (issue 18): one "mijn regio" for every page; own figures survive a tab switch."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_ready

pytestmark = pytest.mark.e2e
# the metric labelled "Arbeidsmarktregio": has_text is a case-blind substring, so the plain
# word also matches the rank metric ("… arbeidsmarktregio's"), two elements during a rerun
REGION_METRIC = re.compile(r"^Arbeidsmarktregio")

HEADING = "Gemeente Zwolle"  # above each student card


def test_shared_choice_zwolle_is_named_on_overzicht_and_used_by_regio(page, server_url):
    page.goto(server_url)
    wait_ready(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_role("combobox", name="Mijn regio").click()
    page.keyboard.type("Zwolle")
    page.get_by_role("option", name="Zwolle (gemeente)", exact=True).click()
    # every student card names the region it now counts
    expect(page.get_by_text(HEADING, exact=True)).to_have_count(3)
    expect(page.get_by_text("Vacatures in Overijssel")).to_be_visible()
    assert "regio=Zwolle" in page.url
    sidebar.locator('[data-testid="stSidebarNav"]').get_by_role(
        "link", name="Regio", exact=True
    ).click()
    expect(page.locator("h1").first).to_contain_text("Regio")
    wait_ready(page)
    metrics = page.locator('[data-testid="stMetric"]')
    expect(metrics.filter(has_text="Provincie")).to_contain_text("Overijssel")
    expect(metrics.filter(has_text=REGION_METRIC)).to_contain_text("Regio Zwolle")
    picker = page.locator('[data-testid="stMain"]').get_by_role("combobox", name="Gemeente")
    expect(picker).to_have_value("Zwolle (GM0193)")  # the page's own picker shows it too
    assert page.locator('[data-testid="stException"]').count() == 0


def test_upload_survives_a_tab_switch(page, server_url, tmp_path):
    own = tmp_path / "mijn-cijfers.csv"
    own.write_text("gemeente;waarde\nZwolle;7,2\nDen Bosch;9,3\n's-Gravenhage;10,1\n", "utf-8")
    # the start page first: a fresh server's first deep link shows Streamlit's "Page not found"
    # notice for a moment (README), which would make the tabs inert if this test ran first
    page.goto(server_url)
    wait_ready(page)
    page.goto(f"{server_url}/regio?regio=Zwolle+%28gemeente%29&weergave=Eigen+cijfers")
    wait_ready(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(own))
    in_use = page.get_by_text("Bestand mijn-cijfers.csv in gebruik", exact=False)
    expect(in_use).to_be_visible(timeout=20000)
    rank = page.locator('[data-testid="stMetric"]').filter(has_text="Rang van Zwolle")
    expect(rank).to_contain_text("3e van 3 gemeenten")
    page.get_by_role("tab", name="Trend").click()
    expect(page.get_by_text("Bestand mijn-cijfers.csv", exact=False)).to_have_count(0)
    wait_ready(page)
    page.get_by_role("tab", name="Eigen cijfers").click()
    expect(in_use).to_be_visible(timeout=20000)
    expect(rank).to_contain_text("3e van 3 gemeenten")
    assert "eigen_bestand" not in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
