"""Presentation mode: one chart at a time, full screen, large type, keyboard-driven.

State lives in the URL, so a deck is shareable as one link:
- ``presentatie=1``  presentation mode is on;
- ``toon=<key>``      the chart_block key of the chart shown on this page;
- ``dia=<slide>``     repeated: the deck, each slide a relative link "instroom?maat=…&toon=trend";
- ``nr=<i>``          the current slide (0-based) when presenting a deck.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import streamlit as st
import streamlit.components.v2 as components

from dashboard import navigation

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


def active() -> bool:
    return st.query_params.get(P_ON) == "1"


def shown_key() -> str | None:
    return st.query_params.get(P_SHOW) if active() else None


def deck() -> list[str]:
    return [s for s in st.query_params.get_all(P_DECK) if _valid_slide(s)][:MAX_SLIDES]


def _valid_slide(slide: str) -> bool:
    path = slide.split("?", 1)[0]
    return any(p.url_path == path for p in navigation.PAGES) and len(slide) < MAX_SLIDE_CHARS


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


def add_slide(chart_key: str) -> None:
    """Callback of 'Voeg toe aan presentatie'."""
    slides = deck()
    new = slide_for(chart_key)
    if new not in slides and len(slides) < MAX_SLIDES:
        st.query_params[P_DECK] = [*slides, new]
    st.toast("Toegevoegd aan de presentatie (zie de zijbalk).")


def start(chart_key: str) -> None:
    """Button callback: present this chart alone (the URL then links to exactly this slide)."""
    st.query_params[P_SHOW] = chart_key
    st.query_params[P_ON] = "1"


def _slide_url(slides: list[str], index: int) -> str | None:
    """Relative link to slide ``index`` of the deck, with the deck and presentation state."""
    if not 0 <= index < len(slides):
        return None
    path, _, query = slides[index].partition("?")
    params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in OWN]
    show = dict(parse_qsl(query)).get(P_SHOW, "")
    params += [(P_SHOW, show), (P_ON, "1"), (P_NR, str(index))]
    params += [(P_DECK, s) for s in slides]
    return f"./{path}?{urlencode(params)}"  # relative: also works behind a proxy base path


def _close_url() -> str:
    page = st.session_state.get(S_PAGE, "")
    return f"./{page}?{urlencode(current_params() + [(P_DECK, s) for s in deck()])}"


def move(slides: list[str], i: int, step: int) -> None:
    j = i + step
    if 0 <= j < len(slides):
        slides[i], slides[j] = slides[j], slides[i]
        st.query_params[P_DECK] = slides


def remove(slides: list[str], i: int) -> None:
    st.query_params[P_DECK] = [s for k, s in enumerate(slides) if k != i]


def _nr() -> int | None:
    try:
        return int(st.query_params.get(P_NR, ""))
    except ValueError:
        return None


def begin_page() -> None:
    """Called by app.py before the page runs."""
    st.session_state[S_RENDERED] = False


def end_page() -> None:
    """Called by app.py after the page ran: styles, and a slide that no longer exists.

    Style elements go last: rendered before the page they sometimes never mounted.
    """
    if st.session_state.get(K_CONTRAST):
        dark = (st.context.theme or {}).get("type") == "dark"
        st.html(CONTRAST_CSS["dark" if dark else "light"])
    if active():
        st.html(CSS)
    if active() and not st.session_state.get(S_RENDERED):
        with st.container(key="slide"):
            st.info(
                "Deze dia bestaat niet (meer): de grafiek is niet gevonden op deze pagina. "
                "Gebruik 'Volgende' of sluit de presentatie."
            )
            controls()


def controls() -> None:
    """Previous / next / close under a slide; arrow keys, PageUp/PageDown and Esc work too."""
    slides, nr = deck(), _nr()
    in_deck = nr is not None and 0 <= nr < len(slides)
    data = {
        "prev": _slide_url(slides, nr - 1) if in_deck else None,
        "next": _slide_url(slides, nr + 1) if in_deck else None,
        "close": _close_url(),
        "status": f"Dia {nr + 1} van {len(slides)}" if in_deck else "",
    }
    _slide_nav(data=data, key="slide_nav")


def share_link() -> str:
    """An absolute link that reopens exactly this view (all bound filters)."""
    url = str(st.context.url or "")
    origin = url.split("/", 3)
    base = "/".join(origin[:3]) if len(origin) >= 3 else ""
    page = st.session_state.get(S_PAGE, "")
    query = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    return f"{base}/{page}" + (f"?{query}" if query else "")


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
    with st.sidebar.expander(f"Presentatie ({len(slides)} dia's)", expanded=False):
        if not slides:
            st.caption("Nog geen dia's. Kies 'Voeg toe aan presentatie' onder een grafiek.")
            return
        for i, s in enumerate(slides):
            path, _, query = s.partition("?")
            st.text(f"{i + 1}. {path} – {dict(parse_qsl(query)).get(P_SHOW, '')}")
            a, b, c = st.columns(3)
            a.button(
                "↑",
                key=f"deck_up_{i}",
                on_click=move,
                args=(slides, i, -1),
                disabled=i == 0,
                help="Eerder",
            )
            b.button(
                "↓",
                key=f"deck_down_{i}",
                on_click=move,
                args=(slides, i, 1),
                disabled=i == len(slides) - 1,
                help="Later",
            )
            c.button("✕", key=f"deck_del_{i}", on_click=remove, args=(slides, i), help="Verwijder")
        first = _slide_url(slides, 0)
        if first is not None:
            path, _, query = first.removeprefix("./").partition("?")
            spec = next(p for p in navigation.PAGES if p.url_path == path)
            params: dict[str, list[str]] = {}
            for k, v in parse_qsl(query, keep_blank_values=True):
                params.setdefault(k, []).append(v)
            st.page_link(
                spec.path,
                label="Start presentatie",
                icon=":material/slideshow:",
                query_params=params,
            )
        st.caption("De link in de adresbalk bevat de hele presentatie: kopieer hem om te delen.")
