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
)


def by_url(url_path: str) -> PageSpec:
    return next(p for p in PAGES if p.url_path == url_path)


def page_path(url_path: str) -> str:
    """The script of a page, for st.page_link, st.switch_page and the tests."""
    return by_url(url_path).path
