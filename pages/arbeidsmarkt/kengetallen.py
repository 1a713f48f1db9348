"""Tab Kengetallen: loose figures from the source documents, as worded there."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import fmt, ui
from dashboard import queries_arbeidsmarkt as arbeid_queries

DOCUMENTS = {
    "000": "Advies aan de verkenningscommissie HSS (Sociaal Werk Nederland)",
    "001": "Sociaal in beweging (Vereniging Hogescholen)",
    "003": "Jaarplan (Sociaal Werk Nederland)",
    "004": "Grote Raadpleging Sociaal Werk (Movisie)",
}
UNITS = {"percent": "%"}
THEMES_CARDS = ("arbeidsmarkt",)
THEMES_TABLE = ("sector", "maatschappij")
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


def render() -> None:
    if ui.unavailable("kengetallen"):
        return
    cards = arbeid_queries.kengetallen__by_theme(THEMES_CARDS)
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
        col.caption(ui.plain(details))
    prov = ui.provenance("kengetallen", "Kengetallen arbeidsmarkt", "", None)
    ui.source_caption(prov, "cijfers zoals de brondocumenten ze noemen, met document en regel")
    rest = arbeid_queries.kengetallen__by_theme(THEMES_TABLE)
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
