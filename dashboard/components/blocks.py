"""Declarative chart blocks: a chart is a frozen spec; one function draws it with everything.

``render_block`` draws the chart with its title, the text alternative, definition / peildatum /
bron, the data table with downloads and the present / deck buttons — the same for every chart.
A tab module is then mostly a list of blocks plus its controls.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import chart_images, charts, exports, labels, sources, ui


@dataclass(frozen=True)
class ChartBlock:
    key: str  # stable id: presentation (toon=), deck slides and widget keys
    title: str
    chart: Callable[[pd.DataFrame], alt.TopLevelMixin]  # pure: data -> chart (dashboard.charts)
    summary: Callable[[pd.DataFrame], str]  # the text alternative
    snapshot: str  # manifest entry: bron, licentie, default peildatum
    definition: str
    subtitle: str | list[str] = ""
    peildatum: str | None = None
    selection: str = ""  # the filters, for the provenance line and exports
    columns: tuple[str, ...] | None = None  # table / download columns (None = all)
    column_labels: Mapping[str, str] = field(default_factory=dict)  # overrides labels.COLUMNS
    empty: str = "Geen gegevens voor deze keuze."
    # the headline figure in one short Dutch sentence (slides, PowerPoint); default: the first
    # sentence of the summary, which names the figure the chart is about
    key_figure: Callable[[pd.DataFrame], str] | None = None
    caveats: Callable[[pd.DataFrame], Sequence[str]] | Sequence[str] = ()  # notes under the chart
    # which snapshots supplied the data, with their periods (dashboard.sources); None: snapshot
    sources: Callable[[pd.DataFrame], Sequence[tuple[str, str]]] | None = None


def provenance(block: ChartBlock, data: pd.DataFrame) -> exports.Provenance:
    """The block's Bron line for ``data``: every snapshot its rows come from."""
    parts = block.sources(data) if block.sources else [(block.snapshot, "")]
    return sources.provenance(parts, block.title, block.selection, block.peildatum)


def render_block(block: ChartBlock, data: pd.DataFrame) -> bool:
    """Draw ``block`` for ``data``; an empty frame shows the block's own explanation."""
    if data.empty:
        st.info(block.empty)
        return False
    chart_images.warm_up()  # once per process, in the background: exports are fast from the start
    chart = charts.finish(block.chart(data), block.title, block.subtitle)
    prov = provenance(block, data)
    summary = block.summary(data)
    caveats = block.caveats(data) if callable(block.caveats) else block.caveats
    subtitle = block.subtitle if isinstance(block.subtitle, str) else " ".join(block.subtitle)
    ui.chart_block(
        chart,
        labels.table(data, block.columns, block.column_labels),
        prov,
        summary,
        key=block.key,
        definition=block.definition,
        subtitle=subtitle,
        key_figure=block.key_figure(data) if block.key_figure else "",
        caveats=tuple(caveats),
    )
    return True
