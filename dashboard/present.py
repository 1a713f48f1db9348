"""Presentation mode and the presenter's deck: one chart at a time, full screen, large type.

The deck lives in the session (``st.session_state``) as an ordered list of slide links plus the
frozen ``slides.Slide`` of every slide captured in this session, and it is carried into every
page's URL, so a copied address reopens the deck live in a new session:

- ``presentatie=1``  presentation mode is on;
- ``toon=<key>``      the chart_block key of the chart shown on this page;
- ``dia=<slide>``     repeated: the deck, each slide a relative link "instroom?maat=…&toon=trend";
- ``nr=<i>``          the current slide (0-based) when presenting a deck.

A Slide is frozen when "Voeg toe aan presentatie" is clicked. The button's callback runs at the
start of the next rerun, so every chart block registers a lightweight reference (the chart
object it already built, its provenance and texts) for the current run only; the callback
freezes the clicked one. A slide that came in through a link is captured when its chart is
drawn (viewed or presented).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import altair as alt
import streamlit as st
import streamlit.components.v2 as components

from dashboard import charts, deck_export, exports, navigation
from dashboard.slides import Slide

K_CONTRAST = "contrast"
P_ON = "presentatie"
P_SHOW = "toon"
P_DECK = "dia"
P_NR = "nr"
OWN = (P_ON, P_SHOW, P_DECK, P_NR)
MAX_SLIDES = 30
MAX_SLIDE_CHARS = 2_000  # a slide link longer than this is not ours
S_PAGE = "_page_url_path"
S_RENDERED = "_slide_rendered"
S_DECK = "_deck"  # list[str]: slide links in deck order
S_SLIDES = "_deck_slides"  # dict[str, Slide]: the slides captured in this session, by link
S_BLOCKS = "_deck_blocks"  # dict[str, BlockRef]: chart blocks drawn in the current run, by key
S_REJECTED = "_deck_rejected"  # int: slide links from the URL that were not ours
S_GOTO = "_deck_goto"  # (url_path, params): the slide to switch to at the start of the run
K_NAV = "slide_nav"

# Fixed assets (no data): chrome-hiding CSS, high-contrast CSS, keyboard handler.
_ASSETS = Path(__file__).parent / "assets"
CSS = "<style>" + (_ASSETS / "present.css").read_text(encoding="utf-8") + "</style>"
CONTRAST_CSS = {
    kind: "<style>" + (_ASSETS / f"contrast_{kind}.css").read_text(encoding="utf-8") + "</style>"
    for kind in ("light", "dark")
}
_slide_nav = components.component(
    "swic_slide_nav",
    html=(_ASSETS / "slide.html").read_text(encoding="utf-8"),
    css=(_ASSETS / "slide.css").read_text(encoding="utf-8"),
    js=(_ASSETS / "slide.js").read_text(encoding="utf-8"),
)


@dataclass(frozen=True)
class BlockRef:
    """What a chart block drew in this run: enough to freeze a Slide on click."""

    chart: alt.TopLevelMixin  # the finished chart (already built for the page; not copied)
    prov: exports.Provenance
    summary: str
    definition: str
    subtitle: str
    key_figure: str
    caveats: tuple[str, ...]


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


def _set_deck(slides: list[str]) -> None:
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


def register(key: str, ref: BlockRef) -> None:
    """Called by chart_block for each chart it draws: keep a reference for this run only, and
    capture it right away when it is a slide of the deck not yet captured (a shared link)."""
    st.session_state.setdefault(S_BLOCKS, {})[key] = ref
    slides = deck()
    if not slides:
        return
    captured = st.session_state.setdefault(S_SLIDES, {})
    nr = _nr()
    if active() and nr is not None and 0 <= nr < len(slides) and _key_of(slides[nr]) == key:
        link = slides[nr]  # presenting slide nr: it is this chart, whatever the URL order
    else:
        here = _normal(slide_for(key))
        link = next((s for s in slides if _normal(s) == here), "")
    if link and link not in captured:
        captured[link] = freeze(link, key, ref)


def _key_of(link: str) -> str:
    return dict(parse_qsl(link.partition("?")[2])).get(P_SHOW, "")


def freeze(link: str, key: str, ref: BlockRef) -> Slide:
    """The Slide of one chart block: the spec as drawn (light theme), texts and provenance."""
    spec = charts.to_spec(ref.chart)
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
    _set_deck([*slides, new])
    st.toast(f"Toegevoegd aan de presentatie: dia {len(slides) + 1} (zie de zijbalk).")


def start(chart_key: str) -> None:
    """Button callback: present this chart alone (the URL then links to exactly this slide)."""
    st.query_params[P_SHOW] = chart_key
    st.query_params[P_ON] = "1"


def _target(slides: list[str], index: int) -> tuple[str, list[tuple[str, str]]] | None:
    """Page and URL parameters of slide ``index``, with the deck and presentation state."""
    if not 0 <= index < len(slides):
        return None
    path, _, query = slides[index].partition("?")
    params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in OWN]
    params += [(P_SHOW, _key_of(slides[index])), (P_ON, "1"), (P_NR, str(index))]
    params += [(P_DECK, s) for s in slides]
    return path, params


def _slide_url(slides: list[str], index: int) -> str | None:
    """Relative link to slide ``index`` of the deck (relative: works behind a proxy path)."""
    target = _target(slides, index)
    return None if target is None else f"./{target[0]}?{urlencode(target[1])}"


def _grouped(params: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in params:
        out.setdefault(k, []).append(v)
    return out


def _go(target: tuple[str, list[tuple[str, str]]]) -> None:
    """From a callback: same page -> new URL parameters; another page -> switch at run start."""
    path, params = target
    if path == st.session_state.get(S_PAGE, ""):
        st.query_params.from_dict(_grouped(params))
    else:
        st.session_state[S_GOTO] = target


def follow() -> None:
    """Called by app.py right after st.navigation: switch to the slide a callback asked for."""
    target = st.session_state.pop(S_GOTO, None)
    if target is not None:
        st.switch_page(navigation.page_path(target[0]), query_params=_grouped(target[1]))


def _on_nav() -> None:
    """Callback of the slide controls (buttons and keys): previous, next or close."""
    state = st.session_state.get(K_NAV) or {}
    action = state.get("nav") if hasattr(state, "get") else getattr(state, "nav", None)
    slides, nr = deck(), _nr()
    if action == "close":
        st.query_params.from_dict(_grouped([*current_params(), *[(P_DECK, s) for s in slides]]))
        return
    step = {"next": 1, "prev": -1}.get(str(action))
    if step is None or nr is None:
        return
    target = _target(slides, nr + step)
    if target is not None:
        _go(target)


def present_deck() -> None:
    """Button callback: start the deck at its first slide."""
    target = _target(deck(), 0)
    if target is not None:
        _go(target)


def move(i: int, step: int) -> None:
    slides = deck()
    j = i + step
    if 0 <= i < len(slides) and 0 <= j < len(slides):
        slides[i], slides[j] = slides[j], slides[i]
        _set_deck(slides)


def remove(i: int) -> None:
    slides = deck()
    if 0 <= i < len(slides):
        _set_deck([s for k, s in enumerate(slides) if k != i])


def _nr() -> int | None:
    try:
        return int(st.query_params.get(P_NR, ""))
    except ValueError:
        return None


def begin_page() -> None:
    """Called by app.py before anything is drawn: presentation styles come first, so no frame
    of the dashboard is shown while a slide's run is under way."""
    st.session_state[S_RENDERED] = False
    st.session_state[S_BLOCKS] = {}
    if active():
        st.html(CSS)
    if st.session_state.get(K_CONTRAST):
        dark = (st.context.theme or {}).get("type") == "dark"
        st.html(CONTRAST_CSS["dark" if dark else "light"])


