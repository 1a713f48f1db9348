"""Over de data: every snapshot with source, licence, years, rows and build date."""

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard import fmt, ui
from dashboard import queries as q
from dashboard.queries_catalog import catalog


def _span(periods: list) -> str:
    return "–" if not periods else f"{periods[0]} t/m {periods[-1]} ({len(periods)})"


@st.cache_resource(max_entries=3, show_spinner=False)
def _tables(snapshot: str) -> tuple[pa.Table, pa.Table | None]:
    """Both tables of this page, built once per snapshot (Arrow: sent without conversion).

    Rebuilding and converting two DataFrames was most of this page's work on every rerun.
    """
    snapshots = q.database().manifest.get("snapshots", {})
    rows = [
        {
            "Snapshot": name,
            "Titel": e.get("title"),
            "Uitgever": e.get("publisher"),
            "Licentie": e.get("licence"),
            "Jaren": "–" if not e.get("years") else f"{e['years'][0]}–{e['years'][1]}",
            "Rijen": e.get("rows"),
            "Peildatum": e.get("peildatum", "–"),
            "Gebouwd": e.get("built_at"),
            "Bronbestanden": ", ".join(r["path"] for r in e.get("raw_files", [])),
        }
        for name, e in snapshots.items()
    ]
    vintage_rows = [
        {
            "Snapshot": name,
            "Bestand": v.get("slot"),
            "Versie": v.get("vintage"),
            "Toegevoegd": v.get("added") or "oorspronkelijk bestand",
            "sha256": str(v.get("sha256", ""))[:12],
            "Levert perioden": _span(v.get("periods", [])),
        }
        for name, e in snapshots.items()
        for v in e.get("vintages", [])
    ]
    table = pa.Table.from_pandas(pd.DataFrame(rows), preserve_index=False)
    if not vintage_rows:
        return table, None
    return table, pa.Table.from_pandas(pd.DataFrame(vintage_rows), preserve_index=False)


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
snapshots_table, vintages_table = _tables(db.snapshot_id)
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
