"""Dutch formatting and chart specs."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import altair as alt
import pandas as pd
import pytest

from dashboard import charts, exports, fmt
from tests.conftest import RAW, REPO


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


# --- maps -----------------------------------------------------------------------------------
# The gemeenten are recounted from the raw CBS boundary file (343 features, one of which is the
# 'GM0998 Buitenland' placeholder); the map draws the built layer data/geo/gemeente.json.

MAP_GREY = "#f0f0f0"
MAP_SUPPRESSED = "#bdbdbd"


def _raw_gemeenten() -> set[str]:
    doc = json.loads((RAW / "cbs_gemeenten_2023_geo" / "gemeenten.json").read_text("utf-8"))
    codes = {f["properties"]["gemeentecode"] for f in doc["features"]}
    return codes - {"GM0998"}


def _gemeente_features() -> list[dict]:
    doc = json.loads((REPO / "data" / "geo" / "gemeente.json").read_text("utf-8"))
    return doc["features"]


def _map_frame() -> pd.DataFrame:
    """Four gemeenten with a value, one with only '<5' cells; every other gemeente absent."""
    return pd.DataFrame(
        {
            "region_code": ["GM0193", "GM0363", "GM0599", "GM0344", "GM0014", "GM0088"],
            "region_name": ["Zwolle", "Amsterdam", "Rotterdam", "Utrecht", "Groningen", "x"],
            "n": [120.0, 5400.0, 3100.0, 2800.0, 900.0, None],
            "is_suppressed_only": [False, False, False, False, False, True],
        }
    )


def _geoshape_fills(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # noqa: S314 - SVG rendered by the test itself
    return [
        (p.get("fill") or "").lower()
        for p in root.iter("{http://www.w3.org/2000/svg}path")
        if p.get("aria-roledescription") == "geoshape" and p.get("fill") not in (None, "none")
    ]


def test_map_draws_every_gemeente_and_greys_those_without_data():
    import vl_convert as vlc

    from dashboard import charts_geo

    features = _gemeente_features()
    assert {f["properties"]["region_code"] for f in features} == _raw_gemeenten()
    chart = charts_geo.choropleth(features, _map_frame(), "n", "Aantal", highlight="GM0193")
    charts.finish(chart, "Kaart").to_dict()  # validates against the Vega-Lite schema
    svg = vlc.vegalite_to_svg(charts.to_spec(charts.finish(chart, "Kaart")))
    fills = _geoshape_fills(svg)
    assert len(fills) == len(_raw_gemeenten()) == 342  # before: only the 5 with a value drew
    assert fills.count(MAP_SUPPRESSED) == 1  # GM0088: only '<5' cells, never a class, never 0
    assert fills.count(MAP_GREY) == 342 - 6
    assert len([f for f in fills if f not in (MAP_GREY, MAP_SUPPRESSED)]) == 5


def test_map_legend_has_classes_and_an_entry_for_no_data():
    from dashboard import charts_geo

    chart = charts_geo.choropleth(
        _gemeente_features(), _map_frame(), "n", "Aantal", no_data="geen hogeschool"
    )
    spec = charts.to_spec(chart)
    colour = spec["layer"][0]["encoding"]["color"]
    scale = colour["scale"]
    assert scale["domain"][-2:] == ["<5 (afgeschermd)", "geen hogeschool"]
    assert scale["range"][-2:] == [MAP_SUPPRESSED, MAP_GREY]
    classes = scale["domain"][:-2]
    assert 2 <= len(classes) <= 5
    assert classes[0].startswith("minder dan ")
    assert classes[-1].endswith(" of meer")
    assert len(set(scale["range"])) == len(scale["range"])  # every entry its own colour
    # every feature gets a row in the lookup: the features are the primary data
    data = spec["layer"][0]["transform"][0]["from"]["data"]
    lookup = data["values"] if "values" in data else spec["datasets"][data["name"]]
    assert len(lookup) == 342
    by_code = {r["region_code"]: r for r in lookup}
    assert by_code["GM0088"]["klasse"] == "<5 (afgeschermd)"
    assert by_code["GM0088"]["waarde_label"] == "<5 (afgeschermd)"
    assert by_code["GM0014"]["klasse"] in classes  # 900 is a class, not grey
    assert by_code["GM0050"]["klasse"] == "geen hogeschool"  # Zeewolde: not in the frame


def test_map_classes_are_rounded_quantiles_with_dutch_labels():
    from dashboard import charts_geo

    values = pd.Series([9, 10, 20, 30, 55, 77, 120, 1500, 2000, 4000])
    breaks = charts_geo.class_breaks(values)
    assert breaks == [22, 66, 1200]  # quartiles 22.5, 66, 1162.5 to two significant digits
    labels = charts_geo.class_labels(breaks)
    assert labels == ["minder dan 22", "22 tot 66", "66 tot 1.200", "1.200 of meer"]
    # terciles 1.717 and 2.633; one decimal for every label although the values have two
    assert charts_geo.class_labels(charts_geo.class_breaks([1.15, 2.0, 3.9]), ",.2f") == [
        "minder dan 1,7",
        "1,7 tot 2,6",
        "2,6 of meer",
    ]
    # an index close to 100: terciles 98.3 and 105.3 round to whole points, not to 100 and 110
    assert charts_geo.class_breaks(pd.Series([90, 95, 100, 104, 108, 112])) == [98, 105]
    assert charts_geo.class_breaks([7, 7, 7]) == []  # one value: one class, named by the value
    assert charts_geo.class_labels([], ",.0f", pd.Series([7, 7])) == ["7"]


def _text_positions(svg: str) -> dict[str, float]:
    """Absolute y of each text element (sum of the translate() of it and its ancestors)."""
    out: dict[str, float] = {}

    def walk(node: ET.Element, y: float) -> None:
        m = re.search(r"translate\(([-\d.]+),\s*([-\d.]+)\)", node.get("transform", ""))
        y += float(m.group(2)) if m else 0.0
        if node.tag.endswith("text") and node.text:
            out.setdefault(node.text, y)
        for child in node:
            walk(child, y)

    walk(ET.fromstring(svg), 0.0)  # noqa: S314 - SVG rendered by the test itself
    return out


def test_map_export_keeps_legend_with_the_map_above_the_source_line():
    from dashboard import charts_geo

    chart = charts.finish(
        charts_geo.choropleth(_gemeente_features(), _map_frame(), "n", "Aantal"), "Kaart"
    )
    prov = exports.Provenance("Kaart", "DUO", "1 oktober", "CC0", "")
    svg = exports.to_image(charts.to_spec(chart), prov, "svg").decode("utf-8")
    assert len(_geoshape_fills(svg)) == 342
    y = _text_positions(svg)
    source = next(v for k, v in y.items() if k.startswith("Bron: DUO"))
    assert y["geen gegevens"] < source  # before: the legend was drawn under the source line
