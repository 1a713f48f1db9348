"""Own figures: the downloadable template (CSV and XLSX), built in memory. No Streamlit.

One row per gemeente of the dashboard's division (code and official name, from the data), with
the year and value cells left empty for the visitor to fill. Rows left empty are skipped when
the filled file is uploaded again, and an empty year column means one period (upload.py).
"""

from __future__ import annotations

import io

import pandas as pd

COLUMNS = ("gemeentecode", "gemeentenaam", "jaar", "waarde")


def template_frame(gemeenten: pd.DataFrame) -> pd.DataFrame:
    """gemeentecode, gemeentenaam from ``gemeenten`` (gemeente_code, gemeente_name), sorted by
    name; jaar and waarde empty."""
    rows = gemeenten.sort_values(["gemeente_name", "gemeente_code"])
    return pd.DataFrame(
        {
            "gemeentecode": rows["gemeente_code"].astype(str).to_numpy(),
            "gemeentenaam": rows["gemeente_name"].astype(str).to_numpy(),
            "jaar": "",
            "waarde": "",
        },
        columns=list(COLUMNS),
    )


def template_csv(gemeenten: pd.DataFrame) -> bytes:
    """Semicolon-separated UTF-8 with BOM, so Excel opens it with the accents intact."""
    text = template_frame(gemeenten).to_csv(sep=";", index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def template_xlsx(gemeenten: pd.DataFrame) -> bytes:
    """One worksheet 'eigen cijfers'; codes and names stored as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "eigen cijfers"
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in template_frame(gemeenten).itertuples(index=False):
        ws.append([r.gemeentecode, r.gemeentenaam, None, None])
    for col, width in zip("ABCD", (14, 32, 8, 12), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
