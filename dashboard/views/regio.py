"""Regio: a gemeente compares itself with Nederland and with regions like it, over time."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboard import charts, exports, fmt, geo, queries_arbeidsmarkt, ui, upload
from dashboard import charts_regio as cr
from dashboard import queries as q
from dashboard import queries_regio as qr
from dashboard.filters import Filters

K_GEMEENTE = "gemeente"
K_LEVEL = "niveau"
K_MEASURE = "maat"
K_VALUE = "waarde"
K_BASE = "basisjaar"
K_PEERS = "peers"
K_COMPARE = "vergelijk"
K_VIEW = "weergave"
K_YEAR = "jaar"
K_VAC_YEAR = "vacjaar"
K_UPLOAD = "eigen_bestand"
K_OWN_VAR = "eigenkolom"
K_OWN_YEAR = "eigenjaar"

SBI_CARE = "422400"  # SBI Q: gezondheids- en welzijnszorg
LEVELS = {
    "gemeente": "Gemeente",
    "arbeidsmarktregio": "Arbeidsmarktregio",
    "provincie": "Provincie",
}
MEASURES = {"enrolled": "Ingeschreven", "first_years": "Eerstejaars", "graduates": "Gediplomeerd"}
VALUES = {"count": "Aantal", "per_1000": "Per 1.000 inwoners", "index": "Index (basisjaar = 100)"}
FIELDS = {"count": "student_count", "per_1000": "per_1000", "index": "index_value"}
VIEWS = ["Trend", "Kaart", "Vacatures (provincie)", "Eigen cijfers"]
YEARS = {
    "enrolled": range(2020, 2025),
    "first_years": range(2015, 2025),
    "graduates": range(2014, 2024),
}
SNAPSHOT = {
    "enrolled": "duo_enrolled",
    "first_years": "duo_first_years",
    "graduates": "duo_graduates",
}
DEFINITION = {
    "enrolled": "ingeschreven studenten op 1 oktober, naar gemeente van de hogeschoolvestiging",
    "first_years": "eerstejaars (t/m 2019 nieuw in het hbo, vanaf 2020 nieuw in het hoger "
    "onderwijs – breuk), naar gemeente van de hogeschoolvestiging",
    "graduates": "behaalde hbo-diploma's (t/m 2018 oud, vanaf 2019 nieuw DUO-bestand – breuk), "
    "naar gemeente van de hogeschoolvestiging",
}
BREAKS = {"first_years": (2020, "nieuwe definitie"), "graduates": (2019, "nieuw DUO-bestand")}
_MD = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def md(text: object) -> str:
    """Escape data text for st.markdown/st.info (no links, images or HTML from data)."""
    return _MD.sub(r"\\\1", str(text))


def first_population_year() -> int:
    """The first year with CBS population figures (the denominator of 'per 1.000')."""
    return int(queries_arbeidsmarkt.vacancies__population_years()["first_year"].iloc[0])


def value_format(mode: str) -> str:
    return {"count": charts.NUMBER_FORMAT, "per_1000": ",.2f", "index": charts.DECIMAL_FORMAT}[mode]


def vacancy_format(mode: str) -> str:
    """Vacancies are published in hundreds: per 1.000 inwoners gets one decimal."""
    return {"count": charts.NUMBER_FORMAT, "per_1000": ",.1f", "index": charts.DECIMAL_FORMAT}[mode]


def value_text(x: object, mode: str, vacancies: bool = False) -> str:
    """Students per 1.000 get two decimals; vacancies (published in hundreds) one."""
    return fmt.number(x, {"count": 0, "per_1000": 1 if vacancies else 2, "index": 1}[mode])


def counted_text(row: pd.Series, field: str, mode: str) -> str:
    """A DUO value as text: '<5' when only suppressed cells, 'minimaal …' for a lower bound."""
    cells = row.get("suppressed_cells", 0)
    cells = 0 if pd.isna(cells) else int(cells)
    if mode == "index":
        text = value_text(row[field], mode)
        return f"≈ {text} (afgeschermde cellen)" if cells and not pd.isna(row[field]) else text
    decimals = {"count": 0, "per_1000": 2}[mode]
    return fmt.counted(row[field], cells, bool(row.get("is_suppressed_only", False)), decimals)


# ------------------------------------------------------------------ controls


def pick_gemeente() -> pd.Series:
    regions = q.options__regions()
    gem = regions[regions["region_level"] == "gemeente"].sort_values("region_name")
    labels = {r.region_code: f"{r.region_name} ({r.region_code})" for r in gem.itertuples()}
    largest = gem.sort_values(["population_latest", "region_code"], ascending=[False, True])
    codes = list(labels)
    code = st.selectbox(
        "Gemeente",
        codes,
        index=codes.index(largest["region_code"].iloc[0]),
        format_func=labels.get,
        key=K_GEMEENTE,
        bind="query-params",
        help="Typ een naam of een code (GM0363) om te zoeken.",
    )
    row = gem.set_index("region_code").loc[code].copy()
    row["region_code"] = code
    return row


def show_gemeente(row: pd.Series) -> None:
    cols = st.columns(3)
    ui.kpi(
        cols[0],
        "Inwoners (1 januari, laatste jaar)",
        fmt.number(row["population_latest"]),
        help_text="CBS 03759ned, bevolking op 1 januari; gemeentelijke indeling 2023.",
    )
    ui.kpi(
        cols[1], "Provincie", str(row["provincie_name"]), help_text="CBS-vacatures: per provincie."
    )
    ui.kpi(
        cols[2],
        "Arbeidsmarktregio",
        str(row["arbeidsmarktregio_name"]),
        help_text="Standaard vergelijkingsniveau voor DUO-studenten.",
    )


def level_code(row: pd.Series, level: str) -> tuple[str, str]:
    if level == "gemeente":
        return str(row["region_code"]), str(row["region_name"])
    return str(row[f"{level}_code"]), str(row[f"{level}_name"])


def choose_view(programmes: tuple[str, ...]) -> tuple[str, str, str, int]:
    c1, c2 = st.columns(2)
    c3, c4 = st.columns([2, 1])
    level = (
        c1.segmented_control(
            "Niveau DUO-vergelijking",
            list(LEVELS),
            default="arbeidsmarktregio",
            format_func=LEVELS.get,
            key=K_LEVEL,
            bind="query-params",
            required=True,
            help="DUO telt studenten in de gemeente van de hogeschoolvestiging. Een gemeente "
            "zonder hogeschool heeft dus geen studenten; daarom is de arbeidsmarktregio de "
            "standaard.",
        )
        or "arbeidsmarktregio"
    )
    measure = (
        c2.segmented_control(
            "Maat",
            list(MEASURES),
            default="enrolled",
            format_func=MEASURES.get,
            key=K_MEASURE,
            bind="query-params",
            required=True,
        )
        or "enrolled"
    )
    mode = (
        c3.segmented_control(
            "Waarde",
            list(VALUES),
            default="per_1000",
            format_func=VALUES.get,
            key=K_VALUE,
            bind="query-params",
            required=True,
            help="Per 1.000 inwoners: het aantal studenten aan hogeschoolvestigingen in de regio, "
            "gedeeld door de inwoners van de regio (CBS, 1 januari, vanaf het eerste jaar met "
            "bevolkingscijfers). Dit is geen deelnamecijfer: studenten wonen vaak ergens anders "
            "dan waar ze studeren, en een regio zonder hogeschool telt 0.",
        )
        or "per_1000"
    )
    bases = index_bases(measure, programmes)
    base = bases[0] if bases else 0  # the first year of the newest definition
    if mode == "index" and bases:  # only shown when it matters (disabled labels fail contrast)
        base = c4.selectbox(
            "Basisjaar",
            bases,
            key=K_BASE,
            bind="query-params",
            help="Het jaar dat op 100 wordt gezet bij 'Index'. Alleen jaren met de nieuwste "
            "definitie: een index over een definitiebreuk vergelijkt twee verschillende tellingen.",
        )
    return level, measure, mode, int(base)


def index_bases(measure: str, programmes: tuple[str, ...]) -> list[int]:
    """Years of the newest definition with data for the selection (NL): the possible index bases."""
    yearly = q.students__yearly(q.StudentSelection(measure=measure, programmes=programmes))
    known = yearly[yearly["student_count"].notna()]
    if known.empty:
        return []
    newest = known.loc[known["year"].idxmax(), "definition"]
    return sorted(int(y) for y in known.loc[known["definition"] == newest, "year"])


def choose_peers(level: str, code: str, name: str) -> pd.DataFrame:
    """The peer group: closest in population (SQL), or the user's own list."""
    regions = q.options__regions()
    same = regions[(regions["region_level"] == level) & (regions["region_code"] != code)]
    labels = dict(zip(same["region_code"], same["region_name"], strict=True))
    c1, c2 = st.columns([1, 2.4])
    count = c1.slider(
        "Aantal vergelijkbare regio's",
        3,
        10,
        5,
        key=K_PEERS,
        bind="query-params",
        help="De regio's van hetzelfde niveau met het inwonertal dat het dichtst bij ligt "
        "(laatste jaar; bij gelijke afstand telt de code).",
    )
    picked = c2.multiselect(
        f"Of kies zelf {cr.PLURAL[level]} om mee te vergelijken",
        list(labels),
        format_func=labels.get,
        key=K_COMPARE,
        bind="query-params",
        placeholder="Automatisch: dichtstbijzijnd in inwonertal",
    )
    picked = [c for c in picked if c in labels]
    auto = qr.peers__by_population(level, code, count)
    if picked:
        peers = pd.DataFrame({"region_code": picked, "region_name": [labels[c] for c in picked]})
        st.caption("Vergelijkingsgroep: uw eigen keuze. " + ", ".join(peers["region_name"]) + ".")
        return peers
    peers = auto[auto["peer_rank"] > 0]
    year = int(auto["population_year"].iloc[0]) if len(auto) else ""
    st.caption(
        f"Vergelijkingsgroep: de {len(peers)} {cr.PLURAL[level]} die in inwonertal "
        f"(1 januari {year}) het dichtst bij {name} liggen: "
        + ", ".join(f"{r.region_name} ({fmt.number(r.population)})" for r in peers.itertuples())
        + "."
    )
    return peers[["region_code", "region_name"]]


