"""Regio tab 'Vacatures (provincie)': CBS vacancies of the gemeente's provincie per quarter."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts_regio, fmt, queries, queries_regio, ui
from dashboard.components.blocks import ChartBlock, render_block
from pages.regio import vacaturekaart
from pages.regio.keuzes import View

SBI_CARE = vacaturekaart.SBI_CARE
FIELDS = vacaturekaart.FIELDS
COLUMNS = (
    "kwartaal",
    "reeks",
    "region_code",
    "vacancy_count",
    "is_provisional",
    "bron",
    "url",
    "quote",
    "population",
    "per_1000",
    "index_value",
)


def source_caption(periods: pd.DataFrame, pv_name: str, gemeente: str) -> None:
    """Which quarters the StatLine file holds and which later ones come from CBS publications."""
    statline = periods[~periods["is_from_publication"]].iloc[-1]
    last = periods.iloc[-1]
    later = ""
    if last["period_code"] != statline["period_code"]:
        later = (
            "; daarna enkele kwartalen uit CBS-publicaties, tot en met het "
            f"{fmt.quarter(int(last['year']), int(last['quarter']))}"
        )
    st.caption(
        "CBS publiceert vacatures alleen per provincie (tabel 83599NED, tot en met het "
        f"{fmt.quarter(int(statline['year']), int(statline['quarter']))}{later}; niet "
        f"seizoengecorrigeerd). Daarom staat hier {ui.plain(pv_name)}, de provincie van "
        f"{ui.plain(gemeente)}."
    )


def peer_provinces(v: View, pv: str) -> tuple[str, ...]:
    if v.level == "provincie":
        codes = tuple(v.peers["region_code"])
    else:
        auto = queries_regio.peers__by_population("provincie", pv, min(v.peer_count, 11))
        codes = tuple(auto.loc[auto["peer_rank"] > 0, "region_code"])
    names = queries.options__regions().set_index("region_code")["region_name"]
    listed = ", ".join(ui.plain(names.get(c, c)) for c in codes)
    st.caption(f"Vergelijkbare provincies: {listed}.")
    return codes


def vacancy_base(periods: pd.DataFrame, base: int, mode: str) -> int:
    """The index base: the chosen year when it has four quarters, else the last complete year."""
    complete = sorted(int(y) for y in periods.loc[periods["quarters_in_year"] == 4, "year"])
    vac_base = base if base in complete or not complete else complete[-1]
    if mode == "index" and vac_base != base:
        st.caption(
            f"Basisjaar {base} is geen volledig jaar in de vacaturereeks; index op het "
            f"gemiddelde van {vac_base} = 100."
        )
    return vac_base


def quarterly(pv: str, pv_name: str, peer_codes: tuple[str, ...], field: str, base: int):
    """The quarterly frame with labels, source per point and the full quarter axis."""
    df = queries_regio.regions__vacancies_quarterly(SBI_CARE, pv, peer_codes, base)
    data = df.dropna(subset=[field]).copy()
    if data.empty:
        return [], data
    data["kwartaal"] = [
        fmt.quarter_short(y, k) for y, k in zip(data["year"], data["quarter"], strict=True)
    ]
    domain, data = charts_regio.quarter_parts(data)
    data["bron"] = [
        "CBS StatLine 83599NED" if k == "statline" else f"CBS-publicatie via {p or 'CBS'}"
        for k, p in zip(data["source_kind"], data["publisher"], strict=True)
    ]
    data = charts_regio.label_series(data, pv_name)
    data["reeks"] = data["reeks"].replace(
        "Vergelijkbare regio's (samen)", "Vergelijkbare provincies (samen)"
    )
    return domain, data


def block(pv_name: str, mode: str, base: int, domain: list[str]) -> ChartBlock:
    field = FIELDS[mode]
    y_title = {
        "count": "Openstaande vacatures",
        "per_1000": "Vacatures per 1.000 inwoners",
        "index": f"Index (gemiddelde {base} = 100)",
    }[mode]
    return ChartBlock(
        key="regio-vac-trend",
        title=f"Vacatures zorg en welzijn – {pv_name} naast Nederland en vergelijkbare provincies",
        chart=lambda d: charts_regio.comparison_trend(
            d,
            field,
            y_title,
            x="kwartaal",
            x_title="Kwartaal",
            value_format=charts_regio.value_format(mode, vacancies=True),
            break_field="deel",
            x_domain=domain,
            source_field="bron",
        ),
        summary=lambda d: charts_regio.trend_summary(
            d.sort_values("period_code"),
            field,
            mode,
            pv_name,
            x="kwartaal",
            peers="de vergelijkbare provincies",
            vacancies=True,
        ),
        snapshot="cbs_vacancies",
        definition="openstaande vacatures in SBI Q (gezondheids- en welzijnszorg)",
        subtitle=[
            "SBI Q gezondheids- en welzijnszorg (bovengrens voor sociaal werk); niet "
            "seizoengecorrigeerd; losse punten na de StatLine-reeks komen uit CBS-publicaties"
        ],
        peildatum="einde van het kwartaal",
        selection=pv_name,
        columns=COLUMNS,
    )


def render(v: View) -> None:
    if ui.unavailable("cbs_vacancies"):
        return
    pv, pv_name = str(v.row["provincie_code"]), str(v.row["provincie_name"])
    periods = queries_regio.options__province_periods(SBI_CARE)
    if periods.empty:
        st.info("Geen vacaturecijfers per provincie in deze gegevens.")
        return
    source_caption(periods, pv_name, str(v.row["region_name"]))
    peer_codes = peer_provinces(v, pv)
    base = vacancy_base(periods, v.base, v.mode)
    domain, data = quarterly(pv, pv_name, peer_codes, FIELDS[v.mode], base)
    if data.empty:
        st.info("Geen vacaturecijfers voor deze provincie.")
        return
    render_block(block(pv_name, v.mode, base, domain), data)
    vacaturekaart.render(pv, pv_name, v.mode, base)
