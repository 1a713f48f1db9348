"""Sociaal Werk in Cijfers: entry point. Page config, shared filters, navigation, presenting."""

import streamlit as st

from dashboard import chrome, filters, navigation, present, present_sidebar
from dashboard import queries as q

st.set_page_config(
    page_title=navigation.SITE,
    page_icon=navigation.ICON,  # local: no CDN
    layout="wide",
    menu_items={
        "About": "Sociaal Werk in Cijfers: open dashboard over opleiding, arbeidsmarkt "
        "en beroep van sociaal werkers."
    },
)

q.pin_snapshot()  # this run reads one snapshot; a refresh on disk shows from the next run

page = st.navigation(navigation.st_pages())
# each page its own browser title (tabs, bookmarks, history, screen readers): set_page_config is
# additive, and st.Page's title alone is overridden by the site title set above
st.set_page_config(page_title=navigation.browser_title(page.url_path or ""))
st.session_state[present.S_PAGE] = page.url_path or ""
present.follow()  # a slide step asked for another page: switch before anything is drawn
present.sync()  # the deck: session <-> URL (every page's address carries it)
present.begin_page()  # presentation styles first: no frame of the dashboard while presenting
filters.render_shared()
present_sidebar.render()
page.run()
present.end_page()
chrome.apply()
