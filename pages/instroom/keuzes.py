"""The page's own filters (bound to the URL), the selection label and the 'no data' reasons."""

from __future__ import annotations

import streamlit as st

from dashboard import filters, queries
from dashboard.catalog import Measure
from dashboard.components.controls import choice
from dashboard.params import Instroom as P
from dashboard.queries_catalog import catalog

MODES = ("voltijd", "deeltijd", "duaal")
GENDERS = ("vrouw", "man", "onbekend")


def measure_labels() -> dict[str, str]:
    """Measure key -> the label on the buttons (and in the URL), from data/reference/."""
    return {key: m.label for key, m in catalog().measures.items()}


def controls(f: filters.Filters) -> tuple[queries.StudentSelection, int]:
    """The filters above the tabs -> a StudentSelection and the chosen year."""
    in_groups = set(f.programmes)  # the programmes of the sidebar's groups
    names = {c: n for c, n in filters.programme_names().items() if c in in_groups}
    inst_names = filters.institution_names()
    c1, c2, c3 = st.columns([2.1, 2, 1.4])
    measure = choice("Maat", measure_labels(), key=P.MEASURE, container=c1)
    chosen = c2.multiselect(
        "Opleidingen (leeg = alle in de gekozen groepen)",
        list(names),
        format_func=names.get,
        key=P.PROGRAMMES,
        bind="query-params",
        placeholder="Alle opleidingen in de gekozen groepen",
    )
    institution = c3.selectbox(
        "Hogeschool",
        list(inst_names),
        index=None,
        format_func=inst_names.get,
        key=P.INSTITUTION,
        bind="query-params",
        placeholder="Alle hogescholen",
    )
    c4, c5, c6 = st.columns([1.4, 1.4, 0.8])
    modes = c4.pills(
        "Opleidingsvorm", MODES, selection_mode="multi", key=P.MODES, bind="query-params"
    )
    genders = c5.pills(
        "Geslacht", GENDERS, selection_mode="multi", key=P.GENDERS, bind="query-params"
    )
    years = catalog().measure(measure).years[::-1]  # newest first: the default is the latest
    year = choice(
        "Jaar",
        years,
        key=P.YEAR,
        kind="select",
        container=c6,
        help="Voor de kerncijfers, de uitsplitsing en de kaart.",
    )
    sel = queries.StudentSelection(
        measure=measure,
        programmes=tuple(chosen) if chosen else tuple(f.programmes),
        study_modes=tuple(modes) if modes else None,
        genders=tuple(genders) if genders else None,
        institution=institution,
        region_code=f.region_code,
    )
    return sel, int(year)


def selection_label(sel: queries.StudentSelection, f: filters.Filters) -> str:
    progs = filters.programme_names()
    # "mijn regio" with its level first ("gemeente Zwolle"), so a cut subtitle still names it
    parts = [
        f.region_text,
        ", ".join(f.groups)
        if len(sel.programmes) > 3 or not sel.programmes
        else ", ".join(progs.get(c, c) for c in sel.programmes),
    ]
    if sel.institution:
        inst = filters.institution_names()
        parts.append(str(inst.get(sel.institution, sel.institution)))
    if sel.study_modes:
        parts.append("/".join(sel.study_modes))
    if sel.genders:
        parts.append("/".join(sel.genders))
    return " · ".join(parts)


def cross_tab_note(m: Measure) -> str:
    """Which years DUO publishes this measure per programme by study mode and gender."""
    span = m.cross_tabulated
    if span is None:
        return f"DUO publiceert {m.unit_label} per opleiding niet naar opleidingsvorm of geslacht"
    first, last = span
    years = str(first) if first == last else f"{first} t/m {last}"
    return (
        f"DUO publiceert {m.unit_label} per opleiding naar opleidingsvorm of geslacht alleen "
        f"voor {years}; de andere jaren staan in losse tabellen die niet te combineren zijn"
    )


def filtered_years_missing(sel: queries.StudentSelection, year: int) -> bool:
    """True when the study-mode/gender filter is why ``year`` has no data."""
    span = catalog().measure(sel.measure).cross_tabulated
    detailed = sel.study_modes is not None or sel.genders is not None
    return detailed and (span is None or not span[0] <= year <= span[1])


def empty_reason(sel: queries.StudentSelection) -> str:
    m = catalog().measure(sel.measure)
    if (sel.study_modes or sel.genders) and m.cross_tabulated != (m.first_year, m.latest_year):
        return (
            f"Geen gegevens: {cross_tab_note(m)}. Kies een ander jaar of wis het filter "
            "opleidingsvorm/geslacht."
        )
    return (
        "Geen studenten voor deze selectie. Mogelijk biedt de gekozen hogeschool of regio deze "
        "opleidingen niet aan; kies een andere regio of meer opleidingsgroepen."
    )
