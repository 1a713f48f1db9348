"""Sociaal Werk in Cijfers: the small library behind the Streamlit pages."""
