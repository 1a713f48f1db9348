"""Downloads: CSV for Dutch Excel, XLSX, PNG/SVG images with title and source. No Streamlit."""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard import chart_images, fmt, labels

FOOTER_FONT_PX = 13
FOOTER_LINE_PX = 17
FOOTER_EM_PER_CHAR = 0.6  # conservative mean advance of the footer font (wrap, never cut)
FILE_STEM_CHARS = 80
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Provenance:
    """What a download says about itself, in its header block and image footer."""

    title: str
    source: str
    peildatum: str
    licence: str
    filters: str = ""
    definition: str = ""

    def lines(self) -> list[tuple[str, str]]:
        rows = [("Titel", self.title)]
        if self.filters:
            rows.append(("Selectie", self.filters))
        if self.definition:
            rows.append(("Definitie", self.definition))
        rows += [
            ("Bron", self.source),
            ("Peildatum", self.peildatum),
            ("Licentie", self.licence),
        ]
        rows.append(("Uitgave", "Sociaal Werk in Cijfers"))
        return rows


def joined(provs: Sequence[Provenance]) -> Provenance:
    """One provenance naming every source in order (a series that continues in a second file);
    each peildatum and licence once. Title, selection and definition are the first's."""

    def once(texts) -> str:
        unique = list(dict.fromkeys(t for t in texts if t))
        # 'CC BY 4.0' is said by 'CC BY 4.0 (cijfers); …': keep only the longer one
        return "; ".join(t for t in unique if not any(o != t and o.startswith(t) for o in unique))

    first = provs[0]
    return Provenance(
        title=first.title,
        source=once(p.source for p in provs),
        peildatum=once(p.peildatum for p in provs),
        licence=once(p.licence for p in provs),
        filters=first.filters,
        definition=first.definition,
    )


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


def slug(text: str) -> str:
    """'Súdwest-Fryslân' -> 'sudwest-fryslan'-like: lower case, a-z0-9 and '-' only."""
    return _SLUG.sub("-", str(text).lower()).strip("-")


def file_stem(prov: Provenance) -> str:
    """A file name that says what was selected: slug of title and selection, bounded length.

    Cut at a word boundary; 'grafiek' when nothing is left.
    """
    text = slug(f"{prov.title} {prov.filters}")
    if len(text) > FILE_STEM_CHARS:
        text = text[: FILE_STEM_CHARS + 1].rsplit("-", 1)[0]
    return text or "grafiek"


def dutch_columns(df: pd.DataFrame) -> pd.DataFrame:
    """Every column name Dutch (dashboard.labels); names that are already Dutch stay."""
    return df.rename(columns={c: labels.COLUMNS[c] for c in df.columns if c in labels.COLUMNS})


def to_csv(df: pd.DataFrame, prov: Provenance) -> bytes:
    """Semicolon-separated, decimal comma, UTF-8 with BOM, a '#' header block naming the source."""
    df = dutch_columns(df)
    out = io.StringIO()
    for key, value in prov.lines():  # comment lines: never quoted, so ';' becomes ','
        text = f"# {key}: {value}".replace(";", ",").replace("\n", " ").replace("\r", " ")
        out.write(text + "\n")
    out.write(";".join(_quote(str(c)) for c in df.columns) + "\n")
    for row in df.itertuples(index=False):
        out.write(";".join(_quote(_cell(v)) for v in row) + "\n")
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx_value(v: object) -> object:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if isinstance(v, (int, float)):
        return v
    if hasattr(v, "item") and not isinstance(v, str):  # numpy scalars
        return _xlsx_value(v.item())
    return str(v)


def _number_format(values: list[object]) -> str | None:
    """'#,##0' or '#,##0.0' (Excel shows the reader's separators: 1.234,5 in Dutch Excel)."""
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if not numbers:
        return None
    if all(float(v).is_integer() for v in numbers):
        return "#,##0"
    return "#,##0.0" if all(round(float(v), 1) == float(v) for v in numbers) else "#,##0.00"


