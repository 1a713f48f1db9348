"""Downloads: CSV for Dutch Excel, XLSX, PNG/SVG images with title and source. No Streamlit."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import pandas as pd

from dashboard import fmt


@dataclass(frozen=True)
class Provenance:
    """What a download says about itself, in its header block and image footer."""

    title: str
    source: str
    peildatum: str
    licence: str
    filters: str = ""

    def lines(self) -> list[tuple[str, str]]:
        rows = [
            ("Titel", self.title),
            ("Bron", self.source),
            ("Peildatum", self.peildatum),
            ("Licentie", self.licence),
        ]
        if self.filters:
            rows.append(("Selectie", self.filters))
        rows.append(("Uitgave", "Sociaal Werk in Cijfers"))
        return rows


def _cell(x: object) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return ""
    if isinstance(x, bool):
        return "ja" if x else "nee"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        text = repr(x) if x != int(x) else str(int(x))
        return text.replace(".", ",")
    text = str(x)
    if text[:1] in ("=", "+", "-", "@") and not _is_number(text):
        text = "'" + text  # never let a spreadsheet run data text as a formula
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _quote(text: str) -> str:
    if any(ch in text for ch in ';"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def to_csv(df: pd.DataFrame, prov: Provenance) -> bytes:
    """Semicolon-separated, decimal comma, UTF-8 with BOM, a '#' header block naming the source."""
    out = io.StringIO()
    for key, value in prov.lines():  # comment lines: never quoted, so ';' becomes ','
        text = f"# {key}: {value}".replace(";", ",").replace("\n", " ").replace("\r", " ")
        out.write(text + "\n")
    out.write(";".join(_quote(str(c)) for c in df.columns) + "\n")
    for row in df.itertuples(index=False):
        out.write(";".join(_quote(_cell(v)) for v in row) + "\n")
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(df: pd.DataFrame, prov: Provenance) -> bytes:
    """An XLSX workbook: header block, empty row, then the table. Text cells stay text."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Gegevens"
    for key, value in prov.lines():
        ws.append([key, value])
    ws.append([])
    ws.append([str(c) for c in df.columns])
    for row in df.itertuples(index=False):
        values = []
        for v in row:
            if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
                values.append(None)
            elif isinstance(v, (int, float, bool)):
                values.append(v)
            else:
                values.append(str(v))
        ws.append(values)
    for r in ws.iter_rows():
        for c in r:
            if isinstance(c.value, str):
                c.data_type = "s"  # never a formula
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def with_source_footer(spec: dict, prov: Provenance) -> dict:
    """Add a 'Bron: …' line under a Vega-Lite spec (for images), keeping title and subtitle."""
    footer = f"Bron: {prov.source} (peildatum {prov.peildatum}). {prov.licence}."
    spec = dict(spec)
    title = spec.get("title")
    if isinstance(title, dict):
        subtitle = title.get("subtitle") or []
        subtitle = [subtitle] if isinstance(subtitle, str) else list(subtitle)
        if prov.filters:
            subtitle.append(prov.filters)
        spec["title"] = {**title, "subtitle": subtitle}
    else:
        spec["title"] = {
            "text": title or prov.title,
            "anchor": "start",
            "subtitle": [prov.filters] if prov.filters else [],
        }
    return _footer_spec(spec, footer)


def _footer_spec(spec: dict, footer: str) -> dict:
    inner = {
        k: v
        for k, v in spec.items()
        if k not in ("config", "$schema", "datasets", "title", "usermeta")
    }
    if inner.get("width") == "container":
        inner["width"] = 900
    note = {
        "data": {"values": [{"t": footer}]},
        "mark": {
            "type": "text",
            "align": "left",
            "baseline": "top",
            "fontSize": 13,
            "color": "#333333",
            "limit": 1100,
        },
        "encoding": {
            "text": {"field": "t", "type": "nominal"},
            "x": {"value": 0},
            "y": {"value": 0},
        },
        "width": inner.get("width", 900),
        "height": 24,
        "view": {"stroke": None},
    }
    # legends stay with their chart, above the source line (shared, they go under the concat)
    legends = ("color", "fill", "shape", "strokeDash")
    out = {
        "$schema": spec.get("$schema"),
        "vconcat": [inner, note],
        "title": spec["title"],
        "config": spec.get("config", {}),
        "padding": 16,
        "background": "white",
        "resolve": {
            "scale": dict.fromkeys(legends, "independent"),
            "legend": dict.fromkeys(legends, "independent"),
        },
    }
    if "datasets" in spec:
        out["datasets"] = spec["datasets"]
    return out


def to_image(spec: dict, prov: Provenance, kind: str) -> bytes:
    """Render server-side with vl-convert: kind 'png' (scale 2) or 'svg'."""
    import vl_convert as vlc

    full = with_source_footer(spec, prov)
    locale = {"number": fmt.VEGA_NUMBER_LOCALE, "time": fmt.VEGA_TIME_LOCALE}
    if kind == "svg":
        return vlc.vegalite_to_svg(
            full, format_locale=locale["number"], time_format_locale=locale["time"]
        ).encode("utf-8")
    return vlc.vegalite_to_png(
        full, scale=2, format_locale=locale["number"], time_format_locale=locale["time"]
    )
