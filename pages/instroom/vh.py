"""Tab Studiesucces (VH): the Vereniging Hogescholen HSS figures quoted in the seed report.

The caveats are read from the transcription itself: where the report's text gives another
number than its table, a column header that repeats a year, and the year from which the VH
counts calendar years instead of study years.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import fmt, queries, ui

KEY = ["indicator", "programme_scope", "year"]
SHOW = {
    "programme_scope": "groep",
    "indicator_label": "indicator",
    "year": "jaar",
    "year_label": "soort jaar",
    "waarde": "waarde",
    "unit": "eenheid",
    "block": "plek in rapport",
    "line": "regel",
    "note": "toelichting",
}


def _number(v: float) -> str:
    return fmt.number(v, 1 if v % 1 else 0)


def text_vs_table(df: pd.DataFrame) -> list[str]:
    """'de tekst noemt <n> (<groep>, <jaar>), de tabel <m>' for every unhedged mismatch."""
    prose = df[(df["block"] == "prose") & ~df["is_hedged"] & df["year"].notna()]
    table = df[df["block"] == "bijlage3"]
    both = prose.merge(table, on=KEY, suffixes=("_prose", "_bijlage"))
    differ = both[both["value_prose"].ne(both["value_bijlage"])]
    return [
        f"de tekst noemt {_number(r.value_prose)} ({r.programme_scope}, {int(r.year)}), "
        f"de tabel {_number(r.value_bijlage)}"
        for r in differ.itertuples()
    ]


def repeated_years(df: pd.DataFrame) -> list[str]:
    """Table rows that give one year for two columns ('… noemt <jaar> twee keer')."""
    table = df[df["block"] == "bijlage3"]
    twice = table[table.duplicated(KEY, keep=False)].drop_duplicates(KEY)
    return [
        f"de kolomkop van '{r.indicator_label}' noemt {int(r.year)} twee keer"
        for r in twice.itertuples()
    ]


def calendar_from(df: pd.DataFrame) -> int | None:
    """The first year the VH counts in calendar years (a break with the study years before)."""
    years = df.loc[df["year_label"] == "kalenderjaar", "year"].dropna()
    return None if years.empty else int(years.min())


def caveats(df: pd.DataFrame) -> str:
    parts = [*text_vs_table(df), *repeated_years(df)]
    text = "Kanttekeningen uit de bron: " + "; ".join(parts) + "." if parts else ""
    first = calendar_from(df)
    if first is not None:
        text += (
            f" Vanaf {first} telt de VH kalenderjaren in plaats van studiejaren: een breuk in "
            "de reeks."
        )
    return (
        text + " De kolom 'toelichting' geeft per cijfer wat er verder in de bron opvalt "
        "(zoals de eenheid van het brutoloon)."
    ).strip()


def render() -> None:
    if ui.unavailable("vh_dashboard"):
        return
    df = queries.vh__indicators()
    entry = ui.manifest_entry("vh_dashboard")
    st.markdown(
        f"**Studiesucces en arbeidsmarkt HSS** – {ui.plain(entry.get('title', ''))}, "
        f"overgenomen uit {ui.plain(entry.get('publisher', ''))}."
    )
    st.warning(ui.plain(caveats(df)), icon="ℹ️")
    table = df.assign(waarde=[_number(v) for v in df["value"]])
    st.dataframe(table[list(SHOW)].rename(columns=SHOW), hide_index=True, width="stretch")
    prov = ui.provenance("vh_dashboard", entry.get("title", "VH-dashboard"))
    ui.source_caption(prov, "zoals vermeld in seed 001; regelnummer per cijfer")
