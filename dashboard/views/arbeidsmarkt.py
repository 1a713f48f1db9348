"""Arbeidsmarkt: how tight the labour market for social work is, where, and whether the flow of
graduates can close the expected gap (CBS vacancies, AZW forecast, key figures, DUO, Movisie)."""

from __future__ import annotations

import math
import re

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, geo, navigation, ui
from dashboard import charts_arbeidsmarkt as ca
from dashboard import queries as q
from dashboard import queries_arbeidsmarkt as qa

K_VIEW = "weergave"
K_SECTOR = "sector"
K_PERIOD = "periode"
K_REGION = "provincie"
K_LEVEL = "niveau"
K_PICK = "kwartaal"
K_VALUE = "waarde"

SBI_Q = "422400"
SBI_ALL = "T001081"
NL = "NL01"
VIEWS = [
    "Vacatures",
    "Regio's",
    "Verwachte tekorten",
    "Kengetallen",
    "Aanbod en vraag",
    "Signalen uit de raadpleging",
]
PERIODS = {"kwartaal": "Kwartaal", "jaar": "Jaar"}
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
CBS = "cbs_vacancies"
PEILDATUM = "einde kwartaal; vanaf 2018 voorlopig"
DEF_QUARTER = (
    "openstaande vacatures op de laatste dag van het kwartaal, in personen (CBS publiceert "
    "duizendtallen); SBI Q = gezondheids- en welzijnszorg, A-U = alle economische activiteiten"
)
DEF_YEAR = DEF_QUARTER + "; jaarcijfer = jaargemiddelde van de kwartalen"
SUB_UPPER_BOUND = (
    "SBI Q omvat gezondheidszorg én welzijn: voor het sociaal werk is dit een bovengrens."
)
SUB_PROVISIONAL = "Stippellijn en driehoek = voorlopig cijfer (vanaf 2018)."
DOCUMENTS = {
    "000": "Advies aan de verkenningscommissie HSS (Sociaal Werk Nederland)",
    "001": "Sociaal in beweging (Vereniging Hogescholen)",
    "003": "Jaarplan 2021 (Sociaal Werk Nederland)",
    "004": "Grote Raadpleging Sociaal Werk 2025 (Movisie)",
}
UNITS = {"percent": "%"}
THEMES_CARDS = ("arbeidsmarkt",)
THEMES_TABLE = ("sector", "maatschappij")
GROUP_OCCUPATION = {
    "Social Work": "sociaal werk",
    "Pedagogiek": "pedagogiek",
    "Toegepaste Psychologie": "psychologie niveau 6-7",
}
# What an occupation in the AZW forecast covers beyond the hbo programmes compared with it.
OCCUPATION_SCOPE = {
    "psychologie niveau 6-7": "niveau 6-7 is bachelor- en masterniveau: ook psychologen met een "
    "universitaire (wo) of master-opleiding tellen hier mee, niet alleen hbo-gediplomeerden",
}
# Concepts of the loose key figures that differ from the CBS series on this page (by indicator).
CONCEPT_NOTES = {
    "nieuwe_vacatures_sociaal_werkers": (
        "ontstane vacatures",
        "'nieuwe vacatures' zijn in CBS-termen ontstane vacatures: vacatures die in het kwartaal "
        "zijn bijgekomen. Dat is iets anders dan de openstaande vacatures (op de laatste dag van "
        "het kwartaal nog niet vervuld) van CBS 83599NED op het tabblad Vacatures; de twee zijn "
        "niet met elkaar te vergelijken",
    ),
}
# Context for a CBS period that explains an unusual change (keyed by the CBS period code; the
# period itself is always read from the data).
PERIOD_CONTEXT = {
    "2020KW01": "begin coronacrisis",
    "2020KW02": "begin coronacrisis, eerste lockdown",
}
LEVEL_WORDS = {"bachelor": "bachelor", "master": "master", "associate degree": "associate degree"}
RAADPLEGING_CHAPTER = 11
RAADPLEGING_REFS = ("Figuur 11.5", "Figuur 11.6", "Figuur 11.2")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:])")


def half_up(x: object, digits: int) -> float | None:
    """Round half away from zero (as DuckDB does) to ``digits`` decimals (-2 = hundreds)."""
    if x is None or pd.isna(x):
        return None
    scale = 10.0**digits
    v = abs(float(x)) * scale
    return math.copysign(math.floor(v + 0.5) / scale, float(x))


