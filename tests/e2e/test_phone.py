"""On a phone (390 x 844): the first chart starts within the first screen, no chart title or
legend is cut, the page's choices fold behind 'Filters', the sidebar closes after choosing a
page, and every page has its own browser title."""

from __future__ import annotations

import pytest

from dashboard.navigation import PAGES, SITE
from tests.e2e.conftest import wait_charts, wait_ready

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
CHART_PAGES = ("instroom", "arbeidsmarkt", "raadpleging", "regio")

# every title line and legend label of every drawn chart, with the box it must stay in
CLIPPED = """() => {
  const out = [];
  for (const chart of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    const svg = chart.querySelector('svg.marks');
    if (!svg) continue;
    const box = chart.getBoundingClientRect();
    const s = svg.getBoundingClientRect();
    const left = Math.max(box.left, s.left) - 1, right = Math.min(box.right, s.right) + 1;
    for (const t of svg.querySelectorAll('.role-title text, .role-legend-label text')) {
      const r = t.getBoundingClientRect();
      const text = t.textContent;
      if (!text) continue;
      const title = !!t.closest('.role-title');  // a title is never shortened; a legend label
      if (r.left < left || r.right > right || (title && text.endsWith('…'))) {  // may be (…)
        out.push({text, left: r.left, right: r.right, box: [left, right]});
      }
    }
  }
  return out;
}"""

FIRST_CHART_TOP = """() => {
  const c = document.querySelector('[data-testid="stVegaLiteChart"]');
  return c ? c.getBoundingClientRect().top : null;
}"""


@pytest.fixture
def phone(browser, server_url):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", is_mobile=True, has_touch=True)
    page = context.new_page()
    # a fresh server's first deep link shows Streamlit's 'page not found' notice (README)
    page.goto(server_url)
    wait_ready(page)
    yield page
    context.close()


@pytest.mark.parametrize("url_path", CHART_PAGES)
def test_first_chart_in_first_screen_and_no_title_cut(phone, server_url, url_path):
    phone.goto(f"{server_url}/{url_path}")
    wait_ready(phone)
    phone.wait_for_selector('[data-testid="stVegaLiteChart"] svg.marks', timeout=30000)
    wait_charts(phone)
    # page.js folds the page's choices behind the switch once it runs; with a remembered chart
    # spec (dashboard.drawn) the chart can draw before that, so measure the settled page
    phone.wait_for_selector('#swic-filters[aria-expanded="false"]', timeout=10000)
    top = phone.evaluate(FIRST_CHART_TOP)
    assert top is not None, url_path
    assert top < PHONE["height"], f"{url_path}: first chart at {top}px"
    assert phone.evaluate(CLIPPED) == [], url_path
    # the page's choices are folded, and come back behind the switch
    switch = phone.locator("#swic-filters")
    assert switch.is_visible()
    assert switch.get_attribute("aria-expanded") == "false"
    widgets = phone.locator('[data-testid="stMain"] [data-testid="stSelectbox"]')
    if widgets.count():
        assert not widgets.first.is_visible()
        switch.click()
        assert switch.get_attribute("aria-expanded") == "true"
        assert widgets.first.is_visible()


def test_sidebar_closes_after_choosing_a_page(phone, server_url):
    phone.goto(f"{server_url}/over")
    wait_ready(phone)
    sidebar = phone.locator('[data-testid="stSidebar"]')
    phone.locator('[data-testid="stExpandSidebarButton"]').click()
    phone.wait_for_selector('[data-testid="stSidebar"][data-collapsed="false"]')
    phone.locator('[data-testid="stSidebarNav"] a[href$="/colofon"]').click()
    phone.wait_for_function("document.title.startsWith('Colofon')")
    phone.wait_for_selector(
        '[data-testid="stSidebar"][data-collapsed="true"]', state="attached", timeout=5000
    )
    assert sidebar.get_attribute("data-collapsed") == "true"


def test_every_page_has_its_own_browser_title(page, server_url):
    titles = {}
    for spec in PAGES:
        page.goto(f"{server_url}/{spec.url_path}")
        wait_ready(page)
        want = SITE if spec.default else f"{spec.title} – {SITE}"
        page.wait_for_function("(t) => document.title === t", arg=want, timeout=10000)
        titles[spec.url_path] = page.title()
    assert len(set(titles.values())) == len(PAGES), titles


def test_slide_on_a_phone_shows_no_filter_switch(phone, server_url):
    """A slide hides the page's filters, so page.js's 'Filters tonen' switch is hidden too."""
    phone.goto(f"{server_url}/instroom?toon=trend&presentatie=1")
    wait_ready(phone)
    wait_charts(phone)
    phone.wait_for_selector("#swic-filters", state="attached", timeout=10000)
    assert not phone.locator("#swic-filters").is_visible()
    assert phone.locator(".st-key-slide").is_visible()
