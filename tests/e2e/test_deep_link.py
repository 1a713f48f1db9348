"""A fresh server whose very first request is a deep link still runs app.py (shared sidebar).

Streamlit 1.67 scans ``pages/*.py`` (``script_runner._mpa_v1``) and, before any session has run
app.py, would run such a file instead of app.py. Our page entries sit one level down
(``pages/<page>/<page>.py``) so this cannot happen; this test keeps it that way.
"""

from __future__ import annotations

import pytest

from tests.conftest import REPO
from tests.e2e.conftest import READY, streamlit_server

pytestmark = pytest.mark.e2e


def test_no_python_file_directly_in_pages():
    assert not list((REPO / "pages").glob("*.py"))


@pytest.mark.parametrize("url_path", ["instroom", "arbeidsmarkt"])
def test_first_request_deep_link_renders_the_shared_sidebar(page, url_path):
    with streamlit_server() as url:
        page.goto(f"{url}/{url_path}")
        page.wait_for_selector(READY, timeout=60_000)
        sidebar = page.get_by_test_id("stSidebar")
        assert sidebar.get_by_text("Filters", exact=True).is_visible()
        assert page.get_by_test_id("stSidebarNav").is_visible()
        assert page.get_by_test_id("stException").count() == 0
        # no "Page not found" notice over the page (Streamlit's file-based pages/ mode is off)
        assert page.get_by_role("dialog").count() == 0
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator("h1").first.is_visible()
