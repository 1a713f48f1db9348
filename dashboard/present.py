"""Presentation mode: one chart at a time, full screen, large type; its controls, the share link
and the deck's sidebar. The deck's state (session + URL) and capturing slides are in deck.py
(re-exported here), drawing one slide in slide_view.py.

Every step (previous, next, close, the screen size) is an event of one custom component back
to Python: a rerun in this session, never a page reload.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import streamlit as st
import streamlit.components.v2 as components

from dashboard import deck_export, navigation
from dashboard import params as params_registry
from dashboard.deck import (  # noqa: F401  (re-exported: present.X is the pages' and tests' API)
    MAX_SLIDES,
    OWN,
    P_DECK,
    P_NR,
    P_ON,
    P_PART,
    P_SHOW,
    S_BLOCKS,
    S_DECK,
    S_PAGE,
    S_REJECTED,
    S_RENDERED,
    S_SLIDES,
    BlockRef,
    active,
    add_slide,
    current_params,
    deck,
    deck_slides,
    freeze,
    key_of,
    move,
    nr,
    part,
    register,
    remove,
    shown_key,
    slide_for,
    sync,
)

K_CONTRAST = "contrast"
K_NAV = "slide_nav"
S_GOTO = "_deck_goto"  # (url_path, params): the slide to switch to at the start of the run
S_LOAD = "_deck_load"  # str: a slide link the slide component opens (the slide sets filters)
S_PARTS = "_slide_parts"  # int: how many parts the slide drawn in the last run has
S_SCREEN = "_screen"  # {"w": px, "h": px}: the browser's viewport, reported by slide.js
LAST_PART = 999  # "deel" of a step back onto a slide: its last part (slide_view clamps it)

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


def start(chart_key: str) -> None:
    """Button callback: present this chart alone (the URL then links to exactly this slide)."""
    st.query_params[P_SHOW] = chart_key
    st.query_params[P_ON] = "1"


def _target(
    slides: list[str], index: int, part_nr: int = 0
) -> tuple[str, list[tuple[str, str]]] | None:
    """Page and URL parameters of slide ``index``, with the deck and presentation state."""
    if not 0 <= index < len(slides):
        return None
    path, _, query = slides[index].partition("?")
    params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in OWN]
    params += [(P_SHOW, key_of(slides[index])), (P_ON, "1"), (P_NR, str(index))]
    params += [(P_PART, str(part_nr))] if part_nr else []
    params += [(P_DECK, s) for s in slides]
    return path, params


def slide_url(slides: list[str], index: int) -> str | None:
    """Relative link to slide ``index`` of the deck (relative: works behind a proxy path)."""
    target = _target(slides, index)
    return None if target is None else f"./{target[0]}?{urlencode(target[1])}"


def _grouped(params: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in params:
        out.setdefault(k, []).append(v)
    return out


def _widget_params(params: list[tuple[str, str]]) -> bool:
    """Does a slide's link set filters? Those are widgets bound to the URL (dashboard.params),
    which Streamlit lets no callback or page switch set: such a slide is opened as a link."""
    widget_keys = params_registry.all_keys() - set(OWN)
    return any(k in widget_keys for k, _ in params)


def _go(target: tuple[str, list[tuple[str, str]]]) -> None:
    """From a callback: switch to the slide at the start of the run (app.py calls ``follow``),
    in this session without a reload. A slide with its own filters is loaded as a link (the
    slide component opens it), since bound filters can only be set by the URL."""
    path, params = target
    if _widget_params(params):
        st.session_state[S_LOAD] = f"./{path}?{urlencode(params)}"
    else:
        st.session_state[S_GOTO] = target


def follow() -> None:
    """Called by app.py right after st.navigation: switch to the slide a callback asked for."""
    target = st.session_state.pop(S_GOTO, None)
    if target is not None:
        st.switch_page(navigation.page_path(target[0]), query_params=_grouped(target[1]))


def set_part(j: int) -> None:
    """Show part ``j`` of this slide (0 leaves the parameter out of the URL)."""
    if j:
        st.query_params[P_PART] = str(j)
    elif P_PART in st.query_params:
        del st.query_params[P_PART]


def _step(step: int) -> None:
    """Next/previous: through the parts of a long comparison first, then to the next slide."""
    j, parts = part(), int(st.session_state.get(S_PARTS, 1) or 1)
    if 0 <= j + step < parts:
        set_part(j + step)
        return
    i = nr()
    if i is None:
        return
    target = _target(deck(), i + step, LAST_PART if step < 0 else 0)
    if target is not None:
        _go(target)


def _on_nav() -> None:
    """Callback of the slide controls (buttons and keys): previous, next or close."""
    state = st.session_state.get(K_NAV) or {}
    action = state.get("nav") if hasattr(state, "get") else getattr(state, "nav", None)
    if action == "close":  # the view's filters stay (bound: never set from here)
        for key in (P_ON, P_SHOW, P_NR, P_PART):
            if key in st.query_params:
                del st.query_params[key]
        return
    step = {"next": 1, "prev": -1}.get(str(action))
    if step is not None:
        _step(step)


def _on_screen() -> None:
    """The browser reported its viewport (first slide, resize): slides are sized from it."""
    state = st.session_state.get(K_NAV) or {}
    screen = state.get("screen") if hasattr(state, "get") else getattr(state, "screen", None)
    if isinstance(screen, dict):
        try:
            w, h = int(screen.get("w", 0)), int(screen.get("h", 0))
        except (TypeError, ValueError):
            return
        if 200 <= w <= 10_000 and 200 <= h <= 10_000:
            st.session_state[S_SCREEN] = {"w": w, "h": h}


def screen() -> tuple[int, int] | None:
    """The viewport (width, height) in CSS px as last reported by the browser, or None."""
    s = st.session_state.get(S_SCREEN)
    return (s["w"], s["h"]) if s else None


def present_deck() -> None:
    """Button callback: start the deck at its first slide."""
    target = _target(deck(), 0)
    if target is not None:
        _go(target)


def begin_page() -> None:
    """Called by app.py before anything is drawn: presentation styles come first, so no frame
    of the dashboard is shown while a slide's run is under way."""
    st.session_state[S_RENDERED] = False
    st.session_state[S_BLOCKS] = {}
    st.session_state[S_PARTS] = 1
    if active():
        st.html(CSS)
    if st.session_state.get(K_CONTRAST):
        dark = (st.context.theme or {}).get("type") == "dark"
        st.html(CONTRAST_CSS["dark" if dark else "light"])


