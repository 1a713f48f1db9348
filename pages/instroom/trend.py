"""Tab Trend: the yearly line of the chosen measure, broken where the definition changes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, queries
from dashboard.catalog import Measure
from dashboard.components.blocks import ChartBlock, render_block
from dashboard.queries_catalog import catalog
from pages.instroom import keuzes

COLUMNS = (
    "year",
    "definition",
    "student_count",
    "suppressed_cells",
    "is_suppressed_only",
    "nl_student_count",
    "share_of_nl_pct",
    "change_count",
    "change_pct",
)


def title_of(m: Measure) -> str:
    """'Eerstejaars', 'Ingeschreven studenten' … (the unit label from data/reference/)."""
    return m.unit_label[:1].upper() + m.unit_label[1:]


def _chart(m: Measure):
    def draw(data: pd.DataFrame):
        chart = charts.trend(
            data,
            "student_count",
            "Aantal studenten",
            break_field="definition",
            label_field="aantal_tekst",
        )
        for year in m.breaks:
            if data["year"].min() < year <= data["year"].max():
                chart = charts.layered(None, chart, charts.break_rule(year, m.break_label))
        return chart

    return draw


def _summary(title: str, label: str, m: Measure):
    def summary(data: pd.DataFrame) -> str:
        lo = data.iloc[data["student_count"].argmin()]
        hi = data.iloc[data["student_count"].argmax()]
        text = (
            f"{title} voor {label}: hoogste {hi['aantal_tekst']} in {int(hi['year'])}, "
            f"laagste {lo['aantal_tekst']} in {int(lo['year'])}; laatste jaar "
            f"{int(data['year'].iloc[-1])}: {data['aantal_tekst'].iloc[-1]}."
        )
        if m.breaks:
            text += " De lijn is onderbroken waar de definitie verandert."
        return text

    return summary


def render(df: pd.DataFrame, sel: queries.StudentSelection, label: str) -> None:
    data = df.dropna(subset=["student_count"])
    if data.empty and df["is_suppressed_only"].any():
        st.info(
            "Geen lijn te tekenen: in deze selectie zijn alle aantallen door DUO afgeschermd "
            "(1-4 personen per cel, '<5'). Kies meer opleidingen of een grotere regio."
        )
        return
    m = catalog().measure(sel.measure)
    title = f"{title_of(m)} per jaar"
    data = data.assign(
        aantal_tekst=[
            fmt.counted(v, c)
            for v, c in zip(data["student_count"], data["suppressed_cells"], strict=True)
        ]
    )
    block = ChartBlock(
        key="trend",
        title=title,
        chart=_chart(m),
        summary=_summary(title, label, m),
        snapshot=m.snapshot,
        definition=m.definition_text(),
        subtitle=label,
        peildatum=m.peildatum,
        selection=label,
        columns=COLUMNS,
        empty=keuzes.empty_reason(sel),
    )
    render_block(block, data)
