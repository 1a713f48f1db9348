"""The presenter's deck: its state in the session and the URL, and capturing slides. Rendering
the presentation (controls, sidebar) is in present.py, one slide in slide_view.py.

The deck lives in the session (``st.session_state``) as an ordered list of slide links plus the
frozen ``slides.Slide`` of every slide captured in this session, and it is carried into every
page's URL, so a copied address reopens the deck live in a new session:

- ``presentatie=1``  presentation mode is on;
- ``toon=<key>``      the chart_block key of the chart shown on this page;
- ``dia=<slide>``     repeated: the deck, each slide a relative link "instroom?maat=…&toon=trend";
- ``nr=<i>``          the current slide (0-based) when presenting a deck;
- ``deel=<j>``        the part (0-based) of a long comparison shown on a slide.

A Slide is frozen when "Voeg toe aan presentatie" is clicked. The button's callback runs at the
start of the next rerun, so every chart block registers a lightweight reference (the chart
object it already built, its provenance and texts) for the current run only; the callback
freezes the clicked one. A slide that came in through a link is captured when its chart is
drawn (viewed or presented).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

import altair as alt
import streamlit as st

from dashboard import charts, exports, navigation
from dashboard.params import Present
from dashboard.slides import Slide

P_ON = Present.ON
P_SHOW = Present.SHOW
P_DECK = Present.DECK
P_NR = Present.NR
P_PART = Present.PART
OWN = (P_ON, P_SHOW, P_DECK, P_NR, P_PART)
MAX_SLIDES = 30
MAX_SLIDE_CHARS = 2_000  # a slide link longer than this is not ours
S_PAGE = "_page_url_path"
S_RENDERED = "_slide_rendered"
S_DECK = "_deck"  # list[str]: slide links in deck order
S_SLIDES = "_deck_slides"  # dict[str, Slide]: the slides captured in this session, by link
S_BLOCKS = "_deck_blocks"  # dict[str, BlockRef]: chart blocks drawn in the current run, by key
S_REJECTED = "_deck_rejected"  # int: slide links from the URL that were not ours


@dataclass(frozen=True)
class BlockRef:
    """What a chart block drew in this run: enough to freeze a Slide on click."""

    # the finished chart, or its builder: a block drawn from its remembered spec (dashboard.drawn)
    # builds the chart only when a slide, the presentation or an image download needs it
    chart: alt.TopLevelMixin | Callable[[], alt.TopLevelMixin]
    prov: exports.Provenance
    summary: str
    definition: str
    subtitle: str
    key_figure: str
    caveats: tuple[str, ...]

    def the_chart(self) -> alt.TopLevelMixin:
        return self.chart if isinstance(self.chart, alt.TopLevelMixin) else self.chart()


def active() -> bool:
    return st.query_params.get(P_ON) == "1"


def shown_key() -> str | None:
    return st.query_params.get(P_SHOW) if active() else None


def _valid_slide(slide: str) -> bool:
    path, _, query = slide.partition("?")
    return (
        any(p.url_path == path for p in navigation.PAGES)
        and len(slide) < MAX_SLIDE_CHARS
        and bool(dict(parse_qsl(query)).get(P_SHOW))
    )


def _state_deck() -> list[str]:
    return st.session_state.setdefault(S_DECK, [])


def deck() -> list[str]:
    """The deck's slide links, in order."""
    return list(_state_deck())


def set_deck(slides: list[str]) -> None:
    st.session_state[S_DECK] = list(slides)
    st.query_params[P_DECK] = list(slides)


def sync() -> None:
    """Session deck <-> URL, at the start of every run (app.py).

    Slide links in the URL win (a shared link, or an edited address); a URL without them (the
    user clicked another page in the navigation, which drops unbound parameters) gets the
    session's deck written back, so every page's address carries the whole deck.
    """
    in_url = st.query_params.get_all(P_DECK)
    if in_url:
        valid = list(dict.fromkeys(s for s in in_url if _valid_slide(s)))[:MAX_SLIDES]
        st.session_state[S_REJECTED] = len(in_url) - len(valid)
        if valid != in_url:
            st.query_params[P_DECK] = valid
        st.session_state[S_DECK] = valid
    elif _state_deck():
        st.query_params[P_DECK] = deck()


