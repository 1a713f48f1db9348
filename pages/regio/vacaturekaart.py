"""Regio, vacancies: the provincie map for one period (a complete year or a single quarter)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts_geo, charts_regio, fmt, geo, params, queries, queries_regio
from dashboard.components.blocks import ChartBlock, render_block
from dashboard.components.controls import choice
from dashboard.queries_catalog import catalog
from pages.regio.keuzes import VALUES

SBI_CARE = "422400"  # SBI Q: gezondheids- en welzijnszorg
FIELDS = {"count": "vacancy_count", "per_1000": "per_1000", "index": "index_value"}
Period = tuple[int, int | None, str]  # year, quarter (None = mean of four), label


def map_periods(mode: str) -> dict[str, Period]:
    """Map periods, newest first: option -> (year, quarter or None, label).

    A complete year is offered as its mean of four quarters; a year with fewer quarters only as
    its single quarters, so half a year is never called a year (nor an index base).
    """
    periods = queries_regio.options__province_periods(SBI_CARE)
    first = catalog().population_years[0] if mode == "per_1000" else 0
    out: dict[str, Period] = {}
    for year, rows in periods[periods["year"] >= first].groupby("year", sort=False):
        if len(rows) == 4:
            out[str(year)] = (int(year), None, f"{year} (jaargemiddelde)")
        elif mode != "index":
            for r in rows.itertuples():
                source = " – uit CBS-publicatie" if r.is_from_publication else ""
                label = fmt.quarter(int(r.year), int(r.quarter)) + source
                out[f"{r.year}K{r.quarter}"] = (int(r.year), int(r.quarter), label)
    return dict(sorted(out.items(), key=lambda kv: (kv[1][0], kv[1][1] or 5), reverse=True))


def map_block(
    pv: str, pv_name: str, mode: str, base: int, period: Period, rank: str, features: list
) -> ChartBlock:
    field = FIELDS[mode]
    mean_label = "jaargemiddelde van de kwartalen" if period[1] is None else "één kwartaal"
    value_title = {
        "count": "Vacatures",
        "per_1000": "Per 1.000 inwoners",
        "index": f"Index ({base} = 100)",
    }[mode]
    title = f"Vacatures zorg en welzijn per provincie, {period[2]} – {VALUES[mode].lower()}"

    def summary(d: pd.DataFrame) -> str:
        top = d.dropna(subset=[field]).sort_values(field, ascending=False).iloc[0]
        top_text = charts_regio.value_text(top[field], mode, vacancies=True)
        return f"{title}. Hoogste: {top['region_name']} ({top_text}); {pv_name}: {rank}."

    return ChartBlock(
        key="regio-vac-kaart",
        title=title,
        chart=lambda d: charts_geo.choropleth(
            features,
            d,
            field,
            value_title,
            charts_regio.value_format(mode, vacancies=True),
            highlight=pv,
        ),
        summary=summary,
        snapshot="cbs_vacancies",
        definition=f"openstaande vacatures in SBI Q, {mean_label}; afgerond op honderdtallen "
        "zoals CBS ze publiceert",
        subtitle=[f"Omlijnd: {pv_name} ({rank}); {mean_label}"],
        peildatum=f"einde van het kwartaal; {mean_label}",
        selection=pv_name,
    )


def render(pv: str, pv_name: str, mode: str, base: int) -> None:
    options = map_periods(mode)
    if not options:
        st.info("Geen vacatureperiodes voor deze keuze.")
        return
    picked = choice(
        "Periode (vacatures)",
        list(options),
        key=params.Regio.VAC_PERIOD,
        kind="select",
        format_func=lambda o: options[o][2],
        help="Een jaarcijfer is het gemiddelde van de vier kwartalen. Van een jaar met minder "
        "kwartalen zijn alleen de losse kwartalen te kiezen (geen index, geen jaargemiddelde).",
    )
    period = options[picked]
    year, quarter, period_label = period
    df = queries.vacancies__by_region(SBI_CARE, "provincie", year, quarter, base)
    if df["is_from_publication"].any():
        st.caption(
            "Dit kwartaal komt niet uit het StatLine-bestand 83599NED maar uit een CBS-publicatie "
            "(overgenomen tabel, niet seizoengecorrigeerd, zelfde reeks); zie 'Over de data'."
        )
    field = FIELDS[mode]
    rank = charts_regio.rank_text(charts_regio.rank_of(df, field, pv), "provincie", len(df))
    mean_label = "jaargemiddelde van de kwartalen" if quarter is None else "één kwartaal"
    st.metric(
        f"Rang van {pv_name} (vacatures, {VALUES[mode].lower()}, {period_label})",
        rank,
        border=True,
        help=f"1 = hoogste waarde ({mean_label}).",
    )
    features = geo.features("provincie")
    if features is None:
        st.warning("De kaartgrenzen zijn niet beschikbaar.")
        return
    if df[field].notna().any():
        render_block(map_block(pv, pv_name, mode, base, period, rank, list(features)), df)
    else:
        st.info("Geen waarden voor deze periode.")
