"""Tab Verwachte tekorten: expected shortages from the AZW forecast (as cited in seed 001)."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, fmt, ui
from dashboard import charts_arbeidsmarkt as arbeid_charts
from dashboard import queries_arbeidsmarkt as arbeid_queries


def figure_label(value: object, hedge: object) -> str:
    digits = 0 if float(value).is_integer() else 1
    number = fmt.number(value, digits)
    return f"{hedge} {number}" if isinstance(hedge, str) and hedge else number


def render() -> None:
    if ui.unavailable("azw_prognose"):
        return
    df = arbeid_queries.forecast__shortages()
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
        "AZW-prognosemodel zorg en welzijn, zoals geciteerd in 'Sociaal in beweging' "
        "(Vereniging Hogescholen).",
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
    render_notes()
    prov = ui.provenance("azw_prognose", title, "", None)
    ui.chart_block(
        charts.finish(arbeid_charts.forecast_dumbbell(points, spans), title, sub),
        table,
        prov,
        summary,
        key="tekorten",
        definition="verwacht tekort aan medewerkers (vraag minus aanbod) volgens het "
        "AZW-prognosemodel; overgenomen per regel uit seed 001",
    )


def render_notes() -> None:
    notes = arbeid_queries.forecast__notes()
    lines = []
    for r in notes.itertuples():
        scope = "alle cijfers" if r.is_definition else r.occupations
        lines.append(f"- {ui.plain(r.note_text)} *(geldt voor: {ui.plain(scope)})*")
    st.warning(
        "**Let op bij deze cijfers** – kanttekeningen uit de bron en de transcriptie:\n\n"
        + "\n".join(lines),
        icon="⚠️",
    )
