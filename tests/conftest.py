"""Shared fixtures: repo paths, one database over the committed snapshots, Streamlit cache reset."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "data" / "raw"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def database():
    """The real snapshots in data/, loaded once into an in-memory DuckDB."""
    from dashboard import db

    d = db.connect(REPO / "data")
    assert not d.problems, d.problems
    yield d
    d.close()


@pytest.fixture(autouse=True)
def _clear_streamlit_caches():
    """One test's cached data can't leak into the next."""
    yield
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
