"""regio (first version)."""

import streamlit as st

st.title("Regio")
st.info("Deze pagina wordt nog gebouwd.")
