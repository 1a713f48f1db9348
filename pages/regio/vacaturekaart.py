"""Regio, vacancies: the provincie map for one period (a complete year or a single quarter).

The figures come from dashboard/regio_vacancies.py (also used by the factsheet).
"""

from __future__ import annotations

import streamlit as st

from dashboard import geo, params
from dashboard import regio_vacancies as rv
from dashboard.components.blocks import render_block
from dashboard.components.controls import choice
from pages.regio.keuzes import VALUES

SBI_CARE = rv.SBI_CARE
FIELDS = rv.FIELDS
Period = rv.Period
map_periods = rv.map_periods
map_block = rv.map_block


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
    df = rv.map_frame(period, base)
    if df["is_from_publication"].any():
        st.caption(
            "Dit kwartaal komt niet uit het StatLine-bestand 83599NED maar uit een CBS-publicatie "
            "(overgenomen tabel, niet seizoengecorrigeerd, zelfde reeks); zie 'Over de data'."
        )
    field = FIELDS[mode]
    rank = rv.map_rank(df, pv, mode)
    st.metric(
        f"Rang van {pv_name} (vacatures, {VALUES[mode].lower()}, {period[2]})",
        rank,
        border=True,
        help=f"1 = hoogste waarde ({rv.mean_label(period)}).",
    )
    features = geo.features("provincie")
    if features is None:
        st.warning("De kaartgrenzen zijn niet beschikbaar.")
        return
    if df[field].notna().any():
        render_block(map_block(pv, pv_name, mode, base, period, rank, list(features)), df)
    else:
        st.info("Geen waarden voor deze periode.")
