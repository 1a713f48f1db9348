"""Tab Uitsplitsing: the chosen year split by programme group, programme, mode, gender or school."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, queries, ui
from dashboard.components.blocks import ChartBlock, render_block
from dashboard.components.controls import choice
from dashboard.params import Instroom as P
from dashboard.queries_catalog import catalog
from pages.instroom import keuzes, trend

COLUMNS = ("year", "definition", "category", "student_count", "suppressed_cells")


def _no_years_message(sel: queries.StudentSelection, dimension: str) -> str:
    if dimension in ("study_mode", "gender"):
        m = catalog().measure(sel.measure)
        if m.cross_tabulated != (m.first_year, m.latest_year):
            return f"Deze uitsplitsing is er niet: {keuzes.cross_tab_note(m)}."
    return keuzes.empty_reason(sel)


def _summary(title: str):
    def summary(data: pd.DataFrame) -> str:
        top = data.iloc[0]
        shown = int((~data["is_suppressed_only"]).sum())
        return (
            f"{title}: grootste categorie {top['category']} met {top['label']}; "
            f"{shown} categorieën met een gepubliceerd aantal, {len(data) - shown} alleen <5."
        )

    return summary


def render(sel: queries.StudentSelection, label: str, year: int) -> None:
    dimension = choice("Uitsplitsen naar", charts.CATEGORY_LABELS, key=P.DIMENSION)
    name = charts.CATEGORY_LABELS[dimension]
    df = queries.students__yearly_by_category(sel, dimension)
    years = sorted(int(y) for y in df["year"].unique())
    if not years:
        st.info(_no_years_message(sel, dimension))
        return
    data = df[df["year"] == year]
    if data.empty:
        st.info(
            f"Geen gegevens voor {year} in deze uitsplitsing. Beschikbare jaren: "
            f"{', '.join(str(y) for y in years)}."
        )
        return
    m = catalog().measure(sel.measure)
    title = f"{trend.title_of(m)} naar {name.lower()}, {year}"
    data = data.assign(
        label=[
            fmt.counted(v, s, o)
            for v, s, o in zip(
                data["student_count"],
                data["suppressed_cells"],
                data["is_suppressed_only"],
                strict=True,
            )
        ]
    )
    only = data[data["is_suppressed_only"]]
    block = ChartBlock(
        key="breakdown",
        title=title,
        chart=lambda d: charts.bars(
            d[~d["is_suppressed_only"]],
            "category",
            "student_count",
            "Aantal studenten",
            name,
            label_field="label",
        ),
        summary=_summary(title),
        snapshot=m.snapshot,
        definition=m.definition_text(),
        subtitle=label,
        peildatum=m.peildatum,
        selection=label,
        columns=(*COLUMNS, "is_suppressed_only"),
        column_labels={"category": name.lower()},
    )
    if len(only) == len(data):
        st.info("In deze uitsplitsing bestaan alle categorieën alleen uit afgeschermde cellen: <5.")
        return
    render_block(block, data)
    if len(only):
        names = [f"{c} ({t})" for c, t in zip(only["category"], only["label"], strict=True)]
        st.caption(
            "Alleen afgeschermde cellen (<5, niet 0, daarom niet in de grafiek): "
            + ui.plain(", ".join(names))
            + "."
        )
