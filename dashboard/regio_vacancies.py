"""Regio's vacancy figures (CBS, per provincie) as builders without Streamlit calls.

Used by the Regio page (pages/regio/vacatures.py, vacaturekaart.py) and the factsheet, so both
show the same quarters, peers, index base and map for a selection.
"""

from __future__ import annotations

import pandas as pd

from dashboard import charts_geo, charts_regio, fmt, queries, queries_regio, sources
from dashboard.components.blocks import ChartBlock
from dashboard.queries_catalog import catalog
from dashboard.regio_figures import VALUES, Escape, View

SBI_CARE = "422400"  # SBI Q: gezondheids- en welzijnszorg
FIELDS = {"count": "vacancy_count", "per_1000": "per_1000", "index": "index_value"}
Period = tuple[int, int | None, str]  # year, quarter (None = mean of four), label
COLUMNS = (
    "kwartaal",
    "reeks",
    "region_code",
    "vacancy_count",
    "is_provisional",
    "bron",
    "url",
    "quote",
    "population",
    "per_1000",
    "index_value",
)
DEFINITION = "openstaande vacatures in SBI Q (gezondheids- en welzijnszorg)"


def periods() -> pd.DataFrame:
    return queries_regio.options__province_periods(SBI_CARE)


def source_text(periods: pd.DataFrame, pv_name: str, gemeente: str, esc: Escape = str) -> str:
    """Which quarters the StatLine file holds and which later ones come from CBS publications."""
    statline = periods[~periods["is_from_publication"]].iloc[-1]
    last = periods.iloc[-1]
    later = ""
    if last["period_code"] != statline["period_code"]:
        later = (
            "; daarna enkele kwartalen uit CBS-publicaties, tot en met het "
            f"{fmt.quarter(int(last['year']), int(last['quarter']))}"
        )
    return (
        "CBS publiceert vacatures alleen per provincie (tabel 83599NED, tot en met het "
        f"{fmt.quarter(int(statline['year']), int(statline['quarter']))}{later}; niet "
        f"seizoengecorrigeerd). Daarom staat hier {esc(pv_name)}, de provincie van "
        f"{esc(gemeente)}."
    )


def peer_provinces(v: View, pv: str) -> tuple[str, ...]:
    """The view's peers when it compares provincies, else the provincies closest in population."""
    if v.level == "provincie":
        return tuple(v.peers["region_code"])
    auto = queries_regio.peers__by_population("provincie", pv, min(v.peer_count, 11))
    return tuple(auto.loc[auto["peer_rank"] > 0, "region_code"])


def peers_text(codes: tuple[str, ...], esc: Escape = str) -> str:
    names = queries.options__regions().set_index("region_code")["region_name"]
    return f"Vergelijkbare provincies: {', '.join(esc(names.get(c, c)) for c in codes)}."


def vacancy_base(periods: pd.DataFrame, base: int, mode: str) -> tuple[int, str]:
    """The index base: the chosen year when it has four quarters, else the last complete year;
    with the sentence that says so (empty when nothing changed)."""
    complete = sorted(int(y) for y in periods.loc[periods["quarters_in_year"] == 4, "year"])
    vac_base = base if base in complete or not complete else complete[-1]
    note = ""
    if mode == "index" and vac_base != base:
        note = (
            f"Basisjaar {base} is geen volledig jaar in de vacaturereeks; index op het "
            f"gemiddelde van {vac_base} = 100."
        )
    return vac_base, note


def quarterly(pv: str, pv_name: str, peer_codes: tuple[str, ...], field: str, base: int):
    """The quarterly frame with labels, source per point and the full quarter axis."""
    df = queries_regio.regions__vacancies_quarterly(SBI_CARE, pv, peer_codes, base)
    data = df.dropna(subset=[field]).copy()
    if data.empty:
        return [], data
    data["kwartaal"] = [
        fmt.quarter_short(y, k) for y, k in zip(data["year"], data["quarter"], strict=True)
    ]
    domain, data = charts_regio.quarter_parts(data)
    data["bron"] = [
        "CBS StatLine 83599NED" if k == "statline" else f"CBS-publicatie via {p or 'CBS'}"
        for k, p in zip(data["source_kind"], data["publisher"], strict=True)
    ]
    data = charts_regio.label_series(data, pv_name)
    data["reeks"] = data["reeks"].replace(
        "Vergelijkbare regio's (samen)", "Vergelijkbare provincies (samen)"
    )
    return domain, data


