"""Instroom: enrolment, first-years and graduates of hbo social-work programmes (DUO)."""

import streamlit as st

from dashboard import filters, ui
from dashboard.views import instroom

st.title("Instroom in sociaal-werkopleidingen")
st.write(
    "Hoeveel studenten staan ingeschreven, beginnen en studeren af in de hbo-opleidingen voor "
    "sociaal werk? Gebruik de filters links (opleidingsgroepen, regio) en hieronder."
)
if not ui.unavailable("students", "population"):
    instroom.render(filters.current_filters())
