"""Arbeidsmarkt: vacancies in zorg en welzijn, expected shortages and the flow of graduates."""

import streamlit as st

from dashboard import ui
from dashboard.components import tabs
from pages.arbeidsmarkt import (
    aanbod,
    kengetallen,
    prognose,
    regios,
    signalen,
    sociaal_werk,
    vacatures,
)

TABS = {  # tab label -> render()
    "Vacatures": vacatures.render,
    "Regio's": regios.render,
    "Verwachte tekorten": prognose.render,
    "Kengetallen": kengetallen.render,
    "Aanbod en vraag": aanbod.render,
    "Signalen uit de raadpleging": signalen.render,
    "Sociaal werk": sociaal_werk.render,
}

st.title("Arbeidsmarkt: tekorten in zorg en welzijn")
st.write(
    "Hoe krap is de arbeidsmarkt voor het sociaal werk, waar, en kan de stroom afgestudeerden "
    "het verwachte tekort dichten? CBS-vacatures per kwartaal en regio, de verwachte tekorten uit "
    "het AZW-prognosemodel, losse kengetallen uit de brondocumenten, het aantal gediplomeerden "
    "(DUO) en wat sociaal werkers zelf zeggen in de Grote Raadpleging. Onder elke grafiek staan "
    "definitie, peildatum en bron."
)
if not ui.unavailable("cbs_vacancies"):
    tabs.render(TABS)