def trend_block(pv_name: str, mode: str, base: int, domain: list[str]) -> ChartBlock:
    field = FIELDS[mode]
    y_title = {
        "count": "Openstaande vacatures",
        "per_1000": "Vacatures per 1.000 inwoners",
        "index": f"Index (gemiddelde {base} = 100)",
    }[mode]
    return ChartBlock(
        key="regio-vac-trend",
        title=f"Vacatures zorg en welzijn – {pv_name} naast Nederland en vergelijkbare provincies",
        chart=lambda d: charts_regio.comparison_trend(
            d,
            field,
            y_title,
            x="kwartaal",
            x_title="Kwartaal",
            value_format=charts_regio.value_format(mode, vacancies=True),
            break_field="deel",
            x_domain=domain,
            source_field="bron",
        ),
        summary=lambda d: charts_regio.trend_summary(
            d.sort_values("period_code"),
            field,
            mode,
            pv_name,
            x="kwartaal",
            peers="de vergelijkbare provincies",
            vacancies=True,
        ),
        snapshot="cbs_vacancies",
        definition=DEFINITION,
        subtitle=[
            "SBI Q gezondheids- en welzijnszorg (bovengrens voor sociaal werk); niet "
            "seizoengecorrigeerd; losse punten na de StatLine-reeks komen uit CBS-publicaties"
        ],
        peildatum="einde van het kwartaal",
        selection=pv_name,
        columns=COLUMNS,
        sources=sources.vacancy_parts,
    )


def map_periods(mode: str) -> dict[str, Period]:
    """Map periods, newest first: option -> (year, quarter or None, label).

    A complete year is offered as its mean of four quarters; a year with fewer quarters only as
    its single quarters, so half a year is never called a year (nor an index base).
    """
    first = catalog().population_years[0] if mode == "per_1000" else 0
    out: dict[str, Period] = {}
    all_periods = periods()
    for year, rows in all_periods[all_periods["year"] >= first].groupby("year", sort=False):
        if len(rows) == 4:
            out[str(year)] = (int(year), None, f"{year} (jaargemiddelde)")
        elif mode != "index":
            for r in rows.itertuples():
                source = " – uit CBS-publicatie" if r.is_from_publication else ""
                label = fmt.quarter(int(r.year), int(r.quarter)) + source
                out[f"{r.year}K{r.quarter}"] = (int(r.year), int(r.quarter), label)
    return dict(sorted(out.items(), key=lambda kv: (kv[1][0], kv[1][1] or 5), reverse=True))


def map_frame(period: Period, base: int) -> pd.DataFrame:
    year, quarter, _ = period
    return queries.vacancies__by_region(SBI_CARE, "provincie", year, quarter, base)


def map_rank(df: pd.DataFrame, pv: str, mode: str) -> str:
    rank = charts_regio.rank_of(df, FIELDS[mode], pv)
    return charts_regio.rank_text(rank, "provincie", len(df))


def mean_label(period: Period) -> str:
    return "jaargemiddelde van de kwartalen" if period[1] is None else "één kwartaal"


def map_block(
    pv: str, pv_name: str, mode: str, base: int, period: Period, rank: str, features: list
) -> ChartBlock:
    field = FIELDS[mode]
    mean = mean_label(period)
    value_title = {
        "count": "Vacatures",
        "per_1000": "Per 1.000 inwoners",
        "index": f"Index ({base} = 100)",
    }[mode]
    title = f"Vacatures zorg en welzijn per provincie, {period[2]} – {VALUES[mode].lower()}"

    def summary(d: pd.DataFrame) -> str:
        top = d.dropna(subset=[field]).sort_values(field, ascending=False).iloc[0]
        top_text = charts_regio.value_text(top[field], mode, vacancies=True)
        return f"{title}. Hoogste: {top['region_name']} ({top_text}); {pv_name}: {rank}."

    return ChartBlock(
        key="regio-vac-kaart",
        title=title,
        chart=lambda d: charts_geo.choropleth(
            features,
            d,
            field,
            value_title,
            charts_regio.value_format(mode, vacancies=True),
            highlight=pv,
        ),
        summary=summary,
        snapshot="cbs_vacancies",
        definition=f"openstaande vacatures in SBI Q, {mean}; afgerond op honderdtallen "
        "zoals CBS ze publiceert",
        subtitle=[f"Omlijnd: {pv_name} ({rank}); {mean}"],
        peildatum=f"einde van het kwartaal; {mean}",
        selection=pv_name,
        sources=sources.vacancy_parts,
    )
