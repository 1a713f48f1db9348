"""Tab Sociaal werk: the branch's vacaturegraad against zorg en welzijn, and the AZW forecast
editions side by side (each its own series, labelled by edition and year)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, ui
from dashboard import charts_arbeidsmarkt as arbeid_charts
from dashboard import queries_arbeidsmarkt as arbeid_queries

SNAPSHOT = "azw_sociaal_werk"
BRANCH_LABELS = {
    "AZW branche Sociaal werk": "branche sociaal werk",
    "AZW Zorg en welzijn (totaal)": "zorg en welzijn (totaal)",
}
SOURCE_COLUMNS = {"publisher": "bron", "url": "url", "quote": "citaat"}


def render() -> None:
    if ui.unavailable(SNAPSHOT):
        return
    st.write(
        "Cijfers over de branche sociaal werk zelf (AZW), overgenomen van webpagina's met de "
        "zin waar elk cijfer in staat (onder 'Gegevens en downloads')."
    )
    render_vacaturegraad()
    render_editions()


def period_text(r: pd.Series) -> str:
    """'<jaar> (jaargemiddelde)', '4e kwartaal <jaar> (einde kwartaal)'."""
    when = str(int(r["year"]))
    if r["period_type"] == "quarter":
        when = fmt.quarter(int(r["year"]), int(r["quarter"]))
    return f"{when} ({r['definition']})"


def render_vacaturegraad() -> None:
    df = arbeid_queries.sociaal_werk__vacaturegraad()
    if df.empty:
        return
    data = df.assign(
        branche=[BRANCH_LABELS.get(b, b) for b in df["branch"]],
        periode=[period_text(r) for _, r in df.iterrows()],
        label=[fmt.number(v) for v in df["vacaturegraad"]],
    ).sort_values(["definition", "period_code"])
    title = "Vacaturegraad: branche sociaal werk en zorg en welzijn"
    chart = arbeid_charts.grouped_bars(
        data,
        "periode",
        "vacaturegraad",
        "branche",
        "Vacatures per 1.000 banen",
        "label",
        ",.0f",
        "Periode",
        "Branche",
    )
    sub = "Jaargemiddelde en einde kwartaal zijn verschillende maten: vergelijk alleen binnen één."
    top = data.loc[data["vacaturegraad"].idxmax()]
    summary = (
        f"{title}. Hoogste waarde {top['label']} per 1.000 banen ({top['branche']}, "
        f"{top['periode']})."
    )
    table = data[["periode", "branche", "vacaturegraad", *SOURCE_COLUMNS]].rename(
        columns=SOURCE_COLUMNS
    )
    ui.chart_block(
        charts.finish(chart, title, sub),
        table,
        ui.provenance(SNAPSHOT, title, "Nederland", None),
        summary,
        key="sociaal-werk-vacaturegraad",
        definition="openstaande vacatures per 1.000 banen van werknemers (AZW/CBS)",
    )


def edition_points() -> pd.DataFrame:
    """Sociaal-werk shortages per edition and year, plus the seed's figures (azw_prognose)."""
    ed = arbeid_queries.forecast__editions()
    ed = ed[ed["is_sociaal_werk"] & ed["year"].notna()]
    rows = [
        {
            "row_label": r.edition_label,
            "year": int(r.year),
            "shortage_count": float(r.shortage_count),
            "value_text": r.quote,
            "bron": r.publisher,
            "url": r.url,
        }
        for r in ed.itertuples()
    ]
    seed = arbeid_queries.forecast__shortages()
    seed = seed[(seed["branche"] == "welzijn") & (seed["occupation"] == "sociaal werk")]
    if not seed.empty:
        label = f"AZW-prognose {int(seed['year'].min())}-{int(seed['year'].max())} (seed 001)"
        rows += [
            {
                "row_label": label,
                "year": int(r.year),
                "shortage_count": float(r.shortage_count),
                "value_text": r.value_text,
                "bron": "Vereniging Hogescholen, Sociaal in beweging",
                "url": f"seed {r.document}, regel {int(r.line)}",
            }
            for r in seed.itertuples()
        ]
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    return out.assign(
        year_label=[str(y) for y in out["year"]],
        label=[
            f"{fmt.number(v)} ({y})"
            for v, y in zip(out["shortage_count"], out["year"], strict=True)
        ],
    )


def render_editions() -> None:
    points = edition_points()
    if points.empty:
        return
    spans = (
        points.groupby("row_label", sort=False)["shortage_count"]
        .agg(start="min", end="max", points="count")
        .reset_index()
    )
    spans = spans[spans["points"] > 1]
    title = "Verwacht tekort sociaal werk per editie van het AZW-prognosemodel"
    sub = (
        "Elke editie is een eigen reeks: cijfers van verschillende edities horen niet op één lijn."
    )
    newest = points.loc[points["year"].idxmax()]
    summary = (
        f"{title}. Nieuwste cijfer: {fmt.number(newest['shortage_count'])} in {newest['year']} "
        f"({newest['row_label']})."
    )
    table = points[["row_label", "year", "shortage_count", "bron", "url", "value_text"]].rename(
        columns={"row_label": "editie", "value_text": "citaat"}
    )
    ui.chart_block(
        charts.finish(arbeid_charts.forecast_dumbbell(points, spans), title, sub),
        table,
        ui.provenance(SNAPSHOT, title, "Nederland", None),
        summary,
        key="sociaal-werk-edities",
        definition="verwacht tekort aan medewerkers (vraag minus aanbod), branche sociaal werk",
    )
