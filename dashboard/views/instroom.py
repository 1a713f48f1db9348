"""Instroom: enrolment, first-years and graduates of hbo social-work programmes (DUO)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, geo, ui
from dashboard import queries as q
from dashboard.filters import Filters

K_MEASURE = "maat"
K_PROGRAMMES = "opleiding"
K_MODES = "vorm"
K_GENDERS = "geslacht"
K_INSTITUTION = "hogeschool"
K_VIEW = "weergave"
K_DIMENSION = "uitsplitsing"
K_YEAR = "jaar"
K_LEVEL = "kaartniveau"
K_VALUE = "waarde"
K_BASE = "basisjaar"

MEASURES = {"enrolled": "Ingeschreven", "first_years": "Eerstejaars", "graduates": "Gediplomeerd"}
YEARS = {
    "enrolled": range(2020, 2025),
    "first_years": range(2015, 2025),
    "graduates": range(2014, 2024),
}
SNAPSHOT = {
    "enrolled": "duo_enrolled",
    "first_years": "duo_first_years",
    "graduates": "duo_graduates",
}
PEILDATUM = {
    "enrolled": "1 oktober van het studiejaar",
    "first_years": "1 oktober van het studiejaar",
    "graduates": "diplomajaar (studiejaar waarin het diploma is behaald)",
}
DEFINITION = {
    "enrolled": "alle inschrijvingen (hoofdinschrijving) in het hbo op 1 oktober",
    "first_years": "eerstejaars: t/m 2019 nieuw in het hbo (incl. master), vanaf 2020 nieuw in "
    "het hoger onderwijs (excl. master) – breuk in de reeks",
    "graduates": "behaalde Ad-, bachelor- en masterdiploma's; t/m 2018 oud DUO-bestand, vanaf "
    "2019 nieuw bestand – breuk in de reeks",
}
BREAKS = {
    "first_years": (2020, "nieuwe definitie eerstejaars"),
    "graduates": (2019, "nieuw DUO-bestand"),
}
MODES = {"voltijd": "voltijd", "deeltijd": "deeltijd", "duaal": "duaal"}
GENDERS = {"vrouw": "vrouw", "man": "man", "onbekend": "onbekend"}
DIMENSIONS = {
    "programme_group": "Opleidingsgroep",
    "programme": "Opleiding",
    "study_mode": "Opleidingsvorm",
    "gender": "Geslacht",
    "institution": "Hogeschool",
}
LEVELS = {
    "provincie": "Provincie",
    "arbeidsmarktregio": "Arbeidsmarktregio",
    "gemeente": "Gemeente",
}
VALUES = {"count": "Aantal", "per_1000": "Per 1.000 inwoners", "index": "Index (basisjaar = 100)"}
VIEWS = ["Trend", "Uitsplitsing", "Kaart", "Studiesucces (VH)"]


def controls(f: Filters) -> tuple[q.StudentSelection, int]:
    """The page's own filters (bound to the URL) -> a StudentSelection and the chosen year."""
    progs = q.options__programmes()
    progs = progs[progs["programme_code"].isin(f.programmes)]
    names = dict(zip(progs["programme_code"], progs["programme_name"], strict=True))
    inst = q.options__institutions()
    inst_names = dict(zip(inst["institution_code"], inst["institution_name"], strict=True))
    c1, c2, c3 = st.columns([2.1, 2, 1.4])
    measure = c1.segmented_control(
        "Maat",
        list(MEASURES),
        default="enrolled",
        format_func=MEASURES.get,
        key=K_MEASURE,
        bind="query-params",
        required=True,
    )
    chosen = c2.multiselect(
        "Opleidingen (leeg = alle in de gekozen groepen)",
        list(names),
        format_func=names.get,
        key=K_PROGRAMMES,
        bind="query-params",
        placeholder="Alle opleidingen in de gekozen groepen",
    )
    institution = c3.selectbox(
        "Hogeschool",
        list(inst_names),
        index=None,
        format_func=inst_names.get,
        key=K_INSTITUTION,
        bind="query-params",
        placeholder="Alle hogescholen",
    )
    c4, c5, c6 = st.columns([1.4, 1.4, 0.8])
    modes = c4.pills(
        "Opleidingsvorm",
        list(MODES),
        selection_mode="multi",
        key=K_MODES,
        bind="query-params",
        format_func=MODES.get,
    )
    genders = c5.pills(
        "Geslacht",
        list(GENDERS),
        selection_mode="multi",
        key=K_GENDERS,
        bind="query-params",
        format_func=GENDERS.get,
    )
    years = list(YEARS[measure or "enrolled"])[::-1]
    year = c6.selectbox(
        "Jaar",
        years,
        key=K_YEAR,
        bind="query-params",
        help="Voor de kerncijfers, de uitsplitsing en de kaart.",
    )
    sel = q.StudentSelection(
        measure=measure or "enrolled",
        programmes=tuple(chosen) if chosen else tuple(f.programmes),
        study_modes=tuple(modes) if modes else None,
        genders=tuple(genders) if genders else None,
        institution=institution,
        region_code=f.region_code,
    )
    return sel, int(year)


