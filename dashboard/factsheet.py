"""Factsheet (PDF) of a Regio selection: one or two A4 pages, built in memory. No Streamlit calls.

Every figure comes from the builders the Regio page draws with (dashboard/regio_figures.py,
dashboard/regio_vacancies.py): same queries, same chart functions, same texts, so the paper
says what the screen says. Charts are PNGs rendered server-side with vl-convert (as the PNG
download); titles, key figures, definitions and sources are real PDF text in DejaVu Sans (a
Unicode TTF shipped in dashboard/assets/fonts). The document language is nl-NL.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from dashboard import charts, charts_regio, fmt, geo, navigation, ui
from dashboard import queries as q
from dashboard import regio_figures as rf
from dashboard import regio_vacancies as rv
from dashboard.components.blocks import ChartBlock
from dashboard.queries_catalog import catalog

FONTS = Path(__file__).resolve().parent / "assets" / "fonts"
FONT = "DejaVu"
INK, MUTED, RULE = (33, 33, 33), (80, 80, 80), (190, 190, 190)
HIGHLIGHT = (0, 114, 178)  # Okabe-Ito blue, the dashboard's region colour
CHART_PX = 760  # chart width in CSS pixels (rendered at scale 2)


@dataclass(frozen=True)
class Figure:
    """One chart as it goes on paper: the page's block, its data and the PNG."""

    block: ChartBlock
    png: bytes
    summary: str
    width_mm: float


@dataclass(frozen=True)
class Sheet:
    """Everything a factsheet says, before layout (tests read this too)."""

    title: str
    subtitle: str
    kpis: list[tuple[str, list[tuple[str, str]]]]  # section -> (label, value) rows
    figures: list[Figure]
    caveats: list[str]
    link: str
    footer: list[str]


def _png(block: ChartBlock, data: pd.DataFrame, width: int = CHART_PX, height: int = 0) -> bytes:
    """The block's chart as the page draws it, without its title (the PDF sets that as text)."""
    import vl_convert as vlc

    spec = charts.to_spec(charts.finish(block.chart(data)))
    spec.pop("title", None)
    if spec.get("width") == "container" or "width" not in spec:
        spec["width"] = width
    if height:
        spec["height"] = height
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    spec["background"] = "white"
    return vlc.vegalite_to_png(
        spec,
        scale=2,
        format_locale=fmt.VEGA_NUMBER_LOCALE,
        time_format_locale=fmt.VEGA_TIME_LOCALE,
    )


def deep_link(v: rf.View) -> str:
    """A relative link that reopens this selection on Regio (urllib; labels as the URL has them)."""
    pairs = [
        ("gemeente", str(v.row["region_code"])),
        ("niveau", rf.LEVELS[v.level]),
        ("maat", catalog().measure(v.measure).label),
        ("waarde", rf.VALUES[v.mode]),
        ("peers", str(v.peer_count)),
    ]
    names = rf.peer_names(v.level, v.code)
    pairs += [("vergelijk", names[c]) for c in v.picked if c in names]
    return f"{navigation.by_url('regio').url_path}?{urlencode(pairs)}"


def _student_kpis(v: rf.View, data: pd.DataFrame, rank: str) -> tuple[str, list]:
    m = catalog().measure(v.measure)
    year = int(data.loc[data["series"] == "region", "year"].max())
    rows = [(k.label.removesuffix(f" {year}"), k.value) for k in rf.trend_kpis(data, v)]
    region = data[(data["series"] == "region") & (data["year"] == year)].iloc[0]
    if v.mode != "count":
        counted = charts_regio.counted_text(region, "student_count", "count")
        rows.append((f"Aantal in {v.name}", counted))
    if rank:
        rows.append((f"Rang van {v.name}", rank))
    return f"{m.label}, {rf.VALUES[v.mode].lower()}, {year}", rows


def _vacancy_kpis(mode: str, pv_name: str, data: pd.DataFrame) -> tuple[str, list]:
    field = rv.FIELDS[mode]
    region = data[data["series"] == "region"]
    last = region.loc[region["period_code"].idxmax()]
    same = data[data["period_code"] == last["period_code"]].set_index("series")
    rows = []
    for series, label in (
        ("region", pv_name),
        ("peers", "Vergelijkbare provincies (samen)"),
        ("nl", "Nederland"),
    ):
        if series in same.index:
            value = same.loc[[series]].iloc[0][field]
            rows.append((label, charts_regio.value_text(value, mode, vacancies=True)))
    period = fmt.quarter(int(last["year"]), int(last["quarter"]))
    return f"Vacatures zorg en welzijn, {rf.VALUES[mode].lower()}, {period}", rows


def _figure(block: ChartBlock, data: pd.DataFrame, width_mm: float, px: int, height: int) -> Figure:
    return Figure(block, _png(block, data, px, height), block.summary(data), width_mm)


