"""Overzicht (start page, default route): title, intro, help, then one section per theme."""

import streamlit as st

from dashboard import filters
from pages.overzicht import arbeidsmarkt_kaarten, instroom_kaarten, raadpleging_kaarten

HELP = (
    "- **Filters** staan links: kies opleidingsgroepen en een regio. Op elke pagina staan "
    "nog meer keuzes.\n"
    "- **Link delen**: het adres in de adresbalk bevat al uw keuzes. Kopieer het, of gebruik "
    "'Deel deze weergave' links.\n"
    "- **Presenteren**: onder elke grafiek staat 'Presenteer' (groot, zonder menu's) en 'Voeg "
    "toe aan presentatie'. Blader met de pijltjestoetsen; Esc sluit.\n"
    "- **Downloaden**: open 'Gegevens en downloads' onder een grafiek voor de tabel als CSV of "
    "Excel, of de grafiek als PNG of SVG, steeds met bron.\n"
    "- **Bron**: onder elke grafiek staan definitie, peildatum en bron. 'Over de data' geeft "
    "alle bronnen."
)
# the sections of the start page, in order (one module each)
SECTIONS = (instroom_kaarten, arbeidsmarkt_kaarten, raadpleging_kaarten)

st.title("Sociaal Werk in Cijfers")
st.write(
    "Hoe gaat het met het sociaal werk in Nederland? Hieronder staan de belangrijkste cijfers "
    "over opleiding, arbeidsmarkt en beroep. Klik door voor meer detail, per regio of per jaar."
)
with st.expander("Nieuw hier? Zo werkt dit dashboard", icon=":material/help:"):
    st.markdown(HELP)
shared = filters.current_filters()
for section in SECTIONS:
    section.render(shared)
