"""Regio tab 'Trend': DUO students of the region next to Nederland and its peer group, per year.

The figures come from dashboard/regio_trend.py (also used by the factsheet); this module
only shows them.
"""

from __future__ import annotations

import streamlit as st

from dashboard import regio_trend, ui
from dashboard.components.blocks import render_block
from pages.regio.keuzes import View

COLUMNS = regio_trend.TREND_COLUMNS
block = regio_trend.trend_block


def render(v: View) -> None:
    df, data = regio_trend.trend_frames(v)
    if data.empty:
        st.info(regio_trend.empty_text(df, v.name, ui.plain))
        return
    cols = dict(zip(("region", "peers", "nl"), st.columns(3), strict=True))
    for k in regio_trend.trend_kpis(data, v):
        ui.kpi(cols[k.series], k.label, k.value, sentence=k.sentence)
    for note in regio_trend.trend_notes(df, v.mode, ui.plain):
        st.caption(note)
    render_block(block(v, data), data)
    note = regio_trend.population_note(df, v.mode)
    if note:
        st.caption(note)
