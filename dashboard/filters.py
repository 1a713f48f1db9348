"""Shared filters: widget keys (= URL parameter names), the sidebar widgets, and typed values.

Cross-page filters are created in app.py (render_shared) so they keep their URL value on every
page. Pages read them only through current_filters().
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard import queries as q

# widget keys: also the URL query parameter names (bind="query-params")
K_GROUPS = "groep"
K_REGION = "regio"
NL = "NL01"
LEVEL_LABELS = {
    "nl": "land",
    "provincie": "provincie",
    "arbeidsmarktregio": "arbeidsmarktregio",
    "gemeente": "gemeente",
}


@dataclass(frozen=True)
class Filters:
    groups: tuple[str, ...]
    programmes: tuple[str, ...]
    region_code: str | None  # None = Nederland
    region_name: str
    region_level: str


def group_options() -> tuple[list[str], list[str]]:
    """(all groups, default groups) from the curated programme list."""
    progs = q.options__programmes()
    groups = list(dict.fromkeys(progs["programme_group"]))
    default = list(dict.fromkeys(progs.loc[progs["in_default_selection"], "programme_group"]))
    return groups, default


def region_labels() -> dict[str, str]:
    regions = q.options__regions()
    return {
        r.region_code: r.region_name
        if r.region_level in ("nl", "provincie")
        else f"{r.region_name} ({LEVEL_LABELS[r.region_level]})"
        for r in regions.itertuples()
    }


def render_shared() -> None:
    """The cross-page filters, in the sidebar. Called by app.py before the page runs."""
    db = q.database()
    if not db.available("students", "population"):
        return
    groups, default = group_options()
    labels = region_labels()
    with st.sidebar:
        st.subheader("Filters")
        st.caption("Voor Overzicht, Instroom en Regio. Andere pagina's hebben eigen keuzes.")
        st.multiselect(
            "Opleidingsgroepen",
            groups,
            default=default,
            key=K_GROUPS,
            bind="query-params",
            help="Welke hbo-opleidingen meetellen. Standaard alle sociaal-werkopleidingen; "
            "'Overig gedrag en maatschappij' (o.a. Sportkunde, Theologie) staat uit.",
            placeholder="Kies een of meer groepen",
        )
        st.selectbox(
            "Regio",
            list(labels),
            index=0,
            key=K_REGION,
            bind="query-params",
            format_func=labels.get,
            help="Provincie, arbeidsmarktregio of gemeente van de hogeschoolvestiging. "
            "Typ om te zoeken op naam.",
        )


def current_filters() -> Filters:
    """The shared filter values, parsed and typed. Safe to call on every page."""
    groups_all, default = group_options()
    raw_groups = st.session_state.get(K_GROUPS, default)
    groups = tuple(g for g in raw_groups if g in groups_all)
    progs = q.options__programmes()
    programmes = tuple(progs.loc[progs["programme_group"].isin(groups), "programme_code"])
    regions = q.options__regions().set_index("region_code")
    code = st.session_state.get(K_REGION, NL)
    if code not in regions.index:
        code = NL
    row = regions.loc[code]
    return Filters(
        groups=groups,
        programmes=programmes,
        region_code=None if code == NL else code,
        region_name=str(row["region_name"]),
        region_level=str(row["region_level"]),
    )
