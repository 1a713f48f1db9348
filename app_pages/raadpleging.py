"""Raadpleging: what social workers say in Movisie's Grote Raadpleging van het Sociaal Werk 2025."""

import streamlit as st

from dashboard import ui
from dashboard.views import raadpleging

st.title("Grote Raadpleging van het Sociaal Werk")
st.write(
    "Wat zeggen sociaal werkers zelf over hun beroep, werkdruk, zeggenschap en toekomst? Movisie "
    "vroeg het in 2024 en eerder in 2020. Hier staan de cijfers uit het rapport, per hoofdstuk en "
    "per vraag, met de vindplaats in het rapport; zoek op een onderwerp of vergelijk de twee "
    "rondes."
)
if not ui.unavailable("raadpleging"):
    raadpleging.render()
