"""The catalog of what the data holds, built once per snapshot (see dashboard/catalog.py).

catalog.load runs the catalog__*.sql queries by name (no wrapper functions for them).
"""

from __future__ import annotations

import streamlit as st

from dashboard import catalog as catalog_model
from dashboard import config
from dashboard.queries import database, run, snapshot_id


@st.cache_resource(max_entries=4, show_spinner=False)
def _catalog(snapshot: str) -> catalog_model.Catalog:
    return catalog_model.load(lambda name: run(name), database().available, config.DATA_DIR)


def catalog() -> catalog_model.Catalog:
    """What the current snapshot holds: years, definitions, quarters, survey rounds."""
    return _catalog(snapshot_id())
