"""Regio's student map as builders without Streamlit calls (the page and the factsheet)."""

from __future__ import annotations

import pandas as pd

from dashboard import charts, charts_geo, charts_regio, queries
from dashboard.components.blocks import ChartBlock
from dashboard.queries_catalog import catalog
from dashboard.regio_figures import FIELDS, LEVELS, VALUES, View


def map_years(v: View) -> list[int]:
    """Years with data for the selection; an index only within the base year's definition."""
    yearly = queries.students__yearly(v.selection)
    known = yearly[yearly["student_count"].notna()]
    if v.mode == "index":
        definition = known.loc[known["year"] == v.base, "definition"]
        known = known[known["definition"].isin(definition)]
    years = sorted(int(y) for y in known["year"].unique())
    first_population = catalog().population_years[0]
    return [y for y in years if v.mode != "per_1000" or y >= first_population]


def region_frame(v: View, year: int) -> pd.DataFrame:
    df = queries.students__by_region(v.selection, v.level, year, v.base)
    df = df.assign(
        waarde_tekst=[
            charts_regio.counted_text(r, FIELDS[v.mode], v.mode) for _, r in df.iterrows()
        ]
    )
    df.loc[df["student_count"].isna() & ~df["is_suppressed_only"], "waarde_tekst"] = (
        "geen hogeschoolvestiging met deze opleidingen"
    )
    return df


def map_value_title(v: View) -> str:
    return {
        "count": "Aantal studenten",
        "per_1000": "Per 1.000 inwoners",
        "index": f"Index ({v.base} = 100)",
    }[v.mode]


def map_title(v: View, year: int) -> str:
    unit = catalog().measure(v.measure).unit_label
    return f"{unit[:1].upper() + unit[1:]} per {v.level}, {year} – {VALUES[v.mode].lower()}"


def map_rank(v: View, df: pd.DataFrame) -> str:
    field = FIELDS[v.mode]
    return charts_regio.rank_text(charts_regio.rank_of(df, field, v.code), v.level, len(df))


def map_block(v: View, title: str, rank: str, features: list) -> ChartBlock:
    m = catalog().measure(v.measure)
    field = FIELDS[v.mode]

    def summary(d: pd.DataFrame) -> str:
        top = d.dropna(subset=[field]).sort_values(field, ascending=False).iloc[0]
        return f"{title}. Hoogste: {top['region_name']} ({top['waarde_tekst']}); {v.name}: {rank}."

    return ChartBlock(
        key="regio-kaart",
        title=title,
        chart=lambda d: charts_geo.choropleth(
            features,
            d,
            field,
            map_value_title(v),
            charts_regio.value_format(v.mode),
            highlight=v.code,
            label_field="waarde_tekst",
            no_data=charts_geo.NO_SCHOOL if v.mode != "index" else charts_geo.NO_DATA,
        ),
        summary=summary,
        snapshot=m.snapshot,
        definition=f"{m.definition_text()}, naar gemeente van de hogeschoolvestiging",
        subtitle=[
            f"Omlijnd: {v.name} ({rank})",
            "Grijs: geen hogeschoolvestiging met deze opleidingen, of alleen afgeschermde "
            "aantallen (<5).",
        ],
        peildatum=m.peildatum,
        selection=v.name,
        column_labels={"rank_desc": "rang_aantal"},
    )


def ranking_chart(v: View, df: pd.DataFrame, title: str):
    ranking = charts_regio.ranking(
        df,
        FIELDS[v.mode],
        map_value_title(v),
        LEVELS[v.level],
        v.name,
        charts_regio.value_format(v.mode),
        label_field="waarde_tekst",
    )
    return charts.finish(ranking, f"Ranglijst: {title}")