def end_page() -> None:
    """Called by app.py after the page ran: a slide that no longer exists."""
    if active() and not st.session_state.get(S_RENDERED):
        with st.container(key="slide"):
            st.info(
                "Deze dia bestaat niet (meer): de grafiek is niet gevonden op deze pagina. "
                "Gebruik 'Volgende' of sluit de presentatie."
            )
            controls()


def controls() -> None:
    """Previous / next / close / full screen under a slide; arrow keys, PageUp/PageDown and
    Esc work too. Every action is an event back to Python (no page reload)."""
    slides, nr = deck(), _nr()
    in_deck = nr is not None and 0 <= nr < len(slides)
    data = {
        "prev": in_deck and nr > 0,
        "next": in_deck and nr < len(slides) - 1,
        "status": f"Dia {nr + 1} van {len(slides)}" if in_deck else "",
    }
    _slide_nav(data=data, key=K_NAV, on_nav_change=_on_nav)
    if in_deck:
        deck_export.download_button(
            deck_slides(), len(slides), deck_export.absolute(_slide_url(slides, 0)), "slide_pptx"
        )


def share_link() -> str:
    """An absolute link that reopens exactly this view (all bound filters)."""
    url = str(st.context.url or "")
    origin = url.split("/", 3)
    base = "/".join(origin[:3]) if len(origin) >= 3 else ""
    page = st.session_state.get(S_PAGE, "")
    query = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    return f"{base}/{page}" + (f"?{query}" if query else "")