def selection_label(sel: q.StudentSelection, f: Filters) -> str:
    progs = q.options__programmes().set_index("programme_code")["programme_name"]
    parts = [
        ", ".join(f.groups)
        if len(sel.programmes) > 3 or not sel.programmes
        else ", ".join(progs.get(c, c) for c in sel.programmes)
    ]
    parts.append(f.region_name)
    if sel.institution:
        inst = q.options__institutions().set_index("institution_code")["institution_name"]
        parts.append(str(inst.get(sel.institution, sel.institution)))
    if sel.study_modes:
        parts.append("/".join(sel.study_modes))
    if sel.genders:
        parts.append("/".join(sel.genders))
    return " · ".join(parts)


def render_kpis(sel: q.StudentSelection, label: str, year: int) -> pd.DataFrame:
    df = q.students__yearly(sel)
    known = df[df["student_count"].notna() | df["is_suppressed_only"]]
    cols = st.columns(3)
    if known.empty:
        cols[0].info(_empty_reason(sel))
        return df
    chosen = known[known["year"] == year]
    if chosen.empty:
        st.info(
            f"Geen gegevens voor {year} in deze selectie; de kerncijfers tonen het laatste "
            "jaar met gegevens."
        )
    last = (chosen if not chosen.empty else known).iloc[-1]
    year = int(last["year"])
    value = fmt.student_count(last["student_count"], int(last["suppressed_cells"]))
    verb = {"enrolled": "stonden", "first_years": "begonnen", "graduates": "studeerden"}[
        sel.measure
    ]
    what = {
        "enrolled": "studenten ingeschreven bij",
        "first_years": "eerstejaars aan",
        "graduates": "studenten af bij",
    }[sel.measure]
    sentence = (
        f"In {year} {verb} {value} {what} hbo {label} "
        f"(DUO, peildatum {PEILDATUM[sel.measure].replace('van het studiejaar', str(year))})."
    )
    minimal = (
        " (minimaal)" if int(last["suppressed_cells"]) and not last["is_suppressed_only"] else ""
    )
    ui.kpi(
        cols[0],
        f"{MEASURES[sel.measure]} {year}{minimal}",
        value if last["is_suppressed_only"] else fmt.number(last["student_count"]),
        help_text=DEFINITION[sel.measure],
        sentence=sentence,
    )
    ui.kpi(
        cols[1],
        "Verandering t.o.v. vorig jaar",
        fmt.signed(last["change_count"]),
        delta=None if pd.isna(last["change_pct"]) else fmt.pct(last["change_pct"], signed=True),
        help_text="Binnen dezelfde definitie; over een definitiebreuk wordt niet vergeleken.",
    )
    share = "100%" if sel.region_code is None else fmt.pct(last["share_of_nl_pct"])
    ui.kpi(
        cols[2],
        "Aandeel van Nederland",
        share,
        help_text="Aandeel van dezelfde selectie in heel Nederland (locatie hogeschool).",
    )
    if last["is_suppressed_only"]:
        st.caption(
            f"Alleen afgeschermde cellen: {int(last['suppressed_cells'])} cel(len) met elk 1-4 "
            "personen (<5). DUO publiceert het precieze aantal niet; het is dus niet 0."
        )
    elif int(last["suppressed_cells"]):
        st.caption(
            f"{int(last['suppressed_cells'])} cel(len) met 1-4 personen zijn door DUO "
            "afgeschermd (<5); het totaal is daarom een ondergrens (minimaal)."
        )
    return df


