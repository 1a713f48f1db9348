"""arbeidsmarkt (first version)."""

import streamlit as st

st.title("Arbeidsmarkt")
st.info("Deze pagina wordt nog gebouwd.")
