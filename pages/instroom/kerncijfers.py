"""The three KPI cards above the tabs: the chosen year, its change and its share of Nederland."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import fmt, queries, ui
from dashboard.queries_catalog import catalog
from pages.instroom import keuzes

# the KPI sentence per measure: "In <jaar> <verb> <aantal> <what> hbo <selectie>"
SENTENCE = {
    "enrolled": ("stonden", "studenten ingeschreven bij"),
    "first_years": ("begonnen", "eerstejaars aan"),
    "graduates": ("studeerden", "studenten af bij"),
}


def _missing_year_note(sel: queries.StudentSelection, year: int) -> str:
    text = f"Geen gegevens voor {year} in deze selectie"
    if keuzes.filtered_years_missing(sel, year):
        text += ": " + keuzes.cross_tab_note(catalog().measure(sel.measure))
    return text + ". De kerncijfers tonen het laatste jaar met gegevens."


def render(sel: queries.StudentSelection, label: str, year: int) -> pd.DataFrame:
    """Draw the KPI cards; returns the yearly series (the Trend tab draws the same rows)."""
    df = queries.students__yearly(sel)
    known = df[df["student_count"].notna() | df["is_suppressed_only"]]
    cols = st.columns(3)
    if known.empty:
        cols[0].info(keuzes.empty_reason(sel))
        return df
    chosen = known[known["year"] == year]
    if chosen.empty:
        st.info(_missing_year_note(sel, year))
    last = (chosen if not chosen.empty else known).iloc[-1]
    _cards(cols, sel, label, last)
    return df


def _cards(cols, sel: queries.StudentSelection, label: str, last: pd.Series) -> None:
    m = catalog().measure(sel.measure)
    year = int(last["year"])
    cells = int(last["suppressed_cells"])
    value = fmt.student_count(last["student_count"], cells)
    verb, what = SENTENCE[sel.measure]
    peildatum = m.peildatum.replace("van het studiejaar", str(year))
    sentence = f"In {year} {verb} {value} {what} hbo {label} (DUO, peildatum {peildatum})."
    minimal = " (minimaal)" if cells and not last["is_suppressed_only"] else ""
    ui.kpi(
        cols[0],
        f"{m.label} {year}{minimal}",
        value if last["is_suppressed_only"] else fmt.number(last["student_count"]),
        help_text=m.definition_text(),
        sentence=sentence,
    )
    ui.kpi(
        cols[1],
        "Verandering t.o.v. vorig jaar",
        fmt.signed(last["change_count"]),
        delta=None if pd.isna(last["change_pct"]) else fmt.pct(last["change_pct"], signed=True),
        help_text="Binnen dezelfde definitie en alleen tegen het jaar ervoor; over een "
        "definitiebreuk of een ontbrekend jaar wordt niet vergeleken.",
    )
    share = "100%" if sel.region_code is None else fmt.pct(last["share_of_nl_pct"])
    ui.kpi(
        cols[2],
        "Aandeel van Nederland",
        share,
        help_text="Aandeel van dezelfde selectie in heel Nederland (locatie hogeschool).",
    )
    if last["is_suppressed_only"]:
        st.caption(
            f"Alleen afgeschermde cellen: {cells} cel(len) met elk 1-4 "
            "personen (<5). DUO publiceert het precieze aantal niet; het is dus niet 0."
        )
    elif cells:
        st.caption(
            f"{cells} cel(len) met 1-4 personen zijn door DUO "
            "afgeschermd (<5); het totaal is daarom een ondergrens (minimaal)."
        )
