"""Declarative chart blocks: a chart is a frozen spec; one function draws it with everything.

``render_block`` draws the chart with its title, the text alternative, definition / peildatum /
bron, the data table with downloads and the present / deck buttons — the same for every chart.
A tab module is then mostly a list of blocks plus its controls.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import (
    chart_images,
    charts,
    drawn,
    exports,
    labels,
    present,
    queries,
    screen,
    sources,
    ui,
)


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


@dataclass(frozen=True)
class _Drawn:
    """A block's plain outputs for one data frame (kept by dashboard.drawn; no chart object)."""

    spec: dict  # screen.screen_spec: what the browser is sent
    prov: exports.Provenance
    summary: str
    key_figure: str
    caveats: tuple[str, ...]
    subtitle: str


def _chart(block: ChartBlock, data: pd.DataFrame) -> alt.TopLevelMixin:
    return charts.finish(block.chart(data), block.title, block.subtitle)


def _draw(block: ChartBlock, data: pd.DataFrame, chart: Callable[[], alt.TopLevelMixin]) -> _Drawn:
    prov = provenance(block, data)
    summary = block.summary(data)
    caveats = block.caveats(data) if callable(block.caveats) else block.caveats
    return _Drawn(
        spec=screen.screen_spec(chart(), f"{prov.title}. {summary}"),
        prov=prov,
        summary=summary,
        key_figure=block.key_figure(data) if block.key_figure else "",
        caveats=tuple(caveats),
        subtitle=block.subtitle if isinstance(block.subtitle, str) else " ".join(block.subtitle),
    )


def render_block(block: ChartBlock, data: pd.DataFrame) -> bool:
    """Draw ``block`` for ``data``; an empty frame shows the block's own explanation.

    What it draws is remembered per block, data and snapshot (``dashboard.drawn``): a rerun
    with a selection drawn before, in any session, sends the kept spec and texts. The chart
    object and the table are built only when something asks for them.
    """
    if data.empty:
        st.info(block.empty)
        return False
    chart_images.warm_up()  # once per process, in the background: exports are fast from the start
    if present.active() and present.shown_key() != block.key:
        return True  # presenting another chart: chart_block draws nothing for this one
    chart = functools.cache(lambda: _chart(block, data))  # once per run, when needed
    got = drawn.remember(
        # the manifest token: a rebuild that changes only bron / licentie texts is a new key
        lambda: ("block", queries.snapshot_token(), drawn.fingerprint(block), drawn.digest(data)),
        lambda: _draw(block, data, chart),
    )
    ui.chart_block(
        chart,
        lambda: labels.table(data, block.columns, block.column_labels),
        got.prov,
        got.summary,
        key=block.key,
        definition=block.definition,
        subtitle=got.subtitle,
        key_figure=got.key_figure,
        caveats=got.caveats,
        spec=got.spec,
    )
    return True
