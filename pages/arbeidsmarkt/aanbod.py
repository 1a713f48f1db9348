"""Tab Aanbod en vraag: graduates (DUO) beside the growth of the expected shortage (AZW)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, fmt, queries, ui
from dashboard import queries_arbeidsmarkt as arbeid_queries

GROUP_OCCUPATION = {
    "Social Work": "sociaal werk",
    "Pedagogiek": "pedagogiek",
    "Toegepaste Psychologie": "psychologie niveau 6-7",
}
# What an occupation in the AZW forecast covers beyond the hbo programmes compared with it.
OCCUPATION_SCOPE = {
    "psychologie niveau 6-7": "niveau 6-7 is bachelor- en masterniveau: ook psychologen met een "
    "universitaire (wo) of master-opleiding tellen hier mee, niet alleen hbo-gediplomeerden",
}
LEVEL_WORDS = {"bachelor": "bachelor", "master": "master", "associate degree": "associate degree"}


def supply_codes() -> dict[str, tuple[str, ...]]:
    """CROHO codes per compared programme group (from the curated programme list)."""
    progs = queries.options__programmes()
    return {
        g: tuple(progs.loc[progs["programme_group"] == g, "programme_code"])
        for g in GROUP_OCCUPATION
    }


def degree_label(levels: pd.DataFrame) -> str:
    """'hbo-bachelor' or 'hbo-bachelor en -master': the degree types the groups hold (data)."""
    present = [w for t, w in LEVEL_WORDS.items() if t in set(levels["education_type"])]
    if not present:
        return "hbo"
    return fmt.and_list([f"hbo-{present[0]}", *(f"-{w}" for w in present[1:])])


def supply_degree_label(measure: str) -> str:
    codes = tuple(c for cs in supply_codes().values() for c in cs)
    return degree_label(arbeid_queries.supply__programme_levels(measure, codes))


def supply_series(measure: str) -> pd.DataFrame:
    frames = []
    for group, codes in supply_codes().items():
        df = queries.students__yearly(queries.StudentSelection(measure=measure, programmes=codes))
        frames.append(df.assign(programme_group=group))
    out = pd.concat(frames, ignore_index=True).dropna(subset=["student_count"])
    return out.sort_values(["programme_group", "year"]).reset_index(drop=True)


def supply_chart(measure: str, key: str) -> pd.DataFrame:
    df = supply_series(measure)
    if df.empty:
        st.info("Geen DUO-cijfers voor deze opleidingsgroepen.")
        return df
    degrees = supply_degree_label(measure)
    title = (
        f"{charts.MEASURE_LABELS[measure]} per jaar, per opleidingsgroep ({degrees}, "
        "heel Nederland)"
    )
    chart = charts.trend(
        df,
        "student_count",
        "Aantal studenten",
        series="programme_group",
        series_title="Opleidingsgroep",
        break_field="definition",
    )
    defs = df.groupby("definition")["year"].min().sort_values()
    if len(defs) > 1:
        chart = chart + charts.break_rule(int(defs.iloc[-1]), "nieuw DUO-bestand/definitie")
    chart = chart.properties(height=460, width="container")
    latest = df[df["year"] == df["year"].max()].sort_values("student_count", ascending=False)
    summary = f"{title}. In {int(df['year'].max())}: " + "; ".join(
        f"{g} {fmt.number(v)}"
        for g, v in zip(latest["programme_group"], latest["student_count"], strict=True)
    )
    summary += ". De lijn is onderbroken waar DUO de definitie of het bestand wijzigt."
    snapshot = "duo_graduates" if measure == "graduates" else "duo_first_years"
    prov = ui.provenance(snapshot, title, "Nederland", None)
    table = df[["year", "programme_group", "definition", "student_count", "suppressed_cells"]]
    ui.chart_block(
        charts.finish(chart, title, "Ad-opleidingen zitten hier niet in (en niet in de prognose)."),
        table.rename(
            columns={
                "year": "jaar",
                "programme_group": "opleidingsgroep",
                "definition": "definitie",
                "student_count": "aantal",
                "suppressed_cells": "cellen_lt5",
            }
        ),
        prov,
        summary,
        key=key,
        definition=f"gediplomeerden: behaalde {degrees}-diploma's per diplomajaar"
        if measure == "graduates"
        else f"eerstejaars {degrees} op 1 oktober"
        + (f"; breuk in de definitie in {int(defs.iloc[-1])}" if len(defs) > 1 else ""),
    )
    return df


def part_time_lines(shares: pd.DataFrame) -> str:
    """'Social Work 13,9% (751 van 5.397)' per group, from the DUO file that crosses both."""
    parts = []
    for r in shares.itertuples():
        minimal = " (minimaal)" if int(r.suppressed_cells) else ""
        parts.append(
            f"{r.programme_group} {fmt.pct(r.part_time_share_pct)} ({fmt.number(r.part_time_count)}"
            f" van {fmt.number(r.graduate_count)}{minimal})"
        )
    return "; ".join(parts)


def supply_caveats(graduates: pd.DataFrame, growth: pd.DataFrame) -> None:
    first, last = int(graduates["year"].min()), int(graduates["year"].max())
    base, end = int(growth["base_year"].min()), int(growth["end_year"].max())
    span = int(growth["years_between"].max())
    lines = [
        f"- **Andere jaren.** De DUO-cijfers lopen van {first} tot en met {last}; de prognose "
        f"gaat over {base}-{end}.",
        f"- **Een stroom naast de verandering van een voorraad.** Gediplomeerden zijn een "
        f"stroom: mensen die in één jaar ({last}) een diploma halen. Een tekort is een voorraad "
        f"op één moment; de groei per jaar is de verandering van dat tekort over {span} jaar "
        f"({base}-{end}), verdeeld over die jaren. Die twee getallen meten niet hetzelfde en "
        "staan daarom in aparte kolommen, niet in één grafiek.",
    ]
    shares = arbeid_queries.supply__part_time_share(
        tuple(c for cs in supply_codes().values() for c in cs)
    )
    if not shares.empty:
        year = int(shares["year"].max())
        lines.append(
            "- **Deeltijd en duaal.** Wie deeltijd of duaal studeert, werkt meestal al in het "
            "vak: dat diploma is dan geen nieuwe medewerker. Aandeel deeltijd of duaal in de "
            f"diploma's van {year}, het laatste jaar waarin DUO opleiding en opleidingsvorm "
            f"samen publiceert: {part_time_lines(shares)}."
        )
    occupations = set(growth["occupation"])
    for group, occupation in GROUP_OCCUPATION.items():
        if occupation in OCCUPATION_SCOPE and occupation in occupations:
            lines.append(
                f"- **'{occupation}' is breder dan {group}**: {OCCUPATION_SCOPE[occupation]}."
            )
    lines += [
        "- **Niet iedere afgestudeerde gaat in de sector werken**, en lang niet iedereen in de "
        "branche welzijn: ook in de zorg, jeugdzorg, gemeenten, het onderwijs of buiten het "
        "vak.",
        "- **De prognose gaat over één branche** (welzijn); tekorten in jeugdzorg en "
        "gehandicaptenzorg staan apart (zie 'Verwachte tekorten').",
        "- **Ad-gediplomeerden zitten niet in het prognosemodel** en daarom ook niet in deze "
        "vergelijking.",
        "- **Het tekort is wat overblijft.** Een prognosemodel rekent de verwachte instroom "
        "uit opleidingen doorgaans al mee. De groei van het tekort per jaar is dus wat er "
        "*bovenop* die verwachte instroom nodig is, niet het aantal afgestudeerden dat nodig is.",
        "- **De groei per jaar is een afgeleid cijfer**: (tekort in het eindjaar − tekort in "
        "het beginjaar) gedeeld door het aantal jaren ertussen. Het staat niet in de bron.",
    ]
    st.warning(
        "**Lees dit eerst.** Deze twee reeksen zijn niet één-op-één te vergelijken:\n\n"
        + "\n".join(lines),
        icon="⚠️",
    )


def comparison_columns(last: int, degrees: str, base: int, end: int) -> dict[str, str]:
    return {
        "group": "opleidingsgroep (DUO)",
        "graduates": f"gediplomeerden {last} ({degrees}; personen in één jaar)",
        "occupation": "beroep in de prognose (AZW, branche)",
        "growth": f"groei verwacht tekort {base}-{end} (medewerkers per jaar, afgeleid)",
    }


def comparison_data(graduates: pd.DataFrame, growth: pd.DataFrame, degrees: str) -> pd.DataFrame:
    """One row per programme group: the two quantities in separate columns, each with its unit."""
    last = int(graduates["year"].max())
    latest = graduates[graduates["year"] == last].set_index("programme_group")
    welzijn = growth.set_index("occupation")
    base, end = int(growth["base_year"].min()), int(growth["end_year"].max())
    cols = comparison_columns(last, degrees, base, end)
    rows = []
    for group, occupation in GROUP_OCCUPATION.items():
        if group not in latest.index or occupation not in welzijn.index:
            continue
        g = welzijn.loc[occupation]
        count = latest.loc[group, "student_count"]
        minimal = " (minimaal)" if int(latest.loc[group, "suppressed_cells"]) else ""
        rows.append(
            {
                cols["group"]: group,
                cols["graduates"]: fmt.number(count) + minimal,
                cols["occupation"]: f"{occupation} ({g['branche']})",
                cols["growth"]: fmt.signed(g["growth_per_year"]),
            }
        )
    return pd.DataFrame(rows, columns=list(cols.values()))


def render() -> None:
    if ui.unavailable("students", "azw_prognose"):
        return
    growth = arbeid_queries.forecast__growth_per_year()
    graduates = supply_series("graduates")
    degrees = supply_degree_label("graduates")
    st.caption(
        f"Landelijke cijfers voor de opleidingsgroepen {fmt.and_list(list(GROUP_OCCUPATION))} "
        f"({degrees}); de filters in de zijbalk gelden hier niet."
    )
    if graduates.empty or growth.empty:
        st.info("Niet genoeg gegevens voor deze vergelijking; herbouw de gegevens.")
        return
    newest_edition_note()
    supply_caveats(graduates, growth)
    data = comparison_data(graduates, growth, degrees)
    title = "Gediplomeerden in één jaar en de gemiddelde jaarlijkse groei van het verwachte tekort"
    st.markdown(f"**{title}**")
    st.dataframe(data, hide_index=True, width="stretch")
    summary = "; ".join(
        f"{r.iloc[0]}: {data.columns[1]} {r.iloc[1]}; {r.iloc[2]}: {data.columns[3]} {r.iloc[3]}"
        for _, r in data.iterrows()
    )
    st.caption("Samenvatting: " + ui.plain(summary) + ".")
    prov = ui.provenance("azw_prognose", title, "Nederland", None)
    ui.source_caption(
        prov,
        f"gediplomeerden: DUO, {degrees}, laatste diplomajaar; groei tekort: afgeleid uit het "
        "AZW-prognosemodel, (eindjaar − beginjaar) / aantal jaren. Twee verschillende grootheden "
        "en bronnen: niet van elkaar af te trekken",
    )
    st.markdown("**Afgeleid cijfer: groei van het verwachte tekort per jaar**")
    st.dataframe(
        growth.rename(
            columns={
                "occupation": "beroep",
                "base_label": "beginjaar (in de bron)",
                "base_count": "tekort_begin",
                "end_year": "eindjaar",
                "end_count": "tekort_eind",
                "years_between": "jaren",
                "growth_per_year": "groei_per_jaar (afgeleid)",
            }
        ).drop(columns=["base_year", "is_hedged"]),
        hide_index=True,
        width="stretch",
    )
    supply_chart("graduates", "aanbod-gediplomeerden")
    supply_chart("first_years", "aanbod-eerstejaars")


def newest_edition_note() -> None:
    """Say which AZW edition is the newest and why the growth below comes from another one."""
    ed = arbeid_queries.forecast__editions()
    ed = ed[ed["is_sociaal_werk"] & ed["edition_last_year"].notna() & ed["year"].notna()]
    if ed.empty:
        return
    newest = ed[ed["edition_last_year"] == ed["edition_last_year"].max()]
    last = newest.loc[newest["year"].idxmax()]
    text = (
        f"Nieuwste editie: {last['edition_label']}: verwacht tekort sociaal werk "
        f"{fmt.number(last['shortage_count'])} in {int(last['year'])}."
    )
    if len(newest) < 2:
        text += (
            " Die editie noemt alleen het eindjaar, dus geen groei per jaar; de groei hieronder "
            "komt uit de oudere prognose die Vereniging Hogescholen citeert."
        )
    st.info(text)
