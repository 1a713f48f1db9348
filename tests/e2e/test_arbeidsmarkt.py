"""Real browser: the province in the URL and in the select drives the KPI (recounted from CBS)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dashboard import fmt
from tests.app.test_arbeidsmarkt_2025 import label, latest_nsa_q
from tests.e2e.conftest import wait_ready

pytestmark = pytest.mark.e2e


def test_province_in_url_and_select_updates_kpi(page, server_url):
    page.goto(f"{server_url}/arbeidsmarkt?provincie=Gelderland")
    wait_ready(page)
    metric = page.locator('[data-testid="stMetric"]').first
    period, gelderland = latest_nsa_q("Gelderland")  # newest quarter, StatLine or publication
    expect(metric).to_contain_text(f"Vacatures Q · {label(period)}")
    value = metric.locator('[data-testid="stMetricValue"]')
    expect(value).to_have_text(fmt.number(gelderland))
    page.locator(".vega-embed").first.wait_for(timeout=20000)

    page.get_by_role("combobox", name="Regio (CBS)").click()
    page.get_by_role("option", name="Zuid-Holland", exact=True).click()
    wait_ready(page)
    expect(value).to_have_text(fmt.number(latest_nsa_q("Zuid-Holland")[1]))
    assert re.search(r"provincie=Zuid-Holland", page.url)
    assert page.locator('[data-testid="stException"]').count() == 0