# ------------------------------------------------------------------ trend (DUO)


def render_trend(
    sel: q.StudentSelection,
    level: str,
    code: str,
    name: str,
    peers: pd.DataFrame,
    mode: str,
    base: int,
) -> None:
    df = qr.regions__students_yearly(sel, level, code, tuple(peers["region_code"]), base)
    field = FIELDS[mode]
    data = df.dropna(subset=[field])
    region = data[data["series"] == "region"]
    only_suppressed = df[(df["series"] == "region") & df["is_suppressed_only"]]
    if region.empty and not only_suppressed.empty:
        st.info(
            f"{name} heeft voor deze keuze alleen afgeschermde aantallen (<5 per cel): DUO "
            "publiceert het precieze aantal niet. Kies meer opleidingsgroepen of een groter niveau."
        )
        return
    if region.empty:
        st.info(
            f"{name} heeft geen hogeschoolvestiging met deze opleidingen (of geen waarde voor "
            "deze keuze). DUO telt studenten in de gemeente van de vestiging. Kies niveau "
            "'Arbeidsmarktregio' of 'Provincie', of meer opleidingsgroepen links."
        )
        return
    data = cr.label_series(data, name)
    data["waarde_tekst"] = [counted_text(r, field, mode) for _, r in data.iterrows()]
    y_title = {
        "count": "Aantal studenten",
        "per_1000": "Studenten per 1.000 inwoners",
        "index": f"Index ({base} = 100)",
    }[mode]
    render_trend_kpis(data, field, mode, sel.measure, name)
    trend_notes(df, mode, name)
    title = (
        f"{charts.MEASURE_LABELS[sel.measure]} – {name} naast Nederland en vergelijkbare regio's"
    )
    chart = cr.comparison_trend(
        data,
        field,
        y_title,
        value_format=value_format(mode),
        break_field="definition",
        label_field="waarde_tekst",
    )
    if sel.measure in BREAKS and data["definition"].nunique() > 1:
        chart = chart + charts.break_rule(*BREAKS[sel.measure])
    sub = [f"{LEVELS[level]} · {VALUES[mode]} · locatie van de hogeschool, niet de woonplaats"]
    if mode == "count":
        sub.append("Nederland en de groep zijn veel groter: kies 'Per 1.000 inwoners' of 'Index'.")
    chart = charts.finish(chart, title, sub)
    summary = trend_summary(data, field, mode, name)
    table = data[
        [
            "year",
            "definition",
            "reeks",
            "region_code",
            "student_count",
            "suppressed_cells",
            "waarde_tekst",
            "population",
            "is_population_estimate",
            "per_1000",
            "index_value",
        ]
    ].rename(
        columns={
            "year": "jaar",
            "definition": "definitie",
            "student_count": "aantal",
            "suppressed_cells": "cellen_lt5",
            "population": "inwoners",
            "is_population_estimate": "inwoners_geschat",
            "index_value": f"index_{base}",
        }
    )
    prov = ui.provenance(
        SNAPSHOT[sel.measure],
        title,
        f"{name} · {LEVELS[level]}",
        "1 oktober van het studiejaar; inwoners 1 januari",
    )
    ui.chart_block(
        chart, table, prov, summary, key="regio-trend", definition=DEFINITION[sel.measure]
    )
    if mode == "per_1000" and df["year"].min() < df.loc[df["population"].notna(), "year"].min():
        first = int(df.loc[df["population"].notna(), "year"].min())
        st.caption(
            f"Per 1.000 inwoners alleen vanaf {first}: eerdere CBS-bevolkingscijfers op de "
            "gemeentelijke indeling van 2023 zitten niet in dit dashboard."
        )


