"""Factsheet (PDF) of a Regio selection: one or two A4 pages, built in memory. No Streamlit calls.

Every figure comes from the builders the Regio page draws with (dashboard/regio_trend.py,
regio_map.py, regio_vacancies.py): same queries, same chart functions, same texts and the same
"Bron" line (dashboard.components.blocks.provenance), so the paper says what the screen says.
Charts are PNGs rendered server-side with vl-convert (dashboard/chart_images.py, as the PNG
download); the layout is dashboard/factsheet_pdf.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

import pandas as pd

from dashboard import (
    chart_images,
    charts,
    charts_regio,
    exports,
    factsheet_pdf,
    fmt,
    geo,
    navigation,
    queries,
    regio_figures,
    regio_map,
    regio_trend,
    regio_vacancies,
    ui,
)
from dashboard.components import blocks
from dashboard.components.blocks import ChartBlock
from dashboard.queries_catalog import catalog

CHART_PX = 760  # chart width in CSS pixels (rendered at scale 2)
MAP_PX = 400
FULL_MM, HALF_MM = 182, 86
CAVEATS = (
    "DUO telt studenten op de plaats van de hogeschoolvestiging (campus), niet waar ze wonen. "
    "Een regio zonder hogeschool telt 0; per 1.000 inwoners is dus geen deelnamecijfer.",
    "DUO schermt cellen met 1-4 personen af (<5). Een totaal met afgeschermde cellen is een "
    "ondergrens ('minimaal'); een waarde die alleen uit afgeschermde cellen bestaat staat als "
    "'<5', nooit als 0.",
)
VACANCY_BASIS = (
    "SBI Q (gezondheids- en welzijnszorg) is een bovengrens voor sociaal werk. Hier alleen "
    "niet-seizoengecorrigeerde cijfers; de seizoengecorrigeerde CBS-kopcijfers zijn alleen "
    "landelijk en staan nooit op één lijn met deze reeks. "
)


@dataclass(frozen=True)
class Figure:
    """One chart as it goes on paper: the page's block, its data and the PNG."""

    block: ChartBlock
    png: bytes
    summary: str
    width_mm: float
    prov: exports.Provenance  # the Bron line, as under the chart on the page


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
    spec = charts.to_spec(charts.finish(block.chart(data)))
    spec.pop("title", None)
    if spec.get("width") == "container" or "width" not in spec:
        spec["width"] = width
    if height:
        spec["height"] = height
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    spec["background"] = "white"
    return chart_images.render(spec, "png", 2, queries.snapshot_id())


def deep_link(v: regio_figures.View) -> str:
    """A relative link that reopens this selection on Regio (urllib; labels as the URL has them)."""
    pairs = [
        ("gemeente", str(v.row["region_code"])),
        ("niveau", regio_figures.LEVELS[v.level]),
        ("maat", catalog().measure(v.measure).label),
        ("waarde", regio_figures.VALUES[v.mode]),
        ("peers", str(v.peer_count)),
    ]
    names = regio_figures.peer_names(v.level, v.code)
    pairs += [("vergelijk", names[c]) for c in v.picked if c in names]
    return f"{navigation.by_url('regio').url_path}?{urlencode(pairs)}"


def _student_kpis(v: regio_figures.View, data: pd.DataFrame, rank: str) -> tuple[str, list]:
    m = catalog().measure(v.measure)
    year = int(data.loc[data["series"] == "region", "year"].max())
    rows = [(k.label.removesuffix(f" {year}"), k.value) for k in regio_trend.trend_kpis(data, v)]
    region = data[(data["series"] == "region") & (data["year"] == year)].iloc[0]
    if v.mode != "count":
        counted = charts_regio.counted_text(region, "student_count", "count")
        rows.append((f"Aantal in {v.name}", counted))
    if rank:
        rows.append((f"Rang van {v.name}", rank))
    return f"{m.label}, {regio_figures.VALUES[v.mode].lower()}, {year}", rows


def _vacancy_kpis(mode: str, pv_name: str, data: pd.DataFrame) -> tuple[str, list]:
    field = regio_vacancies.FIELDS[mode]
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
    return f"Vacatures zorg en welzijn, {regio_figures.VALUES[mode].lower()}, {period}", rows


def _figure(block: ChartBlock, data: pd.DataFrame, width_mm: float, px: int, height: int) -> Figure:
    png = _png(block, data, px, height)
    return Figure(block, png, block.summary(data), width_mm, blocks.provenance(block, data))


@dataclass
class _Parts:
    """The sheet while it is being filled: key figures, figures and caveats in page order."""

    kpis: list
    figures: list[Figure]
    caveats: list[str]


def _gemeente_kpis(row: pd.Series) -> tuple[str, list]:
    pop_year = catalog().population_years[1]
    return (
        f"Gemeente {row['region_name']}",
        [
            (f"Inwoners (1 januari {pop_year})", fmt.number(row["population_latest"])),
            ("Provincie", str(row["provincie_name"])),
            ("Arbeidsmarktregio", str(row["arbeidsmarktregio_name"])),
        ],
    )


