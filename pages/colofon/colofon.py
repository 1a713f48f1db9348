"""Colofon: who and what, contact, how to cite, the accessibility statement and a glossary."""

import streamlit as st

from dashboard import navigation
from dashboard import queries as q
from pages.colofon import teksten

st.title("Colofon")
st.write(
    f"{navigation.SITE} is een open dashboard over het sociaal werk in Nederland: opleiding, "
    "arbeidsmarkt en beroep. Alle cijfers komen uit openbare bronnen; op 'Over de data' staat "
    "per bestand de bron, de licentie en wanneer het is ingelezen."
)

st.subheader("Contact", anchor=False)
url = teksten.issues_url()
st.markdown(teksten.contact(url))
if url:
    st.link_button("Meld een vraag of fout", url, icon=":material/bug_report:")

st.subheader("Zo citeert u een grafiek", anchor=False)
st.markdown(teksten.CITEREN)

st.subheader("Toegankelijkheid", anchor=False)
st.markdown(teksten.TOEGANKELIJKHEID)

st.subheader("Begrippen", anchor=False)
st.write("Woorden die u in de grafieken tegenkomt, kort uitgelegd.")
snapshots = q.database().manifest.get("snapshots", {})
regions = q.options__regions() if q.database().available("population") else None
n_amr = None if regions is None else int((regions["region_level"] == "arbeidsmarktregio").sum())
peil_duo = str(snapshots.get("duo_enrolled", {}).get("peildatum") or "")
peil_cbs = str(snapshots.get("cbs_vacancies", {}).get("peildatum") or "").split(";")[0]
for term, uitleg in teksten.begrippen(n_amr, peil_duo, peil_cbs):
    st.markdown(f"**{term}**  \n{uitleg}")
