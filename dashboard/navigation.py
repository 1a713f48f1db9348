"""The single list of pages, used by app.py and by the tests."""

from __future__ import annotations

import base64
import copy
import functools
from dataclasses import dataclass
from pathlib import Path

import streamlit as st


@dataclass(frozen=True)
class PageSpec:
    path: str  # file under pages/
    title: str
    icon: str
    url_path: str
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "pages/overzicht/overzicht.py",
        "Overzicht",
        ":material/dashboard:",
        "overzicht",
        default=True,
    ),
    PageSpec("pages/instroom/instroom.py", "Instroom", ":material/school:", "instroom"),
    PageSpec(
        "pages/arbeidsmarkt/arbeidsmarkt.py", "Arbeidsmarkt", ":material/work:", "arbeidsmarkt"
    ),
    PageSpec("pages/raadpleging/raadpleging.py", "Raadpleging", ":material/forum:", "raadpleging"),
    PageSpec("pages/regio/regio.py", "Regio", ":material/map:", "regio"),
    PageSpec("pages/over/over.py", "Over de data", ":material/info:", "over"),
    PageSpec("pages/colofon/colofon.py", "Colofon", ":material/contact_support:", "colofon"),
)
SITE = "Sociaal Werk in Cijfers"
PUBLISHER = SITE


# The favicon as a data URL (local, no CDN): a file path made Streamlit resolve, read and hash the
# file on every run of every page.
ICON = "data:image/png;base64," + base64.b64encode(
    (Path(__file__).parent / "assets" / "icon.png").read_bytes()
).decode("ascii")


_REPO = Path(__file__).resolve().parent.parent


@functools.cache
def _built_pages() -> tuple:
    # absolute paths: the same pages whichever script (app.py, a test's) builds them first
    return tuple(
        st.Page(
            _REPO / p.path,
            title=p.title,
            icon=p.icon,
            url_path=p.url_path or None,
            default=p.default,
        )
        for p in PAGES
    )


def st_pages() -> list:
    """This run's ``st.Page`` objects for app.py's ``st.navigation``.

    Built once per process (``st.Page`` resolves and checks its file on every call: a tenth of
    a chart-free page's rerun), and handed out as shallow copies, because ``st.navigation``
    marks the page it runs on the object itself and sessions run side by side.
    """
    return [copy.copy(page) for page in _built_pages()]


def browser_title(url_path: str) -> str:
    """The document title of a page: its own name first, then the site (tabs, bookmarks)."""
    spec = next((p for p in PAGES if p.url_path == url_path), None)
    if spec is None or spec.default:
        return SITE
    return f"{spec.title} – {SITE}"


def by_url(url_path: str) -> PageSpec:
    return next(p for p in PAGES if p.url_path == url_path)


def page_path(url_path: str) -> str:
    """The script of a page, for st.page_link, st.switch_page and the tests."""
    return by_url(url_path).path
