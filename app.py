"""Sociaal Werk in Cijfers: entry point. Page config, shared filters, navigation."""

import streamlit as st

from dashboard import filters, navigation

st.set_page_config(
    page_title="Sociaal Werk in Cijfers",
    page_icon=":material/diversity_3:",
    layout="wide",
    menu_items={
        "About": "Sociaal Werk in Cijfers: open dashboard over opleiding, arbeidsmarkt en beroep."
    },
)

pages = [
    st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=p.default)
    for p in navigation.PAGES
]
page = st.navigation(pages)
filters.render_shared()
page.run()
