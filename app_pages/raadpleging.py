"""raadpleging (first version)."""

import streamlit as st

st.title("Raadpleging")
st.info("Deze pagina wordt nog gebouwd.")
