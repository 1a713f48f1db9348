"""Regio: a gemeente compares itself with Nederland and with regions like it, over time."""

import streamlit as st

from dashboard import filters, ui
from dashboard.views import regio

st.title("Regio: uw gemeente vergeleken")
st.write(
    "Hoe doet uw regio het, vergeleken met Nederland en met regio's die qua inwonertal op de uwe "
    "lijken, en hoe verandert dat? Kies hieronder een gemeente. Studenten (DUO) tellen op de "
    "plaats van de hogeschool, vacatures (CBS) per provincie; onder Eigen cijfers zet u uw eigen "
    "gegevens (bijvoorbeeld uit de Monitor Sociaal Domein) naast die van vergelijkbare gemeenten."
)
if not ui.unavailable("students", "population", "regions_gemeente"):
    regio.render(filters.current_filters())
