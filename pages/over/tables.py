"""The two tables of Over de data, built once per snapshot (Arrow: sent without conversion).

In a module of its own: a ``st.cache_resource`` in the page's entry, which Streamlit executes
on every run, re-read its own source code (inspect.getsource) on every rerun to key the cache.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard import queries as q


def _span(periods: list) -> str:
    return "–" if not periods else f"{periods[0]} t/m {periods[-1]} ({len(periods)})"


@st.cache_resource(max_entries=3, show_spinner=False)
def tables(snapshot: str) -> tuple[pa.Table, pa.Table | None]:
    """Both tables of this page, built once per snapshot (Arrow: sent without conversion).

    Rebuilding and converting two DataFrames was most of this page's work on every rerun.
    """
    snapshots = q.database().manifest.get("snapshots", {})
    rows = [
        {
            "Snapshot": name,
            "Titel": e.get("title"),
            "Uitgever": e.get("publisher"),
            "Licentie": e.get("licence"),
            "Jaren": "–" if not e.get("years") else f"{e['years'][0]}–{e['years'][1]}",
            "Rijen": e.get("rows"),
            "Peildatum": e.get("peildatum", "–"),
            "Gebouwd": e.get("built_at"),
            "Bronbestanden": ", ".join(r["path"] for r in e.get("raw_files", [])),
        }
        for name, e in snapshots.items()
    ]
    vintage_rows = [
        {
            "Snapshot": name,
            "Bestand": v.get("slot"),
            "Versie": v.get("vintage"),
            "Toegevoegd": v.get("added") or "oorspronkelijk bestand",
            "sha256": str(v.get("sha256", ""))[:12],
            "Levert perioden": _span(v.get("periods", [])),
        }
        for name, e in snapshots.items()
        for v in e.get("vintages", [])
    ]
    table = pa.Table.from_pandas(pd.DataFrame(rows), preserve_index=False)
    if not vintage_rows:
        return table, None
    return table, pa.Table.from_pandas(pd.DataFrame(vintage_rows), preserve_index=False)
