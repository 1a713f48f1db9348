"""Page-wide fixed assets: app and print stylesheets; the page script (Dutch document
language and Streamlit strings, phone behaviour, chart names). No data inside."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
import streamlit.components.v2 as components

_ASSETS = Path(__file__).parent / "assets"
PRINT_CSS = "<style>" + (_ASSETS / "print.css").read_text(encoding="utf-8") + "</style>"
APP_CSS = "<style>" + (_ASSETS / "app.css").read_text(encoding="utf-8") + "</style>"
_page = components.component("swic_page", js=(_ASSETS / "page.js").read_text(encoding="utf-8"))


def apply() -> None:
    st.html(APP_CSS + PRINT_CSS)
    _page(key="swic_page")
