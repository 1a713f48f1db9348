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


@pytest.fixture
def fresh_caches():
    """For a test that points the app at other data: empty Streamlit's caches before and after.

    Every other test shares one database and one query cache per process (both are keyed by the
    snapshot id and never mutated), which keeps the AppTest tier fast.
    """
    import streamlit as st

    from dashboard import drawn, geo

    st.cache_data.clear()
    st.cache_resource.clear()
    geo.features.cache_clear()
    drawn.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
    drawn.clear()
    geo.features.cache_clear()