def render_trend(df: pd.DataFrame, sel: q.StudentSelection, label: str) -> None:
    data = df.dropna(subset=["student_count"])
    if data.empty and df["is_suppressed_only"].any():
        st.info(
            "Geen lijn te tekenen: in deze selectie zijn alle aantallen door DUO afgeschermd "
            "(1-4 personen per cel, '<5'). Kies meer opleidingen of een grotere regio."
        )
        return
    if data.empty:
        st.info(_empty_reason(sel))
        return
    title = f"{charts.MEASURE_LABELS[sel.measure]} per jaar"
    data = data.assign(
        aantal_tekst=[
            fmt.counted(v, c)
            for v, c in zip(data["student_count"], data["suppressed_cells"], strict=True)
        ]
    )
    chart = charts.trend(
        data,
        "student_count",
        "Aantal studenten",
        break_field="definition",
        label_field="aantal_tekst",
    )
    if sel.measure in BREAKS and data["definition"].nunique() > 1:
        year, text = BREAKS[sel.measure]
        chart = chart + charts.break_rule(year, text)
    chart = charts.finish(chart, title, label)
    lo, hi = data.iloc[data["student_count"].argmin()], data.iloc[data["student_count"].argmax()]
    summary = (
        f"{title} voor {label}: hoogste {fmt.number(hi['student_count'])} in "
        f"{int(hi['year'])}, laagste {fmt.number(lo['student_count'])} in "
        f"{int(lo['year'])}; laatste jaar {int(data['year'].iloc[-1])}: "
        f"{fmt.number(data['student_count'].iloc[-1])}."
    )
    if sel.measure in BREAKS:
        summary += " De lijn is onderbroken waar de definitie verandert."
    table = data.rename(
        columns={
            "year": "jaar",
            "definition": "definitie",
            "student_count": "aantal",
            "suppressed_cells": "cellen_lt5",
            "share_of_nl_pct": "aandeel_nl_pct",
            "change_count": "verandering",
            "change_pct": "verandering_pct",
            "nl_student_count": "aantal_nl",
        }
    )
    prov = ui.provenance(SNAPSHOT[sel.measure], title, label, PEILDATUM[sel.measure])
    ui.chart_block(chart, table, prov, summary, key="trend", definition=DEFINITION[sel.measure])


def _empty_reason(sel: q.StudentSelection) -> str:
    if (sel.study_modes or sel.genders) and sel.measure != "enrolled":
        return (
            "Geen gegevens: voor 2020 en later publiceert DUO eerstejaars en gediplomeerden "
            "per opleiding niet uitgesplitst naar opleidingsvorm of geslacht. Kies 'Ingeschreven' "
            "of wis het filter opleidingsvorm/geslacht."
        )
    return (
        "Geen studenten voor deze selectie. Mogelijk biedt de gekozen hogeschool of regio deze "
        "opleidingen niet aan; kies een andere regio of meer opleidingsgroepen."
    )


def render_breakdown(sel: q.StudentSelection, label: str, year: int) -> None:
    dimension = (
        st.segmented_control(
            "Uitsplitsen naar",
            list(DIMENSIONS),
            default="programme_group",
            format_func=DIMENSIONS.get,
            key=K_DIMENSION,
            bind="query-params",
            required=True,
        )
        or "programme_group"
    )
    df = q.students__yearly_by_category(sel, dimension)
    years = sorted(df["year"].unique().tolist())
    if not years:
        msg = _empty_reason(sel)
        if dimension in ("study_mode", "gender") and sel.measure != "enrolled":
            msg = (
                "DUO publiceert eerstejaars en gediplomeerden vanaf 2020 niet per opleiding "
                "naar opleidingsvorm of geslacht; deze uitsplitsing is er alleen t/m 2019 "
                "(eerstejaars) of 2018 (gediplomeerden) en voor ingeschrevenen."
            )
        st.info(msg)
        return
    data = df[df["year"] == year]
    if data.empty:
        st.info(
            f"Geen gegevens voor {year} in deze uitsplitsing. Beschikbare jaren: "
            f"{', '.join(str(y) for y in years)}."
        )
        return
    title = f"{charts.MEASURE_LABELS[sel.measure]} naar {DIMENSIONS[dimension].lower()}, {year}"
    data = data.assign(
        label=[
            fmt.student_count(v, s)
            for v, s in zip(data["student_count"], data["suppressed_cells"], strict=True)
        ]
    )
    chart = charts.finish(
        charts.bars(
            data,
            "category",
            "student_count",
            "Aantal studenten",
            DIMENSIONS[dimension],
            label_field="label",
        ),
        title,
        label,
    )
    top = data.iloc[0]
    summary = (
        f"{title}: grootste categorie {top['category']} met {top['label']}; "
        f"{len(data)} categorieën."
    )
    table = data.rename(
        columns={
            "year": "jaar",
            "category": DIMENSIONS[dimension].lower(),
            "student_count": "aantal",
            "suppressed_cells": "cellen_lt5",
            "definition": "definitie",
        }
    ).drop(columns=["label"])
    prov = ui.provenance(SNAPSHOT[sel.measure], title, label, PEILDATUM[sel.measure])
    ui.chart_block(chart, table, prov, summary, key="breakdown", definition=DEFINITION[sel.measure])


