"""Export polish: images say the selection once and the whole source line; CSV/XLSX carry the
definition; the XLSX is formatted; file names say what was selected; ui.downloads builds all four.

The provenance comes from the real manifest (data/manifest.json read with json here), so the
long source lines are the ones users get.
"""

from __future__ import annotations

import html
import io
import json
import re

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard import charts, exports, ui
from tests.conftest import REPO

MANIFEST = json.loads((REPO / "data" / "manifest.json").read_text(encoding="utf-8"))
SELECTION = (
    "Nederland · Ad Pedagogisch Educatief, Ad Sociaal Werk, Ad overig sociaal domein, "
    "Master sociaal domein, Pedagogiek, Social Work, Toegepaste Psychologie, Vaktherapie"
)
DEFINITION = "eerstejaars hbo-domein (nieuw in het hbo, eerste inschrijving op 1 oktober)"


def _prov(snapshot: str, title: str = "Openstaande vacatures per sector", filters: str = SELECTION):
    e = MANIFEST["snapshots"][snapshot]
    return exports.Provenance(
        title=title,
        source=f"{e['publisher']} – {e['title']}",
        peildatum=e["peildatum"],
        licence=e["licence"],
        filters=filters,
        definition=DEFINITION,
    )


def _trend_spec(subtitle: str = SELECTION) -> dict:
    df = pd.DataFrame({"year": [2020, 2021, 2022], "n": [1200, 1500, 1340]})
    chart = charts.finish(charts.trend(df, "n", "Aantal"), "Eerstejaars per jaar", subtitle)
    return charts.to_spec(chart)


def _texts(svg: str) -> list[str]:
    """Every <text> element's content; tspans (lines of one text mark) joined by a space."""
    out = []
    for body in re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S):
        parts = re.findall(r"<tspan[^>]*>(.*?)</tspan>", body, flags=re.S) or [body]
        out.append(" ".join(html.unescape(p) for p in parts))
    return out


def test_image_says_the_selection_once():
    prov = _prov("duo_first_years", "Eerstejaars per jaar")
    svg = exports.to_image(_trend_spec(), prov, "svg").decode("utf-8")
    # before: the selection was appended to a subtitle that already said it (twice in the PNG)
    assert " ".join(_texts(svg)).count(SELECTION) == 1
    assert " ".join(_trend_spec()["title"]["subtitle"]) == SELECTION
    # a selection the subtitle does not say is still added
    other = exports.with_source_footer(_trend_spec("Hogeschool X"), prov)
    assert other["title"]["subtitle"] == ["Hogeschool X", SELECTION]


@pytest.mark.parametrize("snapshot", ["vacancies_transcribed", "azw_sociaal_werk", "raadpleging"])
def test_source_line_is_whole_and_fits_the_chart(snapshot):
    prov = _prov(snapshot)
    footer = f"Bron: {prov.source} (peildatum {prov.peildatum}). {prov.licence}."
    spec = exports.with_source_footer(_trend_spec(), prov)
    svg = exports.to_image(_trend_spec(), prov, "svg").decode("utf-8")
    texts = _texts(svg)
    # before: one text mark limited to 1100 px on a 900 px chart, cut with '…' and wider than it
    assert footer in texts, [t for t in texts if t.startswith("Bron")]
    assert not any("…" in t for t in texts if t.startswith("Bron"))
    note = spec["vconcat"][1]
    lines = note["data"]["values"][0]["t"].split("\n")
    assert note["height"] >= exports.FOOTER_LINE_PX * len(lines)
    # every line fits the chart's width even at a wide mean glyph (0.6 em) of the 13 px font
    assert max(len(line) for line in lines) * 13 * 0.6 <= note["width"]
    short = exports.Provenance("T", "DUO", "1 oktober", "CC0", SELECTION)
    plain = exports.to_image(_trend_spec(), short, "svg").decode("utf-8")
    assert _width(svg) == _width(plain)  # the long source no longer widens the image


