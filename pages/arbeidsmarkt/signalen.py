"""Tab Signalen uit de raadpleging: what social workers say about staying and workload."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, navigation, ui
from dashboard import charts_arbeidsmarkt as arbeid_charts
from dashboard import queries_arbeidsmarkt as arbeid_queries
from dashboard.queries_catalog import catalog

RAADPLEGING_CHAPTER = 11
RAADPLEGING_REFS = ("Figuur 11.5", "Figuur 11.6", "Figuur 11.2")


def render() -> None:
    if ui.unavailable("raadpleging"):
        return
    df = arbeid_queries.survey__retention_signals(RAADPLEGING_CHAPTER, RAADPLEGING_REFS)
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
    chart = arbeid_charts.grouped_bars(
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
        definition=definition(),
    )


def definition() -> str:
    previous = catalog().previous_round
    base = "aandeel van de sociaal werkers die de vraag beantwoordden"
    if previous is None:
        return base
    return f"{base}; vergelijking met de raadpleging {previous} alleen waar de tekst die geeft"
