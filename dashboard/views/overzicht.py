"""Overzicht: the headline story across the three themes, each figure linked to its page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import fmt, navigation, ui
from dashboard import queries as q
from dashboard import queries_overzicht as qo
from dashboard import queries_raadpleging as qr
from dashboard.filters import Filters
from dashboard.views import arbeidsmarkt as av
from dashboard.views import raadpleging as rv

# Which Raadpleging figures headline the start page: (report line, answer or None, short label).
# These are identifiers of rows in the transcribed data, not figures.
SURVEY_HEADLINES = (
    (3504, None, "Tijd aan administratie", "van de werktijd gaat gemiddeld op aan administratie"),
    (4774, "Ja", "Over 5 jaar nog sociaal werker", "denkt over 5 jaar nog sociaal werker te zijn"),
    (4489, "8 of hoger", "Hoge werkdruk", "geeft de werkdruk een 8 of hoger (op 1-10)"),
)
MEASURE_TEXT = {
    "enrolled": ("Ingeschreven studenten", "Ingeschreven"),
    "first_years": ("Eerstejaars", "Eerstejaars"),
    "graduates": ("Gediplomeerden", "Gediplomeerd"),
}
Q_SBI = "422400"
ALL_SBI = "T001081"
NL = "NL01"

INTRO = {
    "Instroom": "Hoeveel mensen kiezen een van de gekozen hbo-opleidingen, en hoeveel studeren "
    "er af? De cijfers komen van DUO. We tellen studenten bij de plaats van de hogeschool, "
    "niet bij hun woonplaats.",
    "Arbeidsmarkt": "Hoeveel vacatures zijn er in zorg en welzijn, en welke tekorten verwacht men? "
    "De vacatures komen van het CBS; bij het cijfer staat het laatste kwartaal in dit bestand. "
    "Zorg en welzijn is breder dan sociaal werk alleen.",
    "Raadpleging": "Wat zeggen sociaal werkers zelf? In 2024 vulden sociaal werkers uit heel "
    "Nederland een vragenlijst van Movisie in. Het is geen steekproef: de antwoorden geven "
    "een beeld, geen exacte meting. Het aantal dat een vraag beantwoordde (n) staat bij elk "
    "cijfer.",
}
HELP = (
    "- **Filters** staan links: kies opleidingsgroepen en een regio. Op elke pagina staan "
    "nog meer keuzes.\n"
    "- **Link delen**: het adres in de adresbalk bevat al uw keuzes. Kopieer het, of gebruik "
    "'Deel deze weergave' links.\n"
    "- **Presenteren**: onder elke grafiek staat 'Presenteer' (groot, zonder menu's) en 'Voeg "
    "toe aan presentatie'. Blader met de pijltjestoetsen; Esc sluit.\n"
    "- **Downloaden**: open 'Gegevens en downloads' onder een grafiek voor de tabel als CSV of "
    "Excel, of de grafiek als PNG of SVG, steeds met bron.\n"
    "- **Bron**: onder elke grafiek staan definitie, peildatum en bron. 'Over de data' geeft "
    "alle bronnen."
)


def _students(f: Filters, measure: str) -> pd.DataFrame:
    sel = q.StudentSelection(measure=measure, programmes=f.programmes, region_code=f.region_code)
    return q.students__yearly(sel).dropna(subset=["student_count"])


def students_card(col, f: Filters, measure: str) -> dict | None:
    """KPI for the latest year of one DUO measure; returns the figure for tests."""
    df = _students(f, measure)
    if df.empty:
        col.info("Geen studenten voor deze selectie.")
        return None
    last = df.iloc[-1]
    year = int(last["year"])
    value = fmt.number(last["student_count"])
    label, url_label = MEASURE_TEXT[measure]
    label = f"{label} {year}" + (" (minimaal)" if int(last["suppressed_cells"]) else "")
    delta = ui.change_text(last["change_count"], last["change_pct"])
    col.metric(
        label,
        value,
        delta=None if delta is None else delta.replace("\u2212", "-"),
        border=True,
        chart_data=df[df["definition"] == last["definition"]]["student_count"].tolist(),
        help=f"{f.region_name}; opleidingsgroepen: {', '.join(f.groups)}. Bron: DUO.",
    )
    col.caption(f"DUO, peildatum {'1 oktober' if measure != 'graduates' else 'diplomajaar'} {year}")
    col.page_link(
        navigation.page_path("instroom"),
        label="Meer over instroom",
        icon=":material/arrow_forward:",
        query_params={"maat": url_label},
    )
    return {"measure": measure, "year": year, "student_count": int(last["student_count"])}


def counted_programmes(f: Filters) -> dict:
    """Which programmes the student headlines count: groups, number of CROHO codes, the list."""
    df = qo.overview__programmes_counted(f.programmes)
    groups = list(dict.fromkeys(df["programme_group"]))
    if not groups:
        st.caption("Geen opleidingsgroep gekozen: kies links een of meer groepen.")
        return {"groups": [], "programmes": 0}
    st.caption(
        f"Deze cijfers tellen {len(df)} opleidingen in {len(groups)} opleidingsgroepen: "
        f"{av.and_list(groups)}. Kies links andere groepen."
    )
    with st.expander("Welke opleidingen tellen mee?", icon=":material/list:"):
        table = df.rename(
            columns={
                "programme_group": "opleidingsgroep",
                "programme_code": "CROHO-code",
                "programme_name": "opleiding",
                "last_enrolled": "laatste jaar ingeschreven",
                "last_first_years": "laatste jaar eerstejaars",
                "last_graduates": "laatste diplomajaar",
            }
        )
        st.dataframe(table, hide_index=True, width="stretch")
        st.caption(
            "Een leeg jaar: deze opleiding komt in dat DUO-bestand niet voor (bijvoorbeeld "
            "alleen in oudere bestanden)."
        )
    return {"groups": groups, "programmes": len(df)}


def vacancy_card(col) -> dict | None:
    df = q.vacancies__quarterly(NL, (Q_SBI, ALL_SBI))
    qdf = df[df["sbi_code"] == Q_SBI].dropna(subset=["vacancy_count"])
    if qdf.empty:
        col.info("Geen vacaturecijfers beschikbaar.")
        return None
    last = qdf.iloc[-1]
    year, quarter = int(last["year"]), int(last["quarter"])
    when = fmt.quarter(year, quarter)
    delta = None
    if pd.notna(last["yoy_change_pct"]):
        delta = (
            f"{fmt.pct(last['yoy_change_pct'], signed=True)} t.o.v. "
            f"{fmt.quarter(year - 1, quarter)}"
        ).replace("\u2212", "-")
    col.metric(
        f"Vacatures zorg en welzijn, {when}",
        fmt.number(last["vacancy_count"]),
        delta=delta,
        # a change in vacancies is neither good nor bad news by itself: no green or red
        delta_color="off",
        border=True,
        chart_data=qdf["vacancy_count"].tolist(),
        help="Openstaande vacatures in SBI Q (gezondheids- en welzijnszorg), heel Nederland. "
        "Bovengrens voor sociaal werk. Minder vacatures kan ook minder vraag betekenen.",
    )
    provisional = ", voorlopig cijfer" if last["is_provisional"] else ""
    note = av.period_note(str(last["period_code"]))
    col.caption(
        f"{when}: {note}. Openstaand op de laatste dag van het kwartaal{provisional}. CBS 83599NED."
    )
    col.page_link(
        "app_pages/arbeidsmarkt.py",
        label="Meer over de arbeidsmarkt",
        icon=":material/arrow_forward:",
    )
    return {"period_code": last["period_code"], "vacancy_count": int(last["vacancy_count"])}


def forecast_card(col) -> dict | None:
    df = qo.overview__forecast_headline("welzijn", "sociaal werk")
    if len(df) < 2:
        col.info("Geen prognosecijfers beschikbaar.")
        return None
    start, end = df.iloc[0], df.iloc[-1]
    col.metric(
        f"Verwacht tekort sociaal werk {int(end['year'])}",
        fmt.number(end["value"]),
        delta=f"was {fmt.number(start['value'])} in {int(start['year'])}",
        delta_color="off",
        border=True,
        help="AZW-prognosemodel, zoals geciteerd door de Vereniging Hogescholen (2022).",
    )
    col.caption(
        f"Branche welzijn. AZW-prognosemodel, geciteerd in het VH-rapport 'Sociaal in "
        f"beweging' (2022), regel {int(end['line'])}."
    )
    col.page_link(
        "app_pages/arbeidsmarkt.py",
        label="Meer over tekorten",
        icon=":material/arrow_forward:",
        query_params={"weergave": "Verwachte tekorten"},
    )
    return {"year": int(end["year"]), "value": float(end["value"])}


def survey_cards(cols) -> list[dict]:
    lines = tuple(line for line, *_ in SURVEY_HEADLINES)
    df = qo.overview__survey_headlines(lines)
    chapters = qr.survey__chapters()
    out = []
    for col, (line, answer, label, explanation) in zip(cols, SURVEY_HEADLINES, strict=True):
        rows = df[df["line"] == line]
        if answer is not None:
            rows = rows[rows["answer"] == answer]
        if rows.empty:
            col.info("Dit cijfer is niet beschikbaar.")
            continue
        r = rows.iloc[0]
        hedge = f"{r['hedge']} " if r["is_hedged"] and r["hedge"] else ""
        value = f"{hedge}{fmt.pct(r['value'], 0)}"
        n = fmt.number(r["n"])
        col.metric(label, value, border=True, help=f"{r['question']} (n = {n}).")
        col.caption(
            f"{value} {explanation}. Movisie, Grote Raadpleging 2025 (veldwerk "
            f"{int(r['survey_year'])}), hoofdstuk {int(r['chapter'])}, n = {n}."
        )
        chapter = chapters[chapters["chapter"] == r["chapter"]]
        params = (
            {"hoofdstuk": rv.chapter_label(next(chapter.itertuples())), "vraag": r["question"]}
            if not chapter.empty
            else {}
        )
        col.page_link(
            "app_pages/raadpleging.py",
            label="Meer uit de raadpleging",
            icon=":material/arrow_forward:",
            query_params=params,
        )
        out.append({"line": line, "value": float(r["value"])})
    return out


def render(f: Filters) -> dict:
    """Draw the start page; returns the headline figures (used by the tests)."""
    figures: dict = {}
    with st.expander("Nieuw hier? Zo werkt dit dashboard", icon=":material/help:"):
        st.markdown(HELP)
    st.subheader("Opleiding: instroom in de gekozen hbo-opleidingen")
    st.caption(INTRO["Instroom"])
    if not ui.unavailable("students", "population"):
        figures["counted"] = counted_programmes(f)
        c = st.columns(3)
        figures["students"] = [
            students_card(c[i], f, m)
            for i, m in enumerate(("enrolled", "first_years", "graduates"))
        ]
    st.subheader("Arbeidsmarkt: vacatures en verwachte tekorten")
    st.caption(INTRO["Arbeidsmarkt"])
    c = st.columns(3)
    if not ui.unavailable("cbs_vacancies"):
        figures["vacancies"] = vacancy_card(c[0])
    if not ui.unavailable("azw_prognose"):
        figures["forecast"] = forecast_card(c[1])
    st.subheader("Beroep: wat sociaal werkers zelf zeggen")
    st.caption(INTRO["Raadpleging"])
    if not ui.unavailable("raadpleging"):
        figures["survey"] = survey_cards(st.columns(3))
    return figures
