"""Tab 'Per hoofdstuk': pick a chapter and a question; its figures per unit, with report lines.

The survey's answers come first (the unit a link names with ``cijfer`` first, counts of
respondents last), then figures from other studies in a chart of their own. The notes are the
Dutch ``note_nl`` of the data. Data text (questions, answers, notes) goes through Markdown only
escaped with ``ui.plain``.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import fmt, params, queries_raadpleging, ui
from dashboard import survey_labels as sl
from dashboard.charts_raadpleging import Rounds
from pages.raadpleging import vraagfiguren

TAB = "Per hoofdstuk"
DEFAULT_CHAPTER = 1


def _reset_question() -> None:
    st.session_state.pop(params.Raadpleging.QUESTION, None)
    st.query_params.pop(params.Raadpleging.FIGURE, None)


def unit_order(units: list[str], named: str | None) -> list[str]:
    """The units of a question in the order they are drawn: the one a link names (its title,
    URL parameter ``cijfer``) first, counts (how many answered) last, the rest as stated."""
    return sorted(units, key=lambda u: (sl.UNIT_TITLES.get(u, u) != named, u == "count"))


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
    question = st.selectbox(
        f"Vraag ({fmt.number(len(questions))} in dit hoofdstuk, in de volgorde van het rapport)",
        questions["question"].tolist(),
        key=params.Raadpleging.QUESTION,
        bind="query-params",
        on_change=_clear_figure,
    )
    meta = questions.set_index("question").loc[question]
    render_question(int(chapter), labels[chapter], question, meta, rounds)


def _clear_figure() -> None:
    st.query_params.pop(params.Raadpleging.FIGURE, None)


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
    survey = df[df["source_kind"] == "raadpleging"]
    context = df[df["source_kind"] == "context"]
    n_text = f"n = {sl.n_label(meta['max_n'])}" if not survey.empty else "n: niet van toepassing"
    st.caption(
        ui.plain(
            f"Vindplaats: {where} · {n_text} · "
            f"regels {_lines(df['line'])} in de tekstversie van het rapport · "
            f"jaren: {meta['survey_years']}"
        )
    )
    named = st.query_params.get(params.Raadpleging.FIGURE)
    for unit in unit_order(survey["unit"].drop_duplicates().tolist(), named):
        render_unit(survey[survey["unit"] == unit], unit, chapter_text, question, rounds)
    if not context.empty:
        st.caption(ui.plain(sl.CONTEXT_NOTE))
    for unit in context["unit"].drop_duplicates():
        render_unit(context[context["unit"] == unit], unit, chapter_text, question, rounds)
    render_notes(df)


def render_unit(
    part: pd.DataFrame, unit: str, chapter_text: str, question: str, rounds: Rounds
) -> None:
    chart, chart_df, data, kind = vraagfiguren.unit_chart(part, unit, question, rounds)
    refs = ", ".join(part["ref"].drop_duplicates())
    context = bool((part["source_kind"] == "context").all())
    st.caption(ui.plain(f"{sl.UNIT_TITLES.get(unit, unit)} — {kind}"))
    ranked = True
    if part["distribution_complete"].sum() == 0 and vraagfiguren.overlaps(data):
        st.warning(ui.plain(sl.OVERLAP_NOTE), icon="⚠️")
        ranked = False
    if data["is_hedged"].any():
        st.caption(ui.plain(sl.HEDGE_NOTE))
    if data["from_chart_label"].any():
        st.caption(ui.plain(sl.INFERRED_NOTE))
    # not a ChartBlock: the question is a wrapped multi-line chart title
    ui.chart_block(
        chart,
        vraagfiguren.table(part),
        ui.provenance(sl.SNAPSHOT, question, f"{chapter_text} · {refs}"),
        vraagfiguren.summary(chart_df, "" if context else sl.n_label(part["n"].max()), ranked),
        key=f"raadpleging-vraag-{'ander-onderzoek-' if context else ''}{unit}",
        definition=sl.CONTEXT_NOTE if context else sl.DEFINITIONS.get(unit, unit),
    )
    complete = part[part["distribution_complete"]]
    if not complete.empty:
        items = vraagfiguren.also_stated(part, complete)
        if items:
            st.caption(ui.plain("Daarnaast noemt de tekst: " + "; ".join(items) + "."))


def _note_line(r: object, shared: bool) -> str:
    """'- 6 of 7 (45%, <round>): <Dutch note>': the figure the note is about, then the note; a note
    about several answers (``shared``) without one figure in front."""
    if shared:
        return f"- {ui.plain(r.note_nl)}"
    about = "" if r.answer_label == sl.NO_ANSWER else f"{r.answer_label} "
    return f"- {ui.plain(f'{about}({sl.row_label(r)}, {int(r.survey_year)}): {r.note_nl}')}"


def render_notes(df: pd.DataFrame) -> None:
    """The Dutch notes (``note_nl``): the report contradicting itself or a figure that is not
    like for like as one warning, the other explanations as a caption."""
    with_note = df[df["note_nl"] != ""]
    answers = with_note.groupby("note_nl")["answer_label"].nunique()
    notes = with_note.drop_duplicates("note_nl").sort_values("line")
    doubts = notes[notes["note_is_caution"]]
    if not doubts.empty:
        lines = [_note_line(r, answers[r.note_nl] > 1) for r in doubts.itertuples()]
        st.warning(
            "Let op: het rapport spreekt zichzelf hier tegen, of de cijfers zijn niet zonder "
            "meer te vergelijken:\n" + "\n".join(lines),
            icon="⚠️",
        )
    others = notes.drop(doubts.index)
    if not others.empty:
        lines = [_note_line(r, answers[r.note_nl] > 1) for r in others.itertuples()]
        st.caption("Toelichting bij de cijfers:\n" + "\n".join(lines))