def render_trend_kpis(data: pd.DataFrame, field: str, mode: str, measure: str, name: str) -> None:
    last_year = int(data.loc[data["series"] == "region", "year"].max())
    last = data[data["year"] == last_year].set_index("series")
    cols = st.columns(3)
    for col, series, label in (
        (cols[0], "region", name),
        (cols[1], "peers", "Vergelijkbare regio's (samen)"),
        (cols[2], "nl", "Nederland"),
    ):
        if series not in last.index:
            continue
        row = last.loc[[series]].iloc[0]
        text = counted_text(row, field, mode)
        sentence = ""
        if series == "region":
            nl = counted_text(last.loc[["nl"]].iloc[0], field, mode)
            what = MEASURES[measure].lower()
            if mode == "per_1000":
                what += " aan hogeschoolvestigingen in de regio per 1.000 inwoners"
            else:
                what += f" ({VALUES[mode].lower()}, locatie van de hogeschool)"
            sentence = (
                f"In {last_year}: {name} {text} {what} in de gekozen opleidingen, tegen {nl} in "
                "Nederland (DUO; inwoners CBS, 1 januari)."
            )
        ui.kpi(col, f"{label} {last_year}", text, sentence=sentence)


def trend_notes(df: pd.DataFrame, mode: str, name: str) -> None:
    """Say which peers count as 0 (no hogeschool) and which denominators are estimates."""
    group = df[df["series"] == "peers"]
    if len(group) and group["no_location_count"].max() > 0:
        latest = group.loc[group["year"].idxmax()]
        st.caption(
            f"{int(latest['no_location_count'])} van de vergelijkbare regio's heeft (in "
            f"{int(latest['year'])}) geen hogeschoolvestiging met deze opleidingen en telt als 0 "
            "mee in de groep."
        )
    if mode == "per_1000":
        est = df[df["is_population_estimate"] & df["population"].notna()]
        if len(est):
            names = ", ".join(dict.fromkeys(est["region_name"]))
            years = sorted(int(y) for y in est["year"].unique())
            st.caption(
                f"Geschat inwonertal ({years[0]}-{years[-1]}) voor {names}: gemeenten die later "
                "zijn samengevoegd of gesplitst zijn omgerekend naar de gemeentelijke indeling van "
                "het dashboard (naar rato van de inwoners die CBS per opvolger noemt)."
                if len(years) > 1
                else f"Geschat inwonertal ({years[0]}) voor {names}: omgerekend naar de "
                "gemeentelijke indeling van het dashboard."
            )


