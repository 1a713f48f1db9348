"""Part of the Vacatures tab: the national SEASONALLY ADJUSTED series (CBS quarterly releases),
its own chart (never one line with 83599NED), and why the two bases differ for a quarter."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, ui
from dashboard import charts_arbeidsmarkt as arbeid_charts
from dashboard import queries_arbeidsmarkt as arbeid_queries

SNAPSHOT = "vacancies_transcribed"
TITLE = "Openstaande vacatures, seizoengecorrigeerd (CBS-kwartaalbericht), Nederland"
TOOLTIP = (
    ("eerste_publicatie", "Eerste publicatie"),
    ("bron", "Bron"),
    ("gepubliceerd", "Gepubliceerd"),
    ("url", "URL"),
)
EXPLAIN = (
    "Het seizoengecorrigeerde cijfer haalt het vaste patroon per kwartaal eruit (bijvoorbeeld "
    "veel vacatures in het voorjaar); het niet-gecorrigeerde cijfer is het werkelijke aantal op "
    "de laatste dag van het kwartaal, daarom verschillen ze."
)


def quarter_labels(df: pd.DataFrame) -> list[str]:
    pairs = zip(df["year"], df["quarter"], strict=True)
    return [fmt.quarter(int(y), int(q)) for y, q in pairs]


def status_of(r: pd.Series) -> str:
    if bool(r["is_inferred"]):
        return "periode afgeleid (artikel zonder datum)"
    if bool(r["is_implied"]):
        return "afgeleid (niveau ± genoemde verandering)"
    if bool(r["is_revised"]):
        return "herzien cijfer"
    return "gepubliceerd cijfer"


def chart_data(df: pd.DataFrame) -> pd.DataFrame:
    labels = arbeid_queries.sector_labels()
    return df.assign(
        sector=[labels.get(c, c) for c in df["sbi_code"]],
        status=[status_of(r) for _, r in df.iterrows()],
        period_label=quarter_labels(df),
        eerste_publicatie=[fmt.number(v) for v in df["first_release_count"]],
        bron=df["publisher"],
        gepubliceerd=[
            "onbekend" if pd.isna(d) else pd.Timestamp(d).strftime("%d-%m-%Y")
            for d in df["published"]
        ],
    )


def render() -> None:
    if ui.unavailable(SNAPSHOT):
        return
    codes = (arbeid_charts.SBI_Q, arbeid_charts.SBI_ALL)
    df = arbeid_queries.vacancies__seasonally_adjusted(codes)
    if df.empty:
        return
    st.subheader("Landelijk, seizoengecorrigeerd: een aparte reeks")
    data = chart_data(df)
    chart = arbeid_charts.vacancy_lines(
        data,
        "quarter_start",
        "Kwartaal",
        "vacancy_count",
        "Vacatures (seizoengecorrigeerd)",
        tooltip=TOOLTIP,
    )
    sub = [
        "Kopcijfers uit de CBS-kwartaalberichten (80474ned), vaak afgerond op duizendtallen.",
        "Niet te vergelijken met de lijn hierboven (niet seizoengecorrigeerd).",
    ]
    q_last = data[data["sbi_code"] == arbeid_charts.SBI_Q].iloc[-1]
    summary = (
        f"{TITLE}: laatste cijfer zorg en welzijn (Q) {fmt.number(q_last['vacancy_count'])} in "
        f"{q_last['period_label']}. Herziene cijfers tonen de eerste publicatie in de tooltip."
    )
    columns = ["period_label", "sector", "vacancy_count", "first_release_count", "status"]
    table = data[[*columns, "bron", "gepubliceerd", "url", "quote"]].rename(
        columns={"first_release_count": "eerste_publicatie", "quote": "citaat"}
    )
    prov = ui.provenance(SNAPSHOT, TITLE, "Nederland", None)
    ui.chart_block(
        charts.finish(chart, TITLE, sub),
        table,
        prov,
        summary,
        key="vacatures-seizoen",
        definition="openstaande vacatures einde kwartaal, seizoengecorrigeerd (CBS 80474ned), "
        "laatste herziening; eerste publicatie ernaast",
    )
    render_bases()


def render_bases() -> None:
    both = arbeid_queries.vacancies__bases_compared((arbeid_charts.SBI_Q, arbeid_charts.SBI_ALL))
    if both.empty:
        return
    st.markdown("**Waarom twee cijfers voor hetzelfde kwartaal?**")
    st.caption(EXPLAIN)
    labels = arbeid_queries.sector_labels()
    table = pd.DataFrame(
        {
            "kwartaal": quarter_labels(both),
            "sector": [labels.get(c, c) for c in both["sbi_code"]],
            "niet seizoengecorrigeerd": [fmt.number(v) for v in both["nsa_count"]],
            "seizoengecorrigeerd": [fmt.number(v) for v in both["sa_count"]],
            "verschil (gecorrigeerd − niet)": [fmt.signed(v) for v in both["sa_minus_nsa"]],
            "bron niet gecorrigeerd": both["nsa_url"],
            "bron gecorrigeerd": both["sa_url"],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
