"""A bare Streamlit app with one selectbox: the baseline that bench/run.py compares against.

The metric shows the chosen value, so a filter change has a visible result to wait for.
"""

import streamlit as st

choice = st.selectbox("Keuze", ["Alfa", "Beta", "Gamma"], key="keuze")
st.metric("Gekozen", choice)
