"""The PowerPoint deck from three real chart blocks on three pages (Instroom, Arbeidsmarkt,
Raadpleging), opened again with python-pptx: slide count, titles, source lines, deck link and
each slide's key figure against a recount from the raw / transcribed file read here.

The slides are captured the way the page draws them: the app runs in AppTest and the chart
block's arguments (finished chart, table, provenance, summary, definition) are recorded.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import date

import pytest
from pptx import Presentation
from pptx.util import Pt
from streamlit.testing.v1 import AppTest

from dashboard import deck_pptx, fmt, present
from dashboard.navigation import page_path
from dashboard.slides import Slide
from tests.conftest import RAW, REPO

TRANSCRIBED = REPO / "data" / "transcribed"
DECK_URL = "http://localhost:8501/instroom?maat=Eerstejaars&toon=trend&dia=instroom%3Ftoon%3Dtrend"
PAGES = (  # page, query, chart block key
    ("instroom", {"maat": "Eerstejaars", "opleiding": "Ad Sociaal Werk"}, "trend"),
    ("arbeidsmarkt", {}, "vacatures-trend"),
    ("raadpleging", {}, "raadpleging-vraag-percent"),
)
TODAY = date(2026, 12, 2)


def _digits(text: str) -> int:
    return int(re.sub(r"\D", "", text))


# --- recounts from the files, read here ------------------------------------------------------


def _duo_first_years_latest(code: str) -> tuple[int, int]:
    path = RAW / "duo_hbo_2020plus" / "eerstejaarsingeschrevenenhbo.csv"
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["OPLEIDINGSCODE_ACTUEEL"] == code]
    year = max(int(r["STUDIEJAAR"]) for r in rows)
    total = sum(
        max(int(r["AANTAL_EERSTEJAARS_INGESCHREVENEN"]), 0)
        for r in rows
        if int(r["STUDIEJAAR"]) == year
    )
    return year, total


def _vacancies_q_latest() -> tuple[str, int]:
    """The latest quarter of SBI Q (Nederland) in the transcribed CBS figures, in persons."""
    found: dict[str, float] = {}
    for name in ("vacatures_nsa_implied.csv", "vacatures_nsa.csv"):  # published value wins
        with (TRANSCRIBED / "cbs_vacatures_2020_2025" / name).open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if r["region"] == "Nederland" and r["sbi"] == "Q":
                    found[r["period"]] = float(r["value"])
    period = max(found)
    return period, round(found[period] * 1000)


def _raadpleging_top(question: str) -> tuple[str, int]:
    with (TRANSCRIBED / "raadpleging" / "ch01.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["question"] == question]
    latest = max(r["survey_year"] for r in rows)
    top = max((r for r in rows if r["survey_year"] == latest), key=lambda r: float(r["value"]))
    return top["answer"], int(float(top["value"]))


# --- slides captured from the running pages ---------------------------------------------------


@pytest.fixture(scope="module")
def captured() -> list[Slide]:
    """One session clicks "Voeg toe aan presentatie" on three pages, as a presenter does."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.run()
    for page, query, key in PAGES:
        for k, v in query.items():
            at.query_params[k] = v
        at.switch_page(page_path(page)).run()
        assert not at.exception, [e.value for e in at.exception]
        at.button(key=f"{key}-add").click().run()
        assert not at.exception, [e.value for e in at.exception]
    links = at.session_state[present.S_DECK]
    slides = at.session_state[present.S_SLIDES]
    assert len(links) == 3
    return [slides[link] for link in links]


@pytest.fixture(scope="module")
def deck(captured):
    start = time.perf_counter()
    data = deck_pptx.build(captured, DECK_URL, "b4f828593b4c", "2026-12-01T23:03:16+00:00", TODAY)
    seconds = time.perf_counter() - start
    print(f"\ndeck of {len(captured)} charts built in {seconds:.2f} s, {len(data) / 1e3:.0f} kB")
    assert seconds < 30  # a few seconds on an idle machine; this one is shared (load ~20)
    return Presentation(io.BytesIO(data)), captured


def _texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def _runs(slide):
    for shape in slide.shapes:
        if shape.has_text_frame:
            for para in shape.text_frame.paragraphs:
                yield shape, from_runs(para)


def from_runs(para):
    return list(para.runs)


def test_deck_has_a_title_slide_and_one_16_9_slide_per_chart(deck):
    prs, slides = deck
    assert len(prs.slides) == 4
    assert prs.slide_width * 9 == prs.slide_height * 16
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert titles == ["Sociaal Werk in Cijfers – presentatie", *(s.title for s in slides)]
    assert titles[1:] == [
        "Eerstejaars per jaar",
        "Openstaande vacatures per sector",
        "In welke organisaties zijn sociaal werkers werkzaam?",
    ]
    cp = prs.core_properties
    assert cp.title == "Sociaal Werk in Cijfers – presentatie"
    assert cp.author == "Sociaal Werk in Cijfers"
    assert cp.language == "nl-NL"


def test_title_slide_has_date_snapshot_and_live_link(deck):
    prs, _ = deck
    first = prs.slides[0]
    text = "\n".join(_texts(first))
    assert "2 december 2026" in text
    assert "b4f828593b4c" in text
    assert "1 december 2026" in text  # the data's build date
    links = [
        run.hyperlink.address for _, runs in _runs(first) for run in runs if run.hyperlink.address
    ]
    assert links == [DECK_URL]


