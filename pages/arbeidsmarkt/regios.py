"""Tab Regio's: vacancies in zorg en welzijn per provincie or landsdeel (map and ranking)."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from dashboard import charts, charts_geo, fmt, geo, queries, ui
from dashboard import charts_arbeidsmarkt as arbeid_charts
from dashboard import queries_arbeidsmarkt as arbeid_queries
from dashboard.components import controls
from dashboard.params import Arbeidsmarkt as P

LEVELS = {"provincie": "Provincie", "landsdeel": "Landsdeel"}
VALUES = {
    "count": "Aantal",
    "share": "Aandeel van alle vacatures",
    "per_1000": "Per 1.000 inwoners",
}
VALUE_FIELDS = {
    "count": ("vacancy_count", "rank_count", "Openstaande vacatures", charts.NUMBER_FORMAT, 0),
    "share": ("share_of_all_pct", "rank_share", "Aandeel van alle vacatures (%)", ",.1f", 1),
    "per_1000": ("per_1000", "rank_per_1000", "Vacatures per 1.000 inwoners", ",.1f", 1),
}


def half_up(x: object, digits: int) -> float | None:
    """Round half away from zero (as DuckDB does) to ``digits`` decimals (-2 = hundreds)."""
    if x is None or pd.isna(x):
        return None
    scale = 10.0**digits
    v = abs(float(x)) * scale
    return math.copysign(math.floor(v + 0.5) / scale, float(x))


def period_options() -> dict[str, str]:
    periods = queries.options__periods().sort_values("period_code", ascending=False)
    out = {r.period_code: fmt.quarter(int(r.year), int(r.quarter)) for r in periods.itertuples()}
    years = sorted(periods["year"].unique(), reverse=True)
    counts = periods.groupby("year")["quarter"].count()
    for y in years:
        n = int(counts[y])
        suffix = "jaargemiddelde" if n == 4 else f"gemiddelde van {n} kwartalen"
        out[str(int(y))] = f"{int(y)} ({suffix})"
    return out


def parse_period(code: str) -> tuple[int, int | None]:
    if "KW" in code:
        return int(code[:4]), int(code[-2:])
    return int(code), None


def region_controls() -> tuple[str, str, str, dict[str, str]]:
    options = period_options()
    c1, c2, c3 = st.columns([1, 1.2, 2])
    level = controls.choice("Niveau", LEVELS, key=P.LEVEL, container=c1)
    pick = controls.choice("Kwartaal of jaar", options, key=P.PICK, kind="select", container=c2)
    mode = controls.choice("Waarde", VALUES, key=P.VALUE, container=c3)
    return level, pick, mode, options


def region_notes(level: str, mode: str, year: int, df: pd.DataFrame) -> None:
    if level == "landsdeel":
        st.info(
            "Voor landsdelen zijn er geen kaartgrenzen in dit dashboard: hieronder alleen de "
            "ranglijst. Kies 'Provincie' voor de kaart."
        )
    if mode != "per_1000" or df["per_1000"].notna().any():
        return
    if level == "landsdeel":
        st.info(
            "'Per 1.000 inwoners' kan niet voor landsdelen: daarvoor is geen inwonertal "
            "opgenomen. Kies niveau 'Provincie', of de waarde 'Aantal' of 'Aandeel'."
        )
        return
    years = arbeid_queries.vacancies__population_years()
    first = int(years["first_year"].iloc[0])
    st.info(
        f"'Per 1.000 inwoners' kan niet voor {year}: de bevolkingscijfers (CBS 03759ned, "
        f"1 januari) in dit dashboard beginnen in {first}. Kies een periode vanaf {first}, of de "
        "waarde 'Aantal' of 'Aandeel'."
    )


def render() -> None:
    level, pick, mode, options = region_controls()
    year, quarter = parse_period(pick)
    df = source_precision(
        arbeid_queries.vacancies__region_ranking(arbeid_charts.SBI_Q, level, year, quarter), quarter
    )
    region_notes(level, mode, year, df)
    field, rank_field, value_title, value_format, digits = VALUE_FIELDS[mode]
    shown = df.dropna(subset=[field])
    if shown.empty:
        return
    when = options[pick]
    title = f"Vacatures zorg en welzijn (SBI Q) per {level}, {when}"
    sub = subtitle(shown, mode)
    shown = shown.sort_values([rank_field, "region_name"])
    shown = shown.assign(
        label=[
            f"{fmt.ordinal(int(r))} · {fmt.number(v, digits)}" + ("%" if mode == "share" else "")
            for r, v in zip(shown[rank_field], shown[field], strict=True)
        ]
    )
    top, bottom = shown.iloc[0], shown.iloc[-1]
    summary = (
        f"{title} ({VALUES[mode].lower()}): hoogste {top['region_name']} "
        f"({fmt.number(top[field], digits)}), laagste {bottom['region_name']} "
        f"({fmt.number(bottom[field], digits)}); {len(shown)} gebieden."
    )
    table = region_table(df)
    prov = ui.provenance(arbeid_charts.CBS, title, VALUES[mode], arbeid_queries.peildatum())
    definition = arbeid_charts.DEF_QUARTER if quarter else arbeid_charts.DEF_YEAR
    if mode == "per_1000":
        definition += "; inwoners op 1 januari van hetzelfde jaar (CBS 03759ned)"
    features = geo.features("provincie") if level == "provincie" else None
    if level == "provincie" and features is None:
        st.warning("De kaartgrenzen zijn niet beschikbaar; de ranglijst hieronder werkt wel.")
    if features is not None:
        lookup = arbeid_charts.plain_numbers(df, ["region_code", "region_name", field])
        chart = charts_geo.choropleth(list(features), lookup, field, value_title, value_format)
        ui.chart_block(
            charts.finish(chart, title, sub), table, prov, summary, "regio-kaart", definition
        )
    bars = charts.bars(
        arbeid_charts.plain_numbers(shown, ["region_name", field, "label"]),
        "region_name",
        field,
        value_title,
        LEVELS[level],
        value_format=value_format,
        label_field="label",
    )
    ui.chart_block(
        charts.finish(bars, f"Ranglijst: {title}", sub),
        table,
        prov,
        summary + " Het getal voor de waarde is de rangplaats (1e = hoogste).",
        "regio-ranglijst",
        definition,
    )


def subtitle(shown: pd.DataFrame, mode: str) -> list[str]:
    sub = [VALUES[mode], arbeid_charts.SUB_UPPER_BOUND]
    if shown["is_provisional"].any():
        sub.append(arbeid_queries.provisional_note())
    if shown["has_publication"].any():
        who = ", ".join(dict.fromkeys(shown["publisher"].dropna()))
        sub.append(f"Niet uit het StatLine-bestand maar uit een CBS-publicatie ({who}).")
    return sub


def source_precision(df: pd.DataFrame, quarter: int | None) -> pd.DataFrame:
    """No more digits than CBS publishes (thousands with one decimal = hundreds): a yearly mean
    is rounded to hundreds; per 1,000 inhabitants to one decimal (from the unrounded count)."""
    per_1000 = [
        half_up(1000 * v / p, 1) if pd.notna(v) and pd.notna(p) and p else None
        for v, p in zip(df["vacancy_count"], df["population"], strict=True)
    ]
    out = df.assign(per_1000=pd.array(per_1000, dtype="Float64"))
    if quarter is None:
        for col in ("vacancy_count", "all_count"):
            out[col] = pd.array([half_up(v, -2) for v in out[col]], dtype="Float64")
    return out


def region_table(df: pd.DataFrame) -> pd.DataFrame:
    return df.rename(
        columns={
            "region_code": "code",
            "region_name": "regio",
            "vacancy_count": "vacatures_q",
            "all_count": "vacatures_alle_sectoren",
            "share_of_all_pct": "aandeel_pct",
            "population": "inwoners",
            "per_1000": "per_1000_inwoners",
            "quarters": "kwartalen",
            "is_provisional": "voorlopig",
            "rank_count": "rang_aantal",
            "rank_share": "rang_aandeel",
            "rank_per_1000": "rang_per_1000",
        }
    )