def period_note(period_code: str, latest: bool = True) -> str:
    """'laatste kwartaal in dit bestand; begin coronacrisis' for the data's last period."""
    parts = ["laatste kwartaal in dit bestand"] if latest else []
    if period_code in PERIOD_CONTEXT:
        parts.append(PERIOD_CONTEXT[period_code])
    return "; ".join(parts)


def and_list(items: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b en c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def plain(text: object) -> str:
    """Escape data text for Streamlit markdown, so it shows as written (no links, no HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def sector_labels() -> dict[str, str]:
    sbi = q.options__sbi()
    return {r.sbi_code: f"{r.sbi_letter} {r.sbi_name}" for r in sbi.itertuples()}


def region_labels() -> dict[str, str]:
    regions = qa.vacancies__regions()
    return dict(zip(regions["region_code"], regions["region_name"], strict=True))


# ---------------------------------------------------------------- 1. Vacatures


def vacancy_controls() -> tuple[str, list[str], str]:
    regions = region_labels()
    sectors = sector_labels()
    c1, c2, c3 = st.columns([1.2, 2.6, 1])
    region = c1.selectbox(
        "Regio (CBS)",
        list(regions),
        index=0,
        format_func=regions.get,
        key=K_REGION,
        bind="query-params",
        help="Nederland, de vier landsdelen of een provincie: CBS publiceert vacatures niet "
        "per gemeente of arbeidsmarktregio.",
    )
    chosen = c2.multiselect(
        "Sectoren (SBI 2008)",
        list(sectors),
        default=[SBI_Q],
        format_func=sectors.get,
        key=K_SECTOR,
        bind="query-params",
        help="Vergelijk zorg en welzijn (Q) met andere sectoren of met alle sectoren (A-U).",
        placeholder="Kies een of meer sectoren",
    )
    period = (
        c3.segmented_control(
            "Periode",
            list(PERIODS),
            default="kwartaal",
            format_func=PERIODS.get,
            key=K_PERIOD,
            bind="query-params",
            required=True,
        )
        or "kwartaal"
    )
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
    count = fmt.number(last["vacancy_count"])
    ui.kpi(
        cols[0],
        f"Vacatures Q · {when}",
        count,
        help_text=f"Openstaande vacatures op de laatste dag van het kwartaal; {status}. "
        + SUB_UPPER_BOUND,
        sentence=f"Eind {when} stonden in {region_name} {count} vacatures open in de "
        f"gezondheids- en welzijnszorg (SBI Q, {status}) (CBS, 83599NED).",
    )
    prev = fmt.quarter(year - 1, quarter)
    change = (
        f"{fmt.signed(last['yoy_change_count'])} ({fmt.pct(last['yoy_change_pct'], signed=True)})"
    )
    ui.kpi(
        cols[1],
        f"Verandering t.o.v. {prev}",
        change,
        help_text="Verschil met hetzelfde kwartaal een jaar eerder (geen seizoenscorrectie nodig).",
        sentence=f"In {region_name} veranderde het aantal openstaande vacatures in de zorg en "
        f"welzijn (SBI Q) tussen {prev} en {when} met {change} (CBS, 83599NED).",
    )
    note = period_note(str(last["period_code"]))
    share = fmt.pct(last["share_of_all_pct"])
    ui.kpi(
        cols[2],
        f"Aandeel alle vacatures · {when}",
        share,
        help_text="Vacatures in SBI Q als deel van alle vacatures (SBI A-U) in dezelfde regio.",
        sentence=f"Eind {when} was {share} van alle openstaande vacatures in {region_name} "
        f"een vacature in de gezondheids- en welzijnszorg (SBI Q) (CBS, 83599NED).",
    )
    st.caption(f"{when}: {note}.")


def quarterly_chart_data(quarterly: pd.DataFrame, chosen: list[str]) -> pd.DataFrame:
    labels = sector_labels()
    data = quarterly[quarterly["sbi_code"].isin(chosen)].dropna(subset=["vacancy_count"])
    return data.assign(
        sector=[labels[c] for c in data["sbi_code"]],
        status=[ca.PROVISIONAL if p else ca.DEFINITIVE for p in data["is_provisional"]],
        period_label=[
            fmt.quarter(int(y), int(k)) for y, k in zip(data["year"], data["quarter"], strict=True)
        ],
    )


def yearly_chart_data(yearly: pd.DataFrame, chosen: list[str]) -> pd.DataFrame:
    labels = sector_labels()
    data = yearly[yearly["sbi_code"].isin(chosen)].dropna(subset=["mean_vacancy_count"])
    incomplete = [
        f"onvolledig jaar ({int(n)} kwartalen)" if n < 4 else None for n in data["quarters"]
    ]
    status = [
        (ca.PROVISIONAL if p else ca.DEFINITIVE) + (f", {i}" if i else "")
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
    sub = [f"{region_name} · {sectors}", f"{SUB_UPPER_BOUND} {when}", SUB_PROVISIONAL]
    prov = ui.provenance(CBS, "Openstaande vacatures per sector", region_name, PEILDATUM)
    title = "Openstaande vacatures per " + ("jaar" if yearly else "kwartaal")
    chart = ca.vacancy_lines(data, x, x_title, value, y_title, temporal=not yearly)
    ui.chart_block(
        charts.finish(chart, title, sub),
        table,
        prov,
        trend_summary(data, value, "Openstaande vacatures"),
        key="vacatures-trend",
        definition=DEF_YEAR if yearly else DEF_QUARTER,
    )
    shares = data.dropna(subset=["share_of_all_pct"])
    if shares.empty:
        return
    title = "Aandeel in alle vacatures (SBI A-U), per " + ("jaar" if yearly else "kwartaal")
    chart = ca.vacancy_lines(
        shares,
        x,
        x_title,
        "share_of_all_pct",
        "Aandeel (%)",
        temporal=not yearly,
        y_format=",.1f",
    )
    prov = ui.provenance(CBS, "Aandeel in alle vacatures", region_name, PEILDATUM)
    ui.chart_block(
        charts.finish(chart, title, sub),
        table,
        prov,
        trend_summary(shares, "share_of_all_pct", "Aandeel in alle vacatures (%)", 1),
        key="vacatures-aandeel",
        definition=(DEF_YEAR if yearly else DEF_QUARTER)
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
        }
    return data[list(cols)].rename(columns=cols)


def render_vacancies() -> None:
    region, chosen, period = vacancy_controls()
    region_name = region_labels().get(region, region)
    codes = tuple(sorted({*chosen, SBI_Q, SBI_ALL}))
    quarterly = q.vacancies__quarterly(region, codes)
    render_vacancy_kpis(quarterly, region_name)
    if not chosen:
        st.info("Kies hierboven minstens één sector om de ontwikkeling te zien.")
        return
    if period == "jaar":
        data = yearly_chart_data(qa.vacancies__yearly_by_sector(region, codes), chosen)
    else:
        data = quarterly_chart_data(quarterly, chosen)
    if data.empty:
        st.info("Geen vacaturecijfers voor deze keuze; kies een andere regio of sector.")
        return
    render_vacancy_charts(data, period, region_name, vacancy_table(data, period == "jaar"))


# ---------------------------------------------------------------- 2. Regio's


def period_options() -> dict[str, str]:
    periods = q.options__periods().sort_values("period_code", ascending=False)
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
    level = (
        c1.segmented_control(
            "Niveau",
            list(LEVELS),
            default="provincie",
            format_func=LEVELS.get,
            key=K_LEVEL,
            bind="query-params",
            required=True,
        )
        or "provincie"
    )
    pick = c2.selectbox(
        "Kwartaal of jaar",
        list(options),
        index=0,
        format_func=options.get,
        key=K_PICK,
        bind="query-params",
    )
    mode = (
        c3.segmented_control(
            "Waarde",
            list(VALUES),
            default="count",
            format_func=VALUES.get,
            key=K_VALUE,
            bind="query-params",
            required=True,
        )
        or "count"
    )
    return level, pick or next(iter(options)), mode, options


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
    years = qa.vacancies__population_years()
    first = int(years["first_year"].iloc[0])
    st.info(
        f"'Per 1.000 inwoners' kan niet voor {year}: de bevolkingscijfers (CBS 03759ned, "
        f"1 januari) in dit dashboard beginnen in {first}. Kies een periode vanaf {first}, of de "
        "waarde 'Aantal' of 'Aandeel'."
    )


def render_regions() -> None:
    level, pick, mode, options = region_controls()
    year, quarter = parse_period(pick)
    df = source_precision(qa.vacancies__region_ranking(SBI_Q, level, year, quarter), quarter)
    region_notes(level, mode, year, df)
    field, rank_field, value_title, value_format, digits = VALUE_FIELDS[mode]
    shown = df.dropna(subset=[field])
    if shown.empty:
        return
    when = options[pick]
    title = f"Vacatures zorg en welzijn (SBI Q) per {level}, {when}"
    sub = [VALUES[mode], SUB_UPPER_BOUND]
    if shown["is_provisional"].any():
        sub.append("Voorlopige cijfers (vanaf 2018).")
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
    prov = ui.provenance(CBS, title, VALUES[mode], PEILDATUM)
    definition = DEF_QUARTER if quarter else DEF_YEAR
    if mode == "per_1000":
        definition += "; inwoners op 1 januari van hetzelfde jaar (CBS 03759ned)"
    features = geo.features("provincie") if level == "provincie" else None
    if level == "provincie" and features is None:
        st.warning("De kaartgrenzen zijn niet beschikbaar; de ranglijst hieronder werkt wel.")
    if features is not None:
        lookup = ca.plain_numbers(df, ["region_code", "region_name", field])
        chart = charts.choropleth(list(features), lookup, field, value_title, value_format)
        ui.chart_block(
            charts.finish(chart, title, sub), table, prov, summary, "regio-kaart", definition
        )
    bars = charts.bars(
        ca.plain_numbers(shown, ["region_name", field, "label"]),
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


# ---------------------------------------------------------------- 3. Verwachte tekorten


def figure_label(value: object, hedge: object) -> str:
    digits = 0 if float(value).is_integer() else 1
    number = fmt.number(value, digits)
    return f"{hedge} {number}" if isinstance(hedge, str) and hedge else number


def render_forecast() -> None:
    if ui.unavailable("azw_prognose"):
        return
    df = qa.forecast__shortages()
    if df.empty:
        st.info("Geen prognosecijfers gevonden; herbouw de gegevens.")
        return
    points = df.assign(
        row_label=[f"{o} · {b}" for o, b in zip(df["occupation"], df["branche"], strict=True)],
        label=[figure_label(v, h) for v, h in zip(df["shortage_count"], df["hedge"], strict=True)],
    )
    spans = (
        points.groupby("row_label", sort=False)["shortage_count"]
        .agg(start="min", end="max", points="count")
        .reset_index()
    )
    spans = spans[spans["points"] > 1]
    first, last = points["year_label"].iloc[0], points["year"].max()
    title = f"Verwachte tekorten per beroep en branche, {first} → {last}"
    sub = [
        "AZW-prognosemodel zorg en welzijn, zoals geciteerd in 'Sociaal in beweging' (VH, 2022).",
        "'tot' = bovengrens in de tekst; een los punt = alleen het eindjaar genoemd.",
    ]
    big = points.loc[points["shortage_count"].idxmax()]
    summary = (
        f"Het grootste verwachte tekort is {big['label']} medewerkers ({big['row_label']}, "
        f"{big['year_label']}). {len(spans)} reeksen hebben een begin- en eindjaar; de andere "
        "noemen alleen een bovengrens voor het eindjaar."
    )
    table = points[
        ["branche", "occupation", "year_label", "shortage_count", "value_text", "document", "line"]
    ].rename(
        columns={
            "occupation": "beroep",
            "year_label": "jaar (zoals in de bron)",
            "shortage_count": "verwacht_tekort",
            "value_text": "tekst_in_bron",
            "document": "document",
            "line": "regel",
        }
    )
    render_forecast_notes()
    prov = ui.provenance("azw_prognose", title, "", None)
    ui.chart_block(
        charts.finish(ca.forecast_dumbbell(points, spans), title, sub),
        table,
        prov,
        summary,
        key="tekorten",
        definition="verwacht tekort aan medewerkers (vraag minus aanbod) volgens het "
        "AZW-prognosemodel; overgenomen per regel uit seed 001",
    )


def render_forecast_notes() -> None:
    notes = qa.forecast__notes()
    lines = []
    for r in notes.itertuples():
        scope = "alle cijfers" if r.is_definition else r.occupations
        lines.append(f"- {plain(r.note_text)} *(geldt voor: {plain(scope)})*")
    st.warning(
        "**Let op bij deze cijfers** – kanttekeningen uit de bron en de transcriptie:\n\n"
        + "\n".join(lines),
        icon="⚠️",
    )


# ---------------------------------------------------------------- 4. Kengetallen


def value_text(row: pd.Series) -> str:
    """'ruim 50.000 personen', 'een derde (≈ 33,3%)', '1,4 miljoen personen'."""
    return f"{short_value(row)}{unit_text(row)}".strip() + approx_text(row)


def short_value(row: pd.Series) -> str:
    """The figure as the source words it, Dutch formatted: 'ruim 50.000', 'een derde', '2.650'."""
    hedge = row["hedge"] if isinstance(row["hedge"], str) else ""
    if hedge and hedge.lower() == str(row["value_text"]).lower():
        return str(row["value_text"])
    digits = 0 if float(row["value"]).is_integer() else 1
    return f"{hedge} {fmt.number(row['value'], digits)}".strip()


def unit_text(row: pd.Series) -> str:
    hedge = row["hedge"] if isinstance(row["hedge"], str) else ""
    if hedge and hedge.lower() == str(row["value_text"]).lower():
        return ""
    return UNITS.get(row["unit"], f" {row['unit']}")


def approx_text(row: pd.Series) -> str:
    if unit_text(row) or str(row["unit"]) not in UNITS:
        return ""
    digits = 0 if float(row["value"]).is_integer() else 1
    return f" (≈ {fmt.number(row['value'], digits)}{UNITS[row['unit']]})"


def source_text(row: pd.Series) -> str:
    doc = DOCUMENTS.get(row["document"], f"document {row['document']}")
    who = row["publisher"] if isinstance(row["publisher"], str) and row["publisher"] else "onbekend"
    return f"{who}; geciteerd in {doc}, regel {int(row['line'])}"


def render_kengetallen() -> None:
    if ui.unavailable("kengetallen"):
        return
    cards = qa.kengetallen__by_theme(THEMES_CARDS)
    st.markdown("**Arbeidsmarkt** – losse cijfers uit de brondocumenten, zoals daar vermeld.")
    cols = st.columns(2)
    for i, (_, row) in enumerate(cards.iterrows()):
        col = cols[i % 2]
        shown = value_text(row)
        concept, concept_text = CONCEPT_NOTES.get(row["indicator"], ("", ""))
        label = f"{row['indicator_label']} ({concept})" if concept else row["indicator_label"]
        ui.kpi(
            col,
            label,
            f"{short_value(row)}{unit_text(row)}",
            help_text=f"Periode: {row['period']}. Bron: {source_text(row)}."
            + (f" Begrip: {concept_text}." if concept else ""),
            sentence=f"{label}: {shown} ({row['period']}; {source_text(row)}).",
        )
        details = f"{shown} · periode: {row['period']} · bron: {source_text(row)}"
        if concept:
            details += f" · begrip: {concept_text}"
        if isinstance(row["note"], str) and row["note"]:
            details += f" · kanttekening: {row['note']}"
        col.caption(plain(details))
    prov = ui.provenance("kengetallen", "Kengetallen arbeidsmarkt", "", None)
    ui.source_caption(prov, "cijfers zoals de brondocumenten ze noemen, met document en regel")
    rest = qa.kengetallen__by_theme(THEMES_TABLE)
    if rest.empty:
        return
    st.markdown("**Sector en maatschappij**")
    table = pd.DataFrame(
        {
            "thema": rest["theme"],
            "kengetal": rest["indicator_label"],
            "waarde": [value_text(r) for _, r in rest.iterrows()],
            "periode": rest["period"],
            "bron": [source_text(r) for _, r in rest.iterrows()],
            "kanttekening": rest["note"],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
    ui.source_caption(prov, "cijfers zoals de brondocumenten ze noemen, met document en regel")


# ---------------------------------------------------------------- 5. Aanbod en vraag


def supply_codes() -> dict[str, tuple[str, ...]]:
    """CROHO codes per compared programme group (from the curated programme list)."""
    progs = q.options__programmes()
    return {
        g: tuple(progs.loc[progs["programme_group"] == g, "programme_code"])
        for g in GROUP_OCCUPATION
    }


def degree_label(levels: pd.DataFrame) -> str:
    """'hbo-bachelor' or 'hbo-bachelor en -master': the degree types the groups hold (data)."""
    present = [w for t, w in LEVEL_WORDS.items() if t in set(levels["education_type"])]
    if not present:
        return "hbo"
    return and_list([f"hbo-{present[0]}", *(f"-{w}" for w in present[1:])])


def supply_degree_label(measure: str) -> str:
    codes = tuple(c for cs in supply_codes().values() for c in cs)
    return degree_label(qa.supply__programme_levels(measure, codes))


def supply_series(measure: str) -> pd.DataFrame:
    frames = []
    for group, codes in supply_codes().items():
        df = q.students__yearly(q.StudentSelection(measure=measure, programmes=codes))
        frames.append(df.assign(programme_group=group))
    out = pd.concat(frames, ignore_index=True).dropna(subset=["student_count"])
    return out.sort_values(["programme_group", "year"]).reset_index(drop=True)


def supply_chart(measure: str, key: str) -> pd.DataFrame:
    df = supply_series(measure)
    if df.empty:
        st.info("Geen DUO-cijfers voor deze opleidingsgroepen.")
        return df
    degrees = supply_degree_label(measure)
    title = (
        f"{charts.MEASURE_LABELS[measure]} per jaar, per opleidingsgroep ({degrees}, "
        "heel Nederland)"
    )
    chart = charts.trend(
        df,
        "student_count",
        "Aantal studenten",
        series="programme_group",
        series_title="Opleidingsgroep",
        break_field="definition",
    )
    defs = df.groupby("definition")["year"].min().sort_values()
    if len(defs) > 1:
        chart = chart + charts.break_rule(int(defs.iloc[-1]), "nieuw DUO-bestand/definitie")
    chart = chart.properties(height=460, width="container")
    latest = df[df["year"] == df["year"].max()].sort_values("student_count", ascending=False)
    summary = f"{title}. In {int(df['year'].max())}: " + "; ".join(
        f"{g} {fmt.number(v)}"
        for g, v in zip(latest["programme_group"], latest["student_count"], strict=True)
    )
    summary += ". De lijn is onderbroken waar DUO de definitie of het bestand wijzigt."
    snapshot = "duo_graduates" if measure == "graduates" else "duo_first_years"
    prov = ui.provenance(snapshot, title, "Nederland", None)
    table = df[["year", "programme_group", "definition", "student_count", "suppressed_cells"]]
    ui.chart_block(
        charts.finish(chart, title, "Ad-opleidingen zitten hier niet in (en niet in de prognose)."),
        table.rename(
            columns={
                "year": "jaar",
                "programme_group": "opleidingsgroep",
                "definition": "definitie",
                "student_count": "aantal",
                "suppressed_cells": "cellen_lt5",
            }
        ),
        prov,
        summary,
        key=key,
        definition=f"gediplomeerden: behaalde {degrees}-diploma's per diplomajaar"
        if measure == "graduates"
        else f"eerstejaars {degrees} op 1 oktober"
        + (f"; breuk in de definitie in {int(defs.iloc[-1])}" if len(defs) > 1 else ""),
    )
    return df


def part_time_lines(shares: pd.DataFrame) -> str:
    """'Social Work 13,9% (751 van 5.397)' per group, from the DUO file that crosses both."""
    parts = []
    for r in shares.itertuples():
        minimal = " (minimaal)" if int(r.suppressed_cells) else ""
        parts.append(
            f"{r.programme_group} {fmt.pct(r.part_time_share_pct)} ({fmt.number(r.part_time_count)}"
            f" van {fmt.number(r.graduate_count)}{minimal})"
        )
    return "; ".join(parts)


def supply_caveats(graduates: pd.DataFrame, growth: pd.DataFrame) -> None:
    first, last = int(graduates["year"].min()), int(graduates["year"].max())
    base, end = int(growth["base_year"].min()), int(growth["end_year"].max())
    span = int(growth["years_between"].max())
    lines = [
        f"- **Andere jaren.** De DUO-cijfers lopen van {first} tot en met {last}; de prognose "
        f"gaat over {base}-{end}.",
        f"- **Een stroom naast de verandering van een voorraad.** Gediplomeerden zijn een "
        f"stroom: mensen die in één jaar ({last}) een diploma halen. Een tekort is een voorraad "
        f"op één moment; de groei per jaar is de verandering van dat tekort over {span} jaar "
        f"({base}-{end}), verdeeld over die jaren. Die twee getallen meten niet hetzelfde en "
        "staan daarom in aparte kolommen, niet in één grafiek.",
    ]
    shares = qa.supply__part_time_share(tuple(c for cs in supply_codes().values() for c in cs))
    if not shares.empty:
        year = int(shares["year"].max())
        lines.append(
            "- **Deeltijd en duaal.** Wie deeltijd of duaal studeert, werkt meestal al in het "
            "vak: dat diploma is dan geen nieuwe medewerker. Aandeel deeltijd of duaal in de "
            f"diploma's van {year}, het laatste jaar waarin DUO opleiding en opleidingsvorm "
            f"samen publiceert: {part_time_lines(shares)}."
        )
    occupations = set(growth["occupation"])
    for group, occupation in GROUP_OCCUPATION.items():
        if occupation in OCCUPATION_SCOPE and occupation in occupations:
            lines.append(
                f"- **'{occupation}' is breder dan {group}**: {OCCUPATION_SCOPE[occupation]}."
            )
    lines += [
        "- **Niet iedere afgestudeerde gaat in de sector werken**, en lang niet iedereen in de "
        "branche welzijn: ook in de zorg, jeugdzorg, gemeenten, het onderwijs of buiten het "
        "vak.",
        "- **De prognose gaat over één branche** (welzijn); tekorten in jeugdzorg en "
        "gehandicaptenzorg staan apart (zie 'Verwachte tekorten').",
        "- **Ad-gediplomeerden zitten niet in het prognosemodel** en daarom ook niet in deze "
        "vergelijking.",
        "- **Het tekort is wat overblijft.** Een prognosemodel rekent de verwachte instroom "
        "uit opleidingen doorgaans al mee. De groei van het tekort per jaar is dus wat er "
        "*bovenop* die verwachte instroom nodig is, niet het aantal afgestudeerden dat nodig is.",
        "- **De groei per jaar is een afgeleid cijfer**: (tekort in het eindjaar − tekort in "
        "het beginjaar) gedeeld door het aantal jaren ertussen. Het staat niet in de bron.",
    ]
    st.warning(
        "**Lees dit eerst.** Deze twee reeksen zijn niet één-op-één te vergelijken:\n\n"
        + "\n".join(lines),
        icon="⚠️",
    )


def comparison_columns(last: int, degrees: str, base: int, end: int) -> dict[str, str]:
    return {
        "group": "opleidingsgroep (DUO)",
        "graduates": f"gediplomeerden {last} ({degrees}; personen in één jaar)",
        "occupation": "beroep in de prognose (AZW, branche)",
        "growth": f"groei verwacht tekort {base}-{end} (medewerkers per jaar, afgeleid)",
    }


def comparison_data(graduates: pd.DataFrame, growth: pd.DataFrame, degrees: str) -> pd.DataFrame:
    """One row per programme group: the two quantities in separate columns, each with its unit."""
    last = int(graduates["year"].max())
    latest = graduates[graduates["year"] == last].set_index("programme_group")
    welzijn = growth.set_index("occupation")
    base, end = int(growth["base_year"].min()), int(growth["end_year"].max())
    cols = comparison_columns(last, degrees, base, end)
    rows = []
    for group, occupation in GROUP_OCCUPATION.items():
        if group not in latest.index or occupation not in welzijn.index:
            continue
        g = welzijn.loc[occupation]
        count = latest.loc[group, "student_count"]
        minimal = " (minimaal)" if int(latest.loc[group, "suppressed_cells"]) else ""
        rows.append(
            {
                cols["group"]: group,
                cols["graduates"]: fmt.number(count) + minimal,
                cols["occupation"]: f"{occupation} ({g['branche']})",
                cols["growth"]: fmt.signed(g["growth_per_year"]),
            }
        )
    return pd.DataFrame(rows, columns=list(cols.values()))


def render_supply() -> None:
    if ui.unavailable("students", "azw_prognose"):
        return
    growth = qa.forecast__growth_per_year()
    graduates = supply_series("graduates")
    degrees = supply_degree_label("graduates")
    st.caption(
        f"Landelijke cijfers voor de opleidingsgroepen {and_list(list(GROUP_OCCUPATION))} "
        f"({degrees}); de filters in de zijbalk gelden hier niet."
    )
    if graduates.empty or growth.empty:
        st.info("Niet genoeg gegevens voor deze vergelijking; herbouw de gegevens.")
        return
    supply_caveats(graduates, growth)
    data = comparison_data(graduates, growth, degrees)
    title = "Gediplomeerden in één jaar en de gemiddelde jaarlijkse groei van het verwachte tekort"
    st.markdown(f"**{title}**")
    st.dataframe(data, hide_index=True, width="stretch")
    summary = "; ".join(
        f"{r.iloc[0]}: {data.columns[1]} {r.iloc[1]}; {r.iloc[2]}: {data.columns[3]} {r.iloc[3]}"
        for _, r in data.iterrows()
    )
    st.caption("Samenvatting: " + plain(summary) + ".")
    prov = ui.provenance("azw_prognose", title, "Nederland", None)
    ui.source_caption(
        prov,
        f"gediplomeerden: DUO, {degrees}, laatste diplomajaar; groei tekort: afgeleid uit het "
        "AZW-prognosemodel, (eindjaar − beginjaar) / aantal jaren. Twee verschillende grootheden "
        "en bronnen: niet van elkaar af te trekken",
    )
    st.markdown("**Afgeleid cijfer: groei van het verwachte tekort per jaar**")
    st.dataframe(
        growth.rename(
            columns={
                "occupation": "beroep",
                "base_label": "beginjaar (in de bron)",
                "base_count": "tekort_begin",
                "end_year": "eindjaar",
                "end_count": "tekort_eind",
                "years_between": "jaren",
                "growth_per_year": "groei_per_jaar (afgeleid)",
            }
        ).drop(columns=["base_year", "is_hedged"]),
        hide_index=True,
        width="stretch",
    )
    supply_chart("graduates", "aanbod-gediplomeerden")
    supply_chart("first_years", "aanbod-eerstejaars")


# ---------------------------------------------------------------- 6. Raadpleging


def render_signals() -> None:
    if ui.unavailable("raadpleging"):
        return
    df = qa.supply__retention_signals(RAADPLEGING_CHAPTER, RAADPLEGING_REFS)
    if df.empty:
        st.info("Geen cijfers uit de raadpleging gevonden; herbouw de gegevens.")
        return
    st.write(
        "Wat sociaal werkers zelf zeggen over blijven en over werkdruk (Grote Raadpleging van "
        "het Sociaal Werk, hoofdstuk Vitaliteit en de toekomst)."
    )
    for i, ref in enumerate(RAADPLEGING_REFS):
        part = df[df["ref"] == ref]
        if not part.empty:
            render_signal(part, ref, i)
    st.page_link(
        navigation.page_path("raadpleging"),
        label="Meer uit de raadpleging op de pagina Raadpleging",
        icon=":material/forum:",
    )


def hedge_note(hedge: object, words: object) -> str:
    """' (ruim)', ' (een derde)' for a fraction in words; '' when the report gives the figure."""
    if not isinstance(hedge, str) or not hedge:
        return ""
    return f" ({words})" if hedge == "fraction" else f" ({hedge})"


def render_signal(part: pd.DataFrame, ref: str, i: int) -> None:
    part = part.assign(
        jaar=[
            f"{int(y)}" + (" (uit de tekst)" if t else "")
            for y, t in zip(part["survey_year"], part["is_from_text"], strict=True)
        ],
        label=[
            fmt.pct(v, 0 if float(v).is_integer() else 1) + hedge_note(h, w)
            for v, h, w in zip(part["value"], part["hedge"], part["value_text"], strict=True)
        ],
    )
    ns = part.dropna(subset=["n"]).groupby("survey_year")["n"].first()
    n_text = ", ".join(f"n = {fmt.number(n)} ({int(y)})" for y, n in ns.items())
    title = f"{ref}: {part['ref_title'].iloc[0]}"
    sub = [part["question"].iloc[0], n_text or "n niet vermeld"]
    if ref.endswith("11.2"):
        sub.append("De antwoordgroepen overlappen elkaar en tellen niet op tot honderd procent.")
    chart = ca.grouped_bars(
        part, "answer", "value", "jaar", "Aandeel (%)", "label", ",.0f", "Antwoord", "Jaar"
    )
    top = part.loc[part["value"].idxmax()]
    summary = (
        f"{title}. Grootste groep: '{top['answer']}' met {top['label']} ({top['jaar']}). {n_text}."
    )
    table = part[["survey_year", "answer", "value", "value_text", "n", "line", "note"]].rename(
        columns={
            "survey_year": "jaar",
            "answer": "antwoord",
            "value": "procent",
            "value_text": "tekst_in_rapport",
            "line": "regel",
            "note": "kanttekening",
        }
    )
    prov = ui.provenance("raadpleging", title, "", None)
    ui.chart_block(
        charts.finish(chart, title, sub),
        table,
        prov,
        summary,
        key=f"raadpleging-{i}",
        definition="aandeel van de sociaal werkers die de vraag beantwoordden; vergelijking "
        "met de raadpleging 2020 alleen waar de tekst die geeft",
    )


# ---------------------------------------------------------------- page


def render() -> None:
    tabs = st.tabs(VIEWS, key=K_VIEW, bind="query-params")
    renderers = (
        render_vacancies,
        render_regions,
        render_forecast,
        render_kengetallen,
        render_supply,
        render_signals,
    )
    for tab, fn in zip(tabs, renderers, strict=True):
        if tab.open:
            with tab:
                fn()