def trend_summary(
    data: pd.DataFrame,
    field: str,
    mode: str,
    name: str,
    x: str = "year",
    nl: str = "Nederland",
    peers: str = "de vergelijkbare regio's",
    vacancies: bool = False,
) -> str:
    parts = []
    for series, label in (("region", name), ("peers", peers), ("nl", nl)):
        s = data[data["series"] == series].sort_values(x)
        if s.empty:
            continue
        first, last = s.iloc[0], s.iloc[-1]
        parts.append(
            f"{label} van {value_text(first[field], mode, vacancies)} ({first[x]}) naar "
            f"{value_text(last[field], mode, vacancies)} ({last[x]})"
        )
    return "; ".join(parts) + ". Grijze lijnen: de afzonderlijke vergelijkbare regio's."


# ------------------------------------------------------------------ map (DUO)


def render_map(
    sel: q.StudentSelection, level: str, code: str, name: str, mode: str, base: int
) -> None:
    yearly = q.students__yearly(sel)
    known = yearly[yearly["student_count"].notna()]
    if mode == "index":  # an index only within the base year's definition
        definition = known.loc[known["year"] == base, "definition"]
        known = known[known["definition"].isin(definition)]
    years = sorted(int(y) for y in known["year"].unique())
    years = [y for y in years if mode != "per_1000" or y >= first_population_year()]
    if not years:
        st.info("Geen jaren met gegevens voor deze keuze. Kies meer opleidingsgroepen links.")
        return
    year = st.selectbox("Jaar", years[::-1], key=K_YEAR, bind="query-params")
    df = q.students__by_region(sel, level, year, base)
    df = df.assign(waarde_tekst=[counted_text(r, FIELDS[mode], mode) for _, r in df.iterrows()])
    df.loc[df["student_count"].isna() & ~df["is_suppressed_only"], "waarde_tekst"] = (
        "geen hogeschoolvestiging met deze opleidingen"
    )
    if mode == "per_1000":
        ui.estimate_note(df, year)
    field = FIELDS[mode]
    value_title = {
        "count": "Aantal studenten",
        "per_1000": "Per 1.000 inwoners",
        "index": f"Index ({base} = 100)",
    }[mode]
    rank = cr.rank_of(df, field, code)
    text = cr.rank_text(rank, level, len(df))
    st.metric(
        f"Rang van {name} ({VALUES[mode].lower()}, {year})",
        text,
        border=True,
        help="1 = hoogste waarde. Berekend uit de getoonde gegevens; gelijke waarden delen "
        "de beste rang.",
    )
    title = f"{charts.MEASURE_LABELS[sel.measure]} per {level}, {year} – {VALUES[mode].lower()}"
    features = geo.features(level)
    if df[field].notna().sum() == 0:
        st.info("Geen waarden voor deze keuze. Kies een ander jaar of meer opleidingsgroepen.")
        return
    if features is None:
        st.warning("De kaartgrenzen zijn niet beschikbaar; de ranglijst hieronder werkt wel.")
    else:
        chart = charts.finish(
            charts.choropleth(
                list(features),
                df,
                field,
                value_title,
                value_format(mode),
                highlight=code,
                label_field="waarde_tekst",
            ),
            title,
            [
                f"Omlijnd: {name} ({text})",
                "Grijs: geen hogeschoolvestiging met deze opleidingen, of alleen afgeschermde "
                "aantallen (<5).",
            ],
        )
        top = df.dropna(subset=[field]).sort_values(field, ascending=False).iloc[0]
        summary = f"{title}. Hoogste: {top['region_name']} ({top['waarde_tekst']}); {name}: {text}."
        table = df.rename(
            columns={
                "region_code": "code",
                "region_name": "regio",
                "student_count": "aantal",
                "suppressed_cells": "cellen_lt5",
                "is_suppressed_only": "alleen_lt5",
                "population": "inwoners",
                "is_population_estimate": "inwoners_geschat",
                "rank_desc": "rang_aantal",
            }
        )
        prov = ui.provenance(SNAPSHOT[sel.measure], title, name, "1 oktober van het studiejaar")
        ui.chart_block(
            chart, table, prov, summary, key="regio-kaart", definition=DEFINITION[sel.measure]
        )
    ui.show_chart(
        charts.finish(
            cr.ranking(
                df,
                field,
                value_title,
                LEVELS[level],
                name,
                value_format(mode),
                label_field="waarde_tekst",
            ),
            f"Ranglijst: {title}",
        )
    )


