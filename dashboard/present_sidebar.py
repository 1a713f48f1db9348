"""The presenter's sidebar: share link, high contrast, and the deck (list, reorder, remove,
start, PowerPoint). Deck state and slide stepping live in dashboard.present / dashboard.deck."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from dashboard import deck_export, navigation, present


def share_link() -> str:
    """An absolute link that reopens exactly this view (all bound filters)."""
    base = urlsplit(str(st.context.url or ""))
    page = "/" + st.session_state.get(present.S_PAGE, "")
    query = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    return urlunsplit((base.scheme, base.netloc, page, query, ""))


def slide_label(i: int, link: str) -> str:
    """'1. Instroom – Eerstejaars per jaar' (page title – chart title)."""
    captured = st.session_state.get(present.S_SLIDES, {}).get(link)
    if captured is not None:
        return f"{i + 1}. {captured.page_title} – {captured.title}"
    page = navigation.by_url(link.partition("?")[0]).title
    return f"{i + 1}. {page} – grafiek uit een gedeelde link (titel volgt bij presenteren)"


def _deck_row(i: int, link: str, last: bool) -> None:
    st.text(slide_label(i, link))
    a, b, c = st.columns(3)
    a.button(
        "↑", key=f"deck_up_{i}", on_click=present.move, args=(i, -1), disabled=i == 0, help="Eerder"
    )
    b.button(
        "↓", key=f"deck_down_{i}", on_click=present.move, args=(i, 1), disabled=last, help="Later"
    )
    c.button("✕", key=f"deck_del_{i}", on_click=present.remove, args=(i,), help="Verwijder")


def render() -> None:
    """Share link, high contrast, and the presenter's deck: list, reorder, present.remove, start."""
    # the link (a code block: Streamlit's highlighter bundle) only once the expander opens;
    # on every page's first render it cost about as much as a whole bare app (#20 profile)
    share = st.sidebar.expander(
        "Deel deze weergave", icon=":material/share:", key="share-view", on_change="rerun"
    )
    if share.open:
        with share:
            st.caption("Deze link opent precies deze weergave, met alle filters:")
            st.code(share_link(), language=None, wrap_lines=True)
    st.sidebar.toggle(
        "Hoog contrast",
        key=present.K_CONTRAST,
        bind="query-params",
        help="Zwart op wit, voor een zwakke beamer.",
    )
    slides = present.deck()
    rejected = st.session_state.pop(present.S_REJECTED, 0)
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
            _deck_row(i, s, i == len(slides) - 1)
        st.button(
            "Start presentatie",
            key="deck_start",
            icon=":material/slideshow:",
            on_click=present.present_deck,
            type="primary",
        )
        st.caption("De link in de adresbalk bevat de hele presentatie: kopieer hem om te delen.")
        deck_export.download_button(
            present.deck_slides(),
            len(slides),
            deck_export.absolute(present.slide_url(slides, 0)),
            "deck_pptx",
        )