def test_every_chart_slide_has_source_selection_picture_and_notes(deck):
    prs, slides = deck
    manifest = json.loads((REPO / "data" / "manifest.json").read_text(encoding="utf-8"))
    publishers = {
        "trend": manifest["snapshots"]["duo_first_years"]["publisher"],
        "vacatures-trend": manifest["snapshots"]["cbs_vacancies"]["publisher"],
        "raadpleging-vraag-percent": manifest["snapshots"]["raadpleging"]["publisher"],
    }
    for pslide, s in zip(list(prs.slides)[1:], slides, strict=True):
        texts = _texts(pslide)
        bron = [t for t in texts if t.startswith("Bron: ")]
        assert bron == [f"Bron: {s.prov.source} (peildatum {s.prov.peildatum}). {s.prov.licence}."]
        assert bron[0].startswith(f"Bron: {publishers[s.key]} – ")
        assert s.subtitle in texts
        pics = [sh for sh in pslide.shapes if sh.shape_type == 13]
        assert len(pics) == 1
        width, _ = pics[0].image.size
        assert width >= 2 * deck_pptx.CHART_PX  # rendered at scale 2 or more: sharp on a beamer
        assert pics[0]._element.nvPicPr.cNvPr.get("descr").startswith(s.title)
        notes = pslide.notes_slide.notes_text_frame.text
        assert f"Definitie: {s.definition}" in notes
        assert f"Samenvatting: {s.summary}" in notes
        note = deck_pptx.chart_note(s.spec, s.subtitle)
        if s.key == "vacatures-trend":  # the chart's own notes (basis, provisional) are kept
            assert "seizoengecorrigeerd" in note
        if note:
            assert f"Bij de grafiek: {note}" in notes
        for caveat in s.caveats:
            assert f"Let op: {caveat}" in notes
        # readable from the back of the room: body >= 18 pt, title >= 28 pt
        for shape, runs in _runs(pslide):
            for run in runs:
                minimum = 28 if shape == pslide.shapes.title else 18
                assert run.font.size is not None
                assert run.font.size >= Pt(minimum), (run.text, run.font.size.pt)


def test_key_figures_equal_the_recount(deck):
    prs, slides = deck
    figures = {s.key: s.key_figure for s in slides}
    shown = {s.key: "\n".join(_texts(p)) for p, s in zip(list(prs.slides)[1:], slides, strict=True)}
    for s in slides:  # the slide shows the figure without the title it already has
        assert s.key_figure
        assert deck_pptx.figure_text(s) in shown[s.key].replace("\n", " ")

    year, total = _duo_first_years_latest("80140")  # Ad Sociaal Werk
    assert figures["trend"] == f"Eerstejaars per jaar – laatste jaar {year}: {fmt.number(total)}"

    period, persons = _vacancies_q_latest()
    quarter = fmt.quarter(int(period[:4]), int(period[-1]))
    assert figures["vacatures-trend"].endswith(f"laatste waarde {fmt.number(persons)} ({quarter})")

    answer, value = _raadpleging_top("In welke organisaties zijn sociaal werkers werkzaam?")
    assert figures["raadpleging-vraag-percent"].startswith(f"Hoogste: '{answer}' met {value}%")


# --- honest Bron lines: a series from two files names both -----------------------------------


def _statline_quarters(region: str, sbi: str) -> set[str]:
    """Quarters with a value in the CBS StatLine 83599NED pages (raw OData json, read here)."""
    found = set()
    for path in sorted((RAW / "cbs_vacatures_83599NED").glob("tables_*.json")):
        for r in json.loads(path.read_text(encoding="utf-8"))["value"]:
            value = str(r["OpenstaandeVacatures_1"]).strip()
            code = r["BedrijfstakkenBranchesSBI2008"].strip()
            same = r["RegioS"].strip() == region and code == sbi
            if same and value not in ("", ".", "None"):
                found.add(r["Perioden"])
    return found


def _transcribed_quarters(region: str, sbi: str) -> set[str]:
    found = set()
    for name in ("vacatures_nsa.csv", "vacatures_nsa_implied.csv"):
        with (TRANSCRIBED / "cbs_vacatures_2020_2025" / name).open(encoding="utf-8") as fh:
            found |= {
                r["period"] for r in csv.DictReader(fh) if (r["region"], r["sbi"]) == (region, sbi)
            }
    return found


def _quarter(code: str) -> str:
    return fmt.quarter(int(code[:4]), int(code[-1]))


def test_vacancy_slide_names_statline_and_the_transcribed_publications(deck):
    prs, slides = deck
    manifest = json.loads((REPO / "data" / "manifest.json").read_text(encoding="utf-8"))[
        "snapshots"
    ]
    statline = _statline_quarters("NL01", "422400")
    published = _transcribed_quarters("Nederland", "Q") - statline
    assert statline
    assert published
    ((i, s),) = [(i, s) for i, s in enumerate(slides) if s.key == "vacatures-trend"]
    bron = next(t for t in _texts(list(prs.slides)[i + 1]) if t.startswith("Bron: "))
    for name, quarters in (("cbs_vacancies", statline), ("vacancies_transcribed", published)):
        entry = manifest[name]
        assert f"{entry['publisher']} – {entry['title']}" in bron, (name, bron)
        assert f"{_quarter(min(quarters))} t/m {_quarter(max(quarters))}" in bron, bron
    assert "bron:" not in s.prov.licence.lower()  # the publisher is named once, in the Bron line
