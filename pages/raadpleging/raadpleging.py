"""Raadpleging: what social workers say in Movisie's Grote Raadpleging van het Sociaal Werk.

Page entry: title, intro (rounds and response from the data), the tab registry. One module per
tab; the survey rounds come from the catalog, never from the code.
"""

import pandas as pd
import streamlit as st

from dashboard import fmt, queries_raadpleging, ui
from dashboard import survey_labels as sl
from dashboard.charts_raadpleging import Rounds
from dashboard.components import tabs
from dashboard.queries_catalog import catalog
from pages.raadpleging import hoofdstukken, kerncijfers, vergelijking, zoeken


def _response_line(rounds: Rounds) -> None:
    resp = queries_raadpleging.survey__response().set_index("survey_year")
    current = int(rounds.current)
    if current not in resp.index:
        return
    r = resp.loc[current]
    line = (
        f"Respons {rounds.current}: {fmt.number(r['respondent_count'])} sociaal werkers "
        f"({fmt.number(r['complete_count'])} volledig en {fmt.number(r['partial_count'])} "
        "gedeeltelijk ingevuld)"
    )
    if rounds.previous and int(rounds.previous) in resp.index:
        line += (
            f"; {rounds.previous}: {fmt.number(resp.loc[int(rounds.previous), 'respondent_count'])}"
        )
    st.caption(line + ". Elke vraag heeft een eigen n; die daalt per hoofdstuk.")


def _coverage(chapters: pd.DataFrame, rounds: Rounds) -> None:
    st.info(
        f"Deze pagina toont {fmt.number(chapters['figure_count'].sum())} cijfers uit "
        f"{fmt.number(len(chapters))} delen van het rapport (inleiding en hoofdstukken), elk met "
        "het regelnummer in de tekstversie van het rapport. Cijfers die alleen in de grafieken van "
        "de pdf stonden, staan niet in de tekst en worden daarom niet getoond: van veel figuren "
        "zie je hier alleen de cijfers die de tekst noemt. Voor elke regel met een getal is "
        "bijgehouden of het cijfer is overgenomen, en zo niet, waarom niet. Die lijst hoort bij "
        "de broncode van dit dashboard.",
        icon="ℹ️",
    )
    columns = {
        "hoofdstuk": "hoofdstuk",
        "figure_count": "cijfers",
        "question_count": "vragen",
        "ref_count": "tabellen/figuren met cijfers in de tekst",
    }
    if rounds.previous:
        columns["previous_round_count"] = f"cijfers uit {rounds.previous}"
    with st.expander("Aantal overgenomen cijfers per hoofdstuk"):
        table = chapters.assign(hoofdstuk=[sl.chapter_label(r) for r in chapters.itertuples()])
        st.dataframe(table[list(columns)].rename(columns=columns), hide_index=True, width="stretch")


def _tabs(rounds: Rounds) -> dict:
    """Tab label -> render(chapters, rounds); the comparison only when there are two rounds."""
    tabs = {hoofdstukken.TAB: hoofdstukken.render, kerncijfers.TAB: kerncijfers.render}
    if rounds.previous:
        tabs[vergelijking.tab_label(rounds)] = vergelijking.render
    tabs[zoeken.TAB] = zoeken.render
    return tabs


cat = catalog()
st.title("Grote Raadpleging van het Sociaal Werk")
asked = "vroeg het hun"
if cat.current_round is not None:
    asked = f"vroeg het in {cat.current_round}"
    if cat.previous_round is not None:
        asked += f" en eerder in {cat.previous_round}"
compare = "; zoek op een onderwerp of vergelijk de twee rondes" if cat.previous_round else ""
st.write(
    f"Wat zeggen sociaal werkers zelf over hun beroep, werkdruk, zeggenschap en toekomst? Movisie "
    f"{asked}. Hier staan de cijfers uit het rapport, per hoofdstuk en per vraag, met de "
    f"vindplaats in het rapport{compare or '; zoek op een onderwerp'}."
)
if not ui.unavailable(sl.SNAPSHOT):
    chapters = queries_raadpleging.survey__chapters()
    if chapters.empty or cat.current_round is None:
        st.info("De raadplegingsgegevens zijn leeg; herbouw de gegevens (zie 'Over de data').")
    else:
        rounds = Rounds(str(cat.current_round), str(cat.previous_round or ""))
        _response_line(rounds)
        _coverage(chapters, rounds)
        tabs.render(_tabs(rounds), chapters, rounds)