def _width(svg: str) -> float:
    return float(re.search(r'<svg[^>]*width="([\d.]+)"', svg).group(1))


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2021, 2022, 2023],
            "student_count": [12345, 11890, 1],
            "share_of_nl_pct": [12.25, 11.5, None],
            "is_suppressed_only": [False, False, True],
            "region_name": ["Nederland", "Nederland", "Noord-Brabant"],
        }
    )


def test_csv_header_has_definition_and_dutch_names():
    text = exports.to_csv(_frame(), _prov("duo_first_years")).decode("utf-8-sig")
    lines = text.splitlines()
    assert f"# Definitie: {DEFINITION}" in lines
    assert f"# Selectie: {SELECTION}" in lines
    header = next(line for line in lines if not line.startswith("#"))
    assert header == "jaar;aantal;aandeel_nl_pct;alleen_lt5;regio"
    assert "2021;12345;12,25;nee;Nederland" in lines


def test_xlsx_is_formatted():
    prov = _prov("duo_first_years")
    ws = load_workbook(io.BytesIO(exports.to_xlsx(_frame(), prov))).active
    keys = [ws.cell(r, 1).value for r in range(1, 9)]
    assert "Definitie" in keys
    assert ws.cell(keys.index("Definitie") + 1, 2).value == DEFINITION
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "jaar")
    assert [c.value for c in ws[header]] == [
        "jaar",
        "aantal",
        "aandeel_nl_pct",
        "alleen_lt5",
        "regio",
    ]
    assert ws.freeze_panes == f"A{header + 1}"  # the table's header row stays in view
    assert ws.cell(header, 1).font.bold
    count = ws.cell(header + 1, 2)
    assert count.value == 12345
    assert count.number_format == "#,##0"  # shown as 12.345 in Dutch Excel
    assert ws.cell(header + 1, 3).number_format == "#,##0.00"
    assert ws.cell(header + 2, 3).value == 11.5
    assert ws.cell(header + 1, 4).value == "nee"
    widths = {c: ws.column_dimensions[c].width for c in "ABCDE"}
    assert widths["E"] >= len("Noord-Brabant")
    assert all(9 <= w <= 60 for w in widths.values()), widths
    # the long header block does not blow up the first column
    assert widths["A"] < 20


def test_file_name_says_what_was_selected():
    prov = _prov("duo_first_years", "Eerstejaars per jaar", "Noord-Brabant · Social Work")
    assert exports.file_stem(prov) == "eerstejaars-per-jaar-noord-brabant-social-work"
    long = exports.file_stem(_prov("duo_first_years", "Eerstejaars per jaar"))
    assert long.startswith("eerstejaars-per-jaar-nederland-ad-pedagogisch")
    assert len(long) <= exports.FILE_STEM_CHARS
    assert not long.endswith("-")
    assert exports.file_stem(exports.Provenance("", "", "", "")) == "grafiek"


def test_downloads_builds_four_files_with_definition(monkeypatch):
    made = []

    class Col:
        def download_button(self, label, data, **kw):
            made.append((label, kw["file_name"], kw["mime"], data()))

    monkeypatch.setattr(ui.st, "columns", lambda n: [Col() for _ in range(n)])
    prov = _prov("duo_first_years", "Eerstejaars per jaar", "Noord-Brabant")
    prov = exports.Provenance(prov.title, prov.source, prov.peildatum, prov.licence, prov.filters)
    df = pd.DataFrame({"year": [2021, 2022], "n": [1200, 1500]})
    chart = charts.finish(charts.trend(df, "n", "Aantal"), "Eerstejaars per jaar")
    ui.downloads(chart, df, prov, "trend", DEFINITION)
    names = [m[1] for m in made]
    assert names == [
        f"eerstejaars-per-jaar-noord-brabant.{x}" for x in ("csv", "xlsx", "png", "svg")
    ]
    csv_text = made[0][3].decode("utf-8-sig")
    assert f"# Definitie: {DEFINITION}" in csv_text.splitlines()
    assert made[2][3][:8] == b"\x89PNG\r\n\x1a\n"
    assert "Bron: DUO" in made[3][3].decode("utf-8")
