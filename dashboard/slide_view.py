"""One chart block drawn as a slide: it fills the screen, large type, long comparisons in parts.

The chart's pixel size comes from the viewport the browser reported (present.screen) less what
the slide's texts and controls take (slide_layout.chart_size); in high contrast thicker lines
and black ink are in the chart itself (charts_layout.for_slide).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard import charts, charts_layout, present, slide_layout
from dashboard.deck import BlockRef


def _texts(ref: BlockRef) -> list[str]:
    notes = [ref.summary] if ref.summary != ref.key_figure else []
    notes += list(ref.caveats)
    source = f"Bron: {ref.prov.source} (peildatum {ref.prov.peildatum}) · {ref.prov.licence}"
    return [*notes, source]


def slide_spec(
    ref: BlockRef, screen: tuple[int, int] | None, j: int, contrast: bool, in_deck: bool
) -> tuple[dict, int, int, str]:
    """The slide's Vega-Lite spec for part ``j``: (spec, j clamped, parts, part line)."""
    w, h = screen or slide_layout.FALLBACK_SCREEN
    font = slide_layout.scale(w, h)
    size = slide_layout.chart_size(screen, _texts(ref), ref.key_figure, in_deck)
    spec = charts.to_spec(charts.enlarge(ref.the_chart()))
    per_part = slide_layout.rows_per_part(size[1], font)
    spec, j, parts, total = slide_layout.part(spec, j, per_part)
    spec = charts_layout.for_slide(spec, contrast=contrast, size=size, font=font)
    config = spec.get("config", {})
    sub_px = float(config.get("title", {}).get("subtitleFontSize", 24))
    slide_layout.wrap_subtitle(spec, size[0], sub_px)
    line = slide_layout.part_line(j, parts, total, per_part) if parts > 1 else ""
    if line and isinstance(spec.get("title"), dict):  # the part first, above the selection
        spec["title"]["subtitle"] = [line, *(spec["title"].get("subtitle") or [])]
    label_px = float(config.get("axis", {}).get("labelFontSize", 24))
    slide_layout.wrap_labels(spec, size[0], label_px)
    spec["description"] = f"{ref.prov.title}. {ref.summary}" + (f" ({line})" if line else "")
    return spec, j, parts, line


def draw(ref: BlockRef, plain: Callable[[object], str], dark: bool) -> None:
    """Draw ``ref`` as the slide of this run (with its controls)."""
    st.session_state[present.S_RENDERED] = True
    slides, i = present.deck(), present.nr()
    in_deck = i is not None and 0 <= i < len(slides)
    contrast = bool(st.session_state.get(present.K_CONTRAST))
    spec, j, parts, _ = slide_spec(ref, present.screen(), present.part(), contrast, in_deck)
    if j != present.part():
        present.set_part(j)  # a step back onto this slide, or a part beyond the last
    with st.container(key="slide"):
        with st.container(key="slide-chart"):
            st.vega_lite_chart(
                charts.for_theme(spec, dark=dark), width="stretch", height=spec["height"]
            )
        st.markdown(f"**{plain(ref.key_figure)}**")
        for note in _texts(ref):
            st.caption(plain(note))
        present.controls(parts, j)
