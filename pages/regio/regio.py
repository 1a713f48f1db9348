"""Regio: a gemeente compares itself with Nederland and with regions like it, over time."""

import streamlit as st

from dashboard import exports, factsheet, filters, ui
from dashboard.components import tabs
from pages.regio import eigen, kaart, keuzes, trend, vacatures

TABS = {
    "Trend": trend.render,
    "Kaart": kaart.render,
    "Vacatures (provincie)": vacatures.render,
    "Eigen cijfers": eigen.render,
}

st.title("Regio: uw gemeente vergeleken")
st.write(
    "Hoe doet uw regio het, vergeleken met Nederland en met regio's die qua inwonertal op de uwe "
    "lijken, en hoe verandert dat? Kies hieronder een gemeente. Studenten (DUO) tellen op de "
    "plaats van de hogeschool, vacatures (CBS) per provincie; onder Eigen cijfers zet u uw eigen "
    "gegevens (bijvoorbeeld uit de Monitor Sociaal Domein) naast die van vergelijkbare gemeenten."
)
if not ui.unavailable("students", "population", "regions_gemeente"):
    programmes = tuple(filters.current_filters().programmes)
    view = keuzes.choose(programmes)
    if not programmes:
        st.info("Geen opleidingen gekozen. Kies links een of meer opleidingsgroepen.")
    else:
        tabs.render(TABS, view)
        st.subheader("Op papier")
        st.caption(
            ui.plain(
                f"Factsheet van {view.name}: twee A4-pagina's met de kerncijfers tegenover "
                "Nederland en de vergelijkingsgroep, de grafieken met definitie, peildatum en "
                "bron, en de kanttekeningen."
            )
        )
        link = ui.view_url()
        st.download_button(
            "Factsheet (PDF)",
            data=lambda: factsheet.build(view, link),  # built on click, in memory only
            file_name=f"factsheet-{exports.slug(view.row['region_name'])}-{exports.slug(view.name)}.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            key="regio-factsheet",
            on_click="ignore",
            help="Twee A4-pagina's met de kerncijfers, drie of vier grafieken met definitie, "
            "peildatum en bron, en de kanttekeningen bij deze keuze.",
        )
