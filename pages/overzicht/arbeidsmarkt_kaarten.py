"""Start page, Arbeidsmarkt: the newest vacancy quarter on each basis, and the AZW shortage.

Two bases, never one figure: the seasonally adjusted national headline (CBS quarterly release)
and the not seasonally adjusted series (CBS 83599NED, later quarters from CBS publications, the
basis of the provincial figures). A change is shown only against the same quarter a year
earlier on the same basis, and never coloured as good or bad.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import fmt, params, queries_arbeidsmarkt, queries_overzicht, ui
from dashboard.filters import Filters
from dashboard.navigation import page_path

SECTOR_Q = "422400"  # SBI Q, gezondheids- en welzijnszorg
INTRO = (
    "Hoeveel vacatures zijn er in zorg en welzijn, en welke tekorten verwacht men? De vacatures "
    "komen van het CBS, op twee manieren geteld: seizoengecorrigeerd (landelijk, het cijfer uit "
    "het CBS-kwartaalbericht) en niet seizoengecorrigeerd (ook per provincie). Bij elk cijfer "
    "staat het kwartaal. Zorg en welzijn is breder dan sociaal werk alleen."
)
BASIS = {
    "sa": "seizoengecorrigeerd, landelijk (CBS-kwartaalbericht)",
    "nsa": "niet seizoengecorrigeerd, zelfde telling als de provinciecijfers (CBS)",
}
HEADING = {
    "sa": "Zorg en welzijn · seizoengecorrigeerd",
    "nsa": "Zorg en welzijn · niet seizoengecorrigeerd",
}
HELP = (
    "Openstaande vacatures in SBI Q (gezondheids- en welzijnszorg) op de laatste dag van het "
    "kwartaal, heel Nederland. Bovengrens voor sociaal werk. Minder vacatures kan ook minder "
    "vraag betekenen."
)


def year_before(df: pd.DataFrame, last: pd.Series) -> pd.Series | None:
    """The same quarter one year earlier on the same basis, if the data has it."""
    prev = df[(df["year"] == last["year"] - 1) & (df["quarter"] == last["quarter"])]
    return None if prev.empty else prev.iloc[0]


def change_text(last: pd.Series, prev: pd.Series | None) -> str | None:
    if prev is None:
        return None
    text = (
        f"{fmt.signed(last['vacancy_count'] - prev['vacancy_count'])} t.o.v. "
        f"{fmt.quarter(int(prev['year']), int(prev['quarter']))}"
    )
    if max(int(last["rounded_to"]), int(prev["rounded_to"])) >= 1000:
        text += " (circa)"
    return text.replace("\u2212", "-")  # Streamlit reads the direction from an ASCII '-'


def marks(row: pd.Series) -> list[str]:
    """How the figure was obtained, in words (from the transcription flags)."""
    out = []
    if row.get("source_kind") == "publicatie" or row.get("basis") == "sa":
        out.append("uit CBS-publicatie")
    if bool(row.get("is_implied")):
        out.append("afgeleid: niveau plus of min de genoemde verandering")
    if bool(row.get("is_inferred")):
        out.append("kwartaal afgeleid uit een bericht zonder datum")
    if bool(row.get("is_approximate")):
        out.append("circa ('zo'n')")
    if bool(row.get("is_provisional")):
        out.append("voorlopig cijfer")
    return out


def source_popover(col, row: pd.Series) -> None:
    """The source sentence one click away: publisher, date, URL (plain text) and the quote."""
    if pd.isna(row.get("url")):
        col.caption("Bron: CBS StatLine 83599NED.")
        return
    with col.popover("Bron van dit cijfer", icon=":material/format_quote:"):
        published = row.get("published")
        when = (
            "niet vermeld"
            if pd.isna(published)
            else fmt.date_long(published.day, published.month, published.year)
        )
        st.caption(ui.plain(f"Uitgever: {row['publisher']} · datum: {when}"))
        st.code(str(row["url"]), language=None, wrap_lines=True)
        st.markdown("> " + ui.plain(row["quote"]))


def vacancy_card(col, df: pd.DataFrame, basis: str) -> None:
    if df.empty:
        col.info("Geen vacaturecijfers beschikbaar.")
        return
    last = df.iloc[-1]
    when = fmt.quarter(int(last["year"]), int(last["quarter"]))
    col.markdown(f"**{HEADING[basis]}**")
    col.metric(
        f"Vacatures {when}",
        fmt.number(last["vacancy_count"]),
        delta=change_text(last, year_before(df, last)),
        delta_color="off",  # a change in vacancies is neither good nor bad news by itself
        border=True,
        help=f"{BASIS[basis].capitalize()}. {HELP}",
    )
    notes = [f"{when}: {BASIS[basis]}", *marks(last)]
    if int(last["rounded_to"]) >= 1000:
        notes.append("afgerond op duizendtallen")
    col.caption(ui.plain("; ".join(notes) + "."))
    source_popover(col, last)


def sa_card(col) -> None:
    if ui.unavailable("vacancies_sa"):
        return
    df = queries_arbeidsmarkt.vacancies__seasonally_adjusted((SECTOR_Q,))
    vacancy_card(col, df.dropna(subset=["vacancy_count"]), "sa")


def nsa_card(col) -> None:
    if ui.unavailable("vacancies_nsa"):
        return
    df = queries_arbeidsmarkt.vacancies__nsa_series("NL01", (SECTOR_Q,))
    vacancy_card(col, df.dropna(subset=["vacancy_count"]), "nsa")
    col.page_link(
        page_path("arbeidsmarkt"),
        label="Meer over de arbeidsmarkt",
        icon=":material/arrow_forward:",
    )


def forecast_card(col) -> None:
    if ui.unavailable("azw_prognose"):
        return
    df = queries_overzicht.overview__forecast_headline("welzijn", "sociaal werk")
    if len(df) < 2:
        col.info("Geen prognosecijfers beschikbaar.")
        return
    start, end = df.iloc[0], df.iloc[-1]
    source = ui.manifest_entry("azw_prognose")
    col.markdown("**Welzijn · AZW-prognose**")
    col.metric(
        f"Verwacht tekort sociaal werk {int(end['year'])}",
        fmt.number(end["value"]),
        delta=f"was {fmt.number(start['value'])} in {int(start['year'])}",
        delta_color="off",
        border=True,
        help=f"{source.get('title', 'AZW-prognosemodel')}; {source.get('publisher', '')}.",
    )
    col.caption(
        "Branche welzijn. AZW-prognosemodel, geciteerd in het VH-rapport 'Sociaal in "
        f"beweging', regel {int(end['line'])}."
    )
    col.page_link(
        page_path("arbeidsmarkt"),
        label="Meer over tekorten",
        icon=":material/arrow_forward:",
        query_params={params.Shared.VIEW: "Verwachte tekorten"},
    )


def region_note(f: Filters) -> str | None:
    """Why "mijn regio" does not change these cards: vacancies exist only per provincie."""
    if f.region_code is None:
        return None
    where = f" ({f.provincie_name})" if f.provincie_name else ""
    return ui.plain(
        f"Mijn regio ({f.region_text}) verandert deze kaarten niet: ze gelden voor heel "
        f"Nederland. Het CBS telt vacatures niet per gemeente of arbeidsmarktregio, alleen per "
        f"provincie; de provincie{where} staat op Regio, tab Vacatures (provincie)."
    )


def region_link(col, f: Filters) -> None:
    if f.region_code is None:
        return
    col.page_link(
        page_path("regio"),
        label=f"Vacatures in {f.provincie_name}" if f.provincie_name else "Vacatures per provincie",
        icon=":material/arrow_forward:",
        query_params={params.Shared.VIEW: "Vacatures (provincie)"},
    )


def render(f: Filters) -> None:
    st.subheader("Arbeidsmarkt: vacatures en verwachte tekorten")
    st.caption(INTRO)
    note = region_note(f)
    if note:
        st.caption(note)
    sa, nsa, forecast = st.columns(3)
    sa_card(sa)
    nsa_card(nsa)
    region_link(nsa, f)
    forecast_card(forecast)