def end_page() -> None:
    """Called by app.py after the page ran: a slide that no longer exists, or a deck started
    from the sidebar whose first slide has its own filters (opened as a link: no slide
    controls are on a dashboard page to open it)."""
    if active() and not st.session_state.get(S_RENDERED):
        with st.container(key="slide"):
            st.info(
                "Deze dia bestaat niet (meer): de grafiek is niet gevonden op deze pagina. "
                "Gebruik 'Volgende' of sluit de presentatie."
            )
            controls()
    elif not active() and st.session_state.get(S_LOAD):
        with st.container(key="slide_open"):
            st.caption("De presentatie wordt geopend …")
            _slide_nav(data={"go": st.session_state.pop(S_LOAD)}, key=K_NAV)


def controls(parts: int = 1, part_nr: int = 0) -> None:
    """Previous / next / close / full screen under a slide; arrow keys, PageUp/PageDown and
    Esc work too. Every action is an event back to Python (no page reload). A slide in
    ``parts`` parts steps through them before the next slide."""
    st.session_state[S_PARTS] = parts
    slides, i = deck(), nr()
    in_deck = i is not None and 0 <= i < len(slides)
    status = f"Dia {i + 1} van {len(slides)}" if in_deck else ""
    if parts > 1:
        status += (" · " if status else "") + f"deel {part_nr + 1} van {parts}"
    known = screen()
    data = {
        "prev": (in_deck and i > 0) or part_nr > 0,
        "next": (in_deck and i < len(slides) - 1) or part_nr < parts - 1,
        "status": status,
        "screen": {"w": known[0], "h": known[1]} if known else None,
        "go": st.session_state.pop(S_LOAD, None),
    }
    _slide_nav(data=data, key=K_NAV, on_nav_change=_on_nav, on_screen_change=_on_screen)
    if in_deck:
        deck_export.download_button(
            deck_slides(), len(slides), deck_export.absolute(slide_url(slides, 0)), "slide_pptx"
        )
