"""Regio tab 'Vacatures (provincie)': CBS vacancies of the gemeente's provincie per quarter.

The figures come from dashboard/regio_vacancies.py (also used by the factsheet).
"""

from __future__ import annotations

import streamlit as st

from dashboard import regio_vacancies as rv
from dashboard import ui
from dashboard.components.blocks import render_block
from pages.regio import vacaturekaart
from pages.regio.keuzes import View

SBI_CARE = rv.SBI_CARE
FIELDS = rv.FIELDS
COLUMNS = rv.COLUMNS
block = rv.trend_block
quarterly = rv.quarterly


def render(v: View) -> None:
    if ui.unavailable("cbs_vacancies"):
        return
    pv, pv_name = str(v.row["provincie_code"]), str(v.row["provincie_name"])
    periods = rv.periods()
    if periods.empty:
        st.info("Geen vacaturecijfers per provincie in deze gegevens.")
        return
    st.caption(rv.source_text(periods, pv_name, str(v.row["region_name"]), ui.plain))
    peer_codes = rv.peer_provinces(v, pv)
    st.caption(rv.peers_text(peer_codes, ui.plain))
    base, note = rv.vacancy_base(periods, v.base, v.mode)
    if note:
        st.caption(note)
    domain, data = quarterly(pv, pv_name, peer_codes, FIELDS[v.mode], base)
    if data.empty:
        st.info("Geen vacaturecijfers voor deze provincie.")
        return
    render_block(block(pv_name, v.mode, base, domain), data)
    vacaturekaart.render(pv, pv_name, v.mode, base)