def sheet(v: rf.View, link: str = "") -> Sheet:
    """What the factsheet of view ``v`` says: the same figures as the Regio page."""
    row = v.row
    gemeente, pv, pv_name = str(row["region_name"]), str(row["provincie_code"]), ""
    pv_name = str(row["provincie_name"])
    pop_year = catalog().population_years[1]
    kpis: list[tuple[str, list]] = [
        (
            f"Gemeente {gemeente}",
            [
                (f"Inwoners (1 januari {pop_year})", fmt.number(row["population_latest"])),
                ("Provincie", pv_name),
                ("Arbeidsmarktregio", str(row["arbeidsmarktregio_name"])),
            ],
        )
    ]
    figures: list[Figure] = []
    caveats = [
        "DUO telt studenten op de plaats van de hogeschoolvestiging (campus), niet waar ze "
        "wonen. Een regio zonder hogeschool telt 0; per 1.000 inwoners is dus geen "
        "deelnamecijfer.",
        "DUO schermt cellen met 1-4 personen af (<5). Een totaal met afgeschermde cellen is een "
        "ondergrens ('minimaal'); een waarde die alleen uit afgeschermde cellen bestaat staat "
        "als '<5', nooit als 0.",
    ]
    df, data = rf.trend_frames(v)
    map_df, rank, year = None, "", 0
    years = rf.map_years(v)
    if years:
        year = years[-1]
        map_df = rf.region_frame(v, year)
        rank = rf.map_rank(v, map_df)
    if data.empty:
        caveats.insert(0, rf.empty_text(df, v.name))
    else:
        kpis.append(_student_kpis(v, data, rank))
        figures.append(_figure(rf.trend_block(v, data), data, 182, CHART_PX, 210))
        caveats += rf.trend_notes(df, v.mode)
        note = rf.population_note(df, v.mode)
        if note:
            caveats.append(note)
    features = geo.features(v.level)
    field = rf.FIELDS[v.mode]
    if map_df is not None and features is not None and map_df[field].notna().any():
        block = rf.map_block(v, rf.map_title(v, year), rank, list(features))
        figures.append(_figure(block, map_df, 86, 400, 400))
        est = map_df[map_df["is_population_estimate"].fillna(False).astype(bool)]
        if v.mode == "per_1000" and len(est):
            caveats.append(
                f"Kaart {year}: geschat inwonertal voor "
                f"{', '.join(dict.fromkeys(est['region_name']))} (omgerekend naar de huidige "
                "gemeentelijke indeling)."
            )
    caveats.append(rf.peer_group(v.level, v.code, v.name, v.peer_count, v.picked)[1])
    periods = rv.periods() if "cbs_vacancies" not in q.database().problems else pd.DataFrame()
    if not periods.empty:
        peer_codes = rv.peer_provinces(v, pv)
        base, base_note = rv.vacancy_base(periods, v.base, v.mode)
        domain, vac = rv.quarterly(pv, pv_name, peer_codes, rv.FIELDS[v.mode], base)
        caveats.append(rv.source_text(periods, pv_name, gemeente))
        caveats.append(
            "SBI Q (gezondheids- en welzijnszorg) is een bovengrens voor sociaal werk. Hier "
            "alleen niet-seizoengecorrigeerde cijfers; de seizoengecorrigeerde CBS-kopcijfers "
            "zijn alleen landelijk en staan nooit op één lijn met deze reeks. "
            + rv.peers_text(peer_codes)
        )
        if base_note:
            caveats.append(base_note)
        if not vac.empty:
            kpis.append(_vacancy_kpis(v.mode, pv_name, vac))
            vac_block = rv.trend_block(pv_name, v.mode, base, domain)
            figures.append(_figure(vac_block, vac, 182, CHART_PX, 210))
            options = rv.map_periods(v.mode)
            features = geo.features("provincie")
            if options and features is not None:
                period = next(iter(options.values()))
                vmap = rv.map_frame(period, base)
                if vmap[rv.FIELDS[v.mode]].notna().any():
                    vrank = rv.map_rank(vmap, pv, v.mode)
                    block = rv.map_block(pv, pv_name, v.mode, base, period, vrank, list(features))
                    at = len(figures) - 1  # before the vacancy trend, beside the student map
                    figures.insert(at, _figure(block, vmap, 86, 400, 400))
    built = ui.version_date()
    footer = [
        f"Snapshot {q.snapshot_id()}"
        + (f" · gegevens van {built}" if built else "")
        + f" · factsheet gemaakt op {fmt.date_long(*_today())}",
        f"{navigation.PUBLISHER}. Elk cijfer is terug te vinden via de link hieronder.",
    ]
    level = rf.LEVELS[v.level].lower()
    m = catalog().measure(v.measure)
    subtitle = (
        f"Gemeente in {pv_name} · studenten vergeleken op niveau {level}: {v.name} · "
        f"{m.label.lower()}, {rf.VALUES[v.mode].lower()} · {len(v.programmes)} opleidingen"
    )
    return Sheet(
        title=f"Factsheet {gemeente}",
        subtitle=subtitle,
        kpis=kpis,
        figures=figures,
        caveats=caveats,
        link=link or deep_link(v),
        footer=footer,
    )


def _today() -> tuple[int, int, int]:
    d = date.today()
    return d.day, d.month, d.year


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
    from PIL import Image

    with Image.open(io.BytesIO(f.png)) as im:
        w, h = im.size
    return f.width_mm * h / w


def _draw_figure(pdf: FPDF, f: Figure, x: float, y: float) -> float:
    """Title, subtitle, chart, then definition / peildatum / bron: returns the bottom."""
    b = f.block
    prov = ui.provenance(b.snapshot, b.title, b.selection, b.peildatum)
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


def build(v: rf.View, link: str = "") -> bytes:
    """The factsheet PDF of a Regio view (as chosen on the page), in memory."""
    return render(sheet(v, link))
