"""Tab Kaart: the chosen year per provincie, arbeidsmarktregio or gemeente, with a ranking."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, charts_geo, config, fmt, geo, queries, ui
from dashboard.components.blocks import ChartBlock, render_block
from dashboard.components.controls import choice
from dashboard.params import Instroom as P
from dashboard.queries_catalog import catalog
from pages.instroom import keuzes, trend

LEVELS = {level: level.capitalize() for level in config.GEO_LEVELS}
VALUES = {"count": "Aantal", "per_1000": "Per 1.000 inwoners", "index": "Index (basisjaar = 100)"}
FIELDS = {"count": "student_count", "per_1000": "per_1000", "index": "index_value"}
COLUMNS = (
    "region_code",
    "region_name",
    "student_count",
    "suppressed_cells",
    "is_suppressed_only",
    "waarde_tekst",
    "population",
    "is_population_estimate",
    "per_1000",
    "base_count",
    "index_value",
    "rank_desc",
)


def index_bases(yearly: pd.DataFrame, year: int) -> list[int]:
    """Years that can be an index base for ``year``: those of the same definition, in order."""
    known = yearly[yearly["student_count"].notna()]
    definition = known.loc[known["year"] == year, "definition"]
    if definition.empty:
        return []
    same = known[known["definition"] == definition.iloc[0]]
    return sorted(int(y) for y in same["year"].unique())


def map_labels(df: pd.DataFrame, field: str, decimals: int) -> list[str]:
    """Tooltip/ranking text per region: '<5', 'minimaal …', 'geen hogeschoolvestiging'."""
    out = []
    for r in df.itertuples():
        if pd.isna(r.student_count) and not r.is_suppressed_only:
            out.append("geen hogeschoolvestiging met deze opleidingen")
        elif field == "index_value":
            v = getattr(r, field)
            text = "geen index (andere definitie of geen basiswaarde)"
            if not pd.isna(v):
                text = fmt.number(v, 1) + (
                    " (bij benadering: afgeschermde cellen)" if r.suppressed_cells else ""
                )
            out.append("<5" if r.is_suppressed_only else text)
        else:
            out.append(
                fmt.counted(getattr(r, field), r.suppressed_cells, r.is_suppressed_only, decimals)
            )
    return out


def _controls(yearly: pd.DataFrame, year: int) -> tuple[str, str, int]:
    c1, c2, c4 = st.columns([1.3, 1.6, 0.8])
    level = choice("Niveau", LEVELS, key=P.LEVEL, container=c1)
    mode = choice("Waarde", VALUES, key=P.VALUE, container=c2)
    bases = index_bases(yearly, year) or [year]
    base = bases[0]  # the first year of the shown year's definition
    if mode == "index":  # only shown when it matters (a disabled label fails contrast checks)
        base = choice(
            "Basisjaar",
            bases,
            key=P.BASE,
            kind="select",
            container=c4,
            help="Alleen jaren met dezelfde definitie als het gekozen jaar: een index over een "
            "definitiebreuk vergelijkt twee verschillende tellingen.",
        )
    return level, mode, int(base)


def _value_title(mode: str, base: int) -> str:
    return {
        "count": "Aantal studenten",
        "per_1000": "Studenten per 1.000 inwoners",
        "index": f"Index ({base} = 100)",
    }[mode]


def _summary(title: str, field: str):
    def summary(df: pd.DataFrame) -> str:
        shown = df.dropna(subset=[field])
        top = shown.sort_values(field, ascending=False).iloc[0]
        return (
            f"{title}. Hoogste: {top['region_name']} ({top['waarde_tekst']}); "
            f"{len(shown)} van {len(df)} gebieden hebben een gepubliceerd aantal; grijs = geen "
            "hogeschoolvestiging met deze opleidingen of alleen afgeschermde cellen (<5)."
        )

    return summary


def render(
    sel: queries.StudentSelection, label: str, highlight: str | None, year: int, yearly
) -> None:
    level, mode, base = _controls(yearly, year)
    field = FIELDS[mode]
    df = queries.students__by_region(sel, level, year, base)
    first_population = catalog().population_years[0]
    if mode == "per_1000" and year < first_population:
        st.info(
            f"Bevolkingscijfers (CBS 03759ned) zijn er vanaf {first_population}; kies "
            f"{first_population} of later voor 'per 1.000 inwoners'."
        )
    fmt_str = charts.NUMBER_FORMAT if mode == "count" else charts.DECIMAL_FORMAT
    value_title = _value_title(mode, base)
    m = catalog().measure(sel.measure)
    title = f"{trend.title_of(m)} per {level}, {year} – {VALUES[mode].lower()}"
    df = df.assign(waarde_tekst=map_labels(df, field, 0 if mode == "count" else 2))
    if mode == "per_1000":
        ui.estimate_note(df, year)
    shown = df.dropna(subset=[field])
    if shown.empty:
        st.info("Geen waarden voor deze keuze. " + keuzes.empty_reason(sel))
        return
    features = geo.features(level)
    if features is None:
        st.warning("De kaartgrenzen zijn niet beschikbaar; de ranglijst hieronder werkt wel.")
    else:
        block = ChartBlock(
            key="map",
            title=title,
            chart=lambda d: charts_geo.choropleth(
                list(features),
                d,
                field,
                value_title,
                fmt_str,
                highlight=highlight,
                label_field="waarde_tekst",
                no_data=charts_geo.NO_SCHOOL if mode != "index" else charts_geo.NO_DATA,
            ),
            summary=_summary(title, field),
            snapshot=m.snapshot,
            definition="studenten naar gemeente van de hogeschoolvestiging; inwoners "
            "op 1 januari van hetzelfde jaar (CBS)",
            subtitle=[
                label.replace(f" · {sel.region_code}", ""),
                "Locatie van de hogeschool(vestiging), niet de woonplaats van de student.",
            ],
            peildatum=m.peildatum,
            selection=label,
            columns=COLUMNS,
            column_labels={"base_count": f"aantal_{base}"},
        )
        render_block(block, df)
    _ranking(shown, field, value_title, fmt_str, level, title)


def _ranking(shown, field: str, value_title: str, fmt_str: str, level: str, title: str) -> None:
    ranking = shown.sort_values(field, ascending=False).head(40)
    ui.show_chart(
        charts.finish(
            charts.bars(
                ranking,
                "region_name",
                field,
                value_title,
                LEVELS[level],
                highlight=None,
                value_format=fmt_str,
                label_field="waarde_tekst",
            ),
            f"Ranglijst: {title}",
        )
    )