def index_bases(yearly: pd.DataFrame, year: int) -> list[int]:
    """Years that can be an index base for ``year``: those of the same definition, in order."""
    known = yearly[yearly["student_count"].notna()]
    definition = known.loc[known["year"] == year, "definition"]
    if definition.empty:
        return []
    same = known[known["definition"] == definition.iloc[0]]
    return sorted(int(y) for y in same["year"].unique())


def map_labels(df: pd.DataFrame, field: str, decimals: int) -> list[str]:
    """Tooltip/ranking text per region: '<5', 'minimaal …', 'geen hogeschoolvestiging'."""
    out = []
    for r in df.itertuples():
        if pd.isna(r.student_count) and not r.is_suppressed_only:
            out.append("geen hogeschoolvestiging met deze opleidingen")
        elif field == "index_value":
            v = getattr(r, field)
            text = "geen index (andere definitie of geen basiswaarde)"
            if not pd.isna(v):
                text = fmt.number(v, 1) + (
                    " (bij benadering: afgeschermde cellen)" if r.suppressed_cells else ""
                )
            out.append("<5" if r.is_suppressed_only else text)
        else:
            out.append(
                fmt.counted(getattr(r, field), r.suppressed_cells, r.is_suppressed_only, decimals)
            )
    return out


def render_map(
    sel: q.StudentSelection, label: str, highlight: str | None, year: int, yearly: pd.DataFrame
) -> None:
    c1, c2, c4 = st.columns([1.3, 1.6, 0.8])
    level = (
        c1.segmented_control(
            "Niveau",
            list(LEVELS),
            default="provincie",
            format_func=LEVELS.get,
            key=K_LEVEL,
            bind="query-params",
            required=True,
        )
        or "provincie"
    )
    mode = (
        c2.segmented_control(
            "Waarde",
            list(VALUES),
            default="count",
            format_func=VALUES.get,
            key=K_VALUE,
            bind="query-params",
            required=True,
        )
        or "count"
    )
    bases = index_bases(yearly, year) or [year]
    base = bases[0]  # the first year of the shown year's definition
    if mode == "index":  # only shown when it matters (a disabled label fails contrast checks)
        base = c4.selectbox(
            "Basisjaar",
            bases,
            key=K_BASE,
            bind="query-params",
            help="Alleen jaren met dezelfde definitie als het gekozen jaar: een index over een "
            "definitiebreuk vergelijkt twee verschillende tellingen.",
        )
    df = q.students__by_region(sel, level, year, base)
    field = {"count": "student_count", "per_1000": "per_1000", "index": "index_value"}[mode]
    features = geo.features(level)
    if features is None:
        st.warning("De kaartgrenzen zijn niet beschikbaar; de ranglijst hieronder werkt wel.")
    if mode == "per_1000" and year < 2019:
        st.info(
            "Bevolkingscijfers (CBS 03759ned) zijn er vanaf 2019; kies 2019 of later voor "
            "'per 1.000 inwoners'."
        )
    fmt_str = charts.NUMBER_FORMAT if mode == "count" else charts.DECIMAL_FORMAT
    value_title = {
        "count": "Aantal studenten",
        "per_1000": "Studenten per 1.000 inwoners",
        "index": f"Index ({base} = 100)",
    }[mode]
    title = f"{charts.MEASURE_LABELS[sel.measure]} per {level}, {year} – {VALUES[mode].lower()}"
    sub = [
        label.replace(f" · {sel.region_code}", ""),
        "Locatie van de hogeschool(vestiging), niet de woonplaats van de student.",
    ]
    df = df.assign(waarde_tekst=map_labels(df, field, 0 if mode == "count" else 2))
    if mode == "per_1000":
        ui.estimate_note(df, year)
    shown = df.dropna(subset=[field])
    if shown.empty:
        st.info("Geen waarden voor deze keuze. " + _empty_reason(sel))
        return
    if features is not None:
        chart = charts.finish(
            charts.choropleth(
                list(features),
                df,
                field,
                value_title,
                fmt_str,
                highlight=highlight,
                label_field="waarde_tekst",
            ),
            title,
            sub,
        )
        top = shown.sort_values(field, ascending=False).iloc[0]
        summary = (
            f"{title}. Hoogste: {top['region_name']} ({top['waarde_tekst']}); "
            f"{len(shown)} van {len(df)} gebieden hebben een gepubliceerd aantal; grijs = geen "
            "hogeschoolvestiging met deze opleidingen of alleen afgeschermde cellen (<5)."
        )
        table = df.rename(
            columns={
                "region_code": "code",
                "region_name": "regio",
                "student_count": "aantal",
                "suppressed_cells": "cellen_lt5",
                "is_suppressed_only": "alleen_lt5",
                "waarde_tekst": "waarde_tekst",
                "population": "inwoners",
                "per_1000": "per_1000_inwoners",
                "base_count": f"aantal_{base}",
                "index_value": "index",
                "rank_desc": "rang",
            }
        )
        prov = ui.provenance(SNAPSHOT[sel.measure], title, label, PEILDATUM[sel.measure])
        ui.chart_block(
            chart,
            table,
            prov,
            summary,
            key="map",
            definition="studenten naar gemeente van de hogeschoolvestiging; inwoners "
            "op 1 januari van hetzelfde jaar (CBS)",
        )
    ranking = shown.sort_values(field, ascending=False).head(40)
    ui.show_chart(
        charts.finish(
            charts.bars(
                ranking,
                "region_name",
                field,
                value_title,
                LEVELS[level],
                highlight=None,
                value_format=fmt_str,
                label_field="waarde_tekst",
            ),
            f"Ranglijst: {title}",
        )
    )