def to_xlsx(df: pd.DataFrame, prov: Provenance) -> bytes:
    """An XLSX workbook: header block, empty row, then the table with Dutch column names.

    Numbers keep their value with a thousands format, columns are as wide as their content,
    the table's header row is frozen. Text cells stay text (never a formula).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    df = dutch_columns(df)
    wb = Workbook()
    ws = wb.active
    ws.title = "Gegevens"
    for key, value in prov.lines():
        ws.append([key, value])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.append([])
    ws.append([str(c) for c in df.columns])
    header = ws.max_row
    for cell in ws[header]:
        cell.font = Font(bold=True)
    columns = [[_xlsx_value(v) for v in df[c].tolist()] for c in df.columns]
    for row in zip(*columns, strict=True):
        ws.append(list(row))
    for r in ws.iter_rows():
        for c in r:
            if isinstance(c.value, str):
                c.data_type = "s"  # never a formula
    for i, (name, values) in enumerate(zip(df.columns, columns, strict=True), start=1):
        number_format = _number_format(values)
        shown = [
            fmt.number(v, 2) if isinstance(v, float) else str(v) for v in values if v is not None
        ]
        width = max([len(str(name)), *(len(t) for t in shown)], default=8)
        # the header block's long texts may run over empty neighbours; they set no width
        ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 9), 60)
        if number_format:
            for (cell,) in ws.iter_rows(min_row=header + 1, min_col=i, max_col=i):
                if isinstance(cell.value, (int, float)):
                    cell.number_format = number_format
    if ws.column_dimensions["A"].width < 11:
        ws.column_dimensions["A"].width = 11  # room for the header block's keys ('Peildatum')
    ws.freeze_panes = ws.cell(header + 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def footer_text(prov: Provenance) -> str:
    return f"Bron: {prov.source} (peildatum {prov.peildatum}). {prov.licence}."


def _said(text: str) -> str:
    return " ".join(text.split()).casefold()


def with_source_footer(spec: dict, prov: Provenance) -> dict:
    """Add a 'Bron: …' line under a Vega-Lite spec (for images), keeping title and subtitle.

    The selection is added to the subtitle only when the subtitle does not already say it.
    """
    spec = dict(spec)
    title = spec.get("title")
    if isinstance(title, dict):
        subtitle = title.get("subtitle") or []
        subtitle = [subtitle] if isinstance(subtitle, str) else list(subtitle)
        said = _said(" ".join(str(line) for line in subtitle))
        if prov.filters and _said(prov.filters) not in said:
            subtitle.append(prov.filters)
        spec["title"] = {**title, "subtitle": subtitle}
    else:
        spec["title"] = {
            "text": title or prov.title,
            "anchor": "start",
            "subtitle": [prov.filters] if prov.filters else [],
        }
    return _footer_spec(spec, footer_text(prov))


def wrap_footer(text: str, width_px: int) -> list[str]:
    """The source line in lines that fit ``width_px`` (Vega cannot wrap; it would cut with …)."""
    chars = max(int(width_px / (FOOTER_FONT_PX * FOOTER_EM_PER_CHAR)), 20)
    return textwrap.wrap(text, chars, break_long_words=True, break_on_hyphens=False) or [text]


def _footer_spec(spec: dict, footer: str) -> dict:
    inner = {
        k: v
        for k, v in spec.items()
        if k not in ("config", "$schema", "datasets", "title", "usermeta")
    }
    if inner.get("width") == "container":
        inner["width"] = 900
    width = inner.get("width") if isinstance(inner.get("width"), int) else 900
    lines = wrap_footer(footer, width)
    note = {
        "data": {"values": [{"t": "\n".join(lines)}]},
        "mark": {
            "type": "text",
            "align": "left",
            "baseline": "top",
            "fontSize": FOOTER_FONT_PX,
            "lineHeight": FOOTER_LINE_PX,
            "lineBreak": "\n",
            "color": "#333333",
        },
        "encoding": {
            "text": {"field": "t", "type": "nominal"},
            "x": {"value": 0},
            "y": {"value": 0},
        },
        "width": width,
        "height": FOOTER_LINE_PX * len(lines) + 4,
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
    """Render server-side with vl-convert: kind 'png' (scale 2) or 'svg', with the source line."""
    return chart_images.render(with_source_footer(spec, prov), kind)
