"""Tab 'Per hoofdstuk': pick a chapter and a question; its figures per unit, with report lines.

Data text (questions, answers, notes) goes through Markdown only escaped with ``ui.plain``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import fmt, params, queries_raadpleging, ui
from dashboard import survey_labels as sl
from dashboard.charts_raadpleging import Rounds
from dashboard.components import controls
from pages.raadpleging import vraagfiguren

TAB = "Per hoofdstuk"
DEFAULT_CHAPTER = 1


def _reset_question() -> None:
    st.session_state.pop(params.Raadpleging.QUESTION, None)


def render(chapters: pd.DataFrame, rounds: Rounds) -> None:
    labels = {int(r.chapter): sl.chapter_label(r) for r in chapters.itertuples()}
    options = list(labels)
    # a plain selectbox (not controls.choice): a new chapter must clear the chosen question
    chapter = st.selectbox(
        "Hoofdstuk",
        options,
        index=options.index(DEFAULT_CHAPTER) if DEFAULT_CHAPTER in options else 0,
        format_func=labels.get,
        key=params.Raadpleging.CHAPTER,
        bind="query-params",
        on_change=_reset_question,
    )
    questions = queries_raadpleging.survey__questions(chapter)
    if questions.empty:
        st.info("In dit hoofdstuk noemt de tekst geen cijfers. Kies een ander hoofdstuk.")
        return
    question = controls.choice(
        f"Vraag ({fmt.number(len(questions))} in dit hoofdstuk, in de volgorde van het rapport)",
        questions["question"].tolist(),
        key=params.Raadpleging.QUESTION,
        kind="select",
    )
    meta = questions.set_index("question").loc[question]
    render_question(int(chapter), labels[chapter], question, meta, rounds)


def _lines(values: pd.Series) -> str:
    return ", ".join(str(int(v)) for v in sorted(set(values.dropna())))


def render_question(
    chapter: int, chapter_text: str, question: str, meta: pd.Series, rounds: Rounds
) -> None:
    df = queries_raadpleging.survey__question_figures(chapter, question)
    if df.empty:
        st.info("Voor deze vraag zijn geen cijfers gevonden. Kies een andere vraag.")
        return
    st.subheader(ui.plain(question))
    titles = [t for t in df["ref_title"].drop_duplicates() if t]
    where = str(meta["refs"]) + (" – " + " / ".join(titles) if titles else "")
    st.caption(
        ui.plain(
            f"Vindplaats: {where} · n = {sl.n_label(meta['max_n'])} · "
            f"regels {_lines(df['line'])} in de tekstversie van het rapport · "
            f"jaren: {meta['survey_years']}"
        )
    )
    for unit in df["unit"].drop_duplicates():
        render_unit(df[df["unit"] == unit], unit, chapter_text, question, rounds)
    render_notes(df)


def render_unit(
    part: pd.DataFrame, unit: str, chapter_text: str, question: str, rounds: Rounds
) -> None:
    chart, chart_df, data, kind = vraagfiguren.unit_chart(part, unit, question, rounds)
    refs = ", ".join(part["ref"].drop_duplicates())
    st.caption(ui.plain(f"{sl.UNIT_TITLES.get(unit, unit)} — {kind}"))
    if data["is_hedged"].any():
        st.caption(ui.plain(sl.HEDGE_NOTE))
    if data["from_chart_label"].any():
        st.caption(ui.plain(sl.INFERRED_NOTE))
    if (data["source_kind"] == "context").any():
        st.caption(ui.plain(sl.CONTEXT_NOTE))
    # not a ChartBlock: the question is a wrapped multi-line chart title
    ui.chart_block(
        chart,
        vraagfiguren.table(part),
        ui.provenance(sl.SNAPSHOT, question, f"{chapter_text} · {refs}"),
        vraagfiguren.summary(chart_df, sl.n_label(part["n"].max())),
        key=f"raadpleging-vraag-{unit}",
        definition=sl.DEFINITIONS.get(unit, unit),
    )
    complete = part[part["distribution_complete"]]
    if not complete.empty:
        items = vraagfiguren.also_stated(part, complete)
        if items:
            st.caption(ui.plain("Daarnaast noemt de tekst: " + "; ".join(items) + "."))


def render_notes(df: pd.DataFrame) -> None:
    """Transcription notes: contradictions/doubts as one warning, the rest as captions."""
    notes = df[df["note"] != ""].drop_duplicates("note").sort_values("line")
    doubts = notes[notes["note"].str.contains(sl.CONTRADICTION)]
    if not doubts.empty:
        lines = "\n".join(f"- regel {r.line}: {ui.plain(r.note)}" for r in doubts.itertuples())
        st.warning(
            "Let op: tegenstrijdigheid of twijfel in het rapport (notities bij de overname, in "
            "het Engels):\n" + lines,
            icon="⚠️",
        )
    others = notes.drop(doubts.index)
    if not others.empty:
        lines = "\n".join(f"- regel {r.line}: {ui.plain(r.note)}" for r in others.itertuples())
        st.caption("Notities bij de overname (in het Engels, per regel):\n" + lines)
