"""Instroom: enrolment, first-years and graduates of hbo social-work programmes (DUO)."""

import streamlit as st

from dashboard import filters, ui
from dashboard.params import Shared
from pages.instroom import kaart, kerncijfers, keuzes, trend, uitsplitsing, vh

TABS = ["Trend", "Uitsplitsing", "Kaart", "Studiesucces (VH)"]

st.title("Instroom in hbo-opleidingen van het sociaal domein")
st.write(
    "Hoeveel studenten staan ingeschreven, beginnen en studeren af in de hbo-opleidingen van het "
    "sociaal domein: sociaal werk en, als u ze aan laat staan, ook pedagogiek, toegepaste "
    "psychologie en verwante opleidingen? Kies links de opleidingsgroepen; de kerncijfers tellen "
    "precies die groepen."
)
if not ui.unavailable("students", "population"):
    f = filters.current_filters()
    sel, year = keuzes.controls(f)
    label = keuzes.selection_label(sel, f)
    yearly = kerncijfers.render(sel, label, year)
    tab_trend, tab_split, tab_map, tab_vh = st.tabs(TABS, key=Shared.VIEW, bind="query-params")
    if tab_trend.open:
        with tab_trend:
            trend.render(yearly, sel, label)
    if tab_split.open:
        with tab_split:
            uitsplitsing.render(sel, label, year)
    if tab_map.open:
        with tab_map:
            kaart.render(sel, label, f.region_code, year, yearly)
    if tab_vh.open:
        with tab_vh:
            vh.render()
