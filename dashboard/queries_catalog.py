"""The catalog of what the data holds, built once per snapshot (see dashboard/catalog.py)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import catalog as catalog_model
from dashboard import config
from dashboard.queries import bound, database, run, snapshot_id


@bound
def catalog__measure_years() -> pd.DataFrame: ...


@bound
def catalog__vacancy_periods() -> pd.DataFrame: ...


@bound
def catalog__survey_rounds() -> pd.DataFrame: ...


@bound
def catalog__cross_tabulated_years() -> pd.DataFrame: ...


@st.cache_resource(max_entries=4, show_spinner=False)
def _catalog(snapshot: str) -> catalog_model.Catalog:
    return catalog_model.load(lambda name: run(name), database().available, config.DATA_DIR)


def catalog() -> catalog_model.Catalog:
    """What the current snapshot holds: years, definitions, quarters, survey rounds."""
    return _catalog(snapshot_id())