def _students(v: regio_figures.View, out: _Parts) -> None:
    """The student trend (or why there is none), its key figures and notes, then the map."""
    df, data = regio_trend.trend_frames(v)
    map_df, rank, year = None, "", 0
    years = regio_map.map_years(v)
    if years:
        year = years[-1]
        map_df = regio_map.region_frame(v, year)
        rank = regio_map.map_rank(v, map_df)
    if data.empty:
        out.caveats.insert(0, regio_trend.empty_text(df, v.name))
    else:
        out.kpis.append(_student_kpis(v, data, rank))
        block = regio_trend.trend_block(v, data)
        out.figures.append(_figure(block, data, FULL_MM, CHART_PX, 210))
        out.caveats += regio_trend.trend_notes(df, v.mode)
        note = regio_trend.population_note(df, v.mode)
        if note:
            out.caveats.append(note)
    features = geo.features(v.level)
    if map_df is None or features is None or not map_df[regio_figures.FIELDS[v.mode]].notna().any():
        return
    block = regio_map.map_block(v, regio_map.map_title(v, year), rank, list(features))
    out.figures.append(_figure(block, map_df, HALF_MM, MAP_PX, MAP_PX))
    est = map_df[map_df["is_population_estimate"].fillna(False).astype(bool)]
    if v.mode == "per_1000" and len(est):
        out.caveats.append(
            f"Kaart {year}: geschat inwonertal voor "
            f"{', '.join(dict.fromkeys(est['region_name']))} (omgerekend naar de huidige "
            "gemeentelijke indeling)."
        )


def _vacancy_map(v: regio_figures.View, pv: str, pv_name: str, base: int) -> Figure | None:
    options = regio_vacancies.map_periods(v.mode)
    features = geo.features("provincie")
    if not options or features is None:
        return None
    period = next(iter(options.values()))
    vmap = regio_vacancies.map_frame(period, base)
    if not vmap[regio_vacancies.FIELDS[v.mode]].notna().any():
        return None
    rank = regio_vacancies.map_rank(vmap, pv, v.mode)
    block = regio_vacancies.map_block(pv, pv_name, v.mode, base, period, rank, list(features))
    return _figure(block, vmap, HALF_MM, MAP_PX, MAP_PX)


def _vacancies(v: regio_figures.View, out: _Parts) -> None:
    """The provincie's vacancy trend and map (CBS publishes no smaller region), with caveats."""
    if "cbs_vacancies" in queries.database().problems:
        return
    periods = regio_vacancies.periods()
    if periods.empty:
        return
    pv, pv_name = str(v.row["provincie_code"]), str(v.row["provincie_name"])
    peer_codes = regio_vacancies.peer_provinces(v, pv)
    base, base_note = regio_vacancies.vacancy_base(periods, v.base, v.mode)
    field = regio_vacancies.FIELDS[v.mode]
    domain, vac = regio_vacancies.quarterly(pv, pv_name, peer_codes, field, base)
    out.caveats.append(regio_vacancies.source_text(periods, pv_name, str(v.row["region_name"])))
    out.caveats.append(VACANCY_BASIS + regio_vacancies.peers_text(peer_codes))
    if base_note:
        out.caveats.append(base_note)
    if vac.empty:
        return
    out.kpis.append(_vacancy_kpis(v.mode, pv_name, vac))
    block = regio_vacancies.trend_block(pv_name, v.mode, base, domain)
    out.figures.append(_figure(block, vac, FULL_MM, CHART_PX, 190))
    vmap = _vacancy_map(v, pv, pv_name, base)
    if vmap is not None:  # before the vacancy trend, beside the student map
        out.figures.insert(len(out.figures) - 1, vmap)


def _footer() -> list[str]:
    built = ui.version_date()
    return [
        f"Snapshot {queries.snapshot_id()}"
        + (f" · gegevens van {built}" if built else "")
        + f" · factsheet gemaakt op {fmt.date_long(*_today())}",
        f"{navigation.PUBLISHER}. Elk cijfer is terug te vinden via de link hieronder.",
    ]


def sheet(v: regio_figures.View, link: str = "") -> Sheet:
    """What the factsheet of view ``v`` says: the same figures as the Regio page."""
    out = _Parts([_gemeente_kpis(v.row)], [], list(CAVEATS))
    _students(v, out)
    out.caveats.append(regio_figures.peer_group(v.level, v.code, v.name, v.peer_count, v.picked)[1])
    _vacancies(v, out)
    m = catalog().measure(v.measure)
    subtitle = (
        f"Gemeente in {v.row['provincie_name']} · studenten vergeleken op niveau "
        f"{regio_figures.LEVELS[v.level].lower()}: {v.name} · {m.label.lower()}, "
        f"{regio_figures.VALUES[v.mode].lower()} · {len(v.programmes)} opleidingen"
    )
    return Sheet(
        title=f"Factsheet {v.row['region_name']}",
        subtitle=subtitle,
        kpis=out.kpis,
        figures=out.figures,
        caveats=out.caveats,
        link=link or deep_link(v),
        footer=_footer(),
    )


def _today() -> tuple[int, int, int]:
    d = date.today()
    return d.day, d.month, d.year


def render(s: Sheet) -> bytes:
    """The sheet laid out on A4 (dashboard/factsheet_pdf.py), as PDF bytes."""
    return factsheet_pdf.render(s)


def build(v: regio_figures.View, link: str = "") -> bytes:
    """The factsheet PDF of a Regio view (as chosen on the page), in memory."""
    return render(sheet(v, link))
