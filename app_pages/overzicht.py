"""overzicht (first version)."""

import streamlit as st

st.title("Overzicht")
st.info("Deze pagina wordt nog gebouwd.")
