"""Tab 'Zoeken': every figure whose question, answer, caption or chapter title holds the term;
a button per found question opens it in 'Per hoofdstuk'. The term reaches DuckDB only bound."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import fmt, params, queries_raadpleging, ui
from dashboard import survey_labels as sl
from dashboard.charts_raadpleging import Rounds
from pages.raadpleging import hoofdstukken

TAB = "Zoeken"
MAX_OPEN_BUTTONS = 15


def open_question(chapter: int, question: str) -> None:
    """Button callback: show this question in the chapter view (bound widgets via session state)."""
    st.session_state[params.Raadpleging.CHAPTER] = int(chapter)
    st.session_state[params.Raadpleging.QUESTION] = question
    st.session_state[params.Shared.VIEW] = hoofdstukken.TAB


def results_table(res: pd.DataFrame, chapters: pd.DataFrame) -> pd.DataFrame:
    titles = {int(r.chapter): f"{r.chapter}. {r.chapter_title}" for r in chapters.itertuples()}
    return pd.DataFrame(
        {
            "hoofdstuk": res["chapter"].map(titles),
            "vraag": res["question"],
            "antwoord": res["answer"],
            "waarde": [sl.row_label(r) for r in res.itertuples()],
            "jaar": res["survey_year"],
            "herkomst": sl.origins(res),
            "n": res["n"],
            "verwijzing": res["ref"],
            "regel": res["line"],
        }
    )


def _open_buttons(found: pd.DataFrame) -> None:
    st.markdown("**Open een gevonden vraag in 'Per hoofdstuk'**")
    for i, r in enumerate(found.head(MAX_OPEN_BUTTONS).itertuples()):
        st.button(
            ui.plain(f"{r.chapter}. {r.question}"),
            key=f"zoek-open-{i}",
            on_click=open_question,
            args=(int(r.chapter), r.question),
            icon=":material/open_in_new:",
        )
    if len(found) > MAX_OPEN_BUTTONS:
        st.caption(
            f"En nog {fmt.number(len(found) - MAX_OPEN_BUTTONS)} vragen; maak de zoekterm "
            "preciezer om ze hier te openen."
        )


def render(chapters: pd.DataFrame, rounds: Rounds) -> None:
    term = st.text_input(
        "Zoek in vragen, antwoorden, bijschriften en hoofdstuktitels",
        key=params.Raadpleging.SEARCH,
        bind="query-params",
        placeholder="bijvoorbeeld: administratie, werkdruk, beroepsregister",
        help="Hoofdletters en accenten maken niet uit (beinvloeding vindt ook beïnvloeding).",
    )
    term = (term or "").strip()
    if not term:
        st.info("Typ een zoekterm en druk op Enter om alle cijfers te vinden waarin die voorkomt.")
        return
    res = queries_raadpleging.survey__search(term)
    if res.empty:
        st.info(
            "Geen cijfers gevonden voor deze zoekterm. Probeer een korter of ander woord "
            "(bijvoorbeeld een deel van een woord), of kies een hoofdstuk in 'Per hoofdstuk'."
        )
        return
    found = res[["chapter", "question"]].drop_duplicates()
    st.caption(
        f"{fmt.number(len(res))} cijfers gevonden bij {fmt.number(len(found))} vragen in "
        f"{fmt.number(res['chapter'].nunique())} hoofdstukken."
    )
    st.dataframe(results_table(res, chapters), hide_index=True, width="stretch")
    _open_buttons(found)
