"""AppTest: every page runs without exception; URL parameters reach the widgets."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.navigation import PAGES, page_path
from tests.conftest import REPO

TIMEOUT = 60


def _app(**query) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    return at


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path or "overzicht")
def test_page_runs_without_exception(page):
    at = _app()
    at.run().switch_page(page.path).run()  # first run: see tests/app/test_instroom.py _open
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{page.url_path}: no title"


def test_every_page_entry_is_named_like_its_url():
    """AppTest.switch_page finds a page by file name before the first run; st.Page hashes the
    URL path. An entry called page.py silently ran the default page in every AppTest."""
    for page in PAGES:
        assert page.path.rsplit("/", 1)[-1] == f"{page.url_path}.py", page.path


def test_switch_page_runs_that_page_not_the_default():
    titles = {}
    for page in PAGES:
        at = _app()
        at.switch_page(page.path).run()
        titles[page.url_path] = at.title[0].value
    assert len(set(titles.values())) == len(PAGES), titles


def test_instroom_url_params_select_measure_and_region():
    at = _app(maat="Eerstejaars", regio="Noord-Brabant")  # URL values are the shown labels
    at.run().switch_page(page_path("instroom")).run()
    assert not at.exception
    assert at.session_state["maat"] == "first_years"
    assert at.session_state["regio"] == "PV30"
    labels = [m.label for m in at.metric]
    assert any(label.startswith("Eerstejaars 2024") for label in labels), labels


def test_invalid_url_values_fall_back_quietly():
    at = _app(maat="drop table students", regio="<script>alert(1)</script>")
    at.run().switch_page(page_path("instroom")).run()
    assert not at.exception
    assert at.session_state["regio"] == "NL01"
    assert at.session_state["maat"] == "enrolled"
