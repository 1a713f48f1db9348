"""Dutch formatting and chart specs."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from dashboard import charts, exports, fmt


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, 1, "1.234,5"),
        (1234567, 0, "1.234.567"),
        (0.5, 1, "0,5"),
        (None, 0, "–"),
        (float("nan"), 1, "–"),
        (-2500, 0, "-2.500"),
    ],
)
def test_number(value, decimals, expected):
    assert fmt.number(value, decimals) == expected


def test_pct_signed_and_quarter():
    assert fmt.pct(12.34) == "12,3%"
    assert fmt.pct(-3.21, signed=True) == "−3,2%"
    assert fmt.signed(1200) == "+1.200"
    assert fmt.quarter(2019, 2) == "2e kwartaal 2019"
    assert fmt.date_long(1, 10, 2024) == "1 oktober 2024"


def test_suppressed_counts_never_show_zero():
    assert fmt.student_count(0, 1) == "<5"
    assert fmt.student_count(None, 3) == "3× <5"
    assert fmt.student_count(120, 2) == "minimaal 120"
    assert fmt.student_count(120, 0) == "120"


def test_chart_has_dutch_locale_and_valid_schema():
    df = pd.DataFrame(
        {"year": [2020, 2021], "student_count": [1000, 1200.5], "definition": ["a", "b"]}
    )
    chart = charts.finish(
        charts.trend(df, "student_count", "Aantal", break_field="definition"), "Titel", "Sub"
    )
    chart.to_dict()  # validates against the Vega-Lite schema
    spec = charts.to_spec(chart)
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["time"]["months"][0] == "januari"
    layer = spec["layer"][0]
    assert layer["encoding"]["x"]["type"] == "ordinal"
    assert layer["encoding"]["y"]["type"] == "quantitative"
    assert spec["title"]["text"] == "Titel"


def test_enlarged_chart_is_bigger():
    df = pd.DataFrame({"year": [2020, 2021], "n": [1, 2]})
    spec = charts.to_spec(charts.enlarge(charts.finish(charts.trend(df, "n", "Aantal"))))
    assert spec["config"]["axis"]["labelFontSize"] >= 20
    assert spec["height"] >= 600


def test_csv_export_dutch_excel():
    prov = exports.Provenance("T", "DUO", "1 oktober", "CC BY; bron: DUO", "sel")
    df = pd.DataFrame({"a": [1.5, None], "b": ['=HYPERLINK("x")', "x;y"], "c": [3, 4]})
    text = exports.to_csv(df, prov).decode("utf-8")
    assert text.startswith("\ufeff# Titel: T")
    assert "# Licentie: CC BY, bron: DUO" in text
    assert '1,5;"\'=HYPERLINK(""x"")";3' in text
    assert ';"x;y";4' in text


def test_xlsx_export_keeps_formulas_as_text(tmp_path):
    from openpyxl import load_workbook

    prov = exports.Provenance("T", "DUO", "1 oktober", "CC BY", "sel")
    data = exports.to_xlsx(pd.DataFrame({"b": ["=1+1"], "n": [2.5]}), prov)
    path = tmp_path / "x.xlsx"
    path.write_bytes(data)
    ws = load_workbook(path).active
    assert ws["A1"].value == "Titel"
    values = [c.value for c in ws[ws.max_row]]
    assert values == ["=1+1", 2.5]
    assert ws.cell(ws.max_row, 1).data_type == "s"


def test_svg_export_contains_title_and_source():
    df = pd.DataFrame({"year": [2020, 2021], "n": [1000, 1500]})
    chart = charts.finish(charts.trend(df, "n", "Aantal"), "Mijn titel")
    prov = exports.Provenance("Mijn titel", "CBS – 83599NED", "einde kwartaal", "CC BY 4.0", "NL")
    svg = exports.to_image(charts.to_spec(chart), prov, "svg").decode("utf-8")
    assert "Mijn titel" in svg
    assert "Bron: CBS – 83599NED" in svg
    assert "1.500" in svg  # Dutch thousands separator on the axis
    assert isinstance(chart, alt.TopLevelMixin)
