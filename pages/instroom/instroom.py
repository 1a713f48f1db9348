"""Instroom: enrolment, first-years and graduates of hbo social-work programmes (DUO)."""

import streamlit as st

from dashboard import filters, ui
from dashboard.components import tabs
from pages.instroom import kaart, kerncijfers, keuzes, trend, uitsplitsing, vh

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
    tabs.render(
        {
            "Trend": lambda: trend.render(yearly, sel, label),
            "Uitsplitsing": lambda: uitsplitsing.render(sel, label, year),
            "Kaart": lambda: kaart.render(sel, label, f.region_code, year, yearly),
            "Studiesucces (VH)": vh.render,
        }
    )
