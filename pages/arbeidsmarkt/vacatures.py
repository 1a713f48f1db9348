"""Tab Vacatures: open vacancies per quarter or year for a CBS region and SBI sectors."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, filters, fmt, sources, ui
from dashboard import charts_arbeidsmarkt as arbeid_charts
from dashboard import queries_arbeidsmarkt as arbeid_queries
from dashboard.components import controls
from dashboard.params import Arbeidsmarkt as P
from dashboard.queries_catalog import catalog
from pages.arbeidsmarkt import seizoen

PERIODS = {"kwartaal": "Kwartaal", "jaar": "Jaar"}
SBI_Q, SBI_ALL, NL = arbeid_charts.SBI_Q, arbeid_charts.SBI_ALL, arbeid_charts.NL
UPPER = arbeid_charts.SUB_UPPER_BOUND


def controls_row() -> tuple[str, list[str], str]:
    regions = arbeid_queries.region_labels()
    sectors = arbeid_queries.sector_labels()
    followed = filters.follow_provincie(regions, P.REGION)
    c1, c2, c3 = st.columns([1.2, 2.6, 1])
    region = c1.selectbox(
        "Regio (CBS)",
        list(regions),
        index=list(regions).index(followed) if followed else 0,
        format_func=regions.get,
        key=P.REGION,
        bind="query-params",
        help="Nederland, de vier landsdelen of een provincie: CBS publiceert vacatures niet "
        "per gemeente of arbeidsmarktregio. Begint bij de provincie van 'Mijn regio' "
        "(zijbalk).",
    )
    chosen = c2.multiselect(
        "Sectoren (SBI-indeling)",
        list(sectors),
        default=[SBI_Q],
        format_func=sectors.get,
        key=P.SECTOR,
        bind="query-params",
        help="Vergelijk zorg en welzijn (Q) met andere sectoren of met alle sectoren (A-U).",
        placeholder="Kies een of meer sectoren",
    )
    period = controls.choice("Periode", PERIODS, key=P.PERIOD, container=c3)
    return region or NL, list(chosen), period


def render_vacancy_kpis(quarterly: pd.DataFrame, region_name: str) -> None:
    rows = quarterly[(quarterly["sbi_code"] == SBI_Q)].dropna(subset=["vacancy_count"])
    cols = st.columns(3)
    if rows.empty:
        cols[0].info("Geen vacaturecijfers voor deze regio.")
        return
    last = rows.iloc[-1]
    year, quarter = int(last["year"]), int(last["quarter"])
    when = fmt.quarter(year, quarter)
    status = "voorlopig cijfer" if bool(last["is_provisional"]) else "definitief cijfer"
    cite = source_of(last)
    count = fmt.number(last["vacancy_count"])
    ui.kpi(
        cols[0],
        f"Vacatures Q · {when}",
        count,
        help_text=f"Openstaande vacatures op de laatste dag van het kwartaal; {status}. " + UPPER,
        sentence=f"Eind {when} stonden in {region_name} {count} vacatures open in de "
        f"gezondheids- en welzijnszorg (SBI Q, {status}) ({cite}).",
    )
    prev = fmt.quarter(year - 1, quarter)
    change = (
        f"{fmt.signed(last['yoy_change_count'])} ({fmt.pct(last['yoy_change_pct'], signed=True)})"
    )
    ui.kpi(
        cols[1],
        f"Verandering t.o.v. {prev}",
        change,
        help_text="Verschil met hetzelfde kwartaal een jaar eerder (geen seizoenscorrectie nodig); "
        "'–' als er voor dat kwartaal geen cijfer is.",
        sentence=f"In {region_name} veranderde het aantal openstaande vacatures in de zorg en "
        f"welzijn (SBI Q) tussen {prev} en {when} met {change} ({cite}).",
    )
    note = arbeid_queries.period_note(str(last["period_code"]))
    share = fmt.pct(last["share_of_all_pct"])
    ui.kpi(
        cols[2],
        f"Aandeel alle vacatures · {when}",
        share,
        help_text="Vacatures in SBI Q als deel van alle vacatures (SBI A-U) in dezelfde regio.",
        sentence=f"Eind {when} was {share} van alle openstaande vacatures in {region_name} "
        f"een vacature in de gezondheids- en welzijnszorg (SBI Q) ({cite}).",
    )
    st.caption(f"{when}: {note}.")


FROM_PUBLICATION = "uit CBS-publicatie (niet uit StatLine)"
IMPLIED = "uit CBS-publicatie, afgeleid (niveau ± verandering)"
SOURCE_TOOLTIP = (("bron", "Bron"), ("gepubliceerd", "Gepubliceerd"), ("url", "URL"))


def status_of(provisional: object, source_kind: object = "statline", implied: object = False):
    if source_kind == "publicatie":
        return IMPLIED if bool(implied) else FROM_PUBLICATION
    return arbeid_charts.PROVISIONAL if provisional else arbeid_charts.DEFINITIVE


def source_of(row: pd.Series) -> str:
    """'CBS, 83599NED' or the publisher of the web page the figure was taken from."""
    if row.get("source_kind") == "publicatie":
        return f"CBS-cijfer via {row['publisher']}"
    return "CBS, 83599NED"


def fmt_date(value: object) -> str:
    if value is None or pd.isna(value):
        return "onbekend"
    return pd.Timestamp(value).strftime("%d-%m-%Y")


def quarterly_chart_data(quarterly: pd.DataFrame, chosen: list[str]) -> pd.DataFrame:
    labels = arbeid_queries.sector_labels()
    data = quarterly[quarterly["sbi_code"].isin(chosen)].dropna(subset=["vacancy_count"])
    return data.assign(
        sector=[labels[c] for c in data["sbi_code"]],
        status=[
            status_of(p, k, i)
            for p, k, i in zip(
                data["is_provisional"], data["source_kind"], data["is_implied"], strict=True
            )
        ],
        bron=[source_of(r) for _, r in data.iterrows()],
        gepubliceerd=[fmt_date(d) for d in data["published"]],
        period_label=[
            fmt.quarter(int(y), int(k)) for y, k in zip(data["year"], data["quarter"], strict=True)
        ],
    )


def yearly_chart_data(yearly: pd.DataFrame, chosen: list[str]) -> pd.DataFrame:
    labels = arbeid_queries.sector_labels()
    data = yearly[yearly["sbi_code"].isin(chosen)].dropna(subset=["mean_vacancy_count"])
    incomplete = [
        f"onvolledig jaar ({int(n)} kwartalen)" if n < 4 else None for n in data["quarters"]
    ]
    status = [
        status_of(p) + (f", {i}" if i else "")
        for p, i in zip(data["has_provisional"], incomplete, strict=True)
    ]
    return data.assign(
        sector=[labels[c] for c in data["sbi_code"]],
        status=status,
        note=incomplete,
        period_label=[str(int(y)) for y in data["year"]],
    )


def trend_summary(data: pd.DataFrame, value: str, what: str, digits: int = 0) -> str:
    """Highest, lowest and latest value of the first sector in the chart (from the data)."""
    first = data[data["sector"] == data["sector"].iloc[0]]
    hi = first.loc[first[value].idxmax()]
    lo = first.loc[first[value].idxmin()]
    last = first.iloc[-1]
    others = data["sector"].nunique() - 1
    text = (
        f"{what} in {first['sector'].iloc[0]}: hoogste {fmt.number(hi[value], digits)} in "
        f"{hi['period_label']}, laagste {fmt.number(lo[value], digits)} in {lo['period_label']}; "
        f"laatste waarde {fmt.number(last[value], digits)} ({last['period_label']})."
    )
    if others:
        text += f" De grafiek toont nog {others} andere sector(en) ter vergelijking."
    return text


def render_vacancy_charts(
    data: pd.DataFrame, period: str, region_name: str, table: pd.DataFrame
) -> None:
    yearly = period == "jaar"
    value = "mean_vacancy_count" if yearly else "vacancy_count"
    x, x_title = ("year", "Jaar") if yearly else ("quarter_start", "Kwartaal")
    y_title = "Vacatures (jaargemiddelde)" if yearly else "Vacatures (einde kwartaal)"
    sectors = ", ".join(dict.fromkeys(data["sector"]))
    when = (
        "Jaarcijfer = jaargemiddelde van de kwartalen."
        if yearly
        else "Openstaand op de laatste dag van het kwartaal."
    )
    sub = [f"{region_name} · {sectors}", f"{UPPER} {when}", arbeid_queries.provisional_note()]
    sub.append(basis_note(data, yearly))
    peildatum = arbeid_queries.peildatum()
    # StatLine 83599NED and, after its last quarter, the transcribed CBS publications: name both
    prov = sources.vacancy_provenance(
        data, "Openstaande vacatures per sector", region_name, peildatum
    )
    title = "Openstaande vacatures per " + ("jaar" if yearly else "kwartaal")
    chart = arbeid_charts.vacancy_lines(
        data, x, x_title, value, y_title, temporal=not yearly, tooltip=SOURCE_TOOLTIP
    )
    ui.chart_block(
        charts.finish(chart, title, sub),
        table,
        prov,
        trend_summary(data, value, "Openstaande vacatures"),
        key="vacatures-trend",
        definition=arbeid_charts.DEF_YEAR if yearly else arbeid_charts.DEF_QUARTER,
    )
    shares = data.dropna(subset=["share_of_all_pct"])
    if shares.empty:
        return
    title = "Aandeel in alle vacatures (SBI A-U), per " + ("jaar" if yearly else "kwartaal")
    chart = arbeid_charts.vacancy_lines(
        shares,
        x,
        x_title,
        "share_of_all_pct",
        "Aandeel (%)",
        temporal=not yearly,
        y_format=",.1f",
    )
    prov = sources.vacancy_provenance(shares, "Aandeel in alle vacatures", region_name, peildatum)
    ui.chart_block(
        charts.finish(chart, title, sub),
        table,
        prov,
        trend_summary(shares, "share_of_all_pct", "Aandeel in alle vacatures (%)", 1),
        key="vacatures-aandeel",
        definition=(arbeid_charts.DEF_YEAR if yearly else arbeid_charts.DEF_QUARTER)
        + "; aandeel = vacatures in de sector / alle vacatures (A-U) in dezelfde regio",
    )


def vacancy_table(data: pd.DataFrame, yearly: bool) -> pd.DataFrame:
    if yearly:
        cols = {
            "year": "jaar",
            "sector": "sector",
            "mean_vacancy_count": "vacatures_jaargemiddelde",
            "quarters": "kwartalen",
            "share_of_all_pct": "aandeel_alle_vacatures_pct",
            "change_pct": "verandering_pct",
            "status": "status",
        }
    else:
        cols = {
            "period_label": "kwartaal",
            "sector": "sector",
            "vacancy_count": "vacatures",
            "yoy_change_count": "verandering_jaar_eerder",
            "yoy_change_pct": "verandering_pct",
            "share_of_all_pct": "aandeel_alle_vacatures_pct",
            "status": "status",
            "bron": "bron",
            "gepubliceerd": "gepubliceerd",
            "url": "url",
            "quote": "citaat",
        }
    return data[[c for c in cols if c in data.columns]].rename(columns=cols)


def basis_note(data: pd.DataFrame, yearly: bool) -> str:
    """Which quarters come from StatLine and which from CBS publications (from the data)."""
    last = catalog().latest_statline_quarter
    until = f" (t/m {fmt.quarter(last.year, last.quarter)})" if last else ""
    if yearly:
        return f"Jaarcijfers alleen uit het StatLine-bestand 83599NED{until}."
    if "source_kind" in data and (data["source_kind"] == "publicatie").any():
        return (
            f"Niet seizoengecorrigeerd. StatLine 83599NED{until}; latere kwartalen uit "
            "CBS-publicaties (eigen punt). Een ontbrekend kwartaal blijft een gat."
        )
    return "Niet seizoengecorrigeerd (CBS 83599NED)."


def render() -> None:
    region, chosen, period = controls_row()
    region_name = arbeid_queries.region_labels().get(region, region)
    codes = tuple(sorted({*chosen, SBI_Q, SBI_ALL}))
    quarterly = arbeid_queries.vacancies__quarterly_nsa(region, codes)
    render_vacancy_kpis(quarterly, region_name)
    if not chosen:
        st.info("Kies hierboven minstens één sector om de ontwikkeling te zien.")
        return
    if period == "jaar":
        data = yearly_chart_data(arbeid_queries.vacancies__yearly_by_sector(region, codes), chosen)
    else:
        data = quarterly_chart_data(quarterly, chosen)
    if data.empty:
        st.info("Geen vacaturecijfers voor deze keuze; kies een andere regio of sector.")
        return
    render_vacancy_charts(data, period, region_name, vacancy_table(data, period == "jaar"))
    seizoen.render()
