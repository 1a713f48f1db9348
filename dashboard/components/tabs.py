"""A page's tab registry: one st.tabs bound to the URL, and only the open tab is drawn."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import streamlit as st

from dashboard.params import Shared

Registry = Mapping[str, Callable[..., None]] | Iterable[tuple[str, Callable[..., None]]]


def render(registry: Registry, *args: object, key: str = Shared.VIEW) -> None:
    """Draw the tabs ``label -> render`` (bound to the URL parameter ``key``).

    Streamlit runs every tab's body unless the body asks ``tab.open``; only the open tab's
    ``render(*args)`` runs, so a page costs one tab's queries and charts per script run.
    """
    tabs = dict(registry)
    views = st.tabs(list(tabs), key=key, bind="query-params")
    for view, draw in zip(views, tabs.values(), strict=True):
        if view.open:
            with view:
                draw(*args)
