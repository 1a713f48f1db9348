"""Instroom: enrolment, first-years and graduates of hbo social-work programmes (DUO)."""

import streamlit as st

from dashboard import filters, ui
from dashboard.views import instroom

st.title("Instroom in hbo-opleidingen van het sociaal domein")
st.write(
    "Hoeveel studenten staan ingeschreven, beginnen en studeren af in de hbo-opleidingen van het "
    "sociaal domein: sociaal werk en, als u ze aan laat staan, ook pedagogiek, toegepaste "
    "psychologie en verwante opleidingen? Kies links de opleidingsgroepen; de kerncijfers tellen "
    "precies die groepen."
)
if not ui.unavailable("students", "population"):
    instroom.render(filters.current_filters())
