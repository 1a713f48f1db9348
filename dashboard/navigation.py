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
    PageSpec("pages/colofon/colofon.py", "Colofon", ":material/contact_support:", "colofon"),
)
SITE = "Sociaal Werk in Cijfers"
PUBLISHER = SITE


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