# ------------------------------------------------------------------ vacancies (CBS, provincie)


def render_vacancies(
    row: pd.Series, level: str, peers: pd.DataFrame, count: int, mode: str, base: int
) -> None:
    pv, pv_name = str(row["provincie_code"]), str(row["provincie_name"])
    periods = qr.options__province_periods(SBI_CARE)
    statline = periods[~periods["is_from_publication"]].iloc[-1]
    last = periods.iloc[-1]
    later = ""
    if last["period_code"] != statline["period_code"]:
        later = (
            f"; daarna enkele kwartalen uit CBS-publicaties, tot en met het "
            f"{fmt.quarter(int(last['year']), int(last['quarter']))}"
        )
    st.caption(
        "CBS publiceert vacatures alleen per provincie (tabel 83599NED, tot en met het "
        f"{fmt.quarter(int(statline['year']), int(statline['quarter']))}{later}; niet "
        f"seizoengecorrigeerd). Daarom staat hier {pv_name}, de provincie van {row['region_name']}."
    )
    if level == "provincie":
        peer_codes = tuple(peers["region_code"])
    else:
        auto = qr.peers__by_population("provincie", pv, min(count, 11))
        peer_codes = tuple(auto.loc[auto["peer_rank"] > 0, "region_code"])
    regions = q.options__regions().set_index("region_code")["region_name"]
    st.caption(
        "Vergelijkbare provincies: " + ", ".join(str(regions.get(c, c)) for c in peer_codes) + "."
    )
    complete = sorted(int(y) for y in periods.loc[periods["quarters_in_year"] == 4, "year"])
    vac_base = base if base in complete else complete[-1]
    if mode == "index" and vac_base != base:
        st.caption(
            f"Basisjaar {base} is geen volledig jaar in de vacaturereeks; index op het "
            f"gemiddelde van {vac_base} = 100."
        )
    df = qr.regions__vacancies_quarterly(SBI_CARE, pv, peer_codes, vac_base)
    field = {"count": "vacancy_count", "per_1000": "per_1000", "index": "index_value"}[mode]
    data = df.dropna(subset=[field]).copy()
    if data.empty:
        st.info("Geen vacaturecijfers voor deze provincie.")
        return
    data["kwartaal"] = [
        fmt.quarter_short(y, k) for y, k in zip(data["year"], data["quarter"], strict=True)
    ]
    # every quarter from first to last on the axis, so missing quarters stay visible gaps, and
    # a line is drawn only between consecutive quarters (never across a gap)
    index = data["year"] * 4 + data["quarter"] - 1
    first, last_q = int(index.min()), int(index.max())
    domain = [fmt.quarter_short(i // 4, i % 4 + 1) for i in range(first, last_q + 1)]
    data = data.sort_values(["region_code", "period_code"])
    step = (data["year"] * 4 + data["quarter"]).groupby(data["region_code"]).diff().fillna(1)
    data["deel"] = (step != 1).groupby(data["region_code"]).cumsum().astype(int)
    data["bron"] = [
        "CBS StatLine 83599NED" if k == "statline" else f"CBS-publicatie via {p or 'CBS'}"
        for k, p in zip(data["source_kind"], data["publisher"], strict=True)
    ]
    data = cr.label_series(data, pv_name)
    data["reeks"] = data["reeks"].replace(
        "Vergelijkbare regio's (samen)", "Vergelijkbare provincies (samen)"
    )
    y_title = {
        "count": "Openstaande vacatures",
        "per_1000": "Vacatures per 1.000 inwoners",
        "index": f"Index (gemiddelde {vac_base} = 100)",
    }[mode]
    fmt_str = vacancy_format(mode)
    title = f"Vacatures zorg en welzijn – {pv_name} naast Nederland en vergelijkbare provincies"
    chart = charts.finish(
        cr.comparison_trend(
            data,
            field,
            y_title,
            x="kwartaal",
            x_title="Kwartaal",
            value_format=fmt_str,
            break_field="deel",
            x_domain=domain,
            source_field="bron",
        ),
        title,
        [
            "SBI Q gezondheids- en welzijnszorg (bovengrens voor sociaal werk); niet "
            "seizoengecorrigeerd; losse punten na de StatLine-reeks komen uit CBS-publicaties"
        ],
    )
    summary = trend_summary(
        data.sort_values("period_code"),
        field,
        mode,
        pv_name,
        x="kwartaal",
        peers="de vergelijkbare provincies",
        vacancies=True,
    )
    table = data[
        [
            "kwartaal",
            "reeks",
            "region_code",
            "vacancy_count",
            "is_provisional",
            "bron",
            "url",
            "population",
            "per_1000",
            "index_value",
        ]
    ].rename(
        columns={
            "vacancy_count": "vacatures",
            "is_provisional": "voorlopig",
            "population": "inwoners",
        }
    )
    prov = ui.provenance("cbs_vacancies", title, pv_name, "einde van het kwartaal")
    ui.chart_block(
        chart,
        table,
        prov,
        summary,
        key="regio-vac-trend",
        definition="openstaande vacatures in SBI Q (gezondheids- en welzijnszorg)",
    )
    render_vacancy_map(pv, pv_name, mode, vac_base)


def map_periods(mode: str) -> dict[str, tuple[int, int | None, str]]:
    """Map periods, newest first: option -> (year, quarter or None, label).

    A complete year is offered as its mean of four quarters; a year with fewer quarters only as
    its single quarters, so half a year is never called a year (nor an index base).
    """
    periods = qr.options__province_periods(SBI_CARE)
    first = first_population_year() if mode == "per_1000" else 0
    out: dict[str, tuple[int, int | None, str]] = {}
    for year, rows in periods[periods["year"] >= first].groupby("year", sort=False):
        if len(rows) == 4:
            out[str(year)] = (int(year), None, f"{year} (jaargemiddelde)")
        elif mode != "index":
            for r in rows.itertuples():
                source = " – uit CBS-publicatie" if r.is_from_publication else ""
                label = fmt.quarter(int(r.year), int(r.quarter)) + source
                out[f"{r.year}K{r.quarter}"] = (int(r.year), int(r.quarter), label)
    return dict(sorted(out.items(), key=lambda kv: (kv[1][0], kv[1][1] or 5), reverse=True))


def render_vacancy_map(pv: str, pv_name: str, mode: str, base: int) -> None:
    options = map_periods(mode)
    if not options:
        st.info("Geen vacatureperiodes voor deze keuze.")
        return
    choice = st.selectbox(
        "Periode (vacatures)",
        list(options),
        format_func=lambda o: options[o][2],
        key=K_VAC_YEAR,
        bind="query-params",
        help="Een jaarcijfer is het gemiddelde van de vier kwartalen. Van een jaar met minder "
        "kwartalen zijn alleen de losse kwartalen te kiezen (geen index, geen jaargemiddelde).",
    )
    year, quarter, period_label = options[choice]
    mean_label = "jaargemiddelde van de kwartalen" if quarter is None else "één kwartaal"
    df = q.vacancies__by_region(SBI_CARE, "provincie", year, quarter, base)
    if df["is_from_publication"].any():
        st.caption(
            "Dit kwartaal komt niet uit het StatLine-bestand 83599NED maar uit een CBS-publicatie "
            "(overgenomen tabel, niet seizoengecorrigeerd, zelfde reeks); zie 'Over de data'."
        )
    field = {"count": "vacancy_count", "per_1000": "per_1000", "index": "index_value"}[mode]
    rank = cr.rank_of(df, field, pv)
    text = cr.rank_text(rank, "provincie", len(df))
    st.metric(
        f"Rang van {pv_name} (vacatures, {VALUES[mode].lower()}, {period_label})",
        text,
        border=True,
        help=f"1 = hoogste waarde ({mean_label}).",
    )
    features = geo.features("provincie")
    value_title = {
        "count": "Vacatures",
        "per_1000": "Per 1.000 inwoners",
        "index": f"Index ({base} = 100)",
    }[mode]
    title = f"Vacatures zorg en welzijn per provincie, {period_label} – {VALUES[mode].lower()}"
    if features is None:
        st.warning("De kaartgrenzen zijn niet beschikbaar.")
        return
    chart = charts.finish(
        charts.choropleth(
            list(features), df, field, value_title, vacancy_format(mode), highlight=pv
        ),
        title,
        [f"Omlijnd: {pv_name} ({text}); {mean_label}"],
    )
    top = df.dropna(subset=[field]).sort_values(field, ascending=False).iloc[0]
    summary = (
        f"{title}. Hoogste: {top['region_name']} ({value_text(top[field], mode, True)}); "
        f"{pv_name}: {text}."
    )
    prov = ui.provenance("cbs_vacancies", title, pv_name, mean_label)
    ui.chart_block(
        chart,
        df,
        prov,
        summary,
        key="regio-vac-kaart",
        definition=f"openstaande vacatures in SBI Q, {mean_label}; afgerond op honderdtallen "
        "zoals CBS ze publiceert",
    )


# ------------------------------------------------------------------ own figures (upload)


def read_upload() -> upload.UploadResult | None:
    st.caption(
        f"Upload een CSV- of XLSX-bestand (max. {fmt.number(upload.MAX_BYTES / 2**20)} MB) "
        "met een kolom gemeente (code zoals GM0363 of naam), een kolom jaar en een of meer "
        "kolommen met cijfers, bijvoorbeeld uit de Monitor Sociaal Domein. Het bestand blijft "
        "alleen in deze browsersessie: het wordt niet "
        "opgeslagen en hoort niet bij de deelbare link. Formules worden nooit uitgevoerd."
    )
    file = st.file_uploader("Eigen cijfers (CSV of XLSX)", type=["csv", "xlsx"], key=K_UPLOAD)
    if file is None:
        return None
    err = upload.size_error(file.size)
    if err:  # checked on the reported size, before any byte is parsed
        st.error(err)
        return None
    cache = st.session_state.get("_regio_upload")
    if cache and cache[0] == file.file_id:
        return cache[1]
    gemeenten = q.options__regions()
    gemeenten = gemeenten[gemeenten["region_level"] == "gemeente"].rename(
        columns={"region_code": "gemeente_code", "region_name": "gemeente_name"}
    )
    try:
        result = upload.parse(file.getvalue(), file.name, gemeenten)
    except upload.UploadError as exc:
        st.error(str(exc))
        return None
    st.session_state["_regio_upload"] = (file.file_id, result)
    return result


def report_upload(result: upload.UploadResult) -> None:
    for m in result.messages:
        st.info(md(m))
    if len(result.unmatched):
        with st.expander(f"Niet herkend ({len(result.unmatched)})", expanded=True):
            st.dataframe(result.unmatched, hide_index=True, width="stretch")
    if len(result.duplicates):
        with st.expander(f"Dubbel ({len(result.duplicates)})"):
            st.dataframe(result.duplicates, hide_index=True, width="stretch")
    if len(result.problems):
        with st.expander(f"Cellen met een opmerking ({len(result.problems)})"):
            st.dataframe(result.problems, hide_index=True, width="stretch")


def render_own(row: pd.Series, level: str, peers: pd.DataFrame, count: int) -> None:
    result = read_upload()
    if result is None:
        return
    report_upload(result)
    if not result.variables or result.values.empty:
        return
    c1, c2 = st.columns(2)
    var = c1.selectbox("Kolom", result.variables, key=K_OWN_VAR, bind="query-params")
    vals = result.values[result.values["variable"] == var]
    years = sorted(vals["year"].unique().tolist())
    year = c2.selectbox("Jaar", years[::-1], key=K_OWN_YEAR, bind="query-params")
    code, name = str(row["region_code"]), str(row["region_name"])
    prov = exports.Provenance(
        title=f"Eigen cijfers: {var}",
        source="eigen bestand (upload)",
        peildatum="zoals in uw bestand",
        licence="eigen gegevens",
        filters=name,
    )
    df = vals[vals["year"] == year].rename(
        columns={"gemeente_code": "region_code", "gemeente_name": "region_name"}
    )
    rank = cr.rank_of(df, "value", code)
    text = cr.rank_text(rank, "gemeente", len(df))
    st.metric(
        f"Rang van {name} ({var}, {year})",
        text,
        border=True,
        help="1 = hoogste waarde, onder de gemeenten in uw bestand.",
    )
    features = geo.features("gemeente")
    if features is not None and df["value"].notna().any():
        chart = charts.finish(
            charts.choropleth(
                list(features), df, "value", var, charts.DECIMAL_FORMAT, highlight=code
            ),
            f"{var}, {year}",
            [f"Omlijnd: {name} ({text}); grijs = niet in uw bestand"],
        )
        top = df.dropna(subset=["value"]).sort_values("value", ascending=False).iloc[0]
        summary = (
            f"{var} in {year}: hoogste {top['region_name']} "
            f"({fmt.number(top['value'], 1)}); {name}: {text}."
        )
        ui.chart_block(
            chart,
            df,
            prov,
            summary,
            key="regio-eigen-kaart",
            definition="uw eigen cijfers, per gemeente",
        )
    own_peers = (
        peers
        if level == "gemeente"
        else qr.peers__by_population("gemeente", code, count).query("peer_rank > 0")
    )
    render_own_trend(vals, code, name, tuple(own_peers["region_code"]), var, prov)


def render_own_trend(
    vals: pd.DataFrame,
    code: str,
    name: str,
    peer_codes: tuple[str, ...],
    var: str,
    prov: exports.Provenance,
) -> None:
    mine = vals[vals["gemeente_code"] == code].assign(series="region")
    if mine["value"].notna().sum() == 0:
        st.info(f"Uw bestand heeft geen waarden voor {name}; kies een andere gemeente bovenaan.")
        return
    peer_rows = vals[vals["gemeente_code"].isin(peer_codes)].assign(series="peer")
    group = (
        peer_rows.groupby("year", as_index=False)["value"]
        .mean()
        .assign(series="peers", gemeente_name="Vergelijkbare gemeenten (gemiddelde)")
    )
    everyone = (
        vals.groupby("year", as_index=False)["value"]
        .mean()
        .assign(series="nl", gemeente_name="Alle gemeenten in uw bestand (gemiddelde)")
    )
    data = (
        pd.concat([mine, peer_rows, group, everyone], ignore_index=True)
        .rename(columns={"gemeente_name": "region_name"})
        .dropna(subset=["value"])
    )
    data = cr.label_series(data, name)
    data.loc[data["series"] == "nl", "reeks"] = "Alle gemeenten in uw bestand (gemiddelde)"
    chart = charts.finish(
        cr.comparison_trend(data, "value", var, value_format=charts.DECIMAL_FORMAT),
        f"{var}: {name} naast vergelijkbare gemeenten",
        ["Vergelijkbaar: dichtst bij in inwonertal (grijs: afzonderlijk)"],
    )
    summary = trend_summary(data, "value", "index", name, nl="alle gemeenten in uw bestand")
    table = data[["year", "reeks", "gemeente_code", "value"]].rename(
        columns={"year": "jaar", "value": var}
    )
    ui.chart_block(
        chart,
        table,
        prov,
        summary,
        key="regio-eigen-trend",
        definition="uw eigen cijfers; groepen = ongewogen gemiddelde",
    )


# ------------------------------------------------------------------ page


def render(f: Filters) -> None:
    row = pick_gemeente()
    show_gemeente(row)
    level, measure, mode, base = choose_view(tuple(f.programmes))
    code, name = level_code(row, level)
    st.caption(
        f"Studenten (DUO) vergelijkt u hier op niveau {LEVELS[level].lower()}: {name}. DUO telt "
        "studenten in de gemeente van de hogeschoolvestiging, niet waar ze wonen; een gemeente "
        "zonder hogeschool heeft dus nul studenten. Vacatures (CBS) bestaan alleen per provincie."
    )
    peers = choose_peers(level, code, name)
    count = int(st.session_state.get(K_PEERS, 5))
    if not f.programmes:
        st.info("Geen opleidingen gekozen. Kies links een of meer opleidingsgroepen.")
        return
    sel = q.StudentSelection(measure=measure, programmes=tuple(f.programmes))
    trend, kaart, vac, own = st.tabs(VIEWS, key=K_VIEW, bind="query-params")
    if trend.open:
        with trend:
            render_trend(sel, level, code, name, peers, mode, base)
    if kaart.open:
        with kaart:
            render_map(sel, level, code, name, mode, base)
    if vac.open:
        with vac:
            render_vacancies(row, level, peers, count, mode, base)
    if own.open:
        with own:
            render_own(row, level, peers, count)
