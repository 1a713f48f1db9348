"""Overzicht (start page): the headline figures of the three themes."""

import streamlit as st

from dashboard import filters, ui
from dashboard.views import overzicht

st.title("Sociaal Werk in Cijfers")
st.write(
    "Hoe gaat het met het sociaal werk in Nederland? Hieronder staan de belangrijkste cijfers "
    "over opleiding, arbeidsmarkt en beroep. Klik door voor meer detail, per regio of per jaar."
)
if not ui.unavailable("students", "population"):
    overzicht.render(filters.current_filters())
