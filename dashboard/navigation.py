"""The single list of pages, used by app.py and by the tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    path: str  # file under pages/
    title: str
    icon: str
    url_path: str
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "app_pages/overzicht.py", "Overzicht", ":material/dashboard:", "overzicht", default=True
    ),
    PageSpec("pages/instroom/page.py", "Instroom", ":material/school:", "instroom"),
    PageSpec("app_pages/arbeidsmarkt.py", "Arbeidsmarkt", ":material/work:", "arbeidsmarkt"),
    PageSpec("app_pages/raadpleging.py", "Raadpleging", ":material/forum:", "raadpleging"),
    PageSpec("app_pages/regio.py", "Regio", ":material/map:", "regio"),
    PageSpec("pages/over/page.py", "Over de data", ":material/info:", "over"),
)


def by_url(url_path: str) -> PageSpec:
    return next(p for p in PAGES if p.url_path == url_path)


def page_path(url_path: str) -> str:
    """The script of a page, for st.page_link, st.switch_page and the tests."""
    return by_url(url_path).path
