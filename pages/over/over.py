"""Over de data: every snapshot with source, licence, years, rows and build date."""

import streamlit as st

from dashboard import fmt, ui
from dashboard import queries as q
from dashboard.queries_catalog import catalog
from pages.over import tables

st.title("Over de data")
st.write(
    "Alle cijfers in dit dashboard komen uit openbare bronnen. Een script in de repository zet "
    "de ruwe bestanden om in tabellen (snapshots) en controleert ze. Hieronder staat per "
    "snapshot de bron, de licentie, de jaren, het aantal rijen en wanneer hij is gebouwd."
)
db = q.database()
st.caption(f"Snapshot-id: {db.snapshot_id} · gebouwd: {ui.version_date() or 'onbekend'}")
if db.problems:
    st.warning("Niet beschikbaar: " + "; ".join(f"{k}: {v}" for k, v in db.problems.items()))
snapshots_table, vintages_table = tables.tables(db.snapshot_id)
st.dataframe(snapshots_table, hide_index=True, width="stretch")
if vintages_table is not None:
    st.subheader("Welke versie levert welke perioden")
    st.caption(
        "Bij een verversing blijft elk eerder gedownload bestand bewaard. De nieuwste versie "
        "levert de perioden die erin staan; oudere perioden komen uit de versie die ze had. Zo "
        "gaat er bij een nieuw bestand met een verschoven reeks jaren geen jaar verloren."
    )
    st.dataframe(vintages_table, hide_index=True, width="stretch")
st.subheader("Belangrijke kanttekeningen")
cat = catalog()
notes = [
    "- **DUO** telt per vestiging van de hogeschool (gemeente van de locatie), niet naar "
    "woonplaats van de student. Cellen met 1 tot 4 personen zijn afgeschermd (`<5`); totalen "
    "met zulke cellen zijn een ondergrens ('minimaal'), een totaal van alleen zulke cellen "
    "heet '<5' en is nooit 0."
]
for m in cat.measures.values():
    if m.breaks:
        notes.append(f"- **{ui.plain(m.label)}**: {ui.plain(m.definition_text())}.")
last = cat.latest_statline_quarter
if last is not None:
    text = (
        "- **Vacatures (CBS 83599NED)** lopen tot en met het "
        f"{fmt.quarter(last.year, last.quarter)}"
    )
    if cat.first_provisional_year:
        text += f"; cijfers vanaf {cat.first_provisional_year} waren voorlopig"
    newest = cat.latest_quarter
    if newest is not None and newest.from_publication:
        text += (
            ". Latere kwartalen (niet seizoengecorrigeerd) komen uit CBS-publicaties, tot en met "
            f"het {fmt.quarter(newest.year, newest.quarter)}; landelijke seizoengecorrigeerde "
            "cijfers uit de CBS-kwartaalberichten zijn een aparte reeks"
        )
    notes.append(text + ". Sector Q omvat gezondheidszorg én welzijn.")
notes.append(
    "- **Raadpleging en rapporten**: cijfers zijn regel voor regel uit de rapporttekst "
    "overgenomen; wat alleen in grafieken van de pdf stond, staat hier niet."
)
st.markdown("\n".join(notes))
