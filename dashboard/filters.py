"""Shared filters: widget keys (= URL parameter names), the sidebar widgets, and typed values.

Cross-page filters are created in app.py (render_shared) so they keep their URL value on every
page. Pages read them only through current_filters(). "Mijn regio" (``?regio=``) is the one
region choice of the whole dashboard: Overzicht and Instroom count students in it, Regio uses
it as its gemeente and changes it through set_region().
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import streamlit as st

from dashboard import params
from dashboard import queries as q

# widget keys: also the URL query parameter names (bind="query-params")
K_GROUPS = params.Shared.GROUPS
K_REGION = params.Shared.REGION
NL = "NL01"
REGION_LABEL = "Mijn regio"
_LEGACY_GEMEENTE = re.compile(r"(?:^|\()\s*(GM\d{4})\s*\)?\s*$", re.IGNORECASE)
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
    provincie_name: str | None = None  # the provincie of the region (None: NL, most AM regions)

    @property
    def region_text(self) -> str:
        """The region with its level in words: 'gemeente Zwolle', 'provincie Overijssel'."""
        if self.region_code is None:
            return "Nederland"
        return f"{LEVEL_LABELS.get(self.region_level, self.region_level)} {self.region_name}"

    @property
    def region_title(self) -> str:
        """region_text for the start of a sentence: 'Gemeente Zwolle'."""
        text = self.region_text
        return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Options:
    groups: tuple[str, ...]
    default_groups: tuple[str, ...]
    codes_by_group: Mapping[str, tuple[str, ...]]
    region_labels: Mapping[str, str]
    regions: Mapping[str, tuple[str, str]]  # code -> (name, level)
    provincies: Mapping[str, str]  # gemeente or provincie code -> provincie name
    programme_names: Mapping[str, str]  # CROHO code -> programme name
    institution_names: Mapping[str, str]  # BRIN code -> hogeschool name


@st.cache_resource(max_entries=4, show_spinner=False)
def _options(snapshot: str) -> _Options:
    """Everything the shared filters need, derived once per snapshot (not on every rerun).

    A resource (one shared, read-only object), not cache_data: cache_data unpickles a fresh
    copy of the 390 regions on each of the 3-4 calls per rerun. Nothing here is user state.
    """
    progs = q.options__programmes()
    groups = tuple(dict.fromkeys(progs["programme_group"]))
    default = tuple(dict.fromkeys(progs.loc[progs["in_default_selection"], "programme_group"]))
    codes = {g: tuple(progs.loc[progs["programme_group"] == g, "programme_code"]) for g in groups}
    regions = q.options__regions()
    labels = {
        r.region_code: r.region_name
        if r.region_level in ("nl", "provincie")
        else f"{r.region_name} ({LEVEL_LABELS[r.region_level]})"
        for r in regions.itertuples()
    }
    info = {r.region_code: (r.region_name, r.region_level) for r in regions.itertuples()}
    provincies = {
        r.region_code: r.region_name if r.region_level == "provincie" else r.provincie_name
        for r in regions.itertuples()
        if r.region_level in ("provincie", "gemeente")
    }
    inst = q.options__institutions()
    return _Options(
        groups,
        default,
        MappingProxyType(codes),
        MappingProxyType(labels),
        MappingProxyType(info),
        MappingProxyType(provincies),
        MappingProxyType(dict(zip(progs["programme_code"], progs["programme_name"], strict=True))),
        MappingProxyType(
            dict(zip(inst["institution_code"], inst["institution_name"], strict=True))
        ),
    )


def group_options() -> tuple[list[str], list[str]]:
    """(all groups, default groups) from the curated programme list."""
    opts = _options(q.snapshot_id())
    return list(opts.groups), list(opts.default_groups)


def programme_names() -> Mapping[str, str]:
    """CROHO code -> programme name, every curated programme (one object per snapshot)."""
    return _options(q.snapshot_id()).programme_names


def institution_names() -> Mapping[str, str]:
    """BRIN code -> hogeschool name (one object per snapshot)."""
    return _options(q.snapshot_id()).institution_names


def region_labels() -> Mapping[str, str]:
    return _options(q.snapshot_id()).region_labels


def set_region(code: str) -> None:
    """Change "mijn regio" (call from a widget callback, before the sidebar widget is drawn)."""
    if code in _options(q.snapshot_id()).regions:
        st.session_state[K_REGION] = code


def _adopt_legacy_gemeente() -> None:
    """A link from before the shared choice (``?gemeente=Zwolle (GM0193)``) sets "mijn regio"
    once; the old parameter then leaves the URL, so the shared ``?regio=`` is the only one."""
    legacy = st.query_params.get(params.Regio.GEMEENTE)
    if legacy is None:
        return
    del st.query_params[params.Regio.GEMEENTE]
    m = _LEGACY_GEMEENTE.search(str(legacy))
    if m and K_REGION not in st.query_params:
        set_region(m.group(1).upper())


def render_shared() -> None:
    """The cross-page filters, in the sidebar. Called by app.py before the page runs."""
    db = q.database()
    if not db.available("students", "population"):
        return
    groups, default = group_options()
    labels = region_labels()
    _adopt_legacy_gemeente()
    with st.sidebar:
        st.subheader("Filters")
        st.caption(
            "Voor Overzicht, Instroom en Regio: elke kaart en grafiek die deze keuzes gebruikt, "
            "noemt ze. Andere pagina's hebben eigen keuzes."
        )
        st.multiselect(
            "Opleidingsgroepen",
            groups,
            default=default,
            key=K_GROUPS,
            bind="query-params",
            help="Welke hbo-opleidingen meetellen. Standaard alle groepen behalve 'Overig "
            "gedrag en maatschappij' (o.a. Sportkunde, Theologie). Welke opleidingen in een "
            "groep zitten, staat op Overzicht.",
            placeholder="Kies een of meer groepen",
        )
        st.selectbox(
            REGION_LABEL,
            list(labels),
            index=0,
            key=K_REGION,
            bind="query-params",
            format_func=labels.get,
            help="Uw gemeente, arbeidsmarktregio of provincie, voor alle pagina's. Overzicht en "
            "Instroom tellen de studenten aan hogeschoolvestigingen in deze regio (DUO); de "
            "pagina Regio vergelijkt deze gemeente (bij een provincie of arbeidsmarktregio: de "
            "grootste gemeente erin). Vacatures (CBS) bestaan alleen per provincie. Typ om te "
            "zoeken op naam.",
        )


def current_filters() -> Filters:
    """The shared filter values, parsed and typed. Safe to call on every page."""
    opts = _options(q.snapshot_id())
    raw_groups = st.session_state.get(K_GROUPS, list(opts.default_groups))
    groups = tuple(g for g in raw_groups if g in opts.groups)
    programmes = tuple(c for g in opts.groups if g in groups for c in opts.codes_by_group[g])
    code = st.session_state.get(K_REGION, NL)
    if code not in opts.regions:
        code = NL
    name, level = opts.regions[code]
    return Filters(
        groups=groups,
        programmes=programmes,
        region_code=None if code == NL else code,
        region_name=str(name),
        region_level=str(level),
        provincie_name=opts.provincies.get(code),
    )


def follow_provincie(labels: dict[str, str], key: str) -> str | None:
    """The code (in ``labels``: code -> name) of the provincie of "Mijn regio", for a page
    whose source exists only per provincie (CBS vacancies); None for Nederland or an
    arbeidsmarktregio. A new "Mijn regio" choice moves the widget ``key`` along; a choice made
    on the page stays until then."""
    provincie = current_filters().provincie_name
    code = next((c for c, name in labels.items() if name == provincie), None)
    seen = f"_followed_provincie_{key}"
    if st.session_state.get(seen, code) != code and code is not None:
        st.session_state[key] = code
    st.session_state[seen] = code
    return code
