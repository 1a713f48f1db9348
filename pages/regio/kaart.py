"""Regio tab 'Kaart': DUO students per region of the chosen level for one year, map and ranking.

The figures come from dashboard/regio_map.py (also used by the factsheet).
"""

from __future__ import annotations

import streamlit as st

from dashboard import geo, params, regio_map, ui
from dashboard.components.blocks import render_block
from dashboard.components.controls import choice
from pages.regio.keuzes import FIELDS, VALUES, View

map_years = regio_map.map_years
region_frame = regio_map.region_frame


def render(v: View) -> None:
    years = map_years(v)
    if not years:
        st.info("Geen jaren met gegevens voor deze keuze. Kies meer opleidingsgroepen links.")
        return
    year = choice("Jaar", years[::-1], key=params.Regio.YEAR, kind="select")
    df = region_frame(v, year)
    if v.mode == "per_1000":
        ui.estimate_note(df, year)
    field = FIELDS[v.mode]
    rank = regio_map.map_rank(v, df)
    st.metric(
        f"Rang van {v.name} ({VALUES[v.mode].lower()}, {year})",
        rank,
        border=True,
        help="1 = hoogste waarde. Berekend uit de getoonde gegevens; gelijke waarden delen "
        "de beste rang.",
    )
    title = regio_map.map_title(v, year)
    if df[field].notna().sum() == 0:
        st.info("Geen waarden voor deze keuze. Kies een ander jaar of meer opleidingsgroepen.")
        return
    features = geo.features(v.level)
    if features is None:
        st.warning("De kaartgrenzen zijn niet beschikbaar; de ranglijst hieronder werkt wel.")
    else:
        render_block(regio_map.map_block(v, title, rank, list(features)), df)
    ui.show_chart(regio_map.ranking_chart(v, df, title))