def slide_label(i: int, link: str) -> str:
    """'1. Instroom – Eerstejaars per jaar' (page title – chart title)."""
    captured = st.session_state.get(S_SLIDES, {}).get(link)
    if captured is not None:
        return f"{i + 1}. {captured.page_title} – {captured.title}"
    page = navigation.by_url(link.partition("?")[0]).title
    return f"{i + 1}. {page} – grafiek uit een gedeelde link (titel volgt bij presenteren)"


def sidebar() -> None:
    """Share link, high contrast, and the presenter's deck: list, reorder, remove, start."""
    with st.sidebar.expander("Deel deze weergave", icon=":material/share:"):
        st.caption("Deze link opent precies deze weergave, met alle filters:")
        st.code(share_link(), language=None, wrap_lines=True)
    st.sidebar.toggle(
        "Hoog contrast",
        key=K_CONTRAST,
        bind="query-params",
        help="Zwart op wit, voor een zwakke beamer.",
    )
    slides = deck()
    rejected = st.session_state.pop(S_REJECTED, 0)
    with st.sidebar.expander(f"Presentatie ({len(slides)} dia's)", expanded=bool(rejected)):
        if rejected:
            st.warning(
                f"{rejected} dia('s) uit de link zijn niet herkend en weggelaten "
                "(onbekende pagina of geen grafiek)."
            )
        if not slides:
            st.caption("Nog geen dia's. Kies 'Voeg toe aan presentatie' onder een grafiek.")
            return
        for i, s in enumerate(slides):
            st.text(slide_label(i, s))
            a, b, c = st.columns(3)
            a.button(
                "↑",
                key=f"deck_up_{i}",
                on_click=move,
                args=(i, -1),
                disabled=i == 0,
                help="Eerder",
            )
            b.button(
                "↓",
                key=f"deck_down_{i}",
                on_click=move,
                args=(i, 1),
                disabled=i == len(slides) - 1,
                help="Later",
            )
            c.button("✕", key=f"deck_del_{i}", on_click=remove, args=(i,), help="Verwijder")
        st.button(
            "Start presentatie",
            key="deck_start",
            icon=":material/slideshow:",
            on_click=present_deck,
            type="primary",
        )
        st.caption("De link in de adresbalk bevat de hele presentatie: kopieer hem om te delen.")
        deck_export.download_button(
            deck_slides(), len(slides), deck_export.absolute(_slide_url(slides, 0)), "deck_pptx"
        )
