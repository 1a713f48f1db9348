"""A chart's Vega-Lite spec as the browser is sent it (``ui.draw``), as a plain value, and
remembered per chart content (``dashboard.drawn``)."""

from __future__ import annotations

import altair as alt
from streamlit import dataframe_util

from dashboard import charts, drawn


def screen_spec(chart: alt.TopLevelMixin, description: str = "") -> dict:
    """The spec ``draw`` sends: the chart's Vega-Lite dict with each table already the Arrow
    bytes Streamlit would make of it (its own conversion, so the browser gets the same), which
    Streamlit then passes on as they are. A plain value: ``dashboard.drawn`` can keep it."""
    spec = charts.to_spec(chart)
    if description:
        spec["description"] = description
    tables = spec.get("datasets")
    if isinstance(tables, dict):
        spec["datasets"] = {name: _arrow(rows) for name, rows in tables.items()}
    return spec


def remembered(chart: alt.TopLevelMixin, description: str = "") -> dict:
    """``screen_spec``, built once per chart content: the chart's values and tables are its
    fingerprint (0.5 ms for a layered trend, the spec 6 ms); a chart too large to fingerprint
    (a map's features) is built every time. Read-only: Streamlit copies before it edits."""
    return drawn.remember(
        lambda: ("screen", drawn.fingerprint(chart), description),
        lambda: screen_spec(chart, description),
    )


def _arrow(rows: object) -> object:
    """Records -> Arrow IPC bytes; geometry (GeoJSON / TopoJSON) and empty tables stay as they
    are (Vega-Lite reads geometry from the spec; Streamlit restores an empty table's rows)."""
    first = rows[0] if isinstance(rows, list) and rows else None
    if isinstance(first, dict) and not (first.get("type") == "Feature" and "geometry" in first):
        return dataframe_util.convert_anything_to_arrow_bytes(rows)
    return rows
