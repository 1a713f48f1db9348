"""A slide: one chart block frozen for the deck and its exports (PowerPoint). No Streamlit.

A slide is captured from the chart block that drew it on the page (same query, same chart
function), so a figure in an export always equals the figure on screen for that selection.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard import exports


@dataclass(frozen=True)
class Slide:
    link: str  # relative link that reopens the view: "instroom?maat=…&toon=trend"
    page_title: str  # the page's Dutch title, e.g. "Instroom"
    key: str  # the chart block's key on its page ("trend")
    title: str  # chart title
    subtitle: str  # the selection in words (shown under the title)
    spec: dict  # the finished Vega-Lite spec as drawn on the page (light theme, data inline)
    summary: str  # the text alternative: the figures in one or two sentences
    key_figure: str  # the headline figure in words, e.g. "1.234 eerstejaars in <jaar>"
    prov: exports.Provenance  # title, bron, peildatum, licentie, selectie
    definition: str = ""
    caveats: tuple[str, ...] = ()  # notes that apply to this figure (plain Dutch text)