def deck_slides() -> list[Slide]:
    """The captured slides in deck order (for the PowerPoint export)."""
    captured = st.session_state.get(S_SLIDES, {})
    return [captured[link] for link in deck() if link in captured]


def current_params() -> list[tuple[str, str]]:
    """This view's URL parameters (all values of repeated keys), without presentation state."""
    out = []
    for key in st.query_params:
        if key in OWN:
            continue
        out.extend((key, v) for v in st.query_params.get_all(key))
    return out


def slide_for(chart_key: str) -> str:
    page = st.session_state.get(S_PAGE, "")
    return f"{page}?{urlencode([*current_params(), (P_SHOW, chart_key)])}"


def _normal(link: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A slide link without parameter order (a bound widget may rewrite the order)."""
    path, _, query = link.partition("?")
    return path, tuple(sorted(parse_qsl(query, keep_blank_values=True)))


def _int_param(name: str) -> int | None:
    try:
        return int(st.query_params.get(name, ""))
    except ValueError:
        return None


def nr() -> int | None:
    """The current slide of the deck (URL ``nr``), or None."""
    return _int_param(P_NR)


def part() -> int:
    """The part of a long comparison shown on this slide (URL ``deel``; 0 when absent)."""
    return max(_int_param(P_PART) or 0, 0)


def register(key: str, ref: BlockRef) -> None:
    """Called by chart_block for each chart it draws: keep a reference for this run only, and
    capture it right away when it is a slide of the deck not yet captured (a shared link)."""
    st.session_state.setdefault(S_BLOCKS, {})[key] = ref
    slides = deck()
    if not slides:
        return
    captured = st.session_state.setdefault(S_SLIDES, {})
    i = nr()
    if active() and i is not None and 0 <= i < len(slides) and key_of(slides[i]) == key:
        link = slides[i]  # presenting slide i: it is this chart, whatever the URL order
    else:
        here = _normal(slide_for(key))
        link = next((s for s in slides if _normal(s) == here), "")
    if link and link not in captured:
        captured[link] = freeze(link, key, ref)


def key_of(link: str) -> str:
    return dict(parse_qsl(link.partition("?")[2])).get(P_SHOW, "")


def freeze(link: str, key: str, ref: BlockRef) -> Slide:
    """The Slide of one chart block: the spec as drawn (light theme), texts and provenance."""
    spec = charts.to_spec(ref.the_chart())
    spec["description"] = f"{ref.prov.title}. {ref.summary}"
    path = link.partition("?")[0]
    return Slide(
        link=link,
        page_title=navigation.by_url(path).title,
        key=key,
        title=ref.prov.title,
        subtitle=ref.subtitle or ref.prov.filters,
        spec=spec,
        summary=ref.summary,
        key_figure=ref.key_figure,
        prov=ref.prov,
        definition=ref.definition,
        caveats=ref.caveats,
    )


def add_slide(chart_key: str) -> None:
    """Callback of 'Voeg toe aan presentatie': freeze the block drawn in the previous run."""
    slides = deck()
    new = slide_for(chart_key)
    ref = st.session_state.get(S_BLOCKS, {}).get(chart_key)
    if ref is not None:
        st.session_state.setdefault(S_SLIDES, {})[new] = freeze(new, chart_key, ref)
    if new in slides:
        st.toast("Deze grafiek staat al in de presentatie.")
        return
    if len(slides) >= MAX_SLIDES:
        st.toast(f"De presentatie is vol ({MAX_SLIDES} dia's).")
        return
    set_deck([*slides, new])
    st.toast(f"Toegevoegd aan de presentatie: dia {len(slides) + 1} (zie de zijbalk).")


def move(i: int, step: int) -> None:
    slides = deck()
    j = i + step
    if 0 <= i < len(slides) and 0 <= j < len(slides):
        slides[i], slides[j] = slides[j], slides[i]
        set_deck(slides)


def remove(i: int) -> None:
    slides = deck()
    if 0 <= i < len(slides):
        set_deck([s for k, s in enumerate(slides) if k != i])
