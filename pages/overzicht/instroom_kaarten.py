"""Start page, Opleiding: the latest year of each DUO measure for the shared filters."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import fmt, params, queries, queries_overzicht, ui
from dashboard.filters import Filters
from dashboard.navigation import page_path
from dashboard.queries_catalog import catalog

MEASURES = ("enrolled", "first_years", "graduates")
INTRO = (
    "Hoeveel mensen kiezen een van de gekozen hbo-opleidingen, en hoeveel studeren er af? De "
    "cijfers komen van DUO. We tellen studenten bij de plaats van de hogeschool, niet bij hun "
    "woonplaats."
)
PROGRAMME_COLUMNS = {
    "programme_group": "opleidingsgroep",
    "programme_code": "CROHO-code",
    "programme_name": "opleiding",
    "last_enrolled": "laatste jaar ingeschreven",
    "last_first_years": "laatste jaar eerstejaars",
    "last_graduates": "laatste diplomajaar",
}


def _students(f: Filters, measure: str) -> pd.DataFrame:
    sel = queries.StudentSelection(
        measure=measure, programmes=f.programmes, region_code=f.region_code
    )
    return queries.students__yearly(sel)


def empty_text(f: Filters, raw: pd.DataFrame) -> str:
    """Why a card has no figure: only suppressed cells (<5, never 0), no hogeschool, or none."""
    if raw["is_suppressed_only"].fillna(False).astype(bool).any():
        return ui.plain(
            f"In {f.region_text} alleen afgeschermde aantallen (<5): DUO publiceert het precieze "
            "aantal niet; het is dus niet 0."
        )
    if f.region_code:
        return ui.plain(
            f"Geen studenten in {f.region_text}: daar staat geen hogeschoolvestiging met de "
            "gekozen opleidingen. Kies links een arbeidsmarktregio of provincie."
        )
    return "Geen studenten voor deze selectie."


def region_heading(f: Filters) -> str:
    """The card heading that names "mijn regio" and its level (DUO counts per hogeschool
    location, so a gemeente, arbeidsmarktregio or provincie is the level it says)."""
    return ui.plain(f.region_title)


def region_note(f: Filters) -> str:
    """One sentence under the section title: which region the cards count, and how."""
    if f.region_code is None:
        return (
            "Deze cijfers gelden voor heel Nederland. Kies links bij 'Mijn regio' uw gemeente, "
            "arbeidsmarktregio of provincie om alleen die te tellen."
        )
    return ui.plain(
        f"Mijn regio: {f.region_text}. De drie kaarten tellen alleen studenten aan "
        f"hogeschoolvestigingen in {f.region_text} (DUO telt per vestiging, niet per "
        "woonplaats). Wijzig dit links bij 'Mijn regio'."
    )


def students_card(col, f: Filters, measure: str) -> None:
    """KPI for the latest year of one DUO measure (label, year and peildatum from the catalog)."""
    col.markdown(f"**{region_heading(f)}**")
    raw = _students(f, measure)
    df = raw.dropna(subset=["student_count"])
    if df.empty:
        col.info(empty_text(f, raw))
        return
    m = catalog().measure(measure)
    last = df.iloc[-1]
    year = int(last["year"])
    label = f"{m.unit_label.capitalize()} {year}"
    label += " (minimaal)" if int(last["suppressed_cells"]) else ""
    delta = ui.change_text(last["change_count"], last["change_pct"])
    col.metric(
        label,
        fmt.number(last["student_count"]),
        delta=None if delta is None else delta.replace("\u2212", "-"),
        border=True,
        chart_data=df[df["definition"] == last["definition"]]["student_count"].tolist(),
        help=f"{f.region_title} (plaats van de hogeschool); opleidingsgroepen: "
        f"{', '.join(f.groups)}. Bron: DUO.",
    )
    col.caption(f"DUO, {year}; peildatum: {m.peildatum}.")
    col.page_link(
        page_path("instroom"),
        label="Meer over instroom",
        icon=":material/arrow_forward:",
        query_params={params.Instroom.MEASURE: m.label},
    )


def counted_programmes(f: Filters) -> None:
    """Which programmes the student headlines count: groups, number of CROHO codes, the list."""
    df = queries_overzicht.overview__programmes_counted(f.programmes)
    groups = list(dict.fromkeys(df["programme_group"]))
    if not groups:
        st.caption("Geen opleidingsgroep gekozen: kies links een of meer groepen.")
        return
    st.caption(
        f"Deze cijfers tellen {len(df)} opleidingen in {len(groups)} opleidingsgroepen: "
        f"{fmt.and_list(groups)}. Kies links andere groepen."
    )
    with st.expander("Welke opleidingen tellen mee?", icon=":material/list:"):
        st.dataframe(df.rename(columns=PROGRAMME_COLUMNS), hide_index=True, width="stretch")
        st.caption(
            "Een leeg jaar: deze opleiding komt in dat DUO-bestand niet voor (bijvoorbeeld "
            "alleen in oudere bestanden)."
        )


def render(f: Filters) -> None:
    st.subheader("Opleiding: instroom in de gekozen hbo-opleidingen")
    st.caption(INTRO)
    if ui.unavailable("students", "population"):
        return
    st.caption(region_note(f))
    counted_programmes(f)
    for col, measure in zip(st.columns(len(MEASURES)), MEASURES, strict=True):
        students_card(col, f, measure)
