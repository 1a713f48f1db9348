"""AppTest: every page runs without exception; URL parameters reach the widgets."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.navigation import PAGES, page_path
from tests.apptest import load
from tests.conftest import REPO

TIMEOUT = 60


def _app(**query) -> AppTest:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    return at


@pytest.fixture(scope="module")
def first_loads() -> dict[str, AppTest]:
    """Every page opened once, as a fresh session on its URL."""
    return {page.url_path: load(page.path) for page in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path or "overzicht")
def test_page_runs_without_exception(first_loads, page):
    at = first_loads[page.url_path]
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, f"{page.url_path}: no title"


def test_every_page_entry_is_named_like_its_url():
    """AppTest.switch_page finds a page by file name before the first run; st.Page hashes the
    URL path. An entry called page.py silently ran the default page in every AppTest."""
    for page in PAGES:
        assert page.path.rsplit("/", 1)[-1] == f"{page.url_path}.py", page.path


def test_switch_page_runs_that_page_not_the_default(first_loads):
    titles = {url: at.title[0].value for url, at in first_loads.items()}
    assert len(set(titles.values())) == len(PAGES), titles


def test_switching_pages_in_one_session_runs_each_page(first_loads):
    """The other order: one session that starts on the default page and visits every page."""
    at = _app().run()
    for page in PAGES:
        at.switch_page(page.path).run()
        assert not at.exception, [e.value for e in at.exception]
        assert at.title[0].value == first_loads[page.url_path].title[0].value


def test_instroom_url_params_select_measure_and_region():
    at = _app(maat="Eerstejaars", regio="Noord-Brabant")  # URL values are the shown labels
    at.switch_page(page_path("instroom")).run()
    assert not at.exception
    assert at.session_state["maat"] == "first_years"
    assert at.session_state["regio"] == "PV30"
    labels = [m.label for m in at.metric]
    assert any(label.startswith("Eerstejaars 2024") for label in labels), labels


def test_invalid_url_values_fall_back_quietly():
    at = _app(maat="drop table students", regio="<script>alert(1)</script>")
    at.switch_page(page_path("instroom")).run()
    assert not at.exception
    assert at.session_state["regio"] == "NL01"
    assert at.session_state["maat"] == "enrolled"
