"""Start page, Beroep: the chosen Raadpleging figures of the current survey round.

Which figures headline here is data (data/reference/start_headlines.csv, snapshot
start_headlines), never a report line in code; the round is the catalog's current one.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import fmt, params, queries_overzicht, queries_raadpleging, survey_labels, ui
from dashboard.filters import Filters
from dashboard.navigation import page_path
from dashboard.queries_catalog import catalog


def intro(survey_year: int) -> str:
    return (
        f"Wat zeggen sociaal werkers zelf? In {survey_year} vulden sociaal werkers uit heel "
        "Nederland een vragenlijst van Movisie in. Het is geen steekproef: de antwoorden geven "
        "een beeld, geen exacte meting. Het aantal dat een vraag beantwoordde (n) staat bij elk "
        "cijfer."
    )


def chapter_link_label(chapter: pd.Series) -> str:
    """The Raadpleging page's chapter option as its URL carries it ('9. … (n = 588)')."""
    n = "niet vermeld" if pd.isna(chapter["max_n"]) else fmt.number(chapter["max_n"])
    return f"{chapter['chapter']}. {chapter['chapter_title']} (n = {n})"


def link_params(row: pd.Series, chapters: pd.DataFrame) -> dict[str, str]:
    """Query parameters that open the Raadpleging page on this figure's chapter and question,
    with the figure's unit (``cijfer``) so that the page shows this figure first."""
    match = chapters[chapters["chapter"] == row["chapter"]]
    if match.empty:
        return {}
    return {
        params.Raadpleging.CHAPTER: chapter_link_label(match.iloc[0]),
        params.Raadpleging.QUESTION: str(row["question"]),
        params.Raadpleging.FIGURE: survey_labels.UNIT_TITLES.get(row["unit"], str(row["unit"])),
    }


def survey_card(col, row: pd.Series, chapters: pd.DataFrame) -> None:
    hedge = f"{row['hedge']} " if row["is_hedged"] and row["hedge"] else ""
    value = f"{hedge}{fmt.pct(row['value'], 0)}"
    n = fmt.number(row["n"])
    source = ui.manifest_entry("raadpleging")
    col.metric(row["label"], value, border=True, help=f"{row['question']} (n = {n}).")
    col.caption(
        ui.plain(
            f"{value} {row['explanation']}. {source.get('publisher', 'Movisie')}, "
            f"{source.get('title', 'Grote Raadpleging')}; veldwerk {int(row['survey_year'])}, "
            f"hoofdstuk {int(row['chapter'])}, n = {n}."
        )
    )
    col.page_link(
        page_path("raadpleging"),
        label="Meer uit de raadpleging",
        icon=":material/arrow_forward:",
        query_params=link_params(row, chapters),
    )


def render(_: Filters) -> None:
    round_year = catalog().current_round
    st.subheader("Beroep: wat sociaal werkers zelf zeggen")
    if ui.unavailable("raadpleging", "start_headlines"):
        return
    if round_year is None:
        st.info("Geen cijfers uit de raadpleging beschikbaar.")
        return
    st.caption(intro(round_year))
    df = queries_overzicht.overview__survey_headlines(round_year)
    if df.empty:
        st.info("Voor deze ronde van de raadpleging zijn geen kerncijfers gekozen.")
        return
    chapters = queries_raadpleging.survey__chapters()
    for col, (_, row) in zip(st.columns(len(df)), df.iterrows(), strict=True):
        survey_card(col, row, chapters)
