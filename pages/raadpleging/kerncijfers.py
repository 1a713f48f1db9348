"""Tab 'Kerncijfers': per chapter up to six percentages of the current round, each with a
ready-to-copy sentence that names the round, the report and n."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import queries_raadpleging, ui
from dashboard import survey_labels as sl
from dashboard.charts_raadpleging import Rounds

TAB = "Kerncijfers"
PER_ROW = 3


def _card(col: object, r: object, cited: str) -> None:
    col.caption(ui.plain(r.question))
    n_note = " (n van de vraag als geheel)" if r.is_n_from_question else ""
    where = f"{r.ref}, regel {r.line}; jaar {r.survey_year}; n = {sl.n_label(r.n)}{n_note}"
    ui.kpi(
        col,
        ui.plain(r.answer),
        sl.value_label(r.value, r.value_upper, "percent", r.is_hedged),
        help_text=ui.plain(where),
        sentence=sl.key_sentence(r, cited),
    )


def render(chapters: pd.DataFrame, rounds: Rounds) -> None:
    kf = queries_raadpleging.survey__key_figures()
    if kf.empty:
        st.info("Er zijn geen kerncijfers gevonden; controleer de gegevens onder 'Over de data'.")
        return
    st.caption(
        f"Per hoofdstuk maximaal zes percentages uit {rounds.current} die de tekst zelf noemt "
        "(de Concluderend-alinea's eerst), één per vraag. Onder 'Kopieer cijfer met bron' staat "
        "bij elk cijfer een zin om over te nemen. " + sl.HEDGE_NOTE
    )
    cited = sl.citation(ui.manifest_entry(sl.SNAPSHOT))
    titles = {int(r.chapter): sl.chapter_label(r) for r in chapters.itertuples()}
    for chapter, rows in kf.groupby("chapter", sort=True):
        st.subheader(ui.plain(titles.get(int(chapter), str(chapter))))
        records = list(rows.itertuples())
        for start in range(0, len(records), PER_ROW):
            cols = st.columns(PER_ROW)
            for col, r in zip(cols, records[start : start + PER_ROW], strict=False):
                _card(col, r, cited)
    prov = ui.provenance(sl.SNAPSHOT, "Kerncijfers per hoofdstuk")
    ui.source_caption(prov, sl.DEFINITIONS["percent"])
