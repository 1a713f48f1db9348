"""Regio controls: the gemeente, the DUO comparison level, measure, value mode and peer group."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts_regio, filters, fmt, params, queries, regio_figures, ui
from dashboard.components.controls import choice
from dashboard.queries_catalog import catalog

P = params.Regio
LEVELS, VALUES, FIELDS = regio_figures.LEVELS, regio_figures.VALUES, regio_figures.FIELDS
DEFAULT_PEERS = regio_figures.DEFAULT_PEERS
View = regio_figures.View
division = regio_figures.division
level_code = regio_figures.level_code
index_bases = regio_figures.index_bases


def shared_gemeente(gem: pd.DataFrame, f: filters.Filters) -> tuple[str, str]:
    """The gemeente this page compares for "mijn regio", and a note when it is not that choice
    itself: the largest gemeente inside a chosen provincie or arbeidsmarktregio (of NL for NL)."""
    largest = gem.sort_values(["population_latest", "region_code"], ascending=[False, True])
    if f.region_level == "gemeente" and f.region_code in set(gem["region_code"]):
        return str(f.region_code), ""
    inside = largest
    if f.region_level in ("provincie", "arbeidsmarktregio"):
        inside = largest[largest[f"{f.region_level}_code"] == f.region_code]
        inside = inside if len(inside) else largest
    top = inside.iloc[0]
    where = "Nederland" if f.region_code is None else ui.plain(f.region_name)
    return str(top["region_code"]), (
        f"Mijn regio is {ui.plain(f.region_text)}; hier: {ui.plain(top['region_name'])}, de "
        f"grootste gemeente in {where}."
    )


def _picked() -> None:
    """The page's gemeente picker changes the shared choice, not a second one."""
    filters.set_region(st.session_state[P.GEMEENTE])


def pick_gemeente() -> pd.Series:
    """The gemeente of "mijn regio" (dashboard/filters.py); picking here changes that choice."""
    regions = queries.options__regions()
    gem = regions[regions["region_level"] == "gemeente"].sort_values("region_name")
    names = {r.region_code: f"{r.region_name} ({r.region_code})" for r in gem.itertuples()}
    code, note = shared_gemeente(gem, filters.current_filters())
    st.session_state[P.GEMEENTE] = code  # mirrors the shared choice on every run
    st.selectbox(
        "Gemeente",
        list(names),
        format_func=names.get,
        key=P.GEMEENTE,
        on_change=_picked,
        help="Dit is dezelfde keuze als 'Mijn regio' links: een andere gemeente hier geldt "
        "ook voor Overzicht en Instroom. Typ een naam of een code (GM0363) om te zoeken.",
    )
    if note:
        st.caption(note)
    row = gem.set_index("region_code").loc[code].copy()
    row["region_code"] = code
    return row


def show_gemeente(row: pd.Series) -> None:
    cols = st.columns(3)
    last = catalog().population_years[1]
    ui.kpi(
        cols[0],
        f"Inwoners (1 januari {last})" if last else "Inwoners (1 januari, laatste jaar)",
        fmt.number(row["population_latest"]),
        help_text=f"CBS 03759ned, bevolking op 1 januari; gemeentelijke indeling van {division()}.",
    )
    ui.kpi(
        cols[1], "Provincie", str(row["provincie_name"]), help_text="CBS-vacatures: per provincie."
    )
    ui.kpi(
        cols[2],
        "Arbeidsmarktregio",
        str(row["arbeidsmarktregio_name"]),
        help_text="Standaard vergelijkingsniveau voor DUO-studenten.",
    )


def choose_values(programmes: tuple[str, ...]) -> tuple[str, str, str, int]:
    """Level, measure, value mode and index base year."""
    c1, c2 = st.columns(2)
    c3, c4 = st.columns([2, 1])
    level = choice(
        "Niveau DUO-vergelijking",
        LEVELS,
        key=P.LEVEL,
        default="arbeidsmarktregio",
        container=c1,
        help="DUO telt studenten in de gemeente van de hogeschoolvestiging. Een gemeente "
        "zonder hogeschool heeft dus geen studenten; daarom is de arbeidsmarktregio de standaard.",
    )
    measures = {k: m.label for k, m in catalog().measures.items()}
    measure = choice("Maat", measures, key=P.MEASURE, default="enrolled", container=c2)
    mode = choice(
        "Waarde",
        VALUES,
        key=P.VALUE,
        default="per_1000",
        container=c3,
        help="Per 1.000 inwoners: het aantal studenten aan hogeschoolvestigingen in de regio, "
        "gedeeld door de inwoners van de regio (CBS, 1 januari, vanaf het eerste jaar met "
        "bevolkingscijfers). Dit is geen deelnamecijfer: studenten wonen vaak ergens anders "
        "dan waar ze studeren, en een regio zonder hogeschool telt 0.",
    )
    bases = index_bases(measure, programmes)
    base = bases[0] if bases else 0  # the first year of the newest definition
    if mode == "index" and bases:  # only shown when it matters (disabled labels fail contrast)
        base = choice(
            "Basisjaar",
            bases,
            key=P.BASE,
            kind="select",
            container=c4,
            help="Het jaar dat op 100 wordt gezet bij 'Index'. Alleen jaren met de nieuwste "
            "definitie: een index over een definitiebreuk vergelijkt twee verschillende tellingen.",
        )
    return level, measure, mode, int(base)


def choose_peers(level: str, code: str, name: str) -> tuple[pd.DataFrame, int, tuple[str, ...]]:
    """The peer group: closest in population (SQL), or the user's own list; and the count."""
    names = regio_figures.peer_names(level, code)
    c1, c2 = st.columns([1, 2.4])
    count = c1.slider(
        "Aantal vergelijkbare regio's",
        3,
        10,
        DEFAULT_PEERS,
        key=P.PEERS,
        bind="query-params",
        help="De regio's van hetzelfde niveau met het inwonertal dat het dichtst bij ligt "
        "(laatste jaar; bij gelijke afstand telt de code).",
    )
    picked = c2.multiselect(
        f"Of kies zelf {charts_regio.PLURAL[level]} om mee te vergelijken",
        list(names),
        format_func=names.get,
        key=P.COMPARE,
        bind="query-params",
        placeholder="Automatisch: dichtstbijzijnd in inwonertal",
    )
    peers, note = regio_figures.peer_group(level, code, name, count, tuple(picked), ui.plain)
    st.caption(note)
    own = tuple(peers["region_code"]) if any(c in names for c in picked) else ()
    return peers, int(count), own


def choose(programmes: tuple[str, ...]) -> View:
    """Draw the controls above the tabs and return the chosen view."""
    row = pick_gemeente()
    show_gemeente(row)
    level, measure, mode, base = choose_values(programmes)
    code, name = level_code(row, level)
    st.caption(
        f"Studenten (DUO) op niveau {LEVELS[level].lower()}: {ui.plain(name)}, geteld bij de "
        "hogeschoolvestiging (geen hogeschool = 0). Vacatures (CBS) alleen per provincie."
    )
    peers, count, own = choose_peers(level, code, name)
    return View(row, level, measure, mode, base, code, name, peers, count, programmes, own)
