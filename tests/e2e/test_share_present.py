"""Share, present, export and safety in real Chromium."""

from __future__ import annotations

import csv
import io
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import expect

from dashboard.navigation import PAGES
from tests.conftest import RAW, REPO
from tests.e2e.conftest import wait_charts, wait_ready

pytestmark = pytest.mark.e2e


def _default_codes() -> set[str]:
    with (REPO / "data" / "reference" / "programme_groups.csv").open(encoding="utf-8") as fh:
        return {
            r["programme_code"] for r in csv.DictReader(fh) if r["in_default_selection"] == "true"
        }


def _first_years_2024(province: str) -> int:
    codes, total = _default_codes(), 0
    path = RAW / "duo_hbo_2020plus" / "eerstejaarsingeschrevenenhbo.csv"
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if (
                r["STUDIEJAAR"] == "2024"
                and r["PROVINCIENAAM"] == province
                and r["OPLEIDINGSCODE_ACTUEEL"] in codes
            ):
                total += max(int(r["AANTAL_EERSTEJAARS_INGESCHREVENEN"]), 0)
    return total


def _digits(text: str) -> int:
    return int("".join(ch for ch in text if ch.isdigit()))


def test_deep_link_reopens_exact_figure(page, server_url):
    page.goto(f"{server_url}/instroom?maat=Eerstejaars&regio=Noord-Brabant")
    wait_ready(page)
    card = page.locator('[data-testid="stMetric"]').filter(has_text="Eerstejaars 2024")
    value = card.locator('[data-testid="stMetricValue"]').inner_text()
    assert _digits(value) == _first_years_2024("Noord-Brabant")


def test_presentation_advances_with_keyboard(page, server_url):
    slides = ["instroom?maat=Eerstejaars&toon=trend", "instroom?maat=Gediplomeerd&toon=trend"]
    deck = "&".join(f"dia={quote(s, safe='')}" for s in slides)
    page.goto(f"{server_url}/instroom?maat=Eerstejaars&toon=trend&presentatie=1&nr=0&{deck}")
    wait_ready(page)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(page.get_by_text("Dia 1 van 2")).to_be_visible()
    page.locator("body").press("ArrowRight")
    expect(page.get_by_text("Dia 2 van 2")).to_be_visible(timeout=20000)
    wait_ready(page)
    assert "nr=1" in page.url
    titles = page.locator(".vega-embed svg text").all_text_contents()
    assert any("Gediplomeerden per jaar" in t for t in titles)
    page.locator("body").press("Escape")
    expect(page.locator('[data-testid="stSidebar"]')).to_be_visible(timeout=20000)


def test_csv_and_image_downloads_carry_data_and_source(page, server_url):
    page.goto(f"{server_url}/instroom?maat=Eerstejaars")
    wait_ready(page)
    card = page.locator('[data-testid="stMetric"]').filter(has_text="Eerstejaars 2024")
    kpi = _digits(card.locator('[data-testid="stMetricValue"]').inner_text())
    page.get_by_text("Gegevens en downloads").first.click()
    with page.expect_download() as dl:
        page.get_by_role("button", name="CSV (Excel NL)").first.click()
    raw = dl.value.path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    header = [line for line in text.splitlines() if line.startswith("# ")]
    assert any(line.startswith("# Bron: DUO") for line in header)
    body = "\n".join(line for line in text.splitlines() if not line.startswith("# "))
    rows = list(csv.DictReader(io.StringIO(body), delimiter=";"))
    last = next(r for r in rows if r["jaar"] == "2024")
    assert int(last["aantal"]) == kpi
    assert "," in rows[1]["verandering_pct"] or rows[1]["verandering_pct"] == ""
    with page.expect_download() as dl:
        page.get_by_role("button", name="SVG").first.click()
    svg = dl.value.path().read_text(encoding="utf-8")
    assert "Bron: DUO" in svg
    assert "Eerstejaars per jaar" in svg
    with page.expect_download() as dl:
        page.get_by_role("button", name="PNG").first.click()
    png = dl.value.path().read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(png) > 20_000


@pytest.mark.parametrize("spec", PAGES, ids=lambda p: p.url_path or "overzicht")
def test_no_request_leaves_localhost(page, server_url, spec):
    hosts = set()
    page.on("request", lambda r: hosts.add(urlparse(r.url).hostname or r.url.split(":")[0]))
    page.goto(f"{server_url}/{spec.url_path}")
    wait_ready(page)
    wait_charts(page)  # every chart (and its assets) loaded
    assert hosts <= {"127.0.0.1", "localhost", "data", "blob"}, hosts


def test_hostile_url_in_real_browser(page, server_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    evil = quote("<img src=x onerror=alert(1)>")
    page.goto(
        f"{server_url}/instroom?regio={evil}&maat={quote(chr(39) + '; drop table x; --')}"
        f"&zoek=%3Cscript%3Ealert(2)%3C%2Fscript%3E&presentatie=1&toon={evil}"
    )
    wait_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert not dialogs
    assert "Traceback" not in page.content()
    expect(page.get_by_text("Deze dia bestaat niet")).to_be_visible()


def test_deep_link_start_page_with_programme_group(page, server_url):
    codes = {"34116", "34608", "34610"}  # the Social Work group in data/reference
    total = 0
    path = RAW / "duo_hbo_2020plus" / "eerstejaarsingeschrevenenhbo.csv"
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["STUDIEJAAR"] == "2024" and r["OPLEIDINGSCODE_ACTUEEL"] in codes:
                total += max(int(r["AANTAL_EERSTEJAARS_INGESCHREVENEN"]), 0)
    page.goto(f"{server_url}/?groep=Social+Work")
    wait_ready(page)
    card = page.locator('[data-testid="stMetric"]').filter(has_text="Eerstejaars 2024")
    assert _digits(card.locator('[data-testid="stMetricValue"]').inner_text()) == total


def test_deep_link_raadpleging_chapter(page, server_url):
    rows = list(
        csv.DictReader(
            (REPO / "data" / "transcribed" / "raadpleging" / "ch09.csv").open(encoding="utf-8")
        )
    )
    n_max = max(int(r["n"]) for r in rows if r["n"])
    title = rows[0]["chapter_title"]
    label = f"9. {title} (n = {n_max})"
    questions = len({r["question"] for r in rows})
    page.goto(f"{server_url}/raadpleging?hoofdstuk={quote(label)}")
    wait_ready(page)
    expect(page.get_by_text(f"Vraag ({questions} in dit hoofdstuk").first).to_be_visible()
    assert page.get_by_role("combobox", name="Hoofdstuk", exact=True).input_value() == label


def test_start_page_links_to_the_matching_chapter(page, server_url):
    page.goto(f"{server_url}/")
    wait_ready(page)
    # the administration headline (chapter 9); pick it by its target, not by DOM order
    links = page.get_by_role("link", name="Meer uit de raadpleging")
    links.and_(page.locator('a[href*="hoofdstuk=9."]')).click()
    wait_ready(page)
    assert "/raadpleging" in page.url
    assert "hoofdstuk=9." in page.url
    combo = page.get_by_role("combobox", name="Hoofdstuk", exact=True)
    assert combo.input_value().startswith("9. ")
