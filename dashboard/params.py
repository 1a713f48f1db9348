"""Every widget key, which is also its URL query parameter name (bind="query-params").

One namespace per page plus the shared ones, so two pages can reuse a word ("jaar") on purpose
and a test can enumerate every parameter a visitor can send (tests/app/test_hostile_urls.py).
"""

from __future__ import annotations


class Shared:
    GROUPS = "groep"
    REGION = "regio"  # "mijn regio": the one region choice of every page (sidebar)
    CONTRAST = "contrast"
    VIEW = "weergave"  # the tab of a page


class Present:
    ON = "presentatie"
    SHOW = "toon"
    DECK = "dia"
    NR = "nr"
    PART = "deel"  # the part of a long comparison on a slide


class Instroom:
    MEASURE = "maat"
    PROGRAMMES = "opleiding"
    MODES = "vorm"
    GENDERS = "geslacht"
    INSTITUTION = "hogeschool"
    DIMENSION = "uitsplitsing"
    YEAR = "jaar"
    LEVEL = "kaartniveau"
    VALUE = "waarde"
    BASE = "basisjaar"


class Arbeidsmarkt:
    LEVEL = "niveau"
    PERIOD = "periode"
    PICK = "kwartaal"
    REGION = "provincie"
    SECTOR = "sector"
    VALUE = "waarde"


class Raadpleging:
    CHAPTER = "hoofdstuk"
    QUESTION = "vraag"
    FIGURE = "cijfer"  # the figure (unit) a link names: shown first on the question
    SEARCH = "zoek"
    COMPARE_CHAPTER = "vergelijkhoofdstuk"  # the chapter shown in the comparison tab


class Regio:
    # the page's gemeente picker: not bound to the URL, it mirrors and sets Shared.REGION; an
    # old link's ?gemeente=Zwolle (GM0193) is read once as Shared.REGION (filters.py)
    GEMEENTE = "gemeente"
    LEVEL = "niveau"
    MEASURE = "maat"
    VALUE = "waarde"
    BASE = "basisjaar"
    PEERS = "peers"
    COMPARE = "vergelijk"
    YEAR = "jaar"
    VAC_PERIOD = "vacjaar"
    UPLOAD = "eigen_bestand"  # never in the URL; the parsed upload stays in the session
    OWN_VAR = "eigenkolom"
    OWN_YEAR = "eigenjaar"


NAMESPACES = (Shared, Present, Instroom, Arbeidsmarkt, Raadpleging, Regio)


def all_keys() -> set[str]:
    """Every parameter name in use (for the hostile-URL tests)."""
    return {
        v
        for ns in NAMESPACES
        for k, v in vars(ns).items()
        if not k.startswith("_") and isinstance(v, str)
    }