def render_vh() -> None:
    if ui.unavailable("vh_dashboard"):
        return
    df = q.vh__indicators()
    st.markdown(
        "**Studiesucces en arbeidsmarkt HSS (Vereniging Hogescholen, 2019-2021)** – "
        "overgenomen uit het rapport *Sociaal in beweging* (2022), Bijlage 3."
    )
    st.warning(
        "Kanttekeningen uit de bron: de tekst noemt 6221 deeltijdstudenten (2019) en 995 Ad "
        "(2021), de tabel 6201 en 955. De kolomkop van 'studiesucces na 5 jaar' noemt 2015 "
        "twee keer. De eenheid van het brutoloon is euro per uur (de tabel zegt %). Vanaf 2021 "
        "telt de VH kalenderjaren in plaats van studiejaren: een breuk in de reeks.",
        icon="ℹ️",
    )
    table = df.assign(waarde=[fmt.number(v, 1 if v % 1 else 0) for v in df["value"]])
    show = table[
        [
            "programme_scope",
            "indicator_label",
            "year",
            "year_label",
            "waarde",
            "unit",
            "block",
            "line",
            "note",
        ]
    ].rename(
        columns={
            "programme_scope": "groep",
            "indicator_label": "indicator",
            "year": "jaar",
            "year_label": "soort jaar",
            "unit": "eenheid",
            "block": "plek in rapport",
            "line": "regel",
            "note": "toelichting",
        }
    )
    st.dataframe(show, hide_index=True, width="stretch")
    prov = ui.provenance("vh_dashboard", "VH-dashboard HSS 2019-2021")
    ui.source_caption(prov, "zoals vermeld in seed 001; regelnummer per cijfer")


def render(f: Filters) -> None:
    sel, year = controls(f)
    label = selection_label(sel, f)
    df = render_kpis(sel, label, year)
    trend, breakdown, kaart, vh = st.tabs(VIEWS, key=K_VIEW, bind="query-params")
    if trend.open:
        with trend:
            render_trend(df, sel, label)
    if breakdown.open:
        with breakdown:
            render_breakdown(sel, label, year)
    if kaart.open:
        with kaart:
            render_map(sel, label, f.region_code, year, df)
    if vh.open:
        with vh:
            render_vh()
