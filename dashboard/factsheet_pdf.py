"""Lay a factsheet (dashboard/factsheet.py) out on A4 with fpdf2 and return the PDF bytes.

Titles, key figures, definitions and sources are real PDF text in DejaVu Sans (a Unicode TTF
shipped in dashboard/assets/fonts); charts are the PNGs the sheet carries, each with its text
alternative. The document language is nl-NL. Nothing touches the disk.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path
from typing import TYPE_CHECKING

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from dashboard import navigation

if TYPE_CHECKING:
    from dashboard.factsheet import Figure, Sheet

FONTS = Path(__file__).resolve().parent / "assets" / "fonts"
FONT = "DejaVu"
INK, MUTED, RULE = (33, 33, 33), (80, 80, 80), (190, 190, 190)
HIGHLIGHT = (0, 114, 178)  # Okabe-Ito blue, the dashboard's region colour


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, size=7)
        self.set_text_color(*MUTED)
        self.cell(0, 4, f"{navigation.PUBLISHER} · pagina {self.page_no()} van {{nb}}", align="R")


def _text(pdf: FPDF, text: str, size: float, bold: bool = False, colour=INK, h=None) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, h or size * 0.45, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")


def _kpi_table(pdf: FPDF, kpis: list[tuple[str, list[tuple[str, str]]]]) -> None:
    """Key figures as real text: one column per section, label above value."""
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / len(kpis)
    top = pdf.get_y()
    bottom = top
    for i, (section, rows) in enumerate(kpis):
        x = pdf.l_margin + i * width
        pdf.set_xy(x, top)
        pdf.set_font(FONT, "B", 8.5)
        pdf.set_text_color(*INK)
        pdf.multi_cell(width - 3, 3.8, section, new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
        for label, value in rows:
            pdf.set_x(x)
            pdf.set_font(FONT, "", 7)
            pdf.set_text_color(*MUTED)
            pdf.multi_cell(width - 3, 3.1, label, new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
            pdf.set_x(x)
            pdf.set_font(FONT, "B", 10)
            pdf.set_text_color(*INK)
            pdf.multi_cell(width - 3, 4.6, value, new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
        bottom = max(bottom, pdf.get_y())
    pdf.set_xy(pdf.l_margin, bottom + 2)


def _figure_height(pdf: FPDF, f: Figure) -> float:
    w, h = struct.unpack(">II", f.png[16:24])  # the PNG header's pixel size
    return f.width_mm * h / w


def _draw_figure(pdf: FPDF, f: Figure, x: float, y: float) -> float:
    """Title, subtitle, chart, then definition / peildatum / bron: returns the bottom."""
    b, prov = f.block, f.prov
    pdf.set_xy(x, y)
    pdf.set_font(FONT, "B", 9.5)
    pdf.set_text_color(*INK)
    pdf.multi_cell(f.width_mm, 4.2, b.title, new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
    sub = b.subtitle if isinstance(b.subtitle, list) else [b.subtitle] if b.subtitle else []
    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(*MUTED)
    for line in sub:
        pdf.multi_cell(f.width_mm, 3.1, line, new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
    h = _figure_height(pdf, f)
    pdf.image(io.BytesIO(f.png), x=x, y=pdf.get_y() + 0.5, w=f.width_mm, alt_text=f.summary)
    pdf.set_xy(x, pdf.get_y() + h + 1)
    pdf.set_font(FONT, "", 6.5)
    pdf.set_text_color(*MUTED)
    for line in (
        f"Definitie: {b.definition}",
        f"Peildatum: {prov.peildatum}",
        f"Bron: {prov.source} · {prov.licence}",
    ):
        pdf.multi_cell(f.width_mm, 2.9, line, new_x=XPos.LEFT, new_y=YPos.NEXT, align="L")
    return pdf.get_y()


def _fits(pdf: FPDF, height: float) -> bool:
    return pdf.get_y() + height <= pdf.h - pdf.b_margin


def _draw_figures(pdf: FPDF, figures: list[Figure], gap: float) -> None:
    """Full-width figures one under the other; two narrow ones side by side."""
    i = 0
    while i < len(figures):
        f = figures[i]
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        pair = nxt if nxt is not None and f.width_mm < 100 and nxt.width_mm < 100 else None
        need = max(_figure_height(pdf, g) + 24 for g in (f, pair) if g is not None)
        if not _fits(pdf, need):
            pdf.add_page()
        y = pdf.get_y() + gap
        bottom = _draw_figure(pdf, f, pdf.l_margin, y)
        if pair is not None:
            right = pdf.w - pdf.r_margin - pair.width_mm
            bottom = max(bottom, _draw_figure(pdf, pair, right, y))
            i += 1
        pdf.set_xy(pdf.l_margin, bottom)
        i += 1


def render(s: Sheet) -> bytes:
    """Lay the sheet out on A4 and return the PDF bytes (nothing touches the disk)."""
    pdf = _Pdf(format="A4", unit="mm")
    pdf.set_margins(14, 12, 14)
    pdf.set_auto_page_break(True, margin=14)
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_lang("nl-NL")
    pdf.set_title(s.title)
    pdf.set_subject(s.subtitle)
    pdf.set_author(navigation.PUBLISHER)
    pdf.set_creator(navigation.PUBLISHER)
    pdf.add_page()
    _text(pdf, f"{navigation.PUBLISHER} · factsheet", 7.5, colour=MUTED)
    _text(pdf, s.title, 18, bold=True, h=8.5)
    _text(pdf, s.subtitle, 8, colour=MUTED, h=3.6)
    pdf.ln(2)
    _kpi_table(pdf, s.kpis)
    gap = 3
    _draw_figures(pdf, s.figures[:1], gap)
    pdf.ln(gap)
    _text(pdf, "Let op bij deze cijfers", 9.5, bold=True, h=4.5)
    for c in s.caveats:
        _text(pdf, f"• {c}", 7, colour=INK, h=3.1)
    _draw_figures(pdf, s.figures[1:], gap)
    pdf.ln(2)
    for line in s.footer:
        _text(pdf, line, 7, colour=MUTED, h=3.1)
    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(*HIGHLIGHT)
    pdf.multi_cell(0, 3.1, f"Link: {s.link}", link=s.link if "://" in s.link else None, align="L")
    return bytes(pdf.output())
