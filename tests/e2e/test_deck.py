"""A deck built by clicking on three pages, stepped with the arrow keys, no dashboard frame."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect
from pptx import Presentation

from tests.e2e.conftest import wait_charts, wait_ready

pytestmark = pytest.mark.e2e

PAGES = ("Instroom", "Arbeidsmarkt", "Raadpleging")
# records every animation frame in which the sidebar, the header or a page title is visible
SAMPLER = """() => { window.__chrome = 0;
  const vis = (sel) => { const e = document.querySelector(sel);
  if (!e) return false; const r = e.getBoundingClientRect(); const cs = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && cs.display !== 'none' && cs.visibility !== 'hidden'; };
  const tick = () => { if (vis('[data-testid="stSidebar"]') || vis('[data-testid="stHeader"]')
    || vis('[data-testid="stMain"] h1')) window.__chrome += 1; requestAnimationFrame(tick); };
  tick(); }"""
CHART_HEIGHT = """() => { const c = document.querySelector('.st-key-slide svg.marks');
  return c ? c.getBoundingClientRect().height / window.innerHeight : 0; }"""


def _press(button) -> None:
    """Activate a sidebar button by focus and Enter, not by a click at its position: the deck's
    expander has just opened and its rows can still move, and a click then landed on the
    disabled "↓" above "Start presentatie" (a fresh-clone CI run: tooltip "Later" open, nothing
    ran)."""
    expect(button).to_be_enabled(timeout=60000)
    button.press("Enter")


def _build_deck(page, server_url) -> None:
    page.goto(f"{server_url}/instroom")
    wait_ready(page, 120000)
    for i, title in enumerate(PAGES):
        if i:
            nav = page.locator('[data-testid="stSidebarNav"]')
            nav.get_by_role("link", name=title, exact=True).click()
            page.wait_for_url(f"**/{title.lower()}**")
            wait_ready(page, 60000)
        page.get_by_role("button", name="Voeg toe aan presentatie").first.click()
        expect(page.get_by_text(f"Presentatie ({i + 1} dia's)")).to_be_visible(timeout=60000)
        wait_ready(page, 60000)


def test_deck_across_pages_steps_without_dashboard_frame(page, server_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    _build_deck(page, server_url)
    assert page.url.count("dia=") == 3
    page.get_by_text("Presentatie (3 dia's)").click()
    listed = page.locator('[data-testid="stSidebar"] [data-testid="stText"]').all_inner_texts()
    assert [t.split(" – ")[0] for t in listed] == [f"{i}. {p}" for i, p in enumerate(PAGES, 1)]
    assert all(" – " in t and "toon" not in t and "=" not in t for t in listed)  # no keys
    _press(page.get_by_role("button", name="Start presentatie"))
    expect(page.get_by_text("Dia 1 van 3")).to_be_visible(timeout=60000)
    wait_ready(page, 60000)
    wait_charts(page, 60000)
    page.evaluate(SAMPLER)
    for key, n in (("ArrowRight", 2), ("ArrowRight", 3), ("ArrowLeft", 2)):
        page.keyboard.press(key)
        expect(page.get_by_text(f"Dia {n} van 3")).to_be_visible(timeout=60000)
        wait_ready(page, 60000)
        wait_charts(page, 60000)
        assert f"nr={n - 1}" in page.url
    assert page.evaluate("window.__chrome") == 0  # not one frame of sidebar, header or title
    page.keyboard.press("Escape")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible(timeout=60000)
    assert page.url.count("dia=") == 3  # closing keeps the deck


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_slide_chart_fills_most_of_the_screen(page, server_url, size):
    """The browser reports its viewport (one rerun on the first slide); the chart then takes
    at least 60 % of the screen height and the slide needs no scrolling."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{server_url}/instroom?toon=trend&presentatie=1")
    wait_ready(page, 120000)
    wait_charts(page, 60000)
    page.wait_for_function(f"({CHART_HEIGHT})() >= 0.6", timeout=60000)
    wait_ready(page, 60000)
    assert page.evaluate(CHART_HEIGHT) >= 0.6
    assert page.evaluate("document.scrollingElement.scrollHeight") <= size[1] + 2


def test_deck_downloads_as_powerpoint(page, server_url):
    """Two slides added on two pages; the sidebar's download opened with python-pptx."""
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(f"{server_url}/instroom")
    wait_ready(page, 120000)
    titles = []
    for i, name in enumerate(PAGES[:2]):
        if i:
            nav = page.locator('[data-testid="stSidebarNav"]')
            nav.get_by_role("link", name=name, exact=True).click()
            page.wait_for_url(f"**/{name.lower()}**")
            wait_ready(page, 60000)
        page.get_by_role("button", name="Voeg toe aan presentatie").first.click()
        expect(page.get_by_text(f"Presentatie ({i + 1} dia's)")).to_be_visible(timeout=60000)
        wait_ready(page, 60000)
    page.get_by_text("Presentatie (2 dia's)").click()
    for t in page.locator('[data-testid="stSidebar"] [data-testid="stText"]').all_inner_texts():
        titles.append(t.split(" – ", 1)[1])
    with page.expect_download(timeout=120000) as info:
        _press(page.get_by_role("button", name="Download als PowerPoint"))
    download = info.value
    assert download.suggested_filename.endswith(".pptx")
    deck = Presentation(io.BytesIO(Path(download.path()).read_bytes()))
    assert len(deck.slides) == 3  # a title slide and one per chart
    texts = [[s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in deck.slides]
    for title, slide in zip(titles, texts[1:], strict=True):
        assert title in slide, (title, slide)
        assert any(t.startswith("Bron: ") and "peildatum" in t for t in slide), slide
    assert any("DUO" in t for t in texts[1] if t.startswith("Bron: "))
    assert any("CBS" in t for t in texts[2] if t.startswith("Bron: "))


def test_deck_with_filtered_first_slide_starts_from_another_page(page, server_url):
    """A first slide with its own filters is opened as a link (bound filters are set only by the
    URL): Start presentatie on another page must still reach it, with its filter."""
    slide = "instroom?maat=Gediplomeerd&toon=trend"
    page.goto(f"{server_url}/arbeidsmarkt?{urlencode([('dia', slide)])}")
    wait_ready(page, 120000)
    page.get_by_text("Presentatie (1 dia's)").click()
    _press(page.get_by_role("button", name="Start presentatie"))
    expect(page.get_by_text("Dia 1 van 1")).to_be_visible(timeout=60000)
    wait_ready(page, 60000)
    assert "/instroom?" in page.url
    assert "maat=Gediplomeerd" in page.url
    assert "presentatie=1" in page.url
    expect(page.locator(".st-key-slide")).to_contain_text("Gediplomeerd")
